package plots

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/ecosys-sna/ecosys/internal/numfmt"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// labelHalo is the box behind a network label. It is opaque: vgpdf writes
// a translucent colour's premultiplied components, so the translucent
// white of haloColor came out grey in PDF while SVG and PNG showed white;
// an opaque white is the same in all three formats.
var labelHalo = color.White

// keyInk is the fill of the node markers of the size key: a neutral grey,
// so that the key reads as size only, not as a kind.
var keyInk = color.Gray{0xbb}

// netKey is a key of node size or edge width: a title and two or three
// reference values, each drawn at its size.
type netKey struct {
	title string
	vals  []float64
	texts []string
	// size is the radius (node key) or the line width (edge key) at
	// which a value is drawn; it is called when the legend is drawn.
	size func(v float64) vg.Length
	// maxSize bounds size, for the height of the legend row.
	maxSize vg.Length
	edge    bool
}

// keyValues returns two or three reference values for a key of data whose
// largest value is top: about a tenth and a third of it, each rounded
// down to 1, 2 or 5 times a power of ten, and top itself; values that
// repeat or are not positive are left out. Integer data (counts, degrees)
// get integer values.
func keyValues(top float64, integer bool) []float64 {
	if !(top > 0) || math.IsInf(top, 0) {
		return nil
	}
	var vals []float64
	for _, f := range []float64{0.1, 1.0 / 3} {
		v := niceFloor(top * f)
		if integer {
			v = math.Floor(v)
		}
		if v > 0 && (len(vals) == 0 || v > vals[len(vals)-1]) && v < top {
			vals = append(vals, v)
		}
	}
	return append(vals, top)
}

// niceFloor rounds x > 0 down to 1, 2 or 5 times a power of ten.
func niceFloor(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{5, 2, 1} {
		if m*p <= x*(1+1e-9) {
			return m * p
		}
	}
	return p
}

// keyText formats a key value. An amount in CNY (amount true) is written
// as the amount axes write it (fontSet.formatAmount: "1.09 k", "2.50 M";
// in Chinese figures "12.3万", "250万"). Any other value, such as a degree,
// a betweenness, a count or a weight without a unit, is written as the
// tables write it (numfmt.Readable: four significant digits, the integral
// part whole and grouped in thousands: "1,090", "123,456"); in Chinese
// figures (LangZH) from 10⁴ in 万 and 亿 (numfmt.Wan: "12.35万"), as the
// claims chart does. With LangBoth both are written as in English, as the
// amount axes are.
func (fs *fontSet) keyText(v float64, amount bool) string {
	switch {
	case amount:
		return fs.formatAmount(v)
	case fs.lang == LangZH:
		return numfmt.Wan(v)
	}
	return numfmt.Readable(v)
}

// allIntegers reports whether every x is a whole number.
func allIntegers(xs []float64) bool {
	for _, x := range xs {
		if x != math.Trunc(x) {
			return false
		}
	}
	return true
}

// sizeKey returns the node-size key of g ("Node area: label" and markers
// of reference sizes), or a key with no values if g has no SizeLabel or
// every Size is 0.
func sizeKey(fs *fontSet, g Graph, radius func(v float64) vg.Length, maxR vg.Length) netKey {
	k := netKey{size: radius, maxSize: maxR}
	if g.SizeLabel == "" {
		return k
	}
	sizes := make([]float64, len(g.Nodes))
	for i, v := range g.Nodes {
		sizes[i] = v.Size
	}
	k.fill(fs, g, sizes, false, "Node area", "节点面积", g.SizeLabel)
	return k
}

// widthKey returns the edge-width key of g, as sizeKey does.
func widthKey(fs *fontSet, g Graph) netKey {
	k := netKey{edge: true, maxSize: edgeMaxWidth}
	if g.WeightLabel == "" {
		return k
	}
	ws := make([]float64, len(g.Edges))
	for i, e := range g.Edges {
		ws[i] = e.Weight
	}
	top := k.fill(fs, g, ws, g.WeightAmount, "Edge width", "连线宽度", g.WeightLabel)
	k.size = func(v float64) vg.Length { return edgeWidth(v, top) }
	return k
}

// fill sets the reference values of k from the values xs drawn (amounts
// in CNY if amount), their texts and the title "what: label" (what in
// English and Chinese, label translated by g.LabelsZH), and returns the
// largest of xs (0 if none is positive).
func (k *netKey) fill(fs *fontSet, g Graph, xs []float64, amount bool, whatEN, whatZH, label string) float64 {
	var top float64
	for _, x := range xs {
		top = math.Max(top, x)
	}
	k.vals = keyValues(top, allIntegers(xs))
	for _, v := range k.vals {
		k.texts = append(k.texts, fs.keyText(v, amount))
	}
	k.title = fs.pick(whatEN, whatZH, " / ") + ": " + fs.pick(label, g.LabelsZH[label], " / ")
	return top
}

// edgeWidth is the line width of an edge of weight w when the largest
// weight is top: edgeMinWidth at 0 to edgeMaxWidth at top, linearly.
func edgeWidth(w, top float64) vg.Length {
	lw := vg.Length(edgeMinWidth)
	if top > 0 {
		lw += vg.Length((edgeMaxWidth - edgeMinWidth) * w / top)
	}
	return lw
}

// legend is the key of a network drawing: node kinds (marker and name),
// edge kinds (line sample and name), the node-size and edge-width keys,
// in rows across the top, and notes under them, wrapped to the width.
type legend struct {
	style  text.Style
	marker vg.Length // radius of the node markers
	gap    vg.Length // between entries
	nodes  kindStyles
	edges  kindStyles
	size   netKey
	width  netKey
	notes  []string
	// reserve is the height kept for the notes: the tallest they have
	// been drawn (see networkGraph).
	reserve vg.Length
}

// legendEntry is one entry of a legend row: w wide, h high, drawn with
// its left end at x and its middle at y, gap after the entry before it
// (0: the legend's gap).
type legendEntry struct {
	w, h, gap vg.Length
	// keep, if positive, is the width of this entry and those that
	// follow it as a group: the group starts a new row rather than be
	// split, where a row can hold it.
	keep vg.Length
	draw func(c draw.Canvas, x, y vg.Length)
}

// text returns the text that the legend draws, for choosing a font.
func (l *legend) text() string {
	s := strings.Join(l.nodes.names, "") + strings.Join(l.edges.names, "") + l.size.title + l.width.title
	s += strings.Join(l.size.texts, "") + strings.Join(l.width.texts, "")
	return s + strings.Join(l.notes, "")
}

// height returns the height that draw would use on c.
func (l *legend) height(c draw.Canvas) vg.Length {
	dry := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: c.Rectangle}
	return l.draw(dry)
}

// draw draws the legend across the top of c, starting a new row where an
// entry would run past the right edge, and returns the height used.
func (l *legend) draw(c draw.Canvas) vg.Length {
	sty := l.style
	sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
	h := sty.Height("M")
	// Every shape fits in a box of half-width 1.4r (a triangle of the
	// area of a disc of radius r is 2.7r wide).
	sw := 2.8 * l.marker
	var entries []legendEntry
	for i, name := range l.nodes.names {
		k := l.nodes.index[l.nodes.shown[i]]
		entries = append(entries, legendEntry{w: sw + 3 + sty.Width(name), h: max(h, sw), draw: func(c draw.Canvas, x, y vg.Length) {
			drawShape(c, k, vg.Point{X: x + sw/2, Y: y}, l.marker, DataColor(k))
			c.FillText(sty, vg.Point{X: x + sw + 3, Y: y}, name)
		}})
	}
	for i, name := range l.edges.names {
		k := l.edges.index[l.edges.shown[i]]
		entries = append(entries, legendEntry{w: 21 + sty.Width(name), h: h, draw: func(c draw.Canvas, x, y vg.Length) {
			c.StrokeLine2(draw.LineStyle{Color: edgeColor, Width: 1.2, Dashes: edgeDashes[k%len(edgeDashes)]}, x, y, x+18, y)
			c.FillText(sty, vg.Point{X: x + 21, Y: y}, name)
		}})
	}
	for _, k := range []netKey{l.size, l.width} {
		if len(k.vals) == 0 {
			continue
		}
		entries = append(entries, keyEntries(sty, k, h)...)
	}
	// Lay the entries out in rows.
	gapOf := func(e legendEntry) vg.Length {
		if e.gap > 0 {
			return e.gap
		}
		return l.gap
	}
	var rows [][]legendEntry
	var xs [][]vg.Length
	x := c.Min.X
	for _, e := range entries {
		if len(rows) > 0 && len(rows[len(rows)-1]) > 0 {
			x += gapOf(e)
		}
		if len(rows) == 0 || (x > c.Min.X && (x+e.w > c.Max.X || e.keep > 0 && x+e.keep > c.Max.X && e.keep <= c.Max.X-c.Min.X)) {
			rows, xs = append(rows, nil), append(xs, nil)
			x = c.Min.X
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], e)
		xs[len(xs)-1] = append(xs[len(xs)-1], x)
		x += e.w
	}
	y := c.Max.Y
	for r, row := range rows {
		rh := vg.Length(0)
		for _, e := range row {
			rh = max(rh, e.h)
		}
		for i, e := range row {
			e.draw(c, xs[r][i], y-rh/2)
		}
		y -= rh + 2
	}
	ns := sty
	ns.Color = mutedColor
	ns.YAlign = text.YTop
	notesTop := y
	for _, n := range l.notes {
		lines := wrapText(ns, n, c.Max.X-c.Min.X)
		c.FillText(ns, vg.Point{X: c.Min.X, Y: y}, lines)
		y -= ns.Height(lines) + 2
	}
	l.reserve = max(l.reserve, notesTop-y)
	return c.Max.Y - notesTop + l.reserve
}

// keyEntries returns the legend entries of a size or width key: its
// title, then each reference value drawn at its size with the value
// beside it, close to the title (a narrow figure may wrap them).
func keyEntries(sty text.Style, k netKey, h vg.Length) []legendEntry {
	const sample = 14 // length of an edge sample
	eh := max(h, 2*k.maxSize+1)
	out := []legendEntry{{w: sty.Width(k.title), keep: sty.Width(k.title), h: eh, draw: func(c draw.Canvas, x, y vg.Length) {
		c.FillText(sty, vg.Point{X: x, Y: y}, k.title)
	}}}
	for i, v := range k.vals {
		t := k.texts[i]
		mark := vg.Length(sample)
		if !k.edge {
			mark = 2 * k.maxSize
		}
		out[0].keep += 5 + mark + 2 + sty.Width(t)
		out = append(out, legendEntry{w: mark + 2 + sty.Width(t), h: eh, gap: 5, draw: func(c draw.Canvas, x, y vg.Length) {
			s := k.size(v)
			if k.edge {
				c.StrokeLine2(draw.LineStyle{Color: edgeColor, Width: s}, x, y, x+sample, y)
			} else {
				// Markers sit on a common centre line, each in a slot as
				// wide as the largest.
				drawShape(c, 0, vg.Point{X: x + k.maxSize, Y: y}, s, keyInk)
			}
			c.FillText(sty, vg.Point{X: x + mark + 2, Y: y}, t)
		}})
	}
	return out
}

// omittedNote returns the note that lists the labels left out, the most
// important first: "Not labelled: A, B, C and 12 more", naming at most
// shown of them; "" if none were.
func omittedNote(fs *fontSet, names []string, shown int) string {
	if len(names) == 0 {
		return ""
	}
	head := fs.pick("Not labelled", "未标注", " / ") + ": "
	flat := make([]string, len(names))
	for i, n := range names {
		flat[i] = strings.ReplaceAll(n, "\n", " ")
	}
	if len(flat) <= shown {
		return head + strings.Join(flat, "; ")
	}
	more := len(flat) - shown
	return head + strings.Join(flat[:shown], "; ") + " " + fs.pick(fmt.Sprintf("and %d more", more), fmt.Sprintf("等另%d个", more), " / ")
}

// boxesOverlap reports whether the rectangles a and b share interior.
func boxesOverlap(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

// segmentHitsBox reports whether the segment from p to q passes through
// the rectangle r (Liang–Barsky clipping).
func segmentHitsBox(p, q vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(q.X-p.X), float64(q.Y-p.Y)
	clip := func(den, num float64) bool {
		if den == 0 {
			return num <= 0
		}
		t := num / den
		if den < 0 {
			if t > t1 {
				return false
			}
			t0 = math.Max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = math.Min(t1, t)
		}
		return true
	}
	return clip(-dx, float64(p.X-r.Max.X)) && clip(dx, float64(r.Min.X-p.X)) &&
		clip(-dy, float64(p.Y-r.Max.Y)) && clip(dy, float64(r.Min.Y-p.Y)) && t0 < t1
}

// netGeometry records where a network drawing put its nodes, labels and
// edges, for the tests of overlaps.
type netGeometry struct {
	nodes  []vg.Rectangle // bounding box of each node drawn
	labels []vg.Rectangle // box of each label drawn
	owner  []int          // node of each label
	edges  [][]vg.Point   // polyline of each edge drawn, arrowheads included
	heads  [][]vg.Point   // triangle of each arrowhead
}
