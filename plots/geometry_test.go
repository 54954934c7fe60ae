package plots_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/plots"
)

// Geometry goldens: the SVG output of every figure, normalised, in
// testdata/geometry/<figure>_<lang>.txt. They test what the text dumps
// of TestGoldenFigures do not: shapes, paths, edge routing, colours.
//
// Regenerate all of them (after looking at the figures) with
//
//	go test ./plots -run 'TestGeometryGolden' -update
//
// The Chinese goldens are drawn with the CJK font that FindCJKFont finds
// and name it on their first line; with another font (or none) they are
// skipped, since the text metrics, and so the layout, differ.

// geometryCases are the figures of the geometry goldens: every figure of
// figureCases, the bar chart and the layered network.
func geometryCases() map[string]func(plots.Options) (*plots.Figure, error) {
	cases := figureCases()
	cases["bars"] = func(o plots.Options) (*plots.Figure, error) {
		return plots.ContractsByCategory("i-SOON contracts by client type", ledgerCategories, o)
	}
	cases["network"] = func(o plots.Options) (*plots.Figure, error) {
		return plots.LayeredNetwork("Contract network", smallNet(), o)
	}
	return cases
}

// svgNumber matches the numbers of SVG attributes.
var svgNumber = regexp.MustCompile(`-?\d+(?:\.\d+)?(?:e-?\d+)?`)

// roundNumbers rounds every number in s to 0.1 (no "-0.0").
func roundNumbers(s string) string {
	return svgNumber.ReplaceAllStringFunc(s, func(n string) string {
		v, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return n
		}
		v = math.Round(v*10) / 10
		if v == 0 {
			v = 0
		}
		return strconv.FormatFloat(v, 'f', 1, 64)
	})
}

// normStyle keeps the properties of an SVG style that matter, with the
// first font family only (the fallbacks are fixed) and numbers rounded.
func normStyle(style string) string {
	var out []string
	for _, prop := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(prop, ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "font-family":
			v = strings.Trim(strings.SplitN(v, ",", 2)[0], "'\"")
		case "font-variant", "font-style":
			if v == "normal" {
				continue
			}
		}
		if strings.HasPrefix(v, "#") { // a colour
			out = append(out, k+":"+v)
			continue
		}
		out = append(out, k+":"+roundNumbers(v))
	}
	return strings.Join(out, ";")
}

// normalizeSVG returns a line per element of the SVG document: its name,
// its attributes (numbers rounded to 0.1 pt, styles reduced by
// normStyle, no ids, no font data) and its text, indented by depth.
func normalizeSVG(svg []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var b strings.Builder
	depth := 0
	var open []string // line of each open element, written at its end with its text
	var text []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) > 0 && open[len(open)-1] != "" {
				b.WriteString(open[len(open)-1] + "\n")
				open[len(open)-1] = ""
			}
			line := strings.Repeat("  ", depth) + t.Name.Local
			attrs := slices.Clone(t.Attr)
			slices.SortFunc(attrs, func(a, c xml.Attr) int { return strings.Compare(a.Name.Local, c.Name.Local) })
			for _, a := range attrs {
				switch {
				case a.Name.Local == "id" || a.Name.Space == "xmlns" || a.Name.Local == "xmlns":
					continue
				case a.Name.Local == "style":
					line += " style=" + normStyle(a.Value)
				default:
					line += " " + a.Name.Local + "=" + roundNumbers(a.Value)
				}
			}
			open = append(open, line)
			text = append(text, "")
			depth++
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1] += string(t)
			}
		case xml.EndElement:
			depth--
			line, txt := open[len(open)-1], strings.TrimSpace(text[len(text)-1])
			open, text = open[:len(open)-1], text[:len(text)-1]
			if t.Name.Local == "style" || t.Name.Local == "font-face" {
				continue // embedded font data
			}
			if line != "" {
				if txt != "" {
					line += fmt.Sprintf(" text=%q", txt)
				}
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String(), nil
}

// diffLines describes the first line where got and want differ, with two
// lines of context, and how many lines differ.
func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	first, n := -1, 0
	for i := range max(len(g), len(w)) {
		var a, c string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			c = w[i]
		}
		if a != c {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 {
		return "no difference"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d lines differ; first at line %d:\n", n, len(w), first+1)
	for i := max(0, first-2); i <= first+2; i++ {
		if i < len(w) {
			fmt.Fprintf(&b, "  want %4d: %s\n", i+1, w[i])
		}
		if i < len(g) {
			fmt.Fprintf(&b, "  got  %4d: %s\n", i+1, g[i])
		}
	}
	return b.String()
}

// TestGeometryGolden compares the normalised SVG of every figure, in
// English and in Chinese, with testdata/geometry (-update rewrites them).
func TestGeometryGolden(t *testing.T) {
	font, hasFont := plots.FindCJKFont()
	fontName := "none"
	if hasFont {
		fontName = filepath.Base(font)
	}
	for name, build := range geometryCases() {
		for _, lang := range []plots.Lang{plots.LangEN, plots.LangZH} {
			t.Run(name+"_"+string(lang), func(t *testing.T) {
				path := filepath.Join("testdata", "geometry", name+"_"+string(lang)+".txt")
				head := "lang en\n"
				if lang == plots.LangZH {
					if !hasFont {
						t.Skip("no CJK font")
					}
					head = "lang zh, font " + fontName + "\n"
					if want, err := os.ReadFile(path); err == nil && !*update && !bytes.HasPrefix(want, []byte(head)) {
						first, _, _ := strings.Cut(string(want), "\n")
						t.Skipf("golden drawn with another font (%s); this machine has %s", first, fontName)
					}
				}
				f, err := build(plots.Options{Source: source, Lang: lang, FontPath: font})
				if err != nil {
					t.Fatal(err)
				}
				svg, err := f.Encode("svg")
				if err != nil {
					t.Fatal(err)
				}
				norm, err := normalizeSVG(svg)
				if err != nil {
					t.Fatal(err)
				}
				got := head + norm
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (go test ./plots -run TestGeometryGolden -update writes it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs (go test ./plots -run TestGeometryGolden -update after looking at the figure):\n%s", path, diffLines(got, string(want)))
				}
			})
		}
	}
}

// TestNormalizeSVG checks the normalisation on a small document: rounded
// numbers, reduced style, ids and font data dropped, text kept.
func TestNormalizeSVG(t *testing.T) {
	in := `<?xml version="1.0"?>
<svg width="10.04pt" height="5pt" xmlns="http://www.w3.org/2000/svg">
<style>@font-face{src:url(data:font/ttf;base64,AAAA)}</style>
<g id="g17" transform="scale(1, -1) translate(0, -5)">
<path d="M0.04,-0.04L1.26,2.349Z" style="fill:#FFFFFF;stroke-width:0.333" />
<text x="1.06" y="-2" style="font-family:'Liberation Sans',Arial,sans-serif;font-variant:normal;font-size:7px;fill:#1A1A1A">Hi &amp; bye</text>
</g>
</svg>`
	got, err := normalizeSVG([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := `svg height=5.0pt width=10.0pt
  g transform=scale(1.0, -1.0) translate(0.0, -5.0)
    path d=M0.0,0.0L1.3,2.3Z style=fill:#FFFFFF;stroke-width:0.3
    text style=font-family:Liberation Sans;font-size:7.0px;fill:#1A1A1A x=1.1 y=-2.0 text="Hi & bye"
`
	if got != want {
		t.Errorf("normalizeSVG:\n%s\nwant:\n%s", got, want)
	}
	if d := diffLines("a\nb\nc", "a\nx\nc"); !strings.Contains(d, "1 of 3 lines differ; first at line 2") {
		t.Errorf("diffLines: %s", d)
	}
}
