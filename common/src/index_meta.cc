#include "index_meta.h"

#include "byline/error.h"
#include "damage.h"
#include "schema.h"

namespace byline {

IndexSettings read_index_settings(const Xapian::Database& db, const std::string& db_path,
                                  const std::function<bool()>& reopen) {
  IndexSettings settings;
  std::string version;
  for (int tries = 0;; ++tries) {
    version = db.get_metadata(schema::kMetaSchema);
    if (!version.empty()) break;
    if (db.get_doccount() == 0) return settings;
    // Documents but no schema: a foreign index, or a stale read (a reader
    // racing a commit can miss a key that is there: reopen.h). Stale only
    // if the revision moved since; then read again.
    if (!reopen || tries >= kStaleReadRetries || !reopen())
      throw IndexUnusable(damaged_message("index " + db_path,
                                          "documents but no schema version in the metadata: it is lost, or this "
                                          "is not a Byline index"));
  }
  int parsed = 0;
  try {
    parsed = std::stoi(version);
  } catch (const std::exception&) {
    parsed = -1;
  }
  if (parsed != schema::kSchemaVersion)
    // Its terms were cut by other rules: searching it would give silently
    // wrong answers, so it must be rebuilt from its pages.
    throw SchemaMismatch(db_path + ": index schema version " + version + ", this Byline reads version " +
                         std::to_string(schema::kSchemaVersion) + ": rebuild it (remove " + db_path +
                         " and run 'byline index --db " + db_path + " PATHS...' again, or index into a new folder)");
  settings.schema_version = parsed;
  std::string language = db.get_metadata(schema::kMetaLanguage);
  if (!language.empty()) settings.language = language;
  std::string stopwords = db.get_metadata(schema::kMetaStopwords);
  if (!stopwords.empty()) settings.stopwords = stopwords;
  return settings;
}

void write_index_settings(Xapian::WritableDatabase& db, const IndexSettings& settings) {
  db.set_metadata(schema::kMetaSchema, std::to_string(schema::kSchemaVersion));
  db.set_metadata(schema::kMetaLanguage, settings.language);
  db.set_metadata(schema::kMetaStopwords, settings.stopwords);
}

}  // namespace byline
