// Hostile input files next to good ones: each gets one clear line or is
// indexed sensibly, the good ones are all indexed, nothing hangs, and memory
// stays bounded by a small multiple of the largest file.
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <random>

#include "ids.h"
#include "reliability_support.h"

using namespace byline::test;
using namespace byline::test::reliability;
using nlohmann::json;

namespace {

const char kHeader[] = "Hostile page title\nApril 22nd, 2013\n10:08 PM ET\n\nHostile page title\n\nBy Jane Doe\n\n";

std::string big_page(std::size_t bytes) {
  std::string page = kHeader;
  static const std::string paragraph =
      "MOSCOW (Reuters) - Officials met on Monday to discuss sanctions, missile defense and the price of wheat, "
      "copper and crude oil, and agreed to meet again next week in Brussels.\n\n";
  page.reserve(bytes + paragraph.size());
  while (page.size() < bytes) page += paragraph;
  return page;
}

std::string many_comments_page(int count) {
  std::string page =
      std::string(kHeader) + "Body text.\n\nPost by:\nsoundoff (" + std::to_string(count) + " Responses)\n";
  for (int i = count; i >= 1; --i) {
    page += "\n  " + std::to_string(i) + ". reader" + std::to_string(i % 997) + "\n\n    Comment number " +
            std::to_string(i) + " says something.\n\n    April 24, 2013 at 7:43 pm | Reply\n";
  }
  return page + "\nPost a comment\n";
}

// Replies nested `levels` deep by indentation, then one name line of 10,000 bullets.
std::string deep_nesting_page(int levels) {
  std::string page = std::string(kHeader) +
                     "Body.\n\nsoundoff (1 Response)\n\n  1. root\n\n    Root text.\n\n"
                     "    April 24, 2013 at 7:43 pm | Reply\n";
  for (int d = 1; d <= levels; ++d) {
    const std::string indent(static_cast<std::size_t>(2 * d + 2), ' ');
    page += indent + "\u2022 user" + std::to_string(d) + "\n\n" + indent + "  Reply at depth " + std::to_string(d) +
            ".\n\n" + indent + "  April 24, 2013 at 7:44 pm | Reply\n";
  }
  page += "    ";
  for (int i = 0; i < 10000; ++i) page += "\u2022 ";
  return page + "bullets\n\n      Text.\n\n      April 24, 2013 at 7:45 pm | Reply\n";
}

std::string all_dates_page(int lines) {
  static const char* const kDates[] = {"April 22nd, 2013", "10:08 PM ET", "April 24, 2013 at 7:43 pm | Reply",
                                       "2013-04-22", "February 26th, 1987"};
  std::string page;
  for (int i = 0; i < lines; ++i) page.append(kDates[i % 5]).append("\n");
  return page;
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() % 7 == 0 ? 0 : random() % 256);
  return bytes;
}

bool has_state(const std::string& db, const fs::path& file) {
  const std::string key = byline::file_state_key(byline::file_key_for(fs::absolute(file).lexically_normal().string()));
  for (const std::string& shard : local_shards(db))
    if (!Xapian::Database(shard).get_metadata(key).empty()) return true;
  return false;
}

bool mentions(const std::string& err, const fs::path& file) {
  return err.find("byline: " + file.string() + ": ") != std::string::npos ||
         err.find("byline: warning: " + file.string() + ": ") != std::string::npos;
}

}  // namespace

TEST_CASE("hostile files next to good ones: one line each or indexed, good files all indexed, no hang",
          "[reliability][hostile]") {
  TempDir dir;
  const fs::path in = dir / "in";
  std::vector<fs::path> good;
  for (const char* name : {"000_22e4804a8479d9b0.txt", "001_cc313197295f2c1e.txt", "003_641a2ea8e57d1eb1.txt"}) {
    good.push_back(in / (std::string("good_") + name));
    write_file(good.back(), read_file(source_path(std::string("corpus/") + name)));
  }
  std::map<std::string, fs::path> hostile;
  auto add = [&](const std::string& name, const std::string& bytes) {
    hostile[name] = in / name;
    write_file(in / name, bytes);
  };
  add("empty.txt", "");
  add("whitespace.txt", "  \n\t\n\r\n   \n");
  add("binary_nul.txt", random_bytes(65536, 7));
  add("invalid_utf8.txt", std::string(kHeader) + "Bad \xff\xfe\xc3( bytes \xed\xa0\x80 here\n");
  add("windows1252.txt", "Caf\xe9 news\nApril 22nd, 2013\n10:08 PM ET\n\n\x93Quoted\x94 na\xefve text \x96 ok\n");
  add("long_line.txt", std::string(10 * 1024 * 1024, 'x'));
  add("many_comments.txt", many_comments_page(100000));
  add("deep_nesting.txt", deep_nesting_page(1000));
  add("all_dates.txt", all_dates_page(100000));
  fs::create_directories(in / "loop");
  fs::create_symlink("..", in / "loop" / "parent");    // a folder loop
  fs::create_symlink("b.txt", in / "loop" / "a.txt");  // a symlink loop (ELOOP)
  fs::create_symlink("a.txt", in / "loop" / "b.txt");
  fs::create_symlink("/dev/zero", in / "zero.txt");  // a device: reading it would never end
  REQUIRE(mkfifo((in / "fifo.txt").c_str(), 0600) == 0);
  write_file(in / "unreadable.txt", std::string(kHeader) + "Secret.\n");
  fs::permissions(in / "unreadable.txt", fs::perms::none);
  const bool root_reads_anything = access((in / "unreadable.txt").c_str(), R_OK) == 0;

  const std::string db = (dir / "db").string();
  Finished f = run_timed({"--db", db, "index", "--json", in.string()}, dir.path(), 120, "hostile");
  INFO("stderr:\n" << f.err);
  CHECK_FALSE(f.timed_out);
  CHECK(f.signal == 0);
  CHECK(f.exit_code == 1);
  // Every message is one line of the house style.
  std::istringstream lines(f.err);
  for (std::string line; std::getline(lines, line);) {
    CHECK(line.rfind("byline: ", 0) == 0);
    CHECK(line.size() < 1000);
  }
  for (const fs::path& g : good) CHECK(has_state(db, g));
  CHECK(mentions(f.err, hostile["empty.txt"]));
  CHECK(mentions(f.err, hostile["whitespace.txt"]));
  CHECK_FALSE(has_state(db, hostile["empty.txt"]));
  CHECK(mentions(f.err, in / "fifo.txt"));
  CHECK(mentions(f.err, in / "zero.txt"));
  CHECK(f.err.find("too many levels of symbolic links") != std::string::npos);
  if (root_reads_anything)
    WARN("running as root: the unreadable file is read like any other (cannot test permission errors)");
  else
    CHECK(mentions(f.err, in / "unreadable.txt"));
  // The rest is indexed (with a warning where the parser had doubts).
  for (const char* name : {"binary_nul.txt", "invalid_utf8.txt", "windows1252.txt", "long_line.txt",
                           "many_comments.txt", "deep_nesting.txt", "all_dates.txt"}) {
    INFO(name);
    CHECK(has_state(db, hostile[name]));
  }
  check_whole(db);
  Xapian::Database x(db);
  const std::string many_id = byline::page_id_for(hostile["many_comments.txt"].string());
  CHECK(x.get_termfreq(byline::schema::term(byline::schema::kPrefixId, many_id + ".100000")) == 1);
  // Windows-1252 decoded to UTF-8 (then folded: "café" -> "cafe"); an
  // undecoded \xe9 would end the word at "caf".
  CHECK(x.get_termfreq("cafe") == 1);
  CHECK(x.get_termfreq("caf") == 0);
  WARN("hostile folder: " << f.seconds << " s, peak RSS " << f.max_rss_kb / 1024 << " MB");
  // 10 MB is the largest file here.
  if (kMemoryChecked) CHECK(f.max_rss_kb < 10 * 10 * 1024 + 200 * 1024);

  // Searching the result works, and the second run reads only the failures.
  Finished search = run_timed({"--db", db, "search", "--format", "json", "reply"}, dir.path(), 30);
  CHECK(search.exit_code == 0);
  fs::permissions(in / "unreadable.txt", fs::perms::owner_all);
}

// Regression: DocumentBuilder::build returned every document of a page at
// once, so this 10 MB page took 466 MB; documents are now added one by one.
TEST_CASE("regression many_comments_memory: 100,000 comments on one page in bounded memory",
          "[reliability][hostile][regression]") {
  TempDir dir;
  const fs::path page = dir / "in" / "many_comments.txt";
  const std::string bytes = many_comments_page(100000);
  write_file(page, bytes);
  Finished f = run_timed({"--db", (dir / "db").string(), "index", "-q", page.string()}, dir.path(), 120, "many");
  CHECK(f.exit_code == 0);
  const long rss_mb = f.max_rss_kb / 1024;
  const long file_mb = static_cast<long>(bytes.size() >> 20);
  WARN("100,000 comments (" << file_mb << " MB): " << f.seconds << " s, peak RSS " << rss_mb << " MB");
  if (kMemoryChecked) CHECK(rss_mb < 4 * file_mb + 100);
  CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 100001);
}

TEST_CASE("a huge page is indexed in bounded time and memory (200 MB with BYLINE_FULL_RELIABILITY=1)",
          "[reliability][hostile][slow]") {
  const char* full = std::getenv("BYLINE_FULL_RELIABILITY");
  const std::size_t megabytes = full != nullptr && std::string(full) == "1" ? 200 : 20;
  TempDir dir;
  const fs::path page = dir / "in" / "huge.txt";
  write_file(page, big_page(megabytes * 1024 * 1024));
  Finished f = run_timed({"--db", (dir / "db").string(), "index", "--json", page.string()}, dir.path(), 300, "huge");
  INFO("stderr: " << f.err);
  CHECK_FALSE(f.timed_out);
  CHECK(f.exit_code == 0);
  const long rss_mb = f.max_rss_kb / 1024;
  WARN(megabytes << " MB page: " << f.seconds << " s, peak RSS " << rss_mb << " MB");
  if (kMemoryChecked) CHECK(rss_mb < static_cast<long>(8 * megabytes) + 200);
  CHECK(f.seconds < (megabytes > 20 ? 240.0 : 60.0));
  Finished search = run_timed({"--db", (dir / "db").string(), "search", "--format", "json", "wheat"}, dir.path(), 30);
  CHECK(search.exit_code == 0);
  CHECK(json::parse(search.out)["total"] == 1);
}
