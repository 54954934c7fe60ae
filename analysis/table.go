package analysis

import (
	"fmt"
	"strconv"
)

// Table is a table of strings with a header row.
type Table struct {
	Header []string
	Rows   [][]string
}

// VerdictTable formats the verdict as a table: one row per statistic with
// its observed value, null 95% range and p-values, reading, bootstrap
// interval, the missing-data and unobserved-end-user checks, and the
// archetype values. Numbers have four significant digits; the JSON of the
// verdict has them at full precision.
func VerdictTable(v *Verdict) Table {
	t := Table{Header: []string{"statistic", "observed", "null_95%", "p_upper", "p_lower", "reading",
		"bootstrap_95%", fmt.Sprintf("missing_%.0f%%", 100*v.Missing), fmt.Sprintf("unobserved_+%d", v.Unobserved),
		"star", "tree", "hubs", "mesh"}}
	for _, r := range v.Rows {
		nullRange, pu, pl := "—", "—", "—"
		if t := r.Test; t != nil {
			nullRange, pu, pl = rng(t.Quantiles["0.025"], t.Quantiles["0.975"]), g4(t.PUpper), g4(t.PLower)
		}
		unobserved := "—"
		if v.Unobserved > 0 {
			unobserved = spread(r.Unobserved.Mean, r.Unobserved.Lower, r.Unobserved.Upper)
		}
		row := []string{r.Statistic, g4(r.Observed), nullRange, pu, pl, r.Reading,
			rng(r.Bootstrap.Lower, r.Bootstrap.Upper), spread(r.Missing.Mean, r.Missing.Lower, r.Missing.Upper), unobserved}
		for _, a := range []string{"star", "tree", "hubs", "mesh"} {
			switch x, ok := r.Archetypes[a]; {
			case !ok:
				row = append(row, "—")
			case x.OK:
				row = append(row, g4(x.V))
			default:
				row = append(row, "NA")
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func g4(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

func rng(lo, hi float64) string { return "[" + g4(lo) + ", " + g4(hi) + "]" }

func spread(mean, lo, hi float64) string { return g4(mean) + " " + rng(lo, hi) }
