// byline.Searcher and what it returns. Hits, results and documents have the
// fields of `byline search/show --format json` (README "JSON output"), under
// the same names and computed by the same code (cli/snippet_markup.h,
// cli/render_text.h); options are mapped onto the Query by the front ends'
// shared cli::to_query, so a name means what it means to `byline search`.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.h"
#include "byline/error.h"
#include "byline/searcher.h"
#include "byline/stats.h"
#include "render_text.h"
#include "search_request.h"
#include "snippet_markup.h"

namespace py = pybind11;

namespace byline::python {
namespace {

// A search's answer with the query it answers (its text, offset and limit
// are fields of the JSON too).
struct SearchResults {
  Query query;
  Results results;
};

// A document as `byline show` gives it: an article with its comments (each
// with its reply depth), or one comment.
struct ShownDocument {
  Document document;
  std::optional<int> depth;             // comments listed under their article
  std::vector<ShownDocument> comments;  // an article's, in page order
};

py::object comment_ref(const std::optional<CommentRef>& ref) {
  if (!ref) return py::none();
  py::dict out;
  out["index"] = ref->index;
  out["parent"] = ref->parent ? py::object(py::int_(*ref->parent)) : py::object(py::none());
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> highlight_spans(const Snippet& snippet) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const cli::CodePointSpan& span : cli::highlight_code_points(snippet)) out.emplace_back(span.start, span.end);
  return out;
}

class PySearcher {
 public:
  explicit PySearcher(const std::string& path) : path_(path), searcher_(std::make_unique<Searcher>(path)) {}

  // These run without the GIL; the mutex keeps two Python threads from using
  // one Searcher at once (it is not thread-safe: searcher.h).
  SearchResults search(const Query& query) {
    std::lock_guard<std::mutex> lock(mutex_);
    return {query, open().search(query)};
  }

  std::optional<ShownDocument> show(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<Document> document = open().document(id);
    if (!document) return std::nullopt;
    ShownDocument out{std::move(*document), std::nullopt, {}};
    if (out.document.type == DocType::Article) {
      std::vector<Document> comments = open().comments(out.document.page_id);
      std::vector<int> depths = cli::reply_depths(comments);
      for (std::size_t i = 0; i < comments.size(); ++i) out.comments.push_back({std::move(comments[i]), depths[i], {}});
    }
    return out;
  }

  IndexStats stats() {
    std::lock_guard<std::mutex> lock(mutex_);
    return open().stats();
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    searcher_.reset();
  }

  const std::string& path() const { return path_; }

 private:
  Searcher& open() {
    if (!searcher_) throw Error("searcher " + path_ + ": closed");
    return *searcher_;
  }

  std::string path_;
  std::unique_ptr<Searcher> searcher_;
  std::mutex mutex_;
};

// The Query for the options of `byline search`, checked as it checks them
// (cli::to_query raises BadQuery for an unknown type, sort or facet).
Query checked_query(const std::string& text, Query options, const std::optional<std::string>& type,
                    const std::string& sort) {
  cli::SearchRequest request;
  request.words = {text};
  request.query = std::move(options);
  request.type = type.value_or("");
  request.sort = sort;
  return cli::to_query(request);
}

SearchResults search(PySearcher& searcher, const std::string& text, std::size_t limit, std::size_t offset,
                     const std::optional<std::string>& type, const std::optional<std::string>& author,
                     const std::optional<std::string>& page, const std::optional<std::string>& since,
                     const std::optional<std::string>& until, const std::string& sort, bool collapse, bool thread,
                     std::size_t thread_comments, std::size_t snippet_chars, const std::vector<std::string>& facets,
                     bool exact_total, double time_limit, bool partial) {
  Query options;
  options.limit = limit;
  options.offset = offset;
  options.author = author;
  options.page = page;
  options.since = since;
  options.until = until;
  options.collapse = collapse;
  options.thread = thread;
  options.thread_comments = thread_comments;
  options.snippet_chars = snippet_chars;
  options.facets = facets;
  options.exact_total = exact_total;
  options.time_limit = time_limit;
  options.allow_partial = partial;
  Query query = checked_query(text, std::move(options), type, sort);
  py::gil_scoped_release release;
  return searcher.search(query);
}

std::uint64_t count(PySearcher& searcher, const std::string& text, const std::optional<std::string>& type,
                    const std::optional<std::string>& author, const std::optional<std::string>& since,
                    const std::optional<std::string>& until, bool collapse, bool partial) {
  Query options;
  options.limit = 0;  // no hits: only the total, and that exact
  options.snippet_chars = 0;
  options.exact_total = true;
  options.author = author;
  options.since = since;
  options.until = until;
  options.collapse = collapse;
  options.allow_partial = partial;
  Query query = checked_query(text, std::move(options), type, "relevance");
  py::gil_scoped_release release;
  return searcher.search(query).results.total;
}

py::dict facet_dict(const SearchResults& r) {
  py::dict out;
  for (const auto& [name, counts] : r.results.facets) {
    py::list list;
    for (const FacetCount& c : counts) list.append(py::make_tuple(c.value, c.count));
    out[py::str(name)] = list;
  }
  return out;
}

py::object files_skipped(const IndexStats& s) {
  py::dict out;
  out["total"] = s.files_skipped_binary + s.files_skipped_too_large + s.files_skipped_not_article;
  out["binary"] = s.files_skipped_binary;
  out["too_large"] = s.files_skipped_too_large;
  out["not_article"] = s.files_skipped_not_article;
  return out;
}

void bind_results(py::module_& m) {
  py::class_<Hit>(m, "Hit", "One hit: the fields of a hit in `byline search --format json`")
      .def_readonly("rank", &Hit::rank)
      .def_readonly("id", &Hit::id)
      .def_property_readonly("type", [](const Hit& h) { return to_string(h.type); })
      .def_readonly("score", &Hit::score)
      .def_readonly("title", &Hit::title)
      .def_readonly("author", &Hit::author)
      .def_readonly("date", &Hit::date)
      .def_readonly("source", &Hit::source)
      .def_property_readonly("comment", [](const Hit& h) { return comment_ref(h.comment); })
      .def_property_readonly(
          "snippet", [](const Hit& h) { return h.snippet.text; }, "Plain text, no markup")
      .def_property_readonly(
          "highlights", [](const Hit& h) { return highlight_spans(h.snippet); },
          "(start, end) spans of `snippet`, in code points (Python string indices), end exclusive")
      .def_readonly("parent_author", &Hit::parent_author,
                    "In thread groups: the author of the comment this one answers, when known")
      .def_readonly("more_on_page", &Hit::more_on_page,
                    "With collapse=True: how many other documents of its page match")
      .def_property_readonly(
          "snippet_html", [](const Hit& h) { return cli::snippet_html(h.snippet); },
          "The snippet HTML-escaped, with <mark>...</mark> around the highlights")
      .def("__repr__", [](const Hit& h) { return "<byline.Hit " + std::to_string(h.rank) + " " + h.id + ">"; });

  py::class_<ThreadGroup>(m, "ThreadGroup", "With thread=True: one page's matches, as a group of `--thread` JSON")
      .def_readonly("rank", &ThreadGroup::rank)
      .def_readonly("page", &ThreadGroup::page_id)
      .def_readonly("article", &ThreadGroup::article)
      .def_readonly("article_matched", &ThreadGroup::article_matched)
      .def_readonly("comments_total", &ThreadGroup::comments_total)
      .def_readonly("comments_matching", &ThreadGroup::comments_matching)
      .def_readonly("comments", &ThreadGroup::comments, "The best thread_comments matching comments, in rank order")
      .def("__repr__", [](const ThreadGroup& g) {
        return "<byline.ThreadGroup " + std::to_string(g.rank) + " " + g.page_id + ">";
      });

  py::class_<SearchResults>(m, "Results", "A search's answer: the fields of `byline search --format json`")
      .def_property_readonly("query", [](const SearchResults& r) { return r.query.text; })
      .def_property_readonly("total", [](const SearchResults& r) { return r.results.total; })
      .def_property_readonly("total_exact", [](const SearchResults& r) { return r.results.total_exact; })
      .def_property_readonly("total_min",
                             [](const SearchResults& r) {
                               return r.results.total_exact ? std::nullopt : std::optional(r.results.total_lower);
                             })
      .def_property_readonly("total_max",
                             [](const SearchResults& r) {
                               return r.results.total_exact ? std::nullopt : std::optional(r.results.total_upper);
                             })
      .def_property_readonly("offset", [](const SearchResults& r) { return r.query.offset; })
      .def_property_readonly("limit", [](const SearchResults& r) { return r.query.limit; })
      .def_property_readonly("corrected", [](const SearchResults& r) { return r.results.corrected; })
      .def_property_readonly("hits", [](const SearchResults& r) { return r.results.hits; })
      .def_property_readonly(
          "groups", [](const SearchResults& r) { return r.results.groups; },
          "With thread=True: the hits grouped by page")
      .def_property_readonly("facets", &facet_dict, "name -> [(value, count), ...] by decreasing count")
      .def_property_readonly("partial", [](const SearchResults& r) { return r.results.partial; })
      .def_property_readonly("failed_shards", [](const SearchResults& r) { return r.results.failed_shards; })
      .def_property_readonly("seconds", [](const SearchResults& r) { return r.results.seconds; })
      .def("__len__", [](const SearchResults& r) { return r.results.hits.size(); })
      .def(
          "__iter__",
          [](const SearchResults& r) { return py::make_iterator(r.results.hits.begin(), r.results.hits.end()); },
          py::keep_alive<0, 1>())
      .def("__repr__", [](const SearchResults& r) {
        return "<byline.Results total=" + std::to_string(r.results.total) +
               " hits=" + std::to_string(r.results.hits.size()) + ">";
      });

  py::class_<ShownDocument>(m, "Document", "A stored document: the fields of `byline show --format json`")
      .def_property_readonly("id", [](const ShownDocument& d) { return d.document.id; })
      .def_property_readonly("type", [](const ShownDocument& d) { return to_string(d.document.type); })
      .def_property_readonly("page_id", [](const ShownDocument& d) { return d.document.page_id; })
      .def_property_readonly("title", [](const ShownDocument& d) { return d.document.title; })
      .def_property_readonly("author", [](const ShownDocument& d) { return d.document.author; })
      .def_property_readonly("date", [](const ShownDocument& d) { return d.document.date; })
      .def_property_readonly("source", [](const ShownDocument& d) { return d.document.source; })
      .def_property_readonly("comment", [](const ShownDocument& d) { return comment_ref(d.document.comment); })
      .def_property_readonly("tags", [](const ShownDocument& d) { return d.document.tags; })
      .def_property_readonly("text", [](const ShownDocument& d) { return d.document.text; })
      .def_readonly("depth", &ShownDocument::depth, "Reply depth of a comment listed under its article")
      .def_readonly("comments", &ShownDocument::comments, "An article's comments in page order")
      .def("__repr__", [](const ShownDocument& d) { return "<byline.Document " + d.document.id + ">"; });

  py::class_<IndexStats>(m, "Stats", "What an index holds: the fields of `byline stats --format json`")
      .def_readonly("documents", &IndexStats::documents)
      .def_readonly("articles", &IndexStats::articles)
      .def_readonly("comments", &IndexStats::comments)
      .def_readonly("authors", &IndexStats::authors)
      .def_readonly("files", &IndexStats::files)
      .def_property_readonly("files_skipped", &files_skipped)
      .def_readonly("first_date", &IndexStats::first_date)
      .def_readonly("last_date", &IndexStats::last_date)
      .def_readonly("language", &IndexStats::language)
      .def_readonly("stopwords", &IndexStats::stopwords)
      .def_readonly("schema_version", &IndexStats::schema_version)
      .def_readonly("size_bytes", &IndexStats::size_bytes);
}

}  // namespace

void bind_search(py::module_& m) {
  bind_results(m);

  py::class_<PySearcher>(m, "Searcher", "A read-only view of the index at `path` (never waits for a writer)")
      .def(py::init<const std::string&>(), py::arg("path"))
      .def("search", &search, py::arg("query") = "", py::kw_only(), py::arg("limit") = 10, py::arg("offset") = 0,
           py::arg("type") = py::none(), py::arg("author") = py::none(), py::arg("page") = py::none(),
           py::arg("since") = py::none(), py::arg("until") = py::none(), py::arg("sort") = "relevance",
           py::arg("collapse") = false, py::arg("thread") = false, py::arg("thread_comments") = 3,
           py::arg("snippet_chars") = 200, py::arg("facets") = std::vector<std::string>{},
           py::arg("exact_total") = false, py::arg("time_limit") = 0.0, py::arg("partial") = false,
           "Runs a query in Byline's query language with the options of `byline search`; the GIL is released "
           "meanwhile. Raises byline.BadQuery for a query or option it cannot understand.")
      .def("count", &count, py::arg("query") = "", py::kw_only(), py::arg("type") = py::none(),
           py::arg("author") = py::none(), py::arg("since") = py::none(), py::arg("until") = py::none(),
           py::arg("collapse") = false, py::arg("partial") = false,
           "The exact number of matches of a query (of pages with collapse=True); the GIL is released meanwhile")
      .def("show", &PySearcher::show, py::arg("id"), py::call_guard<py::gil_scoped_release>(),
           "The document with this id (an article with its comments), or None")
      .def("stats", &PySearcher::stats, py::call_guard<py::gil_scoped_release>())
      .def("close", &PySearcher::close)
      .def_property_readonly("path", &PySearcher::path)
      .def("__enter__", [](PySearcher& s) -> PySearcher& { return s; })
      .def("__exit__", [](PySearcher& s, const py::args&) { s.close(); });

  m.def("stats", &index_stats, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
        "What the index at `path` holds (as `byline stats`), without opening a Searcher");
}

}  // namespace byline::python
