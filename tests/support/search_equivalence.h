// Comparing the answers of two layouts of the same pages (sharded or not,
// compacted, resharded): a varied set of queries, run on each, compared hit
// by hit (header-only: only *_test.cc files are globbed).
#ifndef BYLINE_TESTS_SEARCH_EQUIVALENCE_H
#define BYLINE_TESTS_SEARCH_EQUIVALENCE_H

#include <xapian.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "byline/searcher.h"
#include "doc_record.h"

namespace byline::test {

// Query words: every 7th word (of 4 letters or more, seen at least twice) of
// the first 300 documents' stored text in the single index, plus fields,
// phrases, operators and an empty query, and misspellings of some of those
// words (two letters swapped): "Did you mean" reads the terms, summed over
// every shard, so its corrections must be the same on every layout too.
inline std::vector<Query> make_queries(const std::string& db) {
  std::vector<std::string> texts = {"",
                                    "the",
                                    "russia OR boston",
                                    "\"missile defense\"",
                                    "type:comment the",
                                    "type:article",
                                    "date:2012..2013 the",
                                    "sanction*",
                                    "title:the",
                                    "-the a",
                                    // Thread queries (joins at query time) and inherited fields.
                                    "on:(the) the",
                                    "discussed:(the)",
                                    "reply:(the) OR reply:(a)",
                                    "type:comment title:the",
                                    "on:(date:2012..2013) -the"};
  Xapian::Database x(db);
  std::map<std::string, int> seen;
  int documents = 0;
  for (auto it = x.postlist_begin(""); it != x.postlist_end("") && documents < 300; ++it, ++documents) {
    const std::string text = decode_doc_record(x.get_document(*it).get_data()).text;
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
      if (std::isalpha(c)) {
        word.push_back(static_cast<char>(std::tolower(c)));
        continue;
      }
      if (word.size() >= 4) ++seen[word];
      word.clear();
    }
  }
  int k = 0;
  for (const auto& [word, count] : seen) {
    if (count < 2 || ++k % 7 != 0 || texts.size() >= 90) continue;
    texts.push_back(word);
    if (k % 5 == 0 && word.size() >= 6) texts.push_back(word.substr(0, 2) + word[3] + word[2] + word.substr(4));
  }
  std::vector<Query> queries;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Query q;
    q.text = texts[i];
    q.limit = 10;
    if (i % 5 == 1) q.sort = SortOrder::Newest;
    if (i % 5 == 2) q.sort = SortOrder::Oldest;
    if (i % 4 == 3) q.offset = 5;
    if (i % 6 == 4) q.collapse = true;
    if (i % 10 == 5) q.facets = {"author", "month", "type", "tag"};
    if (i % 9 == 7) q.thread = true;
    queries.push_back(q);
  }
  // Pages beyond the first, where ties at page borders matter.
  for (std::size_t offset : {0, 10, 20, 30, 40, 50, 60, 70, 80, 90}) {
    Query q;
    q.text = "";
    q.offset = offset;
    q.sort = offset % 20 == 0 ? SortOrder::Relevance : SortOrder::Newest;
    queries.push_back(q);
  }
  return queries;
}

inline void check_same(const Results& a, const Results& b, const Query& q) {
  INFO("query '" << q.text << "' offset " << q.offset << " sort " << static_cast<int>(q.sort));
  REQUIRE(a.hits.size() == b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) {
    INFO("hit " << i);
    CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.hits[i].rank == b.hits[i].rank);
    CHECK(a.hits[i].score == Approx(b.hits[i].score).epsilon(1e-9));
    CHECK(a.hits[i].snippet.text == b.hits[i].snippet.text);
    CHECK(a.hits[i].snippet.highlights.size() == b.hits[i].snippet.highlights.size());
    CHECK(a.hits[i].more_on_page == b.hits[i].more_on_page);
  }
  REQUIRE(a.groups.size() == b.groups.size());
  for (std::size_t i = 0; i < a.groups.size(); ++i) {
    CHECK(a.groups[i].page_id == b.groups[i].page_id);
    CHECK(a.groups[i].article_matched == b.groups[i].article_matched);
    CHECK(a.groups[i].comments_total == b.groups[i].comments_total);
    CHECK(a.groups[i].comments_matching == b.groups[i].comments_matching);
    REQUIRE(a.groups[i].comments.size() == b.groups[i].comments.size());
    for (std::size_t j = 0; j < a.groups[i].comments.size(); ++j) {
      CHECK(a.groups[i].comments[j].id == b.groups[i].comments[j].id);
      CHECK(a.groups[i].comments[j].parent_author == b.groups[i].comments[j].parent_author);
    }
  }
  for (const Results* r : {&a, &b}) {
    CHECK(r->total_lower <= r->total);
    CHECK(r->total <= r->total_upper);
  }
  if (a.total_lower == a.total_upper && b.total_lower == b.total_upper) CHECK(a.total == b.total);
  if (!q.facets.empty()) {
    CHECK(a.total == b.total);
    CHECK(a.total_lower == a.total_upper);
    for (const auto& [name, counts] : a.facets) {
      REQUIRE(b.facets.count(name) == 1);
      const auto& other = b.facets.at(name);
      REQUIRE(counts.size() == other.size());
      for (std::size_t i = 0; i < counts.size(); ++i) {
        CHECK(counts[i].value == other[i].value);
        CHECK(counts[i].count == other[i].count);
      }
    }
  }
  CHECK(a.corrected == b.corrected);
  CHECK_FALSE(a.partial);
  CHECK_FALSE(b.partial);
}

inline std::vector<Results> run_all(const std::string& db, const std::vector<Query>& queries) {
  Searcher searcher(db);
  std::vector<Results> out;
  for (const Query& q : queries) out.push_back(searcher.search(q));
  return out;
}

}  // namespace byline::test

#endif  // BYLINE_TESTS_SEARCH_EQUIVALENCE_H
