package plots_test

import (
	"bytes"
	"flag"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/ecosys-sna/ecosys/plots"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// ledgerCategories are the client types of the i-SOON ledger: counts and
// CNY amounts as coded from the 32 ledger rows (see datasets/data).
var ledgerCategories = []plots.Category{
	{Label: "Public security", LabelZH: "公安", Count: 18, Amount: 5989000},
	{Label: "State security", LabelZH: "安全", Count: 7, Amount: 1095000},
	{Label: "Enterprise", LabelZH: "企业", Count: 5, Amount: 1042500},
	{Label: "Government", LabelZH: "政府", Count: 1, Amount: 94000},
	{Label: "Unknown", LabelZH: "未标注", Count: 1, Amount: 600000},
}

const source = "Source: NIDS Commentary No. 371, Figure 2"

// smallNet is a three-layer network with one crossing to remove.
func smallNet() plots.Graph {
	return plots.Graph{
		Nodes: []plots.GraphNode{
			{ID: "isoon", Label: "Sichuan Anxun (i-SOON)", LabelZH: "四川安洵", Kind: "company", Layer: 0},
			{ID: "b-sig", Label: "Chengdu Jietongyi Technology Co., Ltd.", Kind: "company", Layer: 1},
			{ID: "a-sig", Label: "Junda Hainan Industrial Co., Ltd.", Kind: "company", Layer: 1},
			{ID: "chengdu-psb", Label: "Chengdu Municipal Public Security Bureau", LabelZH: "成都市公安局", Kind: "psb", Layer: 2, Size: 4},
			{ID: "haikou-psb", Label: "Haikou Municipal Public Security Bureau", LabelZH: "海口市公安局", Kind: "psb", Layer: 2, Size: 2},
			{ID: "tianjin-ssb", Label: "Tianjin State Security Bureau", LabelZH: "天津市安全局", Kind: "ssb", Layer: 2, Size: 1},
		},
		Edges: []plots.GraphEdge{
			{From: "isoon", To: "b-sig", Weight: 4, Directed: true}, {From: "isoon", To: "a-sig", Weight: 2, Directed: true},
			{From: "b-sig", To: "chengdu-psb", Weight: 4, Directed: true}, {From: "a-sig", To: "haikou-psb", Weight: 2, Directed: true},
			{From: "isoon", To: "tianjin-ssb", Weight: 1, Directed: true},
		},
		KindOrder:  []string{"company", "psb", "ssb"},
		KindLabels: map[string]string{"psb": "Public security", "ssb": "State security", "company": "Company"},
	}
}

// dump renders f on a recorder canvas and returns a canonical text form:
// every string drawn with its font size and position rounded to 0.1 pt,
// and the number of fills and strokes per colour.
func dump(t *testing.T, f *plots.Figure) string {
	t.Helper()
	rec := &recorder.Canvas{}
	w, h := f.Width, f.Height
	f.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}})
	var b strings.Builder
	fmt.Fprintf(&b, "size %.1f x %.1f\n", float64(w), float64(h))
	counts := map[string]int{}
	var cur color.Color = color.Black
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.FillString:
			fmt.Fprintf(&b, "text %q size=%.1f font=%s at=(%.1f,%.1f)\n", a.String, float64(a.Size), a.Font.Typeface, float64(a.Point.X), float64(a.Point.Y))
		case *recorder.SetColor:
			cur = a.Color
		case *recorder.Fill:
			counts["fill "+hex(cur)]++
		case *recorder.Stroke:
			counts["stroke "+hex(cur)]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %d\n", k, counts[k])
	}
	return b.String()
}

func hex(c color.Color) string {
	if c == nil {
		return "nil"
	}
	r, g, b, a := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x%02x", r>>8, g>>8, b>>8, a>>8)
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./plots -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s; rerun with -update if the change is intended\ngot:\n%s", name, path, got)
	}
}

func TestGoldenBars(t *testing.T) {
	f, err := plots.ContractsByCategory("i-SOON contracts by client type", ledgerCategories, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "bars_en", dump(t, f))
}

func TestGoldenNetwork(t *testing.T) {
	f, err := plots.LayeredNetwork("Contract network", smallNet(), plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "network_en", dump(t, f))
}

func cjkFont(t *testing.T) string {
	t.Helper()
	p, ok := plots.FindCJKFont()
	if !ok {
		t.Skip("no CJK font installed (apt-get install fonts-wqy-microhei); skipping Chinese label test")
	}
	return p
}

func TestChineseLabelsDrawn(t *testing.T) {
	path := cjkFont(t)
	f, err := plots.ContractsByCategory("Contracts", ledgerCategories, plots.Options{Lang: plots.LangZH, FontPath: path, Source: source})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Warnings) != 0 {
		t.Errorf("warnings: %v", f.Warnings)
	}
	d := dump(t, f)
	for _, s := range []string{`"公安"`, `"未标注"`, `"合同数"`} {
		if !strings.Contains(d, s) {
			t.Errorf("dump lacks %s:\n%s", s, d)
		}
	}
	var svg bytes.Buffer
	if err := f.WriteTo(&svg, "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), "公安") || !strings.Contains(svg.String(), "'Noto Sans CJK SC'") {
		t.Error("SVG lacks the Chinese label or the CJK font fallback list")
	}
	// PDF draws the Chinese labels as outlines: no English fallback, no
	// warning.
	pdf, err := f.Encode("pdf")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Warnings) != 0 {
		t.Errorf("warnings after PDF: %v", f.Warnings)
	}
	if txt := pdfText(t, pdf); strings.Contains(txt, "Number of contracts") || strings.Contains(txt, "Public security") {
		t.Errorf("Chinese PDF has the English labels: %s", txt)
	}
	g, err := plots.LayeredNetwork("Network", smallNet(), plots.Options{Lang: plots.LangBoth, FontPath: path, Source: source})
	if err != nil {
		t.Fatal(err)
	}
	if d := dump(t, g); !strings.Contains(d, "成都市公安局") {
		t.Errorf("network dump lacks Chinese label:\n%s", d)
	}
}

func TestBadFontFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "broken.ttf")
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := plots.LoadFont(bad)
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.HasPrefix(err.Error(), "plots: ") {
		t.Fatalf("LoadFont(bad) error = %v, want one naming %s", err, bad)
	}
	_, err = plots.ContractsByCategory("x", ledgerCategories, plots.Options{Lang: plots.LangZH, FontPath: bad, Source: source})
	if err == nil || !strings.Contains(err.Error(), bad) {
		t.Fatalf("ContractsByCategory with bad font: error = %v", err)
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]plots.Lang{"": plots.LangEN, "EN": plots.LangEN, "zh": plots.LangZH, " both ": plots.LangBoth} {
		if got, err := plots.ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := plots.ParseLang("fr"); err == nil {
		t.Error("ParseLang(fr): no error")
	}
}

func TestOkabeIto(t *testing.T) {
	want := []string{"#000000ff", "#e69f00ff", "#56b4e9ff", "#009e73ff", "#f0e442ff", "#0072b2ff", "#d55e00ff", "#cc79a7ff"}
	for i, c := range plots.OkabeIto {
		if hex(c) != want[i] {
			t.Errorf("OkabeIto[%d] = %s, want %s", i, hex(c), want[i])
		}
	}
}

func TestValidateCategories(t *testing.T) {
	ok := plots.Options{Source: source}
	tests := []struct {
		name string
		cats []plots.Category
		opts plots.Options
	}{
		{"empty", nil, ok},
		{"no label", []plots.Category{{Count: 1}}, ok},
		{"negative count", []plots.Category{{Label: "a", Count: -1}}, ok},
		{"NaN amount", []plots.Category{{Label: "a", Amount: math.NaN()}}, ok},
		{"Inf amount", []plots.Category{{Label: "a", Amount: math.Inf(1)}}, ok},
		{"negative amount", []plots.Category{{Label: "a", Amount: -1}}, ok},
		{"no source", []plots.Category{{Label: "a"}}, plots.Options{}},
		{"bad lang", []plots.Category{{Label: "a"}}, plots.Options{Source: source, Lang: "fr"}},
	}
	for _, tt := range tests {
		f, err := plots.ContractsByCategory("t", tt.cats, tt.opts)
		if err == nil || f != nil || !strings.HasPrefix(err.Error(), "plots: ") {
			t.Errorf("%s: got %v, %v; want a plots: error", tt.name, f, err)
		}
	}
}

func TestValidateNet(t *testing.T) {
	mod := func(f func(*plots.Graph)) plots.Graph { n := smallNet(); f(&n); return n }
	tests := []struct {
		name string
		net  plots.Graph
	}{
		{"empty", plots.Graph{}},
		{"missing target", mod(func(n *plots.Graph) { n.Edges[0].To = "nowhere" })},
		{"missing source", mod(func(n *plots.Graph) { n.Edges[0].From = "" })},
		{"negative weight", mod(func(n *plots.Graph) { n.Edges[0].Weight = -1 })},
		{"NaN weight", mod(func(n *plots.Graph) { n.Edges[0].Weight = math.NaN() })},
		{"self loop", mod(func(n *plots.Graph) { n.Edges[0].To = n.Edges[0].From })},
		{"duplicate ID", mod(func(n *plots.Graph) { n.Nodes[1].ID = "isoon" })},
		{"empty ID", mod(func(n *plots.Graph) { n.Nodes[1].ID = "" })},
		{"negative layer", mod(func(n *plots.Graph) { n.Nodes[1].Layer = -1 })},
		{"negative size", mod(func(n *plots.Graph) { n.Nodes[1].Size = -1 })},
	}
	for _, tt := range tests {
		f, err := plots.LayeredNetwork("t", tt.net, plots.Options{Source: source})
		if err == nil || f != nil || !strings.HasPrefix(err.Error(), "plots: ") {
			t.Errorf("%s: got %v, %v; want a plots: error", tt.name, f, err)
		}
	}
}

// TestLegendOmitsAbsentKinds checks that a kind listed in KindOrder but
// held by no node is not in the legend, and that the others keep the
// KindOrder order.
func TestLegendOmitsAbsentKinds(t *testing.T) {
	n := smallNet()
	n.KindOrder = []string{"unknown", "ssb", "company", "psb"}
	n.KindLabels["unknown"] = "Unknown"
	f, err := plots.LayeredNetwork("Network", n, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	d := dump(t, f)
	if strings.Contains(d, `"Unknown"`) {
		t.Errorf("legend shows the absent kind Unknown:\n%s", d)
	}
	i, j, k := strings.Index(d, `"State security"`), strings.Index(d, `"Company"`), strings.Index(d, `"Public security"`)
	if i < 0 || j < 0 || k < 0 || !(i < j && j < k) {
		t.Errorf("legend not in KindOrder order (State security, Company, Public security):\n%s", d)
	}
}

// legendLooks returns, for every legend entry of f, the colour and shape
// its marker is drawn with: the fill just before the entry's text.
func legendLooks(t *testing.T, f *plots.Figure, names ...string) map[string]string {
	t.Helper()
	rec := &recorder.Canvas{}
	f.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: f.Width, Y: f.Height}}})
	looks := map[string]string{}
	var cur color.Color
	last := ""
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			cur = a.Color
		case *recorder.Fill:
			last = hex(cur) + " " + shapeOf(a.Path)
		case *recorder.FillString:
			if slices.Contains(names, a.String) {
				looks[a.String] = last
			}
		}
	}
	return looks
}

// shapeOf describes a marker path by its vertices' directions from their
// centroid, in whole degrees ("arc" for a circle).
func shapeOf(p vg.Path) string {
	var pts []vg.Point
	for _, c := range p {
		switch c.Type {
		case vg.ArcComp:
			return "arc"
		case vg.MoveComp, vg.LineComp:
			pts = append(pts, c.Pos)
		}
	}
	var cx, cy float64
	for _, q := range pts {
		cx += float64(q.X) / float64(len(pts))
		cy += float64(q.Y) / float64(len(pts))
	}
	var dirs []string
	for _, q := range pts {
		a := math.Atan2(float64(q.Y)-cy, float64(q.X)-cx) * 180 / math.Pi
		dirs = append(dirs, fmt.Sprint(int(math.Round(math.Mod(a+360, 360)))%360))
	}
	return strings.Join(dirs, ",")
}

// TestKindLookStable checks that a kind keeps its colour and shape, set by
// its position in KindOrder, in figures with different sets of kinds
// present, and that kinds past the seventh colour differ by shape.
func TestKindLookStable(t *testing.T) {
	order := []string{"company", "x1", "x2", "x3", "x4", "x5", "x6", "psb", "ssb"}
	a := smallNet()
	a.KindOrder = order
	b := smallNet()
	b.KindOrder = order
	for i := range b.Nodes {
		if b.Nodes[i].Kind == "company" {
			b.Nodes[i].Kind = "zz" // not in KindOrder: after it
		}
	}
	fa, err := plots.LayeredNetwork("A", a, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	fb, err := plots.LayeredNetwork("B", b, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	la := legendLooks(t, fa, "Company", "zz", "Public security", "State security")
	lb := legendLooks(t, fb, "Company", "zz", "Public security", "State security")
	if len(la) != 3 || len(lb) != 3 || la["zz"] != "" || lb["Company"] != "" {
		t.Fatalf("legends: A %v, B %v; want the kinds present only", la, lb)
	}
	for _, k := range []string{"Public security", "State security"} {
		if la[k] != lb[k] {
			t.Errorf("%s drawn as %s in A but %s in B", k, la[k], lb[k])
		}
	}
	// psb is the 8th kind: a colour of its own (black), not company's
	// orange again, and its own shape.
	ca, pa, _ := strings.Cut(la["Company"], " ")
	cp, pp, _ := strings.Cut(la["Public security"], " ")
	if ca == cp || pa == pp || ca != hex(plots.DataColor(0)) || cp != hex(plots.DataColor(7)) {
		t.Errorf("company %s, public security %s: want DataColor(0) and DataColor(7), different shapes", la["Company"], la["Public security"])
	}
}

// TestDataColorsDistinct checks that the first nine data colours differ:
// a figure of the nine kinds of party gives each its own colour (the
// eighth, "Individual", used to repeat the public-security orange).
func TestDataColorsDistinct(t *testing.T) {
	seen := map[string]int{}
	for i := range 9 {
		c := hex(plots.DataColor(i))
		if j, ok := seen[c]; ok {
			t.Errorf("DataColor(%d) = DataColor(%d) = %s", i, j, c)
		}
		seen[c] = i
	}
}

// TestNetworkHeightFitsLabels checks that the default height of a tall
// bilingual network leaves room for every label, unshortened, at 6.5 pt
// or more, and that an explicit height is kept, with smaller text.
func TestNetworkHeightFitsLabels(t *testing.T) {
	path := cjkFont(t)
	n := plots.Graph{Nodes: []plots.GraphNode{{ID: "c", Label: "Sichuan Anxun (i-SOON)", LabelZH: "四川安洵", Kind: "company"}}}
	for i := range 3 {
		n.Nodes = append(n.Nodes, plots.GraphNode{ID: fmt.Sprintf("m%d", i), Label: fmt.Sprintf("Intermediary Information Technology Co., Ltd. No. %d", i), LabelZH: "中间信息技术有限公司", Kind: "company", Layer: 1})
		n.Edges = append(n.Edges, plots.GraphEdge{From: "c", To: n.Nodes[len(n.Nodes)-1].ID, Weight: 1, Directed: true})
	}
	for i := range 21 {
		n.Nodes = append(n.Nodes, plots.GraphNode{ID: fmt.Sprintf("u%02d", i), Label: fmt.Sprintf("District Branch No. %d, Kunming Municipal Public Security Bureau", i), LabelZH: "昆明市公安局西山分局", Kind: "psb", Layer: 2, Size: 1})
		from := "c"
		if i < 3 {
			from = fmt.Sprintf("m%d", i)
		}
		n.Edges = append(n.Edges, plots.GraphEdge{From: from, To: n.Nodes[len(n.Nodes)-1].ID, Weight: 1, Directed: true})
	}
	labelSizes := func(f *plots.Figure) (lo float64, cut bool) {
		lo = math.Inf(1)
		for _, line := range strings.Split(dump(t, f), "\n") {
			if strings.Contains(line, "Bureau") || strings.Contains(line, "Co.,") || strings.Contains(line, "Ltd.") {
				var size float64
				if _, err := fmt.Sscanf(line[strings.Index(line, " size=")+1:], "size=%g", &size); err != nil {
					t.Fatalf("%q: %v", line, err)
				}
				lo = math.Min(lo, size)
			}
			cut = cut || strings.Contains(line, "…")
		}
		return lo, cut
	}
	opts := plots.Options{Lang: plots.LangBoth, FontPath: path, Source: source}
	f, err := plots.LayeredNetwork("Network", n, opts)
	if err != nil {
		t.Fatal(err)
	}
	if lo, cut := labelSizes(f); lo < 6.5 || cut {
		t.Errorf("default height %.0f pt: smallest label %.1f pt, shortened %v; want ≥ 6.5 pt, none shortened", float64(f.Height), lo, cut)
	}
	if f.Width != plots.DoubleColumn {
		t.Errorf("width %v, want DoubleColumn", f.Width)
	}
	opts.Height = plots.DoubleColumnHeight
	g, err := plots.LayeredNetwork("Network", n, opts)
	if err != nil {
		t.Fatal(err)
	}
	if lo, _ := labelSizes(g); g.Height != plots.DoubleColumnHeight || lo >= 6.5 {
		t.Errorf("explicit height: got %v high, smallest label %.1f pt; want %v, smaller text", g.Height, lo, plots.DoubleColumnHeight)
	}
}

// TestLayeredSharesGraph checks that LayeredNetwork and NetworkGraph's
// layered layout draw a Graph the same way when the nodes' layers are
// those that GraphLayers computes, and that an undirected edge is drawn
// without an arrowhead.
func TestLayeredSharesGraph(t *testing.T) {
	g := smallNet()
	layers, ok := plots.GraphLayers(g)
	if !ok {
		t.Fatal("smallNet is not a directed acyclic graph")
	}
	for i := range g.Nodes {
		g.Nodes[i].Layer = layers[i]
	}
	a, err := plots.LayeredNetwork("N", g, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout = plots.LayoutLayered
	b, err := plots.NetworkGraph("N", g, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	da, db := dump(t, a), dump(t, b)
	if da != db {
		t.Errorf("LayeredNetwork and NetworkGraph (layered) differ:\n%s\n%s", da, db)
	}
	heads := func(d string) int {
		var n int
		for _, line := range strings.Split(d, "\n") {
			if s, ok := strings.CutPrefix(line, "fill #1c1c1c8c: "); ok { // edge colour (premultiplied): arrowheads only
				fmt.Sscan(s, &n)
			}
		}
		return n
	}
	g.Edges[0].Directed = false
	c, err := plots.LayeredNetwork("N", g, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	if ha, hc := heads(da), heads(dump(t, c)); ha != len(g.Edges) || hc != ha-1 {
		t.Errorf("arrowheads: %d with all edges directed, %d with one undirected; want %d and %d", ha, hc, len(g.Edges), len(g.Edges)-1)
	}
}
