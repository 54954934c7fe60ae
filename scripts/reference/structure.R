#!/usr/bin/Rscript
# Reference values of R sna for the structure measures of package metrics
# (area "struct"): Gould-Fernandez brokerage raw counts, density and
# edgewise reciprocity. Prints a JSON list of cases on standard output;
# scripts/reference/structure.py runs it and merges the cases into
# metrics/testdata/reference/struct.json:
#
#     /usr/bin/python3 scripts/reference/structure.py
#
# Graphs are read from metrics/testdata/graphs (node file first, so that
# isolates are kept and vertex i is the i-th row of the node file). An
# undirected graph becomes a symmetric digraph (each edge both ways), which
# is what ecosys's Brokerage does with an undirected graph.
#
# sna's role columns (?brokerage, sna 2.7-1): w_I coordinator (A->A->A),
# w_O itinerant (A->B->A), b_IO representative (A->A->B), b_OI gatekeeper
# (A->B->B), b_O liaison (A->B->C), t total. The mapping is checked on the
# hand-made graph "brokerage-roles" below, in which each role has exactly
# one broker.

suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
self <- sub("^--file=", "", args[grep("^--file=", args)])
root <- normalizePath(file.path(dirname(self), "..", ".."))
graphs <- file.path(root, "metrics", "testdata", "graphs")

load_graph <- function(name, directed) {
  nodes <- read.csv(file.path(graphs, paste0(name, ".nodes.csv")),
                    colClasses = "character", check.names = FALSE)
  edges <- read.csv(file.path(graphs, paste0(name, ".edges.csv")),
                    colClasses = "character", check.names = FALSE)
  n <- nrow(nodes)
  A <- matrix(0, n, n)
  i <- match(edges$source, nodes$id)
  j <- match(edges$target, nodes$id)
  stopifnot(!anyNA(i), !anyNA(j))
  A[cbind(i, j)] <- 1
  if (!directed) A[cbind(j, i)] <- 1
  list(A = A, names = nodes$id, nodes = nodes)
}

# Groups of the directed test graph (the node file has no attribute);
# the same table is in metrics/brokerage_test.go (structDirectedGroups).
directed_groups <- c("0" = "A", "1" = "A", "2" = "B", "3" = "B",
                     "4" = "C", "5" = "B", "6" = "C", "7" = "A")

# Hand-made graph in which each role has one broker (the same literal is
# structBrokerageRolesGraph in metrics/brokerage_test.go):
#   0X->1X->2X coordinator 1; 3X->4Y->5X itinerant 4;
#   6Y->7Y->8Z representative 7; 9Z->10Y->11Y gatekeeper 10;
#   12X->13Y->14Z liaison 13; 15X->16X->17X with 15->17 (closed, none);
#   18X<->19Y (a = c, none).
roles_edges <- rbind(c(0, 1), c(1, 2), c(3, 4), c(4, 5), c(6, 7), c(7, 8),
                     c(9, 10), c(10, 11), c(12, 13), c(13, 14),
                     c(15, 16), c(16, 17), c(15, 17), c(18, 19), c(19, 18))
roles_groups <- c("X", "X", "X", "X", "Y", "X", "Y", "Y", "Z", "Z", "Y", "Y",
                  "X", "Y", "Z", "X", "X", "X", "X", "Y")

cases <- list()
add <- function(graph, directed, measure, call, nodes = NULL, value = NULL, note = NULL) {
  c <- list(graph = graph, directed = directed, weighted = FALSE,
            measure = measure, tool = "sna", call = call)
  if (!is.null(nodes)) c$nodes <- as.list(nodes)
  if (!is.null(value)) c$value <- value
  if (!is.null(note)) c$note <- note
  cases[[length(cases) + 1]] <<- c
}

roles <- c(w_I = "coordinator", w_O = "itinerant", b_IO = "representative",
           b_OI = "gatekeeper", b_O = "liaison", t = "total")

add_brokerage <- function(graph, directed, A, names, cl, clcall, note) {
  b <- brokerage(A, cl)
  for (col in names(roles)) {
    v <- b$raw.nli[, col]
    names(v) <- names
    add(graph, directed, paste0("brokerage_", roles[[col]]),
        sprintf("brokerage(A, %s)$raw.nli[, \"%s\"]", clcall, col),
        nodes = v, note = note)
  }
}

# Directed test graph.
g <- load_graph("directed", TRUE)
add_brokerage("directed", TRUE, g$A, g$names, unname(directed_groups[g$names]),
              "cl = c(0=A,1=A,2=B,3=B,4=C,5=B,6=C,7=A)", NULL)

# Karate club, undirected -> symmetric digraph, groups = club.
g <- load_graph("karate", FALSE)
add_brokerage("karate", FALSE, g$A, g$names, g$nodes$club, "cl = club",
              "undirected graph given to sna as a symmetric adjacency matrix (each edge both ways)")

# Florentine families with a single group: every brokered pair is coordination.
g <- load_graph("florentine", FALSE)
add_brokerage("florentine", FALSE, g$A, g$names, rep("all", length(g$names)),
              "cl = rep(\"all\", n)",
              "undirected graph given to sna as a symmetric adjacency matrix; one group for all nodes")

# Hand-made roles graph.
A <- matrix(0, 20, 20)
A[roles_edges + 1] <- 1
add_brokerage("brokerage-roles", TRUE, A, as.character(0:19), roles_groups,
              "cl = roles_groups", "hand-made graph, built in the test (structBrokerageRolesGraph)")

# Density and edgewise reciprocity.
for (spec in list(list("karate", FALSE), list("florentine", FALSE), list("kite", FALSE),
                  list("star", FALSE), list("complete", FALSE), list("disconnected", FALSE),
                  list("directed", TRUE), list("outtree", TRUE), list("outstar", TRUE))) {
  name <- spec[[1]]; directed <- spec[[2]]
  g <- load_graph(name, directed)
  mode <- if (directed) "digraph" else "graph"
  add(name, directed, "density", sprintf("gden(A, mode=\"%s\")", mode),
      value = gden(g$A, mode = mode))
  if (directed) {
    add(name, directed, "reciprocity", "grecip(A, measure=\"edgewise\")",
        value = unname(grecip(g$A, measure = "edgewise")))
  }
}

out <- list(provenance = list(R = R.version.string,
                              sna = as.character(packageVersion("sna")),
                              network = as.character(packageVersion("network")),
                              script_R = "scripts/reference/structure.R"),
            cases = cases)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE))
cat("\n")
