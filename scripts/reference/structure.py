#!/usr/bin/python3
"""Reference values for the structure measures of package metrics (area "struct").

Writes metrics/testdata/reference/struct.json: Burt's constraint and
effective size, Gould-Fernandez brokerage (from R sna, via structure.R),
density, weak and strong components, reciprocity, degree and attribute
assortativity on the graphs of metrics/testdata/graphs, computed with
NetworkX, python-igraph and R sna.

Run with the Debian interpreter (python3-networkx 2.8.8, python3-igraph
0.10.2; r-cran-sna for structure.R), from anywhere:

    /usr/bin/python3 scripts/reference/structure.py

Conventions converted here (see the `note` of each case):
- Constraint and effective size of an isolate: NetworkX and igraph give NaN;
  ecosys gives 0 (the empty sum), which no node with a contact can have.
- NetworkX 2.8.8 tests `len(G[v]) == 0` (successors only) and so gives NaN
  for a node of a digraph that has in-edges but no out-edges (a sink).
  NetworkX 3.6.1 still does in its loop path (checked by running it without
  scipy); its sparse-matrix path (nodes=None with scipy installed) tests the
  mutual weights instead and has no such NaN (read in its source). For sinks the script evaluates NetworkX 2.8.8's own
  formula (nx.local_constraint and the redundancy of nx.effective_size) over
  all in- and out-neighbours, without the faulty test.
- Components are lists; the cases record, for every node, the size of the
  component that holds it, and the number of components as `value`.
- Undefined values (NaN in the peers: assortativity of a regular graph,
  reciprocity of a graph without edges) are written as null; ecosys returns
  an undefined metrics.Value for them.
"""

import os
import sys

# NetworkX sums over sets of nodes, whose order follows string hashing; fix
# the hash seed so that a regenerated file is byte-identical (the values
# otherwise move in the last bit).
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0"))

import csv  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import subprocess  # noqa: E402
import warnings  # noqa: E402

import igraph  # noqa: E402
import networkx as nx  # noqa: E402
from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GRAPHS = os.path.join(ROOT, "metrics", "testdata", "graphs")
OUT = os.path.join(ROOT, "metrics", "testdata", "reference", "struct.json")
RSCRIPT = os.path.join(ROOT, "scripts", "reference", "structure.R")

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

# Groups of the directed test graph (its node file has no attribute); the
# same table is in structure.R and metrics/brokerage_test.go.
DIRECTED_GROUPS = {"0": "A", "1": "A", "2": "B", "3": "B", "4": "C", "5": "B", "6": "C", "7": "A"}


def load(name, weighted):
    """Return (names, attrs, edges): names in node-file order, then edge order."""
    names, attrs, seen = [], {}, set()
    with open(os.path.join(GRAPHS, name + ".nodes.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["id"] not in seen:
                seen.add(row["id"])
                names.append(row["id"])
                attrs[row["id"]] = {k: v for k, v in row.items() if k != "id"}
    edges = []
    with open(os.path.join(GRAPHS, name + ".edges.csv"), newline="") as f:
        for row in csv.DictReader(f):
            u, v = row["source"], row["target"]
            for x in (u, v):
                if x not in seen:
                    seen.add(x)
                    names.append(x)
                    attrs[x] = {}
            w = float(row["weight"]) if weighted else 1.0
            edges.append((u, v, w))
    return names, attrs, edges


def nx_graph(names, attrs, edges, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    for x in names:
        G.add_node(x, **attrs[x])
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


def nx28_constraint_all_neighbours(G, v, W):
    """NetworkX 2.8.8's constraint formula for v over all in/out neighbours."""
    return sum(nx.local_constraint(G, v, n, W) for n in set(nx.all_neighbors(G, v)))


def nx28_effective_size_all_neighbours(G, v, W):
    """NetworkX 2.8.8's general effective-size formula (its inner redundancy())."""
    nbrs = set(nx.all_neighbors(G, v))
    return sum(
        1 - sum(nmw(G, v, w, weight=W) * nmw(G, u, w, norm=max, weight=W) for w in nbrs)
        for u in nbrs)


def main():
    cases = []

    def add(graph, directed, weighted, measure, tool, call, nodes=None, value=None,
            undefined=False, note=""):
        c = {"graph": graph, "directed": directed, "weighted": weighted,
             "measure": measure, "tool": tool, "call": call}
        if nodes is not None:
            c["nodes"] = {k: fl(v) for k, v in nodes.items()}
        if undefined:
            c["value"] = None
        elif value is not None:
            c["value"] = fl(value)
        if note:
            c["note"] = note
        cases.append(c)

    for name, (directed, weighted) in CASES.items():
        names, attrs, edges = load(name, weighted)
        G = nx_graph(names, attrs, edges, directed)
        g = ig_graph(G, names, directed)
        ig_by = lambda xs: {names[i]: x for i, x in enumerate(xs)}
        isolates = [x for x in names if G.degree(x) == 0]
        sinks = [x for x in names if directed and G.degree(x) > 0 and G.out_degree(x) == 0]

        # Structural holes.
        for wt in ([False, True] if weighted else [False]):
            W = "weight" if wt else None
            wkw = ", weight='weight'" if wt else ""
            igw = "weights='weight'" if wt else ""
            notes = []
            if isolates:
                notes.append("isolates %s: NaN in the peer, 0 in ecosys (empty sum)" % ",".join(isolates))
            c = nx.constraint(G, weight=W)
            es = nx.effective_size(G, weight=W)
            call_c = "nx.constraint(G%s)" % wkw
            call_e = "nx.effective_size(G%s)" % wkw
            if sinks:
                for x in sinks:
                    c[x] = nx28_constraint_all_neighbours(G, x, W)
                    es[x] = nx28_effective_size_all_neighbours(G, x, W)
                call_c += "; sinks: sum(nx.local_constraint(G, v, u%s) for u in all_neighbors(G, v))" % wkw
                call_e += "; sinks: NetworkX's redundancy formula over all_neighbors(G, v)"
                notes.append("sinks %s: NetworkX 2.8.8 gives NaN (it tests len(G[v]) == 0, successors only; "
                             "so does 3.6.1 without scipy); its formula is evaluated over all neighbours here"
                             % ",".join(sinks))
            for x in isolates:
                c[x] = 0.0
                es[x] = 0.0
            add(name, directed, wt, "constraint", "networkx", call_c, nodes=c, note="; ".join(notes))
            add(name, directed, wt, "effective_size", "networkx", call_e, nodes=es, note="; ".join(notes))
            ic = ig_by(g.constraint(weights=W))
            for x in isolates:
                ic[x] = 0.0
            add(name, directed, wt, "constraint", "igraph", "g.constraint(%s)" % igw, nodes=ic,
                note=("isolates %s: NaN in igraph, 0 in ecosys" % ",".join(isolates)) if isolates else "")

        # Density.
        add(name, directed, False, "density", "networkx", "nx.density(G)", value=nx.density(G))
        add(name, directed, False, "density", "igraph", "g.density(loops=False)",
            value=g.density(loops=False))

        # Weak components (undirected graphs: connected components).
        wcc = list(nx.weakly_connected_components(G) if directed else nx.connected_components(G))
        size = {x: len(cc) for cc in wcc for x in cc}
        call = "nx.weakly_connected_components(G)" if directed else "nx.connected_components(G)"
        add(name, directed, False, "weak_component_size", "networkx",
            "size of the component of each node in " + call, nodes=size)
        add(name, directed, False, "weak_components", "networkx", "len(list(%s))" % call,
            value=len(wcc))
        add(name, directed, False, "largest_component", "networkx",
            "max(len(c) for c in %s)" % call, value=max(len(cc) for cc in wcc))
        add(name, directed, False, "largest_component", "igraph",
            "max(g.connected_components(mode='weak').sizes())", value=max(g.connected_components(mode="weak").sizes()))
        if directed:
            scc = list(nx.strongly_connected_components(G))
            size = {x: len(cc) for cc in scc for x in cc}
            add(name, directed, False, "strong_component_size", "networkx",
                "size of the component of each node in nx.strongly_connected_components(G)",
                nodes=size)
            add(name, directed, False, "strong_components", "networkx",
                "len(list(nx.strongly_connected_components(G)))", value=len(scc))
            add(name, directed, False, "strong_components", "igraph",
                "len(g.connected_components(mode='strong'))", value=len(g.connected_components(mode="strong")))

            # Reciprocity.
            if G.number_of_edges() > 0:
                add(name, directed, False, "reciprocity", "networkx", "nx.overall_reciprocity(G)",
                    value=nx.overall_reciprocity(G))
            add(name, directed, False, "reciprocity", "igraph",
                "g.reciprocity(ignore_loops=True, mode='default')",
                value=g.reciprocity(ignore_loops=True, mode="default"))

        # Degree assortativity.
        with warnings.catch_warnings():
            # NaN (0/0) is expected for regular graphs; it is recorded as null.
            warnings.simplefilter("ignore", RuntimeWarning)
            r = nx.degree_assortativity_coefficient(G)
        und = math.isnan(r)
        add(name, directed, False, "degree_assortativity", "networkx",
            "nx.degree_assortativity_coefficient(G)" + (" (x='out', y='in')" if directed else ""),
            value=None if und else r, undefined=und,
            note="NaN in NetworkX (zero variance of the degrees at an end of the edges); undefined in ecosys" if und else "")
        r = g.assortativity_degree(directed=directed)
        und = math.isnan(r)
        add(name, directed, False, "degree_assortativity", "igraph",
            "g.assortativity_degree(directed=%s)" % directed,
            value=None if und else r, undefined=und,
            note="NaN in igraph; undefined in ecosys" if und else "")

        # Attribute assortativity.
        attr = None
        if name == "karate":
            attr = "club"
        elif name == "davis":
            attr = "mode"
        elif name == "directed":
            attr = "group"
            for x in names:
                G.nodes[x]["group"] = DIRECTED_GROUPS[x]
        if attr:
            r = nx.attribute_assortativity_coefficient(G, attr)
            add(name, directed, False, "attribute_assortativity", "networkx",
                "nx.attribute_assortativity_coefficient(G, %r)" % attr, value=r,
                note="groups of the directed graph: %s" % DIRECTED_GROUPS if name == "directed" else "")
            cats = sorted(set(G.nodes[x][attr] for x in names))
            types = [cats.index(G.nodes[x][attr]) for x in names]
            r = g.assortativity_nominal(types, directed=directed)
            add(name, directed, False, "attribute_assortativity", "igraph",
                "g.assortativity_nominal(types=<%s as integers>, directed=%s)" % (attr, directed),
                value=r)

    r = subprocess.run(["/usr/bin/Rscript", RSCRIPT], check=True, capture_output=True, text=True)
    rdoc = json.loads(r.stdout)
    for c in rdoc["cases"]:
        if "nodes" in c:
            c["nodes"] = {k: fl(v) for k, v in c["nodes"].items()}
        if "value" in c:
            c["value"] = fl(c["value"])
    cases.extend(rdoc["cases"])

    doc = {
        "provenance": {
            "script": "scripts/reference/structure.py",
            "script_R": rdoc["provenance"]["script_R"],
            "python": sys.version.split()[0],
            "networkx": nx.__version__,
            "igraph": igraph.__version__,
            "igraph_c_core": igraph._igraph.__igraph_version__,
            "R": rdoc["provenance"]["R"],
            "sna": rdoc["provenance"]["sna"],
            "network": rdoc["provenance"]["network"],
        },
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False, allow_nan=False)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.relpath(OUT, ROOT)))


if __name__ == "__main__":
    main()
