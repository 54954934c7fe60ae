#!/usr/bin/python3
"""Reference values for the numerical defects of issue 18 (area "numeric"):
eigenvector centrality with large weights, Louvain and modularity on a
directed weighted graph, and bipartite density.

Run from the repository root with the Debian Python (networkx 2.8.8,
python3-igraph 0.10.2), after scripts/reference/emon.R has written the
EMON graph:

    /usr/bin/python3 scripts/reference/numeric.py

It writes metrics/testdata/reference/numeric.json.

Louvain on a directed graph. ecosys runs Louvain on the symmetrised graph,
w_ij = w(i->j) + w(j->i), and reports Newman-Girvan modularity on it
(louvain.q and group_modularity alike); igraph's community_multilevel is
undirected only and is called on the same graph (as_undirected with
mode="collapse", combine_edges="sum"). Louvain is a randomised heuristic:
the cases give the range of Q over seeds 0..99 of igraph (random.seed) and
of NetworkX (louvain_communities(seed=...)), not one partition.
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [q for q in sys.path if os.path.abspath(q or os.curdir) != _HERE]

import csv  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402
from networkx.algorithms import bipartite  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GRAPHS = os.path.join(ROOT, "metrics", "testdata", "graphs")
OUT = os.path.join(ROOT, "metrics", "testdata", "reference", "numeric.json")
SEEDS = range(100)


def load(name, directed, weighted, transform=None):
    G = nx.DiGraph() if directed else nx.Graph()
    with open(os.path.join(GRAPHS, name + ".nodes.csv"), newline="") as f:
        for r in csv.DictReader(f):
            G.add_node(r["id"], **{k: v for k, v in r.items() if k != "id"})
    with open(os.path.join(GRAPHS, name + ".edges.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if weighted:
                w = float(r["weight"])
                G.add_edge(r["source"], r["target"], weight=transform(w) if transform else w)
            else:
                G.add_edge(r["source"], r["target"])
    return G


def symmetrise(G, weighted):
    """w_ij = w(i->j) + w(j->i); unweighted: the underlying simple graph."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        w = d.get("weight", 1.0) if weighted else 1.0
        if U.has_edge(u, v):
            if weighted:
                U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def to_igraph(G, weighted):
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()], directed=G.is_directed())
    g.vs["name"] = nodes
    g.es["weight"] = [d.get("weight", 1.0) if weighted else 1.0 for _, _, d in G.edges(data=True)]
    return g


cases = []


def add(name, directed, weighted, measure, tool, call, nodes=None, value=None, note=None, **extra):
    c = {"graph": name, "directed": directed, "weighted": weighted, "measure": measure, "tool": tool, "call": call}
    if nodes is not None:
        c["nodes"] = {k: float(v) + 0.0 for k, v in nodes.items()}
    if value is not None:
        c["value"] = float(value)
    if note:
        c["note"] = note
    c.update(extra)
    cases.append(c)


def maxscale(d):
    m = max(d.values())
    return {k: v / m for k, v in d.items()}


# Eigenvector centrality with large weights: the star of the issue (hub-a,
# hub-b, hub-c of weight 100) and the EMON digraph (in-links confer
# centrality, as in ecosys), weights as stored and x 1e6.
star = nx.Graph()
for leaf in "abc":
    star.add_edge("hub", leaf, weight=100.0)
add("star100", False, True, "eigenvector", "networkx",
    "nx.eigenvector_centrality_numpy(G, weight='weight') on hub-a, hub-b, hub-c of weight 100, divided by its maximum",
    maxscale(nx.eigenvector_centrality_numpy(star, weight="weight")))
for scale in (1.0, 1e6):
    E = load("emon_texas", True, True, lambda w: w * scale)
    x = nx.eigenvector_centrality(E, max_iter=100000, tol=1e-15, weight="weight")
    add("emon_texas", True, True, f"eigenvector:x{scale:g}", "networkx",
        f"nx.eigenvector_centrality(G, max_iter=100000, tol=1e-15, weight='weight'), weights x {scale:g}, divided by its maximum",
        maxscale(x))

# Louvain and modularity on EMON Texas, directed, read as the symmetrised graph.
for weighted, label, transform in ((False, "unweighted", None), (True, "frequency", None),
                                   (True, "strength", lambda w: 5 - w)):
    D = load("emon_texas", True, weighted, transform)
    U = symmetrise(D, weighted)
    g = to_igraph(U, weighted)
    w = "weight" if weighted else None
    qs = []
    for s in SEEDS:
        random.seed(s)
        qs.append(g.community_multilevel(weights=w).modularity)
    add("emon_texas", True, weighted, f"louvain:{label}", "igraph",
        f"random.seed(s); g.community_multilevel(weights={w!r}).modularity for s in 0..99, "
        "g the symmetrised graph (w_ij = w(i->j) + w(j->i))",
        value=statistics.median(qs), min=min(qs), max=max(qs))
    nq = [nx.algorithms.community.modularity(U, nx.algorithms.community.louvain_communities(U, weight=w, seed=s), weight=w)
          for s in SEEDS]
    add("emon_texas", True, weighted, f"louvain:{label}", "networkx",
        f"nx.algorithms.community.modularity(U, nx.algorithms.community.louvain_communities(U, weight={w!r}, seed=s), "
        f"weight={w!r}) for s in 0..99, U the symmetrised graph",
        value=statistics.median(nq), min=min(nq), max=max(nq))
    # Modularity of the partition by sponsorship: symmetrised (what ecosys
    # reports as group_modularity) and directed (Leicht-Newman, for contrast).
    groups = {}
    for v, d in D.nodes(data=True):
        groups.setdefault(d["sponsorship"], set()).add(v)
    parts = [groups[k] for k in sorted(groups)]
    add("emon_texas", True, weighted, f"group_modularity:{label}:sponsorship", "networkx",
        f"nx.algorithms.community.modularity(U, sponsorship groups, weight={w!r}), U the symmetrised graph",
        value=nx.algorithms.community.modularity(U, parts, weight=w))
    member = [sorted(groups).index(U.nodes[v]["sponsorship"]) for v in g.vs["name"]]
    add("emon_texas", True, weighted, f"group_modularity:{label}:sponsorship", "igraph",
        f"g.modularity(sponsorship membership, weights={w!r}), g the symmetrised graph",
        value=g.modularity(member, weights=w))
    add("emon_texas", True, weighted, f"directed_modularity:{label}:sponsorship", "networkx",
        f"nx.algorithms.community.modularity(D, sponsorship groups, weight={w!r}) on the digraph (Leicht-Newman)",
        value=nx.algorithms.community.modularity(D, parts, weight=w))

# Bipartite density of Davis's southern women: edges / (n0 n1).
B = load("davis", False, False)
women = {v for v, d in B.nodes(data=True) if d["mode"] == "woman"}
add("davis", False, False, "bipartite_density", "networkx", "bipartite.density(G, women)",
    value=bipartite.density(B, women))
add("davis", False, False, "density", "networkx", "nx.density(G) (one-mode, for contrast)", value=nx.density(B))

doc = {
    "provenance": {
        "script": "scripts/reference/numeric.py",
        "graphs": "scripts/reference/emon.R (emon_texas)",
        "networkx": nx.__version__,
        "igraph": ig.__version__,
        "python": platform.python_version(),
        "generated": datetime.date.today().isoformat(),
    },
    "cases": cases,
}
with open(OUT, "w") as f:
    json.dump(doc, f, indent=1, sort_keys=False)
    f.write("\n")
print(f"{len(cases)} cases written to {os.path.relpath(OUT, ROOT)}", file=sys.stderr)
