#!/usr/bin/env bash
# Builds Byline and its Debian packages with CPack (cmake/Package.cmake):
#   BUILD_DIR/packages/byline_<version>_<arch>.deb          the program, libbyline, man pages, completions
#   BUILD_DIR/packages/libbyline-dev_<version>_<arch>.deb   headers, byline.pc, CMake package
#   BUILD_DIR/packages/python3-byline_<version>_<arch>.deb  the Python module (when it is built)
# then prints their paths. Install them with `apt install ./byline_*.deb ...`.
#   scripts/package.sh [BUILD_DIR]     (default: $BUILD_DIR, else build; configured if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
export BUILD_DIR="${1:-${BUILD_DIR:-build}}"
scripts/build.sh
rm -f "$BUILD_DIR"/packages/*.deb
(cd "$BUILD_DIR" && cpack -G DEB -B packages >/dev/null)
for deb in "$BUILD_DIR"/packages/*.deb; do
  echo "$deb: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version), Depends: $(dpkg-deb -f "$deb" Depends)"
done
