// Readers during a write, and a second writer: `byline search` never fails and
// never sees half a batch while `byline index` commits; a second `byline
// index` is refused at once and changes nothing.
#include <nlohmann/json.hpp>
#include <set>

#include "ids.h"
#include "reliability_support.h"

using namespace byline::test;
using namespace byline::test::reliability;
using nlohmann::json;

namespace {

// The number of comments of each page (by page id) of a finished index.
std::map<std::string, std::uint64_t> comments_by_page(const std::string& db) {
  Xapian::Database x(db);
  std::map<std::string, std::uint64_t> comments;
  for (auto it = x.allterms_begin(byline::schema::kPrefixId); it != x.allterms_end(byline::schema::kPrefixId); ++it) {
    const std::string id = (*it).substr(1);
    const std::size_t dot = id.find('.');
    if (dot == std::string::npos)
      comments[id] += 0;
    else
      ++comments[id.substr(0, dot)];
  }
  return comments;
}

struct TypeCounts {
  std::uint64_t articles = 0;
  std::uint64_t comments = 0;
};

TypeCounts type_facet(const json& out) {
  TypeCounts counts;
  for (const json& pair : out["facets"]["type"]) {
    if (pair[0] == "article") counts.articles = pair[1].get<std::uint64_t>();
    if (pair[0] == "comment") counts.comments = pair[1].get<std::uint64_t>();
  }
  return counts;
}

}  // namespace

TEST_CASE("50 searches during indexing: exit 0, valid JSON, only whole committed batches",
          "[reliability][concurrency]") {
  TempDir dir;
  const fs::path in = dir / "in";
  const int pages = synthesise_pages(in, 2000);
  const std::string db = (dir / "db").string();
  // The reference for the invariant: the same files indexed once, quietly.
  const std::string ref_db = (dir / "ref").string();
  REQUIRE(run_timed({"--db", ref_db, "index", "-q", in.string()}, dir.path(), 120).exit_code == 0);
  const std::map<std::string, std::uint64_t> expected_comments = comments_by_page(ref_db);
  REQUIRE(expected_comments.size() == static_cast<std::size_t>(pages));

  Child writer = spawn_byline({"--db", db, "index", "--batch", "7", "-q", in.string()}, dir.path(), "writer");
  while (committed_docs(db) == 0 && seconds_since(writer.started) < 30)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));

  std::uint64_t last_articles = 0;
  int during_write = 0, failures = 0;
  for (int i = 0; i < 50; ++i) {
    int status = 0;
    const bool writing = waitpid(writer.pid, &status, WNOHANG) == 0;
    if (!writing && writer.pid > 0) writer.pid = -1;
    during_write += writing ? 1 : 0;
    // One search sees one snapshot: one hit per page (collapsed) names the
    // pages that have any document, and the exact type counts of all matches.
    Finished r = run_timed({"--db", db, "search", "--format", "json", "--collapse", "-n", "100000", "--snippet-chars",
                            "0", "--facets", "type", ""},
                           dir.path(), 10, "reader");
    INFO("search " << i << ": exit " << r.exit_code << ", stderr: " << r.err);
    if (r.exit_code != 0) ++failures;
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    json out;
    REQUIRE_NOTHROW(out = json::parse(r.out));
    TypeCounts counts = type_facet(out);
    CHECK(counts.articles >= last_articles);  // commits only add
    last_articles = counts.articles;
    std::set<std::string> page_ids;
    std::uint64_t comments_of_those_pages = 0;
    for (const json& hit : out["hits"]) {
      std::string id = hit["id"];
      std::string page = id.substr(0, id.find('.'));
      REQUIRE(page_ids.insert(page).second);
      REQUIRE(expected_comments.count(page) == 1);
      comments_of_those_pages += expected_comments.at(page);
    }
    // Half a batch would show a page without its article or without all of
    // its comments.
    CHECK(counts.articles == page_ids.size());
    CHECK(counts.comments == comments_of_those_pages);
  }
  if (writer.pid > 0) {
    Finished w = wait_child(writer, 120);
    CHECK(w.exit_code == 0);
  }
  WARN("concurrent readers: " << during_write << "/50 searches ran while the writer was indexing, " << failures
                              << " failed");
  CHECK(during_write >= 10);
  CHECK(committed_docs(db) == committed_docs(ref_db));
}

TEST_CASE("a second writer during a real run: exit 3 in under 1 s, one line naming the lock, nothing changed",
          "[reliability][concurrency][lock]") {
  TempDir dir;
  const fs::path in = dir / "in";
  synthesise_pages(in, 1500);
  write_file(dir / "other" / "intruder.txt", "Intruder page\nApril 22nd, 2013\n10:08 PM ET\n\nIntruding text.\n");
  const std::string db = (dir / "db").string();
  Child writer = spawn_byline({"--db", db, "index", "--batch", "10", "-q", in.string()}, dir.path(), "writer");
  while (committed_docs(db) == 0 && seconds_since(writer.started) < 30)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  int status = 0;
  const bool writing = waitpid(writer.pid, &status, WNOHANG) == 0;

  Finished second = run_timed({"--db", db, "index", (dir / "other").string()}, dir.path(), 10, "second");
  if (writing) {
    WARN("second writer refused in " << second.seconds << " s: " << second.err);
    CHECK(second.exit_code == 3);
    CHECK(second.seconds < 1.0);
    CHECK(line_count(second.err) == 1);
    CHECK(second.err.rfind(std::string("byline: index ").append(db).append(": locked by another writer"), 0) == 0);
    CHECK(second.out.empty());
    Finished w = wait_child(writer, 120);
    CHECK(w.exit_code == 0);
    Xapian::Database x(db);
    const std::string intruder = fs::absolute(dir / "other" / "intruder.txt").lexically_normal().string();
    CHECK(x.get_metadata(byline::file_state_key(byline::file_key_for(intruder))).empty());
    CHECK(x.get_termfreq("intruding") == 0);
  } else {
    wait_child(writer, 1);
    WARN("SKIPPED: the writer finished before the second writer started");
  }
}
