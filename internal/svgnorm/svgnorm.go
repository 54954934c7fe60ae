// Package svgnorm normalises SVG documents for golden tests of figures:
// one line per element, numbers rounded, ids and font data dropped, so
// that two renderings of the same figure compare equal while a change of
// a shape, a path, a position, a colour or a text does not.
package svgnorm

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// svgNumber matches the numbers of SVG attributes.
var svgNumber = regexp.MustCompile(`-?\d+(?:\.\d+)?(?:e-?\d+)?`)

// roundNumbers rounds every number in s to 0.1 (no "-0.0").
func roundNumbers(s string) string {
	return svgNumber.ReplaceAllStringFunc(s, func(n string) string {
		v, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return n
		}
		v = math.Round(v*10) / 10
		if v == 0 {
			v = 0
		}
		return strconv.FormatFloat(v, 'f', 1, 64)
	})
}

// normStyle keeps the properties of an SVG style that matter, with the
// first font family only (the fallbacks are fixed) and numbers rounded.
func normStyle(style string) string {
	var out []string
	for _, prop := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(prop, ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "font-family":
			v = strings.Trim(strings.SplitN(v, ",", 2)[0], "'\"")
		case "font-variant", "font-style":
			if v == "normal" {
				continue
			}
		}
		if strings.HasPrefix(v, "#") { // a colour
			out = append(out, k+":"+v)
			continue
		}
		out = append(out, k+":"+roundNumbers(v))
	}
	return strings.Join(out, ";")
}

// Normalize returns a line per element of the SVG document svg, in
// document order, indented two spaces per level: the element's name, its
// attributes sorted by name, and its text content, if any, quoted.
// Numbers in attributes are rounded to 0.1 (the unit of the document,
// points for gonum's SVG), "-0.0" written "0.0"; a style keeps its
// properties but the first font family only (the fallback list is fixed)
// and leaves out font-variant and font-style when "normal"; colours
// ("#RRGGBB") are kept as they are. id and xmlns attributes and the
// content of style and font-face elements (embedded font data) are
// dropped. It returns the first error of the XML decoder, so malformed
// input is an error, never a panic.
func Normalize(svg []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var b strings.Builder
	depth := 0
	var open []string // line of each open element, written at its end with its text
	var text []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) > 0 && open[len(open)-1] != "" {
				b.WriteString(open[len(open)-1] + "\n")
				open[len(open)-1] = ""
			}
			line := strings.Repeat("  ", depth) + t.Name.Local
			attrs := slices.Clone(t.Attr)
			slices.SortFunc(attrs, func(a, c xml.Attr) int { return strings.Compare(a.Name.Local, c.Name.Local) })
			for _, a := range attrs {
				switch {
				case a.Name.Local == "id" || a.Name.Space == "xmlns" || a.Name.Local == "xmlns":
					continue
				case a.Name.Local == "style":
					line += " style=" + normStyle(a.Value)
				default:
					line += " " + a.Name.Local + "=" + roundNumbers(a.Value)
				}
			}
			open = append(open, line)
			text = append(text, "")
			depth++
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1] += string(t)
			}
		case xml.EndElement:
			depth--
			line, txt := open[len(open)-1], strings.TrimSpace(text[len(text)-1])
			open, text = open[:len(open)-1], text[:len(text)-1]
			if t.Name.Local == "style" || t.Name.Local == "font-face" {
				continue // embedded font data
			}
			if line != "" {
				if txt != "" {
					line += fmt.Sprintf(" text=%q", txt)
				}
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String(), nil
}

// Diff describes how the texts got and want differ, line by line: how
// many lines differ, and the first that does, with two lines of context
// from each; "no difference" if none.
func Diff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	first, n := -1, 0
	for i := range max(len(g), len(w)) {
		var a, c string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			c = w[i]
		}
		if a != c {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 {
		return "no difference"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d lines differ; first at line %d:\n", n, len(w), first+1)
	for i := max(0, first-2); i <= first+2; i++ {
		if i < len(w) {
			fmt.Fprintf(&b, "  want %4d: %s\n", i+1, w[i])
		}
		if i < len(g) {
			fmt.Fprintf(&b, "  got  %4d: %s\n", i+1, g[i])
		}
	}
	return b.String()
}
