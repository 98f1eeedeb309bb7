#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and
# runs each for SECONDS (default 30) from seed corpora made at run time from
# corpus/, tests/fixtures/ and fuzz/query_seeds.txt. Prints each target's
# execution count; exits non-zero when a target finds a crash (its input is
# saved as build-fuzz/artifacts/<target>-crash-*: turn it into a regression
# fixture under tests/fixtures/regressions/<parse_page|query>/).
#   fuzz/run.sh [SECONDS]          FUZZ_BUILD_DIR=build-fuzz by default (not BUILD_DIR:
#                                  test.sh exports that for the gcc build)
# FUZZ_SEED (default 1) fixes libFuzzer's random seed, so that the test
# command explores the same inputs in the same order on every machine: a
# finding there is reproducible, never luck. FUZZ_SEED=random draws a new seed
# each run (for long runs by hand, where new ground is the point).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
seed="${FUZZ_SEED:-1}"
seed_flag=()
case "$seed" in
  random) ;;
  '' | *[!0-9]*) echo "fuzz/run.sh: FUZZ_SEED must be a number or 'random', not '$seed'" >&2; exit 2 ;;
  *) seed_flag=(-seed="$seed") ;;
esac
case "$seconds" in '' | *[!0-9]*) echo "fuzz/run.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac
build="${FUZZ_BUILD_DIR:-build-fuzz}"
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz/run.sh: SKIPPED: clang++ and libFuzzer (Debian: clang libclang-rt-14-dev) are not installed" >&2
  exit 77
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBYLINE_FUZZ=ON \
  -DBYLINE_BUILD_TESTS=OFF -DBYLINE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j2 --target parse_page_fuzzer query_fuzzer >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/byline-fuzz-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/parse_page" "$work/query" "$build/artifacts"
cp corpus/*.txt tests/fixtures/pages/* "$work/parse_page/"
[ -d tests/fixtures/regressions/parse_page ] && cp tests/fixtures/regressions/parse_page/* "$work/parse_page/" 2>/dev/null || true
n=0
while IFS= read -r line; do printf '%s' "$line" >"$work/query/seed-$n"; n=$((n + 1)); done <fuzz/query_seeds.txt
[ -d tests/fixtures/regressions/query ] && cp tests/fixtures/regressions/query/* "$work/query/" 2>/dev/null || true

status=0
for target in parse_page query; do
  log="$build/artifacts/$target.log"
  rm -f "$build/artifacts/$target"-*  # a previous run's findings are in its own log
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/${target}_fuzzer" -max_total_time="$seconds" "${seed_flag[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$work/$target" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: ${target}_fuzzer: $runs executions in ${seconds} s (seed $seed), no crash"
  else
    status=1
    echo "fuzz: ${target}_fuzzer FOUND A CRASH (seed $seed; log: $log):" >&2
    # The whole sanitizer report (its stack traces) and the input, base64, so
    # that a finding on a CI machine can be reproduced from its log alone.
    sed -n '/^==[0-9]*==ERROR/,/^SUMMARY/p' "$log" | head -120 >&2
    grep -E 'Test unit written' "$log" >&2 || tail -20 "$log" >&2
    for unit in "$build/artifacts/$target"-*; do
      case "$unit" in *.log) continue ;; esac
      [ -f "$unit" ] && { echo "input $(basename "$unit"), base64:" >&2; base64 -w0 "$unit" >&2; echo >&2; }
    done
  fi
done
exit $status
