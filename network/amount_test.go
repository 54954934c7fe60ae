package network

import (
	"errors"
	"testing"
)

func TestParseAmount(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Amount
		ok   bool
	}{
		{"470000.00", 47000000, true},
		{"470000", 47000000, true},
		{"662500.5", 66250050, true},
		{"0.05", 5, true},
		{"1,234,567.89", 123456789, true},
		{" 30000.00 ", 3000000, true},
		{"", 0, false},
		{"-5", 0, false},
		{"1.234", 0, false},
		{"1.", 0, false},
		{".5", 0, false},
		{"12,34", 0, false},
		{"1234,567", 0, false},
		{"1e5", 0, false},
		{"９９", 0, false},
		{"99999999999999999999", 0, false},
	} {
		got, err := ParseAmount(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrBadAmount) {
			t.Errorf("ParseAmount(%q) error %v does not wrap ErrBadAmount", tt.in, err)
		}
	}
}

func TestAmountString(t *testing.T) {
	for in, want := range map[Amount]string{0: "0.00", 5: "0.05", 47000000: "470000.00", -150: "-1.50"} {
		if got := in.String(); got != want {
			t.Errorf("Amount(%d).String() = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"470000.00", "1,234.5", "", "-1", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAmount(s)
		if err != nil {
			return
		}
		if a < 0 {
			t.Fatalf("negative amount %d from %q", a, s)
		}
		// The canonical form must parse back to the same amount.
		b, err := ParseAmount(a.String())
		if err != nil || a != b {
			t.Fatalf("round trip %q -> %s -> %d, %v", s, a, b, err)
		}
	})
}
