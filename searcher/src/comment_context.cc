#include "comment_context.h"

#include <algorithm>
#include <string>

#include "quoted_text.h"
#include "schema.h"

namespace byline {
namespace {

bool needs_context(const DocRecord& r) { return r.is_comment && r.source.empty(); }

// A docid of db is on shard (did - 1) % n, as (did - 1) / n + 1: k places
// earlier in the same shard is k * n places earlier in db.
Xapian::docid article_position(Xapian::docid comment, long long index, std::size_t shard_count) {
  const unsigned long long n = std::max<std::size_t>(shard_count, 1);
  if (index < 1) return 0;
  const unsigned long long back = static_cast<unsigned long long>(index) * n;
  return comment > back ? static_cast<Xapian::docid>(comment - back) : 0;
}

void fill_from(const DocRecord& article, std::vector<DocRecord*>& records) {
  for (DocRecord* r : records) {
    if (needs_context(*r) && r->page_id == article.page_id) {
      r->title = article.title;
      r->source = article.source;
    }
  }
}

// The articles at the docids where the indexer put them (see the header).
void read_articles_by_position(const Xapian::Database& db, std::vector<DocRecord*>& records,
                               const std::vector<Xapian::docid>& docids, const FetchDocuments& fetch) {
  std::vector<Xapian::docid> guesses;
  for (std::size_t i = 0; i < records.size() && i < docids.size(); ++i) {
    const DocRecord& r = *records[i];
    if (!needs_context(r)) continue;
    if (Xapian::docid guess = article_position(docids[i], r.comment_index, db.size())) guesses.push_back(guess);
  }
  if (guesses.empty()) return;
  std::sort(guesses.begin(), guesses.end());
  guesses.erase(std::unique(guesses.begin(), guesses.end()), guesses.end());
  for (const std::string& data : fetch(guesses, true)) {
    if (data.empty()) continue;  // deleted since
    DocRecord candidate = decode_doc_record(data);
    if (!candidate.is_comment) fill_from(candidate, records);
  }
}

// The articles of the comments still without one, by their pages' id terms.
void read_articles_by_page(const Xapian::Database& db, std::vector<DocRecord*>& records, const FetchDocuments& fetch) {
  std::vector<std::string> pages;
  for (const DocRecord* r : records)
    if (needs_context(*r)) pages.push_back(r->page_id);
  if (pages.empty()) return;
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());

  std::vector<Xapian::Query> terms;
  terms.reserve(pages.size());
  for (const std::string& page : pages) terms.emplace_back(schema::term(schema::kPrefixId, page));
  Xapian::Enquire enquire(db);
  // Boolean: no weights to compute, and docid order is fine.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(pages.size()));
  for (const std::string& data : fetch(std::vector<Xapian::docid>(mset.begin(), mset.end()), false))
    fill_from(decode_doc_record(data), records);
}

}  // namespace

Xapian::docid likely_article(Xapian::docid did, std::string_view sort_key, std::size_t shard_count) {
  const std::size_t dot = sort_key.rfind('.');
  if (dot == std::string_view::npos) return 0;
  const std::string_view digits = sort_key.substr(dot + 1);
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  long long index = 0;
  for (char c : digits) index = index * 10 + (c - '0');
  return article_position(did, index, shard_count);
}

void add_comment_context(const Xapian::Database& db, std::vector<DocRecord*>& records,
                         const std::vector<Xapian::docid>& docids, const FetchDocuments& fetch) {
  read_articles_by_position(db, records, docids, fetch);
  read_articles_by_page(db, records, fetch);
}

Xapian::docid docid_of(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::term(schema::kPrefixId, id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  return it == db.postlist_end(term) ? 0 : *it;
}

std::vector<std::vector<std::string>> quote_sources(const Xapian::Database& db, const std::vector<DocRecord*>& records,
                                                    const FetchDocuments& fetch) {
  std::vector<std::vector<std::string>> out(records.size());
  std::vector<Xapian::docid> wanted;
  std::vector<std::size_t> owner;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const DocRecord& r = *records[i];
    if (!r.is_comment || !may_quote(r.text)) continue;
    std::vector<std::string> ids{r.page_id};
    if (r.comment_parent) ids.push_back(r.page_id + "." + std::to_string(*r.comment_parent));
    for (const std::string& id : ids)
      if (Xapian::docid did = docid_of(db, id)) {
        wanted.push_back(did);
        owner.push_back(i);
      }
  }
  if (wanted.empty()) return out;
  std::vector<std::string> data = fetch(wanted, true);
  for (std::size_t j = 0; j < data.size(); ++j)
    if (!data[j].empty()) out[owner[j]].push_back(normalize_for_quotes(decode_doc_record(data[j]).text));
  return out;
}

}  // namespace byline
