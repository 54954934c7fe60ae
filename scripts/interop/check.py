#!/usr/bin/python3
"""Checks that NetworkX, igraph and Graphviz read the graph files ecosys writes.

Writes the i-SOON ledger network (weights: amounts in yuan) as GraphML,
GEXF, node-link JSON and DOT with

    go test ./graphio -run TestWriteInteropFiles -count=1 -args -interop-dir DIR

then reads each file with NetworkX (GraphML, GEXF, node-link JSON), igraph
(GraphML; igraph reads neither GEXF nor node-link JSON) and Graphviz's dot
(DOT), and compares node, edge and node-attribute counts, directedness
and the total weight with DIR/manifest.json. NetworkX and igraph must also
see the edge attributes contracts and amount_cny on every edge, and their
sums (amount_cny exactly, as decimals) must match the manifest's
total_contracts and total_amount_cny.

Run from the repository root with the system Python (NetworkX 2.8.8,
python-igraph 0.10.2):

    /usr/bin/python3 scripts/interop/check.py

Exit status 0 when every reader agrees, 1 otherwise.
"""
import decimal
import json
import math
import os
import subprocess
import sys
import tempfile

import igraph
import networkx as nx
from networkx.readwrite import json_graph


EDGE_ATTRS = ("contracts", "amount_cny")


def edge_sums(edge_dicts):
    """Edges that carry every one of EDGE_ATTRS, and the sums of contracts
    (as integers) and amount_cny (as exact decimals, formatted with two
    decimals as ecosys writes amounts)."""
    having, contracts, amount = 0, 0, decimal.Decimal(0)
    for d in edge_dicts:
        if all(d.get(a) is not None for a in EDGE_ATTRS):
            having += 1
            contracts += int(d["contracts"])
            amount += decimal.Decimal(str(d["amount_cny"]))
    return {"edges_with_attributes": having, "total_contracts": contracts,
            "total_amount_cny": "%.2f" % amount}


def summary_nx(g):
    attrs = set()
    for _, d in g.nodes(data=True):
        attrs.update(d)
    attrs.discard("label")  # read_gexf adds the node label
    return dict({
        "directed": g.is_directed(),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "node_attributes": len(attrs),
        "total_weight": sum(w for _, _, w in g.edges(data="weight")),
    }, **edge_sums(d for _, _, d in g.edges(data=True)))


def summary_igraph(g):
    attrs = set(g.vs.attributes()) - {"id"}  # read_graphml adds the GraphML id
    names = g.es.attributes()
    return dict({
        "directed": g.is_directed(),
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "node_attributes": len(attrs),
        "total_weight": sum(g.es["weight"]),
    }, **edge_sums({a: e[a] for a in names} for e in g.es))


def summary_dot(path):
    """Counts with Graphviz: dot -Tjson lays the graph out and lists it."""
    out = subprocess.run(["dot", "-Tjson0", path], check=True, capture_output=True, text=True).stdout
    g = json.loads(out)
    objects = g.get("objects", [])
    edges = g.get("edges", [])
    attrs = set()
    for o in objects:
        attrs.update(o)
    # Graphviz's own per-node keys.
    attrs -= {"_gvid", "name", "pos", "width", "height", "label", "shape", "_draw_", "_ldraw_"}
    return {
        "directed": g.get("directed", False),
        "nodes": len(objects),
        "edges": len(edges),
        "node_attributes": len(attrs),
        "total_weight": sum(float(e["weight"]) for e in edges),
    }


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(
            ["go", "test", "./graphio", "-run", "^TestWriteInteropFiles$", "-count=1", "-args", "-interop-dir", d],
            cwd=root, check=True, capture_output=True)
        with open(os.path.join(d, "manifest.json")) as f:
            m = json.load(f)
        want = dict(m, node_attributes=len(m["node_attributes"]), edges_with_attributes=m["edges"])
        del want["edge_attributes"]
        print("ecosys wrote: %(nodes)d nodes, %(edges)d edges, %(node_attributes)d node attributes, "
              "directed=%(directed)s, total weight %(total_weight).2f, "
              "edge attributes %(names)s, %(total_contracts)d contracts, %(total_amount_cny)s yuan"
              % dict(want, names=",".join(m["edge_attributes"])))
        print("NetworkX %s, igraph %s, %s" % (nx.__version__, igraph.__version__,
              subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()))

        def p(name):
            return os.path.join(d, name)

        def node_link(path):
            with open(path, encoding="utf-8") as f:
                return json_graph.node_link_graph(json.load(f))

        checks = [
            ("NetworkX", "isoon.graphml", lambda: summary_nx(nx.read_graphml(p("isoon.graphml")))),
            ("NetworkX", "isoon.gexf", lambda: summary_nx(nx.read_gexf(p("isoon.gexf")))),
            ("NetworkX", "isoon.json", lambda: summary_nx(node_link(p("isoon.json")))),
            ("igraph", "isoon.graphml", lambda: summary_igraph(igraph.Graph.Read_GraphML(p("isoon.graphml")))),
            ("Graphviz", "isoon.dot", lambda: summary_dot(p("isoon.dot"))),
        ]
        failed = 0
        for tool, file, read in checks:
            try:
                got = read()
            except Exception as e:  # report every reader, then fail
                print("FAIL %-8s %-14s %s: %s" % (tool, file, type(e).__name__, e))
                failed += 1
                continue
            bad = [k for k in want if k in got and
                   (not math.isclose(got[k], want[k], rel_tol=1e-12) if k == "total_weight" else got[k] != want[k])]
            status = "FAIL" if bad else "ok  "
            failed += bool(bad)
            edges = ""
            if "edges_with_attributes" in got:
                edges = "; edge attributes %s on %d edges, %d contracts, %s yuan" % (
                    "+".join(EDGE_ATTRS), got["edges_with_attributes"], got["total_contracts"], got["total_amount_cny"])
            print("%s %-8s %-14s nodes %d, edges %d, node attributes %d, directed %s, total weight %.2f%s%s" % (
                status, tool, file, got["nodes"], got["edges"], got["node_attributes"], got["directed"],
                got["total_weight"], edges, " (differs: %s)" % ", ".join(bad) if bad else ""))
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
