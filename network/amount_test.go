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
		{"1.234,5", 0, false}, // German style: ambiguous
		{"1,2", 0, false},     // decimal comma or a cut thousands group: ambiguous
		{"1,234.5,6", 0, false},
		{"1 000", 0, false},
		{"1..5", 0, false},
		// Full-width digits and punctuation (foldWidth).
		{"９９", 9900, true},
		{"４７００００．００", 47000000, true},
		{"４７０，０００．５", 47000050, true},
		{"\u3000470000\u3000", 47000000, true}, // ideographic spaces
		{"１，２", 0, false},
		{"１．２３４", 0, false},
		{"²", 0, false}, // NFKC would read a superscript two as 2
		{"①", 0, false},
		{"½", 0, false},
		// Currency marks.
		{"¥470,000", 47000000, true},
		{"￥470000.00", 47000000, true},
		{"￥ 470000", 47000000, true},
		{"470000元", 47000000, true},
		{"470000 元", 47000000, true},
		{"CNY 470,000.00", 47000000, true},
		{"cny470000", 47000000, true},
		{"470000 RMB", 47000000, true},
		{"RMB470000", 47000000, true},
		{"ＲＭＢ１００", 10000, true},
		{"¥470000元", 0, false}, // two marks
		{"470000¥", 0, false},  // ¥ only before the number
		{"元470000", 0, false},  // 元 only after it
		{"USD 470000", 0, false},
		{"¥", 0, false},
		{"元", 0, false},
		{"¥-5", 0, false},
		// Units 万 (10^4) and 亿 (10^8), in exact decimal arithmetic.
		{"2.9万", 2900000, true}, // 29000.00 yuan
		{"2.9万元", 2900000, true},
		{"¥2.9万", 2900000, true},
		{"２．９万", 2900000, true},
		{"29 万", 29000000, true}, // 290000.00 yuan
		{"0.000001万", 1, true},   // one fen
		{"1.234567万", 1234567, true},
		{"1.2345678万", 0, false}, // below a fen
		{"1,234万", 1234000000, true},
		{"1.5亿", 15000000000, true}, // 150,000,000.00 yuan
		{"0.0000000001亿", 1, true},
		{"0.00000000001亿", 0, false},
		{"3亿元", 30000000000, true},
		{"万", 0, false},
		{"2万亿", 0, false},
		{"2亿万", 0, false},
		{"1e5万", 0, false},
		{"922337203685亿", 0, false}, // over maxAmount
		{"92233720368547757.99", maxAmount, true},
		{"92233720368547758", 0, false},
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
	for _, s := range []string{"470000.00", "1,234.5", "", "-1", "1.2.3",
		"¥470,000", "2.9万元", "１．５亿", "CNY 1,000.5", "１，２", "0.000001万"} {
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
