package plots

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

const testSource = "Source: test"

// crowdedGraph is a hub with many neighbours of long names, tied in a
// ring, some neighbours with leaves of their own: too many labels for
// the room, so that some are left out. The hub has the largest Size.
func crowdedGraph(n int) Graph {
	g := Graph{KindOrder: []string{"hub", "spoke", "leaf"}, SizeLabel: "degree", WeightLabel: "amount (CNY)", WeightAmount: true, Seed: 3}
	g.Nodes = append(g.Nodes, GraphNode{ID: "hub", Label: "Sichuan Anxun (i-SOON)", LabelZH: "四川安洵", Kind: "hub", Size: float64(n)})
	for i := range n {
		id := fmt.Sprintf("s%02d", i)
		g.Nodes = append(g.Nodes, GraphNode{ID: id, Label: fmt.Sprintf("Municipal Public Security Bureau No. %d", i), LabelZH: fmt.Sprintf("第%d市公安局", i), Kind: "spoke", Size: float64(2 + i%3)})
		g.Edges = append(g.Edges, GraphEdge{From: "hub", To: id, Weight: float64(10000 * (1 + i%7)), Directed: true})
		if i > 0 {
			g.Edges = append(g.Edges, GraphEdge{From: fmt.Sprintf("s%02d", i-1), To: id, Weight: 5000, Directed: i%2 == 0})
		}
		if i%4 == 0 {
			leaf := fmt.Sprintf("l%02d", i)
			g.Nodes = append(g.Nodes, GraphNode{ID: leaf, Label: fmt.Sprintf("Leaf Technology Co., Ltd. %d", i), Kind: "leaf", Size: 1})
			g.Edges = append(g.Edges, GraphEdge{From: id, To: leaf, Weight: 1000, Directed: true})
		}
	}
	return g
}

// treeNet is a contractor → intermediaries → end users tree in layers,
// with long names.
func treeNet(users int) Graph {
	g := Graph{KindOrder: []string{"company", "psb"}, SizeLabel: "contracts", WeightLabel: "amount (CNY)", WeightAmount: true}
	g.Nodes = append(g.Nodes, GraphNode{ID: "c", Label: "Sichuan Anxun (i-SOON)", LabelZH: "四川安洵", Kind: "company", Size: float64(users)})
	for i := range 4 {
		id := fmt.Sprintf("m%d", i)
		g.Nodes = append(g.Nodes, GraphNode{ID: id, Label: fmt.Sprintf("Intermediary Technology Co., Ltd. No. %d", i), LabelZH: "中间科技有限公司", Kind: "company", Layer: 1, Size: 2})
		g.Edges = append(g.Edges, GraphEdge{From: "c", To: id, Weight: 200000, Directed: true})
	}
	for i := range users {
		id := fmt.Sprintf("u%03d", i)
		g.Nodes = append(g.Nodes, GraphNode{ID: id, Label: fmt.Sprintf("District Branch No. %d, Municipal Public Security Bureau", i), LabelZH: fmt.Sprintf("第%d分局", i), Kind: "psb", Layer: 2, Size: float64(1 + i%5)})
		from := "c"
		if i%3 != 0 {
			from = fmt.Sprintf("m%d", i%4)
		}
		g.Edges = append(g.Edges, GraphEdge{From: from, To: id, Weight: float64(10000 * (1 + i%9)), Directed: true})
	}
	return g
}

// drawGeom draws f on a recorder canvas (which fills the plotter's
// geometry) and returns the actions.
func drawGeom(f *Figure) []recorder.Action {
	rec := &recorder.Canvas{}
	f.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: f.Width, Y: f.Height}}})
	return rec.Actions
}

// checkNoOverlap fails if two label boxes overlap, a label overlaps a
// node other than its own, or a label overlaps an arrowhead; a tolerance
// of 0.01 pt allows for rounding.
func checkNoOverlap(t *testing.T, name string, geom netGeometry) {
	t.Helper()
	shrink := func(r vg.Rectangle) vg.Rectangle {
		return vg.Rectangle{Min: vg.Point{X: r.Min.X + 0.01, Y: r.Min.Y + 0.01}, Max: vg.Point{X: r.Max.X - 0.01, Y: r.Max.Y - 0.01}}
	}
	if len(geom.labels) == 0 {
		t.Fatalf("%s: no label drawn", name)
	}
	for i, a := range geom.labels {
		a = shrink(a)
		for j := i + 1; j < len(geom.labels); j++ {
			if boxesOverlap(a, geom.labels[j]) {
				t.Errorf("%s: labels of nodes %d and %d overlap: %v, %v", name, geom.owner[i], geom.owner[j], a, geom.labels[j])
			}
		}
		for k, n := range geom.nodes {
			if k != geom.owner[i] && boxesOverlap(a, n) {
				t.Errorf("%s: label of node %d overlaps node %d", name, geom.owner[i], k)
			}
		}
		for _, h := range geom.heads {
			if boxesOverlap(a, shrink(boundsOf(h))) {
				t.Errorf("%s: label of node %d overlaps an arrowhead at %v", name, geom.owner[i], h)
			}
		}
	}
}

// TestForceLabelsNoOverlap checks the force-directed drawing: no label
// box overlaps another label, another node or an arrowhead (the labels
// that cannot be placed are left out), in English and both languages,
// at both widths; and the most important node is labelled.
func TestForceLabelsNoOverlap(t *testing.T) {
	langs := []Lang{LangEN}
	font, ok := FindCJKFont()
	if ok {
		langs = append(langs, LangBoth)
	}
	for _, lang := range langs {
		for _, w := range []vg.Length{SingleColumn, DoubleColumn} {
			name := fmt.Sprintf("%s/%v", lang, w)
			f, gp, err := networkGraph("Crowded", crowdedGraph(40), Options{Source: testSource, Lang: lang, FontPath: font, Width: w})
			if err != nil {
				t.Fatal(err)
			}
			drawGeom(f)
			checkNoOverlap(t, name, gp.geom)
			if !slices.Contains(gp.geom.owner, 0) {
				t.Errorf("%s: the hub, the largest node, is not labelled", name)
			}
		}
	}
}

// TestLayeredLabelsNoOverlap checks the layered drawing as
// TestForceLabelsNoOverlap does the force-directed one.
func TestLayeredLabelsNoOverlap(t *testing.T) {
	langs := []Lang{LangEN}
	font, ok := FindCJKFont()
	if ok {
		langs = append(langs, LangBoth)
	}
	for _, lang := range langs {
		for _, users := range []int{12, 200} {
			g := treeNet(users)
			layers := layersOf(g)
			f, np, err := layeredNetworkPlot("Tree", g, layers, Options{Source: testSource, Lang: lang, FontPath: font})
			if err != nil {
				t.Fatal(err)
			}
			drawGeom(f)
			checkNoOverlap(t, fmt.Sprintf("%s/%d", lang, users), np.geom)
		}
	}
}

// TestOmittedLabelsListed checks that the labels the force-directed
// drawing leaves out are named in its note, the most important first,
// and counted beyond graphOmittedShown.
func TestOmittedLabelsListed(t *testing.T) {
	f, gp, err := networkGraph("Crowded", crowdedGraph(60), Options{Source: testSource, Width: SingleColumn})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, a := range drawGeom(f) {
		if s, ok := a.(*recorder.FillString); ok {
			texts = append(texts, s.String)
		}
	}
	all := strings.Join(texts, " ")
	if len(gp.omitted) <= graphOmittedShown {
		t.Fatalf("%d labels left out; the test wants more than %d", len(gp.omitted), graphOmittedShown)
	}
	flat := strings.Join(strings.Fields(all), " ")
	want := "Not labelled: " + gp.omitted[0]
	if !strings.Contains(flat, want) {
		t.Errorf("the figure does not say %q:\n%s", want, flat)
	}
	if more := fmt.Sprintf("and %d more", len(gp.omitted)-graphOmittedShown); !strings.Contains(flat, more) {
		t.Errorf("the figure does not say %q:\n%s", more, flat)
	}
	// The note drawn lists the labels that the layout drawn leaves out
	// (the note takes room, and so changes the layout).
	fs, err := newFontSet(Options{Source: testSource})
	if err != nil {
		t.Fatal(err)
	}
	if len(gp.legend.notes) != 1 || gp.legend.notes[0] != omittedNote(fs, gp.omitted, graphOmittedShown) {
		t.Errorf("note %q, but the drawing leaves out %q", gp.legend.notes, gp.omitted)
	}
	// Every label is drawn or listed, not both.
	drawn := map[string]bool{}
	for _, o := range gp.geom.owner {
		drawn[gp.labels[o]] = true
	}
	for _, l := range gp.omitted {
		if drawn[l] {
			t.Errorf("label %q drawn and listed as left out", l)
		}
		drawn[l] = true
	}
	for i, l := range gp.labels {
		if !drawn[l] {
			t.Errorf("label of node %d (%q) neither drawn nor listed", i, l)
		}
	}
}

// TestNetworkKeys checks that both drawings carry a key for node size
// and edge width, with reference values.
func TestNetworkKeys(t *testing.T) {
	g := treeNet(12)
	layers := layersOf(g)
	lf, _, err := layeredNetworkPlot("Tree", g, layers, Options{Source: testSource})
	if err != nil {
		t.Fatal(err)
	}
	ff, _, err := networkGraph("Tree", g, Options{Source: testSource})
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]*Figure{"layered": lf, "force": ff} {
		var texts []string
		for _, a := range drawGeom(f) {
			if s, ok := a.(*recorder.FillString); ok {
				texts = append(texts, s.String)
			}
		}
		for _, want := range []string{"Node area: contracts", "Edge width: amount (CNY)", "12", "20.0 k", "200 k"} {
			if !slices.Contains(texts, want) {
				t.Errorf("%s: no %q in the key: %q", name, want, texts)
			}
		}
	}
}

func TestKeyValues(t *testing.T) {
	tests := []struct {
		top     float64
		integer bool
		want    []float64
	}{
		{23, true, []float64{2, 5, 23}},
		{2620000, false, []float64{200000, 500000, 2620000}},
		{1, true, []float64{1}},
		{1, false, []float64{0.1, 0.2, 1}},
		{0, true, nil},
	}
	for _, tt := range tests {
		if got := keyValues(tt.top, tt.integer); !slices.Equal(got, tt.want) {
			t.Errorf("keyValues(%v, %v) = %v, want %v", tt.top, tt.integer, got, tt.want)
		}
	}
}

// TestKeyText checks the numbers of the node-size and edge-width keys:
// amounts in CNY as the amount axes write them (k and M; 万 and 亿 in
// Chinese), any other value (degree, betweenness, counts, weights) as
// the tables do, grouped in thousands rather than "1.09 k" (issue 18).
func TestKeyText(t *testing.T) {
	tests := []struct {
		lang   Lang
		amount bool
		v      float64
		want   string
	}{
		{LangEN, false, 999, "999"},
		{LangEN, false, 1000, "1,000"},
		{LangEN, false, 1090, "1,090"},
		{LangEN, false, 123456, "123,456"},
		{LangEN, false, 2.5e6, "2,500,000"},
		{LangEN, false, 0.4567, "0.4567"},
		{LangEN, false, 46.00000000000004, "46"},
		{LangEN, true, 999, "999"},
		{LangEN, true, 1000, "1.00 k"},
		{LangEN, true, 1090, "1.09 k"},
		{LangEN, true, 123456, "123 k"},
		{LangEN, true, 2.5e6, "2.50 M"},
		{LangZH, false, 999, "999"},
		{LangZH, false, 1000, "1,000"},
		{LangZH, false, 1090, "1,090"},
		{LangZH, false, 123456, "12.35万"},
		{LangZH, false, 2.5e6, "250万"},
		{LangZH, true, 999, "999"},
		{LangZH, true, 1000, "1000"},
		{LangZH, true, 1090, "1090"},
		{LangZH, true, 123456, "12.3万"},
		{LangZH, true, 2.5e6, "250万"},
		// Both languages: as in English, as the amount axes are.
		{LangBoth, false, 123456, "123,456"},
		{LangBoth, true, 123456, "123 k"},
	}
	for _, tt := range tests {
		fs := &fontSet{lang: tt.lang}
		if got := fs.keyText(tt.v, tt.amount); got != tt.want {
			t.Errorf("%s, amount %v: keyText(%v) = %q, want %q", tt.lang, tt.amount, tt.v, got, tt.want)
		}
	}
}

// TestKeysReadable checks the keys that a Graph gets: a node size or an
// edge weight of up to 1090 that is not an amount is keyed "1,090" in
// English and Chinese, an amount "1.09 k" (万 from 10⁴ in Chinese).
func TestKeysReadable(t *testing.T) {
	g := Graph{SizeLabel: "degree", WeightLabel: "weight",
		Nodes: []GraphNode{{ID: "a", Size: 1090}, {ID: "b", Size: 3}},
		Edges: []GraphEdge{{From: "a", To: "b", Weight: 1090}, {From: "b", To: "a", Weight: 7}}}
	radius := func(float64) vg.Length { return 1 }
	tests := []struct {
		lang        Lang
		amount      bool
		size, width []string
	}{
		{LangEN, false, []string{"100", "200", "1,090"}, []string{"100", "200", "1,090"}},
		{LangEN, true, []string{"100", "200", "1,090"}, []string{"100", "200", "1.09 k"}},
		{LangZH, false, []string{"100", "200", "1,090"}, []string{"100", "200", "1,090"}},
		{LangZH, true, []string{"100", "200", "1,090"}, []string{"100", "200", "1090"}},
	}
	font, hasCJK := FindCJKFont()
	for _, tt := range tests {
		if tt.lang != LangEN && !hasCJK {
			t.Logf("no CJK font installed: %s keys not checked", tt.lang)
			continue
		}
		fs, err := newFontSet(Options{Source: testSource, Lang: tt.lang, FontPath: font})
		if err != nil {
			t.Fatal(err)
		}
		g.WeightAmount = tt.amount
		if got := sizeKey(fs, g, radius, 1).texts; !slices.Equal(got, tt.size) {
			t.Errorf("%s, amount weights %v: size key %q, want %q", tt.lang, tt.amount, got, tt.size)
		}
		if got := widthKey(fs, g).texts; !slices.Equal(got, tt.width) {
			t.Errorf("%s, amount weights %v: width key %q, want %q", tt.lang, tt.amount, got, tt.width)
		}
	}
}

// TestAggregateFitsPage checks that a layered network of hundreds of end
// users is drawn no taller than PageHeight by grouping the smallest, and
// says so.
func TestAggregateFitsPage(t *testing.T) {
	g := treeNet(300)
	f, err := LayeredNetwork("Tree", g, Options{Source: testSource})
	if err != nil {
		t.Fatal(err)
	}
	if f.Height > PageHeight || f.Width != DoubleColumn {
		t.Errorf("size %.0f × %.0f mm, want 175 × at most 240", float64(f.Width/vg.Millimeter), float64(f.Height/vg.Millimeter))
	}
	var texts []string
	for _, a := range drawGeom(f) {
		if s, ok := a.(*recorder.FillString); ok {
			texts = append(texts, s.String)
		}
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "are grouped as “+n more”") || !regexp.MustCompile(`\+\d+ more`).MatchString(all) {
		t.Errorf("no grouped node or no note:\n%s", all)
	}
	// The end users grouped are the smallest.
	layers := layersOf(g)
	h, _, n := aggregateNet(g, layers, 40)
	if n == 0 {
		t.Fatal("nothing grouped")
	}
	kept := map[string]bool{}
	smallestKept := 1e9
	for _, v := range h.Nodes {
		kept[v.ID] = true
		if v.Layer == 2 && v.Kind != netGroupKind {
			smallestKept = min(smallestKept, v.Size)
		}
	}
	grouped := 0
	for _, v := range g.Nodes {
		if !kept[v.ID] {
			grouped++
			if v.Size > smallestKept {
				t.Errorf("%s (size %v) grouped, but an end user of size %v kept", v.ID, v.Size, smallestKept)
			}
		}
	}
	if grouped != n {
		t.Errorf("%d nodes missing, %d said grouped", grouped, n)
	}
	if rows := layoutNet(h, layersOf(h), h.ends()).rows; rows > 40 {
		t.Errorf("%v rows after grouping, want at most 40", rows)
	}
}

// pdfFillColours returns the fill colours ("r g b rg") set in the PDF's
// content streams.
func pdfFillColours(t *testing.T, pdf []byte) map[string]int {
	t.Helper()
	out := map[string]int{}
	streams := regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`).FindAllSubmatch(pdf, -1)
	for _, m := range streams {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not a compressed content stream
		}
		b, err := io.ReadAll(r)
		if err != nil {
			continue
		}
		for _, c := range regexp.MustCompile(`([\d.]+ [\d.]+ [\d.]+) rg`).FindAllSubmatch(b, -1) {
			out[string(c[1])]++
		}
	}
	return out
}

// TestPDFHaloWhite checks that the label halos of both drawings are
// white in PDF, as in SVG and PNG: vgpdf writes a translucent colour's
// premultiplied components, which turned the halo grey.
func TestPDFHaloWhite(t *testing.T) {
	g := treeNet(12)
	layers := layersOf(g)
	lf, _, err := layeredNetworkPlot("Tree", g, layers, Options{Source: testSource})
	if err != nil {
		t.Fatal(err)
	}
	ff, _, err := networkGraph("Crowded", crowdedGraph(20), Options{Source: testSource})
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]*Figure{"layered": lf, "force": ff} {
		pdf, err := f.Encode("pdf")
		if err != nil {
			t.Fatal(err)
		}
		fills := pdfFillColours(t, pdf)
		if len(fills) == 0 {
			t.Fatalf("%s: no fill colour found in the PDF", name)
		}
		for c := range fills {
			var r, g, b float64
			fmt.Sscan(c, &r, &g, &b)
			if r == g && g == b && r > 0.7 && r < 0.99 {
				t.Errorf("%s: light grey fill %s in the PDF (a translucent halo?)", name, c)
			}
		}
		svg, err := f.Encode("svg")
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(svg, []byte("fill-opacity:0.85")) {
			t.Errorf("%s: the SVG halo is translucent", name)
		}
	}
}

func TestWrapLabel(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Sichuan Anxun (i-SOON)", "Sichuan Anxun\n(i-SOON)"},
		{"Hainan Provincial Public Security Department", "Hainan Provincial Public\nSecurity Department"},
		{"a b", "a\nb"},
		{"i-SOON", ""},
		{" padded", ""},
		{"English\n中文", ""}, // a bilingual label is on two lines already
		{"四川安洵 (i-SOON)", "四川安洵\n(i-SOON)"},
		{"", ""},
	} {
		if got := wrapLabel(tt.in); got != tt.want {
			t.Errorf("wrapLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWrappedLabelsBesideNode: in a crowded drawing, labels that find no
// place beside their node on one line are drawn on two lines, beside it
// (no leader line), rather than far away or left out.
func TestWrappedLabelsBesideNode(t *testing.T) {
	f, gp, err := networkGraph("Crowded", crowdedGraph(40), Options{Source: testSource, Width: SingleColumn})
	if err != nil {
		t.Fatal(err)
	}
	drawGeom(f)
	line := gp.labelStyle.Height("x")
	wrapped := 0
	for j, b := range gp.geom.labels {
		if b.Max.Y-b.Min.Y < 1.5*line {
			continue
		}
		wrapped++
		n := gp.geom.nodes[gp.geom.owner[j]]
		gx := max(n.Min.X-b.Max.X, b.Min.X-n.Max.X, 0)
		gy := max(n.Min.Y-b.Max.Y, b.Min.Y-n.Max.Y, 0)
		if gap := math.Hypot(float64(gx), float64(gy)); gap > float64(labelRings[0])+0.01 {
			t.Errorf("label %q on two lines %.1f pt from its node, beyond the inner ring (%v pt)", gp.labels[gp.geom.owner[j]], gap, labelRings[0])
		}
	}
	if wrapped == 0 {
		t.Errorf("no label on two lines among %d drawn, %d left out", len(gp.geom.labels), len(gp.omitted))
	}
}
