package plots_test

import (
	"path/filepath"
	"testing"

	"github.com/ecosys-sna/ecosys/internal/svgnorm"
	"github.com/ecosys-sna/ecosys/plots"
)

// Geometry goldens: the SVG output of every figure, normalised, in
// testdata/geometry/<figure>_<lang>.txt (svgnorm.Normalize). They test what the text dumps
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

// TestGeometryGolden compares the normalised SVG of every figure, in
// English and in Chinese, with testdata/geometry (-update rewrites them).
func TestGeometryGolden(t *testing.T) {
	font, hasFont := plots.FindCJKFont()
	fontName := ""
	if hasFont {
		fontName = filepath.Base(font)
	}
	for name, build := range geometryCases() {
		for _, lang := range []plots.Lang{plots.LangEN, plots.LangZH} {
			t.Run(name+"_"+string(lang), func(t *testing.T) {
				path := filepath.Join("testdata", "geometry", name+"_"+string(lang)+".txt")
				svgnorm.FigureGolden(t, path, string(lang), fontName, *update, "go test ./plots -run TestGeometryGolden -update", func() ([]byte, error) {
					f, err := build(plots.Options{Source: source, Lang: lang, FontPath: font})
					if err != nil {
						return nil, err
					}
					return f.Encode("svg")
				})
			})
		}
	}
}
