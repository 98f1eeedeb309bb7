#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (ctest over
# Catch2), ending with ctest's summary.
#   ./test.sh              the default suite
#   ./test.sh --sanitize   the same suite built with ASan + UBSan (build-asan/)
#   ./test.sh --tsan       the multi-threaded tests built with ThreadSanitizer (build-tsan/)
# The default suite also runs fuzz/run.sh (each fuzzer 30 s; BYLINE_FUZZ_SECONDS=0 skips it).
# Further arguments go to ctest (e.g. -R parser).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake_args=(-DBYLINE_BUILD_TESTS=ON)
ctest_args=()
case "${1:-}" in
  --sanitize)
    export BUILD_DIR=build-asan BUILD_TYPE=RelWithDebInfo
    cmake_args+=(-DBYLINE_SANITIZE=address,undefined)
    shift ;;
  --tsan)
    export BUILD_DIR=build-tsan BUILD_TYPE=RelWithDebInfo
    cmake_args+=(-DBYLINE_SANITIZE=thread)
    # Every test that runs more than one thread (in the test or in the
    # binary it starts): readers and writers at once, parallel index runs,
    # shard fetch workers, the server (a thread pool).
    ctest_args+=(-R "threads|concurren|at once|parallel|worker|fetch connection|--jobs|readers|writer|^server:")
    # Not the test whose 5 ms budget expires: Xapian's Enquire::set_time_limit arms a
    # timer_create(SIGEV_THREAD) timer, whose helper thread glibc starts
    # behind TSan's back, and TSan's runtime segfaults in it at the first
    # malloc (google/sanitizers#1612). The default build runs that test.
    ctest_args+=(-E "the time budget cuts")
    # Every TSan report of every process (the test binaries and the byline
    # binaries they start, whose stderr a test may not read) goes to a file
    # here; any file there fails the run below.
    tsan_reports="$(mktemp -d "${TMPDIR:-/tmp}/byline-tsan.XXXXXX")"
    export TSAN_OPTIONS="log_path=$tsan_reports/report ${TSAN_OPTIONS:-}"
    shift ;;
esac
export BUILD_DIR="${BUILD_DIR:-build}"
scripts/build.sh "${cmake_args[@]}"
root="$(pwd)"
cd "$BUILD_DIR"
status=0
ctest --output-on-failure -j "$(nproc)" "${ctest_args[@]}" "$@" || status=$?
if [ -n "${tsan_reports:-}" ]; then
  if compgen -G "$tsan_reports/report*" >/dev/null; then
    echo "test.sh: ThreadSanitizer reported (the reports follow; kept in $tsan_reports):" >&2
    cat "$tsan_reports"/report* >&2
    status=1
  else
    echo "test.sh: no ThreadSanitizer report from any process"
    rm -rf "$tsan_reports"
  fi
fi
# The default suite (no options) then fuzzes each libFuzzer target for
# BYLINE_FUZZ_SECONDS (default 30; 0 skips) with ASan + UBSan: fuzz/run.sh.
if [ "$BUILD_DIR" = build ] && [ $# -eq 0 ] && [ "${BYLINE_FUZZ_SECONDS:-30}" != 0 ]; then
  "$root/fuzz/run.sh" "${BYLINE_FUZZ_SECONDS:-30}" || { rc=$?; [ $rc -eq 77 ] || status=$rc; }
fi
exit $status
