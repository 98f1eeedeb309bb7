#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (ctest over
# Catch2), ending with ctest's summary.
#   ./test.sh              the default suite
#   ./test.sh --sanitize   the same suite built with ASan + UBSan (build-asan/)
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake_args=(-DBYLINE_BUILD_TESTS=ON)
if [ "${1:-}" = "--sanitize" ]; then
  export BUILD_DIR=build-asan BUILD_TYPE=RelWithDebInfo
  cmake_args+=(-DBYLINE_SANITIZE=ON)
  shift
fi
export BUILD_DIR="${BUILD_DIR:-build}"
scripts/build.sh "${cmake_args[@]}"
cd "$BUILD_DIR"
exec ctest --output-on-failure -j "$(nproc)" "$@"
