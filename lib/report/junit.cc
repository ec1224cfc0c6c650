// One <failure> per test case (not one per finding): the JUnit schema most
// consumers validate against allows a single failure element, and GitLab
// shows only the first. The failure body lists every finding, one per line.
#include "report/junit.h"

#include <fmt/format.h>

#include <map>

#include "report/escape.h"

namespace claims::report {
namespace {

std::string Describe(const Finding& f, const std::string& path) {
  std::string where;
  for (const StoredClaim& c : f.claims) {
    if (!where.empty()) where += "; ";
    where += fmt::format("{}{}:{} {}", c.path == path ? "" : "↔ ", c.path, c.claim.line, c.claim.surface);
  }
  for (const Location& l : f.locations) {
    if (!where.empty()) where += "; ";
    where += fmt::format("{}{}:{} {}", l.path == path ? "" : "↔ ", l.path, l.line, l.surface);
  }
  std::string out = fmt::format("[{}] {}: {}", SeverityName(f.severity), f.rule, f.message);
  if (!f.expected.empty()) out += fmt::format(" ({})", f.expected);
  if (!where.empty()) out += " — " + where;
  return out + " [" + f.fingerprint + "]";
}

}  // namespace

std::string RenderJunit(std::span<const std::string> articles, std::span<const Finding> findings,
                        const JunitOptions& options) {
  std::map<std::string, std::vector<const Finding*>> by_path;
  for (const Finding& f : findings) {
    for (const std::string& p : InvolvedPaths(f)) by_path[p].push_back(&f);
  }
  std::string cases;
  int failures = 0;
  for (const std::string& path : articles) {
    cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", Html(options.suite_name), Html(path));
    auto it = by_path.find(path);
    if (it == by_path.end()) {
      cases += "/>\n";
      continue;
    }
    std::vector<const Finding*> failing, other;
    for (const Finding* f : it->second) (f->severity >= options.fail_on ? failing : other).push_back(f);
    cases += ">\n";
    if (!failing.empty()) {
      ++failures;
      std::string body;
      for (const Finding* f : failing) body += Describe(*f, path) + "\n";
      std::string message = failing.size() == 1 ? failing[0]->rule + ": " + failing[0]->message
                                                : fmt::format("{} findings; first: {}: {}", failing.size(),
                                                              failing[0]->rule, failing[0]->message);
      cases += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", Html(message),
                           Html(failing[0]->rule), Html(body));
    }
    if (!other.empty()) {
      std::string body;
      for (const Finding* f : other) body += Describe(*f, path) + "\n";
      cases += fmt::format("      <system-out>{}</system-out>\n", Html(body));
    }
    cases += "    </testcase>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{0}\" tests=\"{1}\" failures=\"{2}\" "
      "errors=\"0\">\n  <testsuite name=\"{0}\" tests=\"{1}\" failures=\"{2}\" errors=\"0\" skipped=\"0\">\n{3}"
      "  </testsuite>\n</testsuites>\n",
      Html(options.suite_name), articles.size(), failures, cases);
}

}  // namespace claims::report
