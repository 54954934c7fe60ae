#!/usr/bin/env bash
# Runs scripts/interop/check.py when its tools are installed (python3 with
# NetworkX and python-igraph, and Graphviz's dot), and skips with a message
# otherwise, so that CI does not depend on Python. About 20 s.
# Install them on Debian: apt-get install python3-networkx python3-igraph graphviz
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v dot >/dev/null || ! /usr/bin/python3 -c 'import networkx, igraph' 2>/dev/null; then
  echo "interop: skipped (needs python3-networkx, python3-igraph and graphviz)" >&2
  exit 0
fi
/usr/bin/python3 scripts/interop/check.py
