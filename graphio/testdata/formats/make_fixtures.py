#!/usr/bin/python3
"""Writes the NetworkX and igraph fixtures of graphio/format_test.go.

Run from this directory with the system Python that has NetworkX 2.8.8
and python-igraph 0.10.2:

    /usr/bin/python3 make_fixtures.py

The files are committed; rerun only to change them (and update the test).
"""
import json

import igraph
import networkx as nx
from networkx.readwrite import json_graph

assert nx.__version__ == "2.8.8", nx.__version__
assert igraph.__version__ == "0.10.2", igraph.__version__

# A small directed graph: attributes of several types, Chinese text,
# characters XML and JSON escape, an isolate, a node without attributes,
# and an edge attribute other than the weight.
G = nx.DiGraph()
G.add_node("pa", kind="公安局", rank=3, score=1.5, ok=True)
G.add_node("fr", kind='front "co" <&>', rank=1, score=0.25, ok=False)
G.add_node("eu", kind="end user")
G.add_node("iso", kind="isolate")
G.add_node("bare")
G.add_edge("pa", "fr", weight=2.5, label="x")
G.add_edge("fr", "eu", weight=1.0)
G.add_edge("eu", "pa", weight=3.0)
G.add_edge("pa", "eu", weight=0.5)
G.add_edge("bare", "pa", weight=4.0)

U = G.to_undirected()  # pa-eu gets one of the two weights: fixed below
U["pa"]["eu"]["weight"] = 3.0

nx.write_graphml(G, "nx-directed.graphml")
nx.write_graphml(U, "nx-undirected.graphml")
nx.write_gexf(G, "nx-directed.gexf")
nx.write_gexf(U, "nx-undirected.gexf")
for name, g in [("nx-directed.json", G), ("nx-undirected.json", U)]:
    with open(name, "w", encoding="utf-8") as f:
        json.dump(json_graph.node_link_data(g), f, ensure_ascii=False)

# The same graph from igraph: vertices are written as n0, n1, ... with the
# name in the attribute "name"; a missing string attribute is written as ""
# and a missing number as NaN.
for name, g in [("igraph-directed.graphml", G), ("igraph-undirected.graphml", U)]:
    ig = igraph.Graph(directed=g.is_directed())
    nodes = list(g.nodes)
    ig.add_vertices(nodes)
    ig.vs["kind"] = [g.nodes[n].get("kind", "") for n in nodes]
    ig.vs["rank"] = [g.nodes[n].get("rank", float("nan")) for n in nodes]
    ig.add_edges([(u, v) for u, v in g.edges])
    ig.es["weight"] = [d["weight"] for _, _, d in g.edges(data=True)]
    ig.write_graphml(name)
