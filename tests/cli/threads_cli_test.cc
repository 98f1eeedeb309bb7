// Conversations, end to end on the real `byline` binary: thread queries
// (on:, discussed:, reply:, comments answering their article's tag: and
// title:), page:/id:, relative dates, search --thread / --collapse and show
// --thread / --query. Every expected answer is computed from make-archive's
// ground truth (each comment's article and parent, each text), never from
// Byline: words are matched by their Snowball stems, as the index holds
// them, with a tokenizer of the test's own.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "ids.h"
#include "snowball_stem.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline::test;
using nlohmann::json;

namespace {

using Ids = std::set<std::string>;

struct TruthDoc {
  std::string id, page;
  bool is_comment = false;
  int index = 0;
  std::optional<int> parent;
  std::string date;  // "YYYY-MM-DDTHH:MM"
  std::set<std::string> stems;
};

struct TruthPage {
  std::string id;
  std::set<std::string> title_stems, tags;  // tags lowercased
  std::vector<std::string> docs;            // the article's id, then its comments'
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Words as runs of letters, digits and non-ASCII bytes, with an apostrophe
// inside a word kept (as Xapian's TermGenerator does), lowercased, stemmed.
std::set<std::string> stems_of(std::string text, const Xapian::Stem& stem,
                               std::map<std::string, std::string>* surface = nullptr) {
  // Xapian reads U+2019 inside a word as an apostrophe.
  // (Rebuilt piecewise: std::string::replace here trips GCC 12's false
  // -Wrestrict warning.)
  std::string apostrophes;
  for (std::size_t from = 0;;) {
    std::size_t at = text.find("\xe2\x80\x99", from);
    apostrophes.append(text, from, at == std::string::npos ? std::string::npos : at - from);
    if (at == std::string::npos) break;
    apostrophes.push_back('\'');
    from = at + 3;
  }
  text = std::move(apostrophes);
  std::set<std::string> out;
  auto word_char = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    bool inner_quote =
        c == '\'' && !word.empty() && i + 1 < text.size() && word_char(static_cast<unsigned char>(text[i + 1]));
    if (word_char(c) || inner_quote) {
      word.push_back(static_cast<char>(c));
      continue;
    }
    if (!word.empty()) {
      std::string w = lower(word);
      std::string s = stem(w);
      out.insert(s);
      if (surface && !surface->count(s)) (*surface)[s] = w;
    }
    word.clear();
  }
  return out;
}

struct Archive {
  TempDir dir;
  std::string db = (dir / "db").string();
  std::map<std::string, TruthDoc> docs;
  std::map<std::string, TruthPage> pages;
  std::map<std::string, std::string> surface;  // stem -> a word that has it
  bool ok = false;
  std::string why;

  Archive() {
    fs::path truth = dir / "truth.jsonl";
    if (!make_archive(dir / "pages", 60, 23, truth, why)) return;
    Xapian::Stem stem = byline::make_stemmer("english");
    std::istringstream lines(read_file(truth));
    std::string line;
    while (std::getline(lines, line)) {
      json p = json::parse(line);
      TruthPage page;
      page.id = byline::page_id_for((dir / "pages" / p["source"].get<std::string>()).string());
      const json& a = p["article"];
      page.title_stems = stems_of(a["title"], stem);
      for (const auto& t : a["tags"]) page.tags.insert(lower(t));
      TruthDoc article;
      article.id = article.page = page.id;
      article.date = a["date"];
      article.stems = stems_of(a["title"].get<std::string>() + " " + a["text"].get<std::string>(), stem, &surface);
      docs[article.id] = article;
      page.docs.push_back(article.id);
      for (const auto& c : p["comments"]) {
        TruthDoc d;
        d.is_comment = true;
        d.page = page.id;
        d.index = c["index"];
        if (!c["parent"].is_null()) d.parent = c["parent"].get<int>();
        d.id = page.id + "." + std::to_string(d.index);
        d.date = c["date"];
        d.stems = stems_of(c["text"], stem, &surface);
        docs[d.id] = d;
        page.docs.push_back(d.id);
      }
      pages[page.id] = page;
    }
    RunResult r = run_byline({"--db", db, "index", "--jobs", "2", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    ok = true;
  }

  RunResult run(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--db", db});
    return run_byline(args, env);
  }

  json search(const std::string& query, std::vector<std::string> extra = {}, const std::vector<std::string>& env = {}) {
    std::vector<std::string> args = {"search", "--format", "json", "--snippet-chars", "0"};
    if (std::find(extra.begin(), extra.end(), "-n") == extra.end()) args.insert(args.end(), {"-n", "100000"});
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("--");
    args.push_back(query);
    RunResult r = run(args, env);
    INFO(query << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }

  Ids ids(const std::string& query, std::vector<std::string> extra = {}, const std::vector<std::string>& env = {}) {
    Ids out;
    const json result = search(query, std::move(extra), env);
    for (const auto& hit : result["hits"]) out.insert(hit["id"].get<std::string>());
    return out;
  }

  template <typename F>
  Ids expected(F&& keep) const {
    Ids out;
    for (const auto& [id, d] : docs)
      if (keep(d)) out.insert(id);
    return out;
  }

  const TruthDoc* parent(const TruthDoc& d) const {
    if (!d.parent) return nullptr;
    auto it = docs.find(d.page + "." + std::to_string(*d.parent));
    return it == docs.end() ? nullptr : &it->second;
  }

  // Stems found in between `low` and `high` of the documents passing `in`,
  // of words of 6 letters or more (so no stop word is among them: the
  // english list's long words are also excluded below), as query words.
  template <typename F>
  std::vector<std::string> words(double low, double high, F&& in, std::size_t n) const {
    static const Ids kStop = {"should", "because", "through",   "before",   "itself",     "between", "against",
                              "during", "having",  "ourselves", "yourself", "themselves", "further"};
    std::map<std::string, int> count;
    int total = 0;
    for (const auto& [id, d] : docs) {
      if (!in(d)) continue;
      ++total;
      for (const std::string& s : d.stems) ++count[s];
    }
    std::vector<std::string> out;
    for (const auto& [s, c] : count) {
      auto w = surface.find(s);
      if (w == surface.end() || w->second.size() < 6 || kStop.count(w->second)) continue;
      bool alpha = std::all_of(w->second.begin(), w->second.end(), [](char ch) { return std::isalpha(ch); });
      if (!alpha || c < low * total || c > high * total) continue;
      out.push_back(w->second);
      if (out.size() == n) break;
    }
    return out;
  }

  std::string stem(const std::string& word) const { return byline::make_stemmer("english")(word); }
};

Archive& archive() {
  static Archive a;
  return a;
}

#define REQUIRE_ARCHIVE(a)      \
  Archive& a = archive();       \
  if (!a.ok) {                  \
    WARN("SKIPPED: " << a.why); \
    return;                     \
  }

// "YYYY-MM-DDTHH:MM" -> minutes since 1970 (std::chrono's calendar: an
// implementation of dates independent of Byline's).
long at_minute(const std::string& iso) {
  namespace c = std::chrono;
  int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  int hh = iso.size() >= 16 ? std::stoi(iso.substr(11, 2)) : 0,
      mm = iso.size() >= 16 ? std::stoi(iso.substr(14, 2)) : 0;
  c::sys_days day{c::year_month_day{c::year{y}, c::month{static_cast<unsigned>(m)}, c::day{static_cast<unsigned>(d)}}};
  return static_cast<long>(day.time_since_epoch().count()) * 1440 + hh * 60 + mm;
}

std::string iso_of_day(std::chrono::sys_days day) {
  std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

TEST_CASE("ids: page:ID matches a page's documents, id:ID one", "[cli][threads]") {
  REQUIRE_ARCHIVE(a);
  CHECK(a.ids("").size() == a.docs.size());  // the truth's ids are the index's
  int checked = 0;
  for (const auto& [id, page] : a.pages) {
    if (page.docs.size() < 3 || ++checked > 5) continue;
    CHECK(a.ids("page:" + id) == Ids(page.docs.begin(), page.docs.end()));
    CHECK(a.ids("id:" + page.docs[2]) == Ids{page.docs[2]});
    CHECK(a.ids("id:" + id) == Ids{id});
  }
  CHECK(checked >= 5);
}

TEST_CASE("comments answer their article's tag: and title: as filters", "[cli][threads]") {
  REQUIRE_ARCHIVE(a);
  std::map<std::string, int> tag_pages;
  for (const auto& [id, p] : a.pages)
    for (const std::string& t : p.tags) ++tag_pages[t];
  int tags_checked = 0;
  for (const auto& [tag, n] : tag_pages) {
    if (n < 3 || tag.find(' ') != std::string::npos || tags_checked >= 3) continue;
    auto on_tag = [&](const TruthDoc& d) { return d.is_comment && a.pages.at(d.page).tags.count(tag); };
    for (const std::string& word : a.words(0.05, 0.5, on_tag, 2)) {
      INFO("tag " << tag << " word " << word);
      const std::string s = a.stem(word);
      Ids want = a.expected([&](const TruthDoc& d) { return on_tag(d) && d.stems.count(s); });
      CHECK_FALSE(want.empty());
      CHECK(a.ids("type:comment tag:" + tag + " " + word) == want);
      ++tags_checked;
    }
  }
  CHECK(tags_checked >= 2);
  // title:X W: the comments saying W on articles whose title says X, and the
  // articles saying W with X in their title.
  int titles_checked = 0;
  for (const std::string& title_word : a.words(
           0.03, 0.3, [](const TruthDoc& d) { return !d.is_comment; }, 1000)) {
    const std::string x = a.stem(title_word);
    auto under = [&](const TruthDoc& d) { return a.pages.at(d.page).title_stems.count(x) > 0; };
    int pages_with = 0;
    for (const auto& [id, p] : a.pages) pages_with += p.title_stems.count(x) ? 1 : 0;
    if (pages_with < 2 || titles_checked >= 3) continue;
    for (const std::string& word : a.words(
             0.1, 0.6, [&](const TruthDoc& d) { return d.is_comment && under(d); }, 1)) {
      INFO("title " << title_word << " word " << word);
      const std::string s = a.stem(word);
      Ids comments = a.expected([&](const TruthDoc& d) { return d.is_comment && under(d) && d.stems.count(s); });
      CHECK(a.ids("type:comment title:" + title_word + " " + word) == comments);
      Ids all = a.ids("title:" + title_word + " " + word);
      Ids articles = a.expected([&](const TruthDoc& d) { return !d.is_comment && under(d) && d.stems.count(s); });
      Ids both = comments;
      both.insert(articles.begin(), articles.end());
      CHECK(all == both);
      ++titles_checked;
    }
  }
  CHECK(titles_checked >= 2);
}

TEST_CASE("on:() over title words and tags (the comments' copies, no join) against the ground truth",
          "[cli][threads][copied-terms]") {
  REQUIRE_ARCHIVE(a);
  // Title words on a few pages, tags of a few pages (one word, no spaces).
  std::vector<std::string> titles;
  for (const std::string& w : a.words(
           0.03, 0.3, [](const TruthDoc& d) { return !d.is_comment; }, 1000)) {
    int pages_with = 0;
    for (const auto& [id, p] : a.pages) pages_with += p.title_stems.count(a.stem(w)) ? 1 : 0;
    if (pages_with >= 2 && titles.size() < 2) titles.push_back(w);
  }
  std::map<std::string, int> tag_pages;
  for (const auto& [id, p] : a.pages)
    for (const std::string& t : p.tags) ++tag_pages[t];
  std::string tag;
  for (const auto& [t, n] : tag_pages)
    if (n >= 3 && t.find(' ') == std::string::npos && t.find('"') == std::string::npos) tag = t;
  REQUIRE(titles.size() == 2);
  REQUIRE_FALSE(tag.empty());
  auto titled = [&](const TruthDoc& d, const std::string& w) {
    return a.pages.at(d.page).title_stems.count(a.stem(w)) > 0;
  };
  auto tagged = [&](const TruthDoc& d) { return a.pages.at(d.page).tags.count(tag) > 0; };
  const std::string x = titles[0], y = titles[1];
  INFO("title words " << x << ", " << y << "; tag " << tag);

  const Ids on_x = a.expected([&](const TruthDoc& d) { return d.is_comment && titled(d, x); });
  CHECK_FALSE(on_x.empty());
  CHECK(a.ids("on:(title:" + x + ")") == on_x);
  CHECK(a.ids("on:(tag:" + tag + ")") == a.expected([&](const TruthDoc& d) { return d.is_comment && tagged(d); }));
  CHECK(a.ids("on:(title:" + x + " OR title:" + y + ")") ==
        a.expected([&](const TruthDoc& d) { return d.is_comment && (titled(d, x) || titled(d, y)); }));
  CHECK(a.ids("on:(title:" + x + " OR tag:" + tag + ")") ==
        a.expected([&](const TruthDoc& d) { return d.is_comment && (titled(d, x) || tagged(d)); }));
  CHECK(a.ids("on:(title:" + x + " -tag:" + tag + ")") ==
        a.expected([&](const TruthDoc& d) { return d.is_comment && titled(d, x) && !tagged(d); }));
  // With words of the comments themselves, ranked by them.
  for (const std::string& word : a.words(
           0.05, 0.6, [&](const TruthDoc& d) { return d.is_comment && titled(d, x); }, 2)) {
    const std::string s = a.stem(word);
    CHECK(a.ids("on:(title:" + x + ") " + word) ==
          a.expected([&](const TruthDoc& d) { return d.is_comment && titled(d, x) && d.stems.count(s); }));
  }
  // The same answer as the join: a body word beside the title word forces it.
  const std::string body_word = a.words(
                                     0.05, 0.3, [](const TruthDoc& d) { return !d.is_comment; }, 1)
                                    .at(0);
  const std::string sb = a.stem(body_word);
  CHECK(a.ids("on:(title:" + x + " OR " + body_word + ")") == a.expected([&](const TruthDoc& d) {
    return d.is_comment && (titled(d, x) || a.docs.at(d.page).stems.count(sb) > 0);
  }));
}

TEST_CASE("on:(), discussed:() and reply:() against the ground truth", "[cli][threads]") {
  REQUIRE_ARCHIVE(a);
  auto is_article = [](const TruthDoc& d) { return !d.is_comment; };
  auto is_comment = [](const TruthDoc& d) { return d.is_comment; };
  std::vector<std::string> article_words = a.words(0.05, 0.3, is_article, 3);
  std::vector<std::string> comment_words = a.words(0.03, 0.2, is_comment, 3);
  REQUIRE(article_words.size() == 3);
  REQUIRE(comment_words.size() == 3);
  for (const std::string& w : article_words) {
    const std::string s = a.stem(w);
    auto article_has = [&](const TruthDoc& d) { return a.docs.at(d.page).stems.count(s) > 0; };
    INFO("on:(" << w << ")");
    CHECK(a.ids("on:(" + w + ")") == a.expected([&](const TruthDoc& d) { return d.is_comment && article_has(d); }));
    const std::string v = comment_words[0], sv = a.stem(v);
    Ids want = a.expected([&](const TruthDoc& d) { return d.is_comment && article_has(d) && d.stems.count(sv); });
    CHECK(a.ids("on:(" + w + ") " + v) == want);
    // Composes with sorting and exact counts.
    json sorted = a.search("on:(" + w + ") " + v, {"--sort", "newest", "--facets", "type"});
    CHECK(sorted["total"] == want.size());
    for (std::size_t i = 1; i < sorted["hits"].size(); ++i)
      CHECK(sorted["hits"][i - 1]["date"].get<std::string>() >= sorted["hits"][i]["date"].get<std::string>());
  }
  for (const std::string& w : comment_words) {
    const std::string s = a.stem(w);
    INFO("discussed:(" << w << ") / reply:(" << w << ")");
    Ids discussed;
    for (const auto& [id, d] : a.docs)
      if (d.is_comment && d.stems.count(s)) discussed.insert(d.page);
    CHECK(a.ids("discussed:(" + w + ")") == discussed);
    CHECK(a.ids("type:article discussed:" + w) == discussed);
    Ids replies = a.expected([&](const TruthDoc& d) {
      const TruthDoc* p = a.parent(d);
      return p && p->stems.count(s);
    });
    CHECK(a.ids("reply:(" + w + ")") == replies);
    // NOT and OR: thread clauses are ordinary clauses.
    Ids not_discussed = a.expected([&](const TruthDoc& d) { return !d.is_comment && !discussed.count(d.id); });
    CHECK(a.ids("type:article NOT discussed:(" + w + ")") == not_discussed);
  }
  // A subquery is a whole query: fields and nesting.
  const std::string w = article_words[0], s = a.stem(w);
  Ids articles_with_w;
  for (const auto& [id, d] : a.docs)
    if (!d.is_comment && d.stems.count(s)) articles_with_w.insert(id);
  Ids nested = a.expected([&](const TruthDoc& d) {
    const TruthDoc* p = a.parent(d);
    return p && articles_with_w.count(p->page);
  });
  CHECK(a.ids("reply:(on:(" + w + "))") == nested);
  // Errors are one line, exit 2.
  RunResult deep = a.run({"search", "on:(on:(on:(on:(x))))"});
  CHECK(deep.exit_code == 2);
  CHECK(deep.err == "byline: on:, discussed: and reply: nest at most 3 deep\n");
}

// A thread clause ANDed with a rarer word runs as a semi-join (the word's
// pages first, the subquery only on them: thread_query.h); under OR and NOT
// it joins in full. Each composition against the ground truth.
TEST_CASE("thread clauses with rarer words, OR and NOT against the ground truth", "[cli][threads]") {
  REQUIRE_ARCHIVE(a);
  auto any = [](const TruthDoc&) { return true; };
  auto is_article = [](const TruthDoc& d) { return !d.is_comment; };
  auto is_comment = [](const TruthDoc& d) { return d.is_comment; };
  const std::vector<std::string> rare = a.words(0.002, 0.01, any, 2);
  const std::vector<std::string> common = a.words(0.03, 0.2, is_comment, 1);
  const std::vector<std::string> topic = a.words(0.05, 0.3, is_article, 1);
  REQUIRE(rare.size() == 2);
  REQUIRE(common.size() == 1);
  REQUIRE(topic.size() == 1);
  const std::string w = common[0], sw = a.stem(w), t = topic[0], st = a.stem(t);
  std::set<std::string> discussed;  // pages with a comment saying w
  for (const auto& [id, d] : a.docs)
    if (d.is_comment && d.stems.count(sw)) discussed.insert(d.page);
  auto on_topic = [&](const TruthDoc& d) { return a.docs.at(d.page).stems.count(st) > 0; };
  auto answers_w = [&](const TruthDoc& d) {
    const TruthDoc* p = a.parent(d);
    return p && p->stems.count(sw) > 0;
  };
  for (const std::string& r : rare) {
    const std::string sr = a.stem(r);
    auto has_r = [&](const TruthDoc& d) { return d.stems.count(sr) > 0; };
    INFO(r << " with discussed:/reply:(" << w << "), on:(" << t << ")");
    const Ids with_discussed =
        a.expected([&](const TruthDoc& d) { return !d.is_comment && has_r(d) && discussed.count(d.page); });
    CHECK(a.ids(r + " discussed:(" + w + ")") == with_discussed);
    CHECK(a.ids("discussed:(" + w + ") AND " + r) == with_discussed);
    const Ids with_reply = a.expected([&](const TruthDoc& d) { return has_r(d) && answers_w(d); });
    CHECK(a.ids(r + " reply:(" + w + ")") == with_reply);
    CHECK(a.ids(r + " on:(" + t + ")") ==
          a.expected([&](const TruthDoc& d) { return d.is_comment && has_r(d) && on_topic(d); }));
    // Two clauses, both required.
    CHECK(a.ids(r + " on:(" + t + ") reply:(" + w + ")") ==
          a.expected([&](const TruthDoc& d) { return d.is_comment && has_r(d) && on_topic(d) && answers_w(d); }));
    // Not required: OR and NOT keep the full join.
    CHECK(a.ids(r + " OR reply:(" + w + ")") ==
          a.expected([&](const TruthDoc& d) { return has_r(d) || answers_w(d); }));
    CHECK(a.ids(r + " NOT reply:(" + w + ")") ==
          a.expected([&](const TruthDoc& d) { return has_r(d) && !answers_w(d); }));
  }
}

TEST_CASE("relative dates against BYLINE_NOW", "[cli][threads][dates]") {
  REQUIRE_ARCHIVE(a);
  // Now: the date of some document in the middle of the archive.
  std::vector<std::string> dates;
  for (const auto& [id, d] : a.docs) dates.push_back(d.date);
  std::sort(dates.begin(), dates.end());
  const std::string now = dates[dates.size() / 2];
  const std::vector<std::string> env = {"BYLINE_NOW=" + now};
  const long t = at_minute(now);
  auto between = [&](long from, long to) {
    return a.expected([&](const TruthDoc& d) { return at_minute(d.date) >= from && at_minute(d.date) <= to; });
  };
  INFO("BYLINE_NOW=" << now);
  CHECK(a.ids("date:7d..", {}, env) ==
        a.expected([&](const TruthDoc& d) { return at_minute(d.date) >= t - 7 * 1440; }));
  CHECK(a.ids("date:30d", {}, env) == between(t - 30 * 1440, t));
  CHECK(a.ids("date:..2w", {}, env) == between(0, t - 14 * 1440));
  CHECK(a.ids("", {"--since", "2w"}, env) ==
        a.expected([&](const TruthDoc& d) { return at_minute(d.date) >= t - 14 * 1440; }));
  const long day = t / 1440 * 1440;
  CHECK(a.ids("date:today", {}, env) == between(day, day + 1439));
  CHECK(a.ids("date:yesterday", {}, env) == between(day - 1440, day - 1));
  using namespace std::chrono;
  const sys_days today{days{t / 1440}};
  const year_month_day ymd{today};
  const year_month_day last_month_first{(ymd.year() / ymd.month() / 1) - std::chrono::months{1}};
  const sys_days lm_first{last_month_first};
  const sys_days lm_last{year_month_day_last{last_month_first.year(), month_day_last{last_month_first.month()}}};
  CHECK(a.ids("date:last-month", {}, env) ==
        between(at_minute(iso_of_day(lm_first)), at_minute(iso_of_day(lm_last)) + 1439));
  const sys_days monday = today - (weekday{today} - Monday);
  CHECK(a.ids("date:last-week", {}, env) ==
        between(at_minute(iso_of_day(monday - days{7})), at_minute(iso_of_day(monday)) - 1));
  const std::string month_start = now.substr(0, 7);
  CHECK(a.ids("date:" + month_start + "..now", {}, env) == between(at_minute(month_start + "-01"), t));
  CHECK_FALSE(a.ids("date:2w..", {}, env).empty());
  // Wrong forms: one line, exit 2.
  RunResult bad = a.run({"search", "date:3x"}, env);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "byline: date: '3x': a time ago ends in h, d, w, m (months) or y\n");
  RunResult bad_now = a.run({"search", "date:today"}, {"BYLINE_NOW=tomorrow"});
  CHECK(bad_now.exit_code == 2);
  CHECK(bad_now.err == "byline: BYLINE_NOW=tomorrow: not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)\n");
}

TEST_CASE("search --thread groups by page and --collapse counts the rest", "[cli][threads]") {
  REQUIRE_ARCHIVE(a);
  const std::string w = a.words(
                             0.03, 0.2, [](const TruthDoc& d) { return d.is_comment; }, 1)
                            .at(0);
  const std::string s = a.stem(w);
  std::map<std::string, std::size_t> matching;  // page -> matching comments
  std::map<std::string, bool> article_matches;
  for (const auto& [id, d] : a.docs) {
    if (!d.stems.count(s)) continue;
    if (d.is_comment)
      ++matching[d.page];
    else
      article_matches[d.page] = true;
    matching[d.page] += 0;
  }
  json out = a.search(w, {"--thread", "--thread-comments", "2"});
  CHECK(out["groups"].size() == matching.size());
  std::size_t rank = 0;
  for (const auto& g : out["groups"]) {
    const std::string page = g["page"];
    INFO("page " << page);
    CHECK(g["rank"] == ++rank);
    REQUIRE(matching.count(page) == 1);
    CHECK(g["article_matched"] == article_matches[page]);
    CHECK(g["article"]["id"] == page);
    CHECK(g["comments"]["total"] == a.pages.at(page).docs.size() - 1);
    CHECK(g["comments"]["matching"] == matching[page]);
    CHECK(g["comments"]["hits"].size() == std::min<std::size_t>(2, matching[page]));
    for (const auto& c : g["comments"]["hits"]) {
      const TruthDoc& d = a.docs.at(c["id"].get<std::string>());
      CHECK(d.page == page);
      CHECK(d.stems.count(s) == 1);
      CHECK(c["comment"]["parent"] == (d.parent ? json(*d.parent) : json(nullptr)));
    }
  }
  // Paging counts groups.
  json second = a.search(w, {"--thread", "-n", "2", "--offset", "2"});
  REQUIRE(out["groups"].size() >= 4);
  CHECK(second["groups"].size() == 2);
  CHECK(second["groups"][0]["page"] == out["groups"][2]["page"]);
  CHECK(second["groups"][0]["rank"] == 3);
  // --collapse: one hit per page, and how many more the page has.
  json collapsed = a.search(w, {"--collapse"});
  CHECK(collapsed["hits"].size() == matching.size());
  for (const auto& hit : collapsed["hits"]) {
    const std::string page = a.docs.at(hit["id"].get<std::string>()).page;
    CHECK(hit["more_on_page"] == matching[page] + (article_matches[page] ? 1 : 0) - 1);
  }
  RunResult text = a.run({"search", w, "--collapse", "-n", "1000"});
  CHECK(text.out.find(" more on this page") != std::string::npos);
}

// The seed page: 10 comments; the 7th (USMC1371) answers the 6th (Valentine).
TEST_CASE("seed page: --thread and show --thread", "[cli][threads][seed]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_file(dir / "pages" / "seed.txt", read_file(source_path("corpus/000_22e4804a8479d9b0.txt")));
  REQUIRE(run_byline({"--db", db, "index", (dir / "pages").string()}).exit_code == 0);
  const std::string page = byline::page_id_for((dir / "pages" / "seed.txt").string());
  const std::vector<std::string> authors = {
      "Name*sidx1", "Gdgjhuk Msftj",   "JZG",  "Ted", "Yury", "Valentine", "USMC1371",
      "helenecha",  "Rtyihfgj Eruknb", "Eleni"};
  // "terror" is said by comments 5 (terrorism) and 6, and by the article.
  RunResult r = run_byline({"--db", db, "search", "--thread", "terror", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  json out = json::parse(r.out);
  REQUIRE(out["groups"].size() == 1);
  const json& g = out["groups"][0];
  CHECK(g["page"] == page);
  CHECK(g["article_matched"] == true);
  CHECK(g["comments"]["total"] == 10);
  CHECK(g["comments"]["matching"] == 2);
  Ids got;
  for (const auto& c : g["comments"]["hits"]) got.insert(c["id"].get<std::string>());
  CHECK(got == Ids{page + ".5", page + ".6"});
  // The reply chain, shortened: "reply to #6 by Valentine".
  RunResult barrel = run_byline({"--db", db, "search", "--thread", "barrel"});
  CHECK(barrel.out.find("1 of 10 comments match:") != std::string::npos);
  CHECK(barrel.out.find("#7 USMC1371  2013-04-23 06:45  reply to #6 by Valentine") != std::string::npos);

  // show --thread: the tree in page order, #7 one step under #6.
  RunResult show = run_byline({"--db", db, "show", page, "--thread"});
  REQUIRE(show.exit_code == 0);
  std::size_t at = 0;
  for (std::size_t i = 0; i < authors.size(); ++i) {
    const std::string indent = i == 6 ? "      " : "  ";
    const std::string head = "\n" + indent + "#" + std::to_string(i + 1) + " " + authors[i] + "  ";
    std::size_t found = show.out.find(head, at);
    INFO("comment " << i + 1);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
  CHECK(show.out.find("reply to #6 by Valentine") != std::string::npos);
  // JSON: the tree under "replies".
  json tree = json::parse(run_byline({"--db", db, "show", page, "--thread", "--format", "json"}).out);
  REQUIRE(tree["replies"].size() == 9);
  CHECK(tree["replies"][5]["author"] == "Valentine");
  REQUIRE(tree["replies"][5]["replies"].size() == 1);
  CHECK(tree["replies"][5]["replies"][0]["author"] == "USMC1371");
  CHECK(tree["replies"][6]["author"] == "helenecha");
  // --query --matching: the matching comments and the comments they answer.
  json matching =
      json::parse(run_byline({"--db", db, "show", page, "--query", "barrel", "--matching", "--format", "json"}).out);
  CHECK(matching["matching"] == 1);
  REQUIRE(matching["replies"].size() == 1);
  CHECK(matching["replies"][0]["matched"] == false);
  CHECK(matching["replies"][0]["context_only"] == true);
  CHECK(matching["replies"][0]["replies"][0]["matched"] == true);
  // Code-point spans [start, end) of the text, as search's "highlights".
  CHECK(matching["replies"][0]["replies"][0]["highlights"] == json::array({json::array({37, 43})}));
  CHECK(matching["format_version"] == 2);
  // In text, an ancestor shown for context shows the start of its text.
  RunResult context = run_byline({"--db", db, "show", page, "--query", "barrel", "--matching"});
  CHECK(context.out.find("#6 Valentine") != std::string::npos);
  CHECK(context.out.find(tree["replies"][5]["text"].get<std::string>().substr(0, 20)) != std::string::npos);
  // --thread's hits are search's hit objects (format_version 2): plain
  // snippet, code-point highlights, snippet_html.
  json barrel_json = json::parse(run_byline({"--db", db, "search", "--thread", "barrel", "--format", "json"}).out);
  CHECK(barrel_json["format_version"] == 2);
  const json& reply_hit = barrel_json["groups"][0]["comments"]["hits"][0];
  CHECK(reply_hit["snippet"] == "Only if your on the wrong end of the barrel.");
  CHECK(reply_hit["highlights"] == json::array({json::array({37, 43})}));
  CHECK(reply_hit["snippet_html"] == "Only if your on the wrong end of the <mark>barrel</mark>.");
  // show ID --query: the whole document, every match marked.
  RunResult one = run_byline({"--db", db, "show", page + ".5", "--query", "terror"});
  CHECK(one.out.find("In Boston it is a vile act of *terrorism*.") != std::string::npos);
  CHECK(one.out.find("anyway it is a vile act of *terrorism*.") != std::string::npos);
  RunResult bad = run_byline({"--db", db, "show", page, "--matching"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "byline: show --matching: needs --query\n");
}
