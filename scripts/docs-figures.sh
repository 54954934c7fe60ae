#!/usr/bin/env bash
# Redraws the README's figures under docs/ from the embedded data, with the
# same command a user would type. Run from anywhere; the files are replaced.
set -euo pipefail
cd "$(dirname "$0")/.."
ecosys() { go run ./cmd/ecosys "$@"; }
ecosys plot client-type  --dpi 150 --force --out docs/client-type.png
ecosys plot level        --dpi 150 --force --out docs/level.png
ecosys plot province-map --dpi 150 --force --out docs/province-map.png
ecosys plot graph        --dpi 150 --force --width double --out docs/graph.png
ecosys plot case-network --dpi 150 --force --width double --out docs/case-network.png
