#include "thread_groups.h"

#include <algorithm>

#include "comment_context.h"
#include "quoted_text.h"
#include "schema.h"

namespace byline {
namespace {

// The document id in a kSlotOrder value: "1" + 12-digit date + id, or "0" + id.
std::string id_of_order_key(const std::string& key) {
  if (key.empty()) return {};
  if (key[0] == '1') return key.size() > 13 ? key.substr(13) : std::string();
  return key.substr(1);
}

}  // namespace

std::string page_of_id(const std::string& id) { return id.substr(0, id.find('.')); }

std::map<std::string, std::vector<PageMatch>> matches_by_page(const Xapian::Database& db, const Xapian::Query& query,
                                                              const std::vector<std::string>& pages,
                                                              const std::function<void(Xapian::Enquire&)>& configure) {
  std::map<std::string, std::vector<PageMatch>> out;
  if (pages.empty()) return out;
  std::vector<Xapian::Query> terms;
  Xapian::doccount documents = 0;
  for (const std::string& page : pages) {
    terms.emplace_back(schema::term(schema::kPrefixPage, page));
    documents += db.get_termfreq(schema::term(schema::kPrefixPage, page));
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
  configure(enquire);
  Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(documents, 1));
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    std::string id = id_of_order_key(it.get_sort_key());
    if (id.empty()) continue;
    std::string page = page_of_id(id);
    out[page].push_back({*it, std::move(id), it.get_weight()});
  }
  return out;
}

std::vector<ThreadGroup> thread_groups(const Xapian::Database& db, const std::vector<Hit>& best,
                                       const std::map<std::string, std::vector<PageMatch>>& matches,
                                       std::size_t comments_per_group, const FetchDocuments& fetch,
                                       const std::function<Hit(const DocRecord&)>& to_hit,
                                       const ThreadSnippet& snippet) {
  std::vector<ThreadGroup> groups;
  // Round 1: each group's article and best comments.
  std::vector<Xapian::docid> wanted;
  std::vector<std::vector<const PageMatch*>> shown(best.size());
  std::vector<double> article_weight(best.size(), 0);
  for (std::size_t g = 0; g < best.size(); ++g) {
    ThreadGroup group;
    group.rank = best[g].rank;
    group.page_id = page_of_id(best[g].id);
    const Xapian::doccount in_page = db.get_termfreq(schema::term(schema::kPrefixPage, group.page_id));
    group.comments_total = in_page > 0 ? in_page - 1 : 0;
    Xapian::docid article = 0;
    auto found = matches.find(group.page_id);
    if (found != matches.end()) {
      for (const PageMatch& m : found->second) {
        if (m.id == group.page_id) {
          group.article_matched = true;
          article = m.docid;
          article_weight[g] = m.weight;
          continue;
        }
        ++group.comments_matching;
        if (shown[g].size() < comments_per_group) shown[g].push_back(&m);
      }
    }
    if (!article) article = docid_of(db, group.page_id);
    wanted.push_back(article);
    for (const PageMatch* m : shown[g]) wanted.push_back(m->docid);
    groups.push_back(std::move(group));
  }
  std::vector<std::string> data = fetch(wanted, true);
  // Round 2: the comments the shown comments answer (their authors).
  std::vector<DocRecord> records;
  records.reserve(data.size());
  for (const std::string& d : data) records.push_back(d.empty() ? DocRecord() : decode_doc_record(d));
  std::vector<std::string> parent_ids;
  std::vector<Xapian::docid> parent_docids;
  for (const DocRecord& r : records)
    if (r.is_comment && r.comment_parent) {
      std::string id = r.page_id + "." + std::to_string(*r.comment_parent);
      if (std::find(parent_ids.begin(), parent_ids.end(), id) != parent_ids.end()) continue;
      if (Xapian::docid did = docid_of(db, id)) {
        parent_ids.push_back(std::move(id));
        parent_docids.push_back(did);
      }
    }
  std::map<std::string, DocRecord> parent_record;
  std::vector<std::string> parents = fetch(parent_docids, true);
  for (std::size_t i = 0; i < parents.size(); ++i)
    if (!parents[i].empty()) parent_record[parent_ids[i]] = decode_doc_record(parents[i]);

  std::size_t at = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    ThreadGroup& group = groups[g];
    const DocRecord& article = records[at++];
    group.article = to_hit(article);
    group.article.id = group.page_id;
    group.article.rank = group.rank;
    group.article.score = article_weight[g];
    if (group.article_matched) group.article.snippet = snippet(article.text, {});
    for (const PageMatch* m : shown[g]) {
      DocRecord record = records[at++];
      if (record.page_id.empty()) continue;  // gone since the match
      record.title = article.title;
      record.source = article.source;
      Hit hit = to_hit(record);
      hit.score = m->weight;
      hit.rank = group.rank;
      const DocRecord* parent = nullptr;
      if (record.comment_parent) {
        auto p = parent_record.find(record.page_id + "." + std::to_string(*record.comment_parent));
        if (p != parent_record.end()) parent = &p->second;
      }
      if (parent) hit.parent_author = parent->author;
      // What the comment may quote: its article and its parent.
      std::vector<std::string> quoted_from;
      if (may_quote(record.text)) {
        quoted_from.push_back(normalize_for_quotes(article.text));
        if (parent) quoted_from.push_back(normalize_for_quotes(parent->text));
      }
      hit.snippet = snippet(record.text, quoted_from);
      group.comments.push_back(std::move(hit));
    }
  }
  return groups;
}

}  // namespace byline
