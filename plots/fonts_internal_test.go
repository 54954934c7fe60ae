package plots

import (
	"strings"
	"testing"
)

// TestFallbackWithoutCJKFont hides the system fonts: LangZH must then give
// English labels and a warning, never missing-glyph boxes.
func TestFallbackWithoutCJKFont(t *testing.T) {
	saved := cjkFontCandidates
	cjkFontCandidates = []string{"/nonexistent/font.ttc"}
	t.Cleanup(func() { cjkFontCandidates = saved })

	f, err := ContractsByCategory("Contracts", []Category{{Label: "Public security", LabelZH: "公安", Count: 1, Amount: 1}},
		Options{Lang: LangZH, Source: "Source: test"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], "no CJK font found") || !strings.Contains(f.Warnings[0], "--font FILE") || strings.Contains(f.Warnings[0], "Options.") {
		t.Fatalf("Warnings = %q", f.Warnings)
	}
	if f.usesCJK {
		t.Error("figure uses a CJK font after falling back")
	}
	if got := f.Panels[0][0].Y.Tick.Marker.Ticks(0, 1)[0].Label; got != "Public security" {
		t.Errorf("category label = %q, want English", got)
	}
}
