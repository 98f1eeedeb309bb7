#!/usr/bin/env bash
# Installs Byline into a temporary prefix, builds examples/ against the
# installed package as an outside project (once with CMake's find_package,
# once with pkg-config), runs both on corpus/ and checks their output.
#   install_and_consume.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -x "$work/prefix/bin/byline"
"$work/prefix/bin/byline" --version

# 1. CMake package.
cmake -S "$source_dir/examples" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/index_and_search" "$work/index-cmake" "$source_dir/corpus" missile defense >"$work/out-cmake.txt"

# 2. pkg-config.
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib/$(gcc -print-multiarch)/pkgconfig"
g++ -std=c++17 -o "$work/pc-example" "$source_dir/examples/index_and_search.cc" \
  $(pkg-config --cflags --libs byline) -Wl,-rpath,"$(pkg-config --variable=libdir byline)"
"$work/pc-example" "$work/index-pc" "$source_dir/corpus" missile defense >"$work/out-pc.txt"

cat "$work/out-cmake.txt"
# Both builds give the same answer, and it is the right one: the seed
# article about the Boston bombing is the top hit for "missile defense".
diff "$work/out-cmake.txt" "$work/out-pc.txt"
grep -q '^indexed [1-9][0-9]* articles' "$work/out-cmake.txt"
sed -n 3p "$work/out-cmake.txt" | grep -q '^1\. \[article\] Boston bombing looms large at U.S./Russia meeting (Elise Labott)$'
echo "install-and-consume: OK"
