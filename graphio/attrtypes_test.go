package graphio

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/network"
)

func TestAttrTypeFits(t *testing.T) {
	tests := []struct {
		v                            string
		long, double, boolean, empty bool
	}{
		{"", true, true, true, true},
		{"0", true, true, false, false},
		{"-12", true, true, false, false},
		{"9223372036854775807", true, true, false, false},
		{"9223372036854775808", false, true, false, false}, // beyond int64: a double
		{"007", false, false, false, false},
		{"+1", false, false, false, false},
		{"1_000", false, false, false, false},
		{"2620000.00", false, true, false, false},
		{"-0.5e-3", false, true, false, false},
		{"1E+10", false, true, false, false},
		{"1e+-1", false, false, false, false},
		{".5", false, false, false, false},
		{"1.", false, false, false, false},
		{"1e400", false, false, false, false},
		{"NaN", false, false, false, false},
		{"Inf", false, false, false, false},
		{"0x1p3", false, false, false, false},
		{"true", false, false, true, false},
		{"True", false, false, false, false},
		{"1", true, true, false, false},
	}
	for _, tt := range tests {
		for typ, want := range map[AttrType]bool{AttrLong: tt.long, AttrDouble: tt.double, AttrBoolean: tt.boolean, AttrString: true} {
			if got := typ.Fits(tt.v); got != want {
				t.Errorf("%s.Fits(%q) = %v, want %v", typ, tt.v, got, want)
			}
		}
	}
}

func TestInferType(t *testing.T) {
	tests := []struct {
		values []string
		want   AttrType
	}{
		{nil, AttrString},
		{[]string{"", ""}, AttrString},
		{[]string{"1", "", "-3"}, AttrLong},
		{[]string{"1", "2.5"}, AttrDouble},
		{[]string{"2.5", "1"}, AttrDouble},
		{[]string{"1", "2.5", "x"}, AttrString},
		{[]string{"true", "", "false"}, AttrBoolean},
		{[]string{"true", "1"}, AttrString},
		{[]string{"1", "true"}, AttrString},
		{[]string{"007", "8"}, AttrString},
		{[]string{"2620000.00"}, AttrDouble},
	}
	for _, tt := range tests {
		if got := InferType(slices.Values(tt.values)); got != tt.want {
			t.Errorf("InferType(%q) = %s, want %s", tt.values, got, tt.want)
		}
	}
}

func TestTypeOf(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   AttrType
	}{
		{"contracts", []string{"3", "12"}, AttrLong},
		{"contracts", []string{"3.5"}, AttrDouble}, // values that do not fit the table: inferred
		{"contracts", []string{"n/a"}, AttrString},
		{"amount_cny", []string{"470000.00", "5"}, AttrDouble},
		{"allegation", []string{"true", "false"}, AttrBoolean},
		{"date_start", []string{"2016"}, AttrString}, // a date is a string, though "2016" is a long
		{"reliability", []string{"1"}, AttrString},
		{"my_column", []string{"1", "2"}, AttrLong},
	}
	for _, tt := range tests {
		if got := TypeOf(tt.name, slices.Values(tt.values)); got != tt.want {
			t.Errorf("TypeOf(%q, %q) = %s, want %s", tt.name, tt.values, got, tt.want)
		}
	}
}

func TestKnownAttrsSorted(t *testing.T) {
	if !slices.IsSortedFunc(knownAttrs, func(a, b KnownAttr) int { return strings.Compare(a.Name, b.Name) }) {
		t.Fatal("knownAttrs is not sorted by name; LookupAttr searches it")
	}
	for _, a := range knownAttrs {
		if got, ok := LookupAttr(a.Name); !ok || got.Name != a.Name {
			t.Errorf("LookupAttr(%q) = %v, %v", a.Name, got, ok)
		}
		if a.Exact != "" && a.Type != AttrDouble {
			t.Errorf("%s has an exact companion but is a %s", a.Name, a.Type)
		}
	}
	// Every attribute ecosys writes for the ledger network is in the table.
	for _, n := range append(slices.Clone(network.LedgerAttrNames), network.LedgerEdgeAttrNames...) {
		if _, ok := LookupAttr(n); !ok {
			t.Errorf("ledger attribute %q not in the table", n)
		}
	}
}

func TestAttrTypeParse(t *testing.T) {
	for _, tt := range []struct {
		t    AttrType
		v    string
		want any
	}{
		{AttrLong, "-12", int64(-12)},
		{AttrDouble, "2620000.00", 2620000.0},
		{AttrBoolean, "false", false},
		{AttrString, "", ""},
		{AttrLong, "", nil},
	} {
		got, err := tt.t.Parse(tt.v)
		if err != nil || got != tt.want {
			t.Errorf("%s.Parse(%q) = %v, %v; want %v", tt.t, tt.v, got, err, tt.want)
		}
	}
	if _, err := AttrLong.Parse("1.5"); err == nil {
		t.Error("AttrLong.Parse(\"1.5\"): no error")
	}
}

func TestAttrColumns(t *testing.T) {
	types := map[string]AttrType{"contracts": AttrLong, "amount_cny": AttrDouble, "rows": AttrString}
	got := AttrColumns([]string{"contracts", "amount_cny", "rows"}, types)
	want := []AttrColumn{{"contracts", "contracts", AttrLong, false}, {"amount_cny", "amount_cny", AttrDouble, false},
		{"amount_cny_exact", "amount_cny", AttrString, true}, {"rows", "rows", AttrString, false}}
	if !slices.Equal(got, want) {
		t.Errorf("AttrColumns = %v, want %v", got, want)
	}
	// A string amount (values that are not numbers) has no companion.
	types["amount_cny"] = AttrString
	if got := AttrColumns([]string{"amount_cny"}, types); len(got) != 1 {
		t.Errorf("AttrColumns of a string amount = %v, want one column", got)
	}
}

func ExampleAttrTypes() {
	g := &network.Graph{
		AttrNames:     []string{"kind", "employees"},
		Attrs:         []map[string]string{{"kind": "bureau", "employees": "120"}, {"kind": "company", "employees": ""}},
		EdgeAttrNames: []string{"contracts", "amount_cny", "allegation", "note"},
		EdgeAttrs:     map[[2]int64]map[string]string{{0, 1}: {"contracts": "2", "amount_cny": "2620000.00", "allegation": "false", "note": "12"}},
	}
	node, edge := AttrTypes(g)
	fmt.Println(node["kind"], node["employees"])
	for _, c := range AttrColumns(g.EdgeAttrNames, edge) {
		fmt.Println(c.Name, c.Type)
	}
	// Output:
	// string long
	// contracts long
	// amount_cny double
	// amount_cny_exact string
	// allegation boolean
	// note long
}
