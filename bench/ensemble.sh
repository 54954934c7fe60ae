#!/bin/sh
# Ensemble throughput (issue 20, item 4). Not part of CI. From the
# repository root:
#
#   sh bench/ensemble.sh
#
# 1. Go benchmarks (bench/ensemble): samples per second of each null model
#    of metrics/null, with the ecosystem verdict's two tested statistics
#    (principal concentration, locality) on every sample, on Davis's
#    southern women (89 ties) and a seeded 2,000-node two-mode graph.
# 2. One-mode degree-preserving samples against igraph's rewire loop
#    (bench/pyworkload.py samples: a copy and rewire(n = 10·m) per sample,
#    then degree centralization) and ecosys test --null degree with the
#    same statistic, whole process, on the same two graphs.
# 3. The ecosystem verdict's default run (ecosys test ecosystem), wall and
#    CPU time.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
go test -run '^$' -bench Ensemble -benchtime "${BENCHTIME:-2s}" ./bench/ensemble | grep -E 'samples/s|^goos|^cpu'
ENSEMBLE_CSV_DIR=$out go test -count=1 -run WriteGraphs ./bench/ensemble >/dev/null
go build -o "$out/ecosys" ./cmd/ecosys
t() { # prints the wall seconds of a command
	s=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	e=$(date +%s.%N)
	echo "$e - $s" | bc
}
for spec in davis:10000 random2000:200; do
	g=${spec%%:*}
	n=${spec#*:}
	for r in 1 2 3; do
		ig=$(/usr/bin/python3 bench/pyworkload.py igraph samples "$out/$g.csv" --samples "$n" | /usr/bin/python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["kernel"])')
		e1=$(t "$out/ecosys" test --edges "$out/$g.csv" --stat centralization.degree --null degree --samples "$n" --workers 1)
		e2=$(t "$out/ecosys" test --edges "$out/$g.csv" --stat centralization.degree --null degree --samples "$n" --workers 2)
		echo "degree-preserving samples $g n=$n rep $r: igraph rewire loop ${ig}s; ecosys test w=1 ${e1}s, w=2 ${e2}s (whole process)"
	done
done
/usr/bin/time -f "ecosys test ecosystem (default run): wall %es, user %Us, sys %Ss, peak RSS %M KB" "$out/ecosys" test ecosystem >/dev/null 2>"$out/eco.err" || true
tail -1 "$out/eco.err"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
