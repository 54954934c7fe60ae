package plots

import (
	"cmp"
	"errors"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// LorenzCurve is one curve of LorenzCurves: the points of a Lorenz curve
// and its Gini coefficient, as computed by metrics.Lorenz and
// metrics.Gini (plots does not compute them, so that the figure shows the
// numbers of the tables).
type LorenzCurve struct {
	// Label names the units, such as "End users"; LabelZH is the Chinese
	// label.
	Label, LabelZH string
	// Points are (population share, amount share) pairs, from (0, 0) to
	// (1, 1), non-decreasing in both.
	Points [][2]float64
	// Gini is the Gini coefficient, shown in the legend.
	Gini float64
	// Units is the number of units (end users, provinces), shown in the
	// legend.
	Units int
}

// LorenzCurves returns a square figure of Lorenz curves: for each curve,
// the cumulative share of the units, poorest first, against the cumulative
// share of the amount they hold, with the line of equality (the diagonal)
// for reference. The legend gives each curve's label, number of units and
// Gini coefficient, "End users (n = 20, Gini 0.43)". The Gini coefficient
// is twice the area between the diagonal and the curve.
//
// Reference: M. O. Lorenz, "Methods of measuring the concentration of
// wealth", Publications of the American Statistical Association 9(70),
// 1905, doi:10.2307/2276207.
//
// It is an error if there is no curve, a curve has fewer than two points,
// a point is outside [0, 1]², the points decrease, or the Gini coefficient
// is not finite. The default size is SingleColumn by 80 mm.
func LorenzCurves(title string, curves []LorenzCurve, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return lorenzCurves(title, curves, o) })
}

func lorenzCurves(title string, curves []LorenzCurve, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(curves) == 0 {
		return nil, errors.New("plots: no Lorenz curves")
	}
	for i, c := range curves {
		if len(c.Points) < 2 {
			return nil, fmt.Errorf("plots: Lorenz curve %d (%s) has %d points, want at least 2", i, c.Label, len(c.Points))
		}
		if !finite(c.Gini) {
			return nil, fmt.Errorf("plots: Lorenz curve %d (%s): Gini is %v", i, c.Label, c.Gini)
		}
		for j, p := range c.Points {
			if !finite(p[0], p[1]) || p[0] < 0 || p[0] > 1 || p[1] < 0 || p[1] > 1+1e-9 {
				return nil, fmt.Errorf("plots: Lorenz curve %d (%s): point %d %v outside [0, 1]²", i, c.Label, j, p)
			}
			if j > 0 && (p[0] < c.Points[j-1][0] || p[1] < c.Points[j-1][1]-1e-12) {
				return nil, fmt.Errorf("plots: Lorenz curve %d (%s): points decrease at %d", i, c.Label, j)
			}
		}
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	fig, err := newFigure(title, opts, fs, SingleColumn, 80*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	p, err := xyPanel(fs, "", fs.pick("Cumulative share of units (smallest first)", "单位累计占比（由小到大）", "\n"),
		fs.pick("Cumulative share of amount", "金额累计占比", " / "))
	if err != nil {
		return nil, err
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.X.Tick.Marker, p.Y.Tick.Marker = fracTicks{}, fracTicks{}
	eq, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		return nil, err
	}
	eq.LineStyle = draw.LineStyle{Color: mutedColor, Width: 0.6, Dashes: []vg.Length{2, 2}}
	p.Add(eq)
	var names []string
	equality := fs.pick("Equality", "完全平均", " / ")
	names = append(names, equality)
	p.Legend.Add(equality, eq)
	for i, c := range curves {
		xy := make(plotter.XYs, len(c.Points))
		for j, pt := range c.Points {
			xy[j] = plotter.XY{X: pt[0], Y: pt[1]}
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return nil, fmt.Errorf("plots: Lorenz curve %s: %w", c.Label, err)
		}
		l.LineStyle = draw.LineStyle{Color: DataColor(i), Width: 1.4}
		if i%2 == 1 {
			l.LineStyle.Dashes = []vg.Length{4, 1.5}
		}
		m := &marker{shape: i, r: 1.8, col: DataColor(i)}
		for _, pt := range c.Points {
			m.xs = append(m.xs, pt[0])
			m.ys = append(m.ys, pt[1])
		}
		p.Add(l, m)
		name := fs.pick(fmt.Sprintf("%s (n = %d, Gini %.2f)", c.Label, c.Units, c.Gini),
			fmt.Sprintf("%s（n = %d，基尼系数 %.2f）", cmp.Or(c.LabelZH, c.Label), c.Units, c.Gini), " / ")
		names = append(names, name)
		p.Legend.Add(name, l, m)
	}
	if err := themeLegend(fs, p, names); err != nil {
		return nil, err
	}
	fig.Panels = [][]*plot.Plot{{p}}
	fig.finish(fs)
	return fig, nil
}
