package plots

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// xyPanel returns a themed panel with an x and a y label, light grid
// lines at the major ticks of both axes, and a small panel title (which
// may be empty).
func xyPanel(fs *fontSet, title, xlabel, ylabel string) (*plot.Plot, error) {
	p := plot.New()
	if err := themeAxes(fs, p, xlabel); err != nil {
		return nil, err
	}
	lbl, err := fs.style(ylabel, LabelSize, false)
	if err != nil {
		return nil, err
	}
	p.Y.Label.Text = ylabel
	p.Y.Label.TextStyle = lbl
	p.Y.Label.TextStyle.XAlign, p.Y.Label.TextStyle.YAlign = text.XCenter, text.YBottom
	p.Y.Label.Padding = 3
	p.Add(&yGrid{})
	if title != "" {
		ts, err := fs.style(title, LabelSize, false)
		if err != nil {
			return nil, err
		}
		p.Title.Text = title
		p.Title.TextStyle = ts
		p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = text.XCenter, text.YTop
		p.Title.Padding = 3
	}
	return p, nil
}

// yGrid draws light horizontal grid lines at the major y ticks.
type yGrid struct{}

// Plot implements plot.Plotter.
func (yGrid) Plot(c draw.Canvas, p *plot.Plot) {
	_, ty := p.Transforms(&c)
	sty := draw.LineStyle{Color: gridColor, Width: 0.4}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.IsMinor() || t.Value <= p.Y.Min || t.Value > p.Y.Max {
			continue
		}
		y := ty(t.Value)
		c.StrokeLine2(sty, c.Rectangle.Min.X, y, c.Rectangle.Max.X, y)
	}
}

// themeLegend styles the legend of p: small text at the top left, inside
// the data area.
func themeLegend(fs *fontSet, p *plot.Plot, names []string) error {
	sty, err := fs.style(strings.Join(names, ""), TickSize, false)
	if err != nil {
		return err
	}
	sty.XAlign, sty.YAlign = text.XLeft, text.YBottom
	p.Legend.TextStyle = sty
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.XOffs, p.Legend.YOffs = 4, -2
	p.Legend.ThumbnailWidth = 12
	p.Legend.Padding = 1
	return nil
}

// fracTicks marks [0, 1] in steps of 0.2 ("0", "0.2", …, "1").
type fracTicks struct{}

// Ticks implements plot.Ticker.
func (fracTicks) Ticks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	for i := 0; i <= 10; i += 2 {
		v := float64(i) / 10
		if v >= min-1e-9 && v <= max+1e-9 {
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
		}
	}
	return ticks
}

// percentTicks labels plot.DefaultTicks of a fraction as percentages.
type percentTicks struct{}

// Ticks implements plot.Ticker.
func (percentTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i, t := range ticks {
		if !t.IsMinor() {
			ticks[i].Label = strconv.FormatFloat(math.Round(t.Value*1000)/10, 'f', -1, 64) + "%"
		}
	}
	return ticks
}

// marker draws a data marker: the k-th node shape (see drawShape) of
// radius r in col, as a plot.Plotter at data points.
type marker struct {
	xs, ys []float64
	shape  int
	r      vg.Length
	col    color.Color
}

// Plot implements plot.Plotter.
func (m *marker) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for i := range m.xs {
		pt := vg.Point{X: tx(m.xs[i]), Y: ty(m.ys[i])}
		if c.Contains(pt) {
			drawShape(c, m.shape, pt, m.r, m.col)
		}
	}
}

// DataRange implements plot.DataRanger.
func (m *marker) DataRange() (xmin, xmax, ymin, ymax float64) {
	return rangeOf(m.xs), rangeMax(m.xs), rangeOf(m.ys), rangeMax(m.ys)
}

// Thumbnail implements plot.Thumbnailer.
func (m *marker) Thumbnail(c *draw.Canvas) {
	ctr := vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}
	drawShape(*c, m.shape, ctr, min(m.r, 3), m.col)
}

func rangeOf(x []float64) float64 {
	m := math.Inf(1)
	for _, v := range x {
		if !math.IsNaN(v) {
			m = math.Min(m, v)
		}
	}
	return m
}

func rangeMax(x []float64) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		if !math.IsNaN(v) {
			m = math.Max(m, v)
		}
	}
	return m
}

// finite reports whether every value is a finite number.
func finite(x ...float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// fmtG formats a statistic with up to three significant digits.
func fmtG(v float64) string {
	if math.IsNaN(v) {
		return "undefined"
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// fmtP formats a p-value.
func fmtP(p float64) string {
	if p < 0.001 {
		return fmt.Sprintf("%.1e", p)
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}

// panelText draws lines of text in the top right corner of the data area,
// each wrapped to the area's width.
type panelText struct {
	lines string
	sty   text.Style
}

// Plot implements plot.Plotter.
func (t *panelText) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := t.sty
	sty.XAlign, sty.YAlign = text.XRight, text.YTop
	pt := vg.Point{X: c.Max.X - 3, Y: c.Max.Y - 2}
	lines := wrapText(sty, t.lines, c.Max.X-c.Min.X-8)
	w, h := maxLineWidth(sty, lines), sty.Height(lines)
	bg := vg.Rectangle{Min: vg.Point{X: pt.X - w - 1.5, Y: pt.Y - h - 1}, Max: vg.Point{X: pt.X + 1.5, Y: pt.Y + 1}}
	c.SetColor(haloColor)
	c.Fill(bg.Path())
	c.FillText(sty, pt, lines)
}

// colorWithAlpha returns c with alpha a (0–255), non-premultiplied.
func colorWithAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}
