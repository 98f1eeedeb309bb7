#!/usr/bin/env bash
# The questions benchmark's smoke run for the default test suite: 300 pages,
# 30 questions. It checks that bench_questions builds both indexes and ranks
# with both engines (answers found, figures in [0, 1]), not how well.
#   bench/questions_smoke.sh BUILD_DIR SOURCE_DIR
# Exit status 77 (skipped) when make-archive ($BYLINE_SHARED or ../shared) is absent.
set -euo pipefail
build_dir="$1"
source_dir="$2"
shared="${BYLINE_SHARED:-$source_dir/../shared}"
if [ ! -x "$shared/tools/make-archive" ]; then
  echo "SKIP: $shared/tools/make-archive is not present (set BYLINE_SHARED or check out ../shared next to the source)"
  exit 77
fi
out="$(mktemp -d "${TMPDIR:-/tmp}/byline-questions-smoke-XXXXXX")"
trap 'rm -rf "$out"' EXIT
BYLINE_BUILD_DIR="$build_dir" BYLINE_SHARED="$shared" "$source_dir/bench/questions.sh" 300 30 "$out/run" >"$out/results.json"
python3 - "$out/results.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
assert results["questions"] == 30, results["questions"]
for engine in ("byline", "fts5_bm25_or"):
    figures = results[engine]
    assert 0 < figures["mrr_at_10"] <= 1 and 0 < figures["ndcg_at_10"] <= 1, (engine, figures)
    print(f"questions smoke: {engine}: MRR@10 {figures['mrr_at_10']:.3f}, nDCG@10 {figures['ndcg_at_10']:.3f}")
PY
