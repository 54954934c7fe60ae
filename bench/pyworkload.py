#!/usr/bin/env python3
"""Runs one workload with igraph or NetworkX and prints JSON timings.

Usage: pyworkload.py TOOL WORKLOAD FILE [--directed] [--samples N]

TOOL is igraph or networkx. WORKLOAD is load, betweenness, closeness,
harmonic, pagerank, louvain or samples. The file is an edge-list CSV
(source,target[,weight]) with integer ids; a weight column is used as edge
length by betweenness and closeness (as ecosys --distances does). The
"kernel" time covers only the measure, "load" reading the file and
building the graph. "samples" draws N degree-preserving random graphs
(igraph: rewire(n=10·m) trials on a copy of the graph; NetworkX:
double_edge_swap(nswap=10·m) on a copy) and computes Freeman degree
centralization from the degrees of each. Library imports happen before
any timer starts.
"""
import csv
import json
import random
import sys
import time


def degree_centralization(deg):
    n = len(deg)
    mx = max(deg)
    return sum(mx - d for d in deg) / ((n - 1) * (n - 2))


def main():
    tool, work, path = sys.argv[1], sys.argv[2], sys.argv[3]
    directed = "--directed" in sys.argv
    samples = int(sys.argv[sys.argv.index("--samples") + 1]) if "--samples" in sys.argv else 200
    if tool == "igraph":
        import igraph as ig
    else:
        import networkx as nx
    t0 = time.perf_counter()
    with open(path) as f:
        r = csv.reader(f)
        header = next(r)
        rows = list(r)
    weighted = len(header) > 2
    edges = [(int(a[0]), int(a[1])) for a in rows]
    n = max(max(e) for e in edges) + 1
    if tool == "igraph":
        g = ig.Graph(n=n, edges=edges, directed=directed)
        if weighted:
            g.es["weight"] = [float(a[2]) for a in rows]
    else:
        g = nx.DiGraph() if directed else nx.Graph()
        g.add_nodes_from(range(n))
        if weighted:
            g.add_weighted_edges_from((int(a[0]), int(a[1]), float(a[2])) for a in rows)
        else:
            g.add_edges_from(edges)
    load = time.perf_counter() - t0
    out = {"load": load}
    w = "weight" if weighted else None
    t0 = time.perf_counter()
    if work == "load":
        pass
    elif work == "large" and tool == "igraph":
        ks = {}
        for name, f in (("pagerank", g.pagerank), ("degree", g.degree), ("core", g.coreness)):
            t1 = time.perf_counter()
            f()
            ks[name] = time.perf_counter() - t1
        out["kernels"] = ks
    elif tool == "igraph":
        if work == "betweenness":
            g.betweenness(weights=w)
        elif work == "closeness":
            g.closeness(weights=w)
        elif work == "harmonic":
            g.harmonic_centrality(weights=w)
        elif work == "pagerank":
            g.pagerank()
        elif work == "louvain":
            c = g.community_multilevel()
            out["q"] = c.modularity
        elif work == "samples":
            ig.set_random_number_generator(random.Random(1))
            m = g.ecount()
            vals = []
            for _ in range(samples):
                h = g.copy()
                h.rewire(n=10 * m)
                vals.append(degree_centralization(h.degree()))
            out["mean"] = sum(vals) / len(vals)
    else:
        if work == "betweenness":
            nx.betweenness_centrality(g, normalized=False, weight=w)
        elif work == "closeness":
            nx.closeness_centrality(g, distance=w)
        elif work == "harmonic":
            nx.harmonic_centrality(g, distance=w)
        elif work == "pagerank":
            nx.pagerank(g)
        elif work == "louvain":
            c = nx.community.louvain_communities(g, seed=1)
            out["q"] = nx.community.modularity(g, c)
        elif work == "samples":
            m = g.number_of_edges()
            vals = []
            for i in range(samples):
                h = g.copy()
                nx.double_edge_swap(h, nswap=10 * m, max_tries=1000 * m, seed=i)
                vals.append(degree_centralization([d for _, d in h.degree()]))
            out["mean"] = sum(vals) / len(vals)
    out["kernel"] = time.perf_counter() - t0
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
