package claims

import "math"

// Status is what the data say of a claim.
type Status string

// Statuses, in the order of tallies.
const (
	// Consistent: the data bear the claim out.
	Consistent Status = "consistent"
	// Inconsistent: the data contradict the claim.
	Inconsistent Status = "inconsistent"
	// ConsistentAsBound: the data see only part of what the claim counts
	// (data_is partial), and the observed value, a lower bound on the
	// true one, does not contradict the claim, nor confirm it.
	ConsistentAsBound Status = "consistent_as_bound"
	// NotTestable: the claim has no expression, or its expression has no
	// value on these data; the note says why.
	NotTestable Status = "not_testable"
	// Error: the expression does not compile, fails, or has the wrong
	// type; the note holds the located message.
	Error Status = "error"
)

// Statuses lists the statuses in tally order.
var Statuses = []Status{Consistent, Inconsistent, ConsistentAsBound, NotTestable, Error}

// Qualifier says how an observed number is compared with the claimed one.
type Qualifier string

// Qualifiers of a numeric claim.
const (
	Exactly       Qualifier = "exactly"       // observed = expect
	AtLeast       Qualifier = "at_least"      // observed ≥ expect
	AtMost        Qualifier = "at_most"       // observed ≤ expect
	MoreThan      Qualifier = "more_than"     // observed > expect
	LessThan      Qualifier = "less_than"     // observed < expect
	Approximately Qualifier = "approximately" // |observed − expect| ≤ tolerance·|expect|
)

// Qualifiers lists the qualifiers.
var Qualifiers = []Qualifier{Exactly, AtLeast, AtMost, MoreThan, LessThan, Approximately}

// DataIs says whether the data hold everything a claim counts.
type DataIs string

// Values of DataIs.
const (
	// Complete: the data hold all that the claim counts (the default).
	Complete DataIs = "complete"
	// Partial: the data hold only part of it, so an observed count is a
	// lower bound on the true one.
	Partial DataIs = "partial"
)

// DataIsValues lists the values of DataIs.
var DataIsValues = []DataIs{Complete, Partial}

// DefaultTolerance is the relative tolerance of an approximately claim
// without one.
const DefaultTolerance = 0.05

// Compare returns the status of a numeric claim "the value is q expect"
// given the observed value obs. tol is the relative tolerance of
// Approximately (0 means DefaultTolerance).
//
// With complete data the status is Consistent when the comparison holds
// and Inconsistent otherwise. With partial data obs is a lower bound on
// the true value t ≥ obs, so:
//
//	exactly, at_least, more_than, approximately: met → consistent;
//	    obs too low → consistent_as_bound (t may still meet it);
//	    obs too high (exactly, approximately) → inconsistent.
//	at_most, less_than: met → consistent_as_bound (t may exceed it);
//	    not met → inconsistent.
func Compare(obs, expect float64, q Qualifier, tol float64, d DataIs) Status {
	if tol == 0 {
		tol = DefaultTolerance
	}
	var met, low bool // low: obs is below what the claim needs
	switch q {
	case Exactly:
		met, low = obs == expect, obs < expect
	case AtLeast:
		met, low = obs >= expect, obs < expect
	case MoreThan:
		met, low = obs > expect, obs <= expect
	case Approximately:
		met, low = math.Abs(obs-expect) <= tol*math.Abs(expect), obs < expect
	case AtMost:
		met = obs <= expect
	case LessThan:
		met = obs < expect
	}
	switch {
	case d != Partial:
		if met {
			return Consistent
		}
		return Inconsistent
	case q == AtMost || q == LessThan:
		if met {
			return ConsistentAsBound
		}
		return Inconsistent
	case met:
		return Consistent
	case low:
		return ConsistentAsBound
	}
	return Inconsistent
}

// StatusCount is the number of claims with a status.
type StatusCount struct {
	Status Status `json:"status"`
	Count  int    `json:"count"`
}

// Tally counts the results by status: one entry per status of Statuses,
// in that order, zeros included.
func Tally(rs []Result) []StatusCount {
	out := make([]StatusCount, len(Statuses))
	for i, s := range Statuses {
		out[i].Status = s
		for _, r := range rs {
			if r.Status == s {
				out[i].Count++
			}
		}
	}
	return out
}
