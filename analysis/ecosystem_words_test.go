package analysis

import (
	"strings"
	"testing"
)

// The verdict's paragraph names the reasons an implication does not bear
// without repeating the numbers its clause gives, and says "both" of two.
func TestSummarizeWords(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	share := func(name, favours, why string) ImplicationResult {
		return ImplicationResult{Name: name, Observed: f(0.5), Interval: &[2]float64{0.2, 0.8}, Units: 9, Favours: favours, Why: why}
	}
	for _, tt := range []struct {
		why, want string
	}{
		{"low (0.07, interval [0.00, 0.31]), which favours neither reading", "low, which favours neither reading"},
		{"high (0.93, interval [0.70, 1.00]), which favours neither reading", "high, which favours neither reading"},
		{"underpowered: power 0.12 against the alternative, below 0.8", "underpowered"},
		{"significant in the upper tail (Holm p = 0.002), which favours neither reading", "significant in the upper tail (Holm p = 0.002), which favours neither reading"},
		{"", ""},
	} {
		if got := whyNot(ImplicationResult{Why: tt.why}); got != tt.want {
			t.Errorf("whyNot(%q) = %q, want %q", tt.why, got, tt.want)
		}
	}
	for n, want := range map[int]string{2: "Two of the 3 implications bear on the reading, both in that direction", 3: "Three of the 3 implications bear on the reading, all in that direction"} {
		v := &EcosystemVerdict{Reading: Decentralized}
		for i := range 3 {
			favours := Neither
			if i < n {
				favours = Decentralized
			}
			v.Implications = append(v.Implications, share("s", favours, "low (0.50, interval [0.20, 0.80]), which favours neither reading"))
		}
		if got := summarize(v, variantRun{}); !strings.Contains(got, want) {
			t.Errorf("%d bearing: %q does not say %q", n, got, want)
		}
	}
}
