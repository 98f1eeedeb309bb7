#!/usr/bin/env bash
# The main job on the bundled sample: index corpus/ and run sample searches.
set -euo pipefail
cd "$(dirname "$0")/.."
byline="${BUILD_DIR:-build}/cli/byline"
db="${BYLINE_DB:-build/demo-index}"
"$byline" --db "$db" index corpus/
"$byline" --db "$db" stats
echo
echo '$ byline search "missile defense"'
"$byline" --db "$db" search "missile defense"
echo '$ byline search type:comment magnitsky -n 3'
"$byline" --db "$db" search type:comment magnitsky -n 3
