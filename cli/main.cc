#include <cstdlib>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  claims::cli::Env env;
  env.err_is_tty = isatty(STDERR_FILENO) != 0;
  env.out_is_tty = isatty(STDOUT_FILENO) != 0;
  env.getenv = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v == nullptr ? std::string() : std::string(v);
  };
  return claims::cli::Main(args, env);
}
