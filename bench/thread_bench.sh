#!/usr/bin/env bash
# Thread query benchmark (BENCHMARKS.md, "Thread queries"): p50 of each
# thread query form (on:, discussed:, reply:, tag: and title: on comments,
# --thread) against a plain query of the same words, on the index as
# `byline index` builds it (one shard per core) and compacted into one
# database; then what the terms copied to comments (schema 5) cost in size and
# write time (bench_thread_terms).
#
#   bench/thread_bench.sh BUILD_DIR [PAGES [WORK_DIR [PAIRS]]]
#
# PAGES (default 20000) pages of make-archive --seed 7 (with --truth) are
# generated into WORK_DIR (default: a new temp folder, removed at the end).
# PAIRS: query pairs (default 300), 1 warm-up pass and 3 timed passes.
# Prints the machine load first: measure on a quiet machine.
set -euo pipefail

BUILD=${1:?usage: thread_bench.sh BUILD_DIR [PAGES [WORK_DIR [PAIRS]]]}
PAGES=${2:-20000}
WORK=${3:-}
PAIRS=${4:-300}
BYLINE=$BUILD/cli/byline
QUERY=$BUILD/bench/bench_thread_query
TERMS=$BUILD/bench/bench_thread_terms
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${BYLINE_SHARED:-$HERE/../../shared}
MAKE_ARCHIVE=$SHARED/tools/make-archive
for tool in "$BYLINE" "$QUERY" "$TERMS"; do
  [[ -x $tool ]] || { echo "thread_bench: $tool missing (build bench_thread_query and bench_thread_terms)" >&2; exit 2; }
done
[[ -x $MAKE_ARCHIVE ]] || { echo "thread_bench: no $MAKE_ARCHIVE (set BYLINE_SHARED)" >&2; exit 2; }
if [[ -z $WORK ]]; then
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi

echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# A WORK_DIR that already holds truth.jsonl and db/ from an earlier run is
# reused as it is (indexing 20,000 pages takes minutes on a loaded machine).
if [[ -f $WORK/truth.jsonl && -d $WORK/db ]]; then
  echo "reusing $WORK/db and $WORK/truth.jsonl"
else
  "$MAKE_ARCHIVE" "$WORK/archive" --pages "$PAGES" --seed 7 --truth "$WORK/truth.jsonl" >/dev/null
  start=$(date +%s.%N)
  "$BYLINE" --db "$WORK/db" index "$WORK/archive" >/dev/null
  end=$(date +%s.%N)
  echo "index: $(python3 -c "print(f'{$end - $start:.1f}')") s wall, $(du -sb "$WORK/db" | cut -f1) bytes"
fi

echo "== sharded, as indexed"
"$QUERY" "$WORK/db" "$WORK/truth.jsonl" --count "$PAIRS" --warmup 1 --passes 3 >"$WORK/sharded.json"
# The compacted index is a copy, so that the index as built stays for the next run.
rm -rf "$WORK/db-compacted"
cp -r "$WORK/db" "$WORK/db-compacted"
"$BYLINE" --db "$WORK/db-compacted" compact >/dev/null
echo "== compacted"
"$QUERY" "$WORK/db-compacted" "$WORK/truth.jsonl" --count "$PAIRS" --warmup 1 --passes 3 >"$WORK/compacted.json"
python3 - "$WORK/sharded.json" "$WORK/compacted.json" <<'PY'
import json, sys
for path in sys.argv[1:]:
    r = json.load(open(path))
    print(f"{path.rsplit('/', 1)[-1]}: {r['pairs']} pairs, {r['passes']} passes")
    print("| form | example | thread p50 ms | plain p50 ms | ratio | thread p95 ms | plain p95 ms |")
    for form, f in r["forms"].items():
        ex = r["examples"][form]
        print(f"| {form} | `{ex[0]}` vs `{ex[1]}` | {f['thread']['p50_us'] / 1000:.2f} | {f['plain']['p50_us'] / 1000:.2f} "
              f"| {f['p50_ratio']:.2f}x | {f['thread']['p95_us'] / 1000:.2f} | {f['plain']['p95_us'] / 1000:.2f} |")
PY
echo "load after queries: $(cut -d' ' -f1-3 /proc/loadavg)"

# bench_thread_terms holds every document in memory (several GB for 20,000
# pages): only on small archives.
if ((PAGES <= 2000)); then
  echo "== copied terms"
  "$TERMS" "$WORK/db" "$WORK/terms" | tee "$WORK/terms.json"
  rm -rf "$WORK/terms"
else
  echo "== copied terms: skipped for $PAGES pages (it holds every document in memory; run with PAGES 1000)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
