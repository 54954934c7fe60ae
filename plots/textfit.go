package plots

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

var colorWhite = color.White

// wrapText breaks s at spaces into lines no wider than maxW, measured with
// sty's font metrics, and joins them with newlines. Explicit newlines in s
// are kept. A single word wider than maxW gets a line of its own. Chinese
// text without spaces is broken between runes.
func wrapText(sty text.Style, s string, maxW vg.Length) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(sty, para, maxW)...)
	}
	return strings.Join(out, "\n")
}

// balancedWrap is wrapText with lines of even length: it wraps s to the
// narrowest width that needs no more lines than maxW does, so that a
// title never ends in an orphan word ("…of the end" / "user").
func balancedWrap(sty text.Style, s string, maxW vg.Length) string {
	full := wrapText(sty, s, maxW)
	n := lineCount(full)
	if n < 2 {
		return full
	}
	lo, hi := maxW/vg.Length(n)*0.9, maxW
	best := full
	for range 20 {
		mid := (lo + hi) / 2
		if w := wrapText(sty, s, mid); lineCount(w) <= n && maxLineWidth(sty, w) <= maxW {
			best, hi = w, mid
		} else {
			lo = mid
		}
	}
	return best
}

// maxLineWidth returns the width of the widest line of s.
func maxLineWidth(sty text.Style, s string) vg.Length {
	w := vg.Length(0)
	for _, l := range strings.Split(s, "\n") {
		w = max(w, sty.Width(l))
	}
	return w
}

func wrapLine(sty text.Style, s string, maxW vg.Length) []string {
	if sty.Width(s) <= maxW {
		return []string{s}
	}
	return wrapWords(sty, splitWords(s), maxW)
}

// wrapWords joins the break units words (see splitWords) into lines no
// wider than maxW; a unit wider than maxW gets a line of its own.
func wrapWords(sty text.Style, words []string, maxW vg.Length) []string {
	var lines []string
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + w
		}
		if cur != "" && sty.Width(strings.TrimSpace(try)) > maxW {
			lines = append(lines, strings.TrimSpace(cur))
			cur = strings.TrimLeft(w, " ")
			continue
		}
		cur = try
	}
	if strings.TrimSpace(cur) != "" {
		lines = append(lines, strings.TrimSpace(cur))
	}
	return lines
}

// splitWords splits s into break units: a space-separated word keeps its
// leading space; each CJK rune is a unit of its own.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case r == ' ':
			flush()
			cur = append(cur, r)
		case isWide(r):
			flush()
			words = append(words, string(r))
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// isWide reports whether r is a CJK ideograph or punctuation, after which
// a line may be broken.
func isWide(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF
}

// truncateText shortens s with a trailing ellipsis until it is no wider
// than maxW.
func truncateText(sty text.Style, s string, maxW vg.Length) string {
	if sty.Width(s) <= maxW {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ,;") + "…"
		if sty.Width(t) <= maxW {
			return t
		}
	}
	return "…"
}

// lineCount returns the number of lines of s.
func lineCount(s string) int { return strings.Count(s, "\n") + 1 }
