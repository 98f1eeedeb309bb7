#!/usr/bin/env bash
# Installs Byline into a temporary prefix with `cmake --install`, then checks
# the installed package as an outside user would (tests/package/consume.sh):
# the binary, the umbrella header, and examples/ built with CMake's
# find_package and with pkg-config, run without LD_LIBRARY_PATH.
#   install_and_consume.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
"$source_dir/tests/package/consume.sh" "$work/prefix" "$source_dir" "$work/consume"
echo "install-and-consume: OK"
