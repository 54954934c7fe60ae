#!/usr/bin/env python3
"""Writes the seeded benchmark graphs as edge-list CSVs (source,target[,weight]).

Usage: gen.py OUTDIR [--quick]

Graphs (NetworkX 2.8.8 generators, seed 1):
  ba1000, ba5000, ba20000   Barabasi-Albert, m = 3, undirected
  er20000                   Erdos-Renyi G(n, m), n = 20000, mean degree 8
  ba20000d, ba5000d         ba20000 and ba5000 with each edge oriented at random (directed)
  ba5000w                   ba5000 with lengths uniform in [1, 10) (weighted)
  ba200000d                 Barabasi-Albert, n = 200000, m = 3, each edge oriented
                            at random (directed): the PageRank graph, large
                            enough that its time is not noise (issue 20)
"""
import os
import random
import sys

import networkx as nx


def write(path, edges, weighted=False):
    with open(path, "w") as f:
        f.write("source,target,weight\n" if weighted else "source,target\n")
        for e in edges:
            if weighted:
                f.write("%d,%d,%r\n" % e)
            else:
                f.write("%d,%d\n" % e)


def main():
    out = sys.argv[1]
    quick = "--quick" in sys.argv
    os.makedirs(out, exist_ok=True)
    sizes = [1000, 5000] if quick else [1000, 5000, 20000]
    for n in sizes:
        g = nx.barabasi_albert_graph(n, 3, seed=1)
        write(os.path.join(out, "ba%d.csv" % n), sorted(g.edges()))
    rnd = random.Random(1)
    g = nx.barabasi_albert_graph(5000, 3, seed=1)
    write(os.path.join(out, "ba5000w.csv"),
          [(u, v, round(1 + 9 * rnd.random(), 6)) for u, v in sorted(g.edges())], weighted=True)
    if not quick:
        g = nx.gnm_random_graph(20000, 80000, seed=1)
        write(os.path.join(out, "er20000.csv"), sorted(g.edges()))
        g = nx.barabasi_albert_graph(20000, 3, seed=1)
        rnd = random.Random(2)
        write(os.path.join(out, "ba20000d.csv"),
              [(u, v) if rnd.random() < 0.5 else (v, u) for u, v in sorted(g.edges())])
    g = nx.barabasi_albert_graph(200000, 3, seed=1)
    rnd = random.Random(2)
    write(os.path.join(out, "ba200000d.csv"),
          [(u, v) if rnd.random() < 0.5 else (v, u) for u, v in sorted(g.edges())])
    g = nx.barabasi_albert_graph(5000, 3, seed=1)
    rnd = random.Random(2)
    write(os.path.join(out, "ba5000d.csv"),
          [(u, v) if rnd.random() < 0.5 else (v, u) for u, v in sorted(g.edges())])


if __name__ == "__main__":
    main()
