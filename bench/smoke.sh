#!/usr/bin/env bash
# The benchmark harness's smoke run for the default test suite: a small
# archive, one run, one timed pass. It checks that the harness works and that
# every engine (Byline, FTS5, the Xapian floor) indexes the pages and returns
# hits, not how fast they are. Builds nothing.
#   bench/smoke.sh BUILD_DIR SOURCE_DIR
# Exit status 77 (skipped) when ../shared (make-archive) is absent.
set -euo pipefail
build_dir="$1"
source_dir="$2"
out="$(mktemp -d "${TMPDIR:-/tmp}/byline-bench-smoke-XXXXXX")"
trap 'rm -rf "$out"' EXIT
python3 "$source_dir/bench/run.py" --build "$build_dir" --source "$source_dir" \
  --pages 300 --runs 1 --warmup 1 --passes 1 --queries 300 --out "$out/results.json" --check
python3 - "$out/results.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
for engine, figures in results["median"].items():
    print(f"bench smoke: {engine}: {figures.get('docs', 0):.0f} docs, "
          f"{figures.get('mean_matches', 0):.1f} matches/query, {figures.get('zero_match_queries', 0):.0f} with none")
PY
