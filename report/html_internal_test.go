package report

import "testing"

func TestReadableCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"8270500.00", "8,270,500.00"},
		{"18", "18"},
		{"12345", "12,345"},
		{"0.000999000999000999", "0.000999"},
		{"46.00000000000004", "46"},
		{"2.012082005546845e-238", "2.012e-238"},
		{"3.241485e+08", "324,148,500"},
		{"0.2205", "0.2205"},
		{"-1234", "-1,234"},
		{"r1c01", "r1c01"},
		{"NaN", "NaN"},
		{"Inf", "Inf"},
		{"6.2%", "6.2%"},
		{"[0.67, 1.00]", "[0.67, 1.00]"},
		{"—", "—"},
	} {
		if got := readableCell(tt.in); got != tt.want {
			t.Errorf("readableCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Key columns (ids, years) are left as they are.
	tb := table{Header: []string{"year", "contracts"}, Rows: [][]string{{"2016", "1234"}}}
	if got := readableRows(tb); got[0][0] != "2016" || got[0][1] != "1,234" {
		t.Errorf("readableRows = %v", got)
	}
}
