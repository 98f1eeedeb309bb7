// Indexer::add_paths: walking, incremental runs, prune, JSON Lines, batches,
// stop(). Inputs are JSON Lines built from hand-made Page structs where the
// test asserts on fields, so it does not depend on the page parser.
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "byline/indexer.h"
#include "byline/page.h"
#include "byline/page_json.h"
#include "file_state.h"
#include "ids.h"
#include "schema.h"
#include "test_support.h"

namespace fs = std::filesystem;
using byline::test::TempDir;
using byline::test::write_file;

namespace {

byline::Page page_with_comments(const std::string& title, int comments) {
  byline::Page page;
  page.article.title = title;
  page.article.date = "2013-04-22T22:08";
  page.article.text = "Body of " + title;
  for (int i = 1; i <= comments; ++i) {
    byline::Comment c;
    c.index = i;
    c.author = "reader" + std::to_string(i);
    c.text = "comment number " + std::to_string(i);
    page.comments.push_back(c);
  }
  return page;
}

std::string jsonl_line(const byline::Page& page, const std::string& source) {
  return byline::page_to_json(page, source) + "\n";
}

// "p<i>.txt" (built with append: GCC 12 warns falsely on "p" + string).
std::string numbered_name(int i) { return std::string("p").append(std::to_string(i)).append(".txt"); }

// A small page file for tests that count files and pages, not fields.
std::string page_text(const std::string& title) { return title + "\nApril 22nd, 2013\n10:08 PM ET\n\nSome text.\n"; }

struct Run {
  byline::IndexSummary summary;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

Run index_paths(const std::string& db, const std::vector<std::string>& paths, byline::IndexOptions options = {}) {
  Run run;
  byline::IndexCallbacks callbacks;
  callbacks.on_error = [&](const std::string& m) { run.errors.push_back(m); };
  callbacks.on_warning = [&](const std::string& m) { run.warnings.push_back(m); };
  byline::Indexer indexer(db, options);
  run.summary = indexer.add_paths(paths, callbacks);
  return run;
}

std::uint64_t count_term(const std::string& db_path, const std::string& term) {
  Xapian::Database db(db_path);
  return db.get_termfreq(term);
}

// Every Q term names exactly one document (no duplicates).
void check_no_duplicates(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::uint64_t ids = 0;
  for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
    ++ids;
    INFO(*it);
    CHECK(it.get_termfreq() == 1);
  }
  CHECK(ids == db.get_doccount());
}

void set_mtime(const fs::path& path, int seconds_ago) {
  fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::seconds(seconds_ago));
}

}  // namespace

TEST_CASE("a second run skips unchanged files without reading them", "[indexer][incremental]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  for (int i = 0; i < 3; ++i) write_file(dir / "pages" / numbered_name(i), page_text("Page " + std::to_string(i)));
  Run first = index_paths(db, {(dir / "pages").string()});
  CHECK(first.errors.empty());
  CHECK(first.summary.files == 3);
  CHECK(first.summary.pages == 3);
  CHECK(first.summary.bytes > 0);

  Run second = index_paths(db, {(dir / "pages").string()});
  CHECK(second.summary.files == 3);
  CHECK(second.summary.unchanged == 3);
  CHECK(second.summary.pages == 0);
  CHECK(second.summary.bytes == 0);  // nothing was read

  // Touched, same bytes: read and hashed, state updated, not re-indexed.
  set_mtime(dir / "pages" / "p1.txt", 100);
  Run touched = index_paths(db, {(dir / "pages").string()});
  CHECK(touched.summary.unchanged == 3);
  CHECK(touched.summary.pages == 0);
  CHECK(touched.summary.bytes > 0);
  CHECK(index_paths(db, {(dir / "pages").string()}).summary.bytes == 0);

  write_file(dir / "pages" / "p1.txt", page_text("Page one, changed"));
  set_mtime(dir / "pages" / "p1.txt", 50);
  Run changed = index_paths(db, {(dir / "pages").string()});
  CHECK(changed.summary.pages == 1);
  CHECK(changed.summary.unchanged == 2);
  check_no_duplicates(db);
  CHECK(count_term(db, "XTarticle") == 3);
}

TEST_CASE("a changed file with fewer comments loses the old comment documents", "[indexer][incremental]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const fs::path file = dir / "pages.jsonl";
  write_file(file, jsonl_line(page_with_comments("Alpha", 3), "/src/alpha.txt") +
                       jsonl_line(page_with_comments("Beta", 2), "/src/beta.txt"));
  Run first = index_paths(db, {file.string()});
  CHECK(first.summary.pages == 2);
  CHECK(first.summary.comments == 5);
  CHECK(count_term(db, byline::schema::term("XF", byline::file_key_for(fs::absolute(file).string()))) == 7);

  write_file(file, jsonl_line(page_with_comments("Alpha", 1), "/src/alpha.txt"));
  set_mtime(file, 10);
  Run second = index_paths(db, {file.string()});
  CHECK(second.summary.pages == 1);
  Xapian::Database x(db);
  CHECK(x.get_doccount() == 2);
  const std::string alpha = byline::page_id_for("/src/alpha.txt");
  CHECK(x.get_termfreq(byline::schema::term("Q", alpha + ".1")) == 1);
  CHECK(x.get_termfreq(byline::schema::term("Q", alpha + ".2")) == 0);
  CHECK(x.get_termfreq(byline::schema::term("Q", byline::page_id_for("/src/beta.txt"))) == 0);
}

TEST_CASE("prune removes the documents and state of vanished files", "[indexer][incremental]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_file(dir / "in" / "a.txt", page_text("A"));
  write_file(dir / "in" / "sub" / "b.txt", page_text("B"));
  write_file(dir / "other" / "c.txt", page_text("C"));
  index_paths(db, {(dir / "in").string(), (dir / "other").string()});
  CHECK(count_term(db, "XTarticle") == 3);
  fs::remove_all(dir / "in" / "sub");
  fs::remove(dir / "other" / "c.txt");

  Run without = index_paths(db, {(dir / "in").string()});
  CHECK(without.summary.removed == 0);
  CHECK(count_term(db, "XTarticle") == 3);

  byline::IndexOptions prune;
  prune.prune = true;
  Run with = index_paths(db, {(dir / "in").string()}, prune);
  CHECK(with.errors.empty());
  CHECK(with.summary.removed == 1);  // c.txt is not under the given path
  CHECK(count_term(db, "XTarticle") == 2);
  Xapian::Database x(db);
  const std::string b = fs::absolute(dir / "in" / "sub" / "b.txt").lexically_normal().string();
  CHECK(x.get_metadata(byline::file_state_key(byline::file_key_for(b))).empty());
}

TEST_CASE("JSON Lines input gives the same documents as page input", "[indexer][jsonl]") {
  TempDir dir;
  const fs::path seed = byline::test::source_path("corpus/000_22e4804a8479d9b0.txt");
  const std::string source = fs::absolute(seed).lexically_normal().string();
  byline::ParseResult parsed = byline::parse_file(seed.string());
  write_file(dir / "seed.jsonl", jsonl_line(parsed.page, source));
  index_paths((dir / "from-page").string(), {seed.string()});
  index_paths((dir / "from-jsonl").string(), {(dir / "seed.jsonl").string()});
  Xapian::Database a((dir / "from-page").string()), b((dir / "from-jsonl").string());
  REQUIRE(a.get_doccount() == 1 + parsed.page.comments.size());
  REQUIRE(a.get_doccount() == b.get_doccount());
  for (auto it = a.allterms_begin("Q"); it != a.allterms_end("Q"); ++it) {
    INFO(*it);
    REQUIRE(b.get_termfreq(*it) == 1);
    Xapian::Document da = a.get_document(*a.postlist_begin(*it)), db = b.get_document(*b.postlist_begin(*it));
    CHECK(da.get_data() == db.get_data());
    std::vector<std::pair<std::string, Xapian::termcount>> ta, tb;
    for (auto t = da.termlist_begin(); t != da.termlist_end(); ++t)
      if ((*t).rfind("XF", 0) != 0) ta.emplace_back(*t, t.get_wdf());
    for (auto t = db.termlist_begin(); t != db.termlist_end(); ++t)
      if ((*t).rfind("XF", 0) != 0) tb.emplace_back(*t, t.get_wdf());
    CHECK(ta == tb);
    for (unsigned slot = 0; slot < 5; ++slot) CHECK(da.get_value(slot) == db.get_value(slot));
  }
}

TEST_CASE("a bad JSON line is one error - the other lines are indexed and the file is retried", "[indexer][jsonl]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const fs::path file = dir / "mixed.jsonl";
  write_file(file, jsonl_line(page_with_comments("Good one", 1), "/g1") + "{not json\n\n" +
                       byline::page_to_json(page_with_comments("No source", 0), "") + "\n");
  Run run = index_paths(db, {file.string()});
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].rfind(fs::absolute(file).string() + ":2: ", 0) == 0);
  CHECK(run.summary.failed == 1);
  CHECK(run.summary.pages == 2);
  CHECK(count_term(db, "XTarticle") == 2);
  // Re-run: the error is reported again, no duplicates.
  Run again = index_paths(db, {file.string()});
  CHECK(again.errors.size() == 1);
  CHECK(count_term(db, "XTarticle") == 2);
  check_no_duplicates(db);
}

TEST_CASE("the walk skips hidden and non-page files, cuts symlink loops, reports FIFOs", "[indexer][walk]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_file(dir / "in" / "a.txt", page_text("A"));
  write_file(dir / "in" / "notes.md", "not a page");
  write_file(dir / "in" / ".hidden.txt", page_text("Hidden"));
  write_file(dir / "in" / ".git" / "x.txt", page_text("Hidden folder"));
  fs::create_directory_symlink(dir / "in", dir / "in" / "loop");
  REQUIRE(mkfifo((dir / "in" / "pipe.txt").c_str(), 0600) == 0);
  Run run = index_paths(db, {(dir / "in").string()});
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0] == (dir / "in" / "pipe.txt").string() + ": a FIFO");
  CHECK(run.summary.files == 1);
  CHECK(run.summary.pages == 1);

  // The same file by another spelling of its path is not indexed twice.
  std::string odd = (dir / "in" / "." / "loop" / ".." / "a.txt").string();
  Run again = index_paths(db, {odd, (dir / "in" / "a.txt").string()});
  CHECK(again.summary.files == 1);
  CHECK(again.summary.unchanged == 1);
  CHECK(count_term(db, "XTarticle") == 1);
}

TEST_CASE("bad files are reported one line each and the rest is indexed", "[indexer]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_file(dir / "in" / "good.txt", page_text("Good"));
  write_file(dir / "in" / "empty.txt", "  \n");
  Run run = index_paths(db, {(dir / "in").string(), (dir / "missing.txt").string()});
  CHECK(run.summary.failed == 2);
  CHECK(run.summary.pages == 1);
  std::sort(run.errors.begin(), run.errors.end());
  REQUIRE(run.errors.size() == 2);
  CHECK(run.errors[0] == (dir / "in" / "empty.txt").string() + ": empty file");
  CHECK(run.errors[1] == (dir / "missing.txt").string() + ": no such file or folder");
}

TEST_CASE("commits happen per batch, each file's state with its documents", "[indexer][batch]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  for (int i = 0; i < 7; ++i) write_file(dir / "in" / numbered_name(i), page_text("P"));
  byline::IndexOptions options;
  options.batch_pages = 3;
  std::vector<std::uint64_t> visible;
  byline::IndexCallbacks callbacks;
  callbacks.on_progress = [&](const byline::IndexProgress&) {
    Xapian::Database reader(db);
    visible.push_back(reader.get_doccount());
    // Every file with a committed state has its documents committed.
    for (auto it = reader.metadata_keys_begin("byline.file."); it != reader.metadata_keys_end("byline.file."); ++it) {
      auto state = byline::decode_file_state(reader.get_metadata(*it));
      REQUIRE(state);
      CHECK(reader.get_termfreq(byline::schema::term("XF", (*it).substr(12))) == state->documents);
    }
  };
  byline::Indexer indexer(db, options);
  indexer.add_paths({(dir / "in").string()}, callbacks);
  // The reader sees whole batches: 0 until the 3rd page is committed, then 3, then 6.
  CHECK(visible == std::vector<std::uint64_t>{0, 0, 0, 3, 3, 3, 6});
}

TEST_CASE("stop() finishes the current file, commits, and the next run completes", "[indexer][stop]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  for (int i = 0; i < 5; ++i) write_file(dir / "in" / numbered_name(i), page_text("P"));
  {
    byline::Indexer indexer(db);
    byline::IndexCallbacks callbacks;
    callbacks.on_progress = [&](const byline::IndexProgress& p) {
      if (p.files_done == 2) indexer.stop();
    };
    byline::IndexSummary summary = indexer.add_paths({(dir / "in").string()}, callbacks);
    CHECK(summary.interrupted);
    CHECK(summary.files == 2);
    CHECK(count_term(db, "XTarticle") == 2);  // committed before returning
    // The flag is consumed: the next call runs to the end.
    byline::IndexSummary rest = indexer.add_paths({(dir / "in").string()});
    CHECK_FALSE(rest.interrupted);
    CHECK(rest.unchanged == 2);
    CHECK(rest.pages == 3);
  }
  check_no_duplicates(db);
}

TEST_CASE("the index's own folder is not walked, even with --format page", "[indexer][walk]") {
  TempDir dir;
  write_file(dir / "a.txt", page_text("A"));
  byline::IndexOptions options;
  options.format = byline::InputFormat::Page;
  index_paths((dir / "db").string(), {dir.path().string()}, options);  // creates the index
  Run again = index_paths((dir / "db").string(), {dir.path().string()}, options);
  CHECK(again.errors.empty());
  CHECK(again.summary.files == 1);
}
