package plots

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Category is one bar of ContractsByCategory: a class of contracts, such
// as a client type, with the number of contracts and their total amount.
type Category struct {
	// Label is the English name; it must not be empty.
	Label string
	// LabelZH is the Chinese name, used with LangZH or LangBoth. It may be
	// empty, in which case Label is used.
	LabelZH string
	// Count is the number of contracts; it must not be negative.
	Count int
	// Amount is the total amount in CNY; it must be finite and not
	// negative.
	Amount float64
	// Color fills the category's bars; nil means the figure's default
	// (DataColor(i) for the i-th category of ContractsByCategory, one
	// colour for all in ContractsBySortedCategory). Ordered categories
	// take OrdinalColors.
	Color color.Color
}

// ContractsByCategory returns a figure of two horizontal bar panels side
// by side that share the category axis: the number of contracts, and their
// amount in CNY. Categories are drawn top to bottom in the order given,
// each in its own colour (DataColor) in both panels, with its value printed
// at the end of its bar.
//
// Amount ticks are in millions of CNY with an " M" suffix ("0", "2 M",
// "4 M"), or thousands ("k") when every amount is below one million; in
// Chinese (LangZH, LangBoth) in 万 (10⁴) or 亿 (10⁸). The value labels on
// the amount bars have three significant digits and their own suffix
// ("5.99 M", "94.0 k"; "599万"), so that small amounts stay legible.
//
// With LangBoth a category's English and Chinese names are drawn on two
// lines where the rows leave room for two lines (at the default height the
// figure grows to make room, up to MaxHeight), else on one
// ("Sichuan 四川").
//
// The default size is SingleColumn by SingleColumnHeight. It is an error if
// cats is empty, a label is empty, a count is negative, or an amount is
// negative, NaN or infinite.
func ContractsByCategory(title string, cats []Category, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return contractsByCategory(title, cats, o) })
}

func contractsByCategory(title string, cats []Category, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(cats) == 0 {
		return nil, errors.New("plots: no categories")
	}
	for i, c := range cats {
		switch {
		case c.Label == "":
			return nil, fmt.Errorf("plots: category %d has no label", i)
		case c.Count < 0:
			return nil, fmt.Errorf("plots: category %q: negative count %d", c.Label, c.Count)
		case math.IsNaN(c.Amount) || math.IsInf(c.Amount, 0):
			return nil, fmt.Errorf("plots: category %q: amount is %v", c.Label, c.Amount)
		case c.Amount < 0:
			return nil, fmt.Errorf("plots: category %q: negative amount %v", c.Label, c.Amount)
		}
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	fig, err := newFigure(title, opts, fs, SingleColumn, SingleColumnHeight)
	if err != nil {
		return nil, err
	}

	n := len(cats)
	names := make([]string, n)
	counts := make([]float64, n)
	amounts := make([]float64, n)
	colors := make([]color.Color, n)
	countLabel := fs.pick("Contracts", "合同数", "\n")
	amountLabel := fs.pick("Amount (CNY)", "金额（元）", "\n")
	// Two-line names ("Sichuan" over "四川") only where a row has room
	// for two lines: the rows share the height left by the title, the
	// source line and the two-line axis labels.
	sep := "\n"
	if fs.lang == LangBoth {
		ls, err := fs.style("Ag四川", LabelSize, false)
		if err != nil {
			return nil, err
		}
		ts, _ := fig.styles()
		overhead := 2*figMargin + ts.Height(balancedWrap(ts, title, fig.Width-2*figMargin)) + 3*figGap +
			3*SourceSize + 2*ls.Height("A") + 2*TickSize + 12
		// At the default height the figure grows (up to MaxHeight) to
		// give each row two lines; a height the caller set is kept.
		if need := overhead + vg.Length(n)*2.1*ls.Height("A"); opts.Height == 0 && fig.Height < need {
			fig.Height = min(MaxHeight, need)
		}
		if (fig.Height-overhead)/vg.Length(n) < 2.1*ls.Height("A") {
			sep = " "
		}
	}
	for i, c := range cats {
		names[i] = fs.pick(c.Label, c.LabelZH, sep)
		counts[i] = float64(c.Count)
		amounts[i] = c.Amount
		colors[i] = c.Color
		if colors[i] == nil {
			colors[i] = DataColor(i)
		}
	}

	// The width of each panel's data area, estimated from the figure
	// width and the category labels, sets the room left for value labels.
	nameSty, err := fs.style(strings.Join(names, ""), LabelSize, false)
	if err != nil {
		return nil, err
	}
	nameW := vg.Length(0)
	for _, name := range names {
		for _, line := range strings.Split(name, "\n") {
			nameW = max(nameW, nameSty.Width(line))
		}
	}
	dataW := (fig.Width-2*figMargin-tilePadX-nameW)/2 - 8
	if dataW < 20 {
		return nil, fmt.Errorf("plots: figure width %v is too small for the category labels", fig.Width)
	}

	left, err := barPanel(fs, names, counts, colors, countLabel, intTicks{}, formatCount, dataW)
	if err != nil {
		return nil, err
	}
	right, err := barPanel(fs, nil, amounts, colors, amountLabel, fs.amountTicks(amounts), fs.formatAmount, dataW)
	if err != nil {
		return nil, err
	}
	fig.Panels = [][]*plot.Plot{{left, right}}
	fig.finish(fs)
	return fig, nil
}

// barPanel returns one horizontal bar panel. names labels the category
// axis; nil hides the labels (the panel shares them with its neighbour).
func barPanel(fs *fontSet, names []string, vals []float64, colors []color.Color, xlabel string, ticks plot.Ticker, format func(float64) string, dataW vg.Length) (*plot.Plot, error) {
	p := plot.New()
	if err := themeAxes(fs, p, xlabel); err != nil {
		return nil, err
	}
	// An axis label no wider than its panel, so that the labels of the
	// two panels never meet.
	p.X.Label.Text = wrapText(p.X.Label.TextStyle, xlabel, dataW)
	n := len(vals)
	bars := &hbars{vals: vals, colors: colors, labels: make([]string, n), styles: make([]text.Style, n)}
	for i, v := range vals {
		bars.labels[i] = format(v)
		sty, err := fs.style(bars.labels[i], TickSize, false)
		if err != nil {
			return nil, err
		}
		sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
		bars.styles[i] = sty
	}
	p.Add(bars)
	// Leave room right of the bars for the value labels: with
	// X.Max = vmax/(1-frac), bar i ends at (v/vmax)(1-frac)·dataW and its
	// label, w wide, must end within dataW.
	_, vmax, _, _ := bars.DataRange()
	frac := 0.05
	for i, v := range vals {
		w := float64(barLabelGap + bars.styles[i].Width(bars.labels[i]) + 2)
		if v > 0 {
			frac = math.Max(frac, 1-(float64(dataW)-w)*vmax/(float64(dataW)*v))
		}
	}
	frac = math.Min(frac, 0.6)
	p.X.Min, p.X.Max = 0, vmax/(1-frac)
	p.X.Tick.Marker = ticks
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Padding = 0
	p.Y.Tick.Length = 0
	p.Y.Tick.Marker = plot.ConstantTicks(nil)
	if names != nil {
		ticks := make([]plot.Tick, n)
		for i, name := range names {
			ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: name}
		}
		sty, err := fs.style(strings.Join(names, ""), LabelSize, false)
		if err != nil {
			return nil, err
		}
		p.Y.Tick.Label = sty
		p.Y.Tick.Label.XAlign = text.XRight
		p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	}
	return p, nil
}

// hbars draws horizontal bars, category i at y = n-1-i, coloured
// colors[i], with a value label just right of each bar.
type hbars struct {
	vals   []float64
	colors []color.Color
	labels []string
	styles []text.Style
}

// barThickness is the bar height as a fraction of the category spacing.
const barThickness = 0.7

func (b *hbars) pos(i int) float64 { return float64(len(b.vals) - 1 - i) }

// Plot implements plot.Plotter.
func (b *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for i, v := range b.vals {
		y0, y1 := ty(b.pos(i)-barThickness/2), ty(b.pos(i)+barThickness/2)
		x0, x1 := tx(0), tx(v)
		rect := vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}
		c.SetColor(b.colors[i])
		c.Fill(rect.Path())
		c.SetLineStyle(draw.LineStyle{Color: outlineInk, Width: 0.4})
		c.Stroke(rect.Path())
		c.FillText(b.styles[i], vg.Point{X: x1 + barLabelGap, Y: ty(b.pos(i))}, b.labels[i])
	}
}

// barLabelGap is the space between a bar's end and its value label.
const barLabelGap = 2

// DataRange implements plot.DataRanger.
func (b *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmax = 0
	for _, v := range b.vals {
		xmax = math.Max(xmax, v)
	}
	if xmax == 0 {
		xmax = 1
	}
	return 0, xmax, -0.5, float64(len(b.vals)) - 0.5
}

func formatCount(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// ContractsBySortedCategory is ContractsByCategory with the categories
// sorted by amount (largest at the top), then by count, then by label, as
// for provinces, all in one colour (a category's own Color aside): the
// order says the rank, so colour carries nothing. Its default height grows
// with the number of categories: at least SingleColumnHeight, 5 mm per
// category plus 25 mm, at most MaxHeight; categories beyond what fits are
// summed into a last bar "Other (k)" ("其他（k 个）"), and a note on the
// source line says so.
func ContractsBySortedCategory(title string, cats []Category, opts Options) (*Figure, error) {
	cats = slices.Clone(cats)
	slices.SortStableFunc(cats, func(a, b Category) int {
		return cmp.Or(cmp.Compare(b.Amount, a.Amount), cmp.Compare(b.Count, a.Count), cmp.Compare(a.Label, b.Label))
	})
	for i := range cats {
		if cats[i].Color == nil {
			cats[i].Color = singleColor
		}
	}
	if opts.Height == 0 {
		maxRows := int(math.Floor(float64((MaxHeight - 25*vg.Millimeter) / (5 * vg.Millimeter))))
		if len(cats) > maxRows {
			rest := cats[maxRows-1:]
			other := Category{Label: fmt.Sprintf("Other (%d)", len(rest)), LabelZH: fmt.Sprintf("其他（%d 个）", len(rest)), Color: neutralColor}
			for _, c := range rest {
				other.Count += c.Count
				other.Amount += c.Amount
			}
			cats = append(cats[:maxRows-1], other)
			opts = appendNote(opts, fmt.Sprintf("The %d smallest categories are summed as \"Other\".", len(rest)),
				fmt.Sprintf("最小的 %d 类合并为“其他”。", len(rest)))
		}
		opts.Height = min(MaxHeight, max(SingleColumnHeight, vg.Length(len(cats))*5*vg.Millimeter+25*vg.Millimeter))
	}
	return ContractsByCategory(title, cats, opts)
}
