#!/usr/bin/python3
"""Reference values for centralization, Krackhardt hierarchy, concentration
and two-mode centralization of package metrics (area "centr").

Writes metrics/testdata/reference/centr.json. Run with the Debian
interpreter (python3-networkx 2.8.8, python3-igraph 0.10.2, numpy), from
anywhere:

    /usr/bin/python3 scripts/reference/centr.py

It runs scripts/reference/centr.R (R sna 2.7, R igraph 1.3.5, through
/usr/bin/Rscript) for the values only R computes (Freeman centralization,
Krackhardt's four measures) and merges them.

Conventions converted here (see the `note` of each case):
- Node scores that the centralization tests feed to metrics.Centralize are
  attached to the R cases as `nodes`: raw Freeman betweenness
  (nx.betweenness_centrality(normalized=False)); harmonic centrality divided
  by n-1, on OUT-distances (NetworkX uses in-distances, so it is called on
  G.reverse() for digraphs); Wasserman-Faust closeness on out-distances
  (nx.closeness_centrality(G.reverse(), wf_improved=True)); eigenvector
  centrality scaled to max 1 (python-igraph).
- Closeness centralization: sna and igraph disagree with ecosys on directed
  and disconnected graphs, so the ecosys value is computed in this script
  from the NetworkX scores with ecosys's maximum (tool "networkx+formula");
  igraph's value is used only where it must agree (connected undirected).
- Eigenvector centralization: igraph's value is converted from igraph's
  maximum n-2 to ecosys's star maximum n-1-sqrt(n-1).
- Two-mode degree centralization: netrics (R, stocnet) is not installed;
  its mode_by_degree formula sum(dmax - d)/((n1-1)(n2-1)) is computed here
  by hand (tool "netrics-formula").
- Concentration indices: computed independently with numpy from the
  definitions (Gini by the O(n^2) mean absolute difference, not the sorted
  formula ecosys uses).
"""

import os
import sys

# Do not import sibling scripts (a script named after a standard module would shadow the
# standard library module struct): drop the script directory from the path.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import csv  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import subprocess  # noqa: E402

import igraph  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GRAPHS = os.path.join(ROOT, "metrics", "testdata", "graphs")
OUT = os.path.join(ROOT, "metrics", "testdata", "reference", "centr.json")
RSCRIPT = os.path.join(ROOT, "scripts", "reference", "centr.R")

CASES = {
    "karate": (False, False),
    "florentine": (False, False),
    "kite": (False, False),
    "davis": (False, False),
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


def load(name, weighted):
    """Return (names, edges, attrs) with names in node-file order, then edge order."""
    names, seen, attrs = [], set(), {}
    with open(os.path.join(GRAPHS, name + ".nodes.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["id"] not in seen:
                seen.add(row["id"])
                names.append(row["id"])
                attrs[row["id"]] = row
    edges = []
    with open(os.path.join(GRAPHS, name + ".edges.csv"), newline="") as f:
        for row in csv.DictReader(f):
            u, v = row["source"], row["target"]
            for x in (u, v):
                if x not in seen:
                    seen.add(x)
                    names.append(x)
            edges.append((u, v, float(row["weight"]) if weighted else 1.0))
    return names, edges, attrs


def nx_graph(names, edges, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(names)
    for u, v, w in edges:
        if G.has_edge(u, v):
            G[u][v]["weight"] += w
        else:
            G.add_edge(u, v, weight=w)
    return G


def ig_graph(names, edges, directed):
    idx = {n: i for i, n in enumerate(names)}
    g = igraph.Graph(n=len(names), directed=directed)
    g.add_edges([(idx[u], idx[v]) for u, v, _ in edges])
    g.vs["name"] = names
    return g


def centralize(scores, mx):
    vals = list(scores.values())
    top = max(vals)
    return sum(top - c for c in vals) / mx


def max_closeness(n, directed):
    return float(n - 1) if directed else (n - 1) * (n - 2) / (2 * n - 3)


def max_harmonic(n, directed):
    return float(n - 1) if directed else (n - 2) / 2


def wf_closeness(G):
    """Wasserman-Faust closeness on out-distances."""
    H = G.reverse() if G.is_directed() else G
    return {str(k): float(v) for k, v in nx.closeness_centrality(H, wf_improved=True).items()}


def harmonic(G):
    H = G.reverse() if G.is_directed() else G
    n = G.number_of_nodes()
    return {str(k): v / (n - 1) for k, v in nx.harmonic_centrality(H).items()}


def gini(x):
    x = np.asarray(x, dtype=float)
    return float(np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean()))


def theil(x):
    x = np.asarray(x, dtype=float)
    r = x / x.mean()
    t = np.where(r > 0, r * np.log(np.where(r > 0, r, 1)), 0.0)
    return float(t.mean())


def hhi(x):
    s = np.asarray(x, dtype=float) / np.sum(x)
    return float(np.sum(s * s))


def entropy(x):
    s = np.asarray(x, dtype=float) / np.sum(x)
    s = s[s > 0]
    return float(-np.sum(s * np.log(s)) / math.log(len(x)))


def main():
    r = subprocess.run(["/usr/bin/Rscript", RSCRIPT, GRAPHS], check=True, capture_output=True, text=True)
    rcases = json.loads(r.stdout)
    graphs = {}
    for name, (directed, weighted) in CASES.items():
        names, edges, attrs = load(name, weighted)
        graphs[name] = (names, edges, attrs, nx_graph(names, edges, directed), ig_graph(names, edges, directed))

    cases = []
    for c in rcases:
        name = c["graph"]
        if name in graphs:
            _, _, _, G, g = graphs[name]
            n = G.number_of_nodes()
            m = c["measure"]
            if m == "betweenness_centralization":
                c["nodes"] = {str(k): float(v) for k, v in nx.betweenness_centrality(G, normalized=False).items()}
                c["call"] += "; nodes: nx.betweenness_centrality(G, normalized=False)"
            elif m == "harmonic_centralization":
                c["nodes"] = harmonic(G)
                c["call"] += "; nodes: nx.harmonic_centrality(G or G.reverse()) / (n-1)"
            elif m == "closeness_centralization" and not c["directed"]:
                c["nodes"] = wf_closeness(G)
                c["call"] += "; nodes: nx.closeness_centrality(G, wf_improved=True)"
            elif m == "eigenvector_centralization":
                ev = g.eigenvector_centrality(scale=True)
                c["nodes"] = {g.vs[i]["name"]: float(v) for i, v in enumerate(ev)}
                c["call"] += "; nodes: python-igraph g.eigenvector_centrality(scale=True)"
        cases.append(c)

    # ecosys closeness centralization (WF closeness, out-distances), every graph.
    for name, (names, edges, attrs, G, g) in graphs.items():
        n = G.number_of_nodes()
        directed = G.is_directed()
        if name == "weighted":
            continue
        cl = wf_closeness(G)
        cases.append({
            "graph": name, "directed": directed, "weighted": False,
            "measure": "closeness_centralization", "tool": "networkx+formula",
            "call": "nodes: nx.closeness_centrality(G%s, wf_improved=True); value: sum(max-c)/%s"
                    % (".reverse()" if directed else "", "(n-1)" if directed else "((n-1)(n-2)/(2n-3))"),
            "nodes": cl, "value": centralize(cl, max_closeness(n, directed)),
            "note": "ecosys convention computed in this script: Wasserman-Faust closeness on out-distances and ecosys's maximum",
        })
    # Two disjoint 5-stars, the fragmented example of METRICS-REFERENCE.md section 0.
    T = nx.disjoint_union(nx.star_graph(4), nx.star_graph(4))
    T = nx.relabel_nodes(T, {i: str(i) for i in T})
    cl = wf_closeness(T)
    cases.append({
        "graph": "twostars", "directed": False, "weighted": False,
        "measure": "closeness_centralization", "tool": "networkx+formula",
        "call": "nodes: nx.closeness_centrality(disjoint_union(star_graph(4), star_graph(4)), wf_improved=True); value: sum(max-c)/((n-1)(n-2)/(2n-3))",
        "nodes": cl, "value": centralize(cl, max_closeness(10, False)),
        "note": "ecosys convention; nodes 0-4 and 5-9, centres 0 and 5",
    })

    # Valued degree centralization: (n s* - sum s) / M, M = (n-2)W or (n-1)W.
    for name, (names, edges, attrs, G, g) in graphs.items():
        n = G.number_of_nodes()
        W = sum(d["weight"] for _, _, d in G.edges(data=True))
        if G.is_directed():
            for mode, strength, mx in (("in", G.in_degree(weight="weight"), (n - 1) * W),
                                       ("out", G.out_degree(weight="weight"), (n - 1) * W),
                                       ("all", G.degree(weight="weight"), (n - 2) * W)):
                s = dict(strength)
                cases.append({
                    "graph": name, "directed": True, "weighted": False,
                    "measure": "valued_degree_centralization_" + mode, "tool": "networkx+formula",
                    "call": "s = G.%s(weight='weight'); (n max s - sum s) / (%s W)"
                            % ({"in": "in_degree", "out": "out_degree", "all": "degree"}[mode], "(n-1)" if mode != "all" else "(n-2)"),
                    "value": (n * max(s.values()) - sum(s.values())) / mx,
                })
        else:
            s = dict(G.degree(weight="weight"))
            cases.append({
                "graph": name, "directed": False, "weighted": name == "weighted",
                "measure": "valued_degree_centralization", "tool": "networkx+formula",
                "call": "s = G.degree(weight='weight'); (n max s - sum s) / ((n-2) W)",
                "value": (n * max(s.values()) - sum(s.values())) / ((n - 2) * W),
            })

    # Concentration indices of degrees (strengths on "weighted"), numpy.
    for name in ("karate", "florentine", "davis", "weighted", "star", "complete"):
        names, edges, attrs, G, g = graphs[name]
        x = {str(k): float(v) for k, v in G.degree(weight="weight")}
        v = list(x.values())
        srt = sorted(v, reverse=True)
        for measure, val, call in (
            ("gini", gini(v), "sum|xi-xj| / (2 n^2 mean), numpy O(n^2)"),
            ("theil", theil(v), "mean((x/mu) ln(x/mu)), numpy"),
            ("hhi", hhi(v), "sum((x/sum x)^2), numpy"),
            ("normalized_hhi", (hhi(v) - 1 / len(v)) / (1 - 1 / len(v)), "(HHI - 1/n)/(1 - 1/n)"),
            ("entropy", entropy(v), "-sum(s ln s)/ln n, numpy"),
            ("top3_share", sum(srt[:3]) / sum(v), "sum of 3 largest / sum"),
        ):
            cases.append({
                "graph": name, "directed": False, "weighted": name == "weighted",
                "measure": measure, "tool": "numpy",
                "call": "x = dict(G.degree(weight='weight')); " + call,
                "nodes": x, "value": val,
                "note": "nodes holds the input vector x (degree or strength by node)",
            })

    # Two-mode degree centralization on Davis southern women (netrics' formula by hand).
    names, edges, attrs, G, g = graphs["davis"]
    modes = {"woman": [n for n in names if attrs[n]["mode"] == "woman"],
             "event": [n for n in names if attrs[n]["mode"] == "event"]}
    W = G.number_of_edges()
    for k, (mode, other) in enumerate((("woman", "event"), ("event", "woman"))):
        d = [G.degree(v) for v in modes[mode]]
        n1, n2 = len(modes[mode]), len(modes[other])
        cases.append({
            "graph": "davis", "directed": False, "weighted": False,
            "measure": "twomode_degree_centralization_mode%d" % k, "tool": "netrics-formula",
            "call": "netrics mode_by_degree: sum(max d - d)/((n1-1)(n2-1)) over mode %s, by hand" % mode,
            "value": sum(max(d) - x for x in d) / ((n1 - 1) * (n2 - 1)),
            "note": "netrics is not installed; its formula (R/measure_centrality_degree.R) is computed in this script; mode 0 = woman",
        })
        cases.append({
            "graph": "davis", "directed": False, "weighted": False,
            "measure": "twomode_valued_degree_centralization_mode%d" % k, "tool": "formula",
            "call": "sum(max s - s)/((n1-1) W) over mode %s, weights 1" % mode,
            "value": sum(max(d) - x for x in d) / ((n1 - 1) * W),
            "note": "ecosys's valued index (no peer has one); mode 0 = woman",
        })

    out = {
        "provenance": {
            "script": "scripts/reference/centr.py (runs scripts/reference/centr.R)",
            "networkx": nx.__version__,
            "python-igraph": igraph.__version__,
            "numpy": np.__version__,
            "R": subprocess.run(["/usr/bin/Rscript", "-e", "cat(R.version.string)"], capture_output=True, text=True).stdout,
            "sna": subprocess.run(["/usr/bin/Rscript", "-e", "cat(as.character(packageVersion('sna')))"], capture_output=True, text=True).stdout,
            "R igraph": subprocess.run(["/usr/bin/Rscript", "-e", "cat(as.character(packageVersion('igraph')))"], capture_output=True, text=True).stdout,
        },
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")
    print("wrote", OUT, len(cases), "cases")


if __name__ == "__main__":
    main()
