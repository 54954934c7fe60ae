package plots_test

import (
	"fmt"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/ecosys-sna/ecosys/plots"
)

// drawn returns the strings f draws, in order.
func drawn(f *plots.Figure) []string {
	rec := &recorder.Canvas{}
	f.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: f.Width, Y: f.Height}}})
	var out []string
	for _, a := range rec.Actions {
		if s, ok := a.(*recorder.FillString); ok {
			out = append(out, s.String)
		}
	}
	return out
}

// TestTitleNoOrphan checks that a title that needs two lines is wrapped
// into lines of even length, not one full line and an orphan word
// ("Contracts by administrative level of the end" / "user").
func TestTitleNoOrphan(t *testing.T) {
	f, err := plots.ContractsByCategory("Contracts by administrative level of the end user", ledgerCategories, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	lines := drawn(f)[:2]
	if len(strings.Fields(lines[1])) < 3 || strings.Join(lines, " ") != "Contracts by administrative level of the end user" {
		t.Errorf("title lines %q", lines)
	}
}

// TestTimelineFirstYearTick checks that the first year with a contract
// has its labelled tick (the i-SOON timeline began in mid-2016 and had no
// "2016").
func TestTimelineFirstYearTick(t *testing.T) {
	f, err := plots.Timeline("t", testEvents, testGroups, testGroupLabels, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	p := f.Panels[0][0]
	found := false
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		found = found || tk.Label == "2017"
	}
	if !found {
		t.Errorf("no 2017 tick on a timeline that starts in March 2017")
	}
}

// TestSensitivityLayout checks that three curves are one row of three
// panels (no empty fourth tile), titled by their labels, with room above
// each band.
func TestSensitivityLayout(t *testing.T) {
	c := plots.SensitivityCurve{Statistic: "end_users.gini", Label: "Gini of amounts over end users", Removal: "contracts", Observed: 0.6, Level: 0.95,
		Points: []plots.SensitivityPoint{{0, 0.6, 0.6, 0.6}, {0.2, 0.58, 0.5, 0.65}, {0.4, 0.55, 0.42, 0.66}}}
	f, err := plots.SensitivityCurves("s", []plots.SensitivityCurve{c, c, c}, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Panels) != 1 || len(f.Panels[0]) != 3 {
		t.Fatalf("panels %d×%d, want 1×3", len(f.Panels), len(f.Panels[0]))
	}
	for _, p := range f.Panels[0] {
		if p == nil || p.Title.Text != c.Label || strings.Contains(p.Y.Label.Text, "end_users") {
			t.Errorf("panel title %q, y label %q", p.Title.Text, p.Y.Label.Text)
		}
		if p.Y.Max < 0.66+0.3*(0.66-0.42) {
			t.Errorf("y max %v leaves no room above the band (top 0.66)", p.Y.Max)
		}
	}
}

// TestNullReadableLabels checks that the panels of NullDistributions are
// titled by the statistic's label, not its id.
func TestNullReadableLabels(t *testing.T) {
	f, err := plots.NullDistributions("n", []plots.NullDistribution{{Statistic: "centralization.degree", Label: "Degree centralization",
		Null: "gnm", Samples: []float64{0.1, 0.2, 0.3}, Observed: 0.2, PUpper: 0.5, PLower: 0.5}}, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Panels[0][0].Title.Text; got != "Degree centralization" {
		t.Errorf("panel title %q", got)
	}
}

// TestDegreeSeriesDistinct checks that degree series that coincide stay
// visible: each has its own line pattern, and later series (drawn on top)
// have smaller markers.
func TestDegreeSeriesDistinct(t *testing.T) {
	f, err := plots.DegreeCCDF("d", []plots.DegreeSeries{{Label: "Total", Degrees: []int{1, 1, 2}}, {Label: "In", Degrees: []int{1, 1, 2}}, {Label: "Out", Degrees: []int{1, 1, 2}}}, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	f.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: f.Width, Y: f.Height}}})
	dashes := map[string]bool{}
	for _, a := range rec.Actions {
		if l, ok := a.(*recorder.SetLineDash); ok {
			dashes[fmt.Sprint(l.Dashes)] = true
		}
	}
	if len(dashes) < 3 {
		t.Errorf("line patterns %v: want one per series", dashes)
	}
}

// TestSortedBarsOneColour checks that sorted categories (provinces) share
// one colour, and that more categories than fit 240 mm are summed into a
// last "Other" bar, with a note.
func TestSortedBarsOneColour(t *testing.T) {
	var cats []plots.Category
	for i := range 60 {
		cats = append(cats, plots.Category{Label: "P" + fmt.Sprint(i), Count: 1, Amount: float64(1000 + i)})
	}
	f, err := plots.ContractsBySortedCategory("p", cats, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	if f.Height > plots.MaxHeight {
		t.Errorf("height %v mm", f.Height/vg.Millimeter)
	}
	if !strings.Contains(f.Source, "summed as \"Other\"") || !strings.Contains(strings.Join(drawn(f), "|"), "Other (19)") {
		t.Errorf("no Other bar or note: %s", f.Source)
	}
	d := dump(t, f)
	fills := 0
	for _, line := range strings.Split(d, "\n") {
		if strings.HasPrefix(line, "fill #") && !strings.HasPrefix(line, "fill #ffffff") {
			fills++
		}
	}
	if fills != 2 { // one colour for the bars, grey for Other
		t.Errorf("bar colours:\n%s", d)
	}
}

// TestTimelineUnknownGrey checks that the group "unknown" is drawn grey,
// not in a category's colour.
func TestTimelineUnknownGrey(t *testing.T) {
	ev := []plots.Event{{Start: day(2017, 3, 2), End: day(2017, 3, 2), Amount: 1, Group: "unknown"}}
	f, err := plots.Timeline("t", ev, []string{"public_security", "unknown"}, nil, plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	if d := dump(t, f); !strings.Contains(d, "fill #999999ff") || strings.Contains(d, hex(plots.DataColor(1))) {
		t.Errorf("unknown not grey:\n%s", d)
	}
}

// TestOverTimeLegendClear checks that the legend of the centralization
// figure has room above the 0–1 range instead of sitting on lines near 0.
func TestOverTimeLegendClear(t *testing.T) {
	f, err := figureCases()["over_time"](plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Panels[0] {
		if p.Y.Max < 1.15 || !p.Legend.Top {
			t.Errorf("y max %v, legend top %v: the legend overlaps the lines", p.Y.Max, p.Legend.Top)
		}
	}
}

// TestRankingBilingualNamesWhole checks that with LangBoth a long
// English name does not push its Chinese name out ("成都捷通易科技有…"):
// the two are drawn on two lines, the Chinese whole.
func TestRankingBilingualNamesWhole(t *testing.T) {
	path := cjkFont(t)
	parties := []plots.RankedParty{
		{ID: "a", Label: "Chengdu Jietongyi Technology Co., Ltd. of a very long registered name", LabelZH: "成都捷通易科技有限公司", Scores: []float64{3}},
		{ID: "b", Label: "B", Scores: []float64{1}}}
	f, err := plots.CentralityRanking("r", []plots.Measure{{Label: "Degree", LabelZH: "度"}}, parties, 0, plots.Options{Source: source, Lang: plots.LangBoth, FontPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(drawn(f), "|"); !strings.Contains(got, "|成都捷通易科技有限公司|") {
		t.Errorf("Chinese name cut or joined: %s", got)
	}
}

// TestSourceNoteChinese checks the source line of a Chinese figure with a
// note: 来源 for "Source:", a full-width stop before the note, the note
// in Chinese.
func TestSourceNoteChinese(t *testing.T) {
	path := cjkFont(t)
	var cats []plots.Category
	for i := range 50 {
		cats = append(cats, plots.Category{Label: fmt.Sprint("P", i), Count: 1, Amount: float64(1 + i)})
	}
	f, err := plots.ContractsBySortedCategory("p", cats, plots.Options{Source: "Source: ledger.csv", Lang: plots.LangZH, FontPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if want := "来源：ledger.csv。最小的 9 类合并为“其他”。"; f.Source != want {
		t.Errorf("source %q, want %q", f.Source, want)
	}
}

// TestClaimNumbersGrouped checks that the claims chart writes large
// numbers as the tables do: grouped in thousands in English, in 万 in
// Chinese.
func TestClaimNumbersGrouped(t *testing.T) {
	path := cjkFont(t)
	cl := []plots.ClaimValue{{ID: "c6", Claimed: 8270500, Observed: 8270500, Bound: "exactly", Status: "consistent"}}
	for lang, want := range map[plots.Lang]string{plots.LangEN: "c6: observed 8,270,500, claimed exactly 8,270,500", plots.LangZH: "c6：观测 827.05万，声称恰好 827.05万"} {
		f, err := plots.ClaimsChart("c", cl, plots.Options{Source: source, Lang: lang, FontPath: path})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(drawn(f), "|"); !strings.Contains(got, want) {
			t.Errorf("%s: no %q in %s", lang, want, got)
		}
	}
}

// TestRankingTickGap checks that the "1" that ends a column of the
// ranking and the "0" that starts the next are far enough apart not to
// read as "10" (at least the tick font's size between them), at both
// column widths.
func TestRankingTickGap(t *testing.T) {
	for _, w := range []vg.Length{plots.SingleColumn, plots.DoubleColumn} {
		f, err := plots.CentralityRanking("r", []plots.Measure{{Label: "A"}, {Label: "B"}, {Label: "C"}, {Label: "D"}, {Label: "E"}},
			[]plots.RankedParty{{ID: "a", Label: "A party with a long name, Ltd.", Scores: []float64{1, 2, 3, 4, 5}}}, 0, plots.Options{Source: source, Width: w})
		if err != nil {
			t.Fatal(err)
		}
		rec := &recorder.Canvas{}
		f.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: f.Width, Y: f.Height}}})
		type lbl struct{ x0, x1 float64 }
		var ticks []lbl
		var y float64
		for _, a := range rec.Actions {
			s, ok := a.(*recorder.FillString)
			if !ok || (s.String != "0" && s.String != "1") {
				continue
			}
			if len(ticks) > 0 && float64(s.Point.Y) != y {
				continue
			}
			y = float64(s.Point.Y)
			face := font.DefaultCache.Lookup(s.Font, s.Size)
			wd := float64(face.Width(s.String))
			ticks = append(ticks, lbl{float64(s.Point.X), float64(s.Point.X) + wd})
		}
		if len(ticks) != 10 {
			t.Fatalf("width %v: %d tick labels, want 10", w, len(ticks))
		}
		for i := 1; i < len(ticks); i++ {
			if gap := ticks[i].x0 - ticks[i-1].x1; gap < float64(plots.TickSize) {
				t.Errorf("width %v: tick labels %d and %d %.1f pt apart", w, i-1, i, gap)
			}
		}
	}
}
