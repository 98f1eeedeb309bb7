// `byline index` and `byline stats` end to end: the real binary on real files.
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>
#include <algorithm>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "doc_record.h"
#include "file_state.h"
#include "ids.h"
#include "schema.h"
#include "test_support.h"

namespace fs = std::filesystem;
using byline::test::run_byline;
using byline::test::TempDir;
using byline::test::write_file;

extern char** environ;

namespace {

std::string page_text(const std::string& title) {
  return title + "\nApril 22nd, 2013\n10:08 PM ET\n\nSome text about " + title + ".\n";
}

std::string numbered(const char* stem, int i) { return std::string(stem).append(std::to_string(i)).append(".txt"); }

Xapian::Document doc_by_id(const Xapian::Database& db, const std::string& id) {
  const std::string term = byline::schema::term(byline::schema::kPrefixId, id);
  REQUIRE(db.get_termfreq(term) == 1);
  return db.get_document(*db.postlist_begin(term));
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

// The committed index is consistent: ids unique, and every file with a
// recorded state has exactly its recorded number of documents.
void check_consistent(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::uint64_t ids = 0;
  for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it, ++ids) REQUIRE(it.get_termfreq() == 1);
  CHECK(ids == db.get_doccount());
  for (auto it = db.metadata_keys_begin("byline.file."); it != db.metadata_keys_end("byline.file."); ++it) {
    auto state = byline::decode_file_state(db.get_metadata(*it));
    REQUIRE(state);
    CHECK(db.get_termfreq(byline::schema::term("XF", (*it).substr(12))) == state->documents);
  }
}

std::uint64_t committed_docs(const std::string& db_path) {
  try {
    return Xapian::Database(db_path).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;  // not created yet
  }
}

// Starts `byline ARGS` in the background, output discarded.
pid_t spawn_byline(const std::vector<std::string>& args) {
  std::vector<std::string> storage;
  std::vector<char*> argv = byline::test::byline_argv(args, storage);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, BYLINE_BINARY, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Waits until the child has committed some documents (or exited); returns
// true when it was still running then.
bool wait_for_first_commit(pid_t pid, const std::string& db_path) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (committed_docs(db_path) > 0) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

void write_pages(const fs::path& folder, int count) {
  for (int i = 0; i < count; ++i) write_file(folder / numbered("p", i), page_text(numbered("Page ", i)));
}

}  // namespace

TEST_CASE("byline index: the seed page gives 1 article and 10 comments with the right fields", "[cli][index]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const fs::path seed = byline::test::source_path("corpus/000_22e4804a8479d9b0.txt");
  auto r = run_byline({"--db", db, "index", seed.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());  // no progress line when stderr is not a terminal
  CHECK(r.out.find("indexed 1 pages (1 articles, 10 comments)") != std::string::npos);

  Xapian::Database x(db);
  CHECK(x.get_doccount() == 11);
  CHECK(x.get_termfreq("XTarticle") == 1);
  CHECK(x.get_termfreq("XTcomment") == 10);
  const std::string page_id = byline::page_id_for(fs::absolute(seed).lexically_normal().string());
  Xapian::Document article = doc_by_id(x, page_id);
  for (const char* term : {"Sboston", "Sbomb", "boston", "Aelise labott", "XAlabott", "Kputin", "Kterrorism",
                           "XTarticle", "kerri", "lavrov"})
    CHECK(has_term(article, term));
  CHECK_FALSE(has_term(article, "Sbombing"));  // stems only
  CHECK(article.get_value(byline::schema::kSlotDate) == "201304222208");
  CHECK(article.get_value(byline::schema::kSlotAuthor) == "Elise Labott");
  byline::DocRecord record = byline::decode_doc_record(article.get_data());
  CHECK(record.title == "Boston bombing looms large at U.S./Russia meeting");
  CHECK(record.tags == std::vector<std::string>{"Kerry", "Putin", "Russia", "Terrorism"});

  Xapian::Document reply = doc_by_id(x, page_id + ".7");
  CHECK(has_term(reply, "Ausmc1371"));
  CHECK_FALSE(has_term(reply, "Sboston"));  // a comment has no title
  CHECK_FALSE(has_term(reply, "boston"));
  CHECK(reply.get_value(byline::schema::kSlotDate) == "201304230645");
  byline::DocRecord reply_record = byline::decode_doc_record(reply.get_data());
  CHECK(reply_record.comment_index == 7);
  CHECK(reply_record.comment_parent == 6);
  CHECK(doc_by_id(x, page_id + ".10").get_value(byline::schema::kSlotDate) == "201304222235");
  CHECK(x.get_termfreq(byline::schema::term("Q", page_id + ".11")) == 0);
}

TEST_CASE("byline stats: counts, dates and settings as text and JSON", "[cli][stats]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  // The seed page alone: corpus/ holds other sample pages too.
  const std::string seed = byline::test::source_path("corpus/000_22e4804a8479d9b0.txt").string();
  REQUIRE(run_byline({"--db", db, "index", seed}).exit_code == 0);
  auto text = run_byline({"--db", db, "stats"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("documents:   11\n") != std::string::npos);
  CHECK(text.out.find("comments:    10\n") != std::string::npos);
  CHECK(text.out.find("dates:       2013-04-22T22:08 to 2013-04-24T19:43\n") != std::string::npos);

  auto json = run_byline({"--db", db, "stats", "--format", "json"});
  REQUIRE(json.exit_code == 0);
  auto stats = nlohmann::json::parse(json.out);
  CHECK(stats["documents"] == 11);
  CHECK(stats["articles"] == 1);
  CHECK(stats["comments"] == 10);
  CHECK(stats["authors"] == 11);  // the reporter and ten commenters
  CHECK(stats["first_date"] == "2013-04-22T22:08");
  CHECK(stats["last_date"] == "2013-04-24T19:43");
  CHECK(stats["language"] == "english");
  CHECK(stats["stopwords"] == "english");
  CHECK(stats["schema_version"] == byline::schema::kSchemaVersion);
  CHECK(stats["size_bytes"].get<std::uint64_t>() > 0);
}

TEST_CASE("byline stats and index refuse a missing or unknown-schema index with exit 3", "[cli][stats]") {
  TempDir dir;
  auto missing = run_byline({"--db", (dir / "nothing").string(), "stats"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err ==
        "byline: index " + (dir / "nothing").string() + ": no index here (create one with 'byline index')\n");
  const std::string db = (dir / "future").string();
  {
    Xapian::WritableDatabase w(db, Xapian::DB_CREATE);
    w.set_metadata(byline::schema::kMetaSchema, "99");
    w.commit();
  }
  write_file(dir / "a.txt", page_text("A"));
  for (auto args : {std::vector<std::string>{"--db", db, "stats"},
                    std::vector<std::string>{"--db", db, "index", (dir / "a.txt").string()}}) {
    auto r = run_byline(args);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("index schema version 99") != std::string::npos);
  }
  CHECK(Xapian::Database(db).get_doccount() == 0);
}

TEST_CASE("byline index on a locked index exits 3 promptly and touches nothing", "[cli][index][lock]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_file(dir / "a.txt", page_text("A"));
  write_file(dir / "b.txt", page_text("B"));
  REQUIRE(run_byline({"--db", db, "index", (dir / "a.txt").string()}).exit_code == 0);
  Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);
  auto start = std::chrono::steady_clock::now();
  auto r = run_byline({"--db", db, "index", (dir / "b.txt").string()});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(r.exit_code == 3);
  CHECK(r.err.rfind("byline: index " + db + ": locked by another writer", 0) == 0);
  CHECK(r.out.empty());
  holder.close();
  Xapian::Database x(db);
  CHECK(x.get_doccount() == 1);
  CHECK(x.get_metadata(byline::file_state_key(byline::file_key_for((dir / "b.txt").string()))).empty());
}

TEST_CASE("byline index: bad files next to good ones give one line each, exit 1", "[cli][index]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const fs::path in = dir / "in";
  write_file(in / "good.txt", page_text("Good"));
  write_file(in / "empty.txt", "");
  write_file(in / "plain.txt", "no date line here\n");
  write_file(in / "pages.jsonl", "{\"article\": {\"title\": \"From JSON\"}}\n[1, 2]\n");
  REQUIRE(mkfifo((in / "pipe.txt").c_str(), 0600) == 0);
  write_file(in / "locked.txt", page_text("Locked"));
  fs::permissions(in / "locked.txt", fs::perms::none);
  const bool can_read_anything = access((in / "locked.txt").c_str(), R_OK) == 0;  // root

  auto r = run_byline({"--db", db, "index", in.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("byline: " + (in / "empty.txt").string() + ": empty file\n") != std::string::npos);
  CHECK(r.err.find("byline: " + (in / "pipe.txt").string() + ": a FIFO\n") != std::string::npos);
  CHECK(r.err.find("byline: " + (in / "pages.jsonl").string() + ":2: ") != std::string::npos);
  CHECK(r.err.find("byline: warning: " + (in / "plain.txt").string() + ": ") != std::string::npos);
  if (!can_read_anything)
    CHECK(r.err.find("byline: " + (in / "locked.txt").string() + ": permission denied\n") != std::string::npos);
  else
    WARN("running as root: the unreadable-file case cannot be checked");
  // good.txt, plain.txt and the JSON line are indexed (and locked.txt as root).
  CHECK(Xapian::Database(db).get_termfreq("XTarticle") == (can_read_anything ? 4u : 3u));
  fs::permissions(in / "locked.txt", fs::perms::owner_all);
}

TEST_CASE("byline index: a second run reads nothing - --json and --quiet summaries", "[cli][index]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_pages(dir / "in", 4);
  auto first = run_byline({"--db", db, "index", "--json", (dir / "in").string()});
  REQUIRE(first.exit_code == 0);
  auto summary = nlohmann::json::parse(first.out);
  CHECK(summary["pages"] == 4);
  CHECK(summary["indexed"] == 4);
  auto second = run_byline({"--db", db, "index", "--json", (dir / "in").string()});
  summary = nlohmann::json::parse(second.out);
  CHECK(summary["unchanged"] == 4);
  CHECK(summary["pages"] == 0);
  CHECK(summary["bytes"] == 0);
  auto quiet = run_byline({"--db", db, "index", "-q", (dir / "in").string()});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  auto verbose = run_byline({"--db", db, "index", "-v", (dir / "in").string()});
  CHECK(verbose.err.find((dir / "in" / "p0.txt").string() + ": unchanged (1 documents)") != std::string::npos);
}

TEST_CASE("byline index --language: French stemming - another language later is refused", "[cli][index][language]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_file(dir / "fr.txt", page_text("Nous continuerons"));
  auto r = run_byline({"--db", db, "index", "--language", "french", (dir / "fr.txt").string()});
  REQUIRE(r.exit_code == 0);
  CHECK(Xapian::Database(db).get_termfreq("continu") == 1);
  CHECK(nlohmann::json::parse(run_byline({"--db", db, "stats", "--format", "json"}).out)["language"] == "french");
  auto other = run_byline({"--db", db, "index", "--language", "english", (dir / "fr.txt").string()});
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("was created with language 'french', not 'english'") != std::string::npos);
  auto unknown =
      run_byline({"--db", (dir / "db2").string(), "index", "--language", "klingon", (dir / "fr.txt").string()});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown stemming language 'klingon' (known: ") != std::string::npos);
  CHECK(unknown.err.find("english") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "db2"));
}

TEST_CASE("a SIGKILLed run leaves whole batches - the next run completes without duplicates", "[cli][index][crash]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  constexpr int kPages = 1500;
  write_pages(dir / "in", kPages);
  pid_t pid = spawn_byline({"--db", db, "index", "--batch", "10", "-q", (dir / "in").string()});
  bool killed_midway = wait_for_first_commit(pid, db);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!killed_midway || !WIFSIGNALED(status)) WARN("the run ended before it could be killed; checking the end state");
  std::uint64_t committed = committed_docs(db);
  INFO("documents committed when killed: " << committed);
  CHECK(committed % 10 == 0);  // whole batches of one-document pages
  check_consistent(db);

  auto rerun = run_byline({"--db", db, "index", "--json", (dir / "in").string()});
  REQUIRE(rerun.exit_code == 0);
  auto summary = nlohmann::json::parse(rerun.out);
  CHECK(summary["pages"].get<std::uint64_t>() + summary["unchanged"].get<std::uint64_t>() == kPages);
  CHECK(Xapian::Database(db).get_doccount() == kPages);
  check_consistent(db);
}

TEST_CASE("SIGINT: the run commits, prints its summary and exits 130", "[cli][index][signal]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_pages(dir / "in", 1500);
  std::vector<std::string> storage{BYLINE_BINARY, "--db", db, "index", "--batch", "10", (dir / "in").string()};
  std::vector<char*> argv;
  for (auto& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  const fs::path out = dir / "out.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, BYLINE_BINARY, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  bool running = wait_for_first_commit(pid, db);
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!running) {
    WARN("the run ended before SIGINT could be sent");
    return;
  }
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  CHECK(byline::test::read_file(out).rfind("interrupted after indexing ", 0) == 0);
  check_consistent(db);
  std::uint64_t done = Xapian::Database(db).get_doccount();
  CHECK(done < 1500);
  auto rerun = run_byline({"--db", db, "index", "--json", (dir / "in").string()});
  CHECK(nlohmann::json::parse(rerun.out)["unchanged"] == done);
  CHECK(Xapian::Database(db).get_doccount() == 1500);
}

namespace {

// Runs `byline ARGS` with stderr on a pseudo-terminal; returns what it wrote there.
std::string run_with_terminal_stderr(const std::vector<std::string>& args) {
  int master = -1, slave = -1;
  REQUIRE(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
  std::vector<std::string> storage;
  std::vector<char*> argv = byline::test::byline_argv(args, storage);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, slave, 2);
  posix_spawn_file_actions_addclose(&actions, master);
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, BYLINE_BINARY, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(slave);
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(master, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  return text;
}

}  // namespace

TEST_CASE("byline index draws a progress line only when stderr is a terminal, and erases it", "[cli][index]") {
  TempDir dir;
  write_pages(dir / "in", 3);
  std::string shown = run_with_terminal_stderr({"--db", (dir / "db").string(), "index", (dir / "in").string()});
  CHECK(shown.find("\rindexing: 1/3 files, 1 documents, ") != std::string::npos);
  CHECK(shown.find(" docs/s, ETA ") != std::string::npos);
  CHECK(shown.size() >= 4);
  CHECK(shown.substr(shown.size() - 4) == "\r\x1b[K");  // erased at the end
  std::string quiet = run_with_terminal_stderr({"--db", (dir / "db2").string(), "index", "-q", (dir / "in").string()});
  CHECK(quiet.empty());
}

TEST_CASE("byline index creates missing parent folders of --db, sharded or not", "[cli][index]") {
  TempDir dir;
  write_file(dir / "in" / "p.txt", page_text("Parents"));
  for (const char* jobs : {"1", "2"}) {
    const fs::path db = dir / "new" / jobs / "nested" / "db";
    auto r = run_byline({"--db", db.string(), "index", "-q", "--jobs", jobs, (dir / "in").string()});
    INFO("--jobs " << jobs << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(Xapian::Database(db.string()).get_doccount() == 1);
  }
  // A parent that cannot be a folder is one clear line, exit 3, nothing created.
  write_file(dir / "file", "x");
  auto blocked =
      run_byline({"--db", (dir / "file" / "db").string(), "index", "-q", "--jobs", "1", (dir / "in").string()});
  CHECK(blocked.exit_code == 3);
  CHECK(std::count(blocked.err.begin(), blocked.err.end(), '\n') == 1);
  CHECK(blocked.err.rfind("byline: index " + (dir / "file" / "db").string() + ": ", 0) == 0);
}
