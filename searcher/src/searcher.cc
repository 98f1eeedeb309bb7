// Searcher: opening an index read-only, and running searches and look-ups
// against it (query building, snippets and facets live in their own files).
#include "byline/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "byline/error.h"
#include "comment_context.h"
#include "doc_record.h"
#include "document_fetch.h"
#include "facets.h"
#include "index_meta.h"
#include "index_path_kind.h"
#include "index_stats.h"
#include "match_deadline.h"
#include "name_summaries.h"
#include "query_builder.h"
#include "quoted_text.h"
#include "relaxed_query.h"
#include "reopen.h"
#include "schema.h"
#include "shard_stub.h"
#include "shards_reader.h"
#include "snippet_generator.h"
#include "snowball_stem.h"
#include "spelling_suggestion.h"
#include "thread_groups.h"
#include "xapian_error.h"

namespace byline {

const char* to_string(DocType type) { return type == DocType::Article ? "article" : "comment"; }

namespace {

Document to_document(const DocRecord& r) {
  Document d;
  d.id = doc_record_id(r);
  d.page_id = r.page_id;
  d.type = r.is_comment ? DocType::Comment : DocType::Article;
  d.title = r.title;
  d.author = r.author;
  d.date = r.date;
  d.source = r.source;
  d.tags = r.tags;
  if (r.is_comment) d.comment = CommentRef{r.comment_index, r.comment_parent};
  d.text = r.text;
  return d;
}

}  // namespace

Hit to_hit(const DocRecord& r) {
  Hit hit;
  hit.id = doc_record_id(r);
  hit.type = r.is_comment ? DocType::Comment : DocType::Article;
  hit.title = r.title;
  hit.author = r.author;
  hit.date = r.date;
  hit.source = r.source;
  if (r.is_comment) hit.comment = CommentRef{r.comment_index, r.comment_parent};
  return hit;
}

namespace {

// True when db_path holds only the empty shards of a sharded index whose
// stub is not written yet (shard_stub.h). Shards holding documents without
// a stub are damage, which opening reports.
bool creation_unfinished(const std::string& db_path) {
  const std::vector<std::string> shards = unfinished_creation_shards(db_path);
  if (shards.empty()) return false;
  try {
    for (const std::string& shard : shards)
      if (Xapian::Database(shard).get_doccount() != 0) return false;
  } catch (const Xapian::Error&) {
    return true;  // a shard folder still being created
  }
  return true;
}

}  // namespace

struct Searcher::Impl {
  std::string path;
  std::string what;  // "index PATH", for messages
  std::optional<ShardSet> shards;
  Xapian::Database db;  // shards->database()
  IndexSettings settings;
  Xapian::Stem stemmer;
  std::unique_ptr<QueryBuilder> queries;  // this search's (see run)
  std::unique_ptr<DocumentFetcher> fetcher;
  // "Did you mean"'s vocabulary, read once per state of the index: cleared
  // whenever what this searcher reads moves (reopen, open_afresh).
  WordRanges vocabulary;

  // Reads documents of db (concurrently on remote shards: document_fetch.h).
  std::vector<std::string> fetch(const std::vector<Xapian::docid>& docids, bool missing_ok = false) {
    return fetcher->fetch(*shards, docids, missing_ok);
  }
  FetchDocuments fetch_documents() {
    return [this](const std::vector<Xapian::docid>& docids, bool missing_ok) { return fetch(docids, missing_ok); };
  }

  Results run(const Query& query);

  // Searcher::authors() and tags().
  std::vector<NameSummary> summarise(const Query& query, SummarisedField field, NameOrder order) {
    return translate_xapian_errors(what, [&] {
      return across_shards(query.allow_partial, [&] {
        reopen();
        QueryBuilder builder(settings);
        ParsedQuery parsed = builder.build(query, db);
        return summarise_names(db, parsed.query, field, order);
      });
    });
  }

  // Xapian counts collapsed matches (pages) exactly only when every match
  // fits in the MSet: a second, unweighted match that holds them all, run
  // when the first one's page count is an estimate.
  void count_collapsed(const Xapian::Query& query, Results& results) {
    Xapian::Enquire counting(db);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_collapse_key(schema::kSlotPage);
    const auto matches = static_cast<Xapian::doccount>(results.total_upper);
    Xapian::MSet all = counting.get_mset(0, matches, matches);
    results.total = all.get_matches_estimated();
    results.total_lower = all.get_matches_lower_bound();
    results.total_upper = all.get_matches_upper_bound();
    results.total_exact = results.total_lower == results.total_upper;
  }

  // The documents `text` matches with query's filters (spelling_suggestion.h).
  Xapian::doccount count_matches(const Query& query, const std::string& text, Xapian::doccount at_least) {
    Query other = query;
    other.text = text;
    Xapian::Query parsed;
    try {
      parsed = queries->build(other, db).query;
    } catch (const BadQuery&) {
      return 0;
    }
    Xapian::Enquire counting(db);
    counting.set_query(parsed);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    return counting.get_mset(0, 0, at_least).get_matches_lower_bound();
  }

  // For a look-up that found nothing: throws IndexUnusable when a shard did
  // not answer (the id may be there).
  void check_miss(const std::string& id) const;

  // True after a reopen threw: the databases may be half reopened, and are
  // opened afresh before the next read (reopen.h).
  bool broken = false;
  std::size_t fetch_connections = 0;

  // Brings every shard to its latest commit; returns true when what this
  // searcher reads moved. Opens the index afresh instead when a reopen threw
  // before, or when a compaction or reshard changed the shards on disk.
  bool reopen() {
    const bool moved = reopen_shards();
    if (moved) vocabulary.clear();
    return moved;
  }
  bool reopen_shards() {
    try {
      if (broken || shards->layout_changed()) {
        open_afresh();
        return true;
      }
      try {
        return shards->refresh();
      } catch (const Xapian::Error&) {
        // A compact or reshard swapped the index in since the check above:
        // the old one's files are no longer at the path to reopen.
        if (!shards->layout_changed()) throw;
        open_afresh();
        return true;
      }
    } catch (...) {
      broken = true;
      throw;
    }
  }

  void open_afresh() {
    ShardSet fresh(path);
    fetcher.reset();  // its connections belong to the old shards
    *shards = std::move(fresh);
    db = shards->database();
    fetcher = std::make_unique<DocumentFetcher>(fetch_connections);
    vocabulary.clear();
    broken = false;
  }

  // For a read that cannot miss (the settings, the id term of a hit): true
  // when a miss just seen may be stale, so the read should run again: the
  // revision moved since (at most kStaleReadRetries times in one read).
  bool miss_was_stale(int& tries) { return tries++ < kStaleReadRetries && reopen(); }

  // Runs body (which reads db) through retry_reads (reopen.h); when a remote
  // shard fails, leaves it out and runs body again if partial answers are
  // allowed, else throws IndexUnusable naming the shard.
  template <typename F>
  auto across_shards(bool allow_partial, F&& body) -> decltype(body()) {
    for (;;) {
      if (!allow_partial && !shards->failures().empty())
        throw IndexUnusable(what + ": shard " + shards->failures().front() +
                            " (Query::allow_partial answers from the other shards)");
      try {
        return retry_reads(body, [this] { return reopen(); });
      } catch (const Xapian::NetworkError&) {
        if (!shards->drop_unresponsive()) throw;
        db = shards->database();
        vocabulary.clear();
      }
    }
  }
};

Searcher::Searcher(const std::string& db_path) : impl_(std::make_unique<Impl>()) {
  impl_->path = db_path;
  impl_->what = "index " + db_path;
  // Opening a missing folder must not create it (Xapian would not either, but
  // the message is clearer this way).
  std::error_code ec;
  // An empty folder: the index is being created, or nothing was ever indexed.
  // (Listed first, then checked by path: a listing can read an old index's
  // folder that a compact has just swapped out and is emptying.)
  if (!std::filesystem::exists(db_path, ec) ||
      (std::filesystem::is_directory(db_path, ec) && std::filesystem::is_empty(db_path, ec) &&
       !std::filesystem::exists(std::filesystem::path(db_path) / "iamglass", ec) && !has_stub(db_path)))
    throw IndexUnusable(impl_->what + ": no index there (create one with 'byline index')");
  // Xapian's reasons for a path that is no index at all ("Bad line", "Couldn't
  // detect type of database") are told as "not a Byline index".
  naming_foreign_path(db_path, [&] {
    // A sharded index being created, or whose creation was killed before its
    // stub was written: as before that run, there is no index yet.
    if (creation_unfinished(db_path))
      throw IndexUnusable(impl_->what +
                          ": no index there yet (its creation did not finish: 'byline index' completes it)");
    impl_->fetch_connections = fetch_connections_per_shard();
    impl_->fetcher = std::make_unique<DocumentFetcher>(impl_->fetch_connections);
    impl_->shards.emplace(db_path);
    impl_->db = impl_->shards->database();
    translate_xapian_errors(impl_->what, [&] {
      // Settings come from the shards that answer (every shard has them; a
      // remote shard that does not is named in failures(), and a search that
      // needs it says so). A missing schema is read again while it may be a
      // stale read (index_meta.h).
      impl_->settings = impl_->across_shards(
          true, [&] { return read_index_settings(impl_->db, db_path, [&] { return impl_->reopen(); }); });
    });
    if (impl_->settings.schema_version == 0)
      throw IndexUnusable(impl_->what + ": not a Byline index (no schema version in its metadata)");
    impl_->stemmer = make_stemmer(impl_->settings.language);
  });
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Results Searcher::Impl::run(const Query& query) {
  auto started = std::chrono::steady_clock::now();
  // Each search sees the latest commit (of a remote shard: at most 1 s old).
  reopen();
  // One parser for every search of this searcher (its set-up, with the
  // stopper, was 4-6 % of a search): it holds no database between parses
  // (QueryBuilder::parse attaches this search's). A parser that kept its
  // handle made the 8-thread reader/writer test fail with
  // DatabaseModifiedError before parse detached it.
  if (!queries) queries = std::make_unique<QueryBuilder>(settings);
  if (query.snippet_fragments < 1 || query.snippet_fragments > 3)
    throw BadQuery("snippet fragments: " + std::to_string(query.snippet_fragments) + " is not 1, 2 or 3");
  ParsedQuery parsed = queries->build(query, db);
  // A long question that few documents hold whole: ranked by the words held.
  std::optional<Relaxation> relaxation = relax_question(*queries, query, db, parsed.query);
  if (relaxation) parsed.query = relaxation->query;

  Xapian::Enquire enquire(db);
  enquire.set_query(parsed.query);
  auto configure = [&query](Xapian::Enquire& e) {
    e.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    // Ties end on the unique id, never on docids (which differ between a
    // sharded and a single index of the same pages): kSlotOrder is date then
    // id, so Oldest is exactly Newest reversed.
    switch (query.sort) {
      case SortOrder::Relevance:
        e.set_sort_by_relevance_then_value(schema::kSlotOrder, true);
        break;
      case SortOrder::Newest:
        e.set_sort_by_value(schema::kSlotOrder, true);
        break;
      case SortOrder::Oldest:
        e.set_sort_by_value(schema::kSlotOrder, false);
        break;
    }
  };
  configure(enquire);
  const bool by_page = query.collapse || query.thread;
  if (by_page) enquire.set_collapse_key(schema::kSlotPage);
  FacetCounter facets(query.facets);
  // Xapian 1.4 miscounts match spies on remote shards when the MSet holds
  // hits (a document counted twice); with an empty MSet the counts are right,
  // so remote indexes count facets in a match of their own.
  const bool separate_facets = !facets.empty() && shards->has_remote();
  if (!separate_facets) facets.attach(enquire);
  // The count must not depend on the page asked for: Xapian counts exactly
  // the matches it visits, so it visits at least kExactTotalUpTo of them (all
  // when fewer match), and all of them for facets and exact_total.
  const Xapian::doccount all = db.get_doccount();
  Xapian::doccount check_at_least =
      facets.empty() && !query.exact_total
          ? static_cast<Xapian::doccount>(std::min<std::uint64_t>(
                all, std::max<std::uint64_t>(Results::kExactTotalUpTo, std::uint64_t{query.offset} + query.limit)))
          : all;
  if (query.time_limit > 0) enquire.set_time_limit(query.time_limit);

  // The hard end of the budget (match_deadline.h): twice the counting limit,
  // from the start of the search, so that a match which finds its hits in
  // time keeps them and only one that cannot is abandoned.
  std::optional<MatchDeadline> deadline;
  if (query.time_limit > 0 && !shards->has_remote())
    deadline.emplace(started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                   std::chrono::duration<double>(2 * query.time_limit)));

  // The hits and the count apart, when nothing else needs every match
  // visited (facets, pages, remote shards) and no time budget would be
  // spent twice: a weighted, sorted match that
  // visits every match to count it was most of a search on 20,000 pages;
  // the top of the ranking does not need it (Xapian's pruning keeps the same
  // hits), and an unweighted match counts as exactly. A count that is still
  // an estimate (more than kExactTotalUpTo matches) is taken from the ranked
  // match as before, so every figure stays as it was.
  const bool count_apart = facets.empty() && !by_page && !shards->has_remote() && query.time_limit <= 0;
  // Xapian's counts are 32-bit: a page past the last document is empty.
  auto clamped = [all](std::size_t n) { return static_cast<Xapian::doccount>(std::min<std::uint64_t>(n, all)); };
  auto ranked = [&](Xapian::doccount at_least) {
    return enquire.get_mset(clamped(query.offset), clamped(query.limit), at_least, nullptr,
                            deadline ? &*deadline : nullptr);
  };
  Xapian::MSet mset;
  Xapian::MSet counted;
  Results results;
  const auto match_started = std::chrono::steady_clock::now();
  try {
    mset = ranked(count_apart ? 0 : check_at_least);
    counted = mset;
    if (count_apart) {
      Xapian::Enquire counting(db);
      counting.set_query(parsed.query);
      counting.set_weighting_scheme(Xapian::BoolWeight());
      counted = counting.get_mset(0, 0, check_at_least);
      if (counted.get_matches_lower_bound() != counted.get_matches_upper_bound()) {
        mset = ranked(check_at_least);
        counted = mset;
      }
    }
  } catch (const MatchAbandoned& abandoned) {
    // No hits: at least the documents seen match, at most every document.
    results.time_limited = true;
    results.total = results.total_lower = abandoned.candidates;
    results.total_upper = all;
    results.total_exact = false;
    results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return results;
  }
  const double match_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - match_started).count();

  results.total = counted.get_matches_estimated();
  results.total_lower = counted.get_matches_lower_bound();
  results.total_upper = counted.get_matches_upper_bound();
  results.total_exact = results.total_lower == results.total_upper;
  // Xapian says nothing of its time limit: a match that ran the whole budget
  // and came back with inexact counts was cut by it.
  results.time_limited = query.time_limit > 0 && match_seconds >= query.time_limit && !results.total_exact;
  if (relaxation) results.relaxed = RelaxedSearch{relaxation->words, relaxation->all_words_matches};
  // (A second, unbounded match to count pages would undo the budget.)
  if (query.collapse && !results.total_exact && !results.time_limited &&
      (query.exact_total || results.total_upper <= Results::kExactTotalUpTo))
    count_collapsed(parsed.query, results);
  results.corrected = suggest_spelling(
      db, stemmer, settings.stopwords, query.text, static_cast<Xapian::doccount>(results.total),
      [&](const std::string& text, Xapian::doccount at_least) { return count_matches(query, text, at_least); },
      &vocabulary);
  std::optional<SnippetGenerator> snippets;
  if (query.snippet_chars > 0 && !mset.empty()) snippets.emplace(snippet_terms(parsed.query), stemmer);
  // The hits' documents: on remote shards, concurrently (one round trip per
  // document in a row otherwise; Xapian's MSet::fetch does not pipeline them).
  // The articles of comment hits (their title and source) are read in the
  // same round when the sort keys show which hits are comments.
  const std::vector<Xapian::docid> docids(mset.begin(), mset.end());
  std::vector<Xapian::docid> wanted = docids;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it)
    if (Xapian::docid article = likely_article(*it, it.get_sort_key(), db.size()))
      if (std::find(wanted.begin(), wanted.end(), article) == wanted.end()) wanted.push_back(article);
  std::vector<std::string> data = fetch(wanted, wanted.size() > docids.size());
  std::vector<DocRecord> records;
  records.reserve(docids.size());
  for (std::size_t i = 0; i < docids.size(); ++i) {
    // A hit not found is an error, as without the articles (missing_ok).
    if (data[i].empty()) data[i] = fetch({docids[i]}).front();
    // Every document has data: none here is a stale read (retried when the
    // revision moved, reopen.h) or damage.
    if (data[i].empty())
      throw Xapian::DatabaseCorruptError("document " + std::to_string(docids[i]) + " of a match has no data");
    records.push_back(decode_doc_record(data[i]));
  }
  std::vector<DocRecord*> shown;
  for (DocRecord& record : records) shown.push_back(&record);
  FetchDocuments fetch_articles = [&](const std::vector<Xapian::docid>& ids, bool missing_ok) {
    std::vector<std::string> out(ids.size());
    std::vector<Xapian::docid> rest;
    std::vector<std::size_t> rest_at;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto found = std::find(wanted.begin() + static_cast<std::ptrdiff_t>(docids.size()), wanted.end(), ids[i]);
      if (found != wanted.end() && !data[static_cast<std::size_t>(found - wanted.begin())].empty()) {
        out[i] = data[static_cast<std::size_t>(found - wanted.begin())];
      } else {
        rest.push_back(ids[i]);
        rest_at.push_back(i);
      }
    }
    if (!rest.empty()) {
      std::vector<std::string> read = fetch(rest, missing_ok);
      for (std::size_t j = 0; j < rest.size(); ++j) out[rest_at[j]] = std::move(read[j]);
    }
    return out;
  };
  add_comment_context(db, shown, docids, fetch_articles);
  // A comment's snippet leaves out what it quotes of its article or parent
  // when its own words match: only comments shaped like a quote read them.
  const std::vector<std::vector<std::string>> quoted_from =
      snippets ? quote_sources(db, shown, fetch_documents()) : std::vector<std::vector<std::string>>(shown.size());
  std::size_t rank = query.offset;
  Xapian::MSetIterator it = mset.begin();
  for (std::size_t i = 0; i < records.size(); ++i) {
    const DocRecord& record = records[i];
    Hit hit = to_hit(record);
    hit.rank = ++rank;
    hit.score = it.get_weight();
    ++it;
    if (snippets)
      hit.snippet =
          snippet_skipping_quotes(*snippets, record.text, quoted_from[i], query.snippet_chars, query.snippet_fragments);
    results.hits.push_back(std::move(hit));
  }
  // When the match visited every matching document, Xapian's collapse counts
  // are exact: --collapse needs no second match (which, over a whole index
  // with many pages shown, took long enough to race a writer's commits
  // again and again: tests/reliability/concurrency_test.cc).
  const bool collapse_counts_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (query.collapse && !query.thread && collapse_counts_exact) {
    Xapian::MSetIterator counted = mset.begin();
    for (Hit& hit : results.hits) hit.more_on_page = (counted++).get_collapse_count();
  } else if (by_page && !results.hits.empty()) {
    std::vector<std::string> pages;
    for (const Hit& hit : results.hits) pages.push_back(page_of_id(hit.id));
    const auto matches = matches_by_page(db, parsed.query, pages, configure);
    for (Hit& hit : results.hits) {
      auto found = matches.find(page_of_id(hit.id));
      if (found != matches.end() && !found->second.empty()) hit.more_on_page = found->second.size() - 1;
    }
    if (query.thread)
      results.groups = thread_groups(
          db, results.hits, matches, query.thread_comments, fetch_documents(), to_hit,
          [&](const std::string& text, const std::vector<std::string>& sources) {
            return snippets
                       ? snippet_skipping_quotes(*snippets, text, sources, query.snippet_chars, query.snippet_fragments)
                       : Snippet();
          });
  }
  if (separate_facets) {
    Xapian::Enquire counting(db);
    counting.set_query(parsed.query);
    if (by_page) counting.set_collapse_key(schema::kSlotPage);
    facets.attach(counting);
    if (query.time_limit > 0) counting.set_time_limit(query.time_limit);
    counting.get_mset(0, 0, check_at_least);
  }
  if (!facets.empty()) results.facets = facets.counts();
  results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return results;
}

Results Searcher::search(const Query& query) {
  return translate_xapian_errors(impl_->what, [&] {
    Results results = impl_->across_shards(query.allow_partial, [&] { return impl_->run(query); });
    results.failed_shards = impl_->shards->failures();
    results.partial = !results.failed_shards.empty();
    return results;
  });
}

void Searcher::Impl::check_miss(const std::string& id) const {
  if (!shards->failures().empty())
    throw IndexUnusable(what + ": " + id + " is not in the shards that answered, and shard " +
                        shards->failures().front());
}

// Look-ups answer from the shards that respond: a page and all its documents
// live in one shard (routing by file), so a document found there is whole.
// Only a miss while a shard is away is an error, as it may be there.
std::optional<Document> Searcher::document(const std::string& id) {
  return translate_xapian_errors(impl_->what, [&] {
    return impl_->across_shards(true, [&]() -> std::optional<Document> {
      if (id.empty()) return std::nullopt;
      impl_->reopen();
      const std::string term = schema::term(schema::kPrefixId, id);
      // A miss may be a stale read of a hit just found: read again while
      // the revision moves (miss_was_stale).
      for (int tries = 0;;) {
        Xapian::PostingIterator it = impl_->db.postlist_begin(term);
        if (it == impl_->db.postlist_end(term)) {
          if (impl_->miss_was_stale(tries)) continue;
          impl_->check_miss(id);
          return std::nullopt;
        }
        std::string data;
        try {
          data = impl_->db.get_document(*it).get_data();
        } catch (const Xapian::DocNotFoundError&) {
          if (impl_->miss_was_stale(tries)) continue;
          throw;
        }
        DocRecord record = decode_doc_record(data);
        std::vector<DocRecord*> shown{&record};
        add_comment_context(impl_->db, shown, {*it}, impl_->fetch_documents());
        return to_document(record);
      }
    });
  });
}

std::vector<Document> Searcher::comments(const std::string& page_id) {
  return translate_xapian_errors(impl_->what, [&] {
    return impl_->across_shards(true, [&] {
      impl_->reopen();
      std::vector<Document> out;
      if (page_id.empty()) return out;
      for (int tries = 0; !impl_->db.term_exists(schema::term(schema::kPrefixId, page_id));) {
        if (impl_->miss_was_stale(tries)) continue;
        impl_->check_miss(page_id);
        break;
      }
      const std::string term = schema::term(schema::kPrefixPage, page_id);
      std::vector<Xapian::docid> docids(impl_->db.postlist_begin(term), impl_->db.postlist_end(term));
      std::vector<DocRecord> records;
      DocRecord article;
      for (const std::string& data : impl_->fetch(docids)) {
        DocRecord record = decode_doc_record(data);
        if (record.is_comment)
          records.push_back(std::move(record));
        else
          article = std::move(record);
      }
      // The page's article is among its documents: no second look-up.
      for (DocRecord& record : records) {
        if (record.source.empty()) {
          record.title = article.title;
          record.source = article.source;
        }
        out.push_back(to_document(record));
      }
      std::sort(out.begin(), out.end(),
                [](const Document& a, const Document& b) { return a.comment->index < b.comment->index; });
      return out;
    });
  });
}

Snippet Searcher::highlight(const Query& query, const std::string& text) {
  return translate_xapian_errors(impl_->what, [&] {
    return impl_->across_shards(query.allow_partial, [&] {
      if (impl_->shards->refresh()) impl_->vocabulary.clear();
      QueryBuilder builder(impl_->settings);
      ParsedQuery parsed = builder.build(query, impl_->db);
      SnippetGenerator generator(snippet_terms(parsed.query), impl_->stemmer);
      return generator.highlight_all(text);
    });
  });
}

std::vector<NameSummary> Searcher::authors(const Query& query, NameOrder order) {
  return impl_->summarise(query, SummarisedField::Author, order);
}

std::vector<NameSummary> Searcher::tags(const Query& query, NameOrder order) {
  return impl_->summarise(query, SummarisedField::Tag, order);
}

IndexStats Searcher::stats() {
  return translate_xapian_errors(impl_->what, [&] {
    return impl_->across_shards(false, [&] {
      impl_->reopen();
      return compute_index_stats(impl_->db, impl_->path, [&] { return impl_->reopen(); });
    });
  });
}

}  // namespace byline
