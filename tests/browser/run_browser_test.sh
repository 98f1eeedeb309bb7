#!/usr/bin/env bash
# ctest's browser test of the search page (search_page.mjs): skipped (exit
# 77, which ctest reports as skipped, never as passed) when Chromium or
# Node.js is not installed; installs playwright-core into the build tree.
#   run_browser_test.sh BYLINE_BINARY BUILD_DIR SOURCE_DIR
set -euo pipefail
byline="$1" build="$2" source="$3"
chromium="${BYLINE_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "SKIP: no Chromium at $chromium (scripts/install-deps.sh installs Debian's chromium)"
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: Node.js is not installed (scripts/install-deps.sh installs nodejs)"
  exit 77
fi
modules="$build/browser-test"
"$source/scripts/install-playwright.sh" "$modules"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$modules/node_modules" "$work/node_modules"
exec node "$source/tests/browser/search_page.mjs" "$byline" "$work" "$build/browser-test/screenshots"
