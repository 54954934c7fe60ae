#!/usr/bin/python3
"""Reference values for the shortest-path measures of package metrics.

Writes metrics/testdata/reference/paths.json: betweenness (raw, normalised,
weighted), closeness, harmonic centrality, average path length, diameter and
the number of reachable ordered pairs on the graphs of
metrics/testdata/graphs, computed with NetworkX and python-igraph.

Run with the Debian interpreter (python3-networkx 2.8.8, python3-igraph
0.10.2), from anywhere:

    /usr/bin/python3 scripts/reference/paths.py

Conventions converted here (see the `note` of each case):
- ecosys closeness and harmonic centrality of a directed graph use
  OUT-distances (from u to the others, igraph's mode="out"); NetworkX uses
  in-distances, so NetworkX is called on G.reverse().
- igraph closeness counts only reachable vertices and does not apply the
  Wasserman-Faust factor; it is multiplied here by (r-1)/(n-1), r-1 being
  the number of vertices reachable from u, and its NaN for a vertex that
  reaches nobody is replaced by 0.
"""

import csv
import json
import math
import os
import sys

import igraph
import networkx as nx

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GRAPHS = os.path.join(ROOT, "metrics", "testdata", "graphs")
OUT = os.path.join(ROOT, "metrics", "testdata", "reference", "paths.json")

# name -> (directed, weighted)
CASES = {
    "karate": (False, False),
    "florentine": (False, False),
    "kite": (False, False),
    "davis": (False, False),  # two-mode, read as a plain undirected graph
    "star": (False, False),
    "path": (False, False),
    "cycle": (False, False),
    "complete": (False, False),
    "disconnected": (False, False),
    "directed": (True, False),
    "weighted": (False, True),
    "outtree": (True, False),
    "outstar": (True, False),
}


def load(name, directed, weighted):
    """Return (names, edges) with names in node-file order, then edge order."""
    names, seen = [], set()
    with open(os.path.join(GRAPHS, name + ".nodes.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["id"] not in seen:
                seen.add(row["id"])
                names.append(row["id"])
    edges = []
    with open(os.path.join(GRAPHS, name + ".edges.csv"), newline="") as f:
        for row in csv.DictReader(f):
            u, v = row["source"], row["target"]
            for x in (u, v):
                if x not in seen:
                    seen.add(x)
                    names.append(x)
            w = float(row["weight"]) if weighted else 1.0
            edges.append((u, v, w))
    return names, edges


def nx_graph(names, edges, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(names)
    for u, v, w in edges:
        if G.has_edge(u, v):
            G[u][v]["weight"] += w  # ecosys merges repeated edges by adding weights
        else:
            G.add_edge(u, v, weight=w)
    return G


def ig_graph(G, names, directed):
    index = {x: i for i, x in enumerate(names)}
    el = [(index[u], index[v]) for u, v in G.edges()]
    g = igraph.Graph(n=len(names), edges=el, directed=directed)
    g.vs["name"] = names
    g.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    return g


def fl(x):
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        raise ValueError("non-finite reference value %r" % x)
    return x


def main():
    cases = []

    def add(graph, directed, weighted, measure, tool, call, nodes=None, value=None, note=""):
        c = {"graph": graph, "directed": directed, "weighted": weighted,
             "measure": measure, "tool": tool, "call": call}
        if nodes is not None:
            c["nodes"] = {k: fl(v) for k, v in nodes.items()}
        if value is not None:
            c["value"] = fl(value)
        if note:
            c["note"] = note
        cases.append(c)

    for name, (directed, weighted) in CASES.items():
        names, edges = load(name, directed, weighted)
        G = nx_graph(names, edges, directed)
        g = ig_graph(G, names, directed)
        n = len(names)
        R = G.reverse() if directed else G
        rev = "G.reverse()" if directed else "G"
        rev_note = ("ecosys uses out-distances on digraphs; NetworkX uses in-distances, "
                    "so it is called on G.reverse()") if directed else ""
        ig_by = lambda xs: {names[i]: x for i, x in enumerate(xs)}

        variants = [False, True] if weighted else [False]
        for wt in variants:
            wkw = ", weight='weight'" if wt else ""
            dkw = ", distance='weight'" if wt else ""
            igw = ", weights='weight'" if wt else ""
            W = "weight" if wt else None

            # Betweenness, raw and normalised.
            add(name, directed, wt, "betweenness", "networkx",
                "nx.betweenness_centrality(G, normalized=False%s)" % wkw,
                nodes=nx.betweenness_centrality(G, normalized=False, weight=W))
            add(name, directed, wt, "betweenness", "igraph",
                "g.betweenness(directed=%s%s)" % (directed, igw),
                nodes=ig_by(g.betweenness(directed=directed, weights=W)))
            add(name, directed, wt, "betweenness_normalized", "networkx",
                "nx.betweenness_centrality(G, normalized=True%s)" % wkw,
                nodes=nx.betweenness_centrality(G, normalized=True, weight=W))

            # Closeness (Wasserman-Faust), out-distances.
            add(name, directed, wt, "closeness", "networkx",
                "nx.closeness_centrality(%s%s, wf_improved=True)" % (rev, dkw),
                nodes=nx.closeness_centrality(R, distance=W, wf_improved=True), note=rev_note)
            clo = g.closeness(mode="out", normalized=True, weights=W)
            conv = {}
            for i, c in enumerate(clo):
                r1 = len(g.subcomponent(i, mode="out")) - 1
                conv[names[i]] = 0.0 if r1 == 0 or math.isnan(c) else c * r1 / (n - 1)
            add(name, directed, wt, "closeness", "igraph",
                "g.closeness(mode='out', normalized=True%s)[i] * (r_i-1)/(n-1), "
                "r_i-1 = len(g.subcomponent(i, mode='out'))-1; NaN -> 0" % igw,
                nodes=conv,
                note="igraph averages over reachable vertices only; the Wasserman-Faust "
                     "factor (r-1)/(n-1) is applied here, and its NaN for a vertex that "
                     "reaches nobody becomes 0")

            # Harmonic, raw, out-distances.
            add(name, directed, wt, "harmonic", "networkx",
                "nx.harmonic_centrality(%s%s)" % (rev, dkw),
                nodes=nx.harmonic_centrality(R, distance=W), note=rev_note)
            add(name, directed, wt, "harmonic", "igraph",
                "g.harmonic_centrality(mode='out', normalized=False%s)" % igw,
                nodes=ig_by(g.harmonic_centrality(mode="out", normalized=False, weights=W)))

            # Graph-level: average path length, diameter, reachable pairs.
            add(name, directed, wt, "average_path_length", "igraph",
                "g.average_path_length(directed=%s, unconn=True%s)" % (directed, igw),
                value=g.average_path_length(directed=directed, unconn=True, weights=W))
            add(name, directed, wt, "diameter", "igraph",
                "g.diameter(directed=%s, unconn=True%s)" % (directed, igw),
                value=g.diameter(directed=directed, unconn=True, weights=W))
            total, pairs, longest = 0.0, 0, 0.0
            for u, dist in (nx.all_pairs_dijkstra_path_length(G, weight="weight") if wt
                            else nx.all_pairs_shortest_path_length(G)):
                for v, d in dist.items():
                    if v != u:
                        total += d
                        pairs += 1
                        longest = max(longest, d)
            fn = "all_pairs_dijkstra_path_length(G, weight='weight')" if wt else "all_pairs_shortest_path_length(G)"
            add(name, directed, wt, "average_path_length", "networkx",
                "mean of d over u != v in nx.%s" % fn, value=total / pairs)
            add(name, directed, wt, "diameter", "networkx",
                "max of d over nx.%s" % fn, value=longest)
            add(name, directed, wt, "reachable_pairs", "networkx",
                "count of u != v in nx.%s" % fn, value=pairs)

    doc = {
        "provenance": {
            "script": "scripts/reference/paths.py",
            "python": sys.version.split()[0],
            "networkx": nx.__version__,
            "igraph": igraph.__version__,
            "igraph_c_core": igraph._igraph.__igraph_version__,
        },
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.relpath(OUT, ROOT)))


if __name__ == "__main__":
    main()
