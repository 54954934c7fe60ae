#!/usr/bin/python3
"""Reference values for self-loops kept with --loops keep (issue 18): the
degree and strength that count a loop as NetworkX does.

NetworkX counts a self-loop twice in the degree of an undirected graph
(G.degree: "The node degree is the number of edges adjacent to the node";
a loop's two ends both touch the node) and once in and once out on a
directed one (DiGraph.in_degree, out_degree; degree = in + out); with
weight="weight" the loop adds 2w. ecosys's strength is the weighted
degree (the degree when unweighted), in plus out on directed graphs.

Run from the repository root with the Debian Python (python3-networkx):

    /usr/bin/python3 scripts/reference/loops.py

It reads metrics/testdata/graphs/loops.{edges,nodes}.csv (a weighted
graph with loops at 0, 2, 3 and at 5, whose only edge is its loop, and
the isolate 4) and writes metrics/testdata/reference/loops.json.
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [q for q in sys.path if os.path.abspath(q or os.curdir) != _HERE]

import csv  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402

import networkx as nx  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GRAPHS = os.path.join(ROOT, "metrics", "testdata", "graphs")
OUT = os.path.join(ROOT, "metrics", "testdata", "reference", "loops.json")


def load(directed, weighted):
    G = nx.DiGraph() if directed else nx.Graph()
    with open(os.path.join(GRAPHS, "loops.nodes.csv"), newline="") as f:
        for r in csv.DictReader(f):
            G.add_node(r["id"])
    with open(os.path.join(GRAPHS, "loops.edges.csv"), newline="") as f:
        for r in csv.DictReader(f):
            G.add_edge(r["source"], r["target"], weight=float(r["weight"]) if weighted else 1.0)
    return G


cases = []


def add(directed, weighted, measure, call, values):
    cases.append({"graph": "loops", "directed": directed, "weighted": weighted, "measure": measure,
                  "tool": "networkx", "call": call, "nodes": {v: float(d) for v, d in values}})


for directed in (False, True):
    for weighted in (False, True):
        G = load(directed, weighted)
        assert nx.number_of_selfloops(G) == 4
        add(directed, weighted, "degree", "G.degree()", G.degree())
        add(directed, weighted, "strength", 'G.degree(weight="weight")' + ("" if weighted else " (every weight 1)"),
            G.degree(weight="weight"))
        if directed:
            add(directed, weighted, "in_degree", "G.in_degree()", G.in_degree())
            add(directed, weighted, "out_degree", "G.out_degree()", G.out_degree())

doc = {
    "provenance": {
        "script": "scripts/reference/loops.py",
        "networkx": nx.__version__,
        "python": platform.python_version(),
        "generated": datetime.date.today().isoformat(),
    },
    "cases": cases,
}
with open(OUT, "w") as f:
    json.dump(doc, f, indent=1, sort_keys=False)
    f.write("\n")
print(f"{len(cases)} cases written to {os.path.relpath(OUT, ROOT)}", file=sys.stderr)
