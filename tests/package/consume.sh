#!/usr/bin/env bash
# Checks an installed Byline under PREFIX (from `cmake --install` or from the
# Debian packages unpacked into a throwaway root) as an outside user would:
#  - `byline --version` names its version, Xapian's and Snowball's;
#  - <byline/byline.h> includes every installed public header;
#  - examples/ builds against the installed headers, once with CMake's
#    find_package and once with pkg-config, and both programs run without
#    LD_LIBRARY_PATH and give the right answer on corpus/.
#   consume.sh PREFIX SOURCE_DIR WORK_DIR
set -euo pipefail
prefix=$1
source_dir=$2
work=$3
mkdir -p "$work"
unset LD_LIBRARY_PATH
fail() { echo "consume: $*" >&2; exit 1; }

version=$(grep -o 'project(byline VERSION [0-9.]*' "$source_dir/CMakeLists.txt" | awk '{print $3}')
test -x "$prefix/bin/byline" || fail "no $prefix/bin/byline"
"$prefix/bin/byline" --version >"$work/version.txt"
grep -qx "byline $version" "$work/version.txt" || fail "--version does not say 'byline $version': $(cat "$work/version.txt")"
grep -Eq '^built with Xapian [0-9]+\.[0-9]+\.[0-9]+, Snowball [0-9]+\.[0-9]+' "$work/version.txt" ||
  fail "--version does not name Xapian's and Snowball's versions: $(cat "$work/version.txt")"

# The umbrella header includes every other public header.
include_dir="$prefix/include/byline"
test -f "$include_dir/byline.h" || fail "no $include_dir/byline.h"
for header in "$include_dir"/*.h; do
  name=$(basename "$header")
  [ "$name" = byline.h ] && continue
  grep -q "#include \"byline/$name\"" "$include_dir/byline.h" || fail "byline/byline.h does not include byline/$name"
done

# 1. CMake package.
cmake -S "$source_dir/examples" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/index_and_search" "$work/index-cmake" "$source_dir/corpus" missile defense >"$work/out-cmake.txt"

# 2. pkg-config: its flags alone must give a program that runs (rpath).
libdir=$(find "$prefix" -name byline.pc -printf '%h\n' | head -1)
test -n "$libdir" || fail "no byline.pc under $prefix"
export PKG_CONFIG_PATH="$libdir"
g++ -std=c++17 -o "$work/pc-example" "$source_dir/examples/index_and_search.cc" $(pkg-config --cflags --libs byline)
"$work/pc-example" "$work/index-pc" "$source_dir/corpus" missile defense >"$work/out-pc.txt"

cat "$work/out-cmake.txt"
# Both builds give the same answer, and it is the right one: the seed
# article about the Boston bombing is the top hit for "missile defense".
diff "$work/out-cmake.txt" "$work/out-pc.txt"
grep -q '^indexed [1-9][0-9]* articles' "$work/out-cmake.txt"
grep -q "^index holds [1-9][0-9]* documents (Byline $version)\$" "$work/out-cmake.txt"
sed -n 4p "$work/out-cmake.txt" | grep -q '^1\. \[article\] Boston bombing looms large at U.S./Russia meeting (Elise Labott)$'
echo "consume $prefix: OK"
