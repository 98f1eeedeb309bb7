// The parts of the `byline` Python module, each bound in its own file over
// libbyline's public API (and the front ends' shared renderings in cli/).
#ifndef BYLINE_PYTHON_BINDINGS_H
#define BYLINE_PYTHON_BINDINGS_H

#include <pybind11/pybind11.h>

namespace byline::python {

// byline.Error and its subclasses, one per byline::Error subclass (errors.cc).
void bind_errors(pybind11::module_& m);

// byline.Index: the writer (index.cc).
void bind_index(pybind11::module_& m);

// byline.Searcher and what it returns: Results, Hit, Document, Stats (search.cc).
void bind_search(pybind11::module_& m);

}  // namespace byline::python

#endif  // BYLINE_PYTHON_BINDINGS_H
