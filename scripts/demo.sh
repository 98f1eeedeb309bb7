#!/usr/bin/env bash
# The main job on the bundled sample: parse every page of corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
byline="${BUILD_DIR:-build}/cli/byline"
for page in corpus/*.txt; do
  "$byline" parse "$page" | head -c 300
  echo
done
