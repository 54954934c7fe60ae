package plots_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ecosys-sna/ecosys/plots"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// testEvents has exact days, a month-only date, a year-only date and an
// undated contract.
var testEvents = []plots.Event{
	{Start: day(2017, 3, 2), End: day(2017, 3, 2), Amount: 470000, Group: "public_security"},
	{Start: day(2017, 5, 1), End: day(2017, 5, 31), Amount: 800000, Group: "public_security"},
	{Start: day(2018, 1, 1), End: day(2018, 12, 31), Amount: 60000, Group: "state_security"},
	{Start: day(2018, 7, 9), End: day(2018, 7, 9), Amount: 150000, Group: "enterprise"},
	{Amount: 30000, Group: "state_security"},
}

var testGroups = []string{"public_security", "state_security", "enterprise"}

var testGroupLabels = map[string][2]string{
	"public_security": {"Public security", "公安"}, "state_security": {"State security", "安全"}, "enterprise": {"Enterprise", "企业"},
}

func testGraph() plots.Graph {
	return plots.Graph{
		Nodes: []plots.GraphNode{
			{ID: "a", Label: "Alpha Co.", Kind: "company", Size: 3},
			{ID: "b", Label: "Bureau B", Kind: "psb", Size: 1},
			{ID: "c", Label: "Bureau C", Kind: "psb", Size: 0},
			{ID: "d", Label: "Delta", Kind: "ssb", Size: 2},
			{ID: "e", Label: "Echo person", Kind: "person", Size: 0.5},
		},
		Edges: []plots.GraphEdge{
			{From: "a", To: "b", Weight: 4, Directed: true, Kind: "contract"},
			{From: "b", To: "a", Weight: 1, Directed: true, Kind: "contract"},
			{From: "a", To: "c", Weight: 2, Directed: true, Kind: "contract"},
			{From: "c", To: "d", Weight: 1, Kind: "co-defendant"},
			{From: "d", To: "e", Weight: 1, Kind: "employment"},
		},
		KindOrder:     []string{"company", "psb", "ssb"},
		KindLabels:    map[string]string{"company": "Company", "psb": "Public security", "ssb": "State security"},
		EdgeKindOrder: []string{"contract", "co-defendant"},
		SizeLabel:     "degree",
		WeightLabel:   "amount (CNY)",
		Seed:          1,
	}
}

// figureCases builds every figure of the package from small fixed data.
func figureCases() map[string]func(plots.Options) (*plots.Figure, error) {
	return map[string]func(plots.Options) (*plots.Figure, error){
		"sorted_bars": func(o plots.Options) (*plots.Figure, error) {
			return plots.ContractsBySortedCategory("By province", []plots.Category{
				{Label: "Yunnan", Count: 9, Amount: 2069000}, {Label: "Sichuan", Count: 7, Amount: 2714000}, {Label: "Tibet", Count: 1, Amount: 50000}}, o)
		},
		"tilemap": func(o plots.Options) (*plots.Figure, error) {
			return plots.ProvinceTileMap("Amount by province", []plots.ProvinceValue{
				{Province: "Sichuan", Value: 2714000}, {Province: "Yunnan", Value: 2069000}, {Province: "Tibet", Value: 50000}, {Province: "北京市", Value: 150000}}, "Amount (CNY)", o)
		},
		"timeline": func(o plots.Options) (*plots.Figure, error) {
			return plots.Timeline("Contracts over time", testEvents, testGroups, testGroupLabels, o)
		},
		"lorenz": func(o plots.Options) (*plots.Figure, error) {
			return plots.LorenzCurves("Concentration", []plots.LorenzCurve{
				{Label: "End users", Points: [][2]float64{{0, 0}, {1.0 / 3, 0.1}, {2.0 / 3, 0.3}, {1, 1}}, Gini: 0.4, Units: 3},
				{Label: "Provinces", Points: [][2]float64{{0, 0}, {0.5, 0.4}, {1, 1}}, Gini: 0.1, Units: 2}}, o)
		},
		"ranking": func(o plots.Options) (*plots.Figure, error) {
			return plots.CentralityRanking("Top parties", []plots.Measure{{Label: "Degree"}, {Label: "Betweenness"}}, []plots.RankedParty{
				{ID: "a", Label: "Alpha", Scores: []float64{5, 0}}, {ID: "b", Label: "Bravo", Scores: []float64{2, 4}},
				{ID: "c", Label: "Charlie", Scores: []float64{1, math.NaN()}}, {ID: "d", Label: "Delta", Scores: []float64{1, 1}}}, 3, o)
		},
		"degree": func(o plots.Options) (*plots.Figure, error) {
			return plots.DegreeCCDF("Degrees", []plots.DegreeSeries{{Label: "Total", Degrees: []int{1, 1, 1, 2, 5, 20}}, {Label: "In", Degrees: []int{0, 1, 1, 1, 1, 3}}}, o)
		},
		"null": func(o plots.Options) (*plots.Figure, error) {
			s := make([]float64, 200)
			for i := range s {
				s[i] = 0.3 + 0.2*math.Sin(float64(i))
			}
			return plots.NullDistributions("Null distributions", []plots.NullDistribution{
				{Statistic: "centralization.degree", Null: "bipartite-gnm", Samples: s, Observed: 0.55, PUpper: 0.01, PLower: 0.995},
				{Statistic: "constant", Null: "gnm", Samples: []float64{0.5, 0.5, 0.5}, Observed: 0.5, PUpper: 1, PLower: 1}}, o)
		},
		"sensitivity": func(o plots.Options) (*plots.Figure, error) {
			return plots.SensitivityCurves("Sensitivity", []plots.SensitivityCurve{{Statistic: "end_users.gini", Removal: "contracts", Observed: 0.6, Level: 0.95,
				Points: []plots.SensitivityPoint{{0, 0.6, 0.6, 0.6}, {0.2, 0.58, 0.5, 0.65}, {0.4, 0.55, 0.42, 0.66}}}}, o)
		},
		"over_time": func(o plots.Options) (*plots.Figure, error) {
			ms := []plots.Measure{{Label: "Degree"}, {Label: "Betweenness"}}
			return plots.CentralizationOverTime("Centralization over time", ms,
				[]plots.Snapshot{{Year: 2016, Contracts: 2, Values: []float64{0.5, math.NaN()}}, {Year: 2017, Contracts: 11, Values: []float64{0.4, 0.1}}},
				[]plots.Snapshot{{Year: 2016, Contracts: 2, Values: []float64{0.5, math.NaN()}}, {Year: 2017, Contracts: 13, Values: []float64{0.45, 0.05}}}, o)
		},
		"graph": func(o plots.Options) (*plots.Figure, error) {
			return plots.NetworkGraph("Case network", testGraph(), o)
		},
		"claims": func(o plots.Options) (*plots.Figure, error) {
			return plots.ClaimsChart("Claims checked", []plots.ClaimValue{
				{ID: "s01", Claimed: 32, Observed: 32, Bound: "exactly", Status: "consistent"},
				{ID: "s02", Claimed: 18, Observed: 16, Bound: "exactly", Status: "inconsistent"},
				{ID: "r1c01", Claimed: 43, Observed: 12, Bound: "at_least", Status: "consistent_as_bound"},
				{ID: "c4", Claimed: 40, Observed: 44, Bound: "approximately", Tolerance: 0.2, Status: "consistent"},
				{ID: "c5", Claimed: 2, Observed: 9, Bound: "at_most", Status: "inconsistent"},
				{ID: "c6", Claimed: 8270500, Observed: 8270500.5, Bound: "more_than", Status: "consistent"},
			}, o)
		},
		"implications": func(o plots.Options) (*plots.Figure, error) {
			null, alt := make([]float64, 200), make([]float64, 100)
			for i := range null {
				null[i] = 0.1 + 0.05*math.Sin(float64(i))
			}
			for i := range alt {
				alt[i] = 0.3 + 0.05*math.Cos(float64(i))
			}
			return plots.Implications("Implications", []plots.ImplicationPanel{
				{Name: "principal_level", Share: true, Observed: 0.9, Lower: 0.7, Upper: 1, LowLabel: "centralized", HighLabel: "decentralized",
					Verdict: "favours decentralized"},
				{Name: "principal_concentration", Null: null, Alternative: alt, Observed: 0.12, Verdict: "Holm p = 0.4, power 0.93: neither"},
				{Name: "locality", Null: []float64{0.2, 0.2, 0.2}, Observed: 0.2, Verdict: "fixed by the design"},
			}, o)
		},
	}
}

// TestGoldenFigures compares the rendered text, positions and colour
// counts of every figure with testdata/<name>_en.golden (go test ./plots
// -update rewrites them).
func TestGoldenFigures(t *testing.T) {
	for name, build := range figureCases() {
		t.Run(name, func(t *testing.T) {
			f, err := build(plots.Options{Source: source})
			if err != nil {
				t.Fatal(err)
			}
			d := dump(t, f)
			if !strings.Contains(d, source) {
				t.Errorf("no source line:\n%s", d)
			}
			checkGolden(t, name+"_en", d)
			for _, format := range []string{"svg", "png", "pdf"} {
				a, err := f.Encode(format)
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				b, _ := f.Encode(format)
				if string(a) != string(b) {
					t.Errorf("%s output is not deterministic", format)
				}
			}
		})
	}
}

// TestFiguresChinese draws every figure with Chinese labels: no error,
// no missing glyph, and PDF drawn.
func TestFiguresChinese(t *testing.T) {
	path := cjkFont(t)
	for name, build := range figureCases() {
		f, err := build(plots.Options{Source: source, Lang: plots.LangBoth, FontPath: path})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if _, err := f.Encode("pdf"); err != nil {
			t.Errorf("%s: pdf: %v", name, err)
		}
	}
	f, _ := figureCases()["timeline"](plots.Options{Source: source, Lang: plots.LangZH, FontPath: path})
	if d := dump(t, f); !strings.Contains(d, `"公安"`) || !strings.Contains(d, "签订日期") {
		t.Errorf("Chinese timeline lacks Chinese labels:\n%s", d)
	}
}

func TestTimelineIntervals(t *testing.T) {
	f, err := plots.Timeline("t", testEvents, testGroups, testGroupLabels, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	d := dump(t, f)
	if !strings.Contains(d, "(1 without a date not shown)") {
		t.Errorf("undated contract not reported:\n%s", d)
	}
}

func TestCCDF(t *testing.T) {
	tests := []struct {
		in   []int
		want [][2]float64
	}{
		{nil, nil},
		{[]int{0, 0}, nil},
		{[]int{1, 1, 2, 4}, [][2]float64{{1, 1}, {2, 0.5}, {4, 0.25}}},
		{[]int{0, 3, 1, 3}, [][2]float64{{1, 0.75}, {3, 0.5}}},
	}
	for _, tt := range tests {
		if got := plots.CCDF(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("CCDF(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestRankParties(t *testing.T) {
	ps := []plots.RankedParty{
		{ID: "b", Scores: []float64{1, 2}}, {ID: "a", Scores: []float64{1, 2}},
		{ID: "c", Scores: []float64{2, math.NaN()}}, {ID: "z", Scores: []float64{0, 0}},
	}
	got, norm := plots.RankParties(ps, 2)
	var ids []string
	for _, p := range got {
		ids = append(ids, p.ID)
	}
	// a and b: (0.5 + 1)/2 = 0.75, tie broken by ID; c: (1 + 0)/2 = 0.5.
	if want := []string{"a", "b", "c", "z"}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	if norm[0][0] != 0.5 || norm[0][1] != 1 || !math.IsNaN(norm[2][1]) {
		t.Errorf("normalised scores %v", norm)
	}
}

func TestLookupProvince(t *testing.T) {
	for in, want := range map[string]string{
		"Sichuan": "SC", "sichuan province": "SC", "Tibet": "XZ", "Xizang": "XZ", "西藏自治区": "XZ",
		"Inner Mongolia": "NM", "Nei Mongol": "NM", "北京市": "BJ", "CN-GD": "GD", "广西壮族自治区": "GX", "Shaanxi": "SN", "Shanxi": "SX",
	} {
		if got, ok := plots.LookupProvince(in); !ok || got.Code != want {
			t.Errorf("LookupProvince(%q) = %v, %v; want %s", in, got.Code, ok, want)
		}
	}
	for _, in := range []string{"", "Hong Kong", "Taiwan", "unknown"} {
		if _, ok := plots.LookupProvince(in); ok {
			t.Errorf("LookupProvince(%q) found a tile", in)
		}
	}
	// 31 units, each grid cell used once.
	cells := map[[2]int]string{}
	for _, p := range plots.ProvinceTiles {
		if o, dup := cells[[2]int{p.Row, p.Col}]; dup {
			t.Errorf("%s and %s share a tile", p.Name, o)
		}
		cells[[2]int{p.Row, p.Col}] = p.Name
	}
	if len(plots.ProvinceTiles) != 31 {
		t.Errorf("%d tiles, want 31", len(plots.ProvinceTiles))
	}
}

func TestBins(t *testing.T) {
	if got := plots.Bins([]float64{1, 1, 1}); got != 8 {
		t.Errorf("constant: %d bins", got)
	}
	many := make([]float64, 10000)
	for i := range many {
		many[i] = float64(i)
	}
	// Freedman–Diaconis: IQR 4999.5, width 2·4999.5/10000^(1/3) = 464.1,
	// range 9999: 22 bins.
	if got := plots.Bins(many); got != 22 {
		t.Errorf("10000 uniform values: %d bins, want 22", got)
	}
	if got := plots.Bins(many[:5]); got != 8 {
		t.Errorf("5 values: %d bins, want the floor 8", got)
	}
	if got := plots.Bins([]float64{0, 1, math.NaN(), 2, 3}); got < 8 || got > 40 {
		t.Errorf("with NaN: %d bins", got)
	}
}

func TestGraphLayersAndLayout(t *testing.T) {
	g := testGraph()
	if _, ok := plots.GraphLayers(g); ok {
		t.Error("graph with undirected edges and a 2-cycle reported acyclic")
	}
	dag := plots.Graph{Nodes: g.Nodes[:3], Edges: []plots.GraphEdge{{From: "a", To: "b", Directed: true}, {From: "b", To: "c", Directed: true}, {From: "a", To: "c", Directed: true}}}
	if l, ok := plots.GraphLayers(dag); !ok || !slices.Equal(l, []int{0, 1, 2}) {
		t.Errorf("GraphLayers = %v, %v", l, ok)
	}
	g.Layout = plots.LayoutLayered
	if _, err := plots.NetworkGraph("x", g, plots.Options{Source: source}); err == nil {
		t.Error("layered layout of a cyclic graph: no error")
	}
	// The force layout depends on IDs, edges and seed, not on node order.
	a := plots.ForceLayout(testGraph())
	h := testGraph()
	slices.Reverse(h.Nodes)
	b := plots.ForceLayout(h)
	for i := range a {
		j := len(a) - 1 - i
		if math.Abs(a[i][0]-b[j][0]) > 1e-9 || math.Abs(a[i][1]-b[j][1]) > 1e-9 {
			t.Errorf("node %d at %v, reversed order gives %v", i, a[i], b[j])
		}
		if a[i][0] < 0 || a[i][0] > 1 || a[i][1] < 0 || a[i][1] > 1 {
			t.Errorf("node %d outside the unit square: %v", i, a[i])
		}
	}
}

func TestValidateNewFigures(t *testing.T) {
	o := plots.Options{Source: source}
	bad := map[string]func() (*plots.Figure, error){
		"tile unknown": func() (*plots.Figure, error) {
			return plots.ProvinceTileMap("x", []plots.ProvinceValue{{Province: "Atlantis", Value: 1}}, "", o)
		},
		"tile negative": func() (*plots.Figure, error) {
			return plots.ProvinceTileMap("x", []plots.ProvinceValue{{Province: "Sichuan", Value: -1}}, "", o)
		},
		"timeline empty": func() (*plots.Figure, error) { return plots.Timeline("x", nil, testGroups, nil, o) },
		"timeline group": func() (*plots.Figure, error) {
			return plots.Timeline("x", []plots.Event{{Group: "x"}}, testGroups, nil, o)
		},
		"timeline undated": func() (*plots.Figure, error) {
			return plots.Timeline("x", []plots.Event{{Group: "enterprise"}}, testGroups, nil, o)
		},
		"timeline reversed": func() (*plots.Figure, error) {
			return plots.Timeline("x", []plots.Event{{Start: day(2018, 2, 1), End: day(2018, 1, 1), Group: "enterprise"}}, testGroups, nil, o)
		},
		"lorenz none": func() (*plots.Figure, error) { return plots.LorenzCurves("x", nil, o) },
		"lorenz decreasing": func() (*plots.Figure, error) {
			return plots.LorenzCurves("x", []plots.LorenzCurve{{Points: [][2]float64{{0, 0}, {0.5, 0.6}, {1, 0.5}}}}, o)
		},
		"ranking scores": func() (*plots.Figure, error) {
			return plots.CentralityRanking("x", []plots.Measure{{}}, []plots.RankedParty{{ID: "a"}}, 1, o)
		},
		"ranking dup": func() (*plots.Figure, error) {
			return plots.CentralityRanking("x", []plots.Measure{{}}, []plots.RankedParty{{ID: "a", Scores: []float64{1}}, {ID: "a", Scores: []float64{1}}}, 1, o)
		},
		"degree zeros": func() (*plots.Figure, error) {
			return plots.DegreeCCDF("x", []plots.DegreeSeries{{Degrees: []int{0, 0}}}, o)
		},
		"degree negative": func() (*plots.Figure, error) {
			return plots.DegreeCCDF("x", []plots.DegreeSeries{{Degrees: []int{-1}}}, o)
		},
		"null empty": func() (*plots.Figure, error) {
			return plots.NullDistributions("x", []plots.NullDistribution{{Samples: []float64{math.NaN()}}}, o)
		},
		"sensitivity order": func() (*plots.Figure, error) {
			return plots.SensitivityCurves("x", []plots.SensitivityCurve{{Points: []plots.SensitivityPoint{{Fraction: 0.5}, {Fraction: 0.1}}}}, o)
		},
		"over-time range": func() (*plots.Figure, error) {
			return plots.CentralizationOverTime("x", []plots.Measure{{}}, []plots.Snapshot{{Year: 1, Values: []float64{2}}}, []plots.Snapshot{{Year: 1, Values: []float64{2}}}, o)
		},
		"graph empty": func() (*plots.Figure, error) { return plots.NetworkGraph("x", plots.Graph{}, o) },
		"graph missing": func() (*plots.Figure, error) {
			return plots.NetworkGraph("x", plots.Graph{Nodes: []plots.GraphNode{{ID: "a"}}, Edges: []plots.GraphEdge{{From: "a", To: "b"}}}, o)
		},
		"graph self loop": func() (*plots.Figure, error) {
			return plots.NetworkGraph("x", plots.Graph{Nodes: []plots.GraphNode{{ID: "a"}}, Edges: []plots.GraphEdge{{From: "a", To: "a"}}}, o)
		},
		"graph dup": func() (*plots.Figure, error) {
			return plots.NetworkGraph("x", plots.Graph{Nodes: []plots.GraphNode{{ID: "a"}, {ID: "a"}}}, o)
		},
		"claims none": func() (*plots.Figure, error) { return plots.ClaimsChart("x", nil, o) },
		"claims zero": func() (*plots.Figure, error) {
			return plots.ClaimsChart("x", []plots.ClaimValue{{ID: "a", Claimed: 0, Observed: 1, Bound: "exactly", Status: "consistent"}}, o)
		},
		"claims bound": func() (*plots.Figure, error) {
			return plots.ClaimsChart("x", []plots.ClaimValue{{ID: "a", Claimed: 1, Observed: 1, Bound: "roughly", Status: "consistent"}}, o)
		},
		"claims status": func() (*plots.Figure, error) {
			return plots.ClaimsChart("x", []plots.ClaimValue{{ID: "a", Claimed: 1, Observed: 1, Bound: "exactly", Status: "error"}}, o)
		},
		"claims dup": func() (*plots.Figure, error) {
			c := plots.ClaimValue{ID: "a", Claimed: 1, Observed: 1, Bound: "exactly", Status: "consistent"}
			return plots.ClaimsChart("x", []plots.ClaimValue{c, c}, o)
		},
		"no source": func() (*plots.Figure, error) {
			return plots.DegreeCCDF("x", []plots.DegreeSeries{{Degrees: []int{1}}}, plots.Options{})
		},
	}
	for name, f := range bad {
		fig, err := f()
		if err == nil || fig != nil || !strings.HasPrefix(err.Error(), "plots: ") {
			t.Errorf("%s: got %v, %v; want a plots: error", name, fig, err)
		}
	}
}

func TestSequentialColor(t *testing.T) {
	if hex(plots.SequentialColor(0)) != "#440154ff" || hex(plots.SequentialColor(1)) != "#fde725ff" || hex(plots.SequentialColor(2)) != "#fde725ff" {
		t.Errorf("ends %s %s", hex(plots.SequentialColor(0)), hex(plots.SequentialColor(1)))
	}
	// Lightness increases along the scale (it reads in greyscale).
	prev := -1.0
	for i := 0; i <= 10; i++ {
		r, g, b, _ := plots.SequentialColor(float64(i) / 10).RGBA()
		l := 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
		if l <= prev {
			t.Errorf("luminance not increasing at %d", i)
		}
		prev = l
	}
	_ = fmt.Sprint
}
