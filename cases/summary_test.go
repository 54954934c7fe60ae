package cases

import (
	"reflect"
	"testing"
)

func TestSummaries(t *testing.T) {
	_, d := readFixture(t)
	got := d.Summaries()
	want := []Summary{
		{ID: "case-1", Label: "A", Kind: "indictment", Title: "United States v. A (fixture)", Court: "D. Test", Docket: "20-cr-1",
			Date: "2020-01-02", Defendants: 2, Relations: 5, Allegations: 5, BestGrade: "A1", WorstGrade: "C3"},
		{ID: "designation-1", Label: "designation", Kind: "designation", Title: "Designation of Front Co (fixture)",
			Date: "2021-03-04", Relations: 1, BestGrade: "C3", WorstGrade: "C3"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Summaries:\n got %+v\nwant %+v", got, want)
	}
	for _, tc := range []struct {
		s    Summary
		want string
	}{
		{got[0], "A1–C3"}, {got[1], "C3"}, {Summary{}, ""},
	} {
		if g := tc.s.Grades(); g != tc.want {
			t.Errorf("Grades(%s) = %q, want %q", tc.s.ID, g, tc.want)
		}
	}
}
