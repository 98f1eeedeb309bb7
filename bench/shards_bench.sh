#!/usr/bin/env bash
# Sharding benchmark (BENCHMARKS.md, "Shards"): indexing speed with --jobs 1
# and --jobs 2, and query latency over one compacted index, two local shards
# and two loopback remote shards (xapian-tcpsrv), with the same queries; the
# remote shards also with the hits' documents read one at a time
# (BYLINE_REMOTE_FETCH_CONNECTIONS=0), for comparison.
#
#   bench/shards_bench.sh BUILD_DIR [ARCHIVE [WORK_DIR [QUERIES]]]
#
# ARCHIVE defaults to /tmp/arch20k (make-archive /tmp/arch20k --pages 20000
# --seed 7), read-only. WORK_DIR (default: a new temp folder, removed at the
# end) holds the indexes. QUERIES: how many queries (default 200), each run
# with 1 warm-up pass and 3 timed passes, top 10 with 200-char snippets.
# Prints the machine load first: measure on a quiet machine.
set -euo pipefail

BUILD=${1:?usage: shards_bench.sh BUILD_DIR [ARCHIVE [WORK_DIR [QUERIES]]]}
ARCHIVE=${2:-/tmp/arch20k}
WORK=${3:-}
COUNT=${4:-200}
BYLINE=$BUILD/cli/byline
MAKE_QUERIES=$BUILD/bench/bench_make_queries
QUERY=$BUILD/bench/bench_byline_query
for tool in "$BYLINE" "$MAKE_QUERIES" "$QUERY"; do
  [[ -x $tool ]] || { echo "shards_bench: $tool missing (build the bench_programs target)" >&2; exit 2; }
done
command -v xapian-tcpsrv >/dev/null || { echo "shards_bench: xapian-tcpsrv missing (apt install xapian-tools)" >&2; exit 2; }
[[ -d $ARCHIVE ]] || { echo "shards_bench: no archive at $ARCHIVE" >&2; exit 2; }
if [[ -z $WORK ]]; then
  WORK=$(mktemp -d)
  CLEAN_WORK=1
fi
SERVERS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n ${CLEAN_WORK:-} ]] && rm -rf "$WORK"
  return 0
}
trap cleanup EXIT

echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "archive: $ARCHIVE ($(find "$ARCHIVE" -type f -name '*.txt' | wc -l) pages)"

# Indexing: wall time (process start to exit) and documents per second.
index_run() {
  local jobs=$1 db=$2
  rm -rf "$db"
  local start end summary
  start=$(date +%s.%N)
  summary=$("$BYLINE" --db "$db" index --jobs "$jobs" --json "$ARCHIVE")
  end=$(date +%s.%N)
  python3 - "$jobs" "$start" "$end" "$summary" <<'PY'
import json, sys
jobs, start, end, summary = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
wall = end - start
docs = summary["articles"] + summary["comments"]
print(f"index --jobs {jobs}: {wall:.2f} s wall, {docs} docs, {docs / wall:.0f} docs/s")
PY
  echo "$start $end" >"$db.time"
}
index_run 1 "$WORK/jobs1"
index_run 2 "$WORK/jobs2"
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
t = [float(b) - float(a) for a, b in (open(f"{w}/jobs{j}.time").read().split() for j in (1, 2))]
print(f"speed-up --jobs 2 over --jobs 1: {t[0] / t[1]:.2f}x")
PY
echo "load after indexing: $(cut -d' ' -f1-3 /proc/loadavg)"

# Queries first on the two shards as indexed, then all compacted: the single
# index merged into one, the shards each on its own (compact --keep-shards).
"$MAKE_QUERIES" "$ARCHIVE" "$WORK/queries.jsonl" --count "$COUNT" >/dev/null
"$QUERY" "$WORK/jobs2" "$WORK/queries.jsonl" --warmup 1 --passes 3 >"$WORK/jobs2-raw.query.json"
"$BYLINE" --db "$WORK/jobs1" compact
"$BYLINE" --db "$WORK/jobs2" compact --keep-shards

# Two loopback shard servers over the --jobs 2 shards, and a stub naming them.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
FRONT=$WORK/front
rm -rf "$FRONT"
for shard in $(sed -n 's/^auto //p' "$WORK/jobs2/XAPIANDB"); do
  port=$(free_port)
  # Its own session: xapian-tcpsrv signals its process group when stopped.
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$WORK/jobs2/$shard" >/dev/null 2>&1 &
  SERVERS+=($!)
  "$BYLINE" --db "$FRONT" shards add "tcp://127.0.0.1:$port"
done
for attempt in $(seq 50); do
  "$BYLINE" --db "$FRONT" shards list >/dev/null 2>&1 && break
  sleep 0.2
done

for name in jobs1 jobs2 front; do
  "$QUERY" "$WORK/$name" "$WORK/queries.jsonl" --warmup 1 --passes 3 >"$WORK/$name.query.json"
done
# The same remote shards with the hits' documents read one at a time on the
# main connection (as before the fetch connections; document_fetch.h).
BYLINE_REMOTE_FETCH_CONNECTIONS=0 "$QUERY" "$FRONT" "$WORK/queries.jsonl" --warmup 1 --passes 3 \
  >"$WORK/front-serial.query.json"
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
label = {"jobs1": "1 compacted index", "jobs2-raw": "2 local shards, as indexed", "jobs2": "2 local shards, compacted",
         "front": "2 remote shards, compacted", "front-serial": "  the same, documents 1 by 1"}
r = {n: json.load(open(f"{w}/{n}.query.json")) for n in label}
base = r["jobs1"]["with_snippets"]["p50_us"]
for n, text in label.items():
    s = r[n]["with_snippets"]
    print(f"{text:27s} p50 {s['p50_us'] / 1000:.3f} ms  p95 {s['p95_us'] / 1000:.3f} ms  "
          f"({s['p50_us'] / base:.2f}x the compacted p50; {r[n]['docs']} docs, mean matches {r[n]['mean_matches']:.1f})")
PY
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
