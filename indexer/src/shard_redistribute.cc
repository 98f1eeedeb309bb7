#include "shard_redistribute.h"

#include <map>
#include <optional>
#include <string>

#include "byline/error.h"
#include "schema.h"
#include "shard_routing.h"

namespace byline {
namespace {

constexpr std::uint64_t kProgressEvery = 500;

// The file key of a document: its XF term (schema.h), which every document
// the indexer writes has.
std::optional<std::string> file_key_of(const Xapian::Document& doc) {
  const std::string prefix = schema::kPrefixFile;
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(prefix);
  if (it == doc.termlist_end() || (*it).compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return (*it).substr(prefix.size());
}

// Where the documents or state of a file go. A key that is not one (no XF
// term, a hand-made metadata key) cannot be routed: it is kept in the first
// shard rather than lost; the indexer never looks it up anyway.
std::size_t target_for(const std::optional<std::string>& file_key, std::size_t targets) {
  if (!file_key) return 0;
  try {
    return shard_index_for(*file_key, targets);
  } catch (const std::exception&) {  // std::stoull: not hex, or out of range
    return 0;
  }
}

void copy_documents(Xapian::Database& source, std::vector<Xapian::WritableDatabase>& targets, std::uint64_t& copied,
                    const std::function<void(std::uint64_t)>& on_progress) {
  for (Xapian::PostingIterator it = source.postlist_begin(""); it != source.postlist_end(""); ++it) {
    // A document read from one database and added to another brings its
    // terms with positions, its values and its data along.
    Xapian::Document doc = source.get_document(*it);
    targets[target_for(file_key_of(doc), targets.size())].add_document(doc);
    if (++copied % kProgressEvery == 0 && on_progress) on_progress(copied);
  }
}

// File states follow their file; every other key is an index setting
// (schema.h: schema version, language, stop words), which every shard carries
// (open_shards checks that they agree). Returns the file states copied.
std::uint64_t copy_metadata(Xapian::Database& source, std::vector<Xapian::WritableDatabase>& targets,
                            std::map<std::string, std::string>& settings) {
  const std::string file_prefix = schema::kMetaFilePrefix;
  std::uint64_t files = 0;
  for (Xapian::TermIterator key = source.metadata_keys_begin(); key != source.metadata_keys_end(); ++key) {
    const std::string name = *key;
    if (name.compare(0, file_prefix.size(), file_prefix) == 0) {
      std::optional<std::string> file_key = name.substr(file_prefix.size());
      targets[target_for(file_key, targets.size())].set_metadata(name, source.get_metadata(name));
      ++files;
    } else {
      settings.emplace(name, source.get_metadata(name));  // the first shard's value wins
    }
  }
  return files;
}

}  // namespace

RedistributedCounts redistribute(std::vector<Xapian::Database>& sources, std::vector<Xapian::WritableDatabase>& targets,
                                 const std::function<void(std::uint64_t)>& on_progress) {
  RedistributedCounts counts;
  std::map<std::string, std::string> settings;
  std::uint64_t expected = 0;
  for (Xapian::Database& source : sources) {
    expected += source.get_doccount();
    copy_documents(source, targets, counts.documents, on_progress);
    counts.files += copy_metadata(source, targets, settings);
  }
  std::uint64_t written = 0;
  for (Xapian::WritableDatabase& target : targets) {
    for (const auto& [name, value] : settings) target.set_metadata(name, value);
    target.commit();
    written += target.get_doccount();
  }
  if (counts.documents != expected || written != expected)
    throw Error("resharding copied " + std::to_string(written) + " of " + std::to_string(expected) + " documents");
  if (on_progress) on_progress(counts.documents);
  return counts;
}

}  // namespace byline
