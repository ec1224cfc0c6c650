#include "sample_report.h"

#include <algorithm>

namespace claims::report::testing {
namespace {

// Article A holds a script and an onerror handler in its text; neither may run.
constexpr std::string_view kTextA =
    "甲公司2023年营收为60.5亿元，同比增长2%。\n"
    "据公司介绍，<script>document.body.setAttribute('data-pwned','1')</script>员工约3000名。\n"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">新工厂投资达到12亿元。\n";
constexpr std::string_view kTextB = "另据报道，甲公司2023年营收仅为6.05亿元。\n";
constexpr std::string_view kTextC = "乙公司在国内的市场份额占比达到120%，位居第一。\n";

size_t SentenceStart(std::string_view text, size_t at) {
  size_t best = 0;
  for (std::string_view end : {std::string_view("。"), std::string_view("\n")}) {
    size_t p = text.rfind(end, at == 0 ? 0 : at - 1);
    if (p != std::string_view::npos && p < at) best = std::max(best, p + end.size());
  }
  return best;
}

size_t SentenceEnd(std::string_view text, size_t at) {
  size_t best = text.size();
  for (std::string_view end : {std::string_view("。"), std::string_view("\n")}) {
    size_t p = text.find(end, at);
    if (p != std::string_view::npos) best = std::min(best, p + (end == "。" ? end.size() : 0));
  }
  return best;
}

}  // namespace

StoredClaim MakeClaim(std::string_view path, std::string_view text, std::string_view surface,
                      std::string_view value, std::string_view unit, size_t from) {
  StoredClaim sc;
  sc.path = std::string(path);
  sc.article_hash = std::string(path.size() % 2 ? "a1" : "b2") + std::to_string(text.size());
  size_t at = text.find(surface, from);
  Claim& c = sc.claim;
  c.byte_start = static_cast<uint32_t>(at);
  c.byte_end = static_cast<uint32_t>(at + surface.size());
  c.line = static_cast<uint32_t>(1 + std::count(text.begin(), text.begin() + at, '\n'));
  c.surface = std::string(surface);
  c.value_lo = c.value_hi = *Decimal::Parse(value);
  c.precision = Decimal(1);
  c.unit = std::string(unit);
  size_t s = SentenceStart(text, at), e = SentenceEnd(text, at);
  c.sentence_start = static_cast<uint32_t>(s);
  c.sentence_end = static_cast<uint32_t>(e);
  c.sentence = std::string(text.substr(s, e - s));
  return sc;
}

Sample MakeSample() {
  Sample s;
  s.rules = {{"magnitude-slip", "magnitude", "A value ten or more times off the others for the same metric."},
             {"share-over-100", "garbled", "A share of a whole above 100%.", Severity::kError},
             {"change-mismatch", "arithmetic", "A stated change the stated levels do not reproduce."}};

  StoredClaim a_rev = MakeClaim(kPathA, kTextA, "60.5亿元", "6050000000", "CNY");
  a_rev.claim.entity = "甲公司";
  a_rev.claim.metric = "revenue";
  a_rev.claim.metric_word = "营收";
  a_rev.claim.period = "2023";
  StoredClaim a_chg = MakeClaim(kPathA, kTextA, "2%", "2", "%");
  a_chg.claim.kind = Kind::kChange;
  a_chg.claim.direction = Direction::kUp;
  StoredClaim a_staff = MakeClaim(kPathA, kTextA, "3000名", "3000", "count");
  a_staff.claim.qualifier = Qualifier::kApprox;
  a_staff.claim.counted = "名";
  StoredClaim a_invest = MakeClaim(kPathA, kTextA, "12亿元", "1200000000", "CNY");
  StoredClaim b_rev = MakeClaim(kPathB, kTextB, "6.05亿元", "605000000", "CNY");
  b_rev.claim.entity = "甲公司";
  b_rev.claim.metric_word = "营收";
  b_rev.claim.period = "2023";
  StoredClaim c_share = MakeClaim(kPathC, kTextC, "120%", "120", "%");
  c_share.claim.kind = Kind::kShare;

  s.articles = {{std::string(kPathA), "甲公司年报 <b>速读</b>", true, std::string(kTextA), {a_rev, a_chg, a_staff, a_invest}},
                {std::string(kPathB), "", true, std::string(kTextB), {b_rev}},
                {std::string(kPathC), "", false, "", {c_share}}};

  Finding slip;
  slip.rule = "magnitude-slip";
  slip.family = "magnitude";
  slip.severity = Severity::kWarning;
  slip.message = "甲公司2023年营收：6.05亿元是60.5亿元的1/10";
  slip.expected = "约60.5亿元";
  slip.fingerprint = "f0a1b2c3d4e5f60718293a4b5c6d7e8f";
  slip.claims = {a_rev, b_rev};
  slip.details = {{"ratio", "10"}};

  Finding share;
  share.rule = "share-over-100";
  share.family = "garbled";
  share.severity = Severity::kError;
  share.message = "市场份额120%超过100%";
  share.fingerprint = "0badc0ffee0000000000000000000001";
  share.claims = {c_share};

  Finding change;
  change.rule = "change-mismatch";
  change.family = "arithmetic";
  change.severity = Severity::kInfo;
  change.message = "同比增长2%无法由文中数字复核 <i>示例</i>";
  change.fingerprint = "77777777777777777777777777777777";
  change.claims = {a_chg};
  change.details = {{"computed", "60.5 / 59.31 − 1 = 2.01%"}};

  s.findings = {slip, share, change};
  s.summary.articles = 3;
  s.summary.claims = 6;
  s.summary.groups_compared = 4;
  s.summary.consistent = 1;
  s.summary.findings = 3;
  s.summary.by_rule = {{"magnitude-slip", 1}, {"share-over-100", 1}, {"change-mismatch", 1}};
  s.summary.by_severity = {{"error", 1}, {"warning", 1}, {"info", 1}};
  return s;
}

}  // namespace claims::report::testing
