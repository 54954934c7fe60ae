package report_test

import (
	"path/filepath"
	"testing"

	"github.com/ecosys-sna/ecosys/internal/svgnorm"
	"github.com/ecosys-sna/ecosys/plots"
	"github.com/ecosys-sna/ecosys/report"
)

// TestGeometryGolden compares the normalised SVG (svgnorm.Normalize) of
// every figure of the catalogue, drawn from the embedded ledger and case
// data in English and Chinese, with testdata/geometry/<figure>_<lang>.txt.
// It tests the shapes, paths, positions, colours and texts of the figures
// the report draws, as the geometry goldens of package plots do for the
// figure functions on small data.
//
// Regenerate them, after looking at the figures, with
//
//	go test ./report -run TestGeometryGolden -update
//
// (go test ./plots ./report -update regenerates every golden of both
// packages). The zh files name their CJK font on their first line and are
// skipped on a machine with another.
func TestGeometryGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every figure twice")
	}
	r, opts := fixture(t)
	font, hasFont := plots.FindCJKFont()
	fontName := ""
	if hasFont {
		fontName = filepath.Base(font)
	}
	for _, lang := range []plots.Lang{plots.LangEN, plots.LangZH} {
		for _, spec := range report.Catalogue() {
			t.Run(spec.Name+"_"+string(lang), func(t *testing.T) {
				path := filepath.Join("testdata", "geometry", spec.Name+"_"+string(lang)+".txt")
				svgnorm.FigureGolden(t, path, string(lang), fontName, *update, "go test ./report -run TestGeometryGolden -update", func() ([]byte, error) {
					f, err := spec.Draw(r, report.FigureParams{Options: plots.Options{Lang: lang, FontPath: font, Source: opts.Source}, Seed: 1})
					if err != nil {
						return nil, err
					}
					return f.Encode("svg")
				})
			})
		}
	}
}
