package plots

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Measure names a quantity in a figure, in English and Chinese.
type Measure struct {
	Label, LabelZH string
}

// RankedParty is a row of CentralityRanking: a party and its score on
// each measure, in the order of the measures. A NaN score is undefined and
// is drawn as a hollow marker at 0.
type RankedParty struct {
	ID             string
	Label, LabelZH string
	Scores         []float64
}

// CentralityRanking returns a dot plot of the top k parties across
// several centrality measures: one column (panel) per measure, one row per
// party, a dot on a thin line from 0 at the party's score divided by the
// largest score of that measure over all parties (so every column runs
// from 0 to 1 and measures on different scales can be compared by rank
// and by relative size).
//
// Parties are ranked by their mean normalised score over the measures
// (undefined scores count as 0), ties broken by ID; the top k are drawn,
// the first at the top. k ≤ 0 means all parties.
//
// It is an error if there are no measures or parties, a party has the
// wrong number of scores, a score is negative or infinite, or IDs repeat.
// The default size is DoubleColumn by 5 mm per row (7 mm with LangBoth,
// where a name is drawn in English over Chinese) plus 30 mm; at the
// default height at most MaxRankingRows parties are drawn (the figure
// stays within MaxHeight), and the source line says how many more were
// asked for.
//
// Each column is marked 0 and 1 at its ends, with a gap between columns
// wide enough that one column's "1" never runs into the next one's "0".
func CentralityRanking(title string, measures []Measure, parties []RankedParty, k int, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return centralityRanking(title, measures, parties, k, o) })
}

// RankParties returns the parties in the order of CentralityRanking and
// their normalised scores (score / the measure's largest score; NaN stays
// NaN; a measure whose largest score is 0 normalises to 0).
func RankParties(parties []RankedParty, measures int) ([]RankedParty, [][]float64) {
	maxes := make([]float64, measures)
	for _, p := range parties {
		for j, s := range p.Scores {
			if !math.IsNaN(s) {
				maxes[j] = math.Max(maxes[j], s)
			}
		}
	}
	type row struct {
		p    RankedParty
		norm []float64
		mean float64
	}
	rows := make([]row, len(parties))
	for i, p := range parties {
		r := row{p: p, norm: make([]float64, measures)}
		for j, s := range p.Scores {
			switch {
			case math.IsNaN(s):
				r.norm[j] = math.NaN()
			case maxes[j] > 0:
				r.norm[j] = s / maxes[j]
				r.mean += r.norm[j] / float64(measures)
			}
		}
		rows[i] = r
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(b.mean, a.mean), cmp.Compare(a.p.ID, b.p.ID))
	})
	out := make([]RankedParty, len(rows))
	norm := make([][]float64, len(rows))
	for i, r := range rows {
		out[i], norm[i] = r.p, r.norm
	}
	return out, norm
}

func centralityRanking(title string, measures []Measure, parties []RankedParty, k int, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(measures) == 0 || len(parties) == 0 {
		return nil, errors.New("plots: a ranking needs measures and parties")
	}
	seen := map[string]bool{}
	for _, p := range parties {
		if seen[p.ID] {
			return nil, fmt.Errorf("plots: party ID %q repeated", p.ID)
		}
		seen[p.ID] = true
		if len(p.Scores) != len(measures) {
			return nil, fmt.Errorf("plots: party %q has %d scores for %d measures", p.ID, len(p.Scores), len(measures))
		}
		for _, s := range p.Scores {
			if math.IsInf(s, 0) || s < 0 {
				return nil, fmt.Errorf("plots: party %q: bad score %v", p.ID, s)
			}
		}
	}
	ranked, norm := RankParties(parties, len(measures))
	if k > 0 && k < len(ranked) {
		ranked, norm = ranked[:k], norm[:k]
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	// Bilingual names take two lines (English over Chinese) and a taller
	// row, so that neither is cut short.
	pitch, sep := rankRowPitch(fs.lang), " / "
	if fs.lang == LangBoth {
		sep = "\n"
	}
	if most := MaxRankingRows(fs.lang); opts.Height == 0 && len(ranked) > most {
		opts = appendNote(opts, fmt.Sprintf("Only the top %d of %d parties fit the page.", most, len(ranked)),
			fmt.Sprintf("页面只容得下前 %d 名（共 %d 名）。", most, len(ranked)))
		ranked, norm = ranked[:most], norm[:most]
	}
	n := len(ranked)
	fig, err := newFigure(title, opts, fs, DoubleColumn, vg.Length(n)*pitch+30*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	names := make([]string, n)
	for i, p := range ranked {
		en := p.Label
		if en == "" {
			en = p.ID
		}
		names[i] = fs.pick(en, p.LabelZH, sep)
	}
	nameSty, err := fs.style(strings.Join(names, ""), TickSize, false)
	if err != nil {
		return nil, err
	}
	// Party names take at most 40% of the width, and less where the
	// columns would otherwise be too narrow for their tick labels to
	// stand apart; longer names are shortened (each line of a bilingual
	// name on its own).
	m := len(measures)
	tsty, err := fs.style("01", TickSize, false)
	if err != nil {
		return nil, err
	}
	minUnit := TickSize + tsty.Width("0") // a column's 0 to 1, and one column's 1 to the next one's 0
	maxName := min((fig.Width-2*figMargin)*0.4, fig.Width-2*figMargin-48-minUnit*vg.Length(float64(m-1)*2+1.16))
	maxName = max(maxName, (fig.Width-2*figMargin)*0.2)
	for i := range names {
		lines := strings.Split(names[i], "\n")
		for j := range lines {
			lines[j] = truncateText(nameSty, lines[j], maxName)
		}
		names[i] = strings.Join(lines, "\n")
	}
	xlabel := fs.pick("Score as a share of the largest score of its measure", "占该指标最大值的比例", "\n")
	p, err := xyPanel(fs, "", xlabel, "")
	if err != nil {
		return nil, err
	}
	// The data area is what the names leave; the columns are spaced so
	// that one column's "1" and the next one's "0" are a tick font size
	// apart or more (they read as "10" when close).
	nameW := vg.Length(0)
	for _, name := range names {
		nameW = max(nameW, maxLineWidth(nameSty, name))
	}
	dataW := fig.Width - 2*figMargin - nameW - 48 // tick label gap, axis padding, end margins
	// gonum narrows the data area to centre an axis label wider than it:
	// the label is wrapped to the data area instead.
	p.X.Label.Text = wrapText(p.X.Label.TextStyle, xlabel, dataW)
	step := rankColStep
	for ; step < 3; step += 0.05 {
		if unit := dataW / vg.Length(float64(m-1)*step+1.16); unit*vg.Length(step-1) >= minUnit {
			break
		}
	}
	p.X.Min, p.X.Max = -0.08, float64(m-1)*step+1.08
	p.X.Tick.Marker = rankTicks{m, step}
	p.Y.Min, p.Y.Max = -0.6, float64(n)+1.1 // a row at the top for the headers
	if unit := dataW / vg.Length(float64(m-1)*step+1.16); unit*vg.Length(step+0.15) < 8*TickSize {
		p.Y.Max += 1.6 // narrow columns: room for staggered headers (see dots)
	}
	p.Y.Padding = 0
	p.Y.Tick.Length = 0
	ticks := make([]plot.Tick, n)
	for i, name := range names {
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: name}
	}
	p.Y.Tick.Label = nameSty
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = text.XRight, text.YCenter
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	headers := make([]string, m)
	for j, ms := range measures {
		headers[j] = fs.pick(ms.Label, ms.LabelZH, "\n")
	}
	hs, err := fs.style(strings.Join(headers, ""), TickSize, false)
	if err != nil {
		return nil, err
	}
	p.Add(&dots{norm: norm, headers: headers, headerStyle: hs, step: step})
	fig.Panels = [][]*plot.Plot{{p}}
	fig.finish(fs)
	return fig, nil
}

// rankRowPitch is the height of a row of CentralityRanking: 5 mm, 7 mm
// for the two-line names of LangBoth.
func rankRowPitch(l Lang) vg.Length {
	if l == LangBoth {
		return 7 * vg.Millimeter
	}
	return 5 * vg.Millimeter
}

// MaxRankingRows returns the largest number of parties CentralityRanking
// draws at its default height in the language l: its rows (5 mm, 7 mm
// for two-line bilingual names) plus 30 mm stay within MaxHeight. It is
// 42 in English and Chinese, 30 in both languages.
func MaxRankingRows(l Lang) int {
	return int(math.Floor(float64((MaxHeight - 30*vg.Millimeter) / rankRowPitch(l))))
}

// rankColStep is the least distance between the columns of a ranking,
// in units of one column's 0–1 scale; narrow figures space them further
// (see centralityRanking).
const rankColStep = 1.6

// rankTicks marks 0, 0.5 (minor) and 1 of each column of a ranking.
type rankTicks struct {
	m    int
	step float64
}

// Ticks implements plot.Ticker.
func (r rankTicks) Ticks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	for j := range r.m {
		x := float64(j) * r.step
		ticks = append(ticks, plot.Tick{Value: x, Label: "0"}, plot.Tick{Value: x + 0.5}, plot.Tick{Value: x + 1, Label: "1"})
	}
	return ticks
}

// dots draws the columns of a ranking: in column j, row i at
// y = n-1-i, a grey line from 0 to the normalised score and a marker of
// the measure's shape and colour; NaN is a hollow marker at 0. Each
// column's header is drawn above it, wrapped to the column's width (see
// Plot for narrow columns).
type dots struct {
	step        float64 // between columns
	norm        [][]float64
	headers     []string
	headerStyle text.Style
}

// Plot implements plot.Plotter.
func (d *dots) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	n := len(d.norm)
	// Headers are wrapped to their column; where a word is wider than a
	// column (a single-column figure), they shrink, and if that is not
	// enough every second header is raised above its neighbours and may
	// take two columns' width.
	hs := d.headerStyle
	hs.XAlign, hs.YAlign = text.XCenter, text.YBottom
	colW := tx(d.step-0.05) - tx(-0.2)
	fits := func(w vg.Length) bool {
		for _, h := range d.headers {
			for _, word := range strings.Fields(h) {
				if hs.Width(word) > w {
					return false
				}
			}
		}
		return true
	}
	for !fits(colW) && hs.Font.Size > MinTextSize {
		hs.Font.Size -= 0.5
	}
	stagger := !fits(colW)
	lift := vg.Length(0)
	if stagger {
		colW = 2*colW - 2
		for j, h := range d.headers {
			if j%2 == 0 {
				lift = max(lift, hs.Height(wrapText(hs, h, colW))+1)
			}
		}
	}
	for j, h := range d.headers {
		x0 := float64(j) * d.step
		y := ty(float64(n) - 0.5)
		if stagger && j%2 == 1 {
			y += lift
		}
		c.FillText(hs, vg.Point{X: tx(x0 + 0.5), Y: y}, wrapText(hs, h, colW))
		for i := range n {
			v := d.norm[i][j]
			y := ty(float64(n - 1 - i))
			c.StrokeLine2(draw.LineStyle{Color: gridColor, Width: 0.4}, tx(x0), y, tx(x0+1), y)
			if math.IsNaN(v) {
				c.SetLineStyle(draw.LineStyle{Color: mutedColor, Width: 0.6})
				var circ vg.Path
				circ.Move(vg.Point{X: tx(x0) + 2.2, Y: y})
				circ.Arc(vg.Point{X: tx(x0), Y: y}, 2.2, 0, 2*math.Pi)
				circ.Close()
				c.Stroke(circ)
				continue
			}
			c.StrokeLine2(draw.LineStyle{Color: mutedColor, Width: 0.8}, tx(x0), y, tx(x0+v), y)
			drawShape(c, j, vg.Point{X: tx(x0 + v), Y: y}, 2.6, DataColor(j))
		}
	}
}
