package plots

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// NullDistribution is one panel of NullDistributions: the values of a
// test statistic on graphs drawn from a null model, the observed value and
// its p-values (as computed by metrics/inference.CUG).
type NullDistribution struct {
	// Statistic is the statistic's id, such as "centralization.degree"
	// (named in errors, and the panel title if Label is empty).
	Statistic string
	// Label and LabelZH are the panel title: a readable name of the
	// statistic, such as "Degree centralization" (the description of the
	// measure registry), in English and Chinese.
	Label, LabelZH string
	// StatisticZH is the Chinese panel title when LabelZH is empty.
	StatisticZH string
	// Null names the null model, such as "bipartite-gnm".
	Null string
	// Samples are the statistic's values on the null samples; NaN
	// (undefined) values are left out.
	Samples []float64
	// Observed is the value on the observed graph.
	Observed float64
	// PUpper and PLower are (1 + #{T* ≥ T})/(1 + R) and
	// (1 + #{T* ≤ T})/(1 + R).
	PUpper, PLower float64
}

// NullDistributions returns one histogram panel per statistic of its
// null samples, with the observed value as a vertical vermillion line and
// the observed value, the null model, the number of samples R and both
// p-values printed in the panel: how extreme is the observed network among
// the networks the null model generates? Panels are laid out in rows of
// up to two. A statistic that the null model holds constant (every sample
// equal to the observed value) is drawn as a single bar; its p-values are
// both 1 and say nothing.
//
// The bins follow the Freedman–Diaconis rule (width 2·IQR·R^(−1/3)),
// between 8 and 40 bins. It is an error if there is no panel, a panel has
// no finite sample, or the observed value or a p-value is not finite. The
// default size is DoubleColumn by 60 mm per row of panels.
func NullDistributions(title string, dists []NullDistribution, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return nullDistributions(title, dists, o) })
}

// Bins returns the number of histogram bins NullDistributions uses for
// the samples (NaN removed): Freedman–Diaconis, clamped to [8, 40].
func Bins(samples []float64) int {
	s := finiteSorted(samples)
	if len(s) < 2 || s[0] == s[len(s)-1] {
		return 8
	}
	iqr := quantile(s, 0.75) - quantile(s, 0.25)
	if iqr <= 0 {
		return 40
	}
	w := 2 * iqr / math.Cbrt(float64(len(s)))
	return max(8, min(40, int(math.Ceil((s[len(s)-1]-s[0])/w))))
}

func finiteSorted(x []float64) []float64 {
	var s []float64
	for _, v := range x {
		if finite(v) {
			s = append(s, v)
		}
	}
	slices.Sort(s)
	return s
}

// quantile is the type-7 quantile of sorted values.
func quantile(s []float64, p float64) float64 {
	h := p * float64(len(s)-1)
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-lo)*(s[i+1]-s[i])
}

func nullDistributions(title string, dists []NullDistribution, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(dists) == 0 {
		return nil, errors.New("plots: no null distributions")
	}
	for _, d := range dists {
		if len(finiteSorted(d.Samples)) == 0 {
			return nil, fmt.Errorf("plots: null distribution of %s has no finite sample", d.Statistic)
		}
		if !finite(d.Observed, d.PUpper, d.PLower) {
			return nil, fmt.Errorf("plots: null distribution of %s: observed %v, p-values %v, %v", d.Statistic, d.Observed, d.PUpper, d.PLower)
		}
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	cols := min(2, len(dists))
	rows := (len(dists) + cols - 1) / cols
	fig, err := newFigure(title, opts, fs, DoubleColumn, vg.Length(rows)*60*vg.Millimeter+12*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	ylabel := fs.pick("Null samples", "零模型样本数", " / ")
	fig.Panels = make([][]*plot.Plot, rows)
	for r := range fig.Panels {
		fig.Panels[r] = make([]*plot.Plot, cols)
	}
	for i, d := range dists {
		name := fs.pick(cmp.Or(d.Label, d.Statistic), cmp.Or(d.LabelZH, d.StatisticZH), " / ")
		p, err := xyPanel(fs, name, fs.pick("Value of the statistic", "统计量的值", " / "), ylabel)
		if err != nil {
			return nil, err
		}
		s := finiteSorted(d.Samples)
		vals := make(plotter.Values, len(s))
		copy(vals, s)
		bins := Bins(s)
		h, err := plotter.NewHist(vals, bins)
		if err != nil {
			return nil, fmt.Errorf("plots: %s: %w", d.Statistic, err)
		}
		if s[0] == s[len(s)-1] { // a constant statistic: one narrow bar
			w := math.Max(math.Abs(s[0])*0.02, 0.01)
			h.Bins = []plotter.HistogramBin{{Min: s[0] - w, Max: s[0] + w, Weight: float64(len(s))}}
		}
		h.FillColor = colorWithAlpha(DataColor(2), 0xb0)
		h.LineStyle = draw.LineStyle{Color: colorWhite, Width: 0.3}
		p.Add(h)
		obs := &vline{x: d.Observed, sty: draw.LineStyle{Color: DataColor(4), Width: 1.4}}
		p.Add(obs)
		note := fs.pick(fmt.Sprintf("observed %s\nnull model %s, R = %d\np_upper = %s\np_lower = %s", fmtG(d.Observed), d.Null, len(s), fmtP(d.PUpper), fmtP(d.PLower)),
			fmt.Sprintf("观测值 %s\n零模型 %s，R = %d\np_upper = %s\np_lower = %s", fmtG(d.Observed), d.Null, len(s), fmtP(d.PUpper), fmtP(d.PLower)), "\n")
		nsty, err := fs.style(note, TickSize, false)
		if err != nil {
			return nil, err
		}
		p.Add(&panelText{lines: note, sty: nsty})
		p.Y.Min = 0
		ymax := 0.0
		for _, b := range h.Bins {
			ymax = math.Max(ymax, b.Weight)
		}
		p.Y.Max = ymax * 1.55 // room for the note
		lo, hi := math.Min(p.X.Min, d.Observed), math.Max(p.X.Max, d.Observed)
		pad := (hi - lo) * 0.04
		p.X.Min, p.X.Max = lo-pad, hi+pad
		fig.Panels[i/cols][i%cols] = p
	}
	fig.finish(fs)
	return fig, nil
}

// vline is a vertical line at x across the data area.
type vline struct {
	x   float64
	sty draw.LineStyle
}

// Plot implements plot.Plotter.
func (v *vline) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	x := tx(v.x)
	c.StrokeLine2(v.sty, x, c.Min.Y, x, c.Max.Y)
}

// SensitivityPoint is one point of a SensitivityCurve: the mean and the
// lower and upper quantiles of a statistic over the replicates in which a
// Fraction of the data was removed (metrics/inference.SensitivityPoint).
type SensitivityPoint struct {
	Fraction, Mean, Lower, Upper float64
}

// SensitivityCurve is one panel of SensitivityCurves.
type SensitivityCurve struct {
	// Statistic is the statistic's id, such as "end_users.gini" (named
	// in errors, and the panel title if Label is empty).
	Statistic string
	// Label and LabelZH are the panel title: a readable name of the
	// statistic, such as "Gini of amounts over end users".
	Label, LabelZH string
	// StatisticZH is the Chinese panel title when LabelZH is empty.
	StatisticZH string
	// Removal names what is removed ("contracts", "nodes", "edges").
	Removal string
	// Points are in increasing Fraction; a NaN Mean (no defined
	// replicate) leaves a gap.
	Points []SensitivityPoint
	// Observed is the value on the complete data, drawn as a dashed
	// horizontal reference line; NaN for none.
	Observed float64
	// Level is the coverage of the band, such as 0.95.
	Level float64
}

// SensitivityCurves returns one panel per curve of how a statistic moves
// as a growing share of the data goes missing at random: the mean over
// the replicates (line and markers) inside a shaded band from the lower to
// the upper quantile, with the value on the complete data as a dashed
// line. Each panel is titled by the statistic's label. Panels are laid out
// in one row of up to three (so that three curves leave no empty tile),
// more in rows of two; below 120 mm of width, one panel a row. The y axis leaves room above the band for the
// legend, so that the band is never hidden at the top. A statistic whose
// band stays close to the dashed line is robust to missing data of that
// kind.
//
// It is an error if there is no curve, a curve has no point, fractions are
// outside [0, 1] or not increasing, or a defined point has Lower > Upper.
// The default size is DoubleColumn by 65 mm per row.
func SensitivityCurves(title string, curves []SensitivityCurve, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return sensitivityCurves(title, curves, o) })
}

func sensitivityCurves(title string, curves []SensitivityCurve, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(curves) == 0 {
		return nil, errors.New("plots: no sensitivity curves")
	}
	for _, c := range curves {
		if len(c.Points) == 0 {
			return nil, fmt.Errorf("plots: sensitivity curve of %s has no points", c.Statistic)
		}
		for j, p := range c.Points {
			if !finite(p.Fraction) || p.Fraction < 0 || p.Fraction > 1 || (j > 0 && p.Fraction <= c.Points[j-1].Fraction) {
				return nil, fmt.Errorf("plots: sensitivity curve of %s: fraction %v out of order or outside [0, 1]", c.Statistic, p.Fraction)
			}
			if finite(p.Lower, p.Upper) && p.Lower > p.Upper {
				return nil, fmt.Errorf("plots: sensitivity curve of %s: lower %v above upper %v", c.Statistic, p.Lower, p.Upper)
			}
		}
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	cols := min(2, len(curves))
	if len(curves) == 3 {
		cols = 3
	}
	fig, cols, err := panelGrid(title, opts, fs, len(curves), cols, 65*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	for i, c := range curves {
		stat := fs.pick(cmp.Or(c.Label, c.Statistic), cmp.Or(c.LabelZH, c.StatisticZH), "\n")
		removal := c.Removal
		if removal == "" {
			removal = "data"
		}
		removalZH := map[string]string{"contracts": "合同", "nodes": "节点", "edges": "边", "data": "数据"}[removal]
		tsty, err := fs.style(stat, LabelSize, false)
		if err != nil {
			return nil, err
		}
		panelW := (fig.Width-2*figMargin)/vg.Length(cols) - tilePadX - 30
		p, err := xyPanel(fs, wrapText(tsty, stat, panelW), fs.pick("Share of "+removal+" removed at random", "随机删除的"+cmp.Or(removalZH, removal)+"比例", "\n"), "")
		if err != nil {
			return nil, err
		}
		p.X.Label.Text = wrapText(p.X.Label.TextStyle, p.X.Label.Text, panelW)
		p.X.Tick.Marker = percentTicks{}
		col := DataColor(i)
		var band plotter.XYs
		var upper plotter.XYs
		var mean plotter.XYs
		m := &marker{shape: i, r: 2, col: col}
		for _, pt := range c.Points {
			if !finite(pt.Mean) {
				continue
			}
			mean = append(mean, plotter.XY{X: pt.Fraction, Y: pt.Mean})
			m.xs, m.ys = append(m.xs, pt.Fraction), append(m.ys, pt.Mean)
			if finite(pt.Lower, pt.Upper) {
				band = append(band, plotter.XY{X: pt.Fraction, Y: pt.Lower})
				upper = append(upper, plotter.XY{X: pt.Fraction, Y: pt.Upper})
			}
		}
		var names []string
		if len(band) > 1 {
			slices.Reverse(upper)
			poly, err := plotter.NewPolygon(append(band, upper...))
			if err != nil {
				return nil, err
			}
			poly.Color = colorWithAlpha(col, 0x40)
			poly.LineStyle.Width = 0
			p.Add(poly)
			lvl := c.Level
			if lvl == 0 {
				lvl = 0.95
			}
			pct := math.Round(lvl*1000) / 10
			name := fs.pick(fmt.Sprintf("%g%% range", pct), fmt.Sprintf("%g%% 区间", pct), " / ")
			names = append(names, name)
			p.Legend.Add(name, poly)
		}
		if finite(c.Observed) {
			p.Y.Min, p.Y.Max = math.Min(p.Y.Min, c.Observed), math.Max(p.Y.Max, c.Observed)
			obs := &hline{y: c.Observed, sty: draw.LineStyle{Color: mutedColor, Width: 0.8, Dashes: []vg.Length{3, 2}}}
			p.Add(obs)
			name := fs.pick("complete data ", "完整数据 ", " / ") + fmtG(c.Observed)
			names = append(names, name)
			p.Legend.Add(name, obs)
		}
		if len(mean) > 0 {
			l, err := plotter.NewLine(mean)
			if err != nil {
				return nil, err
			}
			l.LineStyle = draw.LineStyle{Color: col, Width: 1.2}
			p.Add(l, m)
			name := fs.pick("mean", "均值", " / ")
			names = append(names, name)
			p.Legend.Add(name, l, m)
		}
		// Room above the band for the legend (a line per entry).
		lo, hi := p.Y.Min, p.Y.Max
		if finite(lo, hi) && hi > lo {
			p.Y.Max = hi + (hi-lo)*(0.12+0.12*float64(len(names)))
		}
		if err := themeLegend(fs, p, names); err != nil {
			return nil, err
		}
		fig.Panels[i/cols][i%cols] = p
	}
	fig.finish(fs)
	return fig, nil
}

// hline is a horizontal line at y across the data area.
type hline struct {
	y   float64
	sty draw.LineStyle
}

// Plot implements plot.Plotter.
func (h *hline) Plot(c draw.Canvas, p *plot.Plot) {
	_, ty := p.Transforms(&c)
	y := ty(h.y)
	c.StrokeLine2(h.sty, c.Min.X, y, c.Max.X, y)
}

// Thumbnail implements plot.Thumbnailer.
func (h *hline) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(h.sty, c.Min.X, y, c.Max.X, y)
}

// Snapshot is one year of CentralizationOverTime: the number of contracts
// in the snapshot and the value of each measure (NaN: undefined, such as
// a snapshot with fewer than two nodes).
type Snapshot struct {
	Year      int
	Contracts int
	Values    []float64
}

// CentralizationOverTime returns two panels side by side: the
// centralization of the network of each year's contracts alone (yearly
// snapshots), and of all contracts up to and including that year
// (cumulative snapshots), one line and marker shape per measure, on a
// common 0–1 scale. The number of contracts of each snapshot is printed
// under its year, since a snapshot of few contracts is a small network
// whose centralization says little. The legend sits above the 0–1 range,
// clear of the lines. Over many years only every second,
// fifth, … year is labelled, so that labels never touch.
//
// It is an error if there are no measures or snapshots, the two lists
// have different years, a snapshot has the wrong number of values, or a
// defined value is outside [0, 1]. The default size is DoubleColumn by
// 75 mm; below 120 mm of width the panels are stacked (default height
// 140 mm).
func CentralizationOverTime(title string, measures []Measure, yearly, cumulative []Snapshot, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) {
		return centralizationOverTime(title, measures, yearly, cumulative, o)
	})
}

func centralizationOverTime(title string, measures []Measure, yearly, cumulative []Snapshot, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(measures) == 0 || len(yearly) == 0 || len(yearly) != len(cumulative) {
		return nil, fmt.Errorf("plots: centralization over time needs measures and matching yearly and cumulative snapshots (have %d measures, %d and %d snapshots)", len(measures), len(yearly), len(cumulative))
	}
	for i := range yearly {
		for _, s := range []Snapshot{yearly[i], cumulative[i]} {
			if s.Year != yearly[i].Year || (i > 0 && s.Year <= yearly[i-1].Year) {
				return nil, fmt.Errorf("plots: snapshot years out of order or mismatched at %d", s.Year)
			}
			if len(s.Values) != len(measures) {
				return nil, fmt.Errorf("plots: snapshot %d has %d values for %d measures", s.Year, len(s.Values), len(measures))
			}
			for _, v := range s.Values {
				if finite(v) && (v < -1e-9 || v > 1+1e-9) {
					return nil, fmt.Errorf("plots: snapshot %d: value %v outside [0, 1]", s.Year, v)
				}
			}
		}
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	// Side by side; one above the other below 120 mm of width.
	narrow := opts.Width > 0 && opts.Width < 120*vg.Millimeter
	defH := 75 * vg.Millimeter
	if narrow {
		defH = 140 * vg.Millimeter
	}
	fig, err := newFigure(title, opts, fs, DoubleColumn, defH)
	if err != nil {
		return nil, err
	}
	ylabel := fs.pick("Centralization", "中心势", " / ")
	var row []*plot.Plot
	for pi, snaps := range [][]Snapshot{yearly, cumulative} {
		ptitle := fs.pick("Each year's contracts", "当年合同", " / ")
		if pi == 1 {
			ptitle = fs.pick("Contracts up to the year", "截至当年的合同", " / ")
		}
		p, err := xyPanel(fs, ptitle, fs.pick("Year (contracts)", "年份（合同数）", " / "), ylabel)
		if err != nil {
			return nil, err
		}
		if pi == 1 {
			p.Y.Label.Text = ""
		}
		// Room above 1 for the legend, which would otherwise sit on the
		// lines near 0 or 1.
		p.Y.Min, p.Y.Max = 0, 1+0.09*float64(len(measures))+0.04
		p.Y.Tick.Marker = fracTicks{}
		// One label per year where 9 mm a label fit in the panel, else
		// every second, fifth, … year (the others get a minor tick).
		panelW := (fig.Width-2*figMargin-tilePadX)/2 - 30
		if narrow {
			panelW = fig.Width - 2*figMargin - 30
		}
		every := 1
		for _, k := range []int{1, 2, 5, 10, 20, 50} {
			if every = k; vg.Length((len(snaps)+k-1)/k)*9*vg.Millimeter <= panelW {
				break
			}
		}
		ticks := make([]plot.Tick, len(snaps))
		for i, s := range snaps {
			ticks[i] = plot.Tick{Value: float64(s.Year)}
			if (s.Year-snaps[0].Year)%every == 0 {
				ticks[i].Label = fmt.Sprintf("%d\n(%d)", s.Year, s.Contracts)
			}
		}
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Min, p.X.Max = float64(snaps[0].Year)-0.4, float64(snaps[len(snaps)-1].Year)+0.4
		var names []string
		for j, m := range measures {
			var xy plotter.XYs
			mk := &marker{shape: j, r: 2.4, col: DataColor(j)}
			for _, s := range snaps {
				if v := s.Values[j]; finite(v) {
					xy = append(xy, plotter.XY{X: float64(s.Year), Y: v})
					mk.xs, mk.ys = append(mk.xs, float64(s.Year)), append(mk.ys, v)
				}
			}
			name := fs.pick(m.Label, m.LabelZH, " / ")
			names = append(names, name)
			if len(xy) == 0 {
				continue
			}
			l, err := plotter.NewLine(xy)
			if err != nil {
				return nil, err
			}
			l.LineStyle = draw.LineStyle{Color: DataColor(j), Width: 1.1}
			if j%2 == 1 {
				l.LineStyle.Dashes = []vg.Length{3, 1.5}
			}
			p.Add(l, mk)
			if pi == 0 {
				p.Legend.Add(name, l, mk)
			}
		}
		if err := themeLegend(fs, p, names); err != nil {
			return nil, err
		}
		row = append(row, p)
	}
	fig.Panels = [][]*plot.Plot{row}
	if narrow {
		fig.Panels = [][]*plot.Plot{{row[0]}, {row[1]}}
		row[1].Y.Label.Text = row[0].Y.Label.Text
	}
	fig.finish(fs)
	return fig, nil
}
