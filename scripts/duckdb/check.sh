#!/usr/bin/env bash
# DuckDB reads the Parquet files ecosys writes with the right types and
# values: the ledger network and the merged case network (ecosys export,
# ecosys build --format parquet), compared cell by cell with their CSV
# twins, and the replicates of a sharded test (ecosys test --replicates),
# whose means and SDs a DuckDB query over the shards must give as
# 'ecosys test merge' does, and those of 3 shards of the ecosystem
# verdict (ecosys test ecosystem --replicates), whose main null
# distributions' mean and 95% range a query must give as the verdict
# does. DuckDB is the npm package @duckdb/node-api,
# pinned in package-lock.json and installed into a temporary directory.
# It skips (exit 0, with a message) where node or npm is missing or the
# package cannot be installed. About 15 s, 10 of them the install.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "duckdb-check: skipped: node or npm not found" >&2
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$here/check.mjs" "$work/"
if ! (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1); then
	cat "$work/npm.log" >&2
	echo "duckdb-check: skipped: npm could not install @duckdb/node-api" >&2
	exit 0
fi
go build -o "$work/ecosys" ./cmd/ecosys
e="$work/ecosys"
d="$work/out"
mkdir "$d"
for f in parquet csv; do
	"$e" export ledger --format $f --out "$d/ledger" 2>/dev/null
	"$e" build --format $f --out "$d/eco" 2>/dev/null
done
args=(test ledger-two-mode --stat gini.strength,largest_component_share --null bipartite-gnm --samples 3000 --seed 5)
for i in 1 2 3 4; do
	"${e}" "${args[@]}" --shard $i/4 --replicates "$d/shard$i.parquet" >/dev/null 2>&1
done
"$e" test merge "$d"/shard*.parquet --format json >"$d/merged.json" 2>/dev/null
"$e" "${args[@]}" --format json >"$d/whole.json" 2>/dev/null
cmp "$d/merged.json" "$d/whole.json"
echo "duckdb-check: the 4 Parquet shards merge to the unsharded result, byte for byte"
eargs=(test ecosystem --no-cases --samples 199 --power-samples 20 --robust-samples 199 --seed 3 --quiet)
for i in 1 2 3; do
	"$e" "${eargs[@]}" --shard $i/3 --replicates "$d/verdict-{shard}.parquet" >"$d/verdict-$i.json"
done
"$e" test merge "$d"/verdict-[123].json --format json >"$d/verdict.json"
(cd "$work" && node check.mjs "$d")
