// byline.Index: one writer of an index (byline::Indexer), usable as a
// context manager so that its lock is released at a known point.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.h"
#include "byline/error.h"
#include "byline/indexer.h"

namespace py = pybind11;

namespace byline::python {
namespace {

// What add() returns: the indexer's summary, and the messages its callbacks
// gave (collected in C++: they arrive from indexing threads without the GIL).
struct AddSummary {
  IndexSummary summary;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

class PyIndex {
 public:
  PyIndex(const std::string& path, const IndexOptions& options)
      : path_(path), indexer_(std::make_unique<Indexer>(path, options)), language_(indexer_->language()) {}

  // Called without the GIL: the mutex keeps two Python threads from using
  // one Indexer at once (it is not thread-safe).
  AddSummary add(const std::vector<std::string>& paths) {
    std::lock_guard<std::mutex> lock(mutex_);
    AddSummary out;
    IndexCallbacks callbacks;
    // The callbacks are called one at a time (indexer.h), so no locking here.
    callbacks.on_error = [&out](const std::string& message) { out.errors.push_back(message); };
    callbacks.on_warning = [&out](const std::string& message) { out.warnings.push_back(message); };
    out.summary = open().add_paths(paths, callbacks);
    return out;
  }

  void commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    open().commit();
  }

  // Commits and releases the index's lock; later calls raise byline.Error.
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!indexer_) return;
    indexer_->commit();
    std::lock_guard<std::mutex> stopping(stop_mutex_);
    indexer_.reset();
  }

  // Not under mutex_: add() holds that while it runs, and stop() is what may
  // end it (Indexer::stop is safe from another thread). stop_mutex_ only
  // keeps close() from destroying the Indexer meanwhile.
  void stop() {
    std::lock_guard<std::mutex> stopping(stop_mutex_);
    if (indexer_) indexer_->stop();
  }

  const std::string& path() const { return path_; }
  bool closed() {
    std::lock_guard<std::mutex> stopping(stop_mutex_);
    return !indexer_;
  }
  // Fixed when the index was created: read once, so that asking never waits for a running add().
  const std::string& language() const { return language_; }

 private:
  Indexer& open() {
    if (!indexer_) throw Error("index " + path_ + ": closed");
    return *indexer_;
  }

  std::string path_;
  std::unique_ptr<Indexer> indexer_;
  std::string language_;
  std::mutex mutex_;
  std::mutex stop_mutex_;
};

// A path, a path-like object, or an iterable of them, as strings (os.fspath).
std::vector<std::string> path_list(const py::object& paths) {
  py::module_ os = py::module_::import("os");
  if (py::isinstance<py::str>(paths) || py::isinstance<py::bytes>(paths) || py::hasattr(paths, "__fspath__"))
    return {py::str(os.attr("fsdecode")(paths))};
  std::vector<std::string> out;
  for (py::handle path : paths) out.push_back(py::str(os.attr("fsdecode")(path)));
  return out;
}

}  // namespace

void bind_index(py::module_& m) {
  py::class_<AddSummary>(m, "IndexSummary", "What one Index.add() did (the numbers `byline index` prints)")
      .def_property_readonly("files", [](const AddSummary& s) { return s.summary.files; })
      .def_property_readonly("indexed", [](const AddSummary& s) { return s.summary.indexed; })
      .def_property_readonly("pages", [](const AddSummary& s) { return s.summary.pages; })
      .def_property_readonly("articles", [](const AddSummary& s) { return s.summary.articles; })
      .def_property_readonly("comments", [](const AddSummary& s) { return s.summary.comments; })
      .def_property_readonly("unchanged", [](const AddSummary& s) { return s.summary.unchanged; })
      .def_property_readonly("removed", [](const AddSummary& s) { return s.summary.removed; })
      .def_property_readonly("failed", [](const AddSummary& s) { return s.summary.failed; })
      .def_property_readonly("bytes", [](const AddSummary& s) { return s.summary.bytes; })
      .def_property_readonly("skipped", [](const AddSummary& s) { return s.summary.skipped(); })
      .def_property_readonly("skipped_binary", [](const AddSummary& s) { return s.summary.skipped_binary; })
      .def_property_readonly("skipped_too_large", [](const AddSummary& s) { return s.summary.skipped_too_large; })
      .def_property_readonly("skipped_not_article", [](const AddSummary& s) { return s.summary.skipped_not_article; })
      .def_property_readonly("skipped_duplicate", [](const AddSummary& s) { return s.summary.skipped_duplicate; })
      .def_property_readonly("removed_documents", [](const AddSummary& s) { return s.summary.removed_documents; })
      .def_property_readonly("interrupted", [](const AddSummary& s) { return s.summary.interrupted; })
      .def_property_readonly("seconds", [](const AddSummary& s) { return s.summary.seconds; })
      .def_readonly("errors", &AddSummary::errors, "One line per file that could not be indexed: 'PATH: reason'")
      .def_readonly("warnings", &AddSummary::warnings, "What a user should know that did not stop a file")
      .def("__repr__", [](const AddSummary& s) {
        return "<byline.IndexSummary files=" + std::to_string(s.summary.files) +
               " indexed=" + std::to_string(s.summary.indexed) + " articles=" + std::to_string(s.summary.articles) +
               " comments=" + std::to_string(s.summary.comments) + " failed=" + std::to_string(s.summary.failed) + ">";
      });

  py::class_<PyIndex>(m, "Index",
                      "The writer of the index at `path` (created if needed). Holds the index's lock until close() "
                      "(or the end of a `with` block): a second Index on the same path raises byline.IndexLocked.")
      .def(py::init([](const std::string& path, const std::string& language, const std::string& stopwords,
                       std::size_t jobs, std::size_t shards, std::size_t batch_pages, bool prune) {
             IndexOptions options;
             options.language = language;
             options.stopwords = stopwords;
             options.jobs = jobs;
             options.shards = shards;
             options.batch_pages = batch_pages;
             options.prune = prune;
             return std::make_unique<PyIndex>(path, options);
           }),
           py::arg("path"), py::kw_only(), py::arg("language") = "", py::arg("stopwords") = "", py::arg("jobs") = 1,
           py::arg("shards") = 0, py::arg("batch_pages") = 100, py::arg("prune") = false)
      .def(
          "add",
          [](PyIndex& index, const py::object& paths) {
            std::vector<std::string> list = path_list(paths);
            py::gil_scoped_release release;
            return index.add(list);
          },
          py::arg("paths"),
          "Indexes files and folders (one path or a list), incrementally, as `byline index` does; the GIL is "
          "released meanwhile. Files that cannot be read are counted in `failed` and named in `errors`.")
      .def("stop", &PyIndex::stop,
           "Asks a running add() (in another thread) to finish its file, commit and return with "
           "summary.interrupted; made before add(), it stops the next add() at once")
      .def("commit", &PyIndex::commit, py::call_guard<py::gil_scoped_release>())
      .def("close", &PyIndex::close, py::call_guard<py::gil_scoped_release>(), "Commits and releases the lock")
      .def_property_readonly("path", &PyIndex::path)
      .def_property_readonly("closed", &PyIndex::closed)
      .def_property_readonly("language", &PyIndex::language)
      .def("__enter__", [](PyIndex& index) -> PyIndex& { return index; })
      .def("__exit__", [](PyIndex& index, const py::args&) {
        py::gil_scoped_release release;
        index.close();
      });
}

}  // namespace byline::python
