#!/usr/bin/env bash
# Builds the Debian packages from BUILD_DIR with `cpack -G DEB` (into a
# temporary folder), and checks them as apt would see them and as a user of
# the installed files would:
#  - byline, libbyline-dev (and python3-byline when the module is built) are
#    named <package>_<version>_<arch>.deb, with the version of CMakeLists.txt;
#  - each holds exactly what `cmake --install --component` installs for its
#    component (so every install rule, man pages and completions included,
#    lands in a package), under /usr;
#  - Depends were computed (libxapian30, libstemmer0d, ...), name packages
#    installed here, and tie the others to byline (= version);
#  - unpacked into a throwaway root (dpkg -x), the binary runs from there
#    without LD_LIBRARY_PATH, on the root's libbyline, and indexes and
#    searches corpus/; the Python module imports from there and searches; the
#    example program builds against the root's headers with find_package and
#    with pkg-config and runs (tests/package/consume.sh).
#   debian_packages.sh BUILD_DIR SOURCE_DIR [PYTHON_INSTALL_DIR]
# (PYTHON_INSTALL_DIR: where the Python module installs under the prefix,
# when it is built; then python3-byline is checked too, with $BYLINE_PYTHON.)
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
python_dir=${3:-}
python=${BYLINE_PYTHON:-/usr/bin/python3}  # the Python the module was built for
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset LD_LIBRARY_PATH PYTHONPATH
fail() { echo "debian-packages: $*" >&2; exit 1; }
# The package names in a .deb's Depends, one a line.
depends_names() { dpkg-deb -f "$1" Depends | tr ',|' '\n\n' | sed 's/(.*)//; s/ //g' | grep . | sort -u; }

version=$(grep -o 'project(byline VERSION [0-9.]*' "$source_dir/CMakeLists.txt" | awk '{print $3}')
arch=$(dpkg --print-architecture)
packages=(byline libbyline-dev)
components=(runtime dev)
if [ -n "$python_dir" ]; then
  packages+=(python3-byline)
  components+=(python)
fi

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
ln -s "$work/cpack" "$work/out"

for i in "${!packages[@]}"; do
  package=${packages[$i]}
  deb="$work/out/${package}_${version}_${arch}.deb"
  test -f "$deb" || fail "no ${package}_${version}_${arch}.deb (made: $(ls "$work/out"))"
  dpkg-deb -I "$deb" >"$work/$package.info"
  [ "$(dpkg-deb -f "$deb" Package)" = "$package" ] || fail "$deb: Package is not $package"
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "$deb: Version is not $version"
  [ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "$deb: Architecture is not $arch"

  # The package holds what the component installs, no more and no less.
  cmake --install "$build_dir" --component "${components[$i]}" --prefix "$work/component/$package/usr" >/dev/null
  (cd "$work/component/$package" && find . ! -type d | sed 's|^\.||' | sort) >"$work/$package.expected"
  dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\.||' | sort >"$work/$package.contents"
  diff -u "$work/$package.expected" "$work/$package.contents" ||
    fail "$package: its files differ from 'cmake --install --component ${components[$i]}'"

  # Every dependency is a Debian package installed on this machine (or one of ours).
  echo "$package: Depends: $(dpkg-deb -f "$deb" Depends)"
  for name in $(depends_names "$deb"); do
    case $name in byline | libbyline-dev) continue ;; esac
    status=$(dpkg-query -W -f='${Status}' "$name" 2>/dev/null || true)
    [[ $status == *"ok installed"* ]] ||
      fail "$package depends on '$name', which is no installed package"
  done
done

# The everything-install is the union of the components: no file is left
# out of every package.
cmake --install "$build_dir" --prefix "$work/all/usr" >/dev/null
(cd "$work/all" && find . ! -type d | sed 's|^\.||' | sort) >"$work/all.files"
sort -u "$work"/*.contents >"$work/packaged.files"
diff -u "$work/all.files" "$work/packaged.files" || fail "files installed by 'cmake --install' are in no package"

# Depends of the program: computed from its libraries, not written by hand.
for lib in libxapian30 libstemmer0d libc6 libstdc++6; do
  grep -qx "$lib" <<<"$(depends_names "$work/out/byline_${version}_${arch}.deb")" || fail "byline does not depend on $lib"
done
[[ $(dpkg-deb -f "$work/out/libbyline-dev_${version}_${arch}.deb" Depends) == *"byline (= $version)"* ]] ||
  fail "libbyline-dev does not depend on byline (= $version)"

# apt accepts them together: every Depends resolves on this machine (a
# simulation: nothing is installed).
if command -v apt-get >/dev/null; then
  debs=()
  for package in "${packages[@]}"; do debs+=("$work/out/${package}_${version}_${arch}.deb"); done
  apt-get install --simulate "${debs[@]}" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log" >&2; fail "apt-get install --simulate refuses the packages"; }
fi

# Unpacked into a throwaway root.
root="$work/root"
for package in "${packages[@]}"; do dpkg -x "$work/out/${package}_${version}_${arch}.deb" "$root"; done
bin="$root/usr/bin/byline"
# (Outputs are captured first: with pipefail, `grep -q` ending a pipe early would fail it.)
libraries=$(ldd "$bin")
grep -q "libbyline.so.* => $root/usr/" <<<"$libraries" || fail "$bin does not load the root's libbyline: $libraries"
"$bin" --db "$work/index" index "$source_dir/corpus" >"$work/index.txt" 2>&1 || fail "byline index: $(cat "$work/index.txt")"
"$bin" --db "$work/index" search --format json missile defense >"$work/search.json"
"$python" - "$work/search.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
assert out["total"] >= 1 and out["hits"], out
assert out["hits"][0]["title"] == "Boston bombing looms large at U.S./Russia meeting", out["hits"][0]["title"]
PY

if [[ " ${packages[*]} " == *" python3-byline "* ]]; then
  [ "$python_dir" = lib/python3/dist-packages ] || echo "debian-packages: note: module installed to /usr/$python_dir"
  PYTHONPATH="$root/usr/$python_dir" "$python" - "$root" "$work/index" <<'PY'
import sys
root, index = sys.argv[1], sys.argv[2]
import byline
assert byline.__file__.startswith(root), byline.__file__
hits = byline.Searcher(index).search("missile defense", limit=3).hits
assert hits and hits[0].title == "Boston bombing looms large at U.S./Russia meeting", hits
PY
  PYTHONPATH="$root/usr/$python_dir" "$python" "$source_dir/examples/search.py" "$work/index-py" "$source_dir/corpus" \
    missile defense >"$work/search-py.txt"
  grep -qx '1\. \[article\] Boston bombing looms large at U.S./Russia meeting (Elise Labott)' "$work/search-py.txt" ||
    fail "examples/search.py with the packaged module: $(cat "$work/search-py.txt")"
fi

"$source_dir/tests/package/consume.sh" "$root/usr" "$source_dir" "$work/consume"
echo "debian-packages: OK"
