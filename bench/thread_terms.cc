// bench_thread_terms: what the terms schema 5 copies to comments cost (the
// article's K tag terms and XS title stems on each comment, the XR parent
// term on each reply: schema.h) in index size and in index writing time.
//
//   bench_thread_terms DB WORK_DIR
//
// Reads every document of DB (a Byline index, sharded or not) once into
// memory, then writes it twice into fresh glass databases under WORK_DIR, in
// the same order and in batches of 1,000 documents with a commit after each:
// "with" (every term as indexed) and "without" (the copied terms dropped).
// The two runs alternate in order (with, without, without, with) and each
// figure is the mean of its two runs. Both copies are then compacted. Prints
// one JSON object: documents, copied term postings, seconds to write each
// copy, and sizes (bytes) as written and compacted, with the ratios
// with/without. The write time is Xapian's share of indexing only (parsing
// and term generation are the same in both), so it is the upper bound of
// what the copied terms add to `byline index`'s wall time as a fraction.
#include <xapian.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr const char* kProgram = "bench_thread_terms";

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// A term the indexer copies to comments (schema 5).
bool copied_term(const std::string& term, bool is_comment) {
  if (!is_comment) return false;
  using namespace byline::schema;
  return starts_with(term, kPrefixArticleTitle) || starts_with(term, kPrefixReplyTo) || starts_with(term, kPrefixTag);
}

struct Stored {
  Xapian::Document with;
  Xapian::Document without;
};

std::uintmax_t folder_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

double write_copy(const std::vector<Stored>& docs, bool with, const fs::path& path) {
  fs::remove_all(path);
  Clock::time_point start = Clock::now();
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  std::size_t n = 0;
  for (const Stored& s : docs) {
    db.add_document(with ? s.with : s.without);
    if (++n % 1000 == 0) db.commit();
  }
  db.commit();
  db.close();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int run(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << kProgram << ": usage: bench_thread_terms DB WORK_DIR\n";
    return 2;
  }
  Xapian::Database source(argv[1]);
  fs::path work(argv[2]);
  fs::create_directories(work);

  // Fresh documents (not lazily read ones), so that both writes do the same work.
  std::vector<Stored> docs;
  docs.reserve(source.get_doccount());
  std::uint64_t copied = 0;
  for (Xapian::PostingIterator p = source.postlist_begin(""); p != source.postlist_end(""); ++p) {
    Xapian::Document doc = source.get_document(*p);
    const bool is_comment = doc.get_value(byline::schema::kSlotType) == byline::schema::kTypeComment;
    Stored s;
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      const Xapian::termcount wdf = t.get_wdf();
      auto add = [&](Xapian::Document& d) {
        d.add_term(term, wdf);
        for (Xapian::PositionIterator pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos)
          d.add_posting(term, *pos, 0);
      };
      add(s.with);
      if (copied_term(term, is_comment))
        ++copied;
      else
        add(s.without);
    }
    for (Xapian::ValueIterator v = doc.values_begin(); v != doc.values_end(); ++v) {
      s.with.add_value(v.get_valueno(), *v);
      s.without.add_value(v.get_valueno(), *v);
    }
    s.with.set_data(doc.get_data());
    s.without.set_data(doc.get_data());
    docs.push_back(std::move(s));
  }

  double t_with = write_copy(docs, true, work / "with");
  double t_without = write_copy(docs, false, work / "without");
  t_without += write_copy(docs, false, work / "without");
  t_with += write_copy(docs, true, work / "with");
  t_with /= 2;
  t_without /= 2;

  std::uintmax_t size_with = folder_bytes(work / "with");
  std::uintmax_t size_without = folder_bytes(work / "without");
  for (const char* name : {"with", "without"}) {
    Xapian::Database db((work / name).string());
    db.compact((work / (std::string(name) + "-compacted")).string(), Xapian::DBCOMPACT_SINGLE_FILE);
  }
  std::uintmax_t compact_with = fs::file_size(work / "with-compacted");
  std::uintmax_t compact_without = fs::file_size(work / "without-compacted");

  nlohmann::json out = {{"program", kProgram},
                        {"documents", docs.size()},
                        {"copied_term_postings", copied},
                        {"write_seconds", {{"with", t_with}, {"without", t_without}, {"ratio", t_with / t_without}}},
                        {"bytes_as_written",
                         {{"with", size_with},
                          {"without", size_without},
                          {"ratio", static_cast<double>(size_with) / static_cast<double>(size_without)}}},
                        {"bytes_compacted",
                         {{"with", compact_with},
                          {"without", compact_without},
                          {"ratio", static_cast<double>(compact_with) / static_cast<double>(compact_without)}}}};
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const Xapian::Error& e) {
    std::cerr << kProgram << ": " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
  }
  return 1;
}
