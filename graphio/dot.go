package graphio

import (
	"bufio"
	"io"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// WriteDOT writes g in the DOT language of Graphviz ([DOT]): a digraph or
// graph whose node ids are the nodes' names, each node with its
// attributes (and, when NodeLabel differs from the name and the node has
// no attribute "label", a label attribute with NodeLabel, which Graphviz
// draws instead of the id) and each edge with its weight as "weight" followed by its
// edge attributes (none of which may be called "weight"). Ids, attribute
// names and values are all quoted, with " and \ escaped as \" and \\ and
// line breaks written as \n, so any name is safe. The file is the same for
// the same graph, with the order of nodes, edges and attributes and the
// checks and the self-loops (g.Loops) of WriteGraphML (but any Unicode text is allowed). There is no
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
		attrs := wg.attrs(i)
		var list []string
		if label := NodeLabel(g, i); label != name && !slices.ContainsFunc(attrs, func(kv [2]string) bool { return kv[0] == "label" }) {
			list = append(list, "label="+dotQuote(label))
		}
		for _, kv := range attrs {
			list = append(list, dotQuote(kv[0])+"="+dotQuote(kv[1]))
		}
		if len(list) > 0 {
			bw.WriteString(" [" + strings.Join(list, ", ") + "]")
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
