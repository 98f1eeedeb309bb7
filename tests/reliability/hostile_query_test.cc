// Hostile queries against a small fixed index: each gives results (exit 0,
// valid JSON) or a clear error (exit 2, one line on stderr), never a crash,
// within 5 s.
#include <nlohmann/json.hpp>

#include "reliability_support.h"

using namespace byline::test;
using namespace byline::test::reliability;
using nlohmann::json;

namespace {

std::vector<std::string> hostile_queries() {
  std::vector<std::string> q = {"",
                                " ",
                                "*",
                                "**",
                                "a*",
                                "\"",
                                "\"\"",
                                "\"unbalanced quote",
                                "((((",
                                "))))",
                                "(a OR (b AND",
                                "a) OR (b",
                                "title:",
                                "author:",
                                "date:",
                                "tag:",
                                "type:",
                                "type:nonsense",
                                "unknownfield:x",
                                "x:",
                                ":",
                                "::::",
                                "date:2013-13-45..",
                                "date:..",
                                "date:2013-02-30",
                                "date:99999999",
                                "date:-1..-2",
                                "date:2013..1987",
                                "date:2013-04-22..2013-04-21",
                                "AND",
                                "OR",
                                "NOT",
                                "NOT NOT NOT",
                                "a NEAR",
                                "NEAR NEAR",
                                "-",
                                "+",
                                "--",
                                "-*",
                                "title:*",
                                "author:\"",
                                "\x01\x02\x03 control \x1b[31m red",
                                "tab\there\nnewline",
                                "\xff\xfe invalid utf-8 \xc3(",
                                "\xed\xa0\x80 surrogate",
                                "caf\xe9",
                                "\xe2\x80\xa2 \xe2\x80\xa2 bullets",
                                "title:boston AND author:elise",
                                "boston OR",
                                "OR boston",
                                "\"boston bombing\" NEAR/3 russia",
                                "putin*^2",
                                "[x TO y]",
                                "x~",
                                "x^",
                                // Negated words then a wildcard with '-' or '.' in its
                                // pattern: crashed libxapian's parser (query_snippet_fuzzer).
                                "-2 -1-4*",
                                "boston -2 -e-mail*",
                                "-on:(boston) -a.b*",
                                "russia -x -title:u.s*",
                                "-2 -author:el-ise*",
                                // A thread field typed in capitals reached Xapian's parser
                                // unextracted and crashed it (query_snippet_fuzzer).
                                "On:(X\x01+y:u)",
                                "DISCUSSED:(boston\x01+y:u)",
                                "Reply:(a\x02-b:c)",
                                // An "on:" after a control byte is not a thread clause: it
                                // reached the join's field processor and crashed the parser.
                                "\x18on:(X\x01+O.u",
                                "\x18on:(\x18on:(_2j+h\x01+O NEAR\x0cu",
                                // A word glued to a thread clause's ')' after negated
                                // words crashed the parser (query_snippet_fuzzer).
                                "-oil -on:(x)-o",
                                "-a -discussed:(x)-o",
                                "-a -reply:(x)-o",
                                "-a -on:\"x\"-o"};
  q.push_back(std::string(10000, 'a'));
  std::string many_terms;
  for (int i = 0; i < 1000; ++i) many_terms.append("w").append(std::to_string(i)).append(" ");
  q.push_back(many_terms);
  std::string many_or;
  for (int i = 0; i < 1000; ++i) many_or += (i ? " OR " : "") + std::string("t") + std::to_string(i) + "*";
  q.push_back(many_or);
  std::string nested;
  for (int i = 0; i < 2000; ++i) nested += "(";
  q.push_back(nested + "boston" + std::string(2000, ')'));
  std::string fields;
  for (const char* f : {"title:", "author:", "date:", "tag:", "type:"}) fields += std::string(f) + " ";
  q.push_back(fields);
  return q;
}

}  // namespace

TEST_CASE("hostile queries: results or one clear line, exit 0 or 2, never a crash, under 5 s", "[reliability][query]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  // A large vocabulary for a*: 5,000 distinct words starting with "a".
  std::string vocabulary = "Vocabulary page\nApril 22nd, 2013\n10:08 PM ET\n\n";
  for (int i = 0; i < 5000; ++i) vocabulary.append("a").append(std::to_string(i * 7919)).append("x ");
  write_file(dir / "in" / "vocabulary.txt", vocabulary + "\n");
  for (const char* name : {"000_22e4804a8479d9b0.txt", "003_641a2ea8e57d1eb1.txt"})
    write_file(dir / "in" / name, read_file(source_path(std::string("corpus/") + name)));
  REQUIRE(run_timed({"--db", db, "index", "-q", (dir / "in").string()}, dir.path(), 60).exit_code == 0);

  int ok = 0, refused = 0;
  double slowest = 0;
  for (const std::string& q : hostile_queries()) {
    for (const char* format : {"json", "text"}) {
      Finished r = run_timed({"--db", db, "search", "--format", format, "--facets", "author,month,type,tag", "--", q},
                             dir.path(), 10, "query");
      INFO("query [" << q.substr(0, 80) << "] (" << q.size() << " bytes), --format " << format << ": exit "
                     << r.exit_code << ", signal " << r.signal << ", stderr: " << r.err);
      CHECK_FALSE(r.timed_out);
      CHECK(r.signal == 0);
      CHECK(r.seconds < 5.0);
      slowest = std::max(slowest, r.seconds);
      if (r.exit_code == 0) {
        ++ok;
        CHECK(r.err.empty());
        if (std::string(format) == "json") CHECK_NOTHROW(json::parse(r.out));
      } else {
        ++refused;
        CHECK(r.exit_code == 2);
        CHECK(line_count(r.err) == 1);
        CHECK(r.err.rfind("byline: ", 0) == 0);
        CHECK(r.out.empty());
      }
    }
  }
  WARN(hostile_queries().size() << " hostile queries x 2 formats: " << ok << " answered, " << refused
                                << " refused (exit 2); slowest " << slowest << " s");
  // a* over 5,000 words exceeds the wildcard limit: a clear refusal.
  Finished wildcard = run_timed({"--db", db, "search", "a*"}, dir.path(), 10);
  CHECK(wildcard.exit_code == 2);
  CHECK(wildcard.err.find("a*") != std::string::npos);
}
