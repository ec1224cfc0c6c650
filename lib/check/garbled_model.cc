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
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A full-width digit or Latin letter (０-９, Ａ-Ｚ, ａ-ｚ) at s[0..3): a copy
// typeset in full width writes "H１００", which names H100, not a bare H.
bool IsWideAlnum(std::string_view s) {
  if (s.size() < 3 || s[0] != '\xEF') return false;
  unsigned char b = static_cast<unsigned char>(s[1]), c = static_cast<unsigned char>(s[2]);
  return (b == 0xBC && ((c >= 0x90 && c <= 0x99) || (c >= 0xA1 && c <= 0xBA))) ||
         (b == 0xBD && c >= 0x81 && c <= 0x9A);
}

constexpr std::string_view kNotAModel[] = {
    "股", "轮", "端", "站", "类", "级", "型", "档", "面", "座", "字", "角", "公司", "企业",
    "君", "先生", "女士", "某", "国", "市", "省", "区", "队", "组", "点", "光", "线", "恤",
    "卡", "计划", "方案", "版", "罩杯", "咖", "超", "照", "牌", "餐", "套", "区", "门"};

struct SentenceRef {
  const std::string* path;
  const std::string* hash;
  uint32_t start = 0;  // absolute offset of the sentence
  uint32_t line = 0;   // line of `anchor`
  size_t anchor = 0;   // offset of a known span inside the sentence
  std::string_view text;
};

uint32_t LineAt(const SentenceRef& s, size_t off) {
  int line = static_cast<int>(s.line);
  std::string_view t = s.text;
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
  for (const CheckMention& m : ctx.mentions) {
    if (m.type == Mention::Type::kModel) learn(m.surface);
  }
  for (const Item& it : ctx.items) {
    learn(it.c().fields->entity);
    learn(it.c().fields->base_entity);
  }
  if (models.empty()) return;

  // Where a letter stands alone in a sentence depends on its text only:
  // each distinct text is scanned once (claims' texts by sentence id,
  // mentions' by content), however many articles repeat it.
  auto scan = [&models](std::string_view t) {
    std::vector<uint32_t> hits;
    for (size_t i = 0; i < t.size(); ++i) {
      char l = t[i];
      if (!models.count(l)) continue;
      if (i > 0 && (IsAlnum(t[i - 1]) || t[i - 1] == '-' || t[i - 1] == '_' || t[i - 1] == '.')) continue;
      if (i >= 3 && IsWideAlnum(t.substr(i - 3, 3))) continue;
      std::string_view next = t.substr(i + 1);
      if (IsWideAlnum(next)) continue;
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
      hits.push_back(static_cast<uint32_t>(i));
    }
    return hits;
  };
  std::vector<std::vector<uint32_t>> hits_of_text;  // by text slot
  std::vector<int32_t> slot_of_sid(ctx.sentences.size(), -1);
  std::unordered_map<std::string_view, int32_t> slot_of_mention_text;
  // Every sentence once per (article, start), the first reference winning.
  // There is a reference for every claim and mention of the store, so each
  // is 20 bytes, sized once: the claim or mention it came from (an index
  // into ctx.copy_storage, or kMention and an index into ctx.mentions) gives
  // the rest (SentenceRefOf) for the references kept. Holding the 48-byte
  // SentenceRef of every one, in vectors grown by doubling, was 180 MB at
  // 1.3M claims, the largest allocation of a check.
  struct Ref {
    uint32_t article, start, order;
    int32_t slot;
    uint32_t source;
  };
  constexpr uint32_t kMention = 1u << 31;
  std::vector<Ref> refs;
  refs.reserve(ctx.copy_storage.size() + ctx.mentions.size());
  for (const Item& it : ctx.items) {
    for (size_t j = 0; j < it.copies.size(); ++j) {
      const CheckClaim& c = *it.copies[j];
      size_t off = &c == it.sc ? it.offset : OffsetInSentence(c);
      if (c.sentence.empty() || off == std::string::npos) continue;
      int32_t& slot = slot_of_sid[it.sid];
      if (slot < 0) {
        slot = static_cast<int32_t>(hits_of_text.size());
        hits_of_text.push_back(scan(c.sentence));
      }
      const auto source = static_cast<uint32_t>(it.copies.data() + j - ctx.copy_storage.data());
      refs.push_back({ArticleOf(ctx, &c), c.byte_start - static_cast<uint32_t>(off),
                      static_cast<uint32_t>(refs.size()), slot, source});
    }
  }
  for (size_t k = 0; k < ctx.mentions.size(); ++k) {
    const CheckMention& loc = ctx.mentions[k];
    if (loc.sentence.empty()) continue;
    size_t off = OffsetInSentence(loc);
    if (off == std::string::npos || off > loc.byte_start) continue;
    auto [slot, fresh] = slot_of_mention_text.try_emplace(loc.sentence, static_cast<int32_t>(hits_of_text.size()));
    if (fresh) hits_of_text.push_back(scan(loc.sentence));
    refs.push_back({ctx.mention_article[k], loc.byte_start - static_cast<uint32_t>(off),
                    static_cast<uint32_t>(refs.size()), slot->second, kMention | static_cast<uint32_t>(k)});
  }
  // The offsets and line a reference anchors at, found again from its source
  // (OffsetInSentence gives what the loops above computed).
  auto sentence_ref_of = [&](const Ref& r) {
    if (r.source & kMention) {
      const CheckMention& m = ctx.mentions[r.source & ~kMention];
      return SentenceRef{&m.article->path, &m.article->hash, r.start, m.line, OffsetInSentence(m), m.sentence};
    }
    const CheckClaim& c = *ctx.copy_storage[r.source];
    return SentenceRef{&c.article->path, &c.article->hash, r.start, c.line, OffsetInSentence(c), c.sentence};
  };
  // Articles as ranks in hash order (the order findings were built in).
  const std::vector<uint32_t> rank = ArticleRanksByHash(ctx);
  for (Ref& r : refs) r.article = rank[r.article];
  std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) {
    return std::tie(a.article, a.start, a.order) < std::tie(b.article, b.start, b.order);
  });

  std::vector<std::pair<std::string_view, std::vector<Location>>> by_article;  // in hash order
  for (size_t k = 0; k < refs.size(); ++k) {
    if (k > 0 && refs[k].article == refs[k - 1].article && refs[k].start == refs[k - 1].start) continue;
    if (hits_of_text[refs[k].slot].empty()) continue;
    const SentenceRef ref = sentence_ref_of(refs[k]);
    for (uint32_t i : hits_of_text[refs[k].slot]) {
      std::string_view t = ref.text;
      Location loc;
      loc.path = *ref.path;
      loc.article_hash = *ref.hash;
      loc.byte_start = ref.start + i;
      loc.byte_end = loc.byte_start + 1;
      loc.line = LineAt(ref, i);
      loc.surface = std::string(1, t[i]);
      loc.sentence = std::string(t);
      loc.sentence_start = ref.start;
      if (by_article.empty() || by_article.back().first != loc.article_hash) {
        by_article.emplace_back(*ref.hash, std::vector<Location>());
      }
      by_article.back().second.push_back(std::move(loc));
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
  }
  // Copies of an article (syndication, a copy with a figure garbled) repeat
  // its lone letters in the same sentences: one finding names them all.
  // Key: each letter with its sentence's text, figures masked (a garbled
  // figure in that sentence does not make it another), and its place among
  // the sentence's lone letters.
  using Key = std::vector<std::tuple<uint64_t, char, uint32_t>>;
  std::map<Key, std::vector<size_t>> copies;
  std::vector<const std::vector<size_t>*> copies_of(by_article.size());
  for (size_t k = 0; k < by_article.size(); ++k) {
    Key key;
    uint64_t twin = 0;
    uint32_t nth = 0;
    const std::vector<Location>& locs = by_article[k].second;
    for (size_t i = 0; i < locs.size(); ++i) {
      bool same = i > 0 && locs[i].sentence_start == locs[i - 1].sentence_start;
      if (!same) twin = FiguresOf(locs[i].sentence).twin;
      nth = same ? nth + 1 : 0;
      key.emplace_back(twin, locs[i].surface[0], nth);
    }
    std::vector<size_t>& group = copies[std::move(key)];
    group.push_back(k);
    copies_of[k] = &group;  // map nodes stay put
  }
  for (size_t k = 0; k < by_article.size(); ++k) {
    const std::vector<size_t>& group = *copies_of[k];
    if (group.front() != k) continue;  // reported with the first copy
    std::vector<Location>& locs = by_article[k].second;
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
    if (group.size() > 1) {
      f.message += fmt::format("; the same in {} other cop{}:", group.size() - 1, group.size() == 2 ? "y" : "ies");
      for (size_t g = 1; g < group.size() && g <= 3; ++g) f.message += " " + by_article[group[g]].second[0].path;
      if (group.size() > 4) f.message += fmt::format(" and {} more", group.size() - 4);
      f.details["copies"] = std::to_string(group.size());
    }
    f.details["letters"] = std::string(letters.begin(), letters.end());
    f.details["known_models"] = known;
    f.details["occurrences"] = std::to_string(locs.size());
    f.locations = std::move(locs);
    out->push_back(std::move(f));
  }
}

}  // namespace claims::check::internal
