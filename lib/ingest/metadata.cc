// Metadata comes from the article's own first lines. Chinese news pages keep
// a byline near the top ("创始人 / 2024-03-19 19:57:53", "2024年3月19日 来源：
// 新华网"); a date found deep in the body is an event date, not the
// publication date, so only short lines near the top count.
#include "ingest/metadata.h"

#include <string.h>  // memrchr

#include <algorithm>
#include <vector>

namespace claims::ingest {
namespace {

constexpr size_t kMaxTitleBytes = 200;
constexpr size_t kDateLines = 10;
constexpr size_t kMaxDateLineBytes = 120;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1-2 digits at *i; -1 if none.
int ReadSmall(std::string_view s, size_t* i) {
  int v = 0, n = 0;
  while (*i < s.size() && IsDigit(s[*i]) && n < 2) { v = v * 10 + (s[*i] - '0'); ++*i; ++n; }
  if (n == 0 || (*i < s.size() && IsDigit(s[*i]))) return -1;
  return v;
}

bool Consume(std::string_view s, size_t* i, std::string_view word) {
  if (s.substr(*i, word.size()) != word) return false;
  *i += word.size();
  return true;
}

// A date starting at `at` (the year's first digit), or "".
std::string DateAt(std::string_view s, size_t at) {
  size_t i = at;
  int year = 0;
  for (int k = 0; k < 4; ++k, ++i) {
    if (i >= s.size() || !IsDigit(s[i])) return "";
    year = year * 10 + (s[i] - '0');
  }
  if (year < 1900 || year > 2199) return "";
  int month = -1, day = -1;
  if (Consume(s, &i, "年")) {
    month = ReadSmall(s, &i);
    if (month < 0 || !Consume(s, &i, "月")) return "";
    day = ReadSmall(s, &i);
    if (day < 0 || !(Consume(s, &i, "日") || Consume(s, &i, "号"))) return "";
  } else if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
    char sep = s[i++];
    month = ReadSmall(s, &i);
    if (month < 0 || i >= s.size() || s[i] != sep) return "";
    ++i;
    day = ReadSmall(s, &i);
    if (day < 0) return "";
  } else {
    return "";
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  // By hand: a byline test formats every date it meets, and fmt's
  // format-string parsing was most of that.
  std::string out = "0000-00-00";
  for (int k = 3; k >= 0; --k, year /= 10) out[k] = static_cast<char>('0' + year % 10);
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == "\xE3\x80\x80") {  // U+3000 ideographic space
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// The lines of `text` one at a time, split at "\n" (a text of n line ends
// has n + 1 lines, the last maybe empty). Metadata needs the first and the
// last few lines only: an article is not split whole.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  bool Next(std::string_view* line) {
    if (pos_ > text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    *line = text_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    return true;
  }
  bool done() const { return pos_ > text_.size(); }
  // The text after the lines read so far.
  std::string_view rest() const { return done() ? std::string_view() : text_.substr(pos_); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// The text of the last `n` lines of `text` (all of it when it has fewer).
// memrchr: string_view::rfind walks back one byte at a time.
std::string_view LastLines(std::string_view text, size_t n) {
  size_t start = text.size();
  for (size_t found = 0; found < n; ++found) {
    const void* nl = start == 0 ? nullptr : memrchr(text.data(), '\n', start);
    if (nl == nullptr) return text;
    start = static_cast<size_t>(static_cast<const char*>(nl) - text.data());
  }
  return text.substr(start + 1);
}

std::string CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

std::string_view Unquote(std::string_view v) {
  v = Trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return v;
}

// A byline: short, with the date near its start.
bool IsDateLine(std::string_view line) {
  if (line.size() > 60) return false;
  for (size_t i = 0; i < line.size() && i < 24; ++i) {
    if (IsDigit(line[i]) && (i == 0 || !IsDigit(line[i - 1])) && !DateAt(line, i).empty()) return true;
  }
  return false;
}

// The date after a label ("发布时间：2024年3月19日"), or "". A date before
// the label ("2023年10月17日，商务部发布…") is body text.
std::string LabelledDate(std::string_view line) {
  static constexpr std::string_view kLabels[] = {"发布", "發布", "时间", "時間", "日期", "Date", "date", "Published"};
  size_t first = std::string_view::npos;
  for (std::string_view l : kLabels) first = std::min(first, line.find(l));
  return first == std::string_view::npos ? "" : FindDate(line.substr(first));
}

// The URL is looked for before the labels: lines here are whole paragraphs,
// and a search for a label that starts with a common UTF-8 lead byte (most
// Chinese characters start with E4-E9) stops at nearly every character,
// which made this the costliest step of ingest outside extraction.
std::string UrlIn(std::string_view line) {
  static constexpr std::string_view kLabels[] = {"原文", "来源", "來源", "链接", "鏈接", "出处",
                                                  "source", "Source", "SOURCE", "url", "URL"};
  size_t p = line.find("https://");
  if (p == std::string_view::npos) p = line.find("http://");
  if (p == std::string_view::npos) return "";
  bool labelled = false;
  for (std::string_view l : kLabels) labelled = labelled || line.find(l) != std::string_view::npos;
  if (!labelled) return "";
  size_t e = p;
  while (e < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[e]);
    if (c <= ' ' || c >= 0x80 || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')' || c == ']') break;
    ++e;
  }
  return std::string(line.substr(p, e - p));
}

// The line with full-width digits and date separators (０-９ － ／ ．) as
// ASCII: some sites typeset the whole page, byline included, in full width.
std::string AsciiDigits(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char b1 = i + 2 < line.size() ? static_cast<unsigned char>(line[i + 1]) : 0;
    unsigned char b2 = i + 2 < line.size() ? static_cast<unsigned char>(line[i + 2]) : 0;
    if (static_cast<unsigned char>(line[i]) == 0xEF && b1 == 0xBC && b2 >= 0x8D && b2 <= 0x99) {
      out += static_cast<char>('-' + (b2 - 0x8D));  // U+FF0D..FF19 -> '-' '.' '/' '0'..'9'
      i += 2;
    } else {
      out += line[i];
    }
  }
  return out;
}

}  // namespace

std::string FindDate(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if (!IsDigit(text[i]) || (i > 0 && IsDigit(text[i - 1]))) continue;
    std::string d = DateAt(text, i);
    if (!d.empty()) return d;
  }
  return "";
}

Metadata ReadMetadata(std::string_view bytes) {
  Metadata m;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  LineReader reader(bytes);
  std::string_view body = bytes;  // the text after any front matter

  // Front matter: "---" then "key: value" lines up to "---" or "...".
  std::string_view first;
  if (reader.Next(&first) && Trim(first) == "---") {
    std::string_view line;
    while (reader.Next(&line)) {
      std::string_view l = Trim(line);
      if (l == "---" || l == "...") { body = reader.rest(); break; }
      if (reader.done()) m = Metadata();  // never closed: not front matter
      size_t colon = l.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view key = Trim(l.substr(0, colon));
      std::string_view value = Unquote(l.substr(colon + 1));
      if (key == "title" && m.title.empty()) {
        m.title = CutUtf8(value, kMaxTitleBytes);
      } else if ((key == "date" || key == "published") && m.date.empty()) {
        m.date = FindDate(value);
        if (!m.date.empty()) m.date_source = "front-matter";
      } else if ((key == "url" || key == "source" || key == "link") && m.url.empty() &&
                 (value.substr(0, 7) == "http://" || value.substr(0, 8) == "https://")) {
        m.url = std::string(value);
      }
    }
  }

  // The first non-empty lines after any front matter.
  std::vector<std::string_view> top;
  LineReader top_reader(body);
  for (std::string_view line; top.size() < kDateLines && top_reader.Next(&line);) {
    std::string_view l = Trim(line);
    if (!l.empty()) top.push_back(l);
  }
  if (m.date.empty()) {
    std::string ascii;
    for (std::string_view l : top) {
      if (l.find("\xEF\xBC") != std::string_view::npos) l = ascii = AsciiDigits(l);
      if (IsDateLine(l)) {
        m.date = FindDate(l);
      } else if (l.size() <= kMaxDateLineBytes) {
        m.date = LabelledDate(l);
      }
      if (!m.date.empty()) { m.date_source = "text"; break; }
    }
  }
  if (m.title.empty()) {
    for (std::string_view l : top) {
      if (l.substr(0, 2) == "# ") { m.title = CutUtf8(Trim(l.substr(2)), kMaxTitleBytes); break; }
    }
  }
  if (m.title.empty()) {
    for (std::string_view l : top) {
      if (IsDateLine(l)) continue;
      while (!l.empty() && l.front() == '#') l.remove_prefix(1);
      l = Trim(l);
      if (!l.empty()) { m.title = CutUtf8(l, kMaxTitleBytes); break; }
    }
  }
  if (m.url.empty()) {
    // Sources are named in the byline or at the very end: the first and the
    // last kDateLines lines.
    // Those lines are most of a short article, and most hold no URL: each
    // group is searched for "http" once before its lines are looked at.
    LineReader head(body);
    std::string_view line;
    for (size_t k = 0; k < kDateLines && head.Next(&line); ++k) {}
    std::string_view head_text = body.substr(0, body.size() - std::min(body.size(), head.rest().size()));
    if (head_text.find("http") != std::string_view::npos) {
      LineReader again(head_text);
      while (m.url.empty() && again.Next(&line)) m.url = UrlIn(line);
    }
    std::string_view tail_text = LastLines(head.rest(), kDateLines);
    if (m.url.empty() && !head.done() && tail_text.find("http") != std::string_view::npos) {
      LineReader tail(tail_text);
      while (m.url.empty() && tail.Next(&line)) m.url = UrlIn(line);
    }
  }
  return m;
}

}  // namespace claims::ingest
