package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
)

// Options are the settings shared by all figure functions.
type Options struct {
	// Lang is the label language: LangEN (also the zero value), LangZH or
	// LangBoth. Chinese labels need a CJK font; see the package doc.
	Lang Lang
	// FontPath is a CJK font file (.ttf, .otf, .ttc) to use for Chinese
	// text. If empty, FindCJKFont is tried when Chinese text is needed.
	FontPath string
	// Source is the mandatory source line printed at the bottom, for
	// example "Source: NIDS Commentary No. 371, Figure 2".
	Source string
	// Width and Height are the figure size; zero means the figure's
	// default (documented with each figure function).
	Width, Height vg.Length
	// DPI is the PNG resolution; zero means DefaultDPI.
	DPI int
}

// check validates the fields shared by all figures.
func (o Options) check() error {
	if o.Source == "" {
		return fmt.Errorf("plots: Options.Source is empty; every figure needs a source line")
	}
	if o.Width < 0 || o.Height < 0 || math.IsNaN(float64(o.Width)) || math.IsNaN(float64(o.Height)) {
		return fmt.Errorf("plots: bad figure size %v × %v", o.Width, o.Height)
	}
	if o.DPI < 0 {
		return fmt.Errorf("plots: bad DPI %d", o.DPI)
	}
	return nil
}

// newFigure returns a Figure with the title, source, size and DPI of opts,
// the text styles chosen by fs, and the given default size.
func newFigure(title string, opts Options, fs *fontSet, defW, defH vg.Length) (*Figure, error) {
	f := &Figure{Title: title, Source: opts.Source, Width: opts.Width, Height: opts.Height, DPI: opts.DPI}
	if f.Width == 0 {
		f.Width = defW
	}
	if f.Height == 0 {
		f.Height = defH
	}
	var err error
	if f.titleStyle, err = fs.style(title, TitleSize, true); err != nil {
		return nil, err
	}
	if f.sourceStyle, err = fs.style(opts.Source, SourceSize, false); err != nil {
		return nil, err
	}
	f.sourceStyle.Color = mutedColor
	f.hasStyles = true
	return f, nil
}

// finish copies the font outcome of fs into f.
func (f *Figure) finish(fs *fontSet) {
	f.Warnings = append(f.Warnings, fs.warnings...)
	f.usesCJK = fs.usedCJK
	if fs.usedCJK && fs.cjk != nil {
		f.cjkFamilies = []string{fs.cjk.Family}
	}
}

// withEnglishFallback builds a figure with opts and, when it draws Chinese
// text, keeps a way to rebuild it in English for PDF output (see
// Figure.Encode).
func withEnglishFallback(opts Options, build func(Options) (*Figure, error)) (*Figure, error) {
	fig, err := build(opts)
	if err != nil {
		return nil, err
	}
	if fig.usesCJK {
		fig.english = func() (*Figure, error) {
			o := opts
			o.Lang = LangEN
			return build(o)
		}
	}
	return fig, nil
}
