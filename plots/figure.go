package plots

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a finished figure: a title, one or more panels laid out in a
// grid, and a source line, at a fixed physical size.
//
// The figure functions (ContractsByCategory, LayeredNetwork) return
// Figures; a caller may also build one from its own panels. A Figure is
// drawn as
//
//	title (bold, left-aligned, wrapped to the width)
//	panels, row-major, aligned with plot.Align
//	source line (small, grey, left-aligned, wrapped)
type Figure struct {
	// Title is drawn at the top. It may be empty.
	Title string
	// Source names where the data come from, for example
	// "Source: NIDS Commentary No. 371, Figure 2". It is mandatory:
	// rendering a figure without one is an error.
	Source string
	// Panels holds the plots, row-major: Panels[row][col]. Rows must all
	// have the same length; a nil entry leaves its tile empty.
	Panels [][]*plot.Plot
	// Width and Height are the physical size. Zero means SingleColumn by
	// SingleColumnHeight.
	Width, Height vg.Length
	// DPI is the resolution of PNG output; zero means DefaultDPI.
	DPI int
	// Warnings lists what the figure could not do as asked, for example
	// Chinese labels requested without a CJK font. Each starts with
	// "plots: ".
	Warnings []string

	titleStyle, sourceStyle text.Style
	hasStyles               bool

	// usesCJK is set when some text is drawn with a CJK font.
	usesCJK bool
	// cjkFamilies are the family names that SVG output should back with
	// a list of common CJK fonts.
	cjkFamilies []string
}

// PageHeight is the tallest that a figure is drawn by default: the
// height of a journal page's text block. A figure whose data would need
// more (a network of hundreds of parties) groups, truncates or splits
// them and says so, rather than stretch.
const PageHeight = 240 * vg.Millimeter

// Layout constants of a Figure.
const (
	figMargin = 6 // pt, around the whole figure
	figGap    = 4 // pt, between title, panels and source line
	tilePadX  = 10
	tilePadY  = 8
)

func (f *Figure) size() (w, h vg.Length) {
	w, h = f.Width, f.Height
	if w <= 0 {
		w = SingleColumn
	}
	if h <= 0 {
		h = SingleColumnHeight
	}
	return w, h
}

func (f *Figure) styles() (title, source text.Style) {
	if f.hasStyles {
		return f.titleStyle, f.sourceStyle
	}
	fs := &fontSet{lang: LangEN}
	title, _ = fs.style("", TitleSize, true)
	source, _ = fs.style("", SourceSize, false)
	source.Color = mutedColor
	return title, source
}

func (f *Figure) validate() error {
	if strings.TrimSpace(f.Source) == "" {
		return errors.New("plots: figure has no source line (set Options.Source or Figure.Source)")
	}
	if len(f.Panels) == 0 || len(f.Panels[0]) == 0 {
		return errors.New("plots: figure has no panels")
	}
	for i, row := range f.Panels {
		if len(row) != len(f.Panels[0]) {
			return fmt.Errorf("plots: panel row %d has %d panels, want %d", i, len(row), len(f.Panels[0]))
		}
	}
	if w, h := f.size(); w < 2*figMargin+20 || h < 2*figMargin+20 {
		return fmt.Errorf("plots: figure size %v × %v is too small", w, h)
	}
	return nil
}

// Draw draws the figure on c. It panics only if a panel does; WriteTo and
// Save turn such a panic into an error.
func (f *Figure) Draw(c draw.Canvas) {
	ts, ss := f.styles()
	c.SetColor(colorWhite)
	c.Fill(c.Rectangle.Path())

	inner := draw.Crop(c, figMargin, -figMargin, figMargin, -figMargin)
	width := inner.Max.X - inner.Min.X

	top := inner.Max.Y
	if f.Title != "" {
		lines := balancedWrap(ts, f.Title, width)
		ts.YAlign = text.YTop
		inner.FillText(ts, vg.Point{X: inner.Min.X, Y: top}, lines)
		top -= ts.Height(lines) + figGap
	}
	bottom := inner.Min.Y
	if f.Source != "" {
		lines := wrapText(ss, f.Source, width)
		ss.YAlign = text.YBottom
		inner.FillText(ss, vg.Point{X: inner.Min.X, Y: bottom}, lines)
		bottom += ss.Height(lines) + figGap
	}
	area := inner
	area.Min.Y, area.Max.Y = bottom, top
	tiles := draw.Tiles{
		Rows: len(f.Panels), Cols: len(f.Panels[0]),
		PadX: tilePadX, PadY: tilePadY,
	}
	canvases := plot.Align(f.Panels, tiles, area)
	for i, row := range f.Panels {
		for j, p := range row {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
}

// render draws the figure on a fresh canvas of the given format and returns
// the encoded bytes.
func (f *Figure) render(format string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("plots: rendering %s failed: %v", format, r)
		}
	}()
	w, h := f.size()
	var cw vg.CanvasWriterTo
	switch format {
	case "svg":
		cw = vgsvg.New(w, h)
	case "png":
		dpi := f.DPI
		if dpi <= 0 {
			dpi = DefaultDPI
		}
		cw = kernedPNG{vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))}}
	case "pdf":
		cw = outlinePDF{vgpdf.New(w, h)}
		// vgpdf registers each font under its full name but selects bold
		// with a style flag, so bold text fails; the PDF title is regular.
		g := *f
		g.titleStyle, g.sourceStyle = f.styles()
		g.titleStyle.Font.Weight = xfont.WeightNormal
		g.hasStyles = true
		f = &g
	default:
		return nil, fmt.Errorf("plots: unknown format %q (want svg, png or pdf)", format)
	}
	f.Draw(draw.New(cw))
	var buf bytes.Buffer
	if _, err := cw.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("plots: writing %s: %w", format, err)
	}
	out = buf.Bytes()
	switch format {
	case "svg":
		out = f.svgFontFallbacks(out)
	case "pdf":
		out = pdfDates.ReplaceAll(out, []byte("${1}(D:20000101000000)"))
	}
	return out, nil
}

// pdfDates matches the timestamps that the PDF writer takes from the clock;
// they are pinned so that PDF output is reproducible.
var pdfDates = regexp.MustCompile(`(/(?:Creation|Mod)Date )\(D:\d{14}\)`)

// svgFontFallbacks adds generic fallbacks to the font-family references
// that vgsvg writes. SVG text names its font and is drawn by the viewer's
// fonts.
func (f *Figure) svgFontFallbacks(svg []byte) []byte {
	// Fonts are not embedded: a CJK font is 5–20 MB, which would be
	// copied into every file, and any viewer with a CJK font draws the
	// text.
	svg = bytes.ReplaceAll(svg,
		[]byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
	for _, fam := range f.cjkFamilies {
		svg = bytes.ReplaceAll(svg,
			[]byte("font-family:"+fam+";"),
			[]byte("font-family:'"+fam+"','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif;"))
	}
	return svg
}

// WriteTo writes the figure to w in the given format: "svg", "png" or
// "pdf". The figure is rendered completely before anything is written,
// so a failed render writes nothing.
//
// PNG is rendered at f.DPI (DefaultDPI if zero). SVG, PNG and PDF output
// are byte-identical for the same figure. In PDF, text that gonum's vgpdf
// cannot encode (Chinese, and any text outside ASCII) is drawn as glyph
// outlines, so PDF shows the same labels as SVG and PNG (see outlinePDF).
func (f *Figure) WriteTo(w io.Writer, format string) error {
	data, err := f.Encode(format)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("plots: writing %s: %w", format, err)
	}
	return nil
}

// Encode returns the figure encoded in the given format; see WriteTo.
func (f *Figure) Encode(format string) ([]byte, error) {
	format = strings.ToLower(format)
	if err := f.validate(); err != nil {
		return nil, err
	}
	return f.render(format)
}

// Save writes the figure to the file at path, in the format given by the
// extension: .svg, .png or .pdf (any case). Any other extension is an
// error. The figure is written to a temporary file in the same directory,
// which is then renamed to path, so path is either left as it was or
// replaced by the complete figure.
func (f *Figure) Save(path string) error {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	switch format {
	case "svg", "png", "pdf":
	default:
		return fmt.Errorf("plots: cannot save %s: unknown extension %q (want .svg, .png or .pdf)", path, filepath.Ext(path))
	}
	data, err := f.Encode(format)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place.
func writeFileAtomic(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	return nil
}

// panelGrid returns a figure of n panels in rows of cols, each row rowH
// high, and the number of columns it has: at a single-column width (under
// 120 mm) one panel a row, the rows shortened where needed to stay within
// MaxHeight. The figure's Panels are allocated, nil.
func panelGrid(title string, opts Options, fs *fontSet, n, cols int, rowH vg.Length) (*Figure, int, error) {
	if opts.Width > 0 && opts.Width < 120*vg.Millimeter {
		cols = 1
		rowH = min(rowH, (MaxHeight-12*vg.Millimeter)/vg.Length(n))
	}
	rows := (n + cols - 1) / cols
	fig, err := newFigure(title, opts, fs, DoubleColumn, vg.Length(rows)*rowH+12*vg.Millimeter)
	if err != nil {
		return nil, 0, err
	}
	fig.Panels = make([][]*plot.Plot, rows)
	for r := range fig.Panels {
		fig.Panels[r] = make([]*plot.Plot, cols)
	}
	return fig, cols, nil
}
