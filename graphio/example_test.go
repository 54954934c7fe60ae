package graphio_test

import (
	"fmt"
	"math"
	"os"
	"strings"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

func ExampleWriteGraphML() {
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := range 3 {
		g.AddNode(simple.Node(i))
	}
	g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(0), simple.Node(1), 2))
	gr := &network.Graph{
		G:         g,
		Directed:  true,
		Names:     []string{"acme", "front-co", "bureau"},
		Attrs:     []map[string]string{{"role": "contractor"}, {"role": "intermediary"}, nil},
		AttrNames: []string{"role"},
		Edges:     1,
	}
	if err := graphio.WriteGraphML(os.Stdout, gr); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="d0" for="node" attr.name="role" attr.type="string"/>
	//   <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
	//   <graph id="G" edgedefault="directed">
	//     <node id="acme">
	//       <data key="d0">contractor</data>
	//     </node>
	//     <node id="front-co">
	//       <data key="d0">intermediary</data>
	//     </node>
	//     <node id="bureau"/>
	//     <edge source="acme" target="front-co">
	//       <data key="d1">2</data>
	//     </edge>
	//   </graph>
	// </graphml>
}

// NetworkX writes node-link JSON with json.dump(nx.node_link_data(G), f).
func ExampleReadNodeLink() {
	const js = `{"directed": false, "multigraph": false, "graph": {},
"nodes": [{"kind": "company", "id": "acme"}, {"id": "bureau"}, {"id": 3}],
"links": [{"weight": 2.5, "source": "acme", "target": "bureau"}]}`
	g, err := graphio.ReadNodeLink("g.json", strings.NewReader(js))
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range g.Names {
		fmt.Println(i, name, g.Attrs[i])
	}
	w, _ := g.G.Weight(1, 0)
	fmt.Println("directed:", g.Directed, "edges:", g.Edges, "weight bureau-acme:", w)

	_, err = graphio.ReadNodeLink("g.json", strings.NewReader(strings.Replace(js, `"target": "bureau"`, `"target": "burea"`, 1)))
	fmt.Println(err)
	// Output:
	// 0 acme map[kind:company]
	// 1 bureau map[]
	// 2 3 map[]
	// directed: false edges: 1 weight bureau-acme: 2.5
	// g.json:3:11: target: edge "acme" -- "burea": node not declared in the file (got "burea")
}

// The registry lists every format, what it reads and writes, and the
// extensions that select it.
func ExampleFormats() {
	for _, f := range graphio.Formats() {
		fmt.Printf("%-8s %-18s read %-5t write %-5t tables %t\n", f.Name, strings.Join(f.Exts, " "), f.Read != nil, f.Write != nil, f.WriteTable != nil)
	}
	csv, _ := graphio.LookupFormat("csv")
	fmt.Println(csv.TableFiles("out/eco"))
	// Output:
	// graphml  .graphml .xml      read true  write true  tables false
	// gexf     .gexf              read true  write true  tables false
	// json     .json              read true  write true  tables false
	// dot      .dot               read false write true  tables false
	// csv      .csv               read false write false tables true
	// parquet  .parquet           read false write false tables true
	// out/eco.nodes.csv out/eco.edges.csv
}

// Read picks the reader by the file name's extension.
func ExampleRead() {
	const gexf = `<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
<graph defaultedgetype="directed"><nodes><node id="acme"/><node id="bureau"/></nodes>
<edges><edge source="acme" target="bureau" weight="3"/></edges></graph></gexf>`
	g, err := graphio.Read("g.gexf", strings.NewReader(gexf))
	if err != nil {
		fmt.Println(err)
		return
	}
	w, _ := g.G.Weight(0, 1)
	fmt.Println(g.Names, "directed:", g.Directed, "weight:", w)

	_, err = graphio.Read("g.dot", strings.NewReader("digraph {}"))
	fmt.Println(err)
	// Output:
	// [acme bureau] directed: true weight: 3
	// g.dot: unsupported graph file: cannot read DOT files (want .graphml, .xml, .gexf or .json)
}
