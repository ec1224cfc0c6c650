#include "ingest/ingest.h"

#include "ingest/metadata.h"
#include "ingest/pipeline.h"

namespace claims::ingest {

Result<Summary> Run(store::Store* store, std::span<const std::string> inputs, const Options& options,
                    const AnalyzeFn& analyze, const Callbacks& callbacks) {
  internal::Pipeline pipeline(store, options, analyze, callbacks);
  return pipeline.Run(inputs);
}

ArticleInput MakeArticleInput(std::string_view bytes, const std::string& path, const JsonlArticle* jsonl,
                              const std::string& flag_date) {
  ArticleInput in;
  in.path = path;
  in.metadata_read = true;
  Metadata m = ReadMetadata(bytes);
  if (jsonl != nullptr) {
    in.title = jsonl->title;
    in.url = jsonl->url;
    // Dates in dumps come as "2024-03-19", "2024-03-19T11:57:53Z" or
    // "2024年3月19日"; anything without a full date is ignored.
    in.date = FindDate(jsonl->date);
    if (!in.date.empty()) in.date_source = "jsonl";
  }
  if (in.title.empty()) in.title = m.title;
  if (in.url.empty()) in.url = m.url;
  if (in.date.empty() && !m.date.empty()) {
    in.date = m.date;
    in.date_source = m.date_source;
  }
  if (in.date.empty() && !flag_date.empty()) {
    in.date = flag_date;
    in.date_source = "flag";
  }
  return in;
}

}  // namespace claims::ingest
