// The `byline` Python module: a thin layer over libbyline (the same library
// the `byline` command uses), so Python sees the same index, the same query
// language and the same fields as `byline search --format json`.
#include "bindings.h"

#include "byline/version.h"

PYBIND11_MODULE(byline, m) {
  m.doc() =
      "Full-text search for archives of news pages (libbyline).\n\n"
      "  byline.Index(path).add(paths) -> IndexSummary\n"
      "  byline.Searcher(path).search(query, limit=10, ...) -> Results\n"
      "Errors are byline.Error subclasses: BadQuery, IndexLocked, IndexUnusable, SchemaMismatch, IoError.";
  m.attr("__version__") = BYLINE_VERSION_STRING;
  m.attr("xapian_version") = BYLINE_XAPIAN_VERSION;
  m.attr("snowball_version") = BYLINE_SNOWBALL_VERSION;
  byline::python::bind_errors(m);
  byline::python::bind_index(m);
  byline::python::bind_search(m);
}
