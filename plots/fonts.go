package plots

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Lang selects the language of the labels in a figure.
type Lang string

// The label languages.
const (
	// LangEN draws English labels. It is the default.
	LangEN Lang = "en"
	// LangZH draws Chinese labels where the caller gives them and a CJK
	// font is available.
	LangZH Lang = "zh"
	// LangBoth draws "English / 中文" labels (or the two on separate lines
	// where there is room).
	LangBoth Lang = "both"
)

// ParseLang returns the Lang named by s: "en", "zh" or "both", ignoring
// case and surrounding space. The empty string is LangEN.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "en":
		return LangEN, nil
	case "zh":
		return LangZH, nil
	case "both":
		return LangBoth, nil
	}
	return "", fmt.Errorf("plots: unknown language %q (want en, zh or both)", s)
}

// Font is a typeface loaded from a font file by LoadFont and registered in
// gonum/plot's font.DefaultCache, so that text.Style{Font: f.Font(size)}
// draws with it.
type Font struct {
	// Path is the file the font was loaded from.
	Path string
	// Family is the family name recorded in the font, such as
	// "WenQuanYi Micro Hei". SVG output refers to the font by this name.
	Family string
	// Index is the font's index within a collection (TTC/OTC), 0 for a
	// single font file.
	Index int
	// Typeface is the name under which the font is registered.
	Typeface font.Typeface

	otf *opentype.Font
}

// Font returns the font description of f at the given size.
func (f *Font) Font(size vg.Length) font.Font {
	return font.Font{Typeface: f.Typeface, Size: size}
}

// HasGlyphs reports whether f has a glyph for every rune of s other than
// white space and control characters.
func (f *Font) HasGlyphs(s string) bool {
	return missingRune(f.otf, s) < 0
}

// missingRune returns the first rune of s (other than space and controls)
// that otf has no glyph for, or -1.
func missingRune(otf *opentype.Font, s string) rune {
	var buf sfnt.Buffer
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r < 0x20 {
			continue
		}
		idx, err := otf.GlyphIndex(&buf, r)
		if err != nil || idx == 0 {
			return r
		}
	}
	return -1
}

// registry holds the fonts loaded by LoadFont, keyed by cleaned path. It is
// the package's only global state.
var registry = struct {
	sync.Mutex
	byPath     map[string]*Font
	byTypeface map[font.Typeface]string
}{byPath: map[string]*Font{}, byTypeface: map[font.Typeface]string{}}

// LoadFont loads the TrueType or OpenType font in the file at path (a
// .ttf, .otf, or a .ttc/.otc collection) and registers it in
// font.DefaultCache. From a collection it takes the first face whose family
// name marks Simplified Chinese (" SC"), else the first face that is not a
// monospaced variant, else the first face. Fonts with unaligned tables
// (WenQuanYi Micro Hei and Zen Hei), which golang.org/x/image/font/sfnt
// rejects, are realigned in memory.
//
// Loading the same path again returns the same *Font without reading the
// file. A file that cannot be read or parsed is an error naming the file.
func LoadFont(path string) (*Font, error) {
	if path == "" {
		return nil, errors.New("plots: empty font path")
	}
	key := filepath.Clean(path)
	registry.Lock()
	defer registry.Unlock()
	if f, ok := registry.byPath[key]; ok {
		return f, nil
	}
	data, err := os.ReadFile(key)
	if err != nil {
		return nil, fmt.Errorf("plots: font %s: %w", path, err)
	}
	otf, idx, family, err := parseFont(data)
	if err != nil {
		if fixed, ferr := realignTables(data); ferr == nil {
			otf, idx, family, ferr = parseFont(fixed)
			if ferr == nil {
				err = nil
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("plots: font %s: cannot parse: %w", path, err)
	}
	tf := font.Typeface(family)
	if other, taken := registry.byTypeface[tf]; taken && other != key {
		tf = font.Typeface(family + " (" + filepath.Base(key) + ")")
	}
	f := &Font{Path: key, Family: family, Index: idx, Typeface: tf, otf: otf}
	font.DefaultCache.Add(font.Collection{{Font: font.Font{Typeface: tf}, Face: otf}})
	registry.byPath[key] = f
	registry.byTypeface[tf] = key
	return f, nil
}

// parseFont parses a font or collection and picks one face; see LoadFont.
func parseFont(data []byte) (*opentype.Font, int, string, error) {
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, 0, "", err
	}
	n := coll.NumFonts()
	if n == 0 {
		return nil, 0, "", errors.New("collection has no fonts")
	}
	var buf sfnt.Buffer
	type face struct {
		otf    *opentype.Font
		family string
	}
	faces := make([]face, n)
	for i := range n {
		otf, err := coll.Font(i)
		if err != nil {
			return nil, 0, "", fmt.Errorf("face %d: %w", i, err)
		}
		family, err := otf.Name(&buf, sfnt.NameIDFamily)
		if err != nil || family == "" {
			return nil, 0, "", fmt.Errorf("face %d has no family name", i)
		}
		faces[i] = face{otf, family}
	}
	isMono := func(f face) bool { return strings.Contains(f.family, "Mono") }
	if i := slices.IndexFunc(faces, func(f face) bool {
		return !isMono(f) && strings.HasSuffix(f.family, " SC")
	}); i >= 0 {
		return faces[i].otf, i, faces[i].family, nil
	}
	if i := slices.IndexFunc(faces, func(f face) bool { return !isMono(f) }); i >= 0 {
		return faces[i].otf, i, faces[i].family, nil
	}
	return faces[0].otf, 0, faces[0].family, nil
}

// cjkFontCandidates lists, in order of preference, the CJK fonts that
// Debian and Ubuntu packages install: fonts-noto-cjk, fonts-wqy-microhei,
// fonts-wqy-zenhei, fonts-arphic-uming and fonts-arphic-ukai.
var cjkFontCandidates = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
	"/usr/share/fonts/truetype/arphic/uming.ttc",
	"/usr/share/fonts/truetype/arphic/ukai.ttc",
}

// FindCJKFont returns the path of a CJK font installed in the usual system
// places, and whether one was found. It checks, in this order, the files of
// fonts-noto-cjk (/usr/share/fonts/opentype/noto/), fonts-wqy-microhei and
// fonts-wqy-zenhei (/usr/share/fonts/truetype/wqy/) and fonts-arphic-*
// (/usr/share/fonts/truetype/arphic/), and returns the first that LoadFont
// accepts and that has glyphs for common Chinese characters. It does not
// need fc-match.
func FindCJKFont() (path string, ok bool) {
	return findFont(cjkFontCandidates)
}

// cjkProbe is a sample of Chinese text that a usable CJK font must cover.
const cjkProbe = "公安企业政府中文"

func findFont(candidates []string) (string, bool) {
	for _, p := range candidates {
		st, err := os.Stat(p)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		if f, err := LoadFont(p); err == nil && f.HasGlyphs(cjkProbe) {
			return p, true
		}
	}
	return "", false
}

// fontSet chooses the language and the font of every string in one figure
// and collects the warnings about what it could not do.
type fontSet struct {
	lang     Lang  // effective language, after any fallback
	cjk      *Font // nil when no CJK font is in use
	latin    font.Face
	usedCJK  bool     // some text is drawn with the CJK font
	warnings []string // in the order they arose
}

// newFontSet applies the font policy of the package doc to opts.
func newFontSet(opts Options) (*fontSet, error) {
	lang, err := ParseLang(string(opts.Lang))
	if err != nil {
		return nil, err
	}
	fs := &fontSet{
		lang:  lang,
		latin: font.DefaultCache.Lookup(latinFamily, TickSize),
	}
	if opts.FontPath != "" {
		f, err := LoadFont(opts.FontPath)
		if err != nil {
			return nil, err
		}
		fs.cjk = f
	}
	if lang == LangEN || fs.cjk != nil {
		return fs, nil
	}
	path, ok := findFont(cjkFontCandidates)
	if !ok {
		fs.warnf("plots: no CJK font found (install fonts-wqy-microhei or fonts-noto-cjk, or give a font file: --font FILE; FontPath in Go); labels are in English instead of %q", lang)
		fs.lang = LangEN
		return fs, nil
	}
	f, err := LoadFont(path)
	if err != nil {
		fs.warnf("%v; labels are in English", err)
		fs.lang = LangEN
		return fs, nil
	}
	fs.cjk = f
	return fs, nil
}

func (fs *fontSet) warnf(format string, args ...any) {
	w := fmt.Sprintf(format, args...)
	if !slices.Contains(fs.warnings, w) {
		fs.warnings = append(fs.warnings, w)
	}
}

// pick returns the label to draw for the English text en and the Chinese
// text zh, following the figure's language. sep joins the two for LangBoth.
// A Chinese text that the CJK font cannot draw is replaced by en, with a
// warning.
func (fs *fontSet) pick(en, zh, sep string) string {
	if fs.lang == LangEN || zh == "" || zh == en {
		return en
	}
	if r := missingRune(fs.cjk.otf, zh); r >= 0 {
		fs.warnf("plots: font %s has no glyph for %q in %q; English label used", fs.cjk.Path, r, zh)
		return en
	}
	if fs.lang == LangZH || en == "" {
		return zh
	}
	return en + sep + zh
}

// style returns a text style of the given size that can draw s: the theme's
// Latin font (Liberation Sans) when it has all the glyphs, else the CJK
// font. It returns an error rather than draw missing-glyph boxes.
func (fs *fontSet) style(s string, size vg.Length, bold bool) (text.Style, error) {
	sty := text.Style{Color: inkColor, Handler: plot.DefaultTextHandler, YAlign: text.YCenter}
	fnt := font.From(latinFamily, size)
	if bold {
		fnt.Weight = xfont.WeightBold
	}
	if missingRune(fs.latin.Face, s) >= 0 {
		if fs.cjk == nil {
			if path, ok := findFont(cjkFontCandidates); ok {
				if f, err := LoadFont(path); err == nil {
					fs.cjk = f
				}
			}
		}
		if fs.cjk == nil {
			return sty, fmt.Errorf("plots: no font can draw %q (give a font file that covers it: --font FILE; FontPath in Go)", s)
		}
		if r := missingRune(fs.cjk.otf, s); r >= 0 {
			return sty, fmt.Errorf("plots: font %s has no glyph for %q in %q", fs.cjk.Path, r, s)
		}
		fnt = fs.cjk.Font(size)
		fs.usedCJK = true
	}
	sty.Font = fnt
	return sty, nil
}
