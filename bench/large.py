#!/usr/bin/env python3
"""Item 5 of issue 20: PageRank, degree and k-core on a large directed
graph, ecosys against igraph on the same file (not part of CI).

Usage: large.py ECOSYS FILE [--reps N] [--approx]

FILE is an edge-list CSV (source,target) with integer ids, such as the
1,000,000-node, 9,999,945-arc graph of the README (about 2 minutes):

    python3 -c 'import igraph, random, sys; random.seed(1)
    g = igraph.Graph.Barabasi(1000000, 10, directed=True)
    sys.stdout.write("source,target\n" + "".join("%d,%d\n" % e for e in g.get_edgelist()))' > ba1m.csv

(python-igraph draws from Python's random module). Each repetition
runs one ecosys process (metrics --directed --only pagerank,degree,core
--timings) and one igraph process (pyworkload.py igraph large), in turn,
so that the machine's load falls on both alike. For each process: the
load time, each kernel's in-process time and the peak resident memory of
the whole process (ru_maxrss from wait4), which is that of the largest
of the three kernels plus the graph. --approx adds one ecosys run of
approximate betweenness (undirected, ε = 0.05, δ = 0.1).
"""
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import run, HERE, PY  # noqa: E402


def main():
    ecosys, path = sys.argv[1], sys.argv[2]
    reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 2
    res = {"ecosys": [], "igraph": []}
    print("# load average before: %s" % " ".join(open("/proc/loadavg").read().split()[:3]), flush=True)
    for r in range(reps):
        wall, rss, _, e = run([ecosys, "metrics", "--edges", path, "--directed", "--only", "pagerank,degree,core",
                               "--timings", "--format", "csv"])
        t = {}
        for line in e.splitlines():
            if line.startswith("ecosys: time: "):
                what, secs = line[len("ecosys: time: "):].rsplit(" ", 1)
                t[what] = float(secs[:-1])
        x = {"wall": wall, "rss": rss, "load": t.pop("load"), "kernels": t}
        res["ecosys"].append(x)
        print("# ecosys rep %d: %s (load average %s)" % (r, json.dumps(x), open("/proc/loadavg").read().split()[0]), flush=True)
        wall, rss, o, _ = run([PY, os.path.join(HERE, "pyworkload.py"), "igraph", "large", path, "--directed"])
        y = json.loads(o)
        x = {"wall": wall, "rss": rss, "load": y["load"], "kernels": y["kernels"]}
        res["igraph"].append(x)
        print("# igraph rep %d: %s (load average %s)" % (r, json.dumps(x), open("/proc/loadavg").read().split()[0]), flush=True)
    if "--approx" in sys.argv:
        wall, rss, _, e = run([ecosys, "metrics", "--edges", path, "--only", "betweenness", "--approx-epsilon", "0.05",
                               "--approx-delta", "0.1", "--timings", "--format", "csv"])
        print("# approx betweenness ε=0.05 δ=0.1: wall %.1fs rss %.0f MiB\n# %s" % (wall, rss, e.replace("\n", "\n# ")), flush=True)
    print("| kernel | ecosys s (median) | igraph s (median) | ratio | ecosys peak RSS MiB | igraph peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    for k in ("pagerank", "degree", "core", "load"):
        def med(tool):
            return statistics.median(x["load"] if k == "load" else x["kernels"][k] for x in res[tool])
        e, i = med("ecosys"), med("igraph")
        print("| %s | %.2f | %.2f | %.2f× | %.0f | %.0f |" % (k, e, i, e / i, max(x["rss"] for x in res["ecosys"]),
                                                               max(x["rss"] for x in res["igraph"])))
    print("# load average after: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main()
