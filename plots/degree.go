package plots

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DegreeSeries is one distribution of DegreeCCDF: the degree of every
// node for one kind of degree (total, in, out).
type DegreeSeries struct {
	Label, LabelZH string
	Degrees        []int
}

// CCDF returns the complementary cumulative distribution of degrees: for
// every distinct degree k ≥ 1, in ascending order, the share of nodes
// with degree at least k, P(K ≥ k). Nodes of degree 0 count in the
// denominator but have no point (log axes cannot show k = 0).
func CCDF(degrees []int) [][2]float64 {
	if len(degrees) == 0 {
		return nil
	}
	d := slices.Clone(degrees)
	slices.Sort(d)
	var out [][2]float64
	n := float64(len(d))
	for i, k := range d {
		if k < 1 || (i > 0 && d[i-1] == k) {
			continue
		}
		out = append(out, [2]float64{float64(k), float64(len(d)-i) / n})
	}
	return out
}

// DegreeCCDF returns the complementary cumulative distribution P(K ≥ k)
// of each degree series on log–log axes: a step line through the points
// of CCDF, with a marker at each distinct degree. Heavy tails, such as a
// few hubs tied to many nodes, show as points far to the right. Nodes of
// degree 0 are counted (in the denominator) but not drawn; their number is
// given in the legend ("in-degree (3 of degree 0)").
//
// Series often coincide (in a tree every node but the root has in-degree
// 1, like most total degrees), so that one would hide another: each
// series has its own line pattern (solid, dashed, dotted, …) and the
// later series have smaller markers, drawn on top, so that every series
// stays visible where they share points.
//
// It is an error if there is no series, a series is empty or has a
// negative degree, or no node has degree 1 or more. The default size is
// SingleColumn by 70 mm.
func DegreeCCDF(title string, series []DegreeSeries, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return degreeCCDF(title, series, o) })
}

func degreeCCDF(title string, series []DegreeSeries, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(series) == 0 {
		return nil, errors.New("plots: no degree series")
	}
	any := false
	for _, s := range series {
		if len(s.Degrees) == 0 {
			return nil, fmt.Errorf("plots: degree series %q is empty", s.Label)
		}
		for _, k := range s.Degrees {
			if k < 0 {
				return nil, fmt.Errorf("plots: degree series %q: negative degree %d", s.Label, k)
			}
			any = any || k > 0
		}
	}
	if !any {
		return nil, errors.New("plots: every degree is 0; nothing to draw on log axes")
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	fig, err := newFigure(title, opts, fs, SingleColumn, 70*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	p, err := xyPanel(fs, "", fs.pick("Degree k (log scale)", "度 k（对数）", " / "), fs.pick("P(K ≥ k) (log scale)", "P(K ≥ k)（对数）", " / "))
	if err != nil {
		return nil, err
	}
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = logTicks{}, logTicks{}
	var names []string
	ymin, xmax := 1.0, 1.0
	for i, s := range series {
		pts := CCDF(s.Degrees)
		if len(pts) == 0 {
			continue
		}
		// A step function: P(K ≥ k) holds from k up to the next degree.
		var xy plotter.XYs
		m := &marker{shape: i, r: max(3.4-0.7*vg.Length(i), 1.4), col: DataColor(i)}
		for j, pt := range pts {
			if j > 0 {
				xy = append(xy, plotter.XY{X: pt[0], Y: pts[j-1][1]})
			}
			xy = append(xy, plotter.XY{X: pt[0], Y: pt[1]})
			m.xs = append(m.xs, pt[0])
			m.ys = append(m.ys, pt[1])
			ymin = min(ymin, pt[1])
			xmax = max(xmax, pt[0])
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return nil, err
		}
		l.LineStyle = draw.LineStyle{Color: DataColor(i), Width: max(1.6-0.35*vg.Length(i), 0.6), Dashes: seriesDashes(i)}
		p.Add(l, m)
		name := fs.pick(s.Label, s.LabelZH, " / ")
		zeros := 0
		for _, k := range s.Degrees {
			if k == 0 {
				zeros++
			}
		}
		if zeros > 0 {
			name += fs.pick(fmt.Sprintf(" (%d of degree 0)", zeros), fmt.Sprintf("（%d 个度为 0）", zeros), "")
		}
		names = append(names, name)
		p.Legend.Add(name, l, m)
	}
	p.X.Min, p.X.Max = 0.8, xmax*1.6
	p.Y.Min, p.Y.Max = ymin/1.6, 1.3
	if err := themeLegend(fs, p, names); err != nil {
		return nil, err
	}
	p.Legend.Left, p.Legend.Top = false, true
	p.Legend.XOffs = -4
	fig.Panels = [][]*plot.Plot{{p}}
	fig.finish(fs)
	return fig, nil
}

// logTicks labels powers of ten and marks 2 and 5 times them as minor
// ticks ("1", "10", "100", "0.1", "0.01").
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	for e := -9; e <= 9; e++ {
		base := pow10(e)
		for _, m := range []float64{1, 2, 5} {
			v := base * m
			if v < min || v > max {
				continue
			}
			label := ""
			if m == 1 {
				label = strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.9f", v), "0"), ".")
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: label})
		}
	}
	return ticks
}

func pow10(e int) float64 {
	v := 1.0
	for ; e > 0; e-- {
		v *= 10
	}
	for ; e < 0; e++ {
		v /= 10
	}
	return v
}

// seriesDashes is the line pattern of the i-th series of a figure whose
// series may coincide: solid, dashed, dotted, dash-dot, repeating.
func seriesDashes(i int) []vg.Length {
	switch i % 4 {
	case 1:
		return []vg.Length{4, 2}
	case 2:
		return []vg.Length{1, 1.5}
	case 3:
		return []vg.Length{4, 1.5, 1, 1.5}
	}
	return nil
}
