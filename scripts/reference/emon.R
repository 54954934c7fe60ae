#!/usr/bin/Rscript
# Writes the Texas Hill Country search-and-rescue EMON of Drabek et al.
# (1981) as metrics/testdata/graphs/emon_texas.{edges,nodes}.csv, from the
# copy in R's statnet package network (data(emon), network 1.18.1):
#
#     Rscript scripts/reference/emon.R
#
# 25 organisations; arc i -> j is i's report of interaction with j, with
# the edge attribute Frequency (1 = continuously, 2 = about once an hour,
# 3 = every few hours, 4 = about once a day or less: 1 is the MOST
# frequent). The weight column is Frequency as stored, which is what a
# user who imports the data set gets; strength = 5 - weight turns it into
# a tie strength (scripts/reference/numeric.py uses both).
#
# Source: T. E. Drabek, H. L. Tamminga, T. S. Kilijanek and C. R. Adams
# (1981), Managing Multiorganizational Emergency Responses: Emergent Search
# and Rescue Networks in Natural Disaster and Remote Area Settings,
# Program on Technology, Environment and Man Monograph 33, Institute of
# Behavioral Science, University of Colorado; data as distributed in the
# R package network (Butts, Handcock, Hunter; GPL-2 | GPL-3), ?emon.
suppressPackageStartupMessages(library(network))
args <- commandArgs(trailingOnly = FALSE)
self <- sub("^--file=", "", args[grep("^--file=", args)])
root <- normalizePath(file.path(dirname(self), "..", ".."))
graphs <- file.path(root, "metrics", "testdata", "graphs")
data(emon)
t <- emon$Texas
names <- network.vertex.names(t)
el <- as.matrix(t, matrix.type = "edgelist", attrname = "Frequency")
el <- el[order(el[, 1], el[, 2]), ]
edges <- data.frame(source = names[el[, 1]], target = names[el[, 2]], weight = el[, 3])
write.csv(edges, file.path(graphs, "emon_texas.edges.csv"), row.names = FALSE, quote = TRUE)
nodes <- data.frame(id = names, sponsorship = get.vertex.attribute(t, "Sponsorship"),
                    location = get.vertex.attribute(t, "Location"))
write.csv(nodes, file.path(graphs, "emon_texas.nodes.csv"), row.names = FALSE, quote = TRUE)
cat(sprintf("network %s: %d nodes, %d arcs\n", packageVersion("network"), nrow(nodes), nrow(edges)), file = stderr())
