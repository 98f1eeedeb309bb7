// Damage is detected and named (issue 13, point 3): every table file of a
// shard and the stub, truncated, emptied or overwritten in turn. `search`,
// `show`, `stats` and `index` of the real binary either answer exactly as on
// the undamaged index, or say in one line
//   byline: index DIR: damaged (...): run 'byline check'
// with exit 3: never a crash, a hang, Xapian's own words, or a different
// answer presented as right. `byline check` names the damage (exit 3).
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>

#include "reliability_support.h"
#include "text_decode.h"

namespace byline::test::reliability {
namespace {

constexpr double kDeadline = 60;

// The folder names and files below are those of the fixture index built here.
struct Fixture {
  TempDir dir;
  fs::path reference = dir / "reference";
  std::string article_id;
  std::uint64_t documents = 0;
  std::map<std::string, std::string> answers;  // command name -> stdout on the whole index

  Fixture() {
    Finished built = run_timed({"--db", reference.string(), "index", "-q", "--jobs", "2",
                                source_path("corpus").string(), source_path("tests/fixtures/pages").string()},
                               dir.path(), kDeadline, "build");
    REQUIRE(built.exit_code == 0);
    REQUIRE(fs::exists(reference / "XAPIANDB"));
    Finished found = run_timed({"--db", reference.string(), "search", "boston", "--format", "json"}, dir.path(),
                               kDeadline, "find");
    REQUIRE(found.exit_code == 0);
    article_id = nlohmann::json::parse(found.out)["hits"][0]["id"].get<std::string>();
    for (const auto& [name, args] : commands(reference)) {
      Finished f = run_timed(args, dir.path(), kDeadline, name);
      REQUIRE(f.exit_code == 0);
      answers[name] = normalised(name, f.out);
    }
    documents = nlohmann::json::parse(answers["stats"])["documents"].get<std::uint64_t>();
    REQUIRE(documents > 0);
  }

  // The read commands, and an `index` of the same inputs (nothing changed:
  // it only reads the file states).
  std::vector<std::pair<std::string, std::vector<std::string>>> commands(const fs::path& db) const {
    const std::string d = db.string();
    return {
        {"search", {"--db", d, "search", "boston", "--format", "json", "-n", "50"}},
        {"search-all", {"--db", d, "search", "a*", "--format", "json", "-n", "200", "--sort", "oldest"}},
        {"show", {"--db", d, "show", article_id, "--format", "json"}},
        {"stats", {"--db", d, "stats", "--format", "json"}},
        {"index", {"--db", d, "index", "-q", source_path("corpus").string(), source_path("tests/fixtures/pages").string()}},
    };
  }

  // What must not change: stats without the size in bytes (a truncated file
  // is smaller), `index` without its timing line.
  static std::string normalised(const std::string& name, const std::string& out) {
    if (name == "stats") {
      nlohmann::json j = nlohmann::json::parse(out);
      j.erase("size_bytes");
      j.erase("db");
      j.erase("index");  // which index and why: its path differs between copies
      return j.dump();
    }
    if (name == "index") return "";
    return out;
  }
};

// One line, in Byline's words, naming the index and the damage.
void require_damage_line(const std::string& err, const fs::path& db) {
  INFO("stderr: " << err);
  CHECK(line_count(err) == 1);
  CHECK(err.rfind("byline: index " + db.string() + ": damaged (", 0) == 0);
  CHECK(err.find("): run 'byline check'\n") != std::string::npos);
  for (const char* xapian_words : {"Couldn't", "EOF reading", "No glass database", "glass revision", "Rev file",
                                   "Error reading block", "Expected block", "DatabaseCorruptError"})
    CHECK(err.find(xapian_words) == std::string::npos);
}

// Each command gives the undamaged answer or the damage line. Returns the
// commands that answered differently with exit 0: glass has no block
// checksums, so bytes overwritten inside a block that stays well-formed can
// change an answer unseen; `byline check` must then name the damage.
std::vector<std::string> require_answer_or_damage(const Fixture& fixture, const fs::path& db, const std::string& damage) {
  std::vector<std::string> unseen;
  for (const auto& [name, args] : fixture.commands(db)) {
    Finished f = run_timed(args, db.parent_path(), kDeadline, name);
    INFO(damage << ": " << name << " exit " << f.exit_code << " signal " << f.signal << "\nstderr: " << f.err);
    REQUIRE_FALSE(f.timed_out);
    REQUIRE(f.signal == 0);
    if (f.exit_code == 0) {
      if (Fixture::normalised(name, f.out) != fixture.answers.at(name)) unseen.push_back(name);
    } else {
      CHECK(f.exit_code == 3);
      require_damage_line(f.err, db);
    }
  }
  return unseen;
}

enum class Harm { TruncateHalf, Empty, Overwrite10, Overwrite50, Overwrite90 };

const char* harm_name(Harm harm) {
  switch (harm) {
    case Harm::TruncateHalf: return "truncated to half";
    case Harm::Empty: return "emptied";
    case Harm::Overwrite10: return "4,000 bytes overwritten at 10%";
    case Harm::Overwrite50: return "4,000 bytes overwritten at 50%";
    case Harm::Overwrite90: return "4,000 bytes overwritten at 90%";
  }
  return "";
}

void harm_file(const fs::path& file, Harm harm, unsigned seed) {
  const auto size = static_cast<std::size_t>(fs::file_size(file));
  if (harm == Harm::TruncateHalf || harm == Harm::Empty) {
    fs::resize_file(file, harm == Harm::Empty ? 0 : size / 2);
    return;
  }
  const double at = harm == Harm::Overwrite10 ? 0.1 : harm == Harm::Overwrite50 ? 0.5 : 0.9;
  std::mt19937 random(seed);
  std::string bytes(std::min<std::size_t>(4000, size), '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xff);
  std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
  out.seekp(static_cast<std::streamoff>(std::min(static_cast<std::size_t>(size * at), size - bytes.size())));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A copy of the reference index to damage.
fs::path fresh_copy(const Fixture& fixture, const std::string& name) {
  const fs::path copy = fixture.dir / name;
  fs::remove_all(copy);
  fs::copy(fixture.reference, copy, fs::copy_options::recursive);
  return copy;
}

}  // namespace

TEST_CASE("every table file of a shard damaged in turn: the same answer, or 'damaged', exit 3", "[reliability][damage]") {
  Fixture fixture;
  std::vector<std::string> tables;
  for (const auto& entry : fs::directory_iterator(fixture.reference / "shard0"))
    if (entry.path().extension() == ".glass" || entry.path().filename() == "iamglass")
      tables.push_back(entry.path().filename().string());
  std::sort(tables.begin(), tables.end());
  // Glass keeps a table file only once the table holds something (its
  // record table is docdata.glass; record.glass is chert's): these four and
  // the version file are what every Byline shard has.
  for (const char* expected : {"docdata.glass", "iamglass", "position.glass", "postlist.glass", "termlist.glass"})
    REQUIRE(std::find(tables.begin(), tables.end(), expected) != tables.end());
  unsigned seed = 1;
  std::size_t named = 0;
  for (const std::string& table : tables) {
    for (Harm harm : {Harm::TruncateHalf, Harm::Empty, Harm::Overwrite10, Harm::Overwrite50, Harm::Overwrite90}) {
      const fs::path copy = fresh_copy(fixture, "damaged");
      harm_file(copy / "shard0" / table, harm, seed++);
      const std::string damage = "shard0/" + table + " " + harm_name(harm);
      const std::vector<std::string> unseen = require_answer_or_damage(fixture, copy, damage);
      // Truncation is always seen by the commands themselves.
      if (harm == Harm::TruncateHalf || harm == Harm::Empty) CHECK(unseen.empty());
      // `byline check` names every truncation; an overwrite that leaves each
      // block well-formed can be invisible to it too (glass has no checksums).
      Finished check = run_timed({"--db", copy.string(), "check"}, fixture.dir.path(), kDeadline, "check");
      INFO(damage << ": check exit " << check.exit_code << "\n" << check.out << check.err);
      REQUIRE_FALSE(check.timed_out);
      REQUIRE(check.signal == 0);
      CHECK((check.exit_code == 0 || check.exit_code == 3));
      for (const std::string& command : unseen) {
        INFO(command << " answered differently with exit 0: check must name the damage");
        CHECK(check.exit_code == 3);
      }
      if (harm == Harm::TruncateHalf || harm == Harm::Empty) {
        CHECK(check.exit_code == 3);
        CHECK(check.out.find("damage:   shard0: ") != std::string::npos);
      }
      if (check.exit_code == 3) ++named;
    }
  }
  CHECK(named >= 2 * tables.size());
}

TEST_CASE("a damaged stub: 'damaged', exit 3, its bytes escaped", "[reliability][damage]") {
  Fixture fixture;
  std::mt19937 random(7);
  std::string noise(300, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xff);
  const std::string whole = read_file(fixture.reference / "XAPIANDB");
  const std::vector<std::pair<std::string, std::string>> stubs = {
      {"random bytes", noise},
      {"empty", ""},
      {"cut inside the first line", whole.substr(0, whole.find("auto") + 3)},
      {"escape sequences", "auto shard0\n\x1b[2J\x1b]0;owned\x07 \xc2\x9b" "31m\n"},
      {"a missing shard", whole + "auto shard7\n"},
  };
  for (const auto& [what, bytes] : stubs) {
    const fs::path copy = fresh_copy(fixture, "stub");
    write_file(copy / "XAPIANDB", bytes);
    for (const auto& [name, args] : fixture.commands(copy)) {
      Finished f = run_timed(args, fixture.dir.path(), kDeadline, name);
      INFO("stub " << what << ": " << name << ": " << f.err);
      CHECK(f.exit_code == 3);
      require_damage_line(f.err, copy);
      CHECK(page_text::is_valid_utf8(f.err));
      for (char c : f.err.substr(0, f.err.size() - 1)) CHECK(static_cast<unsigned char>(c) >= 0x20);
      CHECK(f.err.find("\xc2\x9b") == std::string::npos);
    }
    Finished check = run_timed({"--db", copy.string(), "check"}, fixture.dir.path(), kDeadline, "check");
    INFO("stub " << what << ": check\n" << check.out << check.err);
    CHECK(check.exit_code == 3);
  }
}

TEST_CASE("byline check: a healthy index is clean, exit 0", "[reliability][damage][check]") {
  Fixture fixture;
  Finished check = run_timed({"--db", fixture.reference.string(), "check"}, fixture.dir.path(), kDeadline, "check");
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err.empty());
  CHECK(line_count(check.out) == 1);
  CHECK(check.out.find("2 shards, " + std::to_string(fixture.documents) + " documents checked: no damage") !=
        std::string::npos);
}

TEST_CASE("byline check --fix: what it repairs and what it refuses", "[reliability][damage][check]") {
  Fixture fixture;

  SECTION("leftover temporary folders of dead processes are removed, a live one's kept") {
    const fs::path copy = fresh_copy(fixture, "leftovers");
    fs::create_directories(copy / ".compacting.999999999");
    write_file(copy / ".compacting.999999999" / "postlist.glass", std::string(8192, 'x'));
    const std::string live = ".resharding." + std::to_string(::getpid());
    fs::create_directories(copy / live);
    Finished check = run_timed({"--db", copy.string(), "check"}, fixture.dir.path(), kDeadline, "check");
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);  // leftovers are not damage
    CHECK(check.out.find("leftover: .compacting.999999999: ") != std::string::npos);
    Finished fix = run_timed({"--db", copy.string(), "check", "--fix"}, fixture.dir.path(), kDeadline, "fix");
    INFO(fix.out << fix.err);
    CHECK(fix.exit_code == 0);
    CHECK(fix.out.find("-- removed") != std::string::npos);
    CHECK_FALSE(fs::exists(copy / ".compacting.999999999"));
    CHECK(fs::exists(copy / live));
    CHECK(fix.out.find("still runs") != std::string::npos);
  }

  SECTION("a file state that disagrees with its documents is erased; the next index re-reads the file") {
    const fs::path copy = fresh_copy(fixture, "states");
    std::string key;
    {
      Xapian::WritableDatabase db((copy / "shard0").string(), Xapian::DB_OPEN);
      for_each_file_state(db, [&](const std::string& k, const FileState&) {
        if (key.empty()) key = k;
      });
      REQUIRE_FALSE(key.empty());
      FileState state = *decode_file_state(db.get_metadata(key));
      state.documents = 0;  // fewer than the documents that carry its file key
      db.set_metadata(key, encode_file_state(state));
      db.set_metadata(file_state_key("00000000deadbeef"), "not a state");
      db.commit();
    }
    Finished check = run_timed({"--db", copy.string(), "check"}, fixture.dir.path(), kDeadline, "check");
    INFO(check.out << check.err);
    CHECK(check.exit_code == 3);
    CHECK(check.out.find("its state counts") != std::string::npos);
    CHECK(check.out.find("cannot be read") != std::string::npos);
    CHECK(line_count(check.err) == 1);
    Finished fix = run_timed({"--db", copy.string(), "check", "--fix"}, fixture.dir.path(), kDeadline, "fix");
    INFO(fix.out << fix.err);
    CHECK(fix.exit_code == 0);
    CHECK(fix.out.find("file state erased") != std::string::npos);
    CHECK(run_timed({"--db", copy.string(), "check"}, fixture.dir.path(), kDeadline, "again").exit_code == 0);
    Finished index = run_timed(fixture.commands(copy)[4].second, fixture.dir.path(), kDeadline, "index");
    CHECK(index.exit_code == 0);
    CHECK(check_whole(copy.string()) > 0);
    CHECK(committed_docs(copy.string()) == fixture.documents);
  }

  SECTION("a missing shard is recreated empty and the next index re-adds its files") {
    const fs::path copy = fresh_copy(fixture, "missing");
    fs::remove_all(copy / "shard1");
    Finished search = run_timed(fixture.commands(copy)[0].second, fixture.dir.path(), kDeadline, "search");
    CHECK(search.exit_code == 3);
    require_damage_line(search.err, copy);
    CHECK(search.err.find("shard1") != std::string::npos);
    Finished fix = run_timed({"--db", copy.string(), "check", "--fix"}, fixture.dir.path(), kDeadline, "fix");
    INFO(fix.out << fix.err);
    CHECK(fix.exit_code == 0);
    CHECK(fix.out.find("damage:   shard1: listed in the stub, but its folder is missing -- recreated empty") !=
          std::string::npos);
    Finished index = run_timed(fixture.commands(copy)[4].second, fixture.dir.path(), kDeadline, "index");
    INFO(index.err);
    CHECK(index.exit_code == 0);
    CHECK(committed_docs(copy.string()) == fixture.documents);
    check_whole(copy.string());
    CHECK(run_timed({"--db", copy.string(), "check"}, fixture.dir.path(), kDeadline, "again").exit_code == 0);
  }

  SECTION("a damaged table is refused") {
    const fs::path copy = fresh_copy(fixture, "table");
    fs::resize_file(copy / "shard0" / "postlist.glass", fs::file_size(copy / "shard0" / "postlist.glass") / 2);
    Finished fix = run_timed({"--db", copy.string(), "check", "--fix"}, fixture.dir.path(), kDeadline, "fix");
    INFO(fix.out << fix.err);
    CHECK(fix.exit_code == 3);
    CHECK(fix.out.find("not repaired: rebuild the index") != std::string::npos);
  }
}

}  // namespace byline::test::reliability
