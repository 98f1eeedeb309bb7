// bench_questions: how well Byline and the SQLite FTS5 peer rank the answer
// to a question typed as people type it (issue 14 point 6).
//
//   bench_questions ARCHIVE TRUTH.jsonl WORK [--questions N] [--seed S] [--reuse]
//
// ARCHIVE and TRUTH come from `make-archive ARCHIVE --truth TRUTH.jsonl`
// (Reuters-21578 articles). The test set: for N articles (picked at random,
// distinct titles, ledes of at least 6 content words), a question made from
// the lede's first sentence as a person would half remember it: a question
// opener ("what", "why did", ...), 4 to 7 of its content words in their order
// (the others forgotten), a function word here and there, and words of the
// asker's own taken from other articles (one with probability 0.8, a second
// with 0.3), so that most questions are held whole by no document.
// The answer is that article (one relevant document per question).
//
// Both engines index the same parsed pages (Byline's parser, once): Byline
// through its library (WORK/byline), FTS5 as bench_fts5_peer builds it
// (porter unicode61, title weighted 3 in bm25) plus the page's source
// (WORK/fts5.db). FTS5 runs the question's words OR'ed, ORDER BY bm25: its
// best ranking of the same words (its default AND finds nearly nothing).
// Byline runs the question as typed (relaxed_query.h), and again with other
// weights for its boosts (BYLINE_RELAXED_RANKING), to show what each adds.
//
// Prints one JSON object: per engine MRR@10, nDCG@10 (one relevant document:
// 1/log2(rank+1)), success@1 and @10, and the query time p50 in ms.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "bench_common.h"
#include "byline/byline.h"
#include "sqlite_database.h"

namespace byline::bench {
namespace {

constexpr const char* kProgram = "bench_questions";
constexpr std::size_t kDepth = 10;

struct Article {
  std::string source;  // relative to the archive
  std::string title;
  std::string text;
};

struct Question {
  std::string text;
  std::string answer;  // source of the answer article, relative
};

std::vector<Article> load_truth(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Article> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json page = nlohmann::json::parse(line);
    out.push_back({page["source"], page["article"]["title"], page["article"]["text"]});
  }
  return out;
}

// Words people leave out when they reword a sentence (and Reuters' own
// jargon, which nobody types).
const std::set<std::string>& function_words() {
  static const std::set<std::string> words = {
      "a",     "about", "after", "again",   "against", "all",   "also",   "an",      "and",   "any",  "are",   "as",
      "at",    "be",    "been",  "before",  "being",   "but",   "by",     "can",     "could", "did",  "do",    "does",
      "for",   "from",  "had",   "has",     "have",    "he",    "her",    "his",     "how",   "i",    "if",    "in",
      "into",  "is",    "it",    "its",     "last",    "may",   "more",   "most",    "mln",   "not",  "of",    "on",
      "one",   "or",    "other", "our",     "over",    "pct",   "reuter", "reuters", "said",  "says", "she",   "should",
      "since", "so",    "some",  "such",    "than",    "that",  "the",    "their",   "them",  "then", "there", "these",
      "they",  "this",  "those", "through", "to",      "today", "told",   "two",     "under", "up",   "upon",  "very",
      "was",   "we",    "were",  "what",    "when",    "where", "which",  "while",   "who",   "will", "with",  "would",
      "year",  "you",   "dlrs",  "billion", "three",   "four",  "five",   "new",     "inc",   "corp", "co",    "ltd"};
  return words;
}

// The first sentence of the body, without the "CITY (Reuters) - " lead.
std::string lede(const std::string& text) {
  std::string body = text.substr(0, text.find("\n\n"));
  if (std::size_t dash = body.find(") - "); dash != std::string::npos && dash < 80) body = body.substr(dash + 4);
  for (std::size_t end = body.find(". "); end != std::string::npos; end = body.find(". ", end + 1))
    if (end >= 60) return body.substr(0, end);
  return body;
}

std::vector<std::string> content_words(const std::string& sentence) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3 && !function_words().count(word) && std::find(out.begin(), out.end(), word) == out.end())
      out.push_back(word);
    word.clear();
  };
  for (char c : sentence) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0)
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else if (c != '\'')
      flush();
  }
  flush();
  return out;
}

std::vector<Question> make_questions(const std::vector<Article>& articles, std::size_t wanted, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::size_t> order(articles.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), random);
  std::multiset<std::string> titles;
  for (const Article& a : articles) titles.insert(a.title);
  const std::vector<std::string> openers = {
      "what", "why did", "how did", "what happened when", "is it true that", "news about", "when did", "who said"};
  const std::vector<std::string> fillers = {"the", "of", "and", "in", "for", "a", "about"};
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  std::vector<Question> out;
  for (std::size_t index : order) {
    if (out.size() == wanted) break;
    const Article& article = articles[index];
    if (titles.count(article.title) != 1) continue;  // an ambiguous answer
    std::vector<std::string> words = content_words(lede(article.text));
    if (words.size() < 6) continue;
    // Half remembered: 4 to 7 of the words, in their order.
    const std::size_t keep = std::min(words.size(), 4 + pick(4));
    while (words.size() > keep) words.erase(words.begin() + static_cast<std::ptrdiff_t>(pick(words.size())));
    // Words of the asker's own, not the article's.
    for (double p : {0.8, 0.3}) {
      if (!chance(p)) continue;
      const std::vector<std::string> other = content_words(lede(articles[pick(articles.size())].text));
      if (other.empty()) continue;
      const std::string& own = other[pick(other.size())];
      if (std::find(words.begin(), words.end(), own) == words.end())
        words.insert(words.begin() + static_cast<std::ptrdiff_t>(pick(words.size() + 1)), own);
    }
    std::string text = openers[pick(openers.size())];
    for (const std::string& word : words) {
      if (chance(0.2)) text += " " + fillers[pick(fillers.size())];
      text += " " + word;
    }
    out.push_back({text, article.source});
  }
  return out;
}

// Where the answer came, 1-based; 0 when not in the first kDepth.
struct Ranked {
  std::vector<std::size_t> ranks;
  std::vector<double> micros;
};

nlohmann::json scores(const Ranked& ranked) {
  double rr = 0, ndcg = 0, at1 = 0, at10 = 0;
  for (std::size_t rank : ranked.ranks) {
    if (rank == 0) continue;
    rr += 1.0 / static_cast<double>(rank);
    ndcg += 1.0 / std::log2(static_cast<double>(rank) + 1);
    at1 += rank == 1 ? 1 : 0;
    at10 += 1;
  }
  const double n = static_cast<double>(ranked.ranks.size());
  return {{"mrr_at_10", rr / n},
          {"ndcg_at_10", ndcg / n},
          {"success_at_1", at1 / n},
          {"success_at_10", at10 / n},
          {"query_ms_p50", summarise(ranked.micros).p50 / 1000.0}};
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

struct Work {
  std::string byline_db;
  std::string fts_db;
};

// Parses every page once and adds it to both engines.
nlohmann::json index_both(const std::string& archive, const Work& work) {
  std::filesystem::remove_all(work.byline_db);
  std::filesystem::remove(work.fts_db);
  Indexer indexer(work.byline_db);
  Database fts(work.fts_db);
  fts.exec(
      "CREATE VIRTUAL TABLE docs USING fts5(title, text, source UNINDEXED, type UNINDEXED, "
      "tokenize='porter unicode61')");
  fts.exec("BEGIN");
  sqlite3_stmt* insert = fts.statement("INSERT INTO docs(title, text, source, type) VALUES(?,?,?,?)");
  auto add = [&](const std::string& title, const std::string& text, const std::string& source, const char* type) {
    sqlite3_reset(insert);
    bind_text(insert, 1, title);
    bind_text(insert, 2, text);
    bind_text(insert, 3, source);
    sqlite3_bind_text(insert, 4, type, -1, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) fts.fail("insert");
  };
  std::uint64_t pages = 0, docs = 0;
  for (const std::string& path : list_pages(archive)) {
    Page page = parse_file(path).page;
    indexer.add(page, path);
    add(page.article.title, page.article.text, path, "article");
    for (const auto& comment : page.comments) add("", comment.text, path, "comment");
    ++pages;
    docs += 1 + page.comments.size();
  }
  indexer.commit();
  fts.exec("COMMIT");
  fts.exec("INSERT INTO docs(docs) VALUES('optimize')");
  return {{"pages", pages}, {"docs", docs}};
}

// The FTS5 MATCH expression: every word of the question, OR'ed.
std::string fts_or_expression(const std::string& question) {
  std::string out, word;
  auto flush = [&] {
    if (!word.empty()) out += (out.empty() ? "\"" : " OR \"") + word + "\"";
    word.clear();
  };
  for (char c : question) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0)
      word.push_back(c);
    else
      flush();
  }
  flush();
  return out;
}

Ranked rank_fts(Database& fts, const std::vector<Question>& questions) {
  Ranked out;
  for (const Question& q : questions) {
    auto start = Clock::now();
    sqlite3_stmt* s =
        fts.statement("SELECT source, type FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 3.0, 1.0) LIMIT 10");
    bind_text(s, 1, fts_or_expression(q.text));
    std::size_t rank = 0, found = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
      ++rank;
      const std::string source = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
      const std::string type = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
      if (found == 0 && type == "article" && ends_with(source, "/" + q.answer)) found = rank;
    }
    out.micros.push_back(seconds_since(start) * 1e6);
    out.ranks.push_back(found);
  }
  return out;
}

Ranked rank_byline(Searcher& searcher, const std::vector<Question>& questions, std::size_t& relaxed) {
  Ranked out;
  relaxed = 0;
  for (const Question& q : questions) {
    Query query;
    query.text = q.text;
    query.limit = kDepth;
    query.snippet_chars = 0;
    auto start = Clock::now();
    Results results = searcher.search(query);
    out.micros.push_back(seconds_since(start) * 1e6);
    if (results.relaxed) ++relaxed;
    std::size_t found = 0;
    for (const Hit& hit : results.hits)
      if (hit.type == DocType::Article && ends_with(hit.source, "/" + q.answer)) {
        found = hit.rank;
        break;
      }
    out.ranks.push_back(found);
  }
  return out;
}

int run(int argc, char** argv) {
  std::vector<std::string> positional;
  std::size_t wanted = 300;
  unsigned seed = 1;
  bool reuse = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--questions" || arg == "--seed") && i + 1 < argc) {
      const unsigned long value = std::stoul(argv[++i]);
      if (arg == "--seed")
        seed = static_cast<unsigned>(value);
      else
        wanted = value;
    } else if (arg == "--reuse") {
      reuse = true;
    } else if (arg.rfind("--", 0) == 0) {
      return usage_error(kProgram, "unknown option " + arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 3)
    return usage_error(kProgram,
                       "usage: bench_questions ARCHIVE TRUTH.jsonl WORK [--questions N] [--seed S] [--reuse]");
  const std::vector<Question> questions = make_questions(load_truth(positional[1]), wanted, seed);
  if (questions.empty()) return usage_error(kProgram, "no article makes a question");
  std::filesystem::create_directories(positional[2]);
  const Work work{positional[2] + "/byline", positional[2] + "/fts5.db"};
  // --reuse: the indexes of an earlier run on the same archive.
  nlohmann::json corpus =
      reuse && std::filesystem::exists(work.fts_db) ? nlohmann::json("reused") : index_both(positional[0], work);

  Database fts(work.fts_db);
  Searcher searcher(work.byline_db);
  nlohmann::json out = {{"questions", questions.size()}, {"corpus", corpus}};
  out["examples"] = {questions[0].text, questions[1 % questions.size()].text, questions[2 % questions.size()].text};
  double words = 0;
  for (const Question& q : questions) words += static_cast<double>(std::count(q.text.begin(), q.text.end(), ' ') + 1);
  out["mean_question_words"] = words / static_cast<double>(questions.size());
  out["fts5_bm25_or"] = scores(rank_fts(fts, questions));
  // Byline as shipped, then each boost alone and neither (BM25 alone).
  const std::vector<std::pair<const char*, const char*>> variants = {
      {"byline", nullptr},
      {"byline_bm25_only", "coord=0,near=0"},
      {"byline_coordination_2", "coord=2,near=0"},
      {"byline_coordination_5", "coord=5,near=0"},
      {"byline_coordination_tiers_100", "coord=100,near=0"},
      {"byline_coordination_3_and_title_1", "coord=3,near=0,title=1"},
      {"byline_bm25_and_title_1", "coord=0,near=0,title=1"},
      {"byline_coordination_3_and_proximity", "coord=3,near=1"},
      {"byline_proximity_only", "coord=0,near=1"}};
  for (const auto& [name, ranking] : variants) {
    if (ranking)
      setenv("BYLINE_RELAXED_RANKING", ranking, 1);
    else
      unsetenv("BYLINE_RELAXED_RANKING");
    std::size_t relaxed = 0;
    nlohmann::json result = scores(rank_byline(searcher, questions, relaxed));
    result["relaxed_fraction"] = static_cast<double>(relaxed) / static_cast<double>(questions.size());
    out[name] = result;
  }
  unsetenv("BYLINE_RELAXED_RANKING");
  std::cout << out.dump(2) << "\n";
  return 0;
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
