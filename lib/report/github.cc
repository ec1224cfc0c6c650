// Escaping follows @actions/core's toCommandValue/escapeData/escapeProperty.
#include "report/github.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/escape.h"

namespace claims::report {
namespace {

std::string Escape(std::string_view s, bool property) {
  std::string out;
  for (char c : ValidUtf8(s)) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view Command(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "warning";
}

std::string RepoPath(std::string p) {
  while (p.rfind("./", 0) == 0) p.erase(0, 2);
  return p;
}

}  // namespace

std::string GithubEscapeData(std::string_view s) { return Escape(s, false); }
std::string GithubEscapeProperty(std::string_view s) { return Escape(s, true); }

std::string RenderGithub(std::span<const Finding> findings, const GithubOptions& options) {
  std::string out;
  size_t shown = 0;
  for (const Finding& f : findings) {
    if (shown == options.max_annotations) break;
    ++shown;
    std::string props;
    std::string message = f.message.empty() ? f.rule : f.message;
    if (!f.expected.empty()) message += " (" + f.expected + ")";
    bool first = true;
    for (const StoredClaim& c : f.claims) {
      if (first) {
        props = fmt::format("file={},line={},", GithubEscapeProperty(RepoPath(c.path)), std::max(1u, c.claim.line));
      } else {
        message += fmt::format("\n↔ {}:{} {}", c.path, c.claim.line, c.claim.surface);
      }
      first = false;
    }
    for (const Location& l : f.locations) {
      if (first) {
        props = fmt::format("file={},line={},", GithubEscapeProperty(RepoPath(l.path)), std::max(1u, l.line));
      } else {
        message += fmt::format("\n↔ {}:{} {}", l.path, l.line, l.surface);
      }
      first = false;
    }
    out += fmt::format("::{} {}title={}::{}\n", Command(f.severity), props, GithubEscapeProperty(f.rule),
                       GithubEscapeData(message));
  }
  if (findings.size() > shown) {
    out += fmt::format("::notice title=claims::{} more findings not shown (limit {}); use --format text or sarif "
                       "to see all\n",
                       findings.size() - shown, options.max_annotations);
  }
  return out;
}

}  // namespace claims::report
