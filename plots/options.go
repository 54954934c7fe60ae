package plots

import (
	"fmt"
	"math"
	"strings"

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

	// notes are remarks a figure function adds to the source line, each
	// in English and Chinese (see appendNote).
	notes [][2]string
}

// appendNote returns the source line of o with a note that the figure
// adds, such as what it leaves out; the note is drawn in the figure's
// language.
func appendNote(o Options, en, zh string) Options {
	o.notes = append(append([][2]string(nil), o.notes...), [2]string{en, zh})
	return o
}

// sourceLine returns the source line of o with its notes in the language
// of fs; the English word "Source:" that starts it becomes "来源：" in
// Chinese (LangZH) and "Source / 来源：" with LangBoth.
func sourceLine(o Options, fs *fontSet) string {
	s := o.Source
	if rest, ok := strings.CutPrefix(s, "Source: "); ok {
		s = fs.pick("Source: ", "来源：", "") + rest
		if fs.lang == LangBoth {
			s = "Source / 来源：" + rest
		}
	}
	for _, n := range o.notes {
		end := ". " // Chinese ends a sentence with a full-width stop
		if fs.lang == LangZH {
			end = "。"
		}
		s = strings.TrimRight(s, ".。 ") + end + fs.pick(n[0], n[1], " ")
	}
	return s
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
	f := &Figure{Title: title, Source: sourceLine(opts, fs), Width: opts.Width, Height: opts.Height, DPI: opts.DPI}
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
	if f.sourceStyle, err = fs.style(f.Source, SourceSize, false); err != nil {
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

// withEnglishFallback builds a figure with opts. It once kept an English
// rebuild for PDF output, which could not show Chinese; PDF now draws
// Chinese as glyph outlines (outlinePDF), so it only calls build.
func withEnglishFallback(opts Options, build func(Options) (*Figure, error)) (*Figure, error) {
	return build(opts)
}
