package plots

import (
	"image/color"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"

	xfont "golang.org/x/image/font"
)

// outlinePDF is a PDF canvas that draws text it cannot encode as glyph
// outlines.
//
// gonum/plot's vgpdf writes text through fpdf as Windows-1252 and embeds
// only single TrueType fonts: it cannot show Chinese, and a CJK font
// from a .ttc collection or a CFF-based OpenType file cannot be embedded
// at all. FillString therefore fills the outlines of the glyphs (read
// with golang.org/x/image/font/sfnt) as paths wherever the face is not
// the theme's Latin font or the string has a rune outside ASCII; other
// text stays PDF text. Outlines need no font in the file or on the
// reader's system, draw the same glyphs as PNG, and are written in a
// fixed order, so the PDF stays byte-identical. Such text cannot be
// selected or searched in the PDF; the figure's alt text and caption carry
// the words.
type outlinePDF struct{ *vgpdf.Canvas }

// FillString implements vg.Canvas.
func (c outlinePDF) FillString(f font.Face, pt vg.Point, s string) {
	if f.Face == nil || f.Font.Size == 0 || (f.Font.Typeface == latinFamily.Typeface && isASCII(s)) {
		c.Canvas.FillString(f, pt, s)
		return
	}
	if p := glyphOutlines(f, pt, s); len(p) > 0 {
		c.Fill(p)
	}
}

// SetColor implements vg.Canvas. vgpdf passes a colour's premultiplied
// components to the PDF with its alpha, so that a translucent white halo
// becomes a translucent grey box; SetColor hands it the straight
// (non-premultiplied) components instead.
func (c outlinePDF) SetColor(col color.Color) {
	if col != nil {
		if n := color.NRGBAModel.Convert(col).(color.NRGBA); n.A < 0xff {
			col = straightAlpha(n)
		}
	}
	c.Canvas.SetColor(col)
}

// straightAlpha is a colour whose RGBA method returns its components
// without premultiplying them by alpha, as PDF wants them.
type straightAlpha color.NRGBA

// RGBA implements color.Color (not premultiplied; see outlinePDF.SetColor).
func (s straightAlpha) RGBA() (r, g, b, a uint32) {
	return uint32(s.R) * 0x101, uint32(s.G) * 0x101, uint32(s.B) * 0x101, uint32(s.A) * 0x101
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// glyphOutlines returns the outlines of the glyphs of s set in f with the
// baseline starting at pt, advanced and kerned as font.Face.Width
// measures them (so the drawn text is as wide as the layout assumed).
func glyphOutlines(f font.Face, pt vg.Point, s string) vg.Path {
	var (
		buf   sfnt.Buffer
		upem  = f.Face.UnitsPerEm()
		ppem  = fixed.Int26_6(upem) // one 26.6 unit per font unit
		scale = f.Font.Size / vg.Length(upem)
		pen   fixed.Int26_6
		prev  sfnt.GlyphIndex
		have  bool
		path  vg.Path
	)
	at := func(p fixed.Point26_6) vg.Point {
		return vg.Point{X: pt.X + vg.Length(pen+p.X)*scale, Y: pt.Y - vg.Length(p.Y)*scale}
	}
	for _, r := range s {
		idx, err := f.Face.GlyphIndex(&buf, r)
		if err != nil {
			have = false
			continue
		}
		if have {
			if k, err := f.Face.Kern(&buf, prev, idx, ppem, xfont.HintingNone); err == nil {
				pen += k
			}
		}
		segs, err := f.Face.LoadGlyph(&buf, idx, ppem, nil)
		if err == nil {
			open := false
			for _, sg := range segs {
				switch sg.Op {
				case sfnt.SegmentOpMoveTo:
					if open {
						path.Close()
					}
					path.Move(at(sg.Args[0]))
					open = true
				case sfnt.SegmentOpLineTo:
					path.Line(at(sg.Args[0]))
				case sfnt.SegmentOpQuadTo:
					path.QuadTo(at(sg.Args[0]), at(sg.Args[1]))
				case sfnt.SegmentOpCubeTo:
					path.CubeTo(at(sg.Args[0]), at(sg.Args[1]), at(sg.Args[2]))
				}
			}
			if open {
				path.Close()
			}
		}
		adv, err := f.Face.GlyphAdvance(&buf, idx, ppem, xfont.HintingNone)
		if err == nil {
			pen += adv
		}
		prev, have = idx, true
	}
	return path
}
