#include "check_shard.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <vector>

#include "file_state.h"
#include "schema.h"
#include "shard_routing.h"
#include "shown_bytes.h"
#include "xapian_error.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

// At most this many lines of one kind per shard; then one line with the rest.
constexpr std::size_t kMaxLinesPerKind = 20;

// Counts lines of one kind and stops printing them after kMaxLinesPerKind.
class Limited {
 public:
  Limited(const DamageFn& damage, std::string kind) : damage_(damage), kind_(std::move(kind)) {}
  ~Limited() {
    if (count_ > kMaxLinesPerKind)
      damage_("and " + std::to_string(count_ - kMaxLinesPerKind) + " more " + kind_ + " like those");
  }
  void operator()(const std::string& what) {
    if (++count_ <= kMaxLinesPerKind) damage_(what);
  }

 private:
  const DamageFn& damage_;
  std::string kind_;
  std::size_t count_ = 0;
};

// Xapian's check of the whole database; when it finds errors, each table
// alone, to name the damaged ones.
// Returns true when it found damage.
bool check_structure(const ShardUnderCheck& shard, const DamageFn& damage) {
  std::ostringstream ignored;  // Xapian's own report: its words stay out of ours
  std::size_t errors = 0;
  try {
    errors = Xapian::Database::check(shard.path, 0, &ignored);
  } catch (const Xapian::Error& e) {
    const std::string words = damage_in_words(e);
    damage("Xapian's check stopped: " + words);
    // Without its version file no table can be checked alone either.
    if (words.find("iamglass") != std::string::npos) return true;
    errors = 1;
  }
  if (errors == 0) return false;
  std::vector<fs::path> tables;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(shard.path, ec))
    if (entry.path().extension() == ".glass") tables.push_back(entry.path());
  std::sort(tables.begin(), tables.end());
  bool named = false;
  for (const fs::path& table : tables) {
    std::ostringstream out;
    std::size_t table_errors = 0;
    std::string why;
    try {
      table_errors = Xapian::Database::check(table.string(), 0, &out);
    } catch (const Xapian::Error& e) {
      table_errors = 1;
      why = ": " + damage_in_words(e);
    }
    if (table_errors == 0) continue;
    named = true;
    damage("the table " + table.filename().string() + " is damaged (" + std::to_string(table_errors) +
           (table_errors == 1 ? " error" : " errors") + " in Xapian's check" + why + ")");
  }
  if (!named)
    damage(std::to_string(errors) + (errors == 1 ? " inconsistency" : " inconsistencies") +
           " between its tables (document lengths or term lists against the postings)");
  return true;
}

std::optional<IndexSettings> check_settings(const Xapian::Database& db, const DamageFn& damage) {
  const std::string version = db.get_metadata(schema::kMetaSchema);
  if (version.empty()) {
    if (db.get_doccount() != 0)
      damage("no schema version in its metadata, but " + std::to_string(db.get_doccount()) + " documents");
    return std::nullopt;
  }
  if (version != std::to_string(schema::kSchemaVersion)) {
    damage("schema version '" + shown_bytes(version, 20) + "', this Byline reads version " +
           std::to_string(schema::kSchemaVersion) + " (re-index into a new --db)");
    return std::nullopt;
  }
  IndexSettings settings;
  settings.schema_version = schema::kSchemaVersion;
  if (std::string language = db.get_metadata(schema::kMetaLanguage); !language.empty()) settings.language = language;
  if (std::string stop = db.get_metadata(schema::kMetaStopwords); !stop.empty()) settings.stopwords = stop;
  return settings;
}

// The XF term's value of a document: the key of the file it came from.
std::string file_key_of(const Xapian::Document& doc) {
  const std::string prefix = schema::kPrefixFile;
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(prefix);
  if (t == doc.termlist_end() || (*t).rfind(prefix, 0) != 0) return "";
  return (*t).substr(prefix.size());
}

// Every comment's page must have its article (a page lives in one shard).
void check_comments(const Xapian::Database& db, ShardCheckResult& result, const DamageFn& damage) {
  Limited report(damage, "pages without their article");
  std::map<std::string, bool> article_of_page;  // page id -> found
  const std::string comment_term = schema::term(schema::kPrefixType, schema::kTypeComment);
  for (auto p = db.postlist_begin(comment_term); p != db.postlist_end(comment_term); ++p) {
    Xapian::Document doc = db.get_document(*p);
    const std::string page = doc.get_value(schema::kSlotPage);
    auto [it, inserted] = article_of_page.try_emplace(page, false);
    if (!inserted) continue;
    it->second = !page.empty() && db.term_exists(schema::term(schema::kPrefixId, page));
    if (it->second) continue;
    const std::string key = file_key_of(doc);
    report("comments of page " + (page.empty() ? std::string("(none)") : shown_bytes(page, 32)) + " but no article" +
           (key.empty() ? std::string() : " (file key " + shown_bytes(key, 32) + ")"));
    if (!key.empty()) result.states_to_erase.insert(file_state_key(key));
  }
}

// Each file state must be readable, in the shard its file routes to, and
// agree with the documents of that file. (A state may count more documents
// than there are: comments of one page that share an index replace each
// other; it can never count fewer, nor any when they are all gone.)
void check_file_states(const ShardUnderCheck& shard, const Xapian::Database& db, ShardCheckResult& result,
                       const DamageFn& damage) {
  Limited report(damage, "file states");
  const std::string prefix = schema::kMetaFilePrefix;
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    const std::string key = *k;
    const std::string value = db.get_metadata(key);
    if (value.empty()) continue;  // erased: the file is redone by the next run
    const std::string file_key = key.substr(prefix.size());
    std::optional<FileState> state = decode_file_state(value);
    if (!state) {
      report("the file state of file key " + shown_bytes(file_key, 32) + " cannot be read");
      result.states_to_erase.insert(key);
      continue;
    }
    bool routed_here = true;
    try {
      routed_here = shard_index_for(file_key, shard.local_shards) == shard.position;
    } catch (const std::exception&) {
      routed_here = false;  // not a file key at all
    }
    if (!routed_here) {
      report("file " + shown_bytes(state->path, 200) + ": its state is in the wrong shard");
      result.states_to_erase.insert(key);
      continue;
    }
    const Xapian::doccount actual = db.get_termfreq(schema::term(schema::kPrefixFile, file_key));
    if (actual > state->documents || (actual == 0 && state->documents > 0)) {
      report("file " + shown_bytes(state->path, 200) + ": its state counts " + std::to_string(state->documents) +
             " documents, the index holds " + std::to_string(actual));
      result.states_to_erase.insert(key);
    }
  }
}

}  // namespace

std::string damage_in_words(const Xapian::Error& e) {
  const char* detail = e.get_error_string();
  const std::string words =
      xapian_error_detail::damage_words(e.get_type(), e.get_msg() + " " + (detail != nullptr ? detail : ""));
  if (!words.empty()) return words;
  const std::string resource = xapian_error_detail::resource_words(e.get_msg() + " " + (detail ? detail : ""));
  if (!resource.empty()) return "cannot be read: " + resource;
  return std::string("cannot be read (Xapian reports a ") + e.get_type() + ")";
}

ShardCheckResult check_shard(const ShardUnderCheck& shard, const DamageFn& damage) {
  ShardCheckResult result;
  result.structure_damaged = check_structure(shard, damage);
  try {
    Xapian::Database db(shard.path);
    result.opened = true;
    result.documents = db.get_doccount();
    result.settings = check_settings(db, damage);
    check_comments(db, result, damage);
    check_file_states(shard, db, result, damage);
  } catch (const Xapian::Error& e) {
    damage(damage_in_words(e));
  } catch (const IndexUnusable& e) {  // a document record that cannot be decoded
    damage(e.what());
  }
  return result;
}

}  // namespace byline
