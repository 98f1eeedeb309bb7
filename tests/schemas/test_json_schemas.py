#!/usr/bin/env python3
"""Every JSON output of the real `byline` binary validated against its JSON
Schema in docs/schemas/ (Debian's python3-jsonschema).

The schemas are strict (required fields, types, no unknown fields), so a
renderer that adds, removes or renames a field fails here until its schema
(and README.md's "JSON output") says the same. Runs on corpus/ and, when the
shared folder with tools/make-archive is there (BYLINE_SHARED), on a
generated archive too; the output shapes a run must have produced (a
relaxed query, a correction, facets, a collapsed page, a reply tree...) are
checked to have been seen, so a run that validated nothing fails.

Environment: BYLINE_BINARY (the byline executable), BYLINE_SOURCE_DIR (the
source tree), BYLINE_SHARED (optional: the shared folder; ctest passes
BYLINE_SHARED_DEFAULT, the source tree's ../shared).
"""
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.request

import jsonschema
import jsonschema.exceptions

BINARY = os.environ.get("BYLINE_BINARY", "")
SOURCE = os.environ.get("BYLINE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMA_DIR = os.path.join(SOURCE, "docs", "schemas")
# BYLINE_SHARED wins over where ctest expects it (the source tree's ../shared).
SHARED = os.environ.get("BYLINE_SHARED") or os.environ.get("BYLINE_SHARED_DEFAULT", "")
# The schemas' $id prefix (.invalid: a name that never resolves; the files
# refer to each other relatively, so they also resolve from the folder).
S = "https://byline.invalid/schemas/"
# Which pages the searches run on: corpus/ (with tests/fixtures), or
# "archive": 60 pages from the shared make-archive (exit 77, skipped, when
# it is not there), where only the outputs that depend on the pages run.
ON = os.environ.get("BYLINE_SCHEMA_PAGES", "corpus")
MAKE_ARCHIVE = os.path.join(SHARED, "tools", "make-archive") if SHARED else ""


def load_schemas():
    """{$id: schema} of every docs/schemas/*.schema.json."""
    schemas = {}
    for path in sorted(glob.glob(os.path.join(SCHEMA_DIR, "*.schema.json"))):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[schema["$id"]] = schema
    return schemas


SCHEMAS = load_schemas()


def validator_for(schema_id):
    """A Draft 2020-12 validator resolving their $ids (S + NAME) among the
    schemas, with the API of the jsonschema installed (referencing from 4.18,
    RefResolver before: Debian 12 has 4.10)."""
    schema = SCHEMAS[schema_id.split("#")[0]]
    if "#" in schema_id:
        schema = {"$ref": schema_id}
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18

        registry = Registry().with_resources(
            (sid, Resource.from_contents(s)) for sid, s in SCHEMAS.items())
        return jsonschema.Draft202012Validator(schema, registry=registry)
    except ImportError:
        resolver = jsonschema.RefResolver("", schema, store=dict(SCHEMAS))
        return jsonschema.Draft202012Validator(schema, resolver=resolver)


VALIDATORS = {}
USED = set()  # schema files validated against at least once


def validate(schema_id, value, what):
    if schema_id not in VALIDATORS:
        VALIDATORS[schema_id] = validator_for(schema_id)
    USED.add(schema_id.split("#")[0])
    errors = sorted(VALIDATORS[schema_id].iter_errors(value), key=lambda e: list(e.absolute_path))
    if errors:
        # The deepest reasons (inside anyOf/oneOf), not "is not valid under any".
        best = jsonschema.exceptions.best_match(errors)
        reasons = [best] + [e for e in best.context if e.validator in ("additionalProperties",
                                                                     "unevaluatedProperties", "required")][:6]
        lines = [f"{what}: does not match {schema_id}:"]
        for e in reasons:
            lines.append(f"  at /{'/'.join(str(p) for p in e.absolute_path)}: {e.message[:300]}")
        raise AssertionError("\n".join(lines))


def walk(value):
    """Every object and array in a JSON value, depth first."""
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)


class Env:
    """The environment the binary runs in: no config file, no BYLINE_DB, a
    data folder of our own (so the default index is not the user's)."""

    def __init__(self, root):
        self.vars = dict(os.environ)
        self.vars.pop("BYLINE_DB", None)
        self.vars["XDG_CONFIG_HOME"] = os.path.join(root, "config")
        self.vars["XDG_DATA_HOME"] = os.path.join(root, "data")
        self.vars["NO_COLOR"] = "1"


class JsonSchemaTest(unittest.TestCase):
    seen = set()  # output shapes met, for test_zz_shapes_were_exercised

    @classmethod
    def setUpClass(cls):
        if not BINARY or not os.access(BINARY, os.X_OK):
            raise AssertionError(f"BYLINE_BINARY ({BINARY!r}) is not an executable")
        cls.tmp = tempfile.mkdtemp(prefix="byline-schemas-")
        cls.env = Env(cls.tmp)
        cls.corpus_db = os.path.join(cls.tmp, "corpus-index")
        cls.index_json(["--db", cls.corpus_db, "index", "--json", os.path.join(SOURCE, "corpus")])
        fixtures = os.path.join(SOURCE, "tests", "fixtures")
        cls.index_json(["--db", cls.corpus_db, "index", "--json", os.path.join(fixtures, "pages"),
                        os.path.join(fixtures, "html")], expect=(0, 1))
        cls.archive_db = None
        if ON == "archive":
            pages = os.path.join(cls.tmp, "archive")
            subprocess.run([sys.executable, MAKE_ARCHIVE, pages, "--pages", "60", "--seed", "16"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            cls.archive_db = os.path.join(cls.tmp, "archive-index")
            cls.index_json(["--db", cls.archive_db, "index", "--json", "--shards", "2", pages])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- running the binary ------------------------------------------------

    @classmethod
    def run_byline(cls, args, expect=(0,), env=None):
        r = subprocess.run([BINARY] + args, capture_output=True, text=True, env=env or cls.env.vars, timeout=120)
        if r.returncode not in expect:
            raise AssertionError(f"byline {' '.join(args)}: exit {r.returncode}, stderr: {r.stderr.strip()}")
        return r.stdout

    @classmethod
    def index_json(cls, args, expect=(0,)):
        out = cls.run_byline(args, expect)
        lines = out.splitlines()
        assert len(lines) == 1, f"byline {' '.join(args)}: {len(lines)} lines, not one JSON object"
        summary = json.loads(lines[0])
        validate(S + "index.schema.json", summary, "index --json")
        return summary

    def json_of(self, schema_id, args, expect=(0,), env=None):
        value = json.loads(self.run_byline(args, expect, env))
        validate(schema_id, value, "byline " + " ".join(args))
        return value

    def corpus_only(self):
        """Outputs that do not depend on the pages run once, on corpus/."""
        if self.archive_db:
            self.skipTest("not page-dependent: run by the corpus test")

    def dbs(self):
        return [self.archive_db] if self.archive_db else [self.corpus_db]

    def some_hits(self, db, query, n=50):
        out = self.run_byline(["--db", db, "search", query, "--format", "json", "-n", str(n)])
        return json.loads(out)["hits"]

    # -- search, count ------------------------------------------------------

    def search_cases(self, db):
        hits = self.some_hits(db, "the")
        author = next((h["author"] for h in hits if h["author"]), "Ted")
        year = next((h["date"][:4] for h in hits if h["date"]), "2013")
        long_question = "what are the effects of the oil price fall on exporting countries in winter"
        return [
            ["the"],
            ["the", "-n", "3", "--offset", "2"],
            ["the", "-n", "0"],
            ["the", "--sort", "newest", "--facets", "author,month,type,tag"],
            ["the", "--sort", "oldest", "--type", "comment", "--facets", "author"],
            [f'author:"{author}"', "--snippet-chars", "0"],
            [f"date:{year}", "--since", f"{year}-01-01", "--until", f"{year}-12-31"],
            ["type:article", "--collapse"],
            ["the", "--collapse", "--facets", "type,tag"],
            ["magnitksy"],
            ["goverment"],  # misspelled: a correction (on the generated archive: too few pages in corpus/)
            ["nosuchwordanywhere"],
            [long_question],  # relaxed
            ["sanct*", "-n", "5"],
            ['"missile defense" OR sanctions'],
            ["tag:Weather"],
        ]

    def note_shapes(self, value):
        for v in walk(value):
            if not isinstance(v, dict):
                continue
            if v.get("relaxed") is True:
                self.seen.add("relaxed")
            if v.get("corrected"):
                self.seen.add("corrected")
            if "facets" in v and v["facets"]:
                self.seen.add("facets")
            if v.get("more_on_page", 0) > 0:
                self.seen.add("more_on_page")
            if isinstance(v.get("comment"), dict) and v["comment"]["parent"] is not None:
                self.seen.add("reply")
            if v.get("highlights"):
                self.seen.add("highlights")
            if v.get("replies"):
                self.seen.add("reply tree")
            if v.get("context_only") is True:
                self.seen.add("context_only")

    def test_search_json_plain_and_collapse(self):
        for db in self.dbs():
            for case in self.search_cases(db):
                args = ["--db", db, "search"] + case + ["--format", "json"]
                value = self.json_of(S + "search.schema.json", args)
                variant = "collapsed" if "--collapse" in case else "plain"
                if value["hits"]:
                    validate(S + f"search.schema.json#/$defs/{variant}", value, " ".join(args))
                self.note_shapes(value)

    def test_search_thread_json(self):
        for db in self.dbs():
            for case in self.search_cases(db):
                if "--collapse" in case:
                    continue
                args = ["--db", db, "search"] + case + ["--thread", "--format", "json"]
                value = self.json_of(S + "search-thread.schema.json", args)
                if value["groups"]:
                    self.seen.add("thread groups")
                self.note_shapes(value)

    def test_search_jsonl_lines(self):
        for db in self.dbs():
            for case in self.search_cases(db):
                for extra, key, variant in ((["--thread"], "groups", "thread_group"), ([], "hits", None)):
                    if extra and "--collapse" in case:
                        continue
                    args = ["--db", db, "search"] + case + extra
                    out = self.run_byline(args + ["--format", "jsonl"])
                    whole = json.loads(self.run_byline(args + ["--format", "json"]))
                    lines = [json.loads(line) for line in out.splitlines()]
                    self.assertEqual(lines, whole[key], "jsonl lines are not json's " + key)
                    if variant is None:
                        variant = "collapsed_hit" if "--collapse" in case else "hit"
                    for line in lines:
                        validate(S + "search-jsonl.schema.json", line, "jsonl line of " + " ".join(args))
                        validate(S + f"common.schema.json#/$defs/{variant}", line, "jsonl line")

    def test_count_json(self):
        for db in self.dbs():
            for case in self.search_cases(db):
                query = case[0]
                for extra in ([], ["--type", "comment"], ["--collapse"], ["--since", "2013", "--until", "2030"]):
                    args = ["--db", db, "count", query] + extra + ["--format", "json"]
                    value = self.json_of(S + "count.schema.json", args)
                    self.assertTrue(value["total_exact"])

    # -- authors and tags ----------------------------------------------------

    def test_authors_and_tags_json(self):
        for db in self.dbs():
            for command in ("authors", "tags"):
                for extra in ([], ["--sort", "name"], ["--sort", "recent"], ["--type", "comment"], ["boston"]):
                    args = ["--db", db, command] + extra + ["--format", "json"]
                    value = self.json_of(S + "names.schema.json", args)
                    self.assertIn(command, value)

    # -- show ---------------------------------------------------------------

    def test_show_json(self):
        for db in self.dbs():
            hits = self.some_hits(db, "the", 200)
            articles = [h["id"] for h in hits if h["type"] == "article"][:4]
            comments = [h["id"] for h in hits if h["type"] == "comment"]
            replies = [h["id"] for h in hits if h["comment"] and h["comment"]["parent"] is not None]
            self.assertTrue(articles and comments, "no articles or comments to show")
            for doc_id in articles + comments[:3] + replies[:3]:
                for extra, variant in (([], "plain"), (["--thread"], "plain"),
                                       (["--query", "the"], "queried"),
                                       (["--query", "the", "--matching"], "queried"),
                                       (["--thread", "--query", "nosuchwordanywhere"], "queried")):
                    args = ["--db", db, "show", doc_id, "--format", "json"] + extra
                    value = self.json_of(S + "show.schema.json", args)
                    validate(S + f"show.schema.json#/$defs/{variant}", value, " ".join(args))
                    self.note_shapes(value)
            for doc_id in replies[:3]:
                # Only the reply matches: the comments it answers are context.
                args = ["--db", db, "show", doc_id, "--thread", "--query", "id:" + doc_id, "--matching",
                        "--format", "json"]
                value = self.json_of(S + "show.schema.json#/$defs/queried", args)
                self.assertEqual(value["matching"], 1, " ".join(args))
                self.note_shapes(value)

    # -- stats, index, compact, shards, parse -------------------------------

    def test_stats_json_for_each_index_source(self):
        self.corpus_only()
        for db in self.dbs():
            value = self.json_of(S + "stats.schema.json", ["--db", db, "stats", "--format", "json"])
            self.assertEqual(value["index"], {"path": db, "chosen_by": "--db"})
        db = self.corpus_db
        env = dict(self.env.vars, BYLINE_DB=db)
        value = self.json_of(S + "stats.schema.json", ["stats", "--format", "json"], env=env)
        self.assertEqual(value["index"]["chosen_by"], "BYLINE_DB")
        config = os.path.join(self.tmp, "schema-config.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f'db = "{db}"\n')
        value = self.json_of(S + "stats.schema.json", ["--config", config, "stats", "--format", "json"])
        self.assertEqual(value["index"], {"path": db, "chosen_by": "config", "config_file": config})
        default = os.path.join(self.env.vars["XDG_DATA_HOME"], "byline", "index")
        self.index_json(["index", "--json", os.path.join(SOURCE, "corpus")])
        value = self.json_of(S + "stats.schema.json", ["stats", "--format", "json"])
        self.assertEqual(value["index"], {"path": default, "chosen_by": "default"})

    def test_index_compact_shards_json(self):
        self.corpus_only()
        db = os.path.join(self.tmp, "maintained")
        corpus = os.path.join(SOURCE, "corpus")
        first = self.index_json(["--db", db, "index", "--json", corpus])
        self.assertGreater(first["pages"], 0)
        again = self.index_json(["--db", db, "index", "--json", corpus])
        self.assertEqual(again["unchanged"], first["files"])
        only = self.index_json(["--db", db, "index", "--json", "--shards", "3", "--reshard"])
        self.assertIn("reshard", only)
        validate(S + "index.schema.json#/$defs/reshard_only", only, "index --reshard --json")
        both = self.index_json(["--db", db, "index", "--json", "--shards", "2", "--reshard", corpus])
        validate(S + "index.schema.json#/$defs/summary", both, "index --reshard PATHS --json")
        self.assertIn("reshard", both)
        shards = self.json_of(S + "shards-list.schema.json", ["--db", db, "shards", "list", "--json"])
        self.assertEqual(len(shards), 2)
        self.json_of(S + "compact.schema.json", ["--db", db, "compact", "--json", "--keep-shards"])
        self.json_of(S + "compact.schema.json", ["--db", db, "compact", "--json"])

    def test_parse_json(self):
        fixtures = os.path.join(SOURCE, "tests", "fixtures")
        files = sorted(glob.glob(os.path.join(SOURCE, "corpus", "*.txt")) +
                       glob.glob(os.path.join(fixtures, "pages", "*.txt")) +
                       glob.glob(os.path.join(fixtures, "html", "*.html")))
        if self.archive_db:
            files += sorted(glob.glob(os.path.join(self.tmp, "archive", "**", "*.txt"), recursive=True))[:40]
        out = self.run_byline(["parse"] + files, expect=(0, 1))
        lines = out.splitlines()
        self.assertGreaterEqual(len(lines), len(files) // 2)
        for line in lines:
            validate(S + "parse.schema.json", json.loads(line), "parse")
        pretty = self.run_byline(["parse", "--pretty"] + files[:5], expect=(0, 1))
        decoder, at, count = json.JSONDecoder(), 0, 0
        while at < len(pretty.rstrip()):
            value, at = decoder.raw_decode(pretty, at)
            while at < len(pretty) and pretty[at].isspace():
                at += 1
            validate(S + "parse.schema.json", value, "parse --pretty")
            count += 1
        self.assertGreater(count, 0)

    # -- byline serve -------------------------------------------------------

    def test_serve_api_json(self):
        self.corpus_only()
        proc = subprocess.Popen([BINARY, "--db", self.corpus_db, "serve", "--port", "0", "--threads", "2"],
                                env=self.env.vars, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stderr.readline()
            found = re.search(r"http://([0-9.]+):([0-9]+)/", line)
            self.assertIsNotNone(found, f"serve said: {line!r}")
            base = f"http://{found.group(1)}:{found.group(2)}"

            def get(path, status=200):
                try:
                    with urllib.request.urlopen(base + path, timeout=10) as r:
                        code, body = r.status, r.read()
                except urllib.error.HTTPError as e:
                    code, body = e.code, e.read()
                self.assertEqual(code, status, path)
                return json.loads(body)

            hits = get("/api/search?q=the&limit=50&facets=author,month,type,tag")
            validate(S + "search.schema.json", hits, "/api/search")
            validate(S + "search.schema.json#/$defs/plain", hits, "/api/search")
            collapsed = get("/api/search?q=the&collapse=1")
            validate(S + "search.schema.json#/$defs/collapsed", collapsed, "/api/search collapse=1")
            validate(S + "count.schema.json", get("/api/count?q=the&type=comment"), "/api/count")
            thread = get("/api/search?q=the&thread=1&thread_comments=2")
            validate(S + "search-thread.schema.json", thread, "/api/search thread=1")
            for h in hits["hits"][:6]:
                validate(S + "show.schema.json#/$defs/plain", get("/api/show/" + h["id"]), "/api/show")
                validate(S + "show.schema.json#/$defs/plain", get(f"/api/show/{h['id']}?thread=1"),
                         "/api/show thread=1")
                validate(S + "show.schema.json#/$defs/queried",
                         get(f"/api/show/{h['id']}?thread=1&query=the&matching=1"), "/api/show query=")
            validate(S + "stats.schema.json", get("/api/stats"), "/api/stats")
            validate(S + "api-health.schema.json", get("/api/health"), "/api/health")
            for path, status in (("/api/search?q=date:xx", 400), ("/api/search?q=x&nosuch=1", 400),
                                 ("/api/search?q=x&limit=abc", 400), ("/api/show/nope", 404), ("/nope", 404)):
                error = get(path, status)
                validate(S + "api-error.schema.json", error, path)
                self.assertEqual(error["status"], status)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=20)
            proc.stderr.close()

    # -- the run covered what it should --------------------------------------

    def test_zz_shapes_were_exercised(self):
        """Runs last (unittest sorts by name): every optional shape was met,
        and every schema file was validated against."""
        wanted = {"relaxed", "corrected", "facets", "more_on_page", "reply", "highlights", "reply tree",
                  "context_only", "thread groups"}
        if not self.archive_db:
            wanted.discard("corrected")
        self.assertEqual(wanted - self.seen, set(), "output shapes no case produced")
        if not self.archive_db:
            self.assertEqual(set(SCHEMAS) - USED, set(), "schema files no output was validated against")


if __name__ == "__main__":
    if ON == "archive" and not os.path.isfile(MAKE_ARCHIVE):
        print(f"SKIPPED: {MAKE_ARCHIVE or 'the shared folder'} is not there (set BYLINE_SHARED)")
        sys.exit(77)
    unittest.main(verbosity=2)
