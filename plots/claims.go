package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"

	"github.com/ecosys-sna/ecosys/internal/numfmt"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ClaimValue is a row of ClaimsChart: a claim whose claimed and observed
// values are both numbers.
type ClaimValue struct {
	ID string
	// Claimed is the claimed number (not 0); Observed the value the data
	// give.
	Claimed, Observed float64
	// Bound is how the claim bounds the value: exactly, at_least,
	// more_than, at_most, less_than or approximately.
	Bound string
	// Tolerance is the relative tolerance of approximately; 0 means 0.05.
	Tolerance float64
	// Status is consistent, inconsistent or consistent_as_bound.
	Status string
}

// claimStatuses are the statuses ClaimsChart draws, in legend order:
// marker shape (drawShape), colour and English and Chinese names.
var claimStatuses = []struct {
	key    string
	shape  int
	col    color.Color
	en, zh string
}{
	{"consistent", 0, okabeIto[3], "Consistent", "一致"},
	{"inconsistent", 1, okabeIto[6], "Inconsistent", "不一致"},
	{"consistent_as_bound", 3, okabeIto[2], "Consistent as a bound (partial data)", "作为下界一致（数据不全）"},
}

// claimBounds are the English and Chinese words of the bounds.
var claimBounds = map[string][2]string{
	"exactly": {"exactly", "恰好"}, "at_least": {"at least", "至少"}, "more_than": {"more than", "多于"},
	"at_most": {"at most", "至多"}, "less_than": {"less than", "少于"}, "approximately": {"about", "约"},
}

// ClaimsChart returns a dot plot of claims against the data: one row per
// claim, in the order given, with the observed value as a share of the
// claimed one, x = Observed / Claimed, so that claims of any size share
// one axis and the claimed value is always at 100% (a dashed line). The
// claim is drawn at 100%: a tick for exactly, an arrow to the right for
// at least and more than, to the left for at most and less than (the
// side the claim allows), a bar over 1 ± tolerance for approximately.
// The observed value is a marker whose colour and shape give the status;
// a share beyond the axis (up to 400%) is drawn hollow at its edge. Each
// row is labelled with the claim's id and both numbers.
//
// It is an error if there are no claims, an id repeats, Claimed is 0 or
// a value is not finite, or a bound or status is unknown. The default
// size is DoubleColumn by 5 mm per row and 4 mm per line of the key,
// plus 34 mm.
func ClaimsChart(title string, claims []ClaimValue, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return claimsChart(title, claims, o) })
}

func checkClaims(claims []ClaimValue) error {
	if len(claims) == 0 {
		return errors.New("plots: no claims to draw")
	}
	seen := map[string]bool{}
	for _, c := range claims {
		switch {
		case seen[c.ID]:
			return fmt.Errorf("plots: claim %q repeated", c.ID)
		case c.Claimed == 0 || !finite(c.Claimed, c.Observed, c.Tolerance) || c.Tolerance < 0:
			return fmt.Errorf("plots: claim %q: claimed %v, observed %v, tolerance %v", c.ID, c.Claimed, c.Observed, c.Tolerance)
		case claimBounds[c.Bound] == [2]string{}:
			return fmt.Errorf("plots: claim %q: unknown bound %q", c.ID, c.Bound)
		case claimStatus(c.Status) < 0:
			return fmt.Errorf("plots: claim %q: status %q is not drawn (want consistent, inconsistent or consistent_as_bound)", c.ID, c.Status)
		}
		seen[c.ID] = true
	}
	return nil
}

func claimStatus(s string) int {
	for i, st := range claimStatuses {
		if st.key == s {
			return i
		}
	}
	return -1
}

func claimsChart(title string, claims []ClaimValue, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if err := checkClaims(claims); err != nil {
		return nil, err
	}
	n := len(claims)
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	rows := &claimRows{claims: claims, xmax: 2}
	for _, c := range claims {
		rows.xmax = math.Max(rows.xmax, math.Min(4, math.Ceil(c.Observed/c.Claimed*1.1*2)/2))
	}
	if err := rows.key(fs); err != nil {
		return nil, err
	}
	width := opts.Width
	if width == 0 {
		width = DoubleColumn
	}
	labels, err := claimLabels(fs, width, claims)
	if err != nil {
		return nil, err
	}
	// The key takes the rows above the claims, each line of it 0.8 of a
	// row (5 mm), in the width the row labels leave.
	lines := float64(rows.keyLines(width - 2*figMargin - labels.width - 2*tilePadX - 10))
	fig, err := newFigure(title, opts, fs, DoubleColumn, vg.Length(float64(n)+0.8*lines)*5*vg.Millimeter+34*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	p, err := xyPanel(fs, "", fs.pick("Observed value as a share of the claimed value", "观测值占声称值的比例", " / "), "")
	if err != nil {
		return nil, err
	}
	p.Y.Tick.Label = labels.style
	p.Y.Tick.Marker = labels.ticks
	p.X.Min, p.X.Max = 0, rows.xmax
	p.X.Tick.Marker = halfTicks{}
	p.Y.Min, p.Y.Max = -0.7, float64(n)-0.4+0.8*lines
	p.Y.Padding = 0
	p.Y.Tick.Length = 0
	p.Add(rows)
	fig.Panels = [][]*plot.Plot{{p}}
	fig.finish(fs)
	return fig, nil
}

// rowLabels are the labels of the rows of ClaimsChart.
type rowLabels struct {
	ticks plot.ConstantTicks
	style text.Style
	width vg.Length // of the widest
}

// claimLabels returns the labels of the rows, "s02: observed 18, claimed
// exactly 18", shortened to 45% of the figure's width.
func claimLabels(fs *fontSet, width vg.Length, claims []ClaimValue) (rowLabels, error) {
	n := len(claims)
	names := make([]string, n)
	for i, c := range claims {
		b := claimBounds[c.Bound]
		en := fmt.Sprintf("%s: observed %s, claimed %s %s", c.ID, fmtNum(c.Observed), b[0], fmtNum(c.Claimed))
		zh := fmt.Sprintf("%s：观测 %s，声称%s %s", c.ID, numfmt.Wan(c.Observed), b[1], numfmt.Wan(c.Claimed))
		names[i] = fs.pick(en, zh, " / ")
	}
	var l rowLabels
	var err error
	if l.style, err = fs.style(strings.Join(names, ""), TickSize, false); err != nil {
		return l, err
	}
	l.style.XAlign, l.style.YAlign = text.XRight, text.YCenter
	l.ticks = make(plot.ConstantTicks, n)
	for i, name := range names {
		name = truncateText(l.style, name, (width-2*figMargin)*0.45)
		l.ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: name}
		l.width = max(l.width, l.style.Width(name))
	}
	return l, nil
}

// fmtNum formats a claimed or observed number as tables do
// (numfmt.Readable: four significant digits, the integral part whole and
// grouped in thousands, "8,270,500"); Chinese labels use numfmt.Wan
// ("827.05万").
func fmtNum(v float64) string { return numfmt.Readable(v) }

// halfTicks marks every 50% of the claimed value.
type halfTicks struct{}

// Ticks implements plot.Ticker.
func (halfTicks) Ticks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	for v := 0.0; v <= max+1e-9; v += 0.5 {
		if v >= min-1e-9 {
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v*100, 'f', -1, 64) + "%"})
		}
	}
	return ticks
}

// claimRows draws the claims of ClaimsChart: row i at y = n-1-i, and the
// key in the two rows above.
type claimRows struct {
	claims   []ClaimValue
	xmax     float64
	keyStyle text.Style
	keyNames []string // the statuses, then exactly, bound and about
}

// key sets the names and style of the key.
func (r *claimRows) key(fs *fontSet) error {
	r.keyNames = nil
	for _, s := range claimStatuses {
		r.keyNames = append(r.keyNames, fs.pick(s.en, s.zh, " / "))
	}
	r.keyNames = append(r.keyNames, fs.pick("claimed value (exactly)", "声称值（恰好）", " / "),
		fs.pick("claimed bound: at least → or at most ←", "声称界限：至少 → 或至多 ←", " / "),
		fs.pick("claimed value ± tolerance (about)", "声称值 ± 容差（约）", " / "))
	var err error
	r.keyStyle, err = fs.style(strings.Join(r.keyNames, ""), TickSize, false)
	r.keyStyle.XAlign, r.keyStyle.YAlign = text.XLeft, text.YCenter
	return err
}

// Plot implements plot.Plotter.
func (r *claimRows) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	n := len(r.claims)
	ref := draw.LineStyle{Color: mutedColor, Width: 0.6, Dashes: []vg.Length{2, 2}}
	c.StrokeLine2(ref, tx(1), ty(-0.5), tx(1), ty(float64(n)-0.5))
	for i, cl := range r.claims {
		y := ty(float64(n - 1 - i))
		r.drawClaim(c, tx, cl, y)
		x := cl.Observed / cl.Claimed
		k := claimStatuses[claimStatus(cl.Status)]
		pt := vg.Point{X: tx(math.Min(math.Max(x, 0), r.xmax)), Y: y}
		if x < 0 || x > r.xmax {
			hollow(c, pt, 2.6, k.col)
			continue
		}
		drawShape(c, k.shape, pt, 2.6, k.col)
	}
	r.drawKey(c, c.Max.Y-r.keyStyle.Height("M")/2-2)
}

// drawClaim draws the claimed value of cl at 100% of the x axis.
func (r *claimRows) drawClaim(c draw.Canvas, tx func(float64) vg.Length, cl ClaimValue, y vg.Length) {
	ink := draw.LineStyle{Color: inkColor, Width: 0.8}
	x1 := tx(1)
	step := tx(0.3) - tx(0)
	switch cl.Bound {
	case "approximately":
		tol := cl.Tolerance
		if tol == 0 {
			tol = 0.05
		}
		a, b := tx(math.Max(1-tol, 0)), tx(math.Min(1+tol, r.xmax))
		c.StrokeLine2(ink, a, y, b, y)
		c.StrokeLine2(ink, a, y-2, a, y+2)
		c.StrokeLine2(ink, b, y-2, b, y+2)
		return
	case "at_least", "more_than":
		arrow(c, ink, x1, x1+step, y)
	case "at_most", "less_than":
		arrow(c, ink, x1, x1-step, y)
	}
	c.StrokeLine2(ink, x1, y-3.5, x1, y+3.5)
}

// arrow draws a horizontal arrow from x0 to x1 at y.
func arrow(c draw.Canvas, sty draw.LineStyle, x0, x1, y vg.Length) {
	dir := vg.Length(1)
	if x1 < x0 {
		dir = -1
	}
	c.StrokeLine2(sty, x0, y, x1-dir*3, y)
	var head vg.Path
	head.Move(vg.Point{X: x1, Y: y})
	head.Line(vg.Point{X: x1 - dir*4, Y: y + 2})
	head.Line(vg.Point{X: x1 - dir*4, Y: y - 2})
	head.Close()
	c.SetColor(sty.Color)
	c.Fill(head)
}

// hollow draws an unfilled circle of radius r.
func hollow(c draw.Canvas, p vg.Point, r vg.Length, col color.Color) {
	var circ vg.Path
	circ.Move(vg.Point{X: p.X + r, Y: p.Y})
	circ.Arc(p, r, 0, 2*math.Pi)
	circ.Close()
	c.SetLineStyle(draw.LineStyle{Color: col, Width: 1})
	c.Stroke(circ)
}

// keyLines returns the number of lines of the key in the width w.
func (r *claimRows) keyLines(w vg.Length) int {
	lines, x := 1, vg.Length(0)
	for _, name := range r.keyNames {
		iw := 14 + r.keyStyle.Width(name)
		if x > 0 && x+iw > w {
			lines, x = lines+1, 0
		}
		x += iw + 10
	}
	return lines
}

// drawKey draws the key from the top left of c: the statuses' markers,
// then the marks of the claims, wrapping to the width.
func (r *claimRows) drawKey(c draw.Canvas, top vg.Length) {
	sty := r.keyStyle
	h := sty.Height("M")
	x, y := c.Min.X+2, top
	ink := draw.LineStyle{Color: inkColor, Width: 0.8}
	for i, name := range r.keyNames {
		w := 14 + sty.Width(name)
		if x > c.Min.X+2 && x+w > c.Max.X {
			x, y = c.Min.X+2, y-h-3
		}
		mid := vg.Point{X: x + 5, Y: y}
		switch i {
		case 0, 1, 2:
			drawShape(c, claimStatuses[i].shape, mid, 2.6, claimStatuses[i].col)
		case 3:
			c.StrokeLine2(ink, mid.X, y-3.5, mid.X, y+3.5)
		case 4:
			arrow(c, ink, x, x+10, y)
		case 5:
			c.StrokeLine2(ink, x, y, x+10, y)
			c.StrokeLine2(ink, x, y-2, x, y+2)
			c.StrokeLine2(ink, x+10, y-2, x+10, y+2)
		}
		c.FillText(sty, vg.Point{X: x + 13, Y: y}, name)
		x += w + 10
	}
}
