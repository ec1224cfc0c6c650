// What an article says about itself before any claim is extracted: its title,
// publication date and source URL, read from Markdown front matter or from the
// first lines of plain text. The context stage resolves 今年/去年/上季度
// against the date, so where the date came from is kept too.
#ifndef CLAIMS_INGEST_METADATA_H_
#define CLAIMS_INGEST_METADATA_H_

#include <string>
#include <string_view>

namespace claims::ingest {

struct Metadata {
  std::string title;
  std::string date;         // "2024-03-19", or "" when none was found
  std::string date_source;  // "front-matter" or "text" when date is set
  std::string url;
};

// "2024-03-19 19:57:53" -> "2024-03-19"; "2024年3月19日" -> "2024-03-19";
// "2024/3/19", "2024.03.19" likewise. The first date in `text` with a
// plausible year (1900..2199), month and day; "" when there is none. A month
// and day without a year ("06-18") is not a date here.
std::string FindDate(std::string_view text);

// Reads `bytes` (UTF-8 expected; other bytes are tolerated and skipped):
//  - front matter ("---" line, "key: value" lines, "---"): title, date, url
//    (or source/link);
//  - otherwise the title is the first Markdown heading ("# ...") or the
//    first non-empty line that is not a date line, cut to 200 bytes on a
//    character boundary; the date is the first date on one of the first 10
//    non-empty lines that is a byline: at most 60 bytes with the date in its
//    first 24 ("2024-03-19 19:57:53"), or labelled (发布/时间/日期/Date) and at
//    most 120 bytes ("发布时间：2024年3月19日 来源：某报"). Body text such as
//    "2023年10月17日，美国商务部发布了新规，…" is not a byline;
//  - the url is the first http(s) URL on a line that labels it (原文/来源/链接/
//    source/url) within the first or last 10 lines.
Metadata ReadMetadata(std::string_view bytes);

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_METADATA_H_
