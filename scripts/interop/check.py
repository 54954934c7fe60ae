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

Then, value by value (issue 18): the i-SOON network, the embedded
meta-network (every layer) and a small graph with self-loops (kept with
--loops keep: a loop with attributes, a loop at a node without other
edges) written by

    go test ./graphio -run TestWriteInteropTyped -count=1 -args -interop-dir DIR

must read back with every node, label, edge, weight and attribute value
of DIR/expect.json, typed: GraphML into NetworkX and igraph, GEXF and
node-link JSON into NetworkX, DOT into Graphviz (names, labels, weights,
values as text), and the meta-network's CSV tables (ecosys build --format
csv) into NetworkX and igraph with Python's csv module. A long must read
as a number (int in NetworkX; igraph keeps every number as a float), a
double as a float equal to the written decimal, a boolean as a bool;
an empty value of a typed attribute is absent.

Run from the repository root with the system Python (NetworkX 2.8.8,
python-igraph 0.10.2; apt-get install python3-networkx python3-igraph
graphviz):

    /usr/bin/python3 scripts/interop/check.py

Exit status 0 when every reader agrees, 1 otherwise.
"""
import csv
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
        subprocess.run(
            ["go", "test", "./graphio", "-run", "^TestWriteInteropTyped$", "-count=1", "-args", "-interop-dir", d],
            cwd=root, check=True, capture_output=True)
        print("Value by value (expect.json: nodes, labels, edges, weights, typed attributes):")
        failed += values(d)
        return 1 if failed else 0


# --- Value by value -------------------------------------------------------

TABLE_TYPES = {"edge:contracts": "long", "edge:amount_cny": "double", "edge:allegation": "boolean",
               "edge:count": "long", "edge:date_start": "string", "edge:reliability": "string"}

def absent(v):
    return v is None or v == "" or (isinstance(v, float) and math.isnan(v))


def same(want, got, typ, text=False):
    """Whether got, as a reader gives it, is the written value want of type
    typ. text: the reader gives every value as text (DOT, CSV)."""
    if want is None:
        return absent(got)
    if absent(got) and want != "":
        return False
    if typ in ("long", "double"):
        if not text and (isinstance(got, (str, bool)) or not isinstance(got, (int, float))):
            return False
        if typ == "long" and not text and isinstance(got, float) and not got.is_integer():
            return False
        return float(got) == float(want)
    if typ == "boolean":
        if text:
            return str(got) == ("true" if want else "false")
        return isinstance(got, bool) and got == want
    return (got if got is not None else "") == want


class Tally:
    def __init__(self):
        self.checked, self.by_type, self.bad = 0, {}, []

    def value(self, where, want, got, typ, text=False):
        self.checked += 1
        self.by_type[typ] = self.by_type.get(typ, 0) + 1
        if not same(want, got, typ, text) and len(self.bad) < 5:
            self.bad.append("%s: got %r, want %r (%s)" % (where, got, want, typ))

    def fail(self, msg):
        self.bad.append(msg)


def check_graph(x, nodes, labels, edges, text=False, skip_node=(), skip_edge=()):
    """Compares a graph read by a tool with the expectation x. nodes: name
    -> attribute dict; labels: name -> label or None; edges: list of
    (source, target, weight, attribute dict)."""
    t = Tally()
    types = x["types"]
    if set(nodes) != set(x["nodes"]):
        t.fail("nodes differ: %d read, %d written" % (len(nodes), len(x["nodes"])))
    for name, want in x["nodes"].items():
        got = nodes.get(name, {})
        for k in (k[5:] for k in types if k.startswith("node:")):
            if k in skip_node:
                continue
            t.value("node %s %s" % (name, k), want.get(k), got.get(k), types["node:" + k], text)
        if "amount_cny_exact" in want and not text:
            t.value("node %s amount_cny_exact" % name, want["amount_cny_exact"], got.get("amount_cny_exact"), "string")
        if labels is not None:
            t.value("node %s label" % name, x["labels"][name], labels.get(name), "string")
    key = (lambda s, d: (s, d)) if x["directed"] else (lambda s, d: tuple(sorted((s, d))))
    read = {}
    for s, d, w, a in edges:
        if key(s, d) in read:
            t.fail("edge %s -> %s read twice" % (s, d))
        read[key(s, d)] = (w, a)
    if len(read) != len(x["edges"]):
        t.fail("edges: %d read, %d written" % (len(read), len(x["edges"])))
    for e in x["edges"]:
        got = read.get(key(e["source"], e["target"]))
        if got is None:
            t.fail("edge %s -> %s missing" % (e["source"], e["target"]))
            continue
        w, a = got
        t.value("edge %s -> %s weight" % (e["source"], e["target"]), e["weight"], w, "double", text)
        for k in (k[5:] for k in types if k.startswith("edge:")):
            if k in skip_edge:
                continue
            t.value("edge %s -> %s %s" % (e["source"], e["target"], k), e["attrs"].get(k), a.get(k), types["edge:" + k], text)
        if "amount_cny_exact" in e["attrs"] and not text:  # text formats keep the decimal itself
            t.value("edge %s -> %s amount_cny_exact" % (e["source"], e["target"]), e["attrs"]["amount_cny_exact"],
                    a.get("amount_cny_exact"), "string")
    return t


def read_nx(g, gexf=False):
    """Nodes, labels (read_gexf's node label, gexf only) and edges of a
    NetworkX graph."""
    nodes = {str(n): dict(d) for n, d in g.nodes(data=True)}
    labels = {n: d.pop("label", None) for n, d in nodes.items()} if gexf else None
    edges = []
    for s, d, a in g.edges(data=True):
        a = dict(a)
        w = a.pop("weight", None)
        a.pop("id", None)  # read_gexf adds the edge id
        edges.append((str(s), str(d), w, a))
    return nodes, labels, edges


def read_igraph(g):
    names = g.vs["id"]
    nodes = {}
    for v in g.vs:
        a = v.attributes()
        a.pop("id", None)
        nodes[a.get("name") or names[v.index]] = a
    names = list(nodes)
    edges = []
    for e in g.es:
        a = e.attributes()
        w = a.pop("weight", None)
        edges.append((names[e.source], names[e.target], w, a))
    return nodes, edges


def read_dot(path):
    g = json.loads(subprocess.run(["dot", "-Tjson0", path], check=True, capture_output=True, text=True).stdout)
    objects = g.get("objects", [])
    nodes, labels, names = {}, {}, []
    for o in objects:
        a = {k: v for k, v in o.items() if not k.startswith("_") and k not in ("name", "label", "pos", "width", "height", "shape")}
        nodes[o["name"]] = a
        labels[o["name"]] = o.get("label", "\\N").replace("\\N", o["name"])
        names.append(o["name"])
    edges = []
    for e in g.get("edges", []):
        a = {k: v for k, v in e.items() if not k.startswith("_") and k not in ("tail", "head", "weight", "pos")}
        edges.append((names[e["tail"]], names[e["head"]], e["weight"], a))
    return g.get("directed", False), nodes, labels, edges


def csv_tables(d):
    with open(os.path.join(d, "meta.nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(d, "meta.edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    return nodes, edges


def check_csv(want, nodes, edges):
    """Compares the rows a tool read from the CSV tables with the tables
    written (want: header row then records), as text."""
    t = Tally()
    header, rows = want["nodes"][0], want["nodes"][1:]
    if len(nodes) != len(rows):
        t.fail("nodes: %d read, %d written" % (len(nodes), len(rows)))
    for r in rows:
        got = nodes.get(r[0], {})
        for k, v in zip(header[1:], r[1:]):
            t.value("node %s %s" % (r[0], k), v, got.get(k, None), "string")
    header, rows = want["edges"][0], want["edges"][1:]
    if len(edges) != len(rows):
        t.fail("relations: %d read, %d written" % (len(edges), len(rows)))
    for r, got in zip(rows, edges):
        for k, v in zip(header, r):
            t.value("relation %s %s" % (r[3], k), v, got.get(k), "string")
    return t


def values(d):
    with open(os.path.join(d, "expect.json")) as f:
        x = json.load(f)
    p = lambda name: os.path.join(d, name)
    checks = []
    for name in ("isoon", "meta", "loops"):
        g = x["graphs"][name]

        def nx_graphml(name=name, g=g):
            nodes, _, edges = read_nx(nx.read_graphml(p(name + ".graphml")))
            return check_graph(g, nodes, None, edges)

        def nx_gexf(name=name, g=g):
            nodes, labels, edges = read_nx(nx.read_gexf(p(name + ".gexf")), gexf=True)
            # read_gexf gives the node's label as "label"; an attribute
            # "label" (the meta-network's) is that label.
            return check_graph(g, nodes, labels, edges, skip_node=("label",))

        def nx_json(name=name, g=g):
            with open(p(name + ".json"), encoding="utf-8") as f:
                nodes, _, edges = read_nx(json_graph.node_link_graph(json.load(f)))
            return check_graph(g, nodes, None, edges)

        def ig_graphml(name=name, g=g):
            ig = igraph.Graph.Read_GraphML(p(name + ".graphml"))
            nodes, edges = read_igraph(ig)
            return check_graph(g, nodes, None, edges)

        def gv_dot(name=name, g=g):
            directed, nodes, labels, edges = read_dot(p(name + ".dot"))
            t = check_graph(g, nodes, labels, edges, text=True, skip_node=("label",))
            if directed != g["directed"]:
                t.fail("directed %s, want %s" % (directed, g["directed"]))
            return t

        checks += [("NetworkX", name + ".graphml", nx_graphml), ("NetworkX", name + ".gexf", nx_gexf),
                   ("NetworkX", name + ".json", nx_json), ("igraph", name + ".graphml", ig_graphml),
                   ("Graphviz", name + ".dot", gv_dot)]

    def nx_csv():
        nrows, erows = csv_tables(d)
        g = nx.MultiDiGraph()
        for r in nrows:
            g.add_node(r["id"], **{k: v for k, v in r.items() if k != "id"})
        for r in erows:
            g.add_edge(r["from"], r["to"], **r)
        nodes = {n: dict(a) for n, a in g.nodes(data=True)}
        return check_csv(x["csv"], nodes, [a for _, _, a in g.edges(data=True)])

    def ig_csv():
        nrows, erows = csv_tables(d)
        g = igraph.Graph.DictList(nrows, erows, directed=True, vertex_name_attr="id", edge_foreign_keys=("from", "to"))
        nodes = {v["id"]: v.attributes() for v in g.vs}
        edges = []
        for e in g.es:
            a = e.attributes()
            a["from"], a["to"] = g.vs[e.source]["id"], g.vs[e.target]["id"]
            edges.append(a)
        return check_csv(x["csv"], nodes, edges)

    checks += [("NetworkX", "meta.*.csv", nx_csv), ("igraph", "meta.*.csv", ig_csv)]
    failed = 0
    # The types of the attribute-type table (graphio.KnownAttrs), so that a
    # writer that typed everything as text would not pass.
    for name, g in x["graphs"].items():
        for k, typ in TABLE_TYPES.items():
            if k in g["types"] and g["types"][k] != typ:
                print("FAIL types    %-14s %s is %s, want %s" % (name, k, g["types"][k], typ))
                failed += 1
        print("ok   types    %-14s %s" % (name, ", ".join(
            "%s %s" % (k, g["types"][k]) for k in sorted(TABLE_TYPES) if k in g["types"])))
    for tool, file, check in checks:
        try:
            t = check()
        except Exception as e:
            print("FAIL %-8s %-14s %s: %s" % (tool, file, type(e).__name__, e))
            failed += 1
            continue
        status = "ok  " if not t.bad else "FAIL"
        failed += bool(t.bad)
        print("%s %-8s %-14s %d values match (%s)%s" % (
            status, tool, file, t.checked - len(t.bad),
            ", ".join("%s %d" % kv for kv in sorted(t.by_type.items())),
            "".join("\n       " + b for b in t.bad)))
    return failed


if __name__ == "__main__":
    sys.exit(main())
