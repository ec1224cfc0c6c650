// Writes the sample report (tests/report/sample_report.cc) in each format, for
// the tests that need a real file: SARIF schema validation and the headless
// Chromium check. Usage: report_sample [--lang en] --html F --sarif F --md F
#include <cstdio>
#include <fstream>
#include <string>

#include "report/html.h"
#include "report/markdown.h"
#include "report/sarif.h"
#include "sample_report.h"

int main(int argc, char** argv) {
  using namespace claims::report;  // NOLINT: a test tool
  testing::Sample s = testing::MakeSample();
  Lang lang = Lang::kZh;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], path = argv[i + 1];
    std::string text;
    if (flag == "--lang") {
      ParseLang(path, &lang);
      continue;
    } else if (flag == "--html") {
      text = RenderHtml(s.Data(), {lang, "", ""});
    } else if (flag == "--sarif") {
      text = RenderSarif(s.findings, s.rules, {});
    } else if (flag == "--md") {
      text = RenderMarkdown(s.Data(), lang);
    } else {
      std::fprintf(stderr, "report_sample: unknown flag %s\n", flag.c_str());
      return 2;
    }
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
      std::fprintf(stderr, "report_sample: cannot write %s\n", path.c_str());
      return 3;
    }
  }
  return 0;
}
