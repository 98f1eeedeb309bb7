#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (ctest over
# Catch2), ending with ctest's summary.
#   ./test.sh              the default suite
#   ./test.sh --sanitize   the same suite built with ASan + UBSan (build-asan/)
#   ./test.sh --tsan       the multi-threaded tests built with ThreadSanitizer (build-tsan/)
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
    ctest_args+=(-R "threads|concurren")
    shift ;;
esac
export BUILD_DIR="${BUILD_DIR:-build}"
scripts/build.sh "${cmake_args[@]}"
cd "$BUILD_DIR"
exec ctest --output-on-failure -j "$(nproc)" "${ctest_args[@]}" "$@"
