// Package graphio reads and writes graph files: edge lists (CSV),
// GraphML, GEXF, NetworkX node-link JSON and DOT, and the node and edge
// tables of the table formats.
//
// Every graph here is a *network.Graph: a gonum weighted graph whose node
// i is named Names[i], with node attributes and edge attributes as text on
// the side. ReadEdgeList reads an edge CSV (source, target, weight and
// attribute columns) with an optional node CSV, in any encoding the CSV
// readers of the module take, streaming large plain UTF-8 files, into a
// read-only compact graph. ReadGraphML, ReadGEXF and ReadNodeLink read the
// files that Gephi, NetworkX, igraph and yEd write; their Write
// counterparts, and WriteDOT, write files those tools read, the same bytes
// for the same graph. Readers report bad data as *network.InputError
// values naming file, line, column and field, collected into a
// network.ErrorList, and refuse input over their limits (MaxGraphFileBytes
// and the others) with an error wrapping network.ErrLimit.
//
// The writers type every attribute by one table (attrtypes.go:
// KnownAttrs, TypeOf, AttrTypes, AttrColumns), which the Parquet writer
// shares: the attributes ecosys writes have fixed types ("contracts" long,
// "amount_cny" double with "amount_cny_exact" beside it, "allegation"
// boolean, dates strings), other columns the type all their values fit.
// Parallel edges and self-loops are merged, dropped or refused as
// ReadOptions and EdgeListOptions say (MultiEdges, SelfLoops), with a
// warning that says what was done.
//
// The registry (registry.go) is the one list of formats: Formats,
// LookupFormat and ByExtension find a Format — name, title, extensions,
// reader, writer — and Read reads a file in the format its name's
// extension selects. A table format (csv) writes a network as two tables,
// nodes and edges, to PREFIX.nodes.EXT and PREFIX.edges.EXT
// (Format.TableFiles, Format.WriteTable); the tables come from the
// network, such as cases.Meta.Tables. Adding a format is an entry in the
// registry, the file that implements it and its test.
//
// Package graphio imports network (for Graph and the error types), the
// internal CSV plumbing (internal/csvio), internal/compact and gonum; it
// does not import cases, metrics, plots or report.
package graphio
