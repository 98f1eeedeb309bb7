// A small SQLite handle for the FTS5 peers (bench_fts5_peer,
// bench_questions): statements prepared once per SQL text and reused, and
// errors as std::runtime_error with SQLite's reason.
#ifndef BYLINE_BENCH_SQLITE_DATABASE_H
#define BYLINE_BENCH_SQLITE_DATABASE_H

#include <sqlite3.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace byline::bench {

class Database {
 public:
  explicit Database(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) fail("open " + path);
  }
  ~Database() {
    for (auto& [key, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }
  // Prepared once per SQL text, then reset and reused.
  sqlite3_stmt* statement(const std::string& sql) {
    auto found = cache_.find(sql);
    if (found != cache_.end()) {
      sqlite3_reset(found->second);
      sqlite3_clear_bindings(found->second);
      return found->second;
    }
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
      fail("prepare " + sql);
    cache_.emplace(sql, statement);
    return statement;
  }
  [[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + sqlite3_errmsg(db_)); }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*> cache_;
};

inline void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
inline void bind_optional(sqlite3_stmt* statement, int index, const std::optional<std::string>& text) {
  if (text)
    bind_text(statement, index, *text);
  else
    sqlite3_bind_null(statement, index);
}

}  // namespace byline::bench

#endif  // BYLINE_BENCH_SQLITE_DATABASE_H
