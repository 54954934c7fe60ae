package plots

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ProvinceTile is one tile of the tile-grid map of China's 31
// province-level units of the mainland (provinces, autonomous regions and
// municipalities; Hong Kong, Macao and Taiwan are not drawn).
type ProvinceTile struct {
	// Code is the ISO 3166-2:CN subdivision code without "CN-", such as
	// "SC" for Sichuan; it is the tile's English label.
	Code string
	// Name is the English name used by the ecosys entity tables, such as
	// "Sichuan", "Tibet", "Inner Mongolia".
	Name string
	// NameZH is the short Chinese name, such as 四川, 西藏, 内蒙古.
	NameZH string
	// Row and Col place the tile: row 0 at the top, column 0 at the left.
	Row, Col int
}

// ProvinceTiles is the tile grid of ProvinceTileMap: 31 tiles on 8 rows
// and 7 columns, placed so that each unit keeps roughly its geographic
// neighbours (north up, east right). The slice is a copy; changing it does
// not change the figures.
var ProvinceTiles = append([]ProvinceTile(nil), provinceTiles[:]...)

var provinceTiles = [31]ProvinceTile{
	{"HL", "Heilongjiang", "黑龙江", 0, 6},
	{"NM", "Inner Mongolia", "内蒙古", 1, 3},
	{"BJ", "Beijing", "北京", 1, 4},
	{"LN", "Liaoning", "辽宁", 1, 5},
	{"JL", "Jilin", "吉林", 1, 6},
	{"XJ", "Xinjiang", "新疆", 2, 0},
	{"GS", "Gansu", "甘肃", 2, 1},
	{"NX", "Ningxia", "宁夏", 2, 2},
	{"SX", "Shanxi", "山西", 2, 3},
	{"HE", "Hebei", "河北", 2, 4},
	{"TJ", "Tianjin", "天津", 2, 5},
	{"XZ", "Tibet", "西藏", 3, 0},
	{"QH", "Qinghai", "青海", 3, 1},
	{"SN", "Shaanxi", "陕西", 3, 2},
	{"HA", "Henan", "河南", 3, 3},
	{"SD", "Shandong", "山东", 3, 4},
	{"SC", "Sichuan", "四川", 4, 1},
	{"CQ", "Chongqing", "重庆", 4, 2},
	{"HB", "Hubei", "湖北", 4, 3},
	{"AH", "Anhui", "安徽", 4, 4},
	{"JS", "Jiangsu", "江苏", 4, 5},
	{"SH", "Shanghai", "上海", 4, 6},
	{"YN", "Yunnan", "云南", 5, 1},
	{"GZ", "Guizhou", "贵州", 5, 2},
	{"HN", "Hunan", "湖南", 5, 3},
	{"JX", "Jiangxi", "江西", 5, 4},
	{"ZJ", "Zhejiang", "浙江", 5, 5},
	{"GX", "Guangxi", "广西", 6, 2},
	{"GD", "Guangdong", "广东", 6, 3},
	{"FJ", "Fujian", "福建", 6, 4},
	{"HI", "Hainan", "海南", 7, 2},
}

// provinceAliases are other spellings of some units' names.
var provinceAliases = map[string]string{
	"xizang": "XZ", "nei mongol": "NM", "inner mongolia autonomous region": "NM", "neimenggu": "NM",
	"guangxi zhuang autonomous region": "GX", "ningxia hui autonomous region": "NX",
	"xinjiang uygur autonomous region": "XJ", "xinjiang uyghur autonomous region": "XJ",
	"tibet autonomous region": "XZ", "shensi": "SN",
}

// LookupProvince returns the tile of a province-level unit named by its
// English name (as in ProvinceTiles, any case, with or without
// "Province", "Municipality" or "Autonomous Region"), its common pinyin
// variant (Xizang, Nei Mongol), its Chinese name (with or without
// 省/市/自治区) or its ISO code.
func LookupProvince(name string) (ProvinceTile, bool) {
	s := strings.ToLower(strings.TrimSpace(name))
	s = strings.TrimPrefix(s, "cn-")
	for _, suf := range []string{" province", " municipality", " city", " autonomous region"} {
		s = strings.TrimSuffix(s, suf)
	}
	if c, ok := provinceAliases[s]; ok {
		s = strings.ToLower(c)
	}
	zh := strings.TrimSpace(name)
	for _, suf := range []string{"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"} {
		zh = strings.TrimSuffix(zh, suf)
	}
	for _, t := range provinceTiles {
		if strings.ToLower(t.Name) == s || strings.ToLower(t.Code) == s || t.NameZH == zh {
			return t, true
		}
	}
	return ProvinceTile{}, false
}

// ProvinceValue is the value of one province-level unit in
// ProvinceTileMap.
type ProvinceValue struct {
	// Province names the unit; see LookupProvince.
	Province string
	// Value is finite and not negative, such as an amount in CNY.
	Value float64
}

// ProvinceTileMap returns a tile-grid map of the 31 province-level units
// of mainland China (ProvinceTiles): each unit is a square tile in its grid
// position, filled by its value on a sequential colour scale, with a colour
// bar that names the quantity (legend, for example "Amount (CNY)"). Units
// without a value are empty tiles, outlined. A tile map gives every unit
// the same area, so small units with large values are not lost, at the cost
// of shape and exact position.
//
// The scale is viridis (van der Walt and Smith, matplotlib 2015), from dark
// purple (zero) to yellow (the largest value): perceptually uniform,
// readable in greyscale and under the common colour-vision deficiencies.
// Each tile shows the unit's ISO 3166-2:CN code (its Chinese short name
// with LangZH, the code over the name with LangBoth, shrunk to fit the tile) and, where it has a value, the value
// (formatted as the bar labels: "2.71 M", "271万").
//
// Values that repeat a unit are added together. It is an error if a
// province is not one of the 31 units, or a value is negative or not
// finite. The default size is SingleColumn by 80 mm.
func ProvinceTileMap(title string, values []ProvinceValue, legend string, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return provinceTileMap(title, values, legend, o) })
}

func provinceTileMap(title string, values []ProvinceValue, legend string, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	vals := map[string]float64{}
	for _, v := range values {
		t, ok := LookupProvince(v.Province)
		if !ok {
			return nil, fmt.Errorf("plots: %q is not one of the 31 province-level units of mainland China", v.Province)
		}
		if !finite(v.Value) || v.Value < 0 {
			return nil, fmt.Errorf("plots: province %s: bad value %v", v.Province, v.Value)
		}
		vals[t.Code] += v.Value
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	fig, err := newFigure(title, opts, fs, SingleColumn, 80*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	tm := &tileMap{vals: vals, labels: map[string]string{}, format: fs.formatAmount}
	var all []string
	for _, t := range provinceTiles {
		tm.labels[t.Code] = fs.pick(t.Code, t.NameZH, "\n")
		all = append(all, tm.labels[t.Code])
	}
	if tm.labelStyle, err = fs.style(strings.Join(all, ""), TickSize, false); err != nil {
		return nil, err
	}
	if tm.valueStyle, err = fs.style("0123456789.kM"+fs.formatAmount(1e4), MinTextSize+0.5, false); err != nil {
		return nil, err
	}
	legend = strings.TrimSpace(legend)
	if tm.legendStyle, err = fs.style(legend+"0123456789"+fs.formatAmount(1e4), TickSize, false); err != nil {
		return nil, err
	}
	tm.legend = legend
	for _, v := range vals {
		tm.max = math.Max(tm.max, v)
	}
	noData := fs.pick("No data", "无数据", " / ")
	if tm.noDataStyle, err = fs.style(noData, TickSize, false); err != nil {
		return nil, err
	}
	tm.noData = noData
	p := plot.New()
	p.HideAxes()
	p.BackgroundColor = nil
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(tm)
	fig.Panels = [][]*plot.Plot{{p}}
	fig.finish(fs)
	return fig, nil
}

// tileMap draws the tiles and the colour bar.
type tileMap struct {
	format                                           func(float64) string // amounts: fontSet.formatAmount
	vals                                             map[string]float64
	labels                                           map[string]string
	max                                              float64
	legend, noData                                   string
	labelStyle, valueStyle, legendStyle, noDataStyle text.Style
}

// viridis are 9 evenly spaced colours of the viridis map.
var viridis = [9]color.RGBA{
	{0x44, 0x01, 0x54, 0xff}, {0x47, 0x2d, 0x7b, 0xff}, {0x3b, 0x52, 0x8b, 0xff},
	{0x2c, 0x72, 0x8e, 0xff}, {0x21, 0x91, 0x8c, 0xff}, {0x28, 0xae, 0x80, 0xff},
	{0x5e, 0xc9, 0x62, 0xff}, {0xad, 0xdc, 0x30, 0xff}, {0xfd, 0xe7, 0x25, 0xff},
}

// SequentialColor returns the colour of t in [0, 1] (clamped) on the
// sequential scale of ProvinceTileMap (viridis, linearly interpolated
// between nine stops).
func SequentialColor(t float64) color.Color {
	if math.IsNaN(t) || t < 0 {
		t = 0
	}
	t = math.Min(t, 1)
	x := t * float64(len(viridis)-1)
	i := int(math.Floor(x))
	if i >= len(viridis)-1 {
		return viridis[len(viridis)-1]
	}
	f := x - float64(i)
	a, b := viridis[i], viridis[i+1]
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p)*(1-f) + float64(q)*f)) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// Plot implements plot.Plotter.
func (tm *tileMap) Plot(c draw.Canvas, _ *plot.Plot) {
	const rows, cols = 8, 7
	barH := tm.legendStyle.Height("0")*2 + 12
	area := c.Rectangle
	area.Min.Y += barH
	cell := min((area.Max.X-area.Min.X)/cols, (area.Max.Y-area.Min.Y)/rows)
	x0 := area.Min.X + (area.Max.X-area.Min.X-cell*cols)/2
	y0 := area.Max.Y
	gap := cell * 0.06
	for _, t := range provinceTiles {
		r := vg.Rectangle{
			Min: vg.Point{X: x0 + vg.Length(t.Col)*cell + gap/2, Y: y0 - vg.Length(t.Row+1)*cell + gap/2},
			Max: vg.Point{X: x0 + vg.Length(t.Col+1)*cell - gap/2, Y: y0 - vg.Length(t.Row)*cell - gap/2},
		}
		v, has := tm.vals[t.Code]
		ink := color.Color(inkColor)
		if has {
			frac := 0.0
			if tm.max > 0 {
				frac = v / tm.max
			}
			c.SetColor(SequentialColor(frac))
			c.Fill(r.Path())
			if frac < 0.6 {
				ink = colorWhite
			}
		} else {
			c.SetColor(colorWhite)
			c.Fill(r.Path())
		}
		c.SetLineStyle(draw.LineStyle{Color: gridColor, Width: 0.6})
		if !has {
			c.SetLineStyle(draw.LineStyle{Color: mutedColor, Width: 0.4})
		}
		c.Stroke(r.Path())
		mid := vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}
		ls := tm.labelStyle
		ls.Color = ink
		ls.XAlign, ls.YAlign = text.XCenter, text.YCenter
		label := tm.labels[t.Code]
		// Shrink a label that is wider than its tile (a code with a
		// Chinese name at a single-column width), or whose lines and
		// value are taller than the tile.
		valueH := vg.Length(0)
		if has {
			valueH = tm.valueStyle.Height("0")
		}
		for (maxLineWidth(ls, label) > r.Max.X-r.Min.X-1.5 || ls.Height(label)+valueH > r.Max.Y-r.Min.Y-1) && ls.Font.Size > MinTextSize-1 {
			ls.Font.Size -= 0.5
		}
		if has {
			ls.YAlign = text.YBottom
			c.FillText(ls, vg.Point{X: mid.X, Y: mid.Y - 0.5}, label)
			vs := tm.valueStyle
			vs.Color = ink
			vs.XAlign, vs.YAlign = text.XCenter, text.YTop
			c.FillText(vs, vg.Point{X: mid.X, Y: mid.Y - 1}, tm.format(v))
		} else {
			ls.Color = mutedColor
			c.FillText(ls, mid, label)
		}
	}
	// Colour bar, bottom left, with ticks at 0, half and the maximum, and
	// a "no data" swatch to its right.
	ls := tm.legendStyle
	bw := min(c.Max.X-c.Min.X-60, 110)
	bx, by, bh := c.Min.X+4, c.Min.Y+ls.Height("0")+6, vg.Length(6)
	const steps = 64
	for i := range steps {
		r := vg.Rectangle{Min: vg.Point{X: bx + bw*vg.Length(i)/steps, Y: by}, Max: vg.Point{X: bx + bw*vg.Length(i+1)/steps + 0.3, Y: by + bh}}
		c.SetColor(SequentialColor((float64(i) + 0.5) / steps))
		c.Fill(r.Path())
	}
	c.SetLineStyle(draw.LineStyle{Color: inkColor, Width: 0.4})
	c.Stroke(vg.Rectangle{Min: vg.Point{X: bx, Y: by}, Max: vg.Point{X: bx + bw, Y: by + bh}}.Path())
	ts := ls
	ts.XAlign, ts.YAlign = text.XCenter, text.YTop
	for _, f := range []float64{0, 0.5, 1} {
		x := bx + bw*vg.Length(f)
		c.StrokeLine2(draw.LineStyle{Color: inkColor, Width: 0.4}, x, by, x, by-2)
		c.FillText(ts, vg.Point{X: x, Y: by - 2.5}, tm.format(f*tm.max))
	}
	if tm.legend != "" {
		hs := ls
		hs.XAlign, hs.YAlign = text.XLeft, text.YBottom
		c.FillText(hs, vg.Point{X: bx, Y: by + bh + 2}, tm.legend)
	}
	sw := vg.Rectangle{Min: vg.Point{X: bx + bw + 12, Y: by}, Max: vg.Point{X: bx + bw + 12 + bh*1.4, Y: by + bh}}
	c.SetColor(colorWhite)
	c.Fill(sw.Path())
	c.SetLineStyle(draw.LineStyle{Color: mutedColor, Width: 0.4})
	c.Stroke(sw.Path())
	ns := tm.noDataStyle
	ns.XAlign, ns.YAlign = text.XLeft, text.YCenter
	c.FillText(ns, vg.Point{X: sw.Max.X + 3, Y: by + bh/2}, tm.noData)
}
