// Issue 14 point 7, on the real binary: no byte of archive text can drive the
// terminal. Text output of search, show, stats and --facets, and the error
// and warning lines that quote page text or file names, carry no escape
// sequence, no C0 control but newline (and tab in show's text), no DEL and
// no C1 control; --facets prints its counts in text; sizes are in one unit.
#include <catch2/catch.hpp>

#include <regex>

#include <nlohmann/json.hpp>

#include "news_pages.h"
#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

// Each kind of control the page text hides: OSC (retitles the window, ends
// in BEL or ESC \), CSI (colours, clears the screen), a lone ESC, BEL, DEL,
// backspace, and C1
// controls in UTF-8 (U+009B is CSI on terminals that take 8-bit controls).
const std::string kHostile =
    "\x1b]0;owned\x07 \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x1b[31mred\x1b[0m \x1b[2J \x1b"
    "c \x07 \x7f \x08 \x01 \xc2\x9b"
    "31m \xc2\x9d"
    "0;t\x07 \xc2\x85";

// The first byte of `text` that a terminal would act on, or npos.
std::size_t first_control(const std::string& text, bool tab_allowed) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || (c == '\t' && tab_allowed)) continue;
    if (c < 0x20 || c == 0x7f) return i;
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9f)
      return i;
  }
  return std::string::npos;
}

void check_safe(const std::string& what, const std::string& text, bool tab_allowed = false) {
  const std::size_t at = first_control(text, tab_allowed);
  INFO(what << ": control byte at " << at << " in: " << text.substr(at == std::string::npos ? 0 : at, 40));
  CHECK(at == std::string::npos);
}

struct HostilePages {
  TempDir dir;
  std::string db = (dir / "index").string();
  std::string article_id;
  HostilePages() {
    write_news_page(dir / "pages/evil.txt", "Harbour " + kHostile + " news", "Mara " + kHostile + "Vance",
                    {"The harbour " + kHostile + " opened on Monday."},
                    {{"Pim " + kHostile + "Bo", "harbour comment " + kHostile + " here"}});
    write_news_page(dir / "pages/calm.txt", "Harbour calm", "Mara Vance", {"The harbour was calm."});
    RunResult r = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    RunResult found = run_byline({"--db", db, "search", "--format", "json", "--type", "article", "news"});
    REQUIRE(found.exit_code == 0);
    const json hits = json::parse(found.out)["hits"];
    REQUIRE(hits.size() == 1);
    article_id = hits[0]["id"];
    // The index holds the controls (JSON escapes them): the test is of the output, not of the parser.
    REQUIRE(hits[0]["title"].get<std::string>().find('\x1b') != std::string::npos);
  }
};

}  // namespace

TEST_CASE("search, show and stats text output carry no byte that drives the terminal", "[cli][terminal]") {
  HostilePages f;
  RunResult search = run_byline({"--db", f.db, "search", "harbour"});
  REQUIRE(search.exit_code == 0);
  check_safe("search", search.out);
  // The words around the controls are still shown.
  CHECK(search.out.find("Harbour") != std::string::npos);
  CHECK(search.out.find("link") != std::string::npos);
  CHECK(search.out.find("red") != std::string::npos);
  CHECK(search.out.find("owned") == std::string::npos);  // the window title an OSC would set

  RunResult show = run_byline({"--db", f.db, "show", f.article_id});
  REQUIRE(show.exit_code == 0);
  check_safe("show", show.out, true);
  CHECK(show.out.find("on Monday") != std::string::npos);
  CHECK(show.out.find("harbour comment") != std::string::npos);

  // The threaded views print the same text their own way.
  RunResult threads = run_byline({"--db", f.db, "search", "--thread", "harbour"});
  REQUIRE(threads.exit_code == 0);
  check_safe("search --thread", threads.out);
  CHECK(threads.out.find("harbour comment") != std::string::npos);
  RunResult thread = run_byline({"--db", f.db, "show", "--thread", f.article_id});
  REQUIRE(thread.exit_code == 0);
  check_safe("show --thread", thread.out, true);
  CHECK(thread.out.find("harbour comment") != std::string::npos);

  RunResult facets = run_byline({"--db", f.db, "search", "-n", "0", "--facets", "author", "harbour"});
  REQUIRE(facets.exit_code == 0);
  check_safe("facets", facets.out);

  RunResult stats = run_byline({"--db", f.db, "stats"});
  REQUIRE(stats.exit_code == 0);
  check_safe("stats", stats.out);
}

TEST_CASE("warning and error lines that quote file names or page text are safe too", "[cli][terminal]") {
  TempDir dir;
  // Not valid UTF-8, so the indexer warns, quoting the file's (hostile) name.
  const std::string name = "pages/bad\x1b]0;owned\x07\x1b[2Jname\xc2\x9b.txt";
  write_file(dir / name, "Harbour\nApril 22nd, 2013\n10:08 PM ET\n\nHarbour\n\nCaf\xe9 news.\n");
  RunResult r = run_byline({"--db", (dir / "index").string(), "index", "--jobs", "1", (dir / "pages").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.err.find("not valid UTF-8") != std::string::npos);
  REQUIRE(r.err.find("name") != std::string::npos);
  check_safe("index warnings", r.err);

  RunResult show = run_byline({"--db", (dir / "index").string(), "show", "nosuch\x1b[2Jid"});
  CHECK(show.exit_code == 1);
  check_safe("show error", show.err);
}

TEST_CASE("search --facets prints its counts in text output", "[cli][terminal][facets]") {
  TempDir dir;
  for (int i = 0; i < 3; ++i)
    write_news_page(dir / ("pages/a" + std::to_string(i) + ".txt"), "Harbour " + std::to_string(i), "Mara Vance",
                    {"The harbour opened."}, {{"Pim Bo", "harbour comment"}});
  write_news_page(dir / "pages/b.txt", "Harbour b", "Oto Reyes", {"The harbour closed."});
  const std::string db = (dir / "index").string();
  REQUIRE(run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()}).exit_code == 0);
  RunResult r = run_byline({"--db", db, "search", "-n", "0", "--facets", "author,type", "harbour"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // The counts agree with JSON's.
  RunResult js =
      run_byline({"--db", db, "search", "--format", "json", "-n", "0", "--facets", "author,type", "harbour"});
  const json facets = json::parse(js.out)["facets"];
  REQUIRE(facets["type"].size() == 2);
  for (const char* name : {"author", "type"}) {
    CHECK(r.out.find(std::string("\n") + name + ":\n") != std::string::npos);
    for (const json& value : facets[name]) {
      const std::string line = "  " + std::to_string(value[1].get<int>()) + "  " + value[0].get<std::string>() + "\n";
      INFO(line);
      CHECK(r.out.find(line) != std::string::npos);
    }
  }
  CHECK(r.out.find("  3  Mara Vance\n") != std::string::npos);
  CHECK(r.out.find("  4  article\n") != std::string::npos);
  CHECK(r.out.find("  3  comment\n") != std::string::npos);
}

TEST_CASE("stats and compact give sizes in one unit (binary: bytes, KiB, MiB, GiB)", "[cli][terminal][size]") {
  TempDir dir;
  write_news_page(dir / "pages/a.txt", "Harbour", "Mara Vance", {"The harbour opened."});
  const std::string db = (dir / "index").string();
  REQUIRE(run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()}).exit_code == 0);
  const std::regex size(R"([0-9]+(\.[0-9])? (bytes|KiB|MiB|GiB))");
  const std::regex other_unit(R"([0-9] ?(MB|kB|KB|GB)\b)");
  RunResult stats = run_byline({"--db", db, "stats"});
  REQUIRE(stats.exit_code == 0);
  std::smatch m;
  INFO(stats.out);
  REQUIRE(std::regex_search(stats.out, m, std::regex(R"(size: +([0-9.]+) (KiB|MiB))")));
  // The size in the unit agrees with the bytes it also prints.
  std::smatch bytes;
  REQUIRE(std::regex_search(stats.out, bytes, std::regex(R"(\(([0-9]+) bytes\))")));
  const double unit = m[2] == "KiB" ? 1024.0 : 1024.0 * 1024.0;
  CHECK(std::abs(std::stod(m[1]) * unit - std::stod(bytes[1])) <= 0.05 * unit + 1);
  CHECK_FALSE(std::regex_search(stats.out, other_unit));

  RunResult compact = run_byline({"--db", db, "compact"});
  INFO(compact.out << compact.err);
  REQUIRE(compact.exit_code == 0);
  CHECK(
      std::regex_search(compact.out, std::regex(R"(: [0-9.]+ (bytes|KiB|MiB|GiB) -> [0-9.]+ (bytes|KiB|MiB|GiB) in)")));
  CHECK_FALSE(std::regex_search(compact.out, other_unit));
}
