#!/usr/bin/env bash
# The ranking of questions (issue 14 point 6): Byline against SQLite FTS5 on
# the same pages, MRR@10 and nDCG@10 in one run (BENCHMARKS.md "Questions").
# Builds nothing: uses bench_questions from $BYLINE_BUILD_DIR, else build/.
#   bench/questions.sh [PAGES] [QUESTIONS] [WORK]     (defaults 10000 300 /tmp/byline-questions)
# make-archive comes from $BYLINE_SHARED (default ../shared next to the repo).
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${BYLINE_BUILD_DIR:-$source_dir/build}"
shared="${BYLINE_SHARED:-$source_dir/../shared}"
pages="${1:-10000}"
questions="${2:-300}"
work="${3:-/tmp/byline-questions}"
program="$build_dir/bench/bench_questions"
if [ ! -x "$program" ]; then
  echo "bench: $program is missing: configure with -DBYLINE_BUILD_BENCH=ON and build bench_questions" >&2
  exit 2
fi
if [ ! -x "$shared/tools/make-archive" ]; then
  echo "bench: no make-archive under $shared/tools (set BYLINE_SHARED)" >&2
  exit 2
fi
rm -rf "$work"
mkdir -p "$work"
# Reuters articles with a few comments each (noise documents that share words).
"$shared/tools/make-archive" "$work/pages" --pages "$pages" --seed 7 --max-comments 5 \
  --truth "$work/truth.jsonl" >/dev/null
exec "$program" "$work/pages" "$work/truth.jsonl" "$work/work" --questions "$questions" --seed 1
