package network

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Amount is a sum of money in fen, hundredths of a yuan (CNY). Amounts are
// integers so that sums are exact: a ledger total never suffers float
// rounding.
type Amount int64

// ParseAmount parses a non-negative decimal amount of yuan with at most two
// decimal places: "470000.00", "470000", "470,000.5". Commas are accepted
// only as thousands separators in groups of three.
func ParseAmount(s string) (Amount, error) {
	whole, frac, hasDot := strings.Cut(strings.TrimSpace(s), ".")
	if whole == "" || (hasDot && (frac == "" || len(frac) > 2)) {
		return 0, ErrBadAmount
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, ErrBadAmount
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, ErrBadAmount
			}
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
	frac = (frac + "00")[:2]
	y, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || y > math.MaxInt64/100-1 {
		return 0, fmt.Errorf("%w: too large", ErrBadAmount)
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return Amount(y*100 + f), nil
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
