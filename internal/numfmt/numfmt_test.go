package numfmt

import (
	"math"
	"testing"
)

func TestReadable(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{1, "1"},
		{46.00000000000004, "46"},
		{0.000999000999000999, "0.000999"},
		{0.0001, "0.0001"},
		{0.00009999, "9.999e-05"},
		{2.012082005546845e-238, "2.012e-238"},
		{3.241485e+08, "324,148,500"},
		{-3.241485e+08, "-324,148,500"},
		{1234.5, "1,234"}, // 4 significant digits
		{1234.56789, "1,235"},
		{123.456, "123.5"},
		{9999.7, "10,000"},
		{12345.6, "12,346"},
		{0.123456, "0.1235"},
		{-0.5, "-0.5"},
		{1e15, "1e+15"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "∞"},
		{math.Inf(-1), "-∞"},
	} {
		if got := Readable(c.x); got != c.want {
			t.Errorf("Readable(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}

func TestSig(t *testing.T) {
	for _, c := range []struct {
		x    float64
		n    int
		want string
	}{
		{3.14159, 3, "3.14"},
		{3.14159, 0, "3"},
		{123456, 3, "123456"},
		{0.000123456, 2, "0.00012"},
	} {
		if got := Sig(c.x, c.n); got != c.want {
			t.Errorf("Sig(%v, %d) = %q, want %q", c.x, c.n, got, c.want)
		}
	}
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{
		"8270500.00": "8,270,500.00",
		"-1234":      "-1,234",
		"+1234567":   "+1,234,567",
		"123":        "123",
		"1000":       "1,000",
		"0.5":        "0.5",
		"12.":        "12.",
		"":           "",
		"abc":        "abc",
		"1e9":        "1e9",
		"12a45":      "12a45",
		"-":          "-",
		"NaN":        "NaN",
		"1234.5x":    "1234.5x",
	} {
		if got := Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWan(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{12345678, "1234.57万"},
		{3.2e8, "3.2亿"},
		{10000, "1万"},
		{-25000, "-2.5万"},
		{9999, "9,999"},
		{0.5, "0.5"},
	} {
		if got := Wan(c.x); got != c.want {
			t.Errorf("Wan(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}

func TestWanDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"8270500.00": "827.05万",
		"2620000.00": "262万",
		"123456789":  "1.23亿",
		"125000":     "12.5万",
		"15000.005":  "1.5万",
		"9999.99":    "9,999.99",
		"-20000":     "-2万",
		"x":          "x",
		"1e9":        "1e9",
		"1/3":        "1/3",
	} {
		if got := WanDecimal(in); got != want {
			t.Errorf("WanDecimal(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzGroup(f *testing.F) {
	for _, s := range []string{"8270500.00", "-1", "", "x.y", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := Group(s)
		if len(g) < len(s) {
			t.Fatalf("Group(%q) = %q lost characters", s, g)
		}
		_ = WanDecimal(s)
	})
}
