#!/usr/bin/env bash
# Byline's benchmark: Byline vs the SQLite FTS5 peer vs the minimal Xapian
# floor on one generated archive (see BENCHMARKS.md). Builds nothing: it uses
# the programs of an existing build folder (configured with
# -DBYLINE_BUILD_BENCH=ON), $BYLINE_BUILD_DIR or else build-bench/ or build/.
#   bench/run.sh [--pages N | --archive DIR] [--runs 3] [--queries 300] [--out results.json]
# `bench/run.sh --help` lists every option.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${BYLINE_BUILD_DIR:-}"
if [ -z "$build_dir" ]; then
  for candidate in build-bench build; do
    if [ -x "$source_dir/$candidate/bench/bench_fts5_peer" ]; then
      build_dir="$source_dir/$candidate"
      break
    fi
  done
fi
if [ -z "$build_dir" ]; then
  echo "bench: no build with the bench programs: configure with -DBYLINE_BUILD_BENCH=ON, build, or set BYLINE_BUILD_DIR" >&2
  exit 2
fi
exec python3 "$source_dir/bench/run.py" --build "$build_dir" --source "$source_dir" "$@"
