package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// axisGrey draws the reference lines of the rule's thresholds.
var axisGrey = color.Gray{0x99}

// ImplicationPanel is one panel of Implications: an implication of a
// hypothesis as measured, either a tested statistic against its null
// distribution or a share with its interval.
type ImplicationPanel struct {
	// Name names the implication (the panel title).
	Name, NameZH string
	// Share reports a share in [0, 1] with its interval [Lower, Upper];
	// otherwise the panel is a test with Null samples.
	Share        bool
	Lower, Upper float64
	// Null are the statistic's values under the null model, and
	// Alternative under the alternative of its power (optional); NaN
	// values are left out.
	Null, Alternative []float64
	// Observed is the measured value.
	Observed float64
	// LowLabel and HighLabel name the readings a low and a high value
	// favour (a share's thresholds 1/3 and 2/3 are drawn between them);
	// LowLabelZH and HighLabelZH in Chinese.
	LowLabel, HighLabel     string
	LowLabelZH, HighLabelZH string
	// Verdict is one line on how the implication was judged, printed in
	// the panel; VerdictZH in Chinese.
	Verdict, VerdictZH string
}

// Implications returns one panel per implication of a verdict: for a
// test, the histogram of its null samples (bars), the outline of its
// alternative's samples (dashed) and the observed value (a vermillion
// line); for a share, the observed share with its interval on [0, 1],
// with the thresholds 1/3 and 2/3 of the decision rule as dotted lines
// and the readings of each side written under the axis. Each panel
// prints its verdict line. Panels are laid out in rows of up to two (one
// below 120 mm of width).
//
// It is an error if there is no panel, a test has no finite null
// sample, a share or its interval lies outside [0, 1] or is reversed, or
// an observed value is not finite. The default size is DoubleColumn by
// 60 mm per row of panels.
func Implications(title string, panels []ImplicationPanel, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return implications(title, panels, o) })
}

func implications(title string, panels []ImplicationPanel, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(panels) == 0 {
		return nil, errors.New("plots: no implications")
	}
	for _, p := range panels {
		switch {
		case !finite(p.Observed):
			return nil, fmt.Errorf("plots: implication %s: observed value %v", p.Name, p.Observed)
		case p.Share && !(p.Lower >= 0 && p.Lower <= p.Observed && p.Observed <= p.Upper && p.Upper <= 1):
			return nil, fmt.Errorf("plots: implication %s: share %v with interval [%v, %v] outside [0, 1] or reversed", p.Name, p.Observed, p.Lower, p.Upper)
		case !p.Share && len(finiteSorted(p.Null)) == 0:
			return nil, fmt.Errorf("plots: implication %s has no finite null sample", p.Name)
		}
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	// Two panels a row (one at a single-column width, where two would
	// be too narrow for their notes).
	fig, cols, err := panelGrid(title, opts, fs, len(panels), min(2, len(panels)), 60*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	for i, d := range panels {
		var p *plot.Plot
		if d.Share {
			p, err = sharePanel(fs, d)
		} else {
			p, err = testPanel(fs, d)
		}
		if err != nil {
			return nil, err
		}
		fig.Panels[i/cols][i%cols] = p
	}
	fig.finish(fs)
	return fig, nil
}

// testPanel draws a tested implication.
func testPanel(fs *fontSet, d ImplicationPanel) (*plot.Plot, error) {
	name := fs.pick(d.Name, d.NameZH, " / ")
	p, err := xyPanel(fs, name, fs.pick("Value of the statistic", "统计量的值", " / "), fs.pick("Samples", "样本数", " / "))
	if err != nil {
		return nil, err
	}
	s := finiteSorted(d.Null)
	lo, hi := math.Min(s[0], d.Observed), math.Max(s[len(s)-1], d.Observed)
	alt := finiteSorted(d.Alternative)
	if len(alt) > 0 {
		lo, hi = math.Min(lo, alt[0]), math.Max(hi, alt[len(alt)-1])
	}
	bins := Bins(s)
	width := (hi - lo) / float64(bins)
	if width <= 0 { // a constant statistic: one narrow bar centred on it
		width = math.Max(math.Abs(lo)*0.02, 0.01)
		lo, hi, bins = lo-width/2, lo-width/2, 1
	}
	nullBins := binsOf(s, lo, width, bins)
	h := &plotter.Histogram{Bins: nullBins, FillColor: colorWithAlpha(DataColor(2), 0xb0), LineStyle: draw.LineStyle{Color: colorWhite, Width: 0.3}}
	p.Add(h)
	ymax := maxWeight(nullBins)
	if len(alt) > 0 {
		altBins := binsOf(alt, lo, width, bins)
		p.Add(&stepOutline{bins: altBins, sty: draw.LineStyle{Color: DataColor(1), Width: 1, Dashes: []vg.Length{vg.Points(3), vg.Points(1.5)}}})
		ymax = math.Max(ymax, maxWeight(altBins))
	}
	p.Add(&vline{x: d.Observed, sty: draw.LineStyle{Color: DataColor(4), Width: 1.4}})
	note := fs.pick(fmt.Sprintf("observed %s (line)\nnull: bars, R = %d", fmtG(d.Observed), len(s)),
		fmt.Sprintf("观测值 %s（竖线）\n零模型：柱，R = %d", fmtG(d.Observed), len(s)), "\n")
	if len(alt) > 0 {
		note += "\n" + fs.pick(fmt.Sprintf("alternative: dashed, %d draws", len(alt)), fmt.Sprintf("备择模型：虚线，%d 次抽样", len(alt)), "\n")
	}
	if v := fs.pick(d.Verdict, d.VerdictZH, "\n"); v != "" {
		note += "\n" + v
	}
	nsty, err := fs.style(note, TickSize, false)
	if err != nil {
		return nil, err
	}
	p.Add(&panelText{lines: note, sty: nsty})
	p.Y.Min, p.Y.Max = 0, ymax*1.7
	pad := (hi - lo + width) * 0.04
	p.X.Min, p.X.Max = lo-pad, hi+width+pad
	return p, nil
}

// sharePanel draws a share with its interval and the rule's thresholds.
func sharePanel(fs *fontSet, d ImplicationPanel) (*plot.Plot, error) {
	name := fs.pick(d.Name, d.NameZH, " / ")
	p, err := xyPanel(fs, name, fs.pick("Share", "比例", " / "), "")
	if err != nil {
		return nil, err
	}
	p.HideY()
	for _, x := range []float64{1.0 / 3, 2.0 / 3} {
		p.Add(&vline{x: x, sty: draw.LineStyle{Color: axisGrey, Width: 0.6, Dashes: []vg.Length{vg.Points(1), vg.Points(2)}}})
	}
	p.Add(&vline{x: 0.5, sty: draw.LineStyle{Color: axisGrey, Width: 0.4}})
	p.Add(&intervalMark{x: d.Observed, lo: d.Lower, hi: d.Upper, y: 0.45,
		sty: draw.LineStyle{Color: DataColor(4), Width: 1.6}, col: DataColor(4)})
	note := fs.pick(fmt.Sprintf("observed %s, 95%% interval [%s, %s]", fmtG(d.Observed), fmtG(d.Lower), fmtG(d.Upper)),
		fmt.Sprintf("观测值 %s，95%% 区间 [%s, %s]", fmtG(d.Observed), fmtG(d.Lower), fmtG(d.Upper)), "\n")
	if v := fs.pick(d.Verdict, d.VerdictZH, "\n"); v != "" {
		note += "\n" + v
	}
	nsty, err := fs.style(note, TickSize, false)
	if err != nil {
		return nil, err
	}
	p.Add(&panelText{lines: note, sty: nsty})
	low, high := fs.pick(d.LowLabel, d.LowLabelZH, " / "), fs.pick(d.HighLabel, d.HighLabelZH, " / ")
	lsty, err := fs.style(low+high, TickSize, false)
	if err != nil {
		return nil, err
	}
	p.Add(&sideLabels{low: low, high: high, sty: lsty})
	p.X.Min, p.X.Max = 0, 1
	p.Y.Min, p.Y.Max = 0, 1
	p.X.Tick.Marker = fracTicks{}
	return p, nil
}

// binsOf bins sorted values into n bins of the given width from lo.
func binsOf(s []float64, lo, width float64, n int) []plotter.HistogramBin {
	bins := make([]plotter.HistogramBin, n+1)
	for i := range bins {
		bins[i] = plotter.HistogramBin{Min: lo + float64(i)*width, Max: lo + float64(i+1)*width}
	}
	for _, v := range s {
		i := int(math.Floor((v - lo) / width))
		bins[max(0, min(n, i))].Weight++
	}
	return bins
}

func maxWeight(bins []plotter.HistogramBin) float64 {
	m := 0.0
	for _, b := range bins {
		m = math.Max(m, b.Weight)
	}
	return m
}

// stepOutline draws histogram bins as a step line.
type stepOutline struct {
	bins []plotter.HistogramBin
	sty  draw.LineStyle
}

// Plot implements plot.Plotter.
func (s *stepOutline) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	var pts []vg.Point
	for _, b := range s.bins {
		pts = append(pts, vg.Point{X: tx(b.Min), Y: ty(b.Weight)}, vg.Point{X: tx(b.Max), Y: ty(b.Weight)})
	}
	c.StrokeLines(s.sty, c.ClipLinesY(pts)...)
}

// intervalMark draws a point with a horizontal interval at height y (in
// data units).
type intervalMark struct {
	x, lo, hi, y float64
	sty          draw.LineStyle
	col          color.Color
}

// Plot implements plot.Plotter.
func (m *intervalMark) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	y := ty(m.y)
	cap := vg.Points(3)
	c.StrokeLine2(m.sty, tx(m.lo), y, tx(m.hi), y)
	c.StrokeLine2(m.sty, tx(m.lo), y-cap, tx(m.lo), y+cap)
	c.StrokeLine2(m.sty, tx(m.hi), y-cap, tx(m.hi), y+cap)
	c.DrawGlyph(draw.GlyphStyle{Color: m.col, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}, vg.Point{X: tx(m.x), Y: y})
}

// sideLabels writes the readings of the low and the high side near the
// bottom corners of the data area.
type sideLabels struct {
	low, high string
	sty       text.Style
}

// Plot implements plot.Plotter.
func (s *sideLabels) Plot(c draw.Canvas, _ *plot.Plot) {
	pad := vg.Points(3)
	y := c.Min.Y + pad
	if s.low != "" {
		st := s.sty
		st.XAlign, st.YAlign = text.XLeft, text.YBottom
		c.FillText(st, vg.Point{X: c.Min.X + pad, Y: y}, "← "+s.low)
	}
	if s.high != "" {
		st := s.sty
		st.XAlign, st.YAlign = text.XRight, text.YBottom
		c.FillText(st, vg.Point{X: c.Max.X - pad, Y: y}, s.high+" →")
	}
}
