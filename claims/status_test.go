package claims

import (
	"fmt"
	"slices"
	"testing"
)

// TestCompare checks every qualifier with complete and partial data,
// with the observed value below, at and above the claimed 10. The
// partial rows follow the rule of the issue: an observed count is a lower
// bound on the true one, so "too low" cannot contradict a claim that the
// true value is at least, more than, about or exactly 10, and "within"
// cannot confirm that it is at most or less than 10.
func TestCompare(t *testing.T) {
	const (
		c = Consistent
		i = Inconsistent
		b = ConsistentAsBound
	)
	tests := []struct {
		q                 Qualifier
		low, at, high     Status // complete data: observed 9, 10, 11
		pLow, pAt, pHigh  Status // partial data
		tol               float64
		nearLow, nearHigh Status // approximately only: observed 9.6 and 10.4, complete
	}{
		{q: Exactly, low: i, at: c, high: i, pLow: b, pAt: c, pHigh: i},
		{q: AtLeast, low: i, at: c, high: c, pLow: b, pAt: c, pHigh: c},
		{q: MoreThan, low: i, at: i, high: c, pLow: b, pAt: b, pHigh: c},
		{q: AtMost, low: c, at: c, high: i, pLow: b, pAt: b, pHigh: i},
		{q: LessThan, low: c, at: i, high: i, pLow: b, pAt: i, pHigh: i},
		// Default tolerance 5%: 9 and 11 are 10% off, 9.6 and 10.4 4%.
		{q: Approximately, low: i, at: c, high: i, pLow: b, pAt: c, pHigh: i, nearLow: c, nearHigh: c},
		// Tolerance 0.1: 9 and 11 are within (the bound is inclusive).
		{q: Approximately, tol: 0.1, low: c, at: c, high: c, pLow: c, pAt: c, pHigh: c, nearLow: c, nearHigh: c},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/tol=%v", tt.q, tt.tol)
		for _, x := range []struct {
			obs  float64
			d    DataIs
			want Status
		}{
			{9, Complete, tt.low}, {10, Complete, tt.at}, {11, Complete, tt.high},
			{9, Partial, tt.pLow}, {10, Partial, tt.pAt}, {11, Partial, tt.pHigh},
			{9, "", tt.low}, // the zero DataIs is complete
		} {
			if got := Compare(x.obs, 10, tt.q, tt.tol, x.d); got != x.want {
				t.Errorf("%s: Compare(%v, 10, %s) = %s, want %s", name, x.obs, x.d, got, x.want)
			}
		}
		if tt.q == Approximately {
			if got := Compare(9.6, 10, tt.q, tt.tol, Complete); got != tt.nearLow {
				t.Errorf("%s: 9.6 is %s, want %s", name, got, tt.nearLow)
			}
			if got := Compare(10.4, 10, tt.q, tt.tol, Complete); got != tt.nearHigh {
				t.Errorf("%s: 10.4 is %s, want %s", name, got, tt.nearHigh)
			}
		}
	}
	// approximately 0 has a tolerance of 0: only 0 meets it.
	if Compare(0, 0, Approximately, 0, Complete) != Consistent || Compare(0.1, 0, Approximately, 0, Complete) != Inconsistent {
		t.Error("approximately 0")
	}
}

func TestTally(t *testing.T) {
	rs := []Result{{Status: Consistent}, {Status: Error}, {Status: Consistent}, {Status: NotTestable}}
	got := Tally(rs)
	want := []StatusCount{{Consistent, 2}, {Inconsistent, 0}, {ConsistentAsBound, 0}, {NotTestable, 1}, {Error, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("Tally = %v, want %v", got, want)
	}
	if len(Tally(nil)) != len(Statuses) {
		t.Error("Tally(nil) leaves out statuses")
	}
}
