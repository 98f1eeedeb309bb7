#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine and runs the main job on the
# bundled corpus/: installs what is missing, builds in Release, indexes
# corpus/ and runs a sample search.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
exec scripts/demo.sh
