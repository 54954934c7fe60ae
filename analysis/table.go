package analysis

import "github.com/ecosys-sna/ecosys/internal/numfmt"

// Table is a table of strings with a header row.
type Table struct {
	Header []string
	Rows   [][]string
}

// g4 formats a number of a table for people: numfmt.Readable (4
// significant digits; whole numbers of 10⁴ or more in full, grouped).
func g4(x float64) string { return numfmt.Readable(x) }

func rng(lo, hi float64) string { return "[" + g4(lo) + ", " + g4(hi) + "]" }

func spread(mean, lo, hi float64) string { return g4(mean) + " " + rng(lo, hi) }
