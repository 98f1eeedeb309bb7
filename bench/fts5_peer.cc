// bench_fts5_peer: the SQLite FTS5 peer. The same pages, parsed by Byline's
// parser (timed apart), become rows of one FTS5 table (tokenize='porter
// unicode61'): an article row has its title and body, a comment row an empty
// title and its text; author, date and type are UNINDEXED columns for the
// filters. One transaction, one prepared INSERT; then optimize and VACUUM.
// Queries: every word double-quoted (implicit AND), a phrase as one quoted
// string, filters as WHERE clauses, ORDER BY bm25 (title weighted 3, as
// Byline weights titles) LIMIT 10, snippet() of about 32 tokens.
//
//   bench_fts5_peer index ARCHIVE DB
//   bench_fts5_peer compact DB
//   bench_fts5_peer query DB QUERIES [--warmup N] [--passes N]
// Each prints one JSON object on stdout.
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_common.h"
#include "byline/page.h"
#include "query_spec.h"
#include "sqlite_database.h"

namespace byline::bench {
namespace {

constexpr const char* kProgram = "bench_fts5_peer";

int index(const std::string& archive, const std::string& db_path) {
  auto start = Clock::now();
  std::filesystem::remove(db_path);
  Database db(db_path);
  db.exec(
      "CREATE VIRTUAL TABLE docs USING fts5(title, text, author UNINDEXED, date UNINDEXED, type UNINDEXED, "
      "tokenize='porter unicode61')");
  db.exec("BEGIN");
  sqlite3_stmt* insert = db.statement("INSERT INTO docs(rowid, title, text, author, date, type) VALUES(?,?,?,?,?,?)");
  double parse_s = 0, insert_s = 0;
  std::uint64_t pages = 0, articles = 0, comments = 0, bytes = 0, failed = 0;
  sqlite3_int64 rowid = 0;
  auto add = [&](const std::string& title, const std::string& text, const std::optional<std::string>& author,
                 const std::optional<std::string>& date, const char* type) {
    sqlite3_reset(insert);
    sqlite3_bind_int64(insert, 1, ++rowid);
    bind_text(insert, 2, title);
    bind_text(insert, 3, text);
    bind_optional(insert, 4, author);
    bind_optional(insert, 5, date);
    sqlite3_bind_text(insert, 6, type, -1, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) db.fail("insert");
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
    parse_s += seconds_since(t);
    ++pages;
    t = Clock::now();
    add(page.article.title, page.article.text, page.article.author, page.article.date, "article");
    ++articles;
    for (const auto& comment : page.comments) {
      add("", comment.text, comment.author, comment.date, "comment");
      ++comments;
    }
    insert_s += seconds_since(t);
  }
  auto t = Clock::now();
  db.exec("COMMIT");
  double commit_s = seconds_since(t);
  nlohmann::json out = {{"engine", "fts5"},
                        {"pages", pages},
                        {"failed", failed},
                        {"articles", articles},
                        {"comments", comments},
                        {"docs", articles + comments},
                        {"bytes", bytes},
                        {"parse_s", parse_s},
                        {"insert_s", insert_s},
                        {"commit_s", commit_s},
                        {"index_s", insert_s + commit_s},
                        {"total_s", seconds_since(start)},
                        {"peak_rss_mb", peak_rss_mb()}};
  std::cout << out.dump() << "\n";
  return 0;
}

int compact(const std::string& db_path) {
  Database db(db_path);
  auto t = Clock::now();
  db.exec("INSERT INTO docs(docs) VALUES('optimize')");
  double optimize_s = seconds_since(t);
  t = Clock::now();
  db.exec("VACUUM");
  std::cout << nlohmann::json{{"optimize_s", optimize_s}, {"vacuum_s", seconds_since(t)}}.dump() << "\n";
  return 0;
}

// The MATCH expression: "w1" "w2" (all words), or "w1 w2" (a phrase).
std::string match_expression(const QuerySpec& q) {
  if (q.phrase) {
    std::string text;
    for (const auto& word : q.words) text += (text.empty() ? "" : " ") + word;
    return "\"" + text + "\"";
  }
  std::string text;
  for (const auto& word : q.words) text += (text.empty() ? "\"" : " \"") + word + "\"";
  return text;
}

// The FROM/WHERE part of a query's SQL; bind_query binds its parameters.
std::string where_clause(const QuerySpec& q) {
  std::string where = " FROM docs WHERE docs MATCH ?";
  if (!q.type.empty()) where += " AND type = ?";
  if (!q.author.empty()) where += " AND author = ?";
  if (!q.year.empty()) where += " AND date >= ? AND date < ?";
  return where;
}
void bind_query(sqlite3_stmt* statement, const QuerySpec& q) {
  int index = 1;
  bind_text(statement, index++, match_expression(q));
  if (!q.type.empty()) bind_text(statement, index++, q.type);
  if (!q.author.empty()) bind_text(statement, index++, q.author);
  if (!q.year.empty()) {
    bind_text(statement, index++, q.year);
    bind_text(statement, index++, std::to_string(std::stoi(q.year) + 1));
  }
}

int query(const Options& options) {
  Database db(options.positional[1]);
  auto queries = load_queries(options.positional[2]);
  std::size_t sink = 0;
  auto run = [&](const QuerySpec& q, bool snippets) {
    std::string columns = snippets ? "SELECT rowid, title, author, date, snippet(docs, -1, '<b>', '</b>', '…', 32)"
                                   : "SELECT rowid, title, author, date";
    sqlite3_stmt* statement = db.statement(columns + where_clause(q) + " ORDER BY bm25(docs, 3.0, 1.0) LIMIT 10");
    bind_query(statement, q);
    std::size_t hits = 0;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      ++hits;
      for (int column = 1; column < sqlite3_column_count(statement); ++column)
        sink += static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
    }
    if (rc != SQLITE_DONE) db.fail("query " + describe(q));
    return hits;
  };
  auto loop = run_query_loop(queries, {options.warmup, options.passes}, run);
  auto counts = count_matches(queries, [&](const QuerySpec& q) -> std::uint64_t {
    sqlite3_stmt* statement = db.statement("SELECT count(*)" + where_clause(q));
    bind_query(statement, q);
    if (sqlite3_step(statement) != SQLITE_ROW) db.fail("count " + describe(q));
    return static_cast<std::uint64_t>(sqlite3_column_int64(statement, 0));
  });
  sqlite3_stmt* total = db.statement("SELECT count(*) FROM docs");
  std::uint64_t docs =
      sqlite3_step(total) == SQLITE_ROW ? static_cast<std::uint64_t>(sqlite3_column_int64(total, 0)) : 0;
  nlohmann::json out = {{"engine", "fts5"},
                        {"docs", docs},
                        {"queries", queries.size()},
                        {"with_snippets", to_json(loop.with_snippets)},
                        {"without_snippets", to_json(loop.without_snippets)},
                        {"mean_returned", loop.mean_returned},
                        {"mean_matches", counts.mean},
                        {"zero_match_queries", counts.zero},
                        {"exact_counts", true},
                        {"sink", sink}};
  std::cout << out.dump() << "\n";
  return 0;
}

int run(int argc, char** argv) {
  Options options;
  std::string why;
  if (!parse_options(argc, argv, 1, options, why)) return usage_error(kProgram, why);
  const auto& args = options.positional;
  if (args.size() == 3 && args[0] == "index") return index(args[1], args[2]);
  if (args.size() == 2 && args[0] == "compact") return compact(args[1]);
  if (args.size() == 3 && args[0] == "query") return query(options);
  return usage_error(kProgram, "usage: index ARCHIVE DB | compact DB | query DB QUERIES [--warmup N] [--passes N]");
}

}  // namespace
}  // namespace byline::bench

int main(int argc, char** argv) {
  try {
    return byline::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << byline::bench::kProgram << ": " << e.what() << "\n";
  }
  return 1;
}
