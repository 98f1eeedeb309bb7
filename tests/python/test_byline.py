"""The `byline` Python module (python/), run by ctest with Python's unittest.

Each test builds a small real index of corpus/, with the module itself or
with the real `byline` binary, and checks the module against the binary's
`--format json` output: the same fields, the same values.

Environment (set by tests/CMakeLists.txt): PYTHONPATH with the built module,
BYLINE_BINARY (the `byline` program), BYLINE_CORPUS (corpus/).
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import byline

BINARY = os.environ["BYLINE_BINARY"]
CORPUS = os.environ["BYLINE_CORPUS"]


def run_binary(db, *args):
    """The binary's output for `byline --db DB ARGS...` (exit status 0 required)."""
    done = subprocess.run([BINARY, "--db", db, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"byline {' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return done.stdout


class IndexedByBinary(unittest.TestCase):
    """An index of corpus/ made by `byline index`, read by the module."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "index")
        run_binary(cls.db, "index", CORPUS)
        cls.searcher = byline.Searcher(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.searcher.close()
        cls.tmp.cleanup()

    def assert_hit_is_json(self, hit, expected):
        for field in ("rank", "id", "type", "title", "author", "date", "source", "comment", "snippet",
                      "snippet_html"):
            self.assertEqual(getattr(hit, field), expected[field], field)
        self.assertAlmostEqual(hit.score, expected["score"], places=9)
        self.assertEqual([list(span) for span in hit.highlights], expected["highlights"])

    def test_search_has_the_fields_and_values_of_the_json(self):
        expected = json.loads(run_binary(self.db, "search", "--format", "json", "--limit", "4",
                                         "--facets=type,author", "--", "russia OR boston OR police"))
        results = self.searcher.search("russia OR boston OR police", limit=4, facets=["type", "author"])
        for field in ("query", "total", "total_exact", "offset", "limit", "corrected"):
            self.assertEqual(getattr(results, field), expected[field], field)
        self.assertEqual(len(results.hits), len(expected["hits"]))
        self.assertGreater(len(results.hits), 1)
        for hit, want in zip(results.hits, expected["hits"]):
            self.assert_hit_is_json(hit, want)
        self.assertEqual({name: [list(c) for c in counts] for name, counts in results.facets.items()},
                         expected["facets"])
        self.assertEqual([h.id for h in results], [h["id"] for h in expected["hits"]])  # iterable

    def test_options_mean_what_they_mean_to_the_binary(self):
        args = ["--type", "comment", "--sort", "newest", "--offset", "1", "--limit", "3", "--snippet-chars", "60"]
        expected = json.loads(run_binary(self.db, "search", "--format", "json", *args, "the"))
        results = self.searcher.search("the", type="comment", sort="newest", offset=1, limit=3, snippet_chars=60)
        self.assertEqual(results.total, expected["total"])
        self.assertGreater(len(results.hits), 0)
        for hit, want in zip(results.hits, expected["hits"]):
            self.assertEqual(hit.type, "comment")
            self.assert_hit_is_json(hit, want)

    def test_collapse_and_page_are_the_binarys(self):
        expected = json.loads(run_binary(self.db, "search", "--format", "json", "--collapse", "--", "the"))
        results = self.searcher.search("the", collapse=True)
        self.assertEqual([(h.id, h.more_on_page) for h in results],
                         [(h["id"], h["more_on_page"]) for h in expected["hits"]])
        self.assertTrue(any(h.more_on_page > 0 for h in results))
        page_id = results.hits[0].id.split(".")[0]
        expected = json.loads(run_binary(self.db, "search", "--format", "json", "--limit", "100", "--",
                                         f"page:{page_id}"))
        on_page = self.searcher.search("", page=page_id, limit=100)
        self.assertEqual(sorted(h.id for h in on_page), sorted(h["id"] for h in expected["hits"]))
        self.assertGreater(len(on_page), 1)
        self.assertTrue(all(h.id.split(".")[0] == page_id for h in on_page))

    def test_thread_groups_are_the_binarys(self):
        expected = json.loads(run_binary(self.db, "search", "--format", "json", "--thread", "--thread-comments", "2",
                                         "--", "the"))
        results = self.searcher.search("the", thread=True, thread_comments=2)
        self.assertEqual(results.total, expected["total"])
        self.assertEqual(len(results.groups), len(expected["groups"]))
        self.assertGreater(len(results.groups), 0)
        for group, want in zip(results.groups, expected["groups"]):
            self.assertEqual((group.rank, group.page, group.article_matched), (want["rank"], want["page"], want["article_matched"]))
            self.assertEqual((group.comments_total, group.comments_matching),
                             (want["comments"]["total"], want["comments"]["matching"]))
            self.assert_hit_is_json(group.article, want["article"])
            self.assertEqual(len(group.comments), len(want["comments"]["hits"]))
            for comment, want_comment in zip(group.comments, want["comments"]["hits"]):
                self.assert_hit_is_json(comment, want_comment)
                self.assertEqual(comment.parent_author, want_comment["parent_author"])

    def test_count_is_the_exact_total(self):
        for query in ("missile", "", "type:comment", "nosuchwordanywhere"):
            expected = json.loads(run_binary(self.db, "search", "--format", "json", "--", query))
            self.assertEqual(self.searcher.count(query), expected["total"], query)
        self.assertEqual(self.searcher.count(""), byline.stats(self.db).documents)
        self.assertEqual(self.searcher.count("", type="article"), self.searcher.stats().articles)

    def test_show_has_the_fields_of_the_json(self):
        article_id = self.searcher.search("missile defense", type="article", limit=1).hits[0].id
        expected = json.loads(run_binary(self.db, "show", "--format", "json", article_id))
        document = self.searcher.show(article_id)
        for field in ("id", "type", "page_id", "title", "author", "date", "source", "comment", "tags", "text"):
            self.assertEqual(getattr(document, field), expected[field], field)
        self.assertEqual(len(document.comments), len(expected["comments"]))
        self.assertGreater(len(document.comments), 0)
        for comment, want in zip(document.comments, expected["comments"]):
            for field in ("id", "type", "author", "comment", "text", "depth"):
                self.assertEqual(getattr(comment, field), want[field], field)
        self.assertIsNone(self.searcher.show("no-such-document"))

    def test_stats_are_the_binarys(self):
        expected = json.loads(run_binary(self.db, "stats", "--format", "json"))
        stats = byline.stats(self.db)
        for field in ("documents", "articles", "comments", "authors", "files", "files_skipped", "first_date",
                      "last_date", "language", "stopwords", "schema_version"):
            self.assertEqual(getattr(stats, field), expected[field], field)

    def test_bad_queries_raise_bad_query(self):
        for kwargs in ({"facets": ["colour"]}, {"sort": "sideways"}, {"type": "poem"}, {"since": "2013-13"}):
            with self.assertRaises(byline.BadQuery, msg=kwargs) as raised:
                self.searcher.search("missile", **kwargs)
            self.assertIsInstance(raised.exception, byline.Error)
            self.assertNotIn("\n", str(raised.exception))
        with self.assertRaises(byline.BadQuery):
            self.searcher.count("date:2013-02-30")


class IndexedByModule(unittest.TestCase):
    """An index made by byline.Index, read by the binary and the module."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "index")

    def tearDown(self):
        self.tmp.cleanup()

    def test_add_returns_the_summary_and_the_binary_reads_the_index(self):
        with byline.Index(self.db) as index:
            self.assertEqual(index.language, "english")
            summary = index.add(pathlib.Path(CORPUS))  # a path-like, or a list of paths
        files = len([f for f in os.listdir(CORPUS) if f.endswith(".txt")])
        self.assertEqual((summary.files, summary.indexed, summary.failed, summary.unchanged), (files, files, 0, 0))
        self.assertEqual(summary.errors, [])
        self.assertGreater(summary.comments, 0)
        stats = json.loads(run_binary(self.db, "stats", "--format", "json"))
        self.assertEqual((stats["articles"], stats["comments"]), (summary.articles, summary.comments))

        expected = json.loads(run_binary(self.db, "search", "--format", "json", "missile", "defense"))
        self.assertEqual([h.id for h in byline.Searcher(self.db).search("missile defense").hits],
                         [h["id"] for h in expected["hits"]])

        with byline.Index(self.db) as index:
            again = index.add([CORPUS])
        self.assertEqual((again.unchanged, again.indexed), (files, 0))

    def test_unreadable_files_are_reported_not_raised(self):
        missing = os.path.join(self.tmp.name, "missing.txt")
        with byline.Index(self.db) as index:
            summary = index.add([CORPUS, missing])
        self.assertEqual(summary.failed, 1)
        self.assertEqual(len(summary.errors), 1)
        self.assertIn("missing.txt", summary.errors[0])

    def test_hostile_bytes_are_shown_as_the_binary_shows_them_and_warned_about(self):
        pages = os.path.join(self.tmp.name, "pages")
        os.mkdir(pages)
        with open(os.path.join(pages, "a.txt"), "wb") as page:
            page.write(b"Bad \xff\xfe title zebra\nApril 22nd, 2013\n10:08 PM ET\n\nBad \xff\xfe title zebra\n\n"
                       b"By Some One\n\nText with zebra, <mark>, \x1b[31m and \xc3 broken \xe2\x82 bytes.\n")
        with byline.Index(self.db) as index:
            summary = index.add(pages)
        self.assertEqual(summary.indexed, 1)
        self.assertEqual(len(summary.warnings), 1)
        self.assertIn("not valid UTF-8", summary.warnings[0])
        expected = json.loads(run_binary(self.db, "search", "--format", "json", "zebra"))["hits"][0]
        hit = byline.Searcher(self.db).search("zebra").hits[0]
        for field in ("title", "snippet", "snippet_html"):
            self.assertEqual(getattr(hit, field), expected[field], field)
        self.assertNotIn("<mark>,", hit.snippet_html)  # the page's own "<mark>" is escaped

    def test_stop_interrupts_add(self):
        with byline.Index(self.db) as index:
            index.stop()  # before add(): that add() stops at once
            stopped = index.add(CORPUS)
            self.assertTrue(stopped.interrupted)
            self.assertEqual(stopped.indexed, 0)
            resumed = index.add(CORPUS)  # the request was consumed
        self.assertFalse(resumed.interrupted)
        self.assertGreater(resumed.indexed, 0)

    def test_bad_options_of_a_new_index_raise(self):
        with self.assertRaises(byline.BadQuery):
            byline.Index(self.db, language="klingon")
        with self.assertRaises(byline.Error):
            byline.Index(self.db, jobs=0)

    def test_a_second_writer_raises_index_locked(self):
        first = byline.Index(self.db)
        with self.assertRaises(byline.IndexLocked) as raised:
            byline.Index(self.db)
        self.assertIsInstance(raised.exception, byline.Error)
        first.close()
        self.assertTrue(first.closed)
        with self.assertRaises(byline.Error):
            first.add(CORPUS)
        byline.Index(self.db).close()  # the lock went with close()

    def test_no_index_raises_index_unusable(self):
        with self.assertRaises(byline.IndexUnusable):
            byline.Searcher(os.path.join(self.tmp.name, "nothing-here"))
        with self.assertRaises(byline.IndexUnusable):
            byline.stats(self.tmp.name)
        self.assertTrue(issubclass(byline.SchemaMismatch, byline.IndexUnusable))
        for name in ("IoError", "BadQuery", "IndexLocked", "IndexUnusable"):
            self.assertTrue(issubclass(getattr(byline, name), byline.Error), name)

    def test_indexing_releases_the_gil(self):
        # With a switch interval far longer than the test, another thread only
        # runs when this one releases the GIL: `ticks` counts the times the
        # other thread ran while add() was running.
        ticks = 0
        inside = False
        stop = False

        def other():
            nonlocal ticks
            while not stop:
                if inside:
                    ticks += 1
                time.sleep(0.0005)  # releases the GIL

        previous = sys.getswitchinterval()
        sys.setswitchinterval(1000)
        thread = threading.Thread(target=other)
        thread.start()
        try:
            index = byline.Index(self.db)
            inside = True
            summary = index.add(CORPUS)
            inside = False
            index.close()
        finally:
            stop = True
            sys.setswitchinterval(previous)
            thread.join()
        self.assertGreater(summary.articles, 0)
        self.assertGreater(ticks, 0, "no other thread ran while add() was indexing: the GIL was held")


class Example(unittest.TestCase):
    def test_examples_search_py_indexes_and_finds_the_article(self):
        example = pathlib.Path(__file__).resolve().parents[2] / "examples" / "search.py"
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run([sys.executable, str(example), os.path.join(tmp, "index"), CORPUS, "missile", "defense"],
                                  capture_output=True, text=True)
            self.assertEqual(done.returncode, 0, done.stderr)
            lines = done.stdout.splitlines()
            self.assertRegex(lines[0], r"^indexed [1-9]\d* articles, [1-9]\d* comments$")
            self.assertEqual(lines[2], "1. [article] Boston bombing looms large at U.S./Russia meeting (Elise Labott)")
            bad = subprocess.run([sys.executable, str(example), os.path.join(tmp, "index"), CORPUS, "date:2013-99"],
                                 capture_output=True, text=True)
            self.assertEqual(bad.returncode, 2)
            self.assertTrue(bad.stderr.startswith("bad query: "), bad.stderr)


class Module(unittest.TestCase):
    def test_version_is_the_binarys(self):
        first_line = subprocess.run([BINARY, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        self.assertEqual(first_line, f"byline {byline.__version__}")
        self.assertRegex(byline.xapian_version, r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main()
