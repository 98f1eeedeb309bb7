// The index schema: the single source of truth for term prefixes, value slots,
// metadata keys and the stored document record. Indexer and searcher both
// include this file and nothing else defines a prefix.
//
// One Xapian document per article and per comment.
//
// Terms (boolean terms are lowercased where they hold words):
//   (none)  free text, positional, stems only (STEM_ALL: "companies" is
//           indexed as "compani", as FTS5's porter tokenizer and Lucene's
//           English analyzer do; no second, unstemmed copy): the article body,
//           or the comment text; for articles the title too, with
//           kTitleWeight as wdf increment. Comments do not get their
//           article's title.
//           Words are cut by word_tokenizer.h (accents folded, acronyms
//           "U.S." as "u.s.", "e-mail" also as "email"). The author's words
//           too, with wdf 0 (a bare query finds them; they weigh nothing).
//   XW      each distinct word form of a page's free text (article and
//           comments) as written, folded and lowercased, not stemmed
//           ("coffees"), boolean, on the page's article only: which words
//           the index holds, for wildcards and "Did you mean" (termfreq:
//           pages).
//   S       title words, positional, stems (articles only: comments have no
//           title, so `title:` finds articles).
//   XA      author words, stems (free text, so `author:labott` matches).
//   A       exact author, lowercased, whitespace collapsed (boolean filter).
//   K       exact tag, lowercased (boolean filter, `tag:`), on the article and,
//           since schema 5, on each of its comments: a comment answers its
//           article's tags (`type:comment tag:coffee obama`).
//   XS      (schema 5, comments only) the stems of their article's title, as
//           boolean terms (no positions, wdf 0, so no weight): `title:`
//           matches the comments of an article whose title matches, while
//           the article's own S terms still rank it.
//   XR      (schema 5, replies only) the id of the comment answered,
//           "<page id>.<n>": `reply:(...)` is a look-up of these terms.
//   XT      document type: "article" or "comment" (boolean).
//   (Dates are no terms: date: and --since/--until are ranges on kSlotDate.
//   Schema 3 dropped the year/month/day terms of schema 2, which no query
//   used: 2.4 % of a compacted index, 1.6 % of indexing instructions.)
//   Q       unique document id: "<page id>" for the article, "<page id>.<n>"
//           for comment n (1-based index in page order).
//   XP      page id (16 hex digits), on the article and all its comments.
//   XF      file key (16 hex digits of xxh64 of the source file path), on
//           every document read from that file: deleting a changed file's
//           documents is one delete_document(term).
//
// Values:
//   kSlotDate    "YYYYMMDDHHMM" (string order is time order; absent if no date)
//   kSlotPage    page id (collapse key)
//   kSlotAuthor  author as printed (facets)
//   kSlotTags    tags as printed, joined by kListSeparator (facets)
//   kSlotType    "article" / "comment" (facets)
//   kSlotOrder   sort key: "1" + date + unique id for a dated document, "0" +
//                unique id for an undated one (sort_order_key). Sorting on it
//                orders by date and then by id, so equal-ranked hits come out
//                in the same order whatever the docids (which differ between a
//                sharded and a single index of the same pages). One slot, as
//                Xapian 1.4's remote backend sorts by value but not by KeyMaker.
//
// Document data: see doc_record.h (a compact binary record). A comment's
// record leaves the title and source empty: they are its article's (the
// document with Q<page id>), read from there when a comment is shown.
//
// No spelling table: "Did you mean" reads the terms (searcher's
// word_suggestion.h). Indexes written before it was dropped (f79477a) may
// hold one; nothing reads it.
//
// Layout: the index folder is either one glass database, or a sharded index
// (shard_stub.h): a XAPIANDB stub listing local shards (each a glass database
// holding whole files: documents and file states) and remote ones. Every
// local shard carries the settings metadata below.
//
// Metadata:
//   byline.schema     kSchemaVersion as decimal text
//   byline.language   Snowball language name ("english", ..., or "none")
//   byline.stopwords  stop word list name ("english" or "none")
//   byline.file.<16 hex file key>  state of one input file for incremental
//                     runs: see file_state.h in the indexer.
#ifndef BYLINE_SCHEMA_H
#define BYLINE_SCHEMA_H

#include <cstddef>
#include <string>
#include <string_view>

namespace byline::schema {

// 2: kSlotOrder added. 3: stems only (STEM_ALL), no S terms and no title or
// source in the records of comments, no Y/M/D date terms. 4: the shared word
// tokenizer (folded accents, acronyms, hyphenated words), XW word forms, the
// author's words in free text. 5: comments carry their article's K terms and
// title stems (XS), replies their parent (XR).
inline constexpr int kSchemaVersion = 5;

inline constexpr char kPrefixTitle[] = "S";
inline constexpr char kPrefixAuthorText[] = "XA";
inline constexpr char kPrefixAuthorExact[] = "A";
inline constexpr char kPrefixTag[] = "K";
inline constexpr char kPrefixType[] = "XT";
inline constexpr char kPrefixId[] = "Q";
inline constexpr char kPrefixPage[] = "XP";
inline constexpr char kPrefixFile[] = "XF";
inline constexpr char kPrefixArticleTitle[] = "XS";
inline constexpr char kPrefixReplyTo[] = "XR";
inline constexpr char kPrefixWord[] = "XW";

// Xapian's limit on a term's length in a glass database.
inline constexpr std::size_t kMaxTermBytes = 245;

inline constexpr unsigned kSlotDate = 0;
inline constexpr unsigned kSlotPage = 1;
inline constexpr unsigned kSlotAuthor = 2;
inline constexpr unsigned kSlotTags = 3;
inline constexpr unsigned kSlotType = 4;
inline constexpr unsigned kSlotOrder = 5;

inline constexpr char kTypeArticle[] = "article";
inline constexpr char kTypeComment[] = "comment";

// Title words count this many times a body word in an article's free text.
inline constexpr unsigned kTitleWeight = 3;

inline constexpr char kListSeparator = '\x1f';

inline constexpr char kMetaSchema[] = "byline.schema";
inline constexpr char kMetaLanguage[] = "byline.language";
inline constexpr char kMetaStopwords[] = "byline.stopwords";
inline constexpr char kMetaFilePrefix[] = "byline.file.";

// The kSlotOrder value of a document (date: the kSlotDate value, "" if none).
inline std::string sort_order_key(std::string_view date, std::string_view id) {
  std::string out(date.empty() ? "0" : "1");
  out.append(date);
  out.append(id);
  return out;
}

// A term: prefix followed by value. (Built with append rather than
// operator+, which trips GCC 12's false -Wrestrict warning.)
inline std::string term(const char* prefix, std::string_view value) {
  std::string out(prefix);
  out.append(value);
  return out;
}

}  // namespace byline::schema

#endif  // BYLINE_SCHEMA_H
