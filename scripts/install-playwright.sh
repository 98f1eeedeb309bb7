#!/usr/bin/env bash
# Installs npm's playwright-core (the driver only: it downloads no browser;
# the test runs Debian's /usr/bin/chromium) into DIR/node_modules, for the
# search page's browser test (tests/browser/). DIR is a folder of the build
# tree, ignored by git; a second run costs nothing.
#   scripts/install-playwright.sh DIR
set -euo pipefail
dir="${1:?usage: install-playwright.sh DIR}"
version=1.64.1  # the version checked with Debian's Chromium on this kind of machine
if [ -f "$dir/node_modules/playwright-core/package.json" ] &&
  grep -q "\"version\": \"$version\"" "$dir/node_modules/playwright-core/package.json"; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "byline: npm is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
mkdir -p "$dir"
echo "byline: installing playwright-core $version into $dir" >&2
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "playwright-core@$version" >&2
