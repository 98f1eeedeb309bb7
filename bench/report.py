"""Aggregates the runs of bench/run.py (medians, per-run ratios) and prints them
as a Markdown table (the form BENCHMARKS.md records)."""
import statistics

# "byline" runs with its defaults (one job and one shard per core); "byline_jobs1"
# indexes the same archive on one thread, so that the parallel speed-up and the
# one-thread overhead over the (one-thread) floor come from the same run.
ENGINES = [("byline", "Byline"), ("byline_jobs1", "Byline --jobs 1"), ("fts5", "FTS5"), ("floor", "Xapian floor")]
# (numerator, denominator, label): ratios computed per run, then their median.
PEERS = [("byline", "fts5", "Byline/FTS5"), ("byline", "floor", "Byline/floor"),
         ("byline", "byline_jobs1", "Byline/Byline --jobs 1"), ("byline_jobs1", "floor", "Byline --jobs 1/floor")]

# (key, label, scale, format); sizes are shown in MB (10^6 bytes).
METRICS = [
    ("docs", "documents indexed (articles + comments)", 1, "{:,.0f}"),
    ("index_wall_s", "indexing wall time, s (whole process, incl. parsing)", 1, "{:.2f}"),
    ("parse_s", "  of which parsing pages (Byline's parser), s", 1, "{:.2f}"),
    ("docs_per_s", "docs/s (docs / wall time)", 1, "{:,.0f}"),
    ("input_mb_per_s", "input MB/s (page bytes / wall time)", 1, "{:.2f}"),
    ("peak_rss_mb", "peak RSS while indexing, MB", 1, "{:.1f}"),
    ("size_built_bytes", "index size as built, MB (du -sb)", 1e-6, "{:.1f}"),
    ("compact_s", "compact / optimize+VACUUM time, s", 1, "{:.2f}"),
    ("size_compact_bytes", "index size after compact / optimize+VACUUM, MB", 1e-6, "{:.1f}"),
    ("q_with_snippets_p50_us", "query p50, µs (top 10 + snippets)", 1, "{:,.0f}"),
    ("q_with_snippets_p95_us", "query p95, µs (top 10 + snippets)", 1, "{:,.0f}"),
    ("q_with_snippets_p99_us", "query p99, µs (top 10 + snippets)", 1, "{:,.0f}"),
    ("q_with_snippets_mean_us", "query mean, µs (top 10 + snippets)", 1, "{:,.0f}"),
    ("q_without_snippets_p50_us", "query p50, µs (top 10, no snippets)", 1, "{:,.0f}"),
    ("q_without_snippets_p99_us", "query p99, µs (top 10, no snippets)", 1, "{:,.0f}"),
    ("mean_matches", "mean matches per query (exact count)", 1, "{:,.1f}"),
    ("zero_match_queries", "queries with 0 matches", 1, "{:.0f}"),
    ("mean_returned", "mean hits returned per query (max 10)", 1, "{:.2f}"),
]


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def summarise(runs):
    engines = sorted({engine for run in runs for engine in run})
    median, ratios, errors = {}, {}, {}
    for engine in engines:
        median[engine] = {}
        for key, *_ in METRICS:
            values = [run[engine][key] for run in runs if engine in run and _number(run[engine].get(key))]
            if values:
                median[engine][key] = statistics.median(values)
        errors[engine] = sorted({e for run in runs for e in run.get(engine, {}).get("errors", [])})
    for engine, peer, label in PEERS:
        ratios[label] = {}
        for key, *_ in METRICS:
            values = []
            for run in runs:
                b, p = run.get(engine, {}).get(key), run.get(peer, {}).get(key)
                if _number(b) and _number(p) and p != 0:
                    values.append(b / p)
            if values:
                ratios[label][key] = statistics.median(values)
    return {"median": median, "ratios": ratios, "errors": {k: v for k, v in errors.items() if v}}


def table(results):
    median, ratios = results["median"], results["ratios"]
    engines = [(key, label) for key, label in ENGINES if key in median]
    peers = [label for engine, peer, label in PEERS if peer in median and engine in median]
    header = ["metric"] + [label for _, label in engines] + peers
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key, label, scale, fmt in METRICS:
        cells = [label]
        for engine, _ in engines:
            value = median[engine].get(key)
            cells.append(fmt.format(value * scale) if value is not None else "–")
        for peer in peers:
            value = ratios[peer].get(key)
            cells.append(f"{value:.2f}" if value is not None else "–")
        lines.append("| " + " | ".join(cells) + " |")
    cfg = results["config"]
    notes = [f"\n`{results['command']}`: {cfg['archive']}: {cfg['archive_bytes'] / 1e6:.1f} MB of pages; medians of {cfg['runs']} run(s); "
             f"{cfg['queries']} queries, {cfg['warmup']} warm-up + {cfg['passes']} timed pass(es) per run; "
             f"ratios are A/B per run, then the median (lower is better, except docs/s, MB/s "
             f"and matches); git {results['git']}; {results['machine']['nproc']} x {results['machine']['cpu']}"]
    for engine, problems in results["errors"].items():
        notes.append(f"{engine}: " + "; ".join(problems))
    return "\n".join(lines + notes)


def check(results, engines):
    """Smoke checks: every engine indexed documents, answered every query run, and found hits."""
    problems = []
    for engine in engines:
        figures = results["median"].get(engine, {})
        for error in results["errors"].get(engine, []):
            problems.append(f"{engine}: {error}")
        if not figures.get("docs"):
            problems.append(f"{engine}: indexed no documents")
        if not figures.get("mean_matches"):
            problems.append(f"{engine}: queries matched nothing")
        if not figures.get("mean_returned"):
            problems.append(f"{engine}: queries returned no hits")
    return problems
