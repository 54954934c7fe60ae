package plots_test

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/plots"
)

// pdfStreams returns the content of every stream of a PDF file, inflated
// where it is compressed.
func pdfStreams(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("\nendstream"))
		if j < 0 {
			t.Fatal("PDF stream without endstream")
		}
		raw := rest[:j]
		rest = rest[j+len("\nendstream"):]
		if r, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			if b, err := io.ReadAll(r); err == nil {
				raw = b
			}
		}
		out = append(out, string(raw))
	}
	return out
}

var pdfShow = regexp.MustCompile(`\(((?:[^()\\]|\\.)*)\) ?Tj`)

// pdfText returns the strings a PDF shows as text (its Tj operators),
// one per line.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	var b strings.Builder
	for _, s := range pdfStreams(t, pdf) {
		for _, m := range pdfShow.FindAllStringSubmatch(s, -1) {
			b.WriteString(m[1] + "\n")
		}
	}
	return b.String()
}

var pdfSegment = regexp.MustCompile(`(?m) [mlcvy]$`)

// pdfCurves counts the path segments (m, l, c, v and y operators) a PDF
// draws.
func pdfCurves(t *testing.T, pdf []byte) int {
	t.Helper()
	n := 0
	for _, s := range pdfStreams(t, pdf) {
		n += len(pdfSegment.FindAllStringIndex(s, -1))
	}
	return n
}

// TestPDFShowsChinese draws every figure in Chinese and in both
// languages to PDF: the labels that are Chinese in SVG are outlines in
// PDF (curves that the English PDF has not), the PDF has none of the
// English-only axis words, it names no fallback to English in its
// warnings, and it is byte-identical when drawn again.
func TestPDFShowsChinese(t *testing.T) {
	path := cjkFont(t)
	for name, build := range figureCases() {
		if name == "graph" {
			continue // the network drawings are tested with their own code
		}
		en, err := build(plots.Options{Source: source})
		if err != nil {
			t.Fatal(err)
		}
		enPDF, err := en.Encode("pdf")
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []plots.Lang{plots.LangZH, plots.LangBoth} {
			f, err := build(plots.Options{Source: source, Lang: lang, FontPath: path})
			if err != nil {
				t.Fatalf("%s %s: %v", name, lang, err)
			}
			pdf, err := f.Encode("pdf")
			if err != nil {
				t.Fatalf("%s %s: %v", name, lang, err)
			}
			again, _ := f.Encode("pdf")
			if !bytes.Equal(pdf, again) {
				t.Errorf("%s %s: PDF not deterministic", name, lang)
			}
			for _, w := range f.Warnings {
				if strings.Contains(w, "PDF") || strings.Contains(w, "English") {
					t.Errorf("%s %s: warning %q", name, lang, w)
				}
			}
			if got, base := pdfCurves(t, pdf), pdfCurves(t, enPDF); got < base+20 {
				t.Errorf("%s %s: %d curve segments, English %d: the Chinese glyphs are not drawn", name, lang, got, base)
			}
			if lang == plots.LangZH {
				txt := pdfText(t, pdf)
				for _, w := range []string{"Number of contracts", "Amount (CNY)", "Signing date", "Share of", "Value of the statistic", "Cumulative share", "Degree k", "Score as a share", "Observed value", "Year (contracts)", "Samples"} {
					if strings.Contains(txt, w) {
						t.Errorf("%s zh: PDF text has %q (English fallback):\n%s", name, w, txt)
					}
				}
			}
		}
	}
}

// TestPDFTranslucentWhite checks that a translucent white (the halo
// behind panel notes) is white in PDF, not grey: vgpdf used to write the
// premultiplied components (0.851 for white at alpha 0xd9).
func TestPDFTranslucentWhite(t *testing.T) {
	f, err := figureCases()["implications"](plots.Options{Source: source})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := f.Encode("pdf")
	if err != nil {
		t.Fatal(err)
	}
	content := strings.Join(pdfStreams(t, pdf), "\n")
	if strings.Contains(content, "0.851 g") || !strings.Contains(content, "1.000 g") {
		t.Error("the white halo is written grey (premultiplied) in PDF")
	}
}
