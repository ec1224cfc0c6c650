# claims_embed(OUT <file.inc> NAME <symbol> FILES <f>...)
#
# Writes a C++ source fragment declaring
#   inline constexpr claims::EmbeddedFile <symbol>[] = {{"name", R"(...)"}, ...};
# The file is regenerated whenever one of the inputs changes, by running
# cmake/embed_run.cmake in script mode (so the build needs no extra tools).
# A custom-command output is only visible to targets of the same directory,
# so the function also adds a custom target and makes claims_lib depend on it:
# callers need not list the .inc among their sources.
function(claims_embed)
  cmake_parse_arguments(E "" "OUT;NAME" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUT}
    COMMAND ${CMAKE_COMMAND} -DOUT=${E_OUT} -DNAME=${E_NAME} "-DFILES=${E_FILES}"
            -DROOT=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding ${E_NAME}"
    VERBATIM)
  add_custom_target(${E_NAME}_embed DEPENDS ${E_OUT})
  add_dependencies(claims_lib ${E_NAME}_embed)
endfunction()
