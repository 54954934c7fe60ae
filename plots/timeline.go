package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Event is one contract of a Timeline: when it was signed, as precisely
// as that is known, and its amount.
type Event struct {
	// Start and End bound the signing date, inclusive: the same day for
	// an exact date, the first and last day of the month for a month-only
	// date, of the year for a year-only date. Both zero: no date (the
	// event is counted, not drawn).
	Start, End time.Time
	// Amount is the amount in CNY; finite and not negative.
	Amount float64
	// Group is the series (such as the client type) that gives the
	// event its colour and marker; Groups fixes the order.
	Group string
}

// Timeline returns a figure of contracts over time: the signing date on
// the x axis, the amount in CNY on the y axis (万/亿 in Chinese), one
// colour and marker shape per group (in the order of groups, whose labels
// are shown in the legend by groupLabels, English and Chinese; the group
// "unknown" is grey). The axis starts on 1 January of the first year, so
// that every year has its labelled tick. A contract whose date is known to
// the day is a point; one known only to the month (or the year) is a
// horizontal segment spanning that month (or year) with end ticks, so
// that the drawing claims no more precision than the data have. Contracts
// without a date are left out, and their number is given in the x-axis
// label.
//
// groups lists the group keys in legend order; groupLabels maps a key to
// its [English, Chinese] label (a key without one is shown as is). An
// event whose group is not in groups is an error, as are a negative or
// non-finite amount and an End before Start. The default size is
// DoubleColumn by 80 mm.
func Timeline(title string, events []Event, groups []string, groupLabels map[string][2]string, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return timeline(title, events, groups, groupLabels, o) })
}

func timeline(title string, events []Event, groups []string, groupLabels map[string][2]string, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(events) == 0 {
		return nil, errors.New("plots: no events")
	}
	gi := map[string]int{}
	for i, g := range groups {
		if _, dup := gi[g]; !dup {
			gi[g] = i
		}
	}
	undated := 0
	var dated []Event
	for i, e := range events {
		if _, ok := gi[e.Group]; !ok {
			return nil, fmt.Errorf("plots: event %d: group %q not in groups", i, e.Group)
		}
		if !finite(e.Amount) || e.Amount < 0 {
			return nil, fmt.Errorf("plots: event %d: bad amount %v", i, e.Amount)
		}
		if e.Start.IsZero() && e.End.IsZero() {
			undated++
			continue
		}
		if e.End.Before(e.Start) {
			return nil, fmt.Errorf("plots: event %d: end %s before start %s", i, e.End.Format(time.DateOnly), e.Start.Format(time.DateOnly))
		}
		dated = append(dated, e)
	}
	if len(dated) == 0 {
		return nil, errors.New("plots: no event has a date")
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	fig, err := newFigure(title, opts, fs, DoubleColumn, 80*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	xlabel := fs.pick("Signing date", "签订日期", " / ")
	if undated > 0 {
		xlabel += fs.pick(fmt.Sprintf(" (%d without a date not shown)", undated), fmt.Sprintf("（%d 份无日期，未画出）", undated), "")
	}
	p, err := xyPanel(fs, "", xlabel, fs.pick("Amount (CNY)", "金额（元）", " / "))
	if err != nil {
		return nil, err
	}
	p.Y.Min = 0
	// The axis starts on 1 January of the first year, so that every
	// year with a contract has its labelled tick.
	first := dated[0].Start
	for _, e := range dated {
		if e.Start.Before(first) {
			first = e.Start
		}
	}
	p.X.Min = timeX(time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC))
	p.X.Tick.Marker = yearTicks{}
	tl := &timelinePlotter{events: dated, group: gi}
	p.Add(tl)
	var names []string
	present := map[string]bool{}
	for _, e := range dated {
		present[e.Group] = true
	}
	for _, g := range groups {
		if !present[g] {
			continue
		}
		l := groupLabels[g]
		if l[0] == "" {
			l[0] = g
		}
		name := fs.pick(l[0], l[1], " / ")
		names = append(names, name)
		k := gi[g]
		p.Legend.Add(name, &marker{shape: k, r: 3, col: groupColor(g, k)})
	}
	if err := themeLegend(fs, p, names); err != nil {
		return nil, err
	}
	// Room above the data for the legend.
	_, _, _, ymax := tl.DataRange()
	p.Y.Max = ymax * (1 + 0.08*float64(len(names)+1))
	p.Y.Tick.Marker = fs.amountTicks([]float64{p.Y.Max})
	fig.Panels = [][]*plot.Plot{{p}}
	fig.finish(fs)
	return fig, nil
}

// groupColor is the colour of the k-th group: DataColor(k), but grey for
// the group "unknown", which is no category of its own.
func groupColor(group string, k int) color.Color {
	if group == "unknown" {
		return neutralColor
	}
	return DataColor(k)
}

// timeX maps a time to the x axis: years since 1970 as a float, in
// Unix seconds.
func timeX(t time.Time) float64 { return float64(t.Unix()) }

// timelinePlotter draws the events.
type timelinePlotter struct {
	events []Event
	group  map[string]int
}

// Plot implements plot.Plotter.
func (tl *timelinePlotter) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, e := range tl.events {
		k := tl.group[e.Group]
		col := groupColor(e.Group, k)
		y := ty(e.Amount)
		if e.Start.Equal(e.End) {
			drawShape(c, k, vg.Point{X: tx(timeX(e.Start)), Y: y}, 3, col)
			continue
		}
		// An interval: the period from the first to the end of the last day.
		x0, x1 := tx(timeX(e.Start)), tx(timeX(e.End.AddDate(0, 0, 1)))
		sty := draw.LineStyle{Color: col, Width: 2}
		c.StrokeLine2(sty, x0, y, x1, y)
		tick := draw.LineStyle{Color: col, Width: 0.8}
		c.StrokeLine2(tick, x0, y-2.5, x0, y+2.5)
		c.StrokeLine2(tick, x1, y-2.5, x1, y+2.5)
		drawShape(c, k, vg.Point{X: (x0 + x1) / 2, Y: y}, 1.6, col)
	}
}

// DataRange implements plot.DataRanger: the dates padded by a month, and
// the amounts from 0.
func (tl *timelinePlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, e := range tl.events {
		xmin = math.Min(xmin, timeX(e.Start.AddDate(0, -1, 0)))
		xmax = math.Max(xmax, timeX(e.End.AddDate(0, 1, 1)))
		ymax = math.Max(ymax, e.Amount)
	}
	if ymax == 0 {
		ymax = 1
	}
	return xmin, xmax, 0, ymax
}

// yearTicks marks the start of each year (labelled) and of each quarter
// (minor) on a Unix-seconds axis; over a span of less than two years each
// quarter is labelled "2018-04". Over more than 12 years only every
// second, fifth or tenth year is labelled, so that labels never touch.
type yearTicks struct{}

// Ticks implements plot.Ticker.
func (yearTicks) Ticks(min, max float64) []plot.Tick {
	t0 := time.Unix(int64(min), 0).UTC()
	t1 := time.Unix(int64(max), 0).UTC()
	short := t1.Sub(t0) < 2*365*24*time.Hour
	every := 1
	for _, k := range []int{1, 2, 5, 10, 20, 50} {
		if every = k; (t1.Year()-t0.Year())/k <= 12 {
			break
		}
	}
	var ticks []plot.Tick
	for y := t0.Year(); y <= t1.Year(); y++ {
		for m := 1; m <= 12; m += 3 {
			t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			v := timeX(t)
			if v < min || v > max {
				continue
			}
			label := ""
			switch {
			case m == 1 && y%every == 0:
				label = strconv.Itoa(y)
			case short:
				label = t.Format("2006-01")
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: label})
		}
	}
	return ticks
}
