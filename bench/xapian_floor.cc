// bench_xapian_floor: the least an engine built on Xapian's TermGenerator and
// WritableDatabase can do for the same pages, so Byline can approach it but
// not beat it. Pages are parsed by Byline's parser (timed apart); each article
// (title with wdf increment 3, then body) and each comment (text) is one
// document: positional free text through TermGenerator with Byline's Snowball
// stemmer and STEM_ALL (stems only, as Byline indexes), a type term, an exact author term, the date value,
// and the text as document data (for snippets). An explicit commit every 1000
// documents and at the end.
//
//   bench_xapian_floor index ARCHIVE DB
//   bench_xapian_floor compact DB OUT
//   bench_xapian_floor query DB QUERIES [--warmup N] [--passes N]
// Each prints one JSON object on stdout.
#include <xapian.h>

#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "byline/page.h"
#include "field_keys.h"
#include "query_spec.h"
#include "schema.h"
#include "snowball_stem.h"
#include "stopwords.h"

namespace byline::bench {
namespace {

constexpr const char* kProgram = "bench_xapian_floor";
constexpr unsigned kCommitEvery = 1000;
constexpr unsigned kTitleWdfInc = 3;

struct IndexTimes {
  double parse = 0, termgen = 0, add = 0, commit = 0;
};

void add_filters(Xapian::Document& doc, const char* type, const std::optional<std::string>& author,
                 const std::optional<std::string>& date) {
  doc.add_boolean_term(schema::term(schema::kPrefixType, type));
  if (author && !author->empty()) doc.add_boolean_term(schema::term(schema::kPrefixAuthorExact, exact_key(*author)));
  if (date) {
    std::string value = date_value(*date);
    if (!value.empty()) doc.add_value(schema::kSlotDate, value);
  }
}

int index(const std::string& archive, const std::string& db_path) {
  auto start = Clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(make_stemmer("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);

  IndexTimes times;
  std::uint64_t pages = 0, articles = 0, comments = 0, bytes = 0, failed = 0, pending = 0;
  auto add = [&](Xapian::Document& doc) {
    auto t = Clock::now();
    db.add_document(doc);
    times.add += seconds_since(t);
    if (++pending == kCommitEvery) {
      t = Clock::now();
      db.commit();
      times.commit += seconds_since(t);
      pending = 0;
    }
  };
  for (const auto& path : list_pages(archive)) {
    auto t = Clock::now();
    Page page;
    try {
      page = parse_file(path).page;
      bytes += std::filesystem::file_size(path);
    } catch (const std::exception&) {
      ++failed;
      continue;
    }
    times.parse += seconds_since(t);
    ++pages;

    t = Clock::now();
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(page.article.title, kTitleWdfInc);
    generator.increase_termpos();
    generator.index_text(page.article.text);
    add_filters(doc, schema::kTypeArticle, page.article.author, page.article.date);
    doc.set_data(page.article.text);
    times.termgen += seconds_since(t);
    add(doc);
    ++articles;
    for (const auto& comment : page.comments) {
      t = Clock::now();
      Xapian::Document cdoc;
      generator.set_document(cdoc);
      generator.index_text(comment.text);
      add_filters(cdoc, schema::kTypeComment, comment.author, comment.date);
      cdoc.set_data(comment.text);
      times.termgen += seconds_since(t);
      add(cdoc);
      ++comments;
    }
  }
  auto t = Clock::now();
  db.commit();
  times.commit += seconds_since(t);
  db.close();
  nlohmann::json out = {{"engine", "xapian_floor"},
                        {"pages", pages},
                        {"failed", failed},
                        {"articles", articles},
                        {"comments", comments},
                        {"docs", articles + comments},
                        {"bytes", bytes},
                        {"commit_every_docs", kCommitEvery},
                        {"parse_s", times.parse},
                        {"termgen_s", times.termgen},
                        {"add_document_s", times.add},
                        {"commit_s", times.commit},
                        {"index_s", times.termgen + times.add + times.commit},
                        {"total_s", seconds_since(start)},
                        {"peak_rss_mb", peak_rss_mb()}};
  std::cout << out.dump() << "\n";
  return 0;
}

int compact(const std::string& db_path, const std::string& out_path) {
  auto start = Clock::now();
  Xapian::Database(db_path).compact(out_path);
  std::cout << nlohmann::json{{"compact_s", seconds_since(start)}}.dump() << "\n";
  return 0;
}

class FloorSearcher {
 public:
  explicit FloorSearcher(const std::string& db_path) : db_(db_path), stemmer_(make_stemmer("english")) {
    parser_.set_database(db_);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    parser_.set_stopper(make_stopper("english"));
    parser_.set_default_op(Xapian::Query::OP_AND);
  }

  Xapian::Query query(const QuerySpec& spec) {
    Xapian::Query q = parser_.parse_query(query_words_text(spec), Xapian::QueryParser::FLAG_DEFAULT);
    std::vector<Xapian::Query> filters;
    if (!spec.type.empty()) filters.emplace_back(schema::term(schema::kPrefixType, spec.type));
    if (!spec.author.empty()) filters.emplace_back(schema::term(schema::kPrefixAuthorExact, exact_key(spec.author)));
    if (!spec.year.empty())
      filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, spec.year + "01010000",
                           spec.year + "12312359");
    for (auto& filter : filters) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    return q;
  }

  std::size_t run(const QuerySpec& spec, bool with_snippets) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query(spec));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::string data = it.get_document().get_data();
      bytes += with_snippets ? mset.snippet(data, 200, stemmer_).size() : data.size();
    }
    sink_ += bytes;  // the snippets' work must not be optimised away
    return mset.size();
  }

  std::uint64_t count(const QuerySpec& spec) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query(spec));
    return enquire.get_mset(0, 10, db_.get_doccount()).get_matches_estimated();
  }

  std::uint64_t docs() const { return db_.get_doccount(); }

 private:
  Xapian::Database db_;
  Xapian::Stem stemmer_;
  Xapian::QueryParser parser_;
  std::size_t sink_ = 0;
};

int query(const Options& options) {
  FloorSearcher searcher(options.positional[1]);
  auto queries = load_queries(options.positional[2]);
  auto loop = run_query_loop(queries, {options.warmup, options.passes},
                             [&](const QuerySpec& q, bool snippets) { return searcher.run(q, snippets); });
  auto counts = count_matches(queries, [&](const QuerySpec& q) { return searcher.count(q); });
  nlohmann::json out = {{"engine", "xapian_floor"},
                        {"docs", searcher.docs()},
                        {"queries", queries.size()},
                        {"with_snippets", to_json(loop.with_snippets)},
                        {"without_snippets", to_json(loop.without_snippets)},
                        {"mean_returned", loop.mean_returned},
                        {"mean_matches", counts.mean},
                        {"zero_match_queries", counts.zero},
                        {"exact_counts", true}};
  std::cout << out.dump() << "\n";
  return 0;
}

int run(int argc, char** argv) {
  Options options;
  std::string why;
  if (!parse_options(argc, argv, 1, options, why)) return usage_error(kProgram, why);
  const auto& args = options.positional;
  if (args.size() == 3 && args[0] == "index") return index(args[1], args[2]);
  if (args.size() == 3 && args[0] == "compact") return compact(args[1], args[2]);
  if (args.size() == 3 && args[0] == "query") return query(options);
  return usage_error(kProgram, "usage: index ARCHIVE DB | compact DB OUT | query DB QUERIES [--warmup N] [--passes N]");
}

}  // namespace
}  // namespace byline::bench

int main(int argc, char** argv) {
  try {
    return byline::bench::run(argc, argv);
  } catch (const Xapian::Error& e) {
    std::cerr << byline::bench::kProgram << ": " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << byline::bench::kProgram << ": " << e.what() << "\n";
  }
  return 1;
}
