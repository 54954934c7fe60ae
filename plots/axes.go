package plots

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg/draw"
)

// themeAxes applies the theme to p: no title, the x label, small tick
// labels, thin dark axes, light vertical grid lines.
func themeAxes(fs *fontSet, p *plot.Plot, xlabel string) error {
	p.BackgroundColor = nil
	lbl, err := fs.style(xlabel, LabelSize, false)
	if err != nil {
		return err
	}
	digits := "0123456789"
	if fs.lang == LangZH {
		digits += "万亿" // amount ticks (fontSet.amountTicks)
	}
	tick, err := fs.style(digits, TickSize, false)
	if err != nil {
		return err
	}
	p.X.Label.Text = xlabel
	p.X.Label.TextStyle = lbl
	p.X.Label.Padding = 3
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.LineStyle = draw.LineStyle{Color: inkColor, Width: 0.5}
		ax.Tick.LineStyle = draw.LineStyle{Color: inkColor, Width: 0.5}
		ax.Tick.Length = 2.5
		ax.Tick.Label = tick
	}
	p.X.Label.TextStyle.XAlign, p.X.Label.TextStyle.YAlign = text.XCenter, text.YBottom
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = text.XCenter, text.YTop
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = text.XRight, text.YCenter
	p.Add(&xGrid{})
	return nil
}

// xGrid draws light vertical grid lines at the major x ticks.
type xGrid struct{}

// Plot implements plot.Plotter.
func (xGrid) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	sty := draw.LineStyle{Color: gridColor, Width: 0.4}
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if t.IsMinor() || t.Value <= p.X.Min {
			continue
		}
		x := tx(t.Value)
		c.StrokeLine2(sty, x, c.Rectangle.Min.Y, x, c.Rectangle.Max.Y)
	}
}

// intTicks marks integers only: steps of 1, 2, 5, 10, 20, … chosen so that
// there are at most six ticks.
type intTicks struct{}

// Ticks implements plot.Ticker.
func (intTicks) Ticks(min, max float64) []plot.Tick {
	span := max - min
	step := 1.0
	for k := 1.0; ; k *= 10 {
		if step = k; span/step <= 6 {
			break
		}
		if step = 2 * k; span/step <= 6 {
			break
		}
		if step = 5 * k; span/step <= 6 {
			break
		}
	}
	var ticks []plot.Tick
	for v := math.Ceil(min/step) * step; v <= max+1e-9; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ticks
}

// unitTicks labels plot.DefaultTicks in units of scale with a suffix,
// for example "2 M" for 2 000 000 with scale 1e6 and suffix " M".
type unitTicks struct {
	scale  float64
	suffix string
}

// Ticks implements plot.Ticker.
func (u unitTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i, t := range ticks {
		if t.IsMinor() {
			continue
		}
		v := math.Round(t.Value/u.scale*1e6) / 1e6
		if v == 0 {
			ticks[i].Label = "0"
			continue
		}
		ticks[i].Label = strconv.FormatFloat(v, 'f', -1, 64) + u.suffix
	}
	return ticks
}

// amountUnit returns the tick unit for amounts: millions if the largest is
// at least one million, thousands if at least one thousand, else units.
func amountUnit(vals []float64) (scale float64, suffix string) {
	return largestUnit(vals, []float64{1e6, 1e3}, []string{" M", " k"})
}

// largestUnit returns the first of scales (in decreasing order) that the
// largest of vals reaches, with its suffix; 1 and "" if none.
func largestUnit(vals, scales []float64, suffixes []string) (float64, string) {
	max := 0.0
	for _, v := range vals {
		max = math.Max(max, v)
	}
	for i, sc := range scales {
		if max >= sc {
			return sc, suffixes[i]
		}
	}
	return 1, ""
}

// formatAmount formats an amount with three significant digits and a
// k (thousand) or M (million) suffix: 5989000 → "5.99 M", 94000 → "94.0 k",
// 600 → "600".
func formatAmount(v float64) string {
	scale, suffix := amountUnit([]float64{v})
	return formatScaled(v, scale, suffix)
}

// formatScaled writes v/scale with three significant digits (two
// decimals below 10, one below 100, none above; none for a whole number
// without a unit) followed by suffix.
func formatScaled(v, scale float64, suffix string) string {
	x := v / scale
	digits := 2
	switch {
	case x >= 100:
		digits = 0
	case x >= 10:
		digits = 1
	}
	if suffix == "" && x == math.Trunc(x) {
		digits = 0
	}
	return strconv.FormatFloat(x, 'f', digits, 64) + suffix
}

// amountTicks returns the ticker of an amount axis: unitTicks in M or k,
// or in 万 or 亿 for Chinese labels (LangZH), the unit chosen by the
// largest of vals.
func (fs *fontSet) amountTicks(vals []float64) plot.Ticker {
	if fs.lang == LangZH {
		scale, suffix := amountUnitZH(vals)
		return unitTicks{scale, suffix}
	}
	scale, suffix := amountUnit(vals)
	return unitTicks{scale, suffix}
}

// formatAmount is formatAmount, in 万 or 亿 for Chinese labels (LangZH).
func (fs *fontSet) formatAmount(v float64) string {
	if fs.lang == LangZH {
		return formatAmountZH(v)
	}
	return formatAmount(v)
}

// amountUnitZH returns the Chinese tick unit for amounts: 亿 (10⁸) if the
// largest is at least 10⁸, 万 (10⁴) if at least 10⁴, else units.
func amountUnitZH(vals []float64) (scale float64, suffix string) {
	return largestUnit(vals, []float64{1e8, 1e4}, []string{"亿", "万"})
}

// formatAmountZH formats an amount with three significant digits in 万
// or 亿, as Chinese writes large numbers: 5989000 → "599万", 94000 →
// "9.40万", 3.2e8 → "3.20亿", 600 → "600".
func formatAmountZH(v float64) string {
	scale, suffix := amountUnitZH([]float64{v})
	return formatScaled(v, scale, suffix)
}
