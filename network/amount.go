package network

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/internal/csvio"
)

// Amount is a sum of money in fen, hundredths of a yuan (CNY). Amounts are
// integers so that sums are exact: a ledger total never suffers float
// rounding.
type Amount int64

// ParseAmount parses a non-negative amount of yuan, written as in Chinese
// or English spreadsheets:
//
//	470000.00   470000   470,000.5     at most two decimals
//	¥470,000    470000元  CNY 470000    one currency mark, before or after
//	４７００００．００   ４７０，０００            full-width digits and punctuation
//	2.9万        1.5亿      29万元          the units 万 (10^4) and 亿 (10^8)
//
// Commas (or full-width ，) are accepted only as thousands separators in
// groups of three, so forms such as "1,2" and "1.234,5" are refused as
// ambiguous. The currency marks are ¥ and ￥ before the number, 元 after it,
// and CNY and RMB (in any case) on either side; a mark may be separated from
// the number by spaces, and an amount has at most one. With 万 the number
// may have up to six decimals and with 亿 up to ten, so that the amount is a
// whole number of fen: "2.9万" is 29000.00 exactly, by decimal arithmetic
// on the digits, never by float. Surrounding spaces, including the
// ideographic space U+3000, are ignored.
//
// Full-width forms are mapped by a table of the full-width ASCII block
// U+FF01–U+FF5E (foldWidth) rather than by NFKC normalisation, which would
// also read "²", "①" or "½" as digits.
func ParseAmount(s string) (Amount, error) {
	s = csvio.Trim(foldWidth(s))
	marks := 0
	for _, m := range []string{"¥", "CNY", "RMB"} {
		if len(s) >= len(m) && strings.EqualFold(s[:len(m)], m) {
			s, marks = csvio.Trim(s[len(m):]), marks+1
			break
		}
	}
	for _, m := range []string{"元", "CNY", "RMB"} {
		if len(s) >= len(m) && strings.EqualFold(s[len(s)-len(m):], m) {
			s, marks = csvio.Trim(s[:len(s)-len(m)]), marks+1
			break
		}
	}
	if marks > 1 {
		return 0, fmt.Errorf("%w: more than one currency mark", ErrBadAmount)
	}
	decimals := 2 // fen per yuan: 10^2
	if rest, ok := strings.CutSuffix(s, "万"); ok {
		s, decimals = csvio.Trim(rest), 6
	} else if rest, ok := strings.CutSuffix(s, "亿"); ok {
		s, decimals = csvio.Trim(rest), 10
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") || strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		return 0, fmt.Errorf("%w: negative; a ledger records what was paid for a contract, so an amount is 0 or more (a refund or correction is a note, or a change to the original row)", ErrBadAmount)
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || (hasDot && frac == "") {
		return 0, ErrBadAmount
	}
	if strings.Contains(frac, ",") {
		return 0, fmt.Errorf("%w: comma after the decimal point", ErrBadAmount)
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		ok := len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			ok = ok && len(g) == 3
		}
		if !ok {
			return 0, fmt.Errorf("%w: commas must separate groups of three digits", ErrBadAmount)
		}
		whole = strings.Join(groups, "")
	}
	for _, part := range []string{whole, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return 0, ErrBadAmount
			}
		}
	}
	if len(frac) > decimals {
		return 0, fmt.Errorf("%w: more than %d decimals", ErrBadAmount, decimals)
	}
	// The amount in fen is the digits of whole and frac, with frac padded
	// with zeros to the number of decimals of the unit.
	fen := strings.TrimLeft(whole+frac+strings.Repeat("0", decimals-len(frac)), "0")
	if fen == "" {
		return 0, nil
	}
	a, err := strconv.ParseInt(fen, 10, 64)
	if err != nil || a > maxAmount {
		return 0, fmt.Errorf("%w: too large", ErrBadAmount)
	}
	return Amount(a), nil
}

// maxAmount is the largest amount ParseAmount accepts: 92233720368547757.99
// yuan, a little under the int64 limit.
const maxAmount = (math.MaxInt64/100-1)*100 + 99

// foldWidth maps the full-width forms of ASCII (U+FF01–U+FF5E: ０-９, ．,
// ，, －, ／, Ａ-Ｚ, …) to ASCII, the ideographic space U+3000 to a space and
// the full-width yen sign ￥ to ¥. It is the part of NFKC that spreadsheet
// numbers and dates need, and nothing else.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == 0x3000:
			return ' '
		case r == 0xFFE5:
			return '¥'
		}
		return r
	}, s)
}

// String formats the amount as yuan with two decimals, "470000.00".
func (a Amount) String() string {
	sign := ""
	if a < 0 {
		sign, a = "-", -a
	}
	return fmt.Sprintf("%s%d.%02d", sign, a/100, a%100)
}

// Yuan returns the amount in yuan as a float64, for plotting and for
// weighted graph measures. Sums must be taken on Amount, not on Yuan.
func (a Amount) Yuan() float64 { return float64(a) / 100 }
