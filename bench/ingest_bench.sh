#!/usr/bin/env bash
# Ingest benchmark (BENCHMARKS.md, "Ingest"; issue 18 wants HTML within 2x
# of text): `byline index` of the same make-archive pages as text pages, as
# saved HTML pages (tests/tools/html_archive.py, four layouts in turn) and as
# one .warc.gz of those HTML pages, in the same run. Each side is indexed
# RUNS times into a fresh database, the sides interleaved (text, html, warc,
# text, ...) so that a change in the machine's load hits all three alike; the
# median wall time of each is reported with its ratio to text.
#
#   bench/ingest_bench.sh BUILD_DIR [PAGES [WORK_DIR [RUNS]]]
#
# PAGES (default 5000) pages of make-archive --seed 7 (with --truth) are
# generated into WORK_DIR (default: a new temp folder, removed at the end).
# RUNS defaults to 3. The document counts of the three sides must agree, or
# the script fails: a faster side that indexed less would be no result.
# Prints the machine load first: measure on a quiet machine.
set -euo pipefail

BUILD=${1:?usage: ingest_bench.sh BUILD_DIR [PAGES [WORK_DIR [RUNS]]]}
PAGES=${2:-5000}
WORK=${3:-}
RUNS=${4:-3}
BYLINE=$BUILD/cli/byline
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${BYLINE_SHARED:-$HERE/../../shared}
MAKE_ARCHIVE=$SHARED/tools/make-archive
HTML_ARCHIVE=$HERE/../tests/tools/html_archive.py
[[ -x $BYLINE ]] || { echo "ingest_bench: $BYLINE missing (build byline_cli)" >&2; exit 2; }
[[ -x $MAKE_ARCHIVE ]] || { echo "ingest_bench: no $MAKE_ARCHIVE (set BYLINE_SHARED)" >&2; exit 2; }
if [[ -z $WORK ]]; then
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi

echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$MAKE_ARCHIVE" "$WORK/text" --pages "$PAGES" --seed 7 --truth "$WORK/truth.jsonl" >/dev/null
python3 "$HTML_ARCHIVE" "$WORK/truth.jsonl" "$WORK/html" --warc "$WORK/pages.warc.gz" 2>/dev/null
echo "pages: $PAGES; text $(du -sb "$WORK/text" | cut -f1) bytes, html $(du -sb "$WORK/html" | cut -f1) bytes," \
  "warc.gz $(stat -c %s "$WORK/pages.warc.gz") bytes"

# One timed index into a fresh database: appends "side seconds articles comments".
index_once() {
  local side=$1 input=$2 db=$WORK/db-$1
  rm -rf "$db"
  local start end summary
  start=$(date +%s.%N)
  summary=$("$BYLINE" --db "$db" index --json "$input")
  end=$(date +%s.%N)
  python3 - "$side" "$start" "$end" "$summary" >>"$WORK/times" <<'PY'
import json, sys
side, start, end, s = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
print(side, f"{end - start:.3f}", s["articles"], s["comments"])
PY
  rm -rf "$db"
}
: >"$WORK/times"
for run in $(seq "$RUNS"); do
  index_once text "$WORK/text"
  index_once html "$WORK/html"
  index_once warc "$WORK/pages.warc.gz"
  echo "run $run done; load: $(cut -d' ' -f1-3 /proc/loadavg)"
done

python3 - "$WORK/times" <<'PY'
import statistics, sys
runs = {}
counts = {}
for line in open(sys.argv[1]):
    side, secs, articles, comments = line.split()
    runs.setdefault(side, []).append(float(secs))
    counts.setdefault(side, set()).add((int(articles), int(comments)))
for side, c in counts.items():
    if len(c) != 1 or c != counts["text"]:
        sys.exit(f"ingest_bench: {side} indexed {sorted(c)} (articles, comments), text {sorted(counts['text'])}")
articles, comments = next(iter(counts["text"]))
print(f"documents per side: {articles} articles + {comments} comments")
base = statistics.median(runs["text"])
print("| input | runs (s) | median s | docs/s | ratio to text |")
print("|---|---|---|---|---|")
for side in ("text", "html", "warc"):
    med = statistics.median(runs[side])
    shown = ", ".join(f"{t:.2f}" for t in runs[side])
    print(f"| {side} | {shown} | {med:.2f} | {(articles + comments) / med:.0f} | {med / base:.2f}x |")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
