package datasets

import "testing"

// TestSourceLine checks that the source line of figures comes from
// the data set's metadata and reads as the paper is cited.
func TestSourceLine(t *testing.T) {
	p, err := Meta()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.SourceLine(); got != "Source: NIDS Commentary No. 371 (GOTO and SETO 2025), Figure 2" {
		t.Errorf("SourceLine = %q", got)
	}
	if got := (Package{Title: "My data"}).SourceLine(); got != "Source: My data" {
		t.Errorf("no BibTeX: %q", got)
	}
	if got := (Package{}).SourceLine(); got != "" {
		t.Errorf("empty package: %q", got)
	}
}
