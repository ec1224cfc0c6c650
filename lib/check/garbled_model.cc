// bare-model-letter: a product name cut to its letter ("A、H芯片",
// "NVIDIA H的15%", "少生产一块H") where the corpus names the full models
// (A100, H100, H20 …). The known prefixes come from the model mentions the
// extractor found; the text scanned is every sentence the checker can see
// (claims' and mentions' sentences). A lone capital is kept out when the word
// after it makes it something else: A股/H股, A轮, B端, C919 is not alone, A公司
// (an anonymised company), X光, K线, N卡/A卡 (card brands).
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

constexpr std::string_view kNotAModel[] = {
    "股", "轮", "端", "站", "类", "级", "型", "档", "面", "座", "字", "角", "公司", "企业",
    "君", "先生", "女士", "某", "国", "市", "省", "区", "队", "组", "点", "光", "线", "恤",
    "卡", "计划", "方案", "版", "罩杯", "咖", "超", "照", "牌", "餐", "套", "区", "门"};

struct SentenceRef {
  std::string path, hash;
  uint32_t start = 0;  // absolute offset of the sentence
  uint32_t line = 0;   // line of `anchor`
  size_t anchor = 0;   // offset of a known span inside the sentence
  const std::string* text = nullptr;
};

uint32_t LineAt(const SentenceRef& s, size_t off) {
  int line = static_cast<int>(s.line);
  const std::string& t = *s.text;
  for (size_t k = std::min(off, s.anchor); k < std::max(off, s.anchor) && k < t.size(); ++k) {
    if (t[k] == '\n') line += off < s.anchor ? -1 : 1;
  }
  return static_cast<uint32_t>(std::max(line, 1));
}

}  // namespace

void CheckBareModelLetter(Context& ctx, std::vector<Finding>* out) {
  std::map<char, std::set<std::string>> models;  // letter -> known full names
  auto learn = [&models](std::string_view name) {
    if (name.size() >= 2 && name[0] >= 'A' && name[0] <= 'Z' && name[1] >= '0' && name[1] <= '9') {
      models[name[0]].insert(std::string(name.substr(0, std::min<size_t>(name.size(), 8))));
    }
  };
  for (const auto& [loc, m] : ctx.mentions) {
    if (m.type == Mention::Type::kModel) learn(loc.surface);
  }
  for (const Item& it : ctx.items) {
    learn(it.c().entity);
    learn(it.c().base_entity);
  }
  if (models.empty()) return;

  // Every sentence once, with a way back to absolute offsets and lines.
  std::map<std::pair<std::string, uint32_t>, SentenceRef> sentences;
  for (const Item& it : ctx.items) {
    for (const StoredClaim* sc : it.copies) {
      const Claim& c = sc->claim;
      size_t off = sc == it.sc ? it.offset : OffsetInSentence(c);
      if (c.sentence.empty() || off == std::string::npos) continue;
      SentenceRef ref{sc->path, sc->article_hash, c.byte_start - static_cast<uint32_t>(off),
                      c.line, off, &c.sentence};
      sentences.try_emplace({sc->article_hash, ref.start}, ref);
    }
  }
  for (const auto& [loc, m] : ctx.mentions) {
    if (loc.sentence.empty()) continue;
    size_t off = loc.sentence_start ? loc.byte_start - loc.sentence_start : loc.sentence.find(loc.surface);
    if (off == std::string::npos || off > loc.byte_start) continue;
    SentenceRef ref{loc.path, loc.article_hash, loc.byte_start - static_cast<uint32_t>(off),
                    loc.line, off, &loc.sentence};
    sentences.try_emplace({loc.article_hash, ref.start}, ref);
  }

  std::map<std::string, std::vector<Location>> by_article;  // hash -> letters found
  for (const auto& [key, ref] : sentences) {
    const std::string& t = *ref.text;
    for (size_t i = 0; i < t.size(); ++i) {
      char l = t[i];
      if (!models.count(l)) continue;
      if (i > 0 && (IsAlnum(t[i - 1]) || t[i - 1] == '-' || t[i - 1] == '_' || t[i - 1] == '.')) continue;
      std::string_view next = std::string_view(t).substr(i + 1);
      if (!next.empty() && (IsAlnum(next[0]) || next[0] == '-' || next[0] == '+' ||
                            next[0] == '/' || next[0] == '\'' || next[0] == '&')) continue;
      if (!next.empty() && next[0] == ' ' && next.size() > 1 && IsAlnum(next[1])) continue;
      // "Hông", "Émile": a Latin word with accents, not a letter alone.
      if (!next.empty() && (static_cast<unsigned char>(next[0]) & 0x80)) {
        std::vector<char32_t> cp = CodePoints(next.substr(0, std::min<size_t>(4, next.size())));
        if (!cp.empty() && ((cp[0] >= 0xC0 && cp[0] <= 0x24F) || (cp[0] >= 0x1E00 && cp[0] <= 0x1EFF))) continue;
      }
      bool excluded = false;
      for (std::string_view w : kNotAModel) excluded = excluded || next.substr(0, w.size()) == w;
      if (excluded) continue;
      // A Latin sentence is not our business ("Plan A.").
      if (!next.empty() && next[0] == '.') continue;
      Location loc;
      loc.path = ref.path;
      loc.article_hash = ref.hash;
      loc.byte_start = ref.start + static_cast<uint32_t>(i);
      loc.byte_end = loc.byte_start + 1;
      loc.line = LineAt(ref, i);
      loc.surface = std::string(1, l);
      loc.sentence = t;
      loc.sentence_start = ref.start;
      by_article[ref.hash].push_back(std::move(loc));
    }
  }
  for (auto& [hash, locs] : by_article) {
    std::sort(locs.begin(), locs.end(),
              [](const Location& a, const Location& b) { return a.byte_start < b.byte_start; });
    locs.erase(std::unique(locs.begin(), locs.end(),
                           [](const Location& a, const Location& b) {
                             return a.byte_start == b.byte_start;
                           }),
               locs.end());
    std::set<char> letters;
    for (const Location& l : locs) letters.insert(l.surface[0]);
    std::string known;
    for (char l : letters) {
      for (const std::string& m : models[l]) known += (known.empty() ? "" : ", ") + m;
    }
    std::vector<uint32_t> lines;
    for (const Location& l : locs) {
      if (lines.empty() || lines.back() != l.line) lines.push_back(l.line);
    }
    std::string where = lines.size() == 1 ? "line " : "lines ";
    for (size_t k = 0; k < lines.size() && k < 6; ++k) {
      where += fmt::format("{}{}", k ? ", " : "", lines[k]);
    }
    if (lines.size() > 6) where += fmt::format(" and {} more", lines.size() - 6);
    std::string shown;
    for (char l : letters) shown += fmt::format("{}「{}」", shown.empty() ? "" : " ", l);
    Finding f;
    f.rule = "bare-model-letter";
    f.severity = locs.size() >= 2 ? Severity::kWarning : Severity::kInfo;
    f.message = fmt::format(
        "{}: {} stands alone {} time{} ({}) where the corpus names models {}: the model "
        "numbers look lost",
        locs[0].path, shown, locs.size(), locs.size() == 1 ? "" : "s", where, known);
    f.details["letters"] = std::string(letters.begin(), letters.end());
    f.details["known_models"] = known;
    f.details["occurrences"] = std::to_string(locs.size());
    f.locations = std::move(locs);
    out->push_back(std::move(f));
  }
}

}  // namespace claims::check::internal
