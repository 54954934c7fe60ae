package metrics

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Sentinel errors of the package.
var (
	// ErrNotConverged is returned by an iterative measure that did not
	// reach its tolerance within its iteration limit.
	ErrNotConverged = errors.New("metrics: iteration did not converge")
	// ErrNegativeWeight is returned when weights used as distances are not
	// positive.
	ErrNegativeWeight = errors.New("metrics: weights used as distances must be positive")
)

// NotConvergedError is the error of an iterative measure (Eigenvector,
// PageRank, HITS) that did not reach its tolerance within its iteration
// limit: it names the measure, the iterations run and the tolerance, so
// that a caller can say what to raise. It matches ErrNotConverged with
// errors.Is.
type NotConvergedError struct {
	// Measure names the measure ("eigenvector centrality").
	Measure string
	// Iterations is the number of iterations run (IterOptions.MaxIter).
	Iterations int
	// Tol is the tolerance not reached (IterOptions.Tol): the L1 change
	// of the scores per node stayed above it.
	Tol float64
}

func (e *NotConvergedError) Error() string {
	return fmt.Sprintf("metrics: %s did not converge in %d iterations (tolerance %g: the L1 change of the scores per node stayed above it)",
		e.Measure, e.Iterations, e.Tol)
}

// Is reports whether target is ErrNotConverged.
func (e *NotConvergedError) Is(target error) bool { return target == ErrNotConverged }

// Value is a graph-level number that may be undefined for a graph, such as
// the diameter of a graph without edges or the LUBness of a graph without a
// component of three nodes. When OK is false, V is NaN and Note says why.
// A Value marshals to a JSON number, or to null when undefined.
type Value struct {
	V    float64
	OK   bool
	Note string
}

// Defined returns a defined Value.
func Defined(v float64) Value { return Value{V: v, OK: true} }

// Undefined returns an undefined Value with the reason.
func Undefined(note string) Value { return Value{V: math.NaN(), Note: note} }

// MarshalJSON writes the number at full precision, or null.
func (v Value) MarshalJSON() ([]byte, error) {
	if !v.OK || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatFloat(v.V, 'g', -1, 64)), nil
}

// UnmarshalJSON reads a number or null.
func (v *Value) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = Value{V: math.NaN()}
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*v = Defined(f)
	return nil
}
