package plots

import (
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	xfont "golang.org/x/image/font"
)

// kernedPNG is a PNG canvas that draws text with correct kerning.
//
// vgimg draws a string with git.sr.ht/~sbinet/gg, which kerns with
// golang.org/x/image/font/opentype's Face.Kern. That method scales the
// kerning by the font's units per em instead of by the face's size
// (https://github.com/golang/go/issues/46727), so a kerning pair moves
// by its value in font units / 64 pixels whatever the size and
// resolution: at 7 pt and 150 dpi, "Te" is kerned 3.5 px instead of
// 1.6 px, which is visibly wrong ("T echnology"), and the drawn text no
// longer matches its measured width. FillString therefore splits the
// string at every kerned pair and draws each run at the position that
// gonum/plot's font metrics (which scale correctly) give it; within a
// run there is no kerning to get wrong.
type kernedPNG struct{ vgimg.PngCanvas }

// FillString implements vg.Canvas.
func (c kernedPNG) FillString(f font.Face, pt vg.Point, s string) {
	for _, r := range kernRuns(f, s) {
		c.PngCanvas.FillString(f, vg.Point{X: pt.X + r.x, Y: pt.Y}, r.s)
	}
}

// kernRun is a part of a string without kerned pairs and its offset
// from the start of the string.
type kernRun struct {
	s string
	x vg.Length
}

// kernRuns splits s before every rune that is kerned against the one
// before it.
func kernRuns(f font.Face, s string) []kernRun {
	if f.Face == nil {
		return []kernRun{{s: s}}
	}
	var (
		buf      sfnt.Buffer
		ppem     = fixed.Int26_6(f.Face.UnitsPerEm())
		runs     []kernRun
		start    int
		prev     sfnt.GlyphIndex
		havePrev bool
	)
	for i, r := range s {
		g, err := f.Face.GlyphIndex(&buf, r)
		if err != nil {
			havePrev = false
			continue
		}
		if havePrev {
			if k, err := f.Face.Kern(&buf, prev, g, ppem, xfont.HintingNone); err == nil && k != 0 {
				runs = append(runs, kernRun{s: s[start:i]})
				start = i
			}
		}
		prev, havePrev = g, true
	}
	runs = append(runs, kernRun{s: s[start:]})
	// A run starts where the string up to and including its first rune
	// ends, less that rune's advance.
	off := 0
	for i := range runs {
		if off > 0 {
			first := []rune(runs[i].s)[0]
			head := s[:off] + string(first)
			runs[i].x = f.Width(head) - f.Width(string(first))
		}
		off += len(runs[i].s)
	}
	return runs
}
