#!/usr/bin/env bash
# The server's load benchmark (BENCHMARKS.md, "Serve"): a generated archive,
# half indexed first, `byline serve` on a free loopback port, then
# bench_serve_load: N clients for S seconds in-process, over HTTP, and over
# HTTP while `byline index` adds the other half. Uses an existing build with
# -DBYLINE_BUILD_BENCH=ON ($BYLINE_BUILD_DIR, else build/).
#   bench/serve_load.sh [--pages 2000] [--clients 4] [--seconds 10] [--queries 300]
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build="${BYLINE_BUILD_DIR:-$source_dir/build}"
pages=2000 clients=4 seconds=10 queries=300
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done
shared="${BYLINE_SHARED:-$source_dir/../shared}"
[ -x "$shared/tools/make-archive" ] || { echo "SKIP: $shared/tools/make-archive is not present (set BYLINE_SHARED)" >&2; exit 77; }
byline="$build/cli/byline"
tmp="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
half=$((pages / 2))
python3 "$shared/tools/make-archive" "$tmp/first" --pages "$half" --seed 7 >/dev/null
python3 "$shared/tools/make-archive" "$tmp/second" --pages "$((pages - half))" --seed 7 --start "$half" >/dev/null
"$byline" --db "$tmp/index" index "$tmp/first" >/dev/null 2>&1
"$build/bench/bench_make_queries" "$tmp/first" "$tmp/queries.tsv" --count "$queries" >/dev/null
"$byline" --db "$tmp/index" serve --port 0 2>"$tmp/serve.err" &
server=$!
for _ in $(seq 100); do grep -q "http://" "$tmp/serve.err" && break; sleep 0.1; done
port="$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.err")"
[ -n "$port" ] || { echo "bench: byline serve did not start: $(cat "$tmp/serve.err")" >&2; exit 1; }
echo "bench: $pages pages ($half indexed, $((pages - half)) added during the last phase), $clients clients, ${seconds}s per phase, $(nproc) cores" >&2
"$build/bench/bench_serve_load" "$tmp/index" "$tmp/queries.tsv" "$port" --clients "$clients" --seconds "$seconds" \
  --writer-pages "$tmp/second" --byline "$byline"
kill -TERM "$server"
wait "$server" && echo "bench: byline serve stopped with exit 0" >&2
server=""
