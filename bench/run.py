#!/usr/bin/env python3
"""Byline's benchmark harness: indexes one archive with Byline, the SQLite FTS5
peer and the minimal Xapian floor, side by side, and runs the same query list
on each. See BENCHMARKS.md. Standard library only; run it through bench/run.sh.

Every figure is the median over --runs runs; each ratio Byline/peer is computed
within a run (same machine state), then the median of those ratios is taken.
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import report  # noqa: E402  (after the line above)

SKIP = 77  # ctest's conventional "skipped" status


def fail(message, status=1):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(status)


def parse_args():
    p = argparse.ArgumentParser(prog="bench/run.sh", description=__doc__.split("\n\n")[0])
    source = p.add_mutually_exclusive_group()
    source.add_argument("--pages", type=int, default=2000, help="generate an archive of N pages (default 2000)")
    source.add_argument("--archive", help="benchmark this folder of pages instead of generating one")
    p.add_argument("--seed", type=int, default=7, help="make-archive seed (default 7)")
    p.add_argument("--runs", type=int, default=3, help="runs; every figure is their median (default 3)")
    p.add_argument("--queries", type=int, default=300, help="queries in the list (default 300)")
    p.add_argument("--passes", type=int, default=3, help="timed passes over the queries per run (default 3)")
    p.add_argument("--warmup", type=int, default=1, help="untimed warm-up passes per run (default 1)")
    p.add_argument("--out", default="bench-results.json", help="JSON results file (default bench-results.json)")
    p.add_argument("--build", required=True, help="build folder holding cli/byline and bench/bench_*")
    p.add_argument("--source", required=True, help="source tree (for git describe and ../shared)")
    p.add_argument("--engines", default="byline,fts5,floor", help="comma-separated subset of byline,fts5,floor")
    p.add_argument("--check", action="store_true",
                   help="smoke mode: fail unless every engine ran and returned hits")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (archive and indexes)")
    args = p.parse_args()
    for name in ("pages", "runs", "queries", "passes"):
        if getattr(args, name) < 1:
            p.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        p.error("--warmup must not be negative")
    if args.archive and not os.path.isdir(args.archive):
        p.error(f"--archive {args.archive}: not a folder")
    return args


class Tools:
    def __init__(self, build):
        self.byline = os.path.join(build, "cli", "byline")
        bench = os.path.join(build, "bench")
        self.make_queries = os.path.join(bench, "bench_make_queries")
        self.fts5 = os.path.join(bench, "bench_fts5_peer")
        self.floor = os.path.join(bench, "bench_xapian_floor")
        self.byline_query = os.path.join(bench, "bench_byline_query")
        for path in (self.byline, self.make_queries, self.fts5, self.floor, self.byline_query):
            if not os.access(path, os.X_OK):
                fail(f"{path}: not built (configure with -DBYLINE_BUILD_BENCH=ON and build target bench_programs)", 2)


def run_process(cmd, workdir):
    """Runs cmd; returns (wall seconds, peak RSS MB of the child, exit status, stdout, stderr).

    Peak RSS comes from /usr/bin/time (GNU time): a child forked straight from
    Python would inherit Python's own high-water mark across exec."""
    out_path, err_path = os.path.join(workdir, "stdout"), os.path.join(workdir, "stderr")
    rss_path = os.path.join(workdir, "rss")
    timed = ["/usr/bin/time", "-f", "%M", "-o", rss_path] + cmd if os.access("/usr/bin/time", os.X_OK) else cmd
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(timed, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    rss_mb = usage.ru_maxrss / 1024.0
    if timed is not cmd:
        with open(rss_path) as f:
            kib = [line for line in f.read().split("\n") if line.strip().isdigit()]
        rss_mb = int(kib[-1]) / 1024.0 if kib else None
    with open(out_path, encoding="utf-8", errors="replace") as f:
        stdout = f.read()
    with open(err_path, encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    return wall, rss_mb, proc.returncode, stdout, stderr


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {}


def du_bytes(path):
    return int(subprocess.run(["du", "-sb", path], capture_output=True, text=True, check=True).stdout.split()[0])


def byline_capabilities(tools):
    """Which subcommands (and `index --jobs`) this byline has: they land over time."""
    listing = subprocess.run([tools.byline, "--help"], capture_output=True, text=True).stdout
    subcommands = {line.split()[0] for line in listing.splitlines() if line.startswith("  ") and line.split()}
    index_help = subprocess.run([tools.byline, "index", "--help"], capture_output=True, text=True).stdout
    return {"index": "index" in subcommands, "jobs": "index" in subcommands and "--jobs" in index_help,
            "compact": "compact" in subcommands, "search": "search" in subcommands}


class Step:
    """Runs one step of one engine, recording its figures or its failure."""

    def __init__(self, scratch, record):
        self.scratch, self.record = scratch, record

    def __call__(self, name, cmd):
        wall, rss, status, out, err = run_process(cmd, self.scratch)
        if status != 0:
            reason = (err.strip().splitlines() or [f"exit status {status}"])[-1]
            self.record.setdefault("errors", []).append(f"{name}: {reason}")
            return None
        result = last_json(out)
        result["_wall_s"], result["_rss_mb"] = wall, rss
        return result


def index_figures(result, archive_bytes, docs):
    wall = result["_wall_s"]
    return {"index_wall_s": wall, "peak_rss_mb": result["_rss_mb"], "docs": docs,
            "docs_per_s": docs / wall if wall > 0 else None, "input_mb_per_s": archive_bytes / 1e6 / wall}


def query_figures(result):
    figures = {"mean_matches": result["mean_matches"], "zero_match_queries": result["zero_match_queries"],
               "mean_returned": result["mean_returned"], "exact_counts": result["exact_counts"]}
    for mode in ("with_snippets", "without_snippets"):
        for pct in ("p50", "p95", "p99", "mean"):
            figures[f"q_{mode}_{pct}_us"] = result[mode][f"{pct}_us"]
    return figures


def run_byline(tools, caps, archive, archive_bytes, queries, args, work, step, record, jobs=None):
    db = os.path.join(work, "byline.db" if not jobs else f"byline-jobs{jobs}.db")
    cmd = [tools.byline, "--db", db, "index", "--json"] + (["--jobs", str(jobs)] if jobs else []) + [archive]
    result = step("index", cmd)
    if result is None:
        return
    record.update(index_figures(result, archive_bytes, result.get("articles", 0) + result.get("comments", 0)))
    record["size_built_bytes"] = du_bytes(db)
    if caps["compact"]:
        result = step("compact", [tools.byline, "--db", db, "compact"])
        if result is not None:
            record["compact_s"] = result["_wall_s"]
            record["size_compact_bytes"] = du_bytes(db)
    if jobs is None:
        result = step("query", [tools.byline_query, db, queries, "--warmup", str(args.warmup),
                                "--passes", str(args.passes)])
        if result is not None:
            record.update(query_figures(result))
    shutil.rmtree(db, ignore_errors=True)


def run_fts5(tools, archive, archive_bytes, queries, args, work, step, record):
    db = os.path.join(work, "fts5.db")
    result = step("index", [tools.fts5, "index", archive, db])
    if result is None:
        return
    record.update(index_figures(result, archive_bytes, result["docs"]))
    record.update({"parse_s": result["parse_s"], "engine_index_s": result["index_s"]})
    record["size_built_bytes"] = du_bytes(db)
    result = step("compact", [tools.fts5, "compact", db])
    if result is not None:
        record["compact_s"] = result["_wall_s"]
        record["size_compact_bytes"] = du_bytes(db)
    result = step("query", [tools.fts5, "query", db, queries, "--warmup", str(args.warmup),
                            "--passes", str(args.passes)])
    if result is not None:
        record.update(query_figures(result))
    os.remove(db)


def run_floor(tools, archive, archive_bytes, queries, args, work, step, record, query_compacted):
    db = os.path.join(work, "floor.db")
    compacted = db + ".compact"
    result = step("index", [tools.floor, "index", archive, db])
    if result is None:
        return
    record.update(index_figures(result, archive_bytes, result["docs"]))
    record.update({"parse_s": result["parse_s"], "engine_index_s": result["index_s"],
                   "termgen_s": result["termgen_s"], "add_document_s": result["add_document_s"]})
    record["size_built_bytes"] = du_bytes(db)
    result = step("compact", [tools.floor, "compact", db, compacted])
    if result is not None:
        record["compact_s"] = result["_wall_s"]
        record["size_compact_bytes"] = du_bytes(compacted)
    target = compacted if query_compacted and result is not None else db
    result = step("query", [tools.floor, "query", target, queries, "--warmup", str(args.warmup),
                            "--passes", str(args.passes)])
    if result is not None:
        record.update(query_figures(result))
    shutil.rmtree(db, ignore_errors=True)
    shutil.rmtree(compacted, ignore_errors=True)


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "kernel": platform.release(), "python": platform.python_version()}


def git_describe(source):
    r = subprocess.run(["git", "-C", source, "describe", "--always", "--dirty"], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else "unknown"


def make_archive(args, tmp):
    shared = os.environ.get("BYLINE_SHARED") or os.path.join(args.source, "..", "shared")
    tool = os.path.join(shared, "tools", "make-archive")
    if not os.path.exists(tool):
        fail(f"SKIP: {tool} is not present (set BYLINE_SHARED or check out ../shared next to the source)", SKIP)
    archive = os.path.join(tmp, "archive")
    subprocess.run([sys.executable, tool, archive, "--pages", str(args.pages), "--seed", str(args.seed)],
                   check=True, stdout=subprocess.DEVNULL)
    return archive


def archive_size(archive):
    total = 0
    for root, dirs, files in os.walk(archive):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files if f.endswith(".txt") and f[0] != ".")
    return total


def user_command():
    """The command line as typed to bench/run.sh (without the --build/--source it adds)."""
    words, skip = [], False
    for word in sys.argv[1:]:
        if skip or word in ("--build", "--source"):
            skip = not skip
            continue
        words.append(word)
    return " ".join(["bench/run.sh"] + words)


def main():
    args = parse_args()
    tools = Tools(args.build)
    engines = [e for e in args.engines.split(",") if e]
    if not engines or any(e not in ("byline", "fts5", "floor") for e in engines):
        fail(f"--engines: use a subset of byline,fts5,floor (got {args.engines})", 2)
    caps = byline_capabilities(tools)
    revision = git_describe(args.source)  # now: the tree may move while the runs go on
    tmp = tempfile.mkdtemp(prefix="byline-bench-")
    try:
        archive = os.path.abspath(args.archive) if args.archive else make_archive(args, tmp)
        archive_bytes = archive_size(archive)
        queries = os.path.join(tmp, "queries.tsv")
        subprocess.run([tools.make_queries, archive, queries, "--count", str(args.queries)], check=True)
        runs = []
        for run in range(args.runs):
            per_engine = {}
            order = engines[run % len(engines):] + engines[:run % len(engines)]
            for engine in order:
                work = os.path.join(tmp, f"run{run}")
                os.makedirs(work, exist_ok=True)
                record = per_engine.setdefault(engine, {})
                step = Step(work, record)
                if engine == "fts5":
                    run_fts5(tools, archive, archive_bytes, queries, args, work, step, record)
                elif engine == "floor":
                    run_floor(tools, archive, archive_bytes, queries, args, work, step, record,
                              query_compacted=caps["compact"] or "byline" not in engines)
                elif not caps["index"]:
                    record.setdefault("errors", []).append("index: `byline index` does not exist yet")
                else:
                    run_byline(tools, caps, archive, archive_bytes, queries, args, work, step, record)
                    if caps["jobs"]:
                        jobs_record = per_engine.setdefault("byline_jobs1", {})
                        run_byline(tools, caps, archive, archive_bytes, queries, args, work,
                                   Step(work, jobs_record), jobs_record, jobs=1)
                print(f"bench: run {run + 1}/{args.runs}: {engine} done", file=sys.stderr)
            runs.append(per_engine)
        summary = report.summarise(runs)
        results = {"machine": machine(), "git": revision, "byline_capabilities": caps,
                   "command": user_command(),
                   "config": {"archive": args.archive or f"make-archive --pages {args.pages} --seed {args.seed}",
                              "archive_bytes": archive_bytes, "runs": args.runs, "queries": args.queries,
                              "passes": args.passes, "warmup": args.warmup, "engines": engines},
                   "median": summary["median"], "ratios": summary["ratios"], "errors": summary["errors"],
                   "runs": runs}
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)
        print(report.table(results))
        if args.check:
            problems = report.check(results, engines)
            for problem in problems:
                print(f"bench: check failed: {problem}", file=sys.stderr)
            return 1 if problems else 0
        return 0
    finally:
        if args.keep:
            print(f"bench: kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
