#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and
# runs them. Targets: parse_page html query query_snippet jsonl stub warc (fuzz/CMakeLists.txt).
#
#   fuzz/run.sh [SECONDS]                  the short run of ./test.sh: every target SECONDS
#                                          (default 30) from the committed seeds, libFuzzer
#                                          seed FUZZ_SEED (default 1): a finding there is
#                                          reproducible on every machine, never luck
#   fuzz/run.sh --long MINUTES [TARGET...] a long run by hand: each target (default all, one
#                                          after the other) MINUTES, a random seed (unless
#                                          FUZZ_SEED is set), and a working corpus kept in
#                                          build-fuzz/corpus/TARGET/ that grows from run to run
#
# Seeds: fuzz/corpus/TARGET/ (committed: seed inputs and every crash input
# found so far, which ctest replays as regression tests), plus corpus/ and
# tests/fixtures/pages/ for parse_page, fuzz/corpus/query/ for query_snippet.
# Each target's log is build-fuzz/artifacts/TARGET.log; the last lines
# printed per target give executions, libFuzzer's coverage figures (cov:
# edges covered, ft: features) and the corpus size, for RELIABILITY.md.
# Exits non-zero when a target finds a crash: its input is saved as
# build-fuzz/artifacts/TARGET-crash-* (and printed in base64); fix the bug and
# add the input to fuzz/corpus/TARGET/ as a regression.
# FUZZ_BUILD_DIR=build-fuzz by default (not BUILD_DIR: test.sh exports that for the gcc build).
set -euo pipefail
cd "$(dirname "$0")/.."
all_targets=(parse_page html query query_snippet jsonl stub warc)
usage() { echo "usage: fuzz/run.sh [SECONDS] | fuzz/run.sh --long MINUTES [TARGET...]" >&2; exit 2; }
whole_number() { case "$1" in '' | *[!0-9]*) return 1 ;; esac; }

long=false
if [ "${1:-}" = --long ]; then
  long=true
  minutes="${2:-}"
  whole_number "$minutes" && [ "$minutes" -gt 0 ] || { echo "fuzz/run.sh: --long needs a number of minutes, not '${minutes}'" >&2; usage; }
  seconds=$((minutes * 60))
  shift 2
  targets=("$@")
  [ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
  for t in "${targets[@]}"; do
    case " ${all_targets[*]} " in *" $t "*) ;; *) echo "fuzz/run.sh: no target '$t' (targets: ${all_targets[*]})" >&2; exit 2 ;; esac
  done
  seed="${FUZZ_SEED:-random}"
else
  seconds="${1:-30}"
  whole_number "$seconds" || { echo "fuzz/run.sh: SECONDS must be a whole number, not '$seconds'" >&2; usage; }
  [ $# -le 1 ] || usage
  targets=("${all_targets[@]}")
  seed="${FUZZ_SEED:-1}"
fi
seed_flag=()
case "$seed" in
  random) ;;
  '' | *[!0-9]*) echo "fuzz/run.sh: FUZZ_SEED must be a number or 'random', not '$seed'" >&2; exit 2 ;;
  *) seed_flag=(-seed="$seed") ;;
esac

build="${FUZZ_BUILD_DIR:-build-fuzz}"
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz/run.sh: SKIPPED: clang++ and libFuzzer (Debian: clang libclang-rt-14-dev) are not installed" >&2
  exit 77
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBYLINE_FUZZ=ON \
  -DBYLINE_BUILD_TESTS=OFF -DBYLINE_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
binaries=()
for t in "${targets[@]}"; do binaries+=("${t}_fuzzer"); done
cmake --build "$build" -j2 --target "${binaries[@]}" >/dev/null

# The seed folders of a target (read by libFuzzer, never written).
seed_dirs() {
  case "$1" in
    parse_page) echo corpus tests/fixtures/pages fuzz/corpus/parse_page ;;
    html) echo tests/fixtures/html fuzz/corpus/html ;;
    query_snippet) echo fuzz/corpus/query fuzz/corpus/query_snippet ;;
    *) echo "fuzz/corpus/$1" ;;
  esac
}
# Extra libFuzzer options of a target.
target_flags() {
  case "$1" in
    parse_page) echo -max_len=65536 ;;
    html) echo -dict=fuzz/html.dict -max_len=65536 ;;
    query | query_snippet) echo -dict=fuzz/query.dict -max_len=4096 ;;
    jsonl) echo -dict=fuzz/jsonl.dict -max_len=16384 ;;
    stub) echo -dict=fuzz/stub.dict -max_len=4096 ;;
    warc) echo -dict=fuzz/warc.dict -max_len=65536 ;;
  esac
}

work="$(mktemp -d "${TMPDIR:-/tmp}/byline-fuzz-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"

status=0
for target in "${targets[@]}"; do
  if $long; then
    corpus="$build/corpus/$target"  # kept: a long run starts where the last one ended
  else
    corpus="$work/$target"
  fi
  mkdir -p "$corpus"
  log="$build/artifacts/$target.log"
  rm -f "$build/artifacts/$target"-crash-* "$build/artifacts/$target"-leak-* "$build/artifacts/$target"-timeout-* \
    "$build/artifacts/$target"-oom-*  # a previous run's findings are in its own log
  # shellcheck disable=SC2046
  if ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=fuzz/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/${target}_fuzzer" -max_total_time="$seconds" "${seed_flag[@]}" -timeout=10 -rss_limit_mb=2048 \
      $(target_flags "$target") -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
      "$corpus" $(seed_dirs "$target") >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    # The last status line: "#N DONE cov: C ft: F corp: U/SIZE exec/s: E rss: R".
    figures=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE '(cov|ft|corp|exec/s): [^ ]+' | tr '\n' ' ' || true)
    echo "fuzz: ${target}_fuzzer: $runs executions in ${seconds} s (seed $seed), no crash; ${figures% }"
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
