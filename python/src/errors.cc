// byline::Error and its subclasses as Python exceptions of the same names,
// in the same hierarchy (byline.SchemaMismatch is a byline.IndexUnusable,
// every one is a byline.Error), carrying the library's one-line message.
#include "byline/error.h"

#include "bindings.h"

namespace py = pybind11;

namespace byline::python {

void bind_errors(py::module_& m) {
  // pybind11 tries translators from the last registered to the first, so a
  // subclass registered after its base is caught as itself.
  auto& error = py::register_exception<Error>(m, "Error", PyExc_Exception);
  py::register_exception<IoError>(m, "IoError", error.ptr());
  py::register_exception<BadQuery>(m, "BadQuery", error.ptr());
  py::register_exception<IndexLocked>(m, "IndexLocked", error.ptr());
  auto& unusable = py::register_exception<IndexUnusable>(m, "IndexUnusable", error.ptr());
  py::register_exception<SchemaMismatch>(m, "SchemaMismatch", unusable.ptr());
}

}  // namespace byline::python
