#!/usr/bin/env bash
# Installs the Debian packages Byline needs, only when one is missing (so a
# second run costs nothing). Run as root on Debian 12.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libxapian-dev xapian-tools      # the engine, and xapian-tcpsrv for remote shards
  libstemmer-dev                  # Snowball stemmers
  libcli11-dev                    # command line
  catch2                          # tests
  nlohmann-json3-dev              # JSON Lines input and --format json output
  libxxhash-dev                   # page ids and content hashes
  libicu-dev                      # accent folding (Unicode decomposition)
  libgumbo-dev                    # HTML pages: the HTML5 parser
  zlib1g-dev                      # .gz pages and .warc.gz archives
  libsqlite3-dev                  # the FTS5 peer in bench/
  libcpp-httplib-dev              # byline serve: the HTTP server
  pybind11-dev python3-dev        # the byline Python module (python/)
  dpkg-dev file                   # cpack -G DEB: dpkg-shlibdeps computes Depends (scripts/package.sh)
  chromium                        # the search page's browser test (headless)
  nodejs                          # runs that test (playwright-core, see scripts/install-playwright.sh)
  clang libclang-rt-14-dev        # fuzz/run.sh: libFuzzer with ASan + UBSan
  man-db groff-base               # man pages: the test renders each with `man -l` (warnings fail it)
  bash-completion zsh fish        # completion scripts: installed to their folders, tested in each shell
  python3-jsonschema              # tests/schemas: every JSON output validated against docs/schemas/
  bsdutils                        # `script`: the pager test runs byline on a pseudo-terminal
)
# Debian's nodejs comes without npm; a Node.js from elsewhere brings its own.
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ -n "${BYLINE_EXTRA_PACKAGES:-}" ]; then
  read -r -a extra <<<"$BYLINE_EXTRA_PACKAGES"
  packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "byline: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
