#!/bin/sh
# Side-by-side benchmark of ecosys, igraph and NetworkX on seeded graphs.
# Not part of CI. Usage, from the repository root:
#
#   sh bench/run.sh            # full run (about 15 minutes on 2 cores)
#   sh bench/run.sh --quick    # graphs up to 5,000 nodes, PageRank on
#                              # 200,000 (about 6 minutes)
#
# The ensemble benchmarks are sh bench/ensemble.sh, the 1,000,000-node
# graph python3 bench/large.py (see their headers).
#
# Installs python3-networkx and python3-igraph from Debian when missing
# (needs root), builds the ecosys command and the BFS ceiling, writes the
# graphs to a temporary directory and prints the table (Markdown).
set -eu
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import igraph, networkx' 2>/dev/null; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx python3-igraph >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/ecosys" ./cmd/ecosys
go build -o "$out/ceiling" ./bench/ceiling
/usr/bin/python3 bench/gen.py "$out/graphs" "$@"
/usr/bin/python3 -c 'import igraph, networkx, platform; print("# igraph", igraph.__version__, "networkx", networkx.__version__, "python", platform.python_version())'
go version | sed 's/^/# /'
/usr/bin/python3 bench/bench.py "$out/ecosys" "$out/ceiling" "$out/graphs" "$@"
