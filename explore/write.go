package explore

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/ecosys-sna/ecosys/plots"
)

// The viewer: a script and a style sheet written for ecosys (no
// third-party code), inlined into every page.
var (
	//go:embed viewer.js
	viewerJS string
	//go:embed viewer.css
	viewerCSS string
)

// Write writes the explorer page of data to w: one self-contained HTML
// file with an inline style sheet, an inline script and the data as JSON
// in a <script type="application/json"> element, that works from file://
// and requests nothing over the network.
//
// The page draws each network of data as SVG at the positions the
// builders computed (no layout runs in the browser), with pan and zoom,
// the neighbours of the node under the pointer highlighted, the citations
// of a node's or tie's relations on click, filters by reliability grade,
// case, relation family and date, a search over every name and alias,
// and a switch between networks.
//
// The interface is in the language data.Lang (plots.LangEN for "" or an
// unknown value): the static part of the page is written in it here, and
// the phrases the script needs (Phrases, resolved for the language) go
// into the JSON data element as "text", which the script inserts as
// text. The page is marked lang="zh-Hans" in Chinese, "en" otherwise.
//
// Data are untrusted: the script inserts every name, alias and citation
// as text (textContent, never as HTML), and shows a URL as a link only if
// its scheme is http or https. The JSON is written by encoding/json,
// which escapes <, > and & (so "</script>" in a name cannot end the
// element) and U+2028 and U+2029. A Content-Security-Policy allows only
// the page's own script and style (by their SHA-256), and no request.
//
// The same data give the same bytes: nothing depends on the time or on
// map order (the builders sort what they return). It is an error if data
// has no network or a tie names a missing node.
func Write(w io.Writer, data Data) error {
	if len(data.Networks) == 0 {
		return errors.New("explore: no network to show")
	}
	for _, n := range data.Networks {
		for i, t := range n.Ties {
			if t.From < 0 || t.From >= len(n.Nodes) || t.To < 0 || t.To >= len(n.Nodes) {
				return fmt.Errorf("explore: network %s: tie %d names a missing node", n.ID, i)
			}
		}
	}
	if data.Sources == nil {
		data.Sources = []Source{}
	}
	if data.Cases == nil {
		data.Cases = []Case{}
	}
	lang := data.Lang
	if lang != plots.LangZH && lang != plots.LangBoth {
		lang = plots.LangEN
	}
	// The interface text goes with the data, in the same element: the
	// script reads it from there and inserts it as text.
	js, err := json.Marshal(struct {
		Data
		Text map[string]string `json:"text"`
	}{data, pageText(lang)})
	if err != nil {
		return fmt.Errorf("explore: %w", err)
	}
	title := data.Title
	if title == "" {
		title = "ecosys"
	}
	htmlLang := "en"
	if lang == plots.LangZH {
		htmlLang = "zh-Hans"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", htmlLang)
	fmt.Fprintf(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '%s'; style-src '%s'\">\n", hash(viewerJS), hash(viewerCSS))
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s — %s</title>\n", html.EscapeString(title), html.EscapeString(say(lang, "explorer")))
	b.WriteString("<style>" + viewerCSS + "</style>\n</head>\n<body>\n")
	b.WriteString(skeleton(lang))
	b.WriteString("<script type=\"application/json\" id=\"explorer-data\">")
	b.Write(js)
	b.WriteString("</script>\n<script>" + viewerJS + "</script>\n</body>\n</html>\n")
	_, err = w.Write(b.Bytes())
	return err
}

// hash returns the CSP source of an inline script or style.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// skeleton returns the static part of the page in the language lang;
// the script fills it.
func skeleton(lang plots.Lang) string {
	return skeletonRe.ReplaceAllStringFunc(skeletonText, func(m string) string {
		return html.EscapeString(say(lang, m[2:len(m)-2]))
	})
}

// skeletonRe matches the {{key}} places of skeletonText, filled with the
// phrase of key (Phrases).
var skeletonRe = regexp.MustCompile(`\{\{[a-z.]+\}\}`)

var skeletonText = strings.TrimLeft(`
<noscript><p>{{noscript}}</p></noscript>
<div id="app">
<header><h1 id="title"></h1><div id="networks" role="tablist" aria-label="{{network}}"></div><p id="note" class="note"></p></header>
<aside id="controls">
<label for="search">{{search}}</label>
<input id="search" type="search" autocomplete="off" placeholder="{{search.placeholder}}">
<ol id="results"></ol>
<fieldset id="f-grade"><legend>{{grade.legend}}</legend>
<label>{{grade.source}} <select id="grade-letter"></select></label>
<label>{{grade.information}} <select id="grade-digit"></select></label></fieldset>
<fieldset id="f-case"><legend>{{case.legend}}</legend><select id="case"></select></fieldset>
<fieldset id="f-family"><legend>{{family.legend}}</legend><div id="families"></div></fieldset>
<fieldset id="f-date"><legend>{{date.legend}}</legend>
<label>{{date.from}} <input id="date-from" type="number" step="1"></label>
<label>{{date.to}} <input id="date-to" type="number" step="1"></label>
<label><input id="undated" type="checkbox" checked> {{date.undated}}</label></fieldset>
<button id="reset" type="button">{{reset}}</button>
<p id="counts" class="note"></p>
<div id="legend"></div>
</aside>
<main id="stage"><svg id="svg" role="img" aria-label="{{network}}"><g id="viewport"><g id="ties"></g><g id="nodes"></g><g id="labels"></g></g></svg>
<div id="zoom"><button id="zoom-in" type="button" aria-label="{{zoom.in}}">+</button><button id="zoom-out" type="button" aria-label="{{zoom.out}}">−</button><button id="zoom-fit" type="button">{{zoom.fit}}</button></div></main>
<section id="details" aria-live="polite"><p class="note">{{help.start}}</p></section>
</div>
`, "\n")
