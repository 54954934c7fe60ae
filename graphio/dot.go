package graphio

import (
	"bufio"
	"io"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// WriteDOT writes g in the DOT language of Graphviz ([DOT]): a digraph or
// graph whose node ids are the nodes' names, each node with its
// attributes and each edge with its weight as "weight" followed by its
// edge attributes (none of which may be called "weight"). Ids, attribute
// names and values are all quoted, with " and \ escaped as \" and \\ and
// line breaks written as \n, so any name is safe. The file is the same for
// the same graph, with the order of nodes, edges and attributes and the
// checks of WriteGraphML (but any Unicode text is allowed). There is no
// DOT reader; use GraphML to exchange graphs.
//
// Graphviz takes weight as an integer for dot's layout (a fractional
// weight is accepted by neato and fdp); the attribute is kept as written
// for other tools.
//
// [DOT]: https://graphviz.org/doc/info/lang.html
func WriteDOT(w io.Writer, g *network.Graph) error {
	wg, err := forWriting(g, false)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	kind, arrow := "graph", " -- "
	if g.Directed {
		kind, arrow = "digraph", " -> "
	}
	bw.WriteString(kind + " {\n")
	for i, name := range g.Names {
		bw.WriteString("\t" + dotQuote(name))
		if attrs := wg.attrs(i); len(attrs) > 0 {
			bw.WriteString(" [")
			for j, kv := range attrs {
				if j > 0 {
					bw.WriteString(", ")
				}
				bw.WriteString(dotQuote(kv[0]) + "=" + dotQuote(kv[1]))
			}
			bw.WriteString("]")
		}
		bw.WriteString(";\n")
	}
	for _, e := range wg.edges {
		bw.WriteString("\t" + dotQuote(g.Names[e.from]) + arrow + dotQuote(g.Names[e.to]) +
			" [weight=" + dotQuote(formatWeight(e.weight)))
		for _, kv := range e.attrs {
			bw.WriteString(", " + dotQuote(kv[0]) + "=" + dotQuote(kv[1]))
		}
		bw.WriteString("];\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// dotQuote returns s as a DOT quoted string.
func dotQuote(s string) string { return `"` + dotEscaper.Replace(s) + `"` }
