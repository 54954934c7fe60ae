package report_test

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
	"github.com/ecosys-sna/ecosys/report"
)

// networkFigures are drawn by plots/network.go and plots/graph.go and
// tested with them.
var networkFigures = map[string]bool{"network": true, "graph": true, "case-network": true}

// textBox is a string a figure draws and the box it covers on the page.
type textBox struct {
	s                      string
	minX, minY, maxX, maxY float64
}

// drawnText draws f on a recorder and returns every string it draws with
// its box, following the canvas transforms (rotated axis labels too).
// SVG, PNG and PDF draw the same strings at the same places: they all
// run Figure.Draw.
func drawnText(f *plots.Figure) []textBox {
	rec := &recorder.Canvas{}
	f.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: f.Width, Y: f.Height}}})
	type m struct{ a, b, c, d, e, f float64 } // x' = a x + c y + e, y' = b x + d y + f
	cur := m{1, 0, 0, 1, 0, 0}
	var stack []m
	apply := func(t m, x, y float64) (float64, float64) { return t.a*x + t.c*y + t.e, t.b*x + t.d*y + t.f }
	mul := func(t, u m) m { // t then u in local coordinates: t·u
		return m{t.a*u.a + t.c*u.b, t.b*u.a + t.d*u.b, t.a*u.c + t.c*u.d, t.b*u.c + t.d*u.d, t.a*u.e + t.c*u.f + t.e, t.b*u.e + t.d*u.f + t.f}
	}
	var out []textBox
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.Push:
			stack = append(stack, cur)
		case *recorder.Pop:
			cur, stack = stack[len(stack)-1], stack[:len(stack)-1]
		case *recorder.Translate:
			cur = mul(cur, m{1, 0, 0, 1, float64(a.Point.X), float64(a.Point.Y)})
		case *recorder.Rotate:
			s, c := math.Sincos(a.Angle)
			cur = mul(cur, m{c, s, -s, c, 0, 0})
		case *recorder.Scale:
			cur = mul(cur, m{a.X, 0, 0, a.Y, 0, 0})
		case *recorder.FillString:
			face := font.DefaultCache.Lookup(a.Font, a.Size)
			w := float64(face.Width(a.String))
			ext := face.Extents()
			x0, y0 := float64(a.Point.X), float64(a.Point.Y)
			b := textBox{s: a.String, minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
			for _, p := range [][2]float64{{x0, y0 - float64(ext.Descent)*0.6}, {x0 + w, y0 - float64(ext.Descent)*0.6}, {x0, y0 + float64(ext.Ascent)*0.75}, {x0 + w, y0 + float64(ext.Ascent)*0.75}} {
				x, y := apply(cur, p[0], p[1])
				b.minX, b.maxX = math.Min(b.minX, x), math.Max(b.maxX, x)
				b.minY, b.maxY = math.Min(b.minY, y), math.Max(b.maxY, y)
			}
			out = append(out, b)
		}
	}
	return out
}

// overlaps returns the pairs of strings whose boxes overlap by more than
// half a point each way.
func overlaps(boxes []textBox) []string {
	var out []string
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if strings.TrimSpace(a.s) == "" || strings.TrimSpace(b.s) == "" {
				continue
			}
			if math.Min(a.maxX, b.maxX)-math.Max(a.minX, b.minX) > 0.5 && math.Min(a.maxY, b.maxY)-math.Max(a.minY, b.minY) > 0.5 {
				out = append(out, fmt.Sprintf("%q over %q", a.s, b.s))
			}
		}
	}
	return out
}

// cjkFontOrSkip returns a CJK font or skips the test.
func cjkFontOrSkip(t *testing.T) string {
	t.Helper()
	p, ok := plots.FindCJKFont()
	if !ok {
		t.Skip("no CJK font installed (apt-get install fonts-wqy-microhei)")
	}
	return p
}

// westernAmount matches an amount in thousands or millions ("2.71 M",
// "60.0 k"), which Chinese writes in 万 and 亿.
var westernAmount = regexp.MustCompile(`\d ?[kM]\b`)

// englishWord matches a word of three or more Latin letters.
var englishWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// allowedEnglish are the words that stay English in Chinese figures:
// names recorded only in English (the citation of the data set, the
// command names, measure names such as PageRank and Holm's method).
var allowedEnglish = map[string]bool{
	"NIDS": true, "Commentary": true, "Figure": true, "ecosys": true, "cases": true, "list": true, "claims": true,
	"PageRank": true, "Holm": true, "upper": true, "lower": true, "bipartite": true, "sampled": true, "gnm": true,
	"Individual": true,
}

// TestFiguresChineseAndBilingual draws every figure of the report (the
// network drawings aside) of the i-SOON ledger in Chinese and in both
// languages: in Chinese, no English word is left that ecosys writes
// itself (names recorded only in English, the citation and command names
// aside; the source line starts with 来源) and amounts are in 万/亿, not
// k/M; in both languages, no two
// strings are drawn over each other (四川 over "Yunnan").
func TestFiguresChineseAndBilingual(t *testing.T) {
	path := cjkFontOrSkip(t)
	r, opts := fixture(t)
	names := map[string]bool{}
	for _, n := range r.Network().Nodes {
		if n.Entity.NameZH == "" || n.Entity.Kind == network.Individual {
			for _, w := range englishWord.FindAllString(n.Entity.Name(), -1) {
				names[w] = true
			}
		}
	}
	for _, spec := range report.Catalogue() {
		if networkFigures[spec.Name] {
			continue
		}
		for _, lang := range []plots.Lang{plots.LangZH, plots.LangBoth} {
			p := report.FigureParams{Options: plots.Options{Lang: lang, FontPath: path, Source: opts.Source}, Seed: 1}
			f, err := spec.Draw(r, p)
			if err != nil {
				t.Fatalf("%s %s: %v", spec.Name, lang, err)
			}
			boxes := drawnText(f)
			if lang == plots.LangZH {
				if !strings.HasPrefix(f.Source, "来源：") {
					t.Errorf("%s zh: source line %q", spec.Name, f.Source)
				}
				for _, b := range boxes {
					if westernAmount.MatchString(b.s) {
						t.Errorf("%s zh: amount %q not in 万/亿", spec.Name, b.s)
					}
					for _, w := range englishWord.FindAllString(b.s, -1) {
						if !allowedEnglish[w] && !names[w] {
							t.Errorf("%s zh: English word %q in %q", spec.Name, w, b.s)
						}
					}
				}
			}
			for _, o := range overlaps(boxes) {
				t.Errorf("%s %s: %s", spec.Name, lang, o)
			}
			// Every format draws the Chinese title: SVG as text, PNG as
			// pixels, PDF as outlines (plots tests the outlines).
			for _, format := range []string{"svg", "png", "pdf"} {
				b, err := f.Encode(format)
				if err != nil {
					t.Errorf("%s %s %s: %v", spec.Name, lang, format, err)
				}
				if format == "svg" && !strings.Contains(string(b), strings.Split(spec.TitleZH, "%")[0]) {
					t.Errorf("%s %s: SVG lacks the Chinese title %q", spec.Name, lang, spec.TitleZH)
				}
			}
		}
	}
}

// TestFiguresNoOverlapEnglish checks the English figures for strings
// drawn over each other (the ranking's "1" over the next column's "0").
func TestFiguresNoOverlapEnglish(t *testing.T) {
	r, opts := fixture(t)
	for _, spec := range report.Catalogue() {
		if networkFigures[spec.Name] {
			continue
		}
		for _, w := range []vg.Length{0, plots.SingleColumn} {
			f, err := spec.Draw(r, report.FigureParams{Options: plots.Options{Source: opts.Source, Width: w}, Seed: 1})
			if err != nil {
				t.Fatalf("%s: %v", spec.Name, err)
			}
			for _, o := range overlaps(drawnText(f)) {
				t.Errorf("%s width %v: %s", spec.Name, w, o)
			}
		}
	}
}

// TestFiguresAltText checks that every figure of the report has alt
// text in English and in Chinese, computed from the data: it carries the
// figure's numbers (a digit) and differs between the languages.
func TestFiguresAltText(t *testing.T) {
	r, _ := fixture(t)
	for _, spec := range report.Catalogue() {
		en, zh := spec.Alt(r, plots.LangEN), spec.Alt(r, plots.LangZH)
		if en == "" || zh == "" || en == zh || !strings.ContainsAny(en, "0123456789") || !strings.ContainsAny(zh, "0123456789") {
			t.Errorf("%s: alt text %q / %q", spec.Name, en, zh)
		}
		if both := spec.Alt(r, plots.LangBoth); !strings.Contains(both, en) || !strings.Contains(both, zh) {
			t.Errorf("%s: bilingual alt text %q", spec.Name, both)
		}
	}
}

// wideSyntheticLedger is a deterministic ledger of n contracts: one
// contractor, 40 intermediaries and 160 end users spread over the 31
// provinces and the five state levels, dated over 2010–2024.
func wideSyntheticLedger(t *testing.T, n int) *network.Ledger {
	t.Helper()
	provinces := []string{"Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang", "Shanghai", "Jiangsu",
		"Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing",
		"Sichuan", "Guizhou", "Yunnan", "Tibet", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang"}
	levels := []string{"national", "provincial", "prefectural", "county", "district"}
	var ents, led strings.Builder
	ents.WriteString("id,name_zh,name_en,kind,ministry,level,province\n")
	ents.WriteString("c,承包商,Contractor Co.,company,none,not_applicable,Sichuan\n")
	for i := range 40 {
		fmt.Fprintf(&ents, "s%d,中间商%d,Intermediary %d,company,none,not_applicable,%s\n", i, i, i, provinces[i%31])
	}
	for i := range 160 {
		fmt.Fprintf(&ents, "u%d,用户%d,End user %d,public_security_organ,MPS,%s,%s\n", i, i, i, levels[i%5], provinces[(i*7)%31])
	}
	led.WriteString("contractor_id,signatory_id,end_user_id,amount_cny,client_type,date_start,date_end,date_precision\n")
	for i := range n {
		d := fmt.Sprintf("%d-%02d-%02d", 2010+i%15, 1+i%12, 1+i%28)
		fmt.Fprintf(&led, "c,s%d,u%d,%d.00,public_security,%s,%s,day\n", i%40, (i*13)%160, 10000+(i*7919)%2000000, d, d)
	}
	l, err := network.ReadLedger("synthetic.csv", strings.NewReader(led.String()), "synthetic-entities.csv", strings.NewReader(ents.String()))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestFiguresFitThePage draws every figure (the network drawings aside)
// of a 300-contract ledger in each language and format, at its own width
// and at a single column: each is at most 175 mm wide and 240 mm high,
// and no two strings overlap.
func TestFiguresFitThePage(t *testing.T) {
	path, ok := plots.FindCJKFont()
	r := analysis.NewResults(wideSyntheticLedger(t, 300), nil, analysis.ResultsOptions{Samples: 5, Seed: 1, Ecosystem: quickEcosystem})
	langs := []plots.Lang{plots.LangEN}
	if ok {
		langs = append(langs, plots.LangZH, plots.LangBoth)
	}
	for _, spec := range report.Catalogue() {
		if networkFigures[spec.Name] || spec.Name == "claims" || spec.Name == "implications" {
			continue // claims and the verdict need case data
		}
		for _, lang := range langs {
			for _, w := range []vg.Length{0, plots.SingleColumn} {
				f, err := spec.Draw(r, report.FigureParams{Options: plots.Options{Source: "Source: synthetic", Lang: lang, FontPath: path, Width: w, DPI: 30}, Seed: 1, Top: 100})
				if err != nil {
					t.Fatalf("%s %s: %v", spec.Name, lang, err)
				}
				if f.Width > plots.DoubleColumn+1e-6 || f.Height > plots.MaxHeight+1e-6 {
					t.Errorf("%s %s width %v: %.0f × %.0f mm", spec.Name, lang, w, f.Width/vg.Millimeter, f.Height/vg.Millimeter)
				}
				for _, o := range overlaps(drawnText(f)) {
					t.Errorf("%s %s width %v: %s", spec.Name, lang, w, o)
				}
				if w == 0 {
					for _, format := range []string{"svg", "png", "pdf"} {
						if _, err := f.Encode(format); err != nil {
							t.Errorf("%s %s %s: %v", spec.Name, lang, format, err)
						}
					}
				}
			}
		}
	}
}

// TestNetworkFiguresChineseLegend: in Chinese, the legends of the network
// drawings (kinds of nodes and ties, what size and width show, the
// amounts of the width key) are Chinese; only names are left as recorded.
func TestNetworkFiguresChineseLegend(t *testing.T) {
	path := cjkFontOrSkip(t)
	r, opts := fixture(t)
	for _, spec := range report.Catalogue() {
		if !networkFigures[spec.Name] {
			continue
		}
		f, err := spec.Draw(r, report.FigureParams{Options: plots.Options{Lang: plots.LangZH, FontPath: path, Source: opts.Source}, Seed: 1})
		if err != nil {
			t.Fatalf("%s: %v", spec.Name, err)
		}
		var all []string
		for _, b := range drawnText(f) {
			all = append(all, b.s)
			if westernAmount.MatchString(b.s) && spec.Name != "case-network" { // the width keys of network and graph are amounts
				t.Errorf("%s zh: amount %q not in 万/亿", spec.Name, b.s)
			}
		}
		text := strings.Join(all, "\n")
		for en, zh := range report.LegendZH {
			if len(en) > 4 && strings.Contains(text, en) && !strings.Contains(text, zh) {
				t.Errorf("%s zh: legend word %q drawn in English, not %q", spec.Name, en, zh)
			}
		}
		for _, w := range []string{"Node area", "Edge width", "Not labelled"} {
			if strings.Contains(text, w) {
				t.Errorf("%s zh: %q drawn in English", spec.Name, w)
			}
		}
	}
}

// TestBilingualSourceLine: in both languages a clause a figure adds to
// its source line reads "…; case data: B / 案件数据：B′": the Chinese
// clause lost its leading "；" ("… / ；案件数据" before).
func TestBilingualSourceLine(t *testing.T) {
	path := cjkFontOrSkip(t)
	r, opts := fixture(t)
	clauses := 0
	for _, spec := range report.Catalogue() {
		p := report.FigureParams{Options: plots.Options{Lang: plots.LangBoth, FontPath: path, Source: opts.Source}, Seed: 1}
		f, err := spec.Draw(r, p)
		if err != nil {
			t.Fatalf("%s: %v", spec.Name, err)
		}
		if strings.Contains(f.Source, "/ ；") {
			t.Errorf("%s: source line %q", spec.Name, f.Source)
		}
		if strings.Contains(f.Source, " / 案件数据：") || strings.Contains(f.Source, " / 声称：") {
			clauses++
		}
	}
	if clauses < 3 {
		t.Errorf("%d figures add a bilingual clause to their source line, want the 3 with case data or claims", clauses)
	}
}
