// Text rendering of a check run. Findings arrive sorted by severity and rule;
// they are shown grouped by family in a fixed order so the same run always
// prints the same text.
#include "report/check_text.h"

#include <algorithm>
#include <map>
#include <span>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "report/escape.h"

namespace claims::report {
namespace {

constexpr std::string_view kFamilies[] = {"conflict", "magnitude", "arithmetic",
                                          "garbled", "contradiction", "period"};

// How the summary line counts a family: "2 conflicts", "3 garbled".
std::string FamilyCount(std::string_view family, int64_t n) {
  if (family == "conflict") return fmt::format("{} conflict{}", n, n == 1 ? "" : "s");
  if (family == "magnitude") return fmt::format("{} magnitude slip{}", n, n == 1 ? "" : "s");
  if (family == "arithmetic") return fmt::format("{} arithmetic mismatch{}", n, n == 1 ? "" : "es");
  if (family == "garbled") return fmt::format("{} garbled", n);
  if (family == "contradiction") return fmt::format("{} contradiction{}", n, n == 1 ? "" : "s");
  if (family == "period") return fmt::format("{} period shift{}", n, n == 1 ? "" : "s");
  return fmt::format("{} {}", n, family);
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string_view Paint(bool color, std::string_view code) { return color ? code : ""; }

std::string SeverityLabel(Severity s, bool color) {
  std::string_view name = SeverityName(s);
  if (!color) return std::string(name);
  std::string_view code = s == Severity::kError ? "\033[1;31m" : s == Severity::kWarning ? "\033[1;33m" : "\033[36m";
  return fmt::format("{}{}\033[0m", code, name);
}

std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

}  // namespace

std::string CheckSummaryLine(const CheckSummary& s) {
  std::string out = fmt::format("{} claims, {} groups compared, {} consistent", s.claims,
                                s.groups_compared, s.consistent);
  if (s.findings == 0) return out + ", no findings";
  for (std::string_view family : kFamilies) {
    auto it = s.by_family.find(std::string(family));
    if (it != s.by_family.end() && it->second > 0) out += ", " + FamilyCount(family, it->second);
  }
  for (const auto& [family, n] : s.by_family) {
    if (std::find(std::begin(kFamilies), std::end(kFamilies), family) == std::end(kFamilies) && n > 0) {
      out += ", " + FamilyCount(family, n);
    }
  }
  return out;
}

namespace {

// `sentence` cut to about `context` characters around its spans (sorted,
// not overlapping, valid offsets), each span marked.
std::string QuoteSpans(std::string_view sentence, std::span<const std::pair<size_t, size_t>> spans,
                       bool color, size_t context) {
  // Walk `context` characters out from the spans, on character boundaries.
  size_t from = spans.front().first, to = spans.back().second;
  for (size_t n = 0; n < context && from > 0; ++n) {
    do { --from; } while (from > 0 && IsContinuation(sentence[from]));
  }
  for (size_t n = 0; n < context && to < sentence.size(); ++n) {
    do { ++to; } while (to < sentence.size() && IsContinuation(sentence[to]));
  }
  std::string out = from > 0 ? "…" : "";
  size_t pos = from;
  for (const auto& [begin, end] : spans) {
    out += OneLine(ValidUtf8(sentence.substr(pos, begin - pos)));
    out += color ? "\033[1;31m" : "**";
    out += OneLine(ValidUtf8(sentence.substr(begin, end - begin)));
    out += color ? "\033[0m" : "**";
    pos = end;
  }
  out += OneLine(ValidUtf8(sentence.substr(pos, to - pos)));
  if (to < sentence.size()) out += "…";
  return out;
}

}  // namespace

std::string QuoteWithHighlight(std::string_view sentence, size_t begin, size_t end, bool color,
                               size_t context) {
  if (begin > end || end > sentence.size()) return OneLine(ValidUtf8(sentence));
  const std::pair<size_t, size_t> span{begin, end};
  return QuoteSpans(sentence, std::span(&span, 1), color, context);
}

std::string RenderCheckText(std::span<const Finding> findings, const CheckSummary& summary,
                            const CheckTextOptions& options) {
  const bool color = options.color;
  std::map<std::string, std::vector<const Finding*>> by_family;
  for (const Finding& f : findings) by_family[f.family].push_back(&f);
  std::vector<std::string> order(std::begin(kFamilies), std::end(kFamilies));
  for (const auto& [family, list] : by_family) {
    if (std::find(order.begin(), order.end(), family) == order.end()) order.push_back(family);
  }
  std::string out;
  for (const std::string& family : order) {
    auto it = by_family.find(family);
    if (it == by_family.end()) continue;
    out += fmt::format("{}== {} ({}) =={}\n", Paint(color, "\033[1m"), family, it->second.size(),
                       Paint(color, "\033[0m"));
    for (const Finding* f : it->second) {
      out += fmt::format("{} {} [{}]\n  {}\n", SeverityLabel(f->severity, color), f->rule,
                         f->fingerprint, OneLine(ValidUtf8(f->message)));
      for (const StoredClaim& sc : f->claims) {
        auto at = LocateInSentence(sc.claim);
        std::string quote = at ? QuoteWithHighlight(sc.claim.sentence, at->first, at->second, color)
                               : QuoteWithHighlight(sc.claim.surface, 0, sc.claim.surface.size(), color);
        out += fmt::format("    {}:{}  {}\n", ValidUtf8(sc.path), sc.claim.line, quote);
      }
      const std::vector<Location>& locs = f->locations;
      for (size_t k = 0; k < locs.size();) {
        const Location& l = locs[k];
        auto at = LocateInSentence(l);
        std::vector<std::pair<size_t, size_t>> spans;
        if (at && at->first <= at->second && at->second <= l.sentence.size()) spans.push_back(*at);
        // Later spans in the same sentence join its quote: one line per sentence.
        size_t next = k + 1;
        for (; !spans.empty() && next < locs.size(); ++next) {
          const Location& m = locs[next];
          if (m.path != l.path || m.line != l.line || m.sentence != l.sentence) break;
          auto mat = LocateInSentence(m);
          if (!mat || mat->first < spans.back().second || mat->first > mat->second ||
              mat->second > l.sentence.size()) {
            break;
          }
          spans.push_back(*mat);
        }
        std::string quote = !spans.empty() ? QuoteSpans(l.sentence, spans, color, 40)
                            : at ? QuoteWithHighlight(l.sentence, at->first, at->second, color)
                                 : QuoteWithHighlight(l.surface, 0, l.surface.size(), color);
        out += fmt::format("    {}:{}  {}\n", ValidUtf8(l.path), l.line, quote);
        k = next;
      }
      if (!f->expected.empty()) out += fmt::format("  expected: {}\n", ValidUtf8(f->expected));
      if (options.explain) {
        for (const auto& [id, description] : options.rule_descriptions) {
          if (id == f->rule) out += fmt::format("  rule: {}\n", description);
        }
        for (const auto& [k, v] : f->details) out += fmt::format("  {}: {}\n", k, ValidUtf8(v));
      }
      out += "\n";
    }
  }
  out += CheckSummaryLine(summary) + "\n";
  return out;
}

}  // namespace claims::report
