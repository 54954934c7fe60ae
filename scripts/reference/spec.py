#!/usr/bin/python3
"""Reference values for the spectral, core, clustering and community
measures of package metrics (area "spec"): eigenvector centrality,
PageRank, HITS, core numbers, clustering, transitivity and modularity.

Run from the repository root with the Debian Python (networkx 2.8.8,
python3-igraph 0.10.2):

    /usr/bin/python3 scripts/reference/spec.py

It writes metrics/testdata/reference/spec.json. ecosys scales eigenvector
and HITS scores to max 1 (igraph's convention); NetworkX's values are
rescaled here, as each case's call says.
"""
import os
import sys

# Other scripts in this directory (if named after one) would shadow standard modules
# of the same name: take the script's own directory off the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [q for q in sys.path if os.path.abspath(q or os.curdir) != _HERE]

import csv  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import warnings  # noqa: E402

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402
import numpy  # noqa: E402
from networkx.algorithms.link_analysis.hits_alg import _hits_python  # noqa: E402

warnings.simplefilter("ignore")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GRAPHS = os.path.join(ROOT, "metrics", "testdata", "graphs")
OUT = os.path.join(ROOT, "metrics", "testdata", "reference", "spec.json")

# name, directed, weighted
ALL = [
    ("karate", False, False), ("florentine", False, False), ("kite", False, False),
    ("star", False, False), ("path", False, False), ("cycle", False, False),
    ("complete", False, False), ("disconnected", False, False),
    ("directed", True, False), ("weighted", False, True),
    ("outtree", True, False), ("outstar", True, False),
]
# Graphs whose dominant eigenvalue of AAᵀ is repeated: the HITS vector is
# not unique, and igraph's ARPACK returns another vector of the eigenspace.
HITS_DEGENERATE = {"star", "disconnected", "directed", "outtree", "outstar"}


def load(name, directed, weighted):
    """Node file first, so that isolates are kept and names stay strings."""
    G = nx.DiGraph() if directed else nx.Graph()
    with open(os.path.join(GRAPHS, name + ".nodes.csv"), newline="") as f:
        for r in csv.DictReader(f):
            G.add_node(r["id"], **{k: v for k, v in r.items() if k != "id"})
    with open(os.path.join(GRAPHS, name + ".edges.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if weighted:
                G.add_edge(r["source"], r["target"], weight=float(r["weight"]))
            else:
                G.add_edge(r["source"], r["target"])
    return G


def to_igraph(G, weighted):
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()],
                 directed=G.is_directed())
    g.vs["name"] = nodes
    if weighted:
        g.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    return g


cases = []


def add(name, directed, weighted, measure, tool, call, nodes=None, value=None, note=None):
    c = {"graph": name, "directed": directed, "weighted": weighted,
         "measure": measure, "tool": tool, "call": call}
    if nodes is not None:
        c["nodes"] = {k: float(v) + 0.0 for k, v in nodes.items()}
    if value is not None:
        c["value"] = float(value)
    if note:
        c["note"] = note
    cases.append(c)


def maxscale(d):
    m = max(d.values())
    return {k: v / m for k, v in d.items()}


def ignodes(g, values):
    return dict(zip(g.vs["name"], values))


for name, directed, weighted in ALL:
    G = load(name, directed, weighted)
    g = to_igraph(G, weighted)
    w = "weight" if weighted else None
    iw = "weight" if weighted else None

    # Eigenvector centrality, scaled to max 1.
    if not directed:
        x = nx.eigenvector_centrality(G, max_iter=100000, tol=1e-15, weight=w)
        add(name, directed, weighted, "eigenvector", "networkx",
            f"nx.eigenvector_centrality(G, max_iter=100000, tol=1e-15, weight={w!r}), divided by its maximum",
            maxscale(x))
        if name == "disconnected":
            # ARPACK converges to the same vector only to about 1e-5 here.
            pass
        else:
            add(name, directed, weighted, "eigenvector", "igraph",
                f"g.eigenvector_centrality(scale=True, weights={iw!r})",
                ignodes(g, g.eigenvector_centrality(scale=True, weights=iw)))
    elif name == "directed":
        # NetworkX's power iteration does not converge (a Jordan block at the
        # spectral radius 1: the 3-cycle 0,1,2 feeds the 2-cycle 3,4), and
        # nx.eigenvector_centrality_numpy (ARPACK, random start) returns a
        # different, inaccurate vector on every run: no NetworkX case.
        add(name, directed, weighted, "eigenvector", "igraph",
            "[round(abs(v), 6) for v in g.eigenvector_centrality(directed=True, scale=True)]",
            ignodes(g, [round(abs(v), 6) for v in g.eigenvector_centrality(directed=True, scale=True)]),
            note="ARPACK is accurate to only about 1e-8 on this defective eigenvalue (and varies from "
                 "run to run); rounded to 6 decimals, which gives the exact eigenvector")
    # outtree, outstar: acyclic; ecosys returns ErrNoCycle (igraph zeros, NetworkX fails).

    # PageRank, damping 0.85.
    add(name, directed, weighted, "pagerank", "networkx",
        f"nx.pagerank(G, alpha=0.85, max_iter=100000, tol=1e-15, weight={w!r})",
        nx.pagerank(G, alpha=0.85, max_iter=100000, tol=1e-15, weight=w))
    add(name, directed, weighted, "pagerank", "igraph",
        f"g.pagerank(damping=0.85, directed=True, weights={iw!r})",
        ignodes(g, g.pagerank(damping=0.85, directed=True, weights=iw)))

    # HITS, each vector scaled to max 1.
    h, a = _hits_python(G, max_iter=100000, tol=1e-15, normalized=False)
    note = ("degenerate dominant eigenvalue: igraph hub_score/authority_score and nx.hits (svds) "
            "return other vectors of the eigenspace") if name in HITS_DEGENERATE else None
    call = "networkx.algorithms.link_analysis.hits_alg._hits_python(G, max_iter=100000, tol=1e-15, normalized=False)"
    add(name, directed, weighted, "hits_hub", "networkx", call + "[0] (Kleinberg's iteration, max 1)", h, note=note)
    add(name, directed, weighted, "hits_authority", "networkx", call + "[1] (Kleinberg's iteration, max 1)", a, note=note)
    if name not in HITS_DEGENERATE:
        add(name, directed, weighted, "hits_hub", "igraph", f"g.hub_score(scale=True, weights={iw!r})",
            ignodes(g, g.hub_score(scale=True, weights=iw)))
        add(name, directed, weighted, "hits_authority", "igraph", f"g.authority_score(scale=True, weights={iw!r})",
            ignodes(g, g.authority_score(scale=True, weights=iw)))
    if name not in HITS_DEGENERATE and name != "path":
        # nx.hits calls ARPACK svds from a random start: on the bipartite
        # path (singular value repeated with sign) it returns a random
        # vector of the eigenspace, so it is checked on the others only.
        add(name, directed, weighted, "hits_hub", "networkx", "nx.hits(G, max_iter=100000, tol=1e-15)[0], divided by its maximum",
            maxscale(nx.hits(G, max_iter=100000, tol=1e-15)[0]))

    # Core numbers (total degree on digraphs).
    add(name, directed, weighted, "core_number", "networkx", "nx.core_number(G)", nx.core_number(G))
    add(name, directed, weighted, "core_number", "igraph", 'g.coreness(mode="all")',
        ignodes(g, g.coreness(mode="all")))

    # Local clustering and transitivity, on the underlying undirected graph.
    U = G.to_undirected() if directed else G
    pre = "U = G.to_undirected(); " if directed else ""
    unote = ("ecosys reads a digraph as its underlying undirected graph; nx.clustering(G) on the "
             "DiGraph is Fagiolo's directed coefficient") if directed else None
    add(name, directed, weighted, "clustering", "networkx", pre + ("nx.clustering(U)" if directed else "nx.clustering(G)"),
        nx.clustering(U), note=unote)
    add(name, directed, weighted, "clustering", "igraph", 'g.transitivity_local_undirected(mode="zero")',
        ignodes(g, g.transitivity_local_undirected(mode="zero")))
    add(name, directed, weighted, "transitivity", "networkx", pre + ("nx.transitivity(U)" if directed else "nx.transitivity(G)"),
        value=nx.transitivity(U), note=unote)
    add(name, directed, weighted, "transitivity", "igraph", "g.transitivity_undirected()",
        value=g.transitivity_undirected())


# Modularity of given partitions. The measure names the partition; the Go
# test rebuilds it (see modularityPartitions in community_test.go).
def modularity_case(name, directed, weighted, label, parts, resolution=1.0):
    G = load(name, directed, weighted)
    g = to_igraph(G, weighted)
    w = "weight"  # unweighted graphs have no attribute: weight 1
    q = nx.algorithms.community.modularity(G, parts, weight=w, resolution=resolution)
    add(name, directed, weighted, f"modularity:{label}:{resolution:g}", "networkx",
        f"nx.algorithms.community.modularity(G, {[sorted(p) for p in parts]}, weight='weight', resolution={resolution:g})",
        value=q)
    member = [next(i for i, p in enumerate(parts) if v in p) for v in g.vs["name"]]
    # python-igraph 0.10.2's Graph.modularity drops resolution and directed
    # (igraph/community.py _modularity): call the C binding directly.
    qi = ig.GraphBase.modularity(g, member, "weight" if weighted else None, resolution, directed)
    add(name, directed, weighted, f"modularity:{label}:{resolution:g}", "igraph",
        f"ig.GraphBase.modularity(g, {member}, {'weight' if weighted else None!r}, {resolution:g}, {directed})",
        value=qi, note="Graph.modularity of python-igraph 0.10.2 ignores resolution and directed" if resolution != 1 else None)


K = load("karate", False, False)
club = [{v for v, d in K.nodes(data=True) if d["club"] == c} for c in ("Mr. Hi", "Officer")]
for r in (1.0, 0.5, 2.0):
    modularity_case("karate", False, False, "club", club, r)
F = load("florentine", False, False)
modularity_case("florentine", False, False, "components", [set(c) for c in nx.connected_components(F)])
modularity_case("disconnected", False, False, "components", [{"0", "1", "2", "3", "4"}, {"5", "6", "7"}, {"8"}])
modularity_case("disconnected", False, False, "singletons", [{str(i)} for i in range(9)])
modularity_case("weighted", False, True, "halves", [{"0", "1", "2"}, {"3", "4", "5"}])
modularity_case("directed", True, False, "scc", [{"0", "1", "2"}, {"3", "4"}, {"5", "6"}, {"7"}])
modularity_case("directed", True, False, "scc", [{"0", "1", "2"}, {"3", "4"}, {"5", "6"}, {"7"}], 0.5)
modularity_case("directed", True, False, "all", [{str(i) for i in range(8)}])
modularity_case("outtree", True, False, "branches", [{"0"}, {"1", "3", "4"}, {"2", "5", "6"}])

doc = {
    "provenance": {
        "script": "scripts/reference/spec.py",
        "networkx": nx.__version__,
        "igraph": ig.__version__,
        "numpy": numpy.__version__,
        "python": platform.python_version(),
        "generated": datetime.date.today().isoformat(),
    },
    "cases": cases,
}
with open(OUT, "w") as f:
    json.dump(doc, f, indent=1, sort_keys=False)
    f.write("\n")
print(f"{len(cases)} cases written to {os.path.relpath(OUT, ROOT)}", file=sys.stderr)
