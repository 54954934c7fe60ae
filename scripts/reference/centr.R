#!/usr/bin/Rscript
# Reference values from R (sna 2.7, igraph 1.3.5) for the centralization,
# hierarchy and two-mode measures of package metrics. Called by centr.py,
# which merges its output (a JSON list of cases on stdout) into
# metrics/testdata/reference/centr.json:
#
#     /usr/bin/Rscript scripts/reference/centr.R GRAPHDIR
#
# Graphs are read from GRAPHDIR/NAME.{nodes,edges}.csv, node file first, so
# that isolates are kept and nodes follow the node-file order; names stay
# strings. Undirected graphs are passed to sna as symmetric matrices (each
# edge a mutual pair of arcs, as ecosys reads them for Krackhardt's
# measures).

suppressMessages({
  library(sna)
  library(igraph)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "metrics/testdata/graphs"

load_matrix <- function(name, directed) {
  nodes <- read.csv(file.path(dir, paste0(name, ".nodes.csv")), colClasses = "character")$id
  e <- read.csv(file.path(dir, paste0(name, ".edges.csv")), colClasses = "character")
  names <- unique(c(nodes, e$source, e$target))
  m <- matrix(0, length(names), length(names), dimnames = list(names, names))
  for (k in seq_len(nrow(e))) {
    m[e$source[k], e$target[k]] <- 1
    if (!directed) m[e$target[k], e$source[k]] <- 1
  }
  m
}

cases <- list()
add <- function(graph, directed, measure, tool, call, value, note = NULL) {
  v <- if (is.na(value) || is.nan(value)) NULL else unname(value)
  c <- list(graph = graph, directed = directed, weighted = FALSE,
            measure = measure, tool = tool, call = call)
  if (!is.null(v)) c$value <- v
  if (!is.null(note)) c$note <- note
  cases[[length(cases) + 1]] <<- c
}

undirected <- c("karate", "florentine", "kite", "davis", "star", "path", "cycle",
                "complete", "disconnected")
directed <- c("directed", "outtree", "outstar")

# Degree and betweenness centralization (binary), igraph without loops and sna.
for (name in undirected) {
  m <- load_matrix(name, FALSE)
  g <- graph_from_adjacency_matrix(m, mode = "undirected")
  add(name, FALSE, "degree_centralization", "igraph",
      "centr_degree(g, mode='all', loops=FALSE)$centralization",
      centr_degree(g, mode = "all", loops = FALSE)$centralization)
  add(name, FALSE, "degree_centralization", "sna",
      "centralization(m, sna::degree, mode='graph')",
      centralization(m, sna::degree, mode = "graph"))
  add(name, FALSE, "betweenness_centralization", "igraph",
      "centr_betw(g, directed=FALSE)$centralization",
      centr_betw(g, directed = FALSE)$centralization)
  add(name, FALSE, "betweenness_centralization", "sna",
      "centralization(m, sna::betweenness, mode='graph')",
      centralization(m, sna::betweenness, mode = "graph"))
  # Harmonic: sna's suminvundir is harmonic/(n-1) with maximum (n-2)/2, as ecosys.
  add(name, FALSE, "harmonic_centralization", "sna",
      "centralization(m, sna::closeness, mode='graph', cmode='suminvundir')",
      centralization(m, sna::closeness, mode = "graph", cmode = "suminvundir"))
  if (is_connected(g)) {
    # On connected graphs WF closeness is the standard one: igraph's index is ecosys's.
    add(name, FALSE, "closeness_centralization", "igraph",
        "centr_clo(g, mode='all')$centralization",
        centr_clo(g, mode = "all")$centralization)
    # igraph divides by n-2 (single edge); ecosys by the star, n-1-sqrt(n-1).
    n <- vcount(g)
    ce <- centr_eigen(g, directed = FALSE, scale = TRUE)$centralization
    add(name, FALSE, "eigenvector_centralization", "igraph",
        "centr_eigen(g, directed=FALSE, scale=TRUE)$centralization * (n-2) / (n-1-sqrt(n-1))",
        ce * (n - 2) / (n - 1 - sqrt(n - 1)),
        "converted from igraph's maximum n-2 (a single edge) to ecosys's star maximum n-1-sqrt(n-1)")
  }
}
for (name in directed) {
  m <- load_matrix(name, TRUE)
  g <- graph_from_adjacency_matrix(m, mode = "directed")
  for (mode in c("in", "out", "all")) {
    add(name, TRUE, paste0("degree_centralization_", mode), "igraph",
        sprintf("centr_degree(g, mode='%s', loops=FALSE)$centralization", mode),
        centr_degree(g, mode = mode, loops = FALSE)$centralization)
  }
  for (cm in c("indegree", "outdegree", "freeman")) {
    add(name, TRUE, paste0("degree_centralization_", c(indegree = "in", outdegree = "out", freeman = "all")[[cm]]), "sna",
        sprintf("centralization(m, sna::degree, mode='digraph', cmode='%s')", cm),
        centralization(m, sna::degree, mode = "digraph", cmode = cm))
  }
  add(name, TRUE, "betweenness_centralization", "igraph",
      "centr_betw(g, directed=TRUE)$centralization",
      centr_betw(g, directed = TRUE)$centralization)
  add(name, TRUE, "betweenness_centralization", "sna",
      "centralization(m, sna::betweenness, mode='digraph')",
      centralization(m, sna::betweenness, mode = "digraph"))
  n <- nrow(m)
  add(name, TRUE, "harmonic_centralization", "sna",
      "centralization(m, sna::closeness, mode='digraph', cmode='suminvdir') * (n-1)",
      centralization(m, sna::closeness, mode = "digraph", cmode = "suminvdir") * (n - 1),
      "sna divides by (n-1)^2, too large by the factor n-1; multiplied by n-1 to ecosys's maximum n-1")
  add(name, TRUE, "closeness_centralization", "sna",
      "centralization(m, sna::closeness, mode='digraph', cmode='directed')",
      centralization(m, sna::closeness, mode = "digraph", cmode = "directed"),
      "not comparable: sna gives closeness 0 to every node that does not reach all others and divides by (n-1)(1-1/n); kept to document the difference (outstar: 1.111 > 1)")
}

# Two disjoint 5-stars (METRICS-REFERENCE.md section 0): igraph reads them as centralized.
g2 <- disjoint_union(make_star(5, mode = "undirected"), make_star(5, mode = "undirected"))
add("twostars", FALSE, "closeness_centralization", "igraph",
    "centr_clo(disjoint_union(make_star(5,'undirected'), make_star(5,'undirected')))$centralization",
    centr_clo(g2, mode = "all")$centralization,
    "igraph computes closeness within each component and divides by the connected maximum: a fragmented graph reads as centralized; ecosys differs deliberately")

# Krackhardt's four measures, on directed graphs and undirected ones read as mutual.
krack <- function(name, isdir, m, note = NULL) {
  add(name, isdir, "connectedness", "sna", "connectedness(m)", sna::connectedness(m), note)
  add(name, isdir, "hierarchy", "sna", "hierarchy(m, measure='krackhardt')",
      sna::hierarchy(m, measure = "krackhardt"), note)
  add(name, isdir, "efficiency", "sna", "efficiency(m)", sna::efficiency(m), note)
  add(name, isdir, "lubness", "sna", "lubness(m)", sna::lubness(m), note)
}
for (name in directed) krack(name, TRUE, load_matrix(name, TRUE))
for (name in undirected) krack(name, FALSE, load_matrix(name, FALSE),
                               "undirected graph passed to sna as a symmetric matrix")
m <- load_matrix("outtree", TRUE)
m["3", "0"] <- 1
krack("outtree+3>0", TRUE, m, "outtree with the extra arc 3->0 (R's 4->1, 1-based)")
# A diamond under a common boss: r->a, r->b, a->i, a->j, b->i, b->j (nodes 0..5).
d <- matrix(0, 6, 6)
d[1, 2] <- 1; d[1, 3] <- 1; d[2, 4] <- 1; d[2, 5] <- 1; d[3, 4] <- 1; d[3, 5] <- 1
dimnames(d) <- list(as.character(0:5), as.character(0:5))
krack("diamond", TRUE, d, "hand-made: 0->1, 0->2, 1->3, 1->4, 2->3, 2->4, 5 isolated")

cat(toJSON(cases, auto_unbox = TRUE, digits = NA, null = "null"))
