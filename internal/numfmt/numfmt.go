// Package numfmt formats numbers for people: tables, markdown, HTML and
// figure labels. Machine formats (CSV, JSON) never use it; they keep full
// precision and no separators.
//
// The rules, in one place so that every table of ecosys reads the same:
//   - a float is shown to 4 significant digits, without the noise of binary
//     arithmetic (46.00000000000004 is "46");
//   - a magnitude of 10⁴ or more keeps its whole integral part (324148500
//     is "324,148,500", not 3.241e+08), up to 10¹⁵; beyond that, and below
//     10⁻⁴, scientific notation ("2.012e-238");
//   - integral parts of four digits or more are grouped in thousands;
//   - exact decimal strings (amounts in CNY) are grouped, never rounded;
//   - Chinese amounts read in 万 (10⁴) and 亿 (10⁸).
package numfmt

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Digits is the number of significant digits Readable keeps.
const Digits = 4

// Readable formats x for a table or a page: Digits significant digits, the
// integral part kept whole when |x| ≥ 10⁴ and grouped in thousands, and
// scientific notation when |x| < 10⁻⁴ or |x| ≥ 10¹⁵. NaN is "NaN" and the
// infinities are "∞" and "-∞".
func Readable(x float64) string {
	s, integral := sig(x, Digits)
	if integral {
		return Group(s)
	}
	return s
}

// Sig formats x with n significant digits (n < 1 is taken as 1) by the rules
// of Readable, without thousands separators.
func Sig(x float64, n int) string {
	s, _ := sig(x, n)
	return s
}

// sig reports whether the result is a plain decimal that may be grouped.
func sig(x float64, n int) (string, bool) {
	switch {
	case math.IsNaN(x):
		return "NaN", false
	case math.IsInf(x, 1):
		return "∞", false
	case math.IsInf(x, -1):
		return "-∞", false
	case x == 0:
		return "0", false
	}
	if n < 1 {
		n = 1
	}
	a := math.Abs(x)
	if a >= 1e15 || a < 1e-4 {
		return strconv.FormatFloat(x, 'g', n, 64), false
	}
	s := strconv.FormatFloat(x, 'g', n, 64)
	if strings.Contains(s, "e") {
		// A magnitude at or above 10ⁿ (or one that rounds up to it): the
		// integral part is kept whole rather than shown as 3.241e+08.
		return strconv.FormatFloat(math.Round(x), 'f', 0, 64), true
	}
	return s, true
}

// Group inserts a comma between each group of three digits of the integral
// part of a decimal string: "8270500.00" is "8,270,500.00" and "-1234" is
// "-1,234". A string that is not a plain decimal is returned unchanged.
func Group(s string) string {
	sign, rest := "", s
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "+") {
		sign, rest = rest[:1], rest[1:]
	}
	intPart, frac, hasFrac := strings.Cut(rest, ".")
	if intPart == "" || !digits(intPart) || (hasFrac && !digits(frac) && frac != "") {
		return s
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Wan formats x in the Chinese style for large numbers: in 亿 (10⁸) from 10⁸,
// in 万 (10⁴) from 10⁴, with at most two decimals and no trailing zeros
// (12345678 is "1234.57万", 3.2e8 is "3.2亿"); below 10⁴ as Readable.
func Wan(x float64) string {
	a := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || a < 1e4:
		return Readable(x)
	case a >= 1e8:
		return trim(strconv.FormatFloat(x/1e8, 'f', 2, 64)) + "亿"
	default:
		return trim(strconv.FormatFloat(x/1e4, 'f', 2, 64)) + "万"
	}
}

// WanDecimal is Wan for an exact decimal string such as an amount in CNY,
// computed in exact arithmetic and rounded half away from zero to two
// decimals of the unit. A string that is not a decimal is returned unchanged;
// below 10⁴ the string is returned grouped.
func WanDecimal(s string) string {
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "eE/") {
		return s
	}
	a := new(big.Rat).Abs(r)
	var unit *big.Rat
	var suffix string
	switch {
	case a.Cmp(big.NewRat(1e8, 1)) >= 0:
		unit, suffix = big.NewRat(1e8, 1), "亿"
	case a.Cmp(big.NewRat(1e4, 1)) >= 0:
		unit, suffix = big.NewRat(1e4, 1), "万"
	default:
		return Group(s)
	}
	return trim(new(big.Rat).Quo(r, unit).FloatString(2)) + suffix
}

// trim drops trailing zeros of a fixed-point string, and the point if
// nothing follows it.
func trim(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
