package plots

import (
	"image/color"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// OkabeIto is the eight-colour palette of Okabe and Ito, in its canonical
// order: black, orange, sky blue, bluish green, yellow, blue, vermillion and
// reddish purple. The colours stay distinguishable under the common forms of
// colour-vision deficiency.
//
// The slice is a copy for callers; the figures use an internal copy, so
// changing it does not change the output.
//
// Reference: Masataka Okabe and Kei Ito, "Color Universal Design (CUD):
// How to make figures and presentations that are friendly to colorblind
// people", J*Fly Data Depository for Drosophila Researchers, 2008.
//
// [Okabe & Ito 2008]: https://jfly.uni-koeln.de/color/
var OkabeIto = []color.Color{
	okabeIto[0], okabeIto[1], okabeIto[2], okabeIto[3],
	okabeIto[4], okabeIto[5], okabeIto[6], okabeIto[7],
}

var okabeIto = [8]color.RGBA{
	{0x00, 0x00, 0x00, 0xff}, // black
	{0xE6, 0x9F, 0x00, 0xff}, // orange
	{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	{0x00, 0x9E, 0x73, 0xff}, // bluish green
	{0xF0, 0xE4, 0x42, 0xff}, // yellow
	{0x00, 0x72, 0xB2, 0xff}, // blue
	{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
}

// dataOrder is the order in which data series take colours from the
// Okabe–Ito palette: black is kept for text and outlines, and the pale
// yellow comes last because it has the least contrast on white paper.
var dataOrder = [7]int{1, 2, 3, 5, 6, 7, 4}

// DataColor returns the colour of the i-th data series (i ≥ 0): the
// Okabe–Ito colours without black, yellow last (orange, sky blue, bluish
// green, blue, vermillion, reddish purple, yellow), then black and a
// neutral grey, wrapping around after nine series. A figure of up to nine
// series (such as the nine kinds of party) gives each its own colour.
func DataColor(i int) color.Color {
	if i < 0 {
		i = -i
	}
	switch i %= len(dataOrder) + 2; i {
	case len(dataOrder):
		return okabeIto[0]
	case len(dataOrder) + 1:
		return neutralColor
	}
	return okabeIto[dataOrder[i]]
}

// neutralColor is the grey of "unknown" and of bars that carry no
// category (ContractsBySortedCategory).
var neutralColor = color.RGBA{0x99, 0x99, 0x99, 0xff}

// singleColor is the one colour of bars whose categories are not
// distinguished by colour (the Okabe–Ito blue).
var singleColor = okabeIto[5]

// OrdinalColors returns n colours for ordered levels, from the darkest
// (the first level) to the lightest, on the sequential scale of
// SequentialColor (viridis between 0.1 and 0.9, so that both ends stay
// visible on white): a sequential, colour-blind-safe palette in which the
// order of the levels reads as the order of lightness.
func OrdinalColors(n int) []color.Color {
	out := make([]color.Color, n)
	for i := range out {
		t := 0.5
		if n > 1 {
			t = 0.1 + 0.8*float64(i)/float64(n-1)
		}
		out[i] = SequentialColor(t)
	}
	return out
}

// NeutralColor is the grey for categories outside an order, such as
// "unknown" beside ordered levels.
func NeutralColor() color.Color { return neutralColor }

// Figure sizes. SingleColumn and DoubleColumn are the usual text widths of
// a two-column journal page.
const (
	// SingleColumn is the width of a single-column figure (8.5 cm).
	SingleColumn = 85 * vg.Millimeter
	// DoubleColumn is the width of a double-column figure (17.5 cm).
	DoubleColumn = 175 * vg.Millimeter
	// SingleColumnHeight is the default height of a single-column figure.
	SingleColumnHeight = 65 * vg.Millimeter
	// DoubleColumnHeight is the default height of a double-column figure.
	DoubleColumnHeight = 100 * vg.Millimeter
)

// Font sizes, in points, chosen to stay readable when the figure is printed
// at its nominal size.
const (
	// TitleSize is the size of the figure title.
	TitleSize vg.Length = 10
	// LabelSize is the size of axis labels and legend entries.
	LabelSize vg.Length = 8
	// TickSize is the size of tick labels and of value labels on bars.
	TickSize vg.Length = 7
	// SourceSize is the size of the source line.
	SourceSize vg.Length = 6.5
	// MinTextSize is the smallest size used when text is shrunk to fit.
	MinTextSize vg.Length = 5
)

// MaxHeight is the tallest a figure grows by default (a page of text,
// 240 mm): figures whose height grows with the data (ranking, sorted
// bars) show what fits and say what they leave out.
const MaxHeight = 240 * vg.Millimeter

// DefaultDPI is the PNG resolution used when none is given: print quality.
const DefaultDPI = 300

// Theme colours for text, axes and the source line.
var (
	inkColor    = color.Gray{0x1a}
	mutedColor  = color.Gray{0x55}
	gridColor   = color.Gray{0xdd}
	edgeColor   = color.NRGBA{0x33, 0x33, 0x33, 0x8c}
	haloColor   = color.NRGBA{0xff, 0xff, 0xff, 0xd9}
	outlineInk  = color.Gray{0x1a}
	latinFamily = font.Font{Typeface: "Liberation", Variant: "Sans"}
)
