// bench_make_queries ARCHIVE OUT [--count N]: derives a fixed list of
// benchmark queries from an archive, deterministically (same archive, same
// list). Pages are parsed with Byline's parser; query i starts at page
// i*pages/N and takes, by i mod 10: 1/2/3 title words; 1/2 body words; a
// two-word body phrase; a comment word with type:comment; 2 title words with
// type:article; a word of one author's text with author:; a title word with
// date:YEAR. Words are lowercase [a-z]{3,}, not stop words, not operators.
#include <xapian.h>

#include <cctype>
#include <exception>
#include <iostream>
#include <optional>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "bench_common.h"
#include "byline/page.h"
#include "query_spec.h"
#include "stopwords.h"

namespace byline::bench {
namespace {

// A whitespace-separated token; `word` is empty when it is not an eligible
// query word. `joined` is true when nothing but a space separates it from the
// previous token (no punctuation), so the two may form a phrase.
struct Token {
  std::string word;
  bool joined = false;
};

class WordPicker {
 public:
  WordPicker() : stopper_(make_stopper("english")) {}

  std::vector<Token> tokens(const std::string& text) const {
    std::vector<Token> out;
    bool previous_clean_end = false;
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      std::size_t start = i;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      if (start == i) break;
      std::string raw = text.substr(start, i - start);
      std::size_t b = raw.find_first_not_of("\"'([");
      std::size_t e = raw.find_last_not_of(".,;:!?\"')]");
      Token token;
      token.joined = previous_clean_end && b == 0;
      previous_clean_end = e == raw.size() - 1;
      if (b != std::string::npos && e != std::string::npos && e >= b) token.word = eligible(raw.substr(b, e - b + 1));
      out.push_back(token);
    }
    return out;
  }

  // Up to `count` distinct eligible words in text order, from a random start.
  std::vector<std::string> words(const std::string& text, std::size_t count, std::mt19937& rng) const {
    std::vector<std::string> all;
    for (auto& token : tokens(text))
      if (!token.word.empty()) all.push_back(token.word);
    if (all.empty()) return {};
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::size_t start = rng() % all.size();
    for (std::size_t k = 0; k < all.size() && out.size() < count; ++k) {
      const auto& word = all[(start + k) % all.size()];
      if (seen.insert(word).second) out.push_back(word);
    }
    return out.size() == count ? out : std::vector<std::string>{};
  }

  // Two adjacent eligible words with only a space between them.
  std::vector<std::string> phrase(const std::string& text, std::mt19937& rng) const {
    auto all = tokens(text);
    std::vector<std::size_t> starts;
    for (std::size_t k = 1; k < all.size(); ++k)
      if (all[k].joined && !all[k - 1].word.empty() && !all[k].word.empty() && all[k - 1].word != all[k].word)
        starts.push_back(k - 1);
    if (starts.empty()) return {};
    std::size_t k = starts[rng() % starts.size()];
    return {all[k].word, all[k + 1].word};
  }

 private:
  std::string eligible(const std::string& raw) const {
    if (raw.size() < 3) return "";
    std::string word;
    for (char c : raw) {
      if (!std::isalpha(static_cast<unsigned char>(c))) return "";
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    static const std::set<std::string> kOperators = {"and", "or", "not", "near", "adj", "xor"};
    if (kOperators.count(word) || (*stopper_)(word)) return "";
    return word;
  }

  // make_stopper hands out a released (reference-counted) stopper that no
  // QueryParser owns here, so this class owns it.
  std::unique_ptr<Xapian::Stopper> stopper_;
};

std::optional<QuerySpec> query_for(int kind, int round, const Page& page, const WordPicker& picker, std::mt19937& rng) {
  const Article& article = page.article;
  QuerySpec q;
  switch (kind) {
    case 0:
    case 1:
    case 2:
      q.words = picker.words(article.title, static_cast<std::size_t>(kind + 1), rng);
      break;
    case 3:
    case 4:
      q.words = picker.words(article.text, static_cast<std::size_t>(kind - 2), rng);
      break;
    case 5:
      q.words = picker.phrase(article.text, rng);
      q.phrase = true;
      break;
    case 6: {
      if (page.comments.empty()) return std::nullopt;
      q.words = picker.words(page.comments[rng() % page.comments.size()].text, 1, rng);
      q.type = "comment";
      break;
    }
    case 7:
      q.words = picker.words(article.title, 2, rng);
      q.type = "article";
      break;
    case 8: {
      if (round % 2 == 0 && article.author && !article.author->empty()) {
        q.author = *article.author;
        q.words = picker.words(article.title + "\n" + article.text, 1, rng);
      } else {
        if (page.comments.empty()) return std::nullopt;
        const Comment& comment = page.comments[rng() % page.comments.size()];
        if (comment.author.empty()) return std::nullopt;
        q.author = comment.author;
        q.words = picker.words(comment.text, 1, rng);
      }
      break;
    }
    default:
      if (!article.date || article.date->size() < 4) return std::nullopt;
      q.year = article.date->substr(0, 4);
      q.words = picker.words(article.title, 1, rng);
      break;
  }
  if (q.words.empty() || q.author.find('\t') != std::string::npos) return std::nullopt;
  return q;
}

int run(int argc, char** argv) {
  const std::string program = "bench_make_queries";
  if (argc < 3) return usage_error(program, "usage: bench_make_queries ARCHIVE OUT [--count N]");
  int count = 300;
  if (argc == 5 && std::string(argv[3]) == "--count")
    count = std::stoi(argv[4]);
  else if (argc != 3)
    return usage_error(program, "usage: bench_make_queries ARCHIVE OUT [--count N]");
  auto pages = list_pages(argv[1]);
  if (pages.empty()) return usage_error(program, std::string(argv[1]) + ": no *.txt pages");

  WordPicker picker;
  std::mt19937 rng(7);
  std::vector<QuerySpec> queries;
  for (int i = 0; i < count; ++i) {
    std::size_t first = static_cast<std::size_t>(i) * pages.size() / static_cast<std::size_t>(count);
    std::optional<QuerySpec> query;
    for (std::size_t step = 0; step < pages.size() && !query; ++step) {
      try {
        Page page = parse_file(pages[(first + step) % pages.size()]).page;
        query = query_for(i % 10, i / 10, page, picker, rng);
      } catch (const std::exception&) {
        // An unreadable page: take the next one.
      }
    }
    if (!query) return usage_error(program, "no page yields a query of kind " + std::to_string(i % 10));
    queries.push_back(std::move(*query));
  }
  save_queries(argv[2], queries);
  return 0;
}

}  // namespace
}  // namespace byline::bench

int main(int argc, char** argv) {
  try {
    return byline::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "bench_make_queries: " << e.what() << "\n";
    return 1;
  }
}
