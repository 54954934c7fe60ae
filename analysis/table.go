package analysis

import "strconv"

// Table is a table of strings with a header row.
type Table struct {
	Header []string
	Rows   [][]string
}

func g4(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

func rng(lo, hi float64) string { return "[" + g4(lo) + ", " + g4(hi) + "]" }

func spread(mean, lo, hi float64) string { return g4(mean) + " " + rng(lo, hi) }
