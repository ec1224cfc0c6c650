// The pipeline for one article. Everything here is pure: the bytes come in,
// an AnalyzedArticle or a Status goes out. Metadata the caller does not
// supply (date, title, url) is read from the text (ingest/metadata.h).
#include "analyze/analyzer.h"

#include <fmt/format.h>

#include "context/context.h"
#include "context/lexicon.h"
#include "extract/extractor.h"
#include "ingest/metadata.h"
#include "text/decode.h"
#include "text/normalize.h"
#include "units/unit_table.h"

namespace claims {
namespace {

// The error for bytes that are not UTF-8, first wrong at `at`: the message
// the full check gives, which names the likely encoding.
Status InvalidUtf8(std::string_view bytes, size_t at) {
  size_t bom = 0;
  Status st = text::CheckUtf8Text(bytes, &bom);
  if (!st.ok()) return st;
  return Status::BadInput(fmt::format("invalid UTF-8 at byte {}", at));  // not reached: both checks agree
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<context::Lexicon> lexicon;
  std::unique_ptr<context::Attacher> attacher;
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const AnalyzerOptions& options) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  a->impl_->extractor = std::make_unique<Extractor>(units::UnitTable::Default());
  auto lexicon = std::make_unique<context::Lexicon>(context::Lexicon::Default());
  for (const std::string& file : options.lexicon_files) {
    Status st = lexicon->AddFile(file);
    if (!st.ok()) return st;
  }
  a->impl_->lexicon = std::move(lexicon);
  a->impl_->attacher = std::make_unique<context::Attacher>(*a->impl_->lexicon);
  return a;
}

Result<AnalyzedArticle> Analyzer::Analyze(std::string_view bytes, const ArticleInput& input) const {
  // The BOM and NULs here; whether the rest is UTF-8, Normalize() finds in
  // its own pass over every character, so the text is read once for both.
  size_t bom = 0;
  Status st = text::CheckUtf8Text(bytes, &bom, /*known_valid=*/true);
  if (!st.ok()) return st;
  std::string_view body = bytes.substr(bom);

  AnalyzedArticle out;
  Article& a = out.article;
  ingest::Metadata meta = input.metadata_read ? ingest::Metadata() : ingest::ReadMetadata(body);
  a.path = input.path;
  a.bytes = bytes.size();
  a.url = input.url.empty() ? meta.url : input.url;
  a.title = input.title.empty() ? meta.title : input.title;
  a.date = input.date.empty() ? meta.date : input.date;
  a.date_source = input.date.empty() ? meta.date_source : input.date_source;

  text::NormalizedText norm = text::Normalize(body, &impl_->extractor->stop_chars());
  if (norm.invalid_utf8 != std::string_view::npos) return InvalidUtf8(bytes, bom + norm.invalid_utf8);
  a.script = norm.had_traditional ? "Hant" : "Hans";
  Extraction ex = impl_->extractor->Extract(body, norm, input.byte_base + static_cast<uint32_t>(bom), input.line_base);
  context::ArticleContext ctx;
  ctx.date = a.date;
  impl_->attacher->Attach(ctx, norm.utf8, &ex);

  out.claims.reserve(ex.claims.size());
  for (ExtractedClaim& c : ex.claims) out.claims.push_back(std::move(c.claim));
  out.mentions.reserve(ex.mentions.size());
  for (ExtractedMention& m : ex.mentions) out.mentions.push_back(std::move(m.mention));
  return out;
}

}  // namespace claims
