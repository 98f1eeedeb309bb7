#include "index_stats.h"

#include <filesystem>

#include "byline/error.h"
#include "byline/stats.h"
#include "file_state.h"
#include "index_meta.h"
#include "index_path_kind.h"
#include "reopen.h"
#include "schema.h"
#include "shards_reader.h"
#include "xapian_error.h"

namespace byline {
namespace {

// "YYYYMMDDHHMM" (the date slot) -> "YYYY-MM-DDTHH:MM".
std::optional<std::string> iso_date(const std::string& value) {
  if (value.size() != 12) return std::nullopt;
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2) + "T" + value.substr(8, 2) + ":" +
         value.substr(10, 2);
}

std::uint64_t size_on_disk(const std::string& db_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::uint64_t total = 0;
  for (fs::recursive_directory_iterator it(db_path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      std::uintmax_t size = it->file_size(size_ec);
      if (!size_ec) total += size;
    }
  }
  return total;
}

// The file states of every working local shard (schema.h: byline.file.*).
void count_files(ShardSet& shards, IndexStats& stats) {
  for (std::size_t i = 0; i < shards.size(); ++i) {
    if (shards.entry(i).remote) continue;
    Xapian::Database& db = shards.shard_database(i);
    for (auto it = db.metadata_keys_begin(schema::kMetaFilePrefix); it != db.metadata_keys_end(schema::kMetaFilePrefix);
         ++it) {
      std::optional<FileState> state = decode_file_state(db.get_metadata(*it));
      if (!state) continue;
      ++stats.files;
      if (state->skip == "binary") ++stats.files_skipped_binary;
      if (state->skip == "too-large") ++stats.files_skipped_too_large;
      if (state->skip == "not-article") ++stats.files_skipped_not_article;
    }
  }
}

}  // namespace

IndexStats compute_index_stats(const Xapian::Database& db, const std::string& db_path,
                               const std::function<bool()>& reopen) {
  IndexSettings settings = read_index_settings(db, db_path, reopen);
  IndexStats stats;
  stats.schema_version = settings.schema_version;
  stats.language = settings.language;
  stats.stopwords = settings.stopwords;
  stats.documents = db.get_doccount();
  stats.articles = db.get_termfreq(schema::term(schema::kPrefixType, schema::kTypeArticle));
  stats.comments = db.get_termfreq(schema::term(schema::kPrefixType, schema::kTypeComment));
  const std::string author_prefix = schema::kPrefixAuthorExact;
  for (auto it = db.allterms_begin(author_prefix); it != db.allterms_end(author_prefix); ++it) ++stats.authors;
  if (db.get_value_freq(schema::kSlotDate) != 0) {
    stats.first_date = iso_date(db.get_value_lower_bound(schema::kSlotDate));
    stats.last_date = iso_date(db.get_value_upper_bound(schema::kSlotDate));
  }
  stats.size_bytes = size_on_disk(db_path);
  return stats;
}

IndexStats index_stats(const std::string& db_path) {
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec))
    throw IndexUnusable("index " + db_path + ": no index here (create one with 'byline index')");
  return naming_foreign_path(db_path, [&] {
    // Shards opened one by one, so an unreachable remote shard is named.
    ShardSet shards(db_path);
    if (!shards.failures().empty()) throw IndexUnusable("index " + db_path + ": shard " + shards.failures().front());
    Xapian::Database& db = shards.database();
    return translate_xapian_errors("index " + db_path, [&] {
      return with_reopen(db, [&] {
        IndexStats stats = compute_index_stats(db, db_path, [&] { return db.reopen(); });
        count_files(shards, stats);
        return stats;
      });
    });
  });
}

}  // namespace byline
