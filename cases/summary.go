package cases

import (
	"cmp"
	"slices"
)

// Summary is one case in numbers: its defendants, its relations, how many
// of those are allegations, and the range of their grades.
type Summary struct {
	ID          string `json:"id"`
	Label       string `json:"label"`
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Court       string `json:"court"`
	Docket      string `json:"docket"`
	Date        string `json:"date"` // Case.Date: unsealed, else announced, else filed
	Defendants  int    `json:"defendants"`
	Relations   int    `json:"relations"`
	Allegations int    `json:"allegations"` // relations that are allegations
	BestGrade   string `json:"best_grade"`  // of the relations; "" when none
	WorstGrade  string `json:"worst_grade"`
}

// Grades returns the range of the grades of the case's relations as
// "best–worst", or one grade when all are equal ("" when there are none).
// Grades are ordered by letter, then digit: B1 is better than B3 and C1.
func (s Summary) Grades() string {
	if s.BestGrade == s.WorstGrade {
		return s.BestGrade
	}
	return s.BestGrade + "–" + s.WorstGrade
}

// Summaries returns a Summary of every case of d, ordered by date (cases
// of one date in table order).
func (d *Data) Summaries() []Summary {
	rows := make([]Summary, 0, len(d.Cases))
	for _, c := range d.Cases {
		s := Summary{ID: c.ID, Label: c.Label, Kind: c.Kind, Title: c.Title, Court: c.Court, Docket: c.Docket, Date: c.Date().String()}
		s.Defendants, s.Relations = d.CaseCounts(c.ID)
		for _, r := range d.Relations {
			if r.Case != c.ID {
				continue
			}
			if r.Allegation {
				s.Allegations++
			}
			if g := r.Reliability.String(); g != "" {
				if s.BestGrade == "" || g < s.BestGrade {
					s.BestGrade = g
				}
				s.WorstGrade = max(s.WorstGrade, g)
			}
		}
		rows = append(rows, s)
	}
	slices.SortStableFunc(rows, func(a, b Summary) int { return cmp.Compare(a.Date, b.Date) })
	return rows
}
