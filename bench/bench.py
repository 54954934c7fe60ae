#!/usr/bin/env python3
"""Side-by-side benchmark of ecosys, igraph and NetworkX (see run.sh).

Usage: bench.py ECOSYS CEILING GRAPHDIR [--quick] [--reps N] [--filter WORD]

--filter keeps only the workloads whose name contains WORD.

Every run is a fresh process; its wall time, its peak resident memory
(ru_maxrss from wait4, the whole process) and the in-process time of the
measure ("kernel": igraph and NetworkX time the call; ecosys prints it with
--timings) are recorded. The table gives medians over the repetitions and
the ratio of each kernel time to igraph's median in the same run.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"


def run(cmd):
    """Runs cmd; returns (wall seconds, max RSS in MiB, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        o, e = out.read().decode(), err.read().decode()
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode, e[-2000:]))
    return wall, ru.ru_maxrss / 1024, o, e


def py_job(tool, work, path, directed=False, samples=None):
    cmd = [PY, os.path.join(HERE, "pyworkload.py"), tool, work, path]
    if directed:
        cmd.append("--directed")
    if samples:
        cmd += ["--samples", str(samples)]

    def f():
        wall, rss, o, _ = run(cmd)
        r = json.loads(o)
        return {"wall": wall, "rss": rss, "kernel": r["kernel"], "load": r["load"], "q": r.get("q")}
    return f


def eco_job(ecosys, args, timed=True):
    def f():
        wall, rss, _, e = run([ecosys] + args)
        kernel, load, q = 0.0, None, None
        for line in e.splitlines():
            if line.startswith("ecosys: time: "):
                what, secs = line[len("ecosys: time: "):].rsplit(" ", 1)
                if what == "load":
                    load = float(secs[:-1])
                else:
                    kernel += float(secs[:-1])
            if "Louvain modularity Q = " in line:
                q = float(line.split("Q = ")[1].split()[0])
        if not timed:
            kernel = wall  # whole process, load included
        return {"wall": wall, "rss": rss, "kernel": kernel, "load": load, "q": q}
    return f


def main():
    ecosys, ceiling, gdir = sys.argv[1], sys.argv[2], sys.argv[3]
    quick = "--quick" in sys.argv
    reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 3
    G = lambda name: os.path.join(gdir, name + ".csv")
    big = "ba5000" if quick else "ba20000"
    er = "ba5000" if quick else "er20000"
    # PageRank takes milliseconds on 20,000 nodes: it is timed on 200,000.
    dgraph = "ba200000d"
    E = lambda *a: ["metrics", "--timings", "--format", "csv"] + list(a)

    # (workload, graph, tool, job, reps, arcs scanned per source or None)
    jobs = []

    def add(work, graph, tool, job, r=reps):
        jobs.append((work, graph, tool, job, r))

    for g in (["ba1000", big]):
        add("load", g, "igraph", py_job("igraph", "load", G(g)), 5)
        add("load", g, "networkx", py_job("networkx", "load", G(g)), 5)
        add("load", g, "ecosys", eco_job(ecosys, E("--edges", G(g), "--only", "degree")), 5)
    btw = ["ba1000", "ba5000"] + ([] if quick else ["ba20000"])
    for g in btw:
        add("betweenness", g, "igraph", py_job("igraph", "betweenness", G(g)))
        add("betweenness", g, "ecosys w=1", eco_job(ecosys, E("--edges", G(g), "--only", "betweenness", "--workers", "1")))
        add("betweenness", g, "ecosys w=2", eco_job(ecosys, E("--edges", G(g), "--only", "betweenness", "--workers", "2")))
        if g == "ba1000":
            add("betweenness", g, "networkx", py_job("networkx", "betweenness", G(g)), 1)
    add("betweenness weighted", "ba5000w", "igraph", py_job("igraph", "betweenness", G("ba5000w")))
    add("betweenness weighted", "ba5000w", "ecosys w=1", eco_job(ecosys, E("--edges", G("ba5000w"), "--weighted", "--distances", "--only", "betweenness", "--workers", "1")))
    add("betweenness weighted", "ba5000w", "ecosys w=2", eco_job(ecosys, E("--edges", G("ba5000w"), "--weighted", "--distances", "--only", "betweenness", "--workers", "2")))
    add("approx betweenness ε=0.01", big, "ecosys w=2", eco_job(ecosys, E("--edges", G(big), "--only", "betweenness", "--approx-epsilon", "0.01")))
    add("betweenness directed", "ba5000d", "igraph", py_job("igraph", "betweenness", G("ba5000d"), directed=True))
    add("betweenness directed", "ba5000d", "ecosys w=2", eco_job(ecosys, E("--edges", G("ba5000d"), "--directed", "--only", "betweenness")))
    for g in (["ba5000"] + ([] if quick else ["er20000"])):
        add("closeness", g, "igraph", py_job("igraph", "closeness", G(g)))
        add("closeness", g, "ecosys w=2", eco_job(ecosys, E("--edges", G(g), "--only", "closeness")))
        if g == "ba5000":
            add("closeness", g, "ecosys w=1", eco_job(ecosys, E("--edges", G(g), "--only", "closeness", "--workers", "1")))
            add("harmonic", g, "igraph", py_job("igraph", "harmonic", G(g)))
            add("harmonic", g, "ecosys w=2", eco_job(ecosys, E("--edges", G(g), "--only", "harmonic")))
    add("closeness", "ba1000", "igraph", py_job("igraph", "closeness", G("ba1000")))
    add("closeness", "ba1000", "ecosys w=2", eco_job(ecosys, E("--edges", G("ba1000"), "--only", "closeness")))
    add("closeness", "ba1000", "networkx", py_job("networkx", "closeness", G("ba1000")), 1)
    add("pagerank", dgraph, "igraph", py_job("igraph", "pagerank", G(dgraph), directed=True), 5)
    add("pagerank", dgraph, "networkx", py_job("networkx", "pagerank", G(dgraph), directed=True), 3)
    add("pagerank", dgraph, "ecosys", eco_job(ecosys, E("--edges", G(dgraph), "--directed", "--only", "pagerank")), 5)
    for g in (["ba5000"] + ([] if quick else ["ba20000", "er20000"])):
        add("louvain", g, "igraph", py_job("igraph", "louvain", G(g)))
        add("louvain", g, "ecosys", eco_job(ecosys, E("--edges", G(g), "--only", "community")))
        if g == "ba5000":
            add("louvain", g, "networkx", py_job("networkx", "louvain", G(g)), 1)
    add("200 samples + degree centr.", "ba5000", "igraph", py_job("igraph", "samples", G("ba5000"), samples=200))
    test = ["test", "--edges", G("ba5000"), "--stat", "centralization.degree", "--null", "degree", "--samples", "200"]
    add("200 samples + degree centr.", "ba5000", "ecosys w=1", eco_job(ecosys, test + ["--workers", "1"], timed=False))
    add("200 samples + degree centr.", "ba5000", "ecosys w=2", eco_job(ecosys, test + ["--workers", "2"], timed=False))
    add("200 samples + degree centr.", "ba5000", "networkx (2 samples ×100)", py_job("networkx", "samples", G("ba5000"), samples=2), 1)
    add("ledger decentralization, 10,000 samples", "ledger", "ecosys w=2", eco_job(ecosys, ["test", "decentralization", "--samples", "10000"], timed=False))

    if "--filter" in sys.argv:
        word = sys.argv[sys.argv.index("--filter") + 1]
        jobs = [j for j in jobs if word in j[0]]
    print("# nproc %d; load average before: %s" % (os.cpu_count(), open("/proc/loadavg").read().split()[:3]), flush=True)
    # Repetitions are interleaved: round r runs every tool of a workload
    # once before round r+1, so that load from other processes on the
    # machine falls on all tools alike.
    results = {}
    start = time.time()
    groups = []
    for j in jobs:
        if not groups or groups[-1][0][:2] != j[:2]:
            groups.append([])
        groups[-1].append(j)
    for group in groups:
        failed = set()
        for rnd in range(max(j[4] for j in group)):
            for work, graph, tool, job, r in group:
                if rnd >= r or tool in failed:
                    continue
                try:
                    x = job()
                except RuntimeError as e:
                    print("# %s %s %s: %s" % (work, graph, tool, e), file=sys.stderr)
                    failed.add(tool)
                    continue
                if work == "load":
                    x["kernel"] = x["load"]
                results.setdefault((work, graph, tool), []).append(x)
        for work, graph, tool, _, _ in group:
            runs = results.get((work, graph, tool))
            if not runs:
                continue
            med = statistics.median(x["kernel"] for x in runs)
            print("# %-40s %-8s %-26s kernel %8.3fs (min %.3f, max %.3f) wall %8.3fs rss %6.1f MiB  [%.0fs elapsed]" % (
                work, graph, tool, med, min(x["kernel"] for x in runs), max(x["kernel"] for x in runs),
                statistics.median(x["wall"] for x in runs), max(x["rss"] for x in runs), time.time() - start), flush=True)

    # Ceiling: a tight CSR BFS on the same graphs.
    ceil = {}
    # Best of three: a single short run is easily slowed by other load.
    for g, d in [("ba5000", False), (big, False), (er, False), ("ba5000d", True)] + ([] if quick else [("ba20000d", True)]):
        tries = [json.loads(run([ceiling] + (["-directed"] if d else []) + [G(g)])[2]) for _ in range(3)]
        ceil[g] = max(tries, key=lambda c: c["arcs_per_second"])
    ceil["ba5000w"] = ceil["ba5000"]
    ceil["ba1000"] = json.loads(run([ceiling, "-sources", "0", G("ba1000")])[2])

    print()
    print("nproc: %d (machine shared with other engineers' tests; load average after: %s)" % (
        os.cpu_count(), " ".join(open("/proc/loadavg").read().split()[:3])))
    print()
    print("| workload | graph | tool | median kernel s | min–max | median process s | peak RSS MiB | ratio to igraph | arc scans/s (% of 1-core ceiling) |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for (work, graph, tool), runs in results.items():
        k = statistics.median(x["kernel"] for x in runs)
        base = results.get((work, graph, "igraph"))
        ratio = "%.2f×" % (k / statistics.median(x["kernel"] for x in base)) if base else "–"
        if "networkx (2 samples" in tool:
            k *= 100
            ratio = ("%.1f× (extrapolated)" % (k / statistics.median(x["kernel"] for x in base))) if base else "–"
        rate = "–"
        if (work.startswith("betweenness") or work in ("closeness", "harmonic")) and graph in ceil:
            c = ceil[graph]
            scans = c["nodes"] * c["arcs"]  # one scan of every arc per source
            rate = "%.3g (%.0f%%)" % (scans / k, 100 * scans / k / c["arcs_per_second"])
        print("| %s | %s | %s | %.3f | %.3f–%.3f | %.3f | %.1f | %s | %s |" % (
            work, graph, tool, k, min(x["kernel"] for x in runs), max(x["kernel"] for x in runs),
            statistics.median(x["wall"] for x in runs), max(x["rss"] for x in runs), ratio, rate))
    print()
    for g, c in ceil.items():
        print("ceiling %s: tight CSR BFS %.3g arc scans/s (%d sources)" % (g, c["arcs_per_second"], c["sources"]))
    qs = [(k, statistics.median(x["q"] for x in v)) for k, v in results.items() if k[0] == "louvain" and v[0]["q"] is not None]
    for (work, graph, tool), q in qs:
        print("louvain Q %s %s: %.4f" % (graph, tool, q))


if __name__ == "__main__":
    main()
