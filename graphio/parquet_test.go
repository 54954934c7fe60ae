package graphio

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// readParquet returns the columns' physical types and the rows of a
// Parquet file as maps.
func readParquet(t *testing.T, b []byte) (map[string]string, []map[string]any) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, c := range f.Schema().Fields() {
		typ := c.Type().String()
		if c.Optional() {
			typ = "optional " + typ
		}
		types[c.Name()] = typ
	}
	cols := f.Schema().Columns()
	r := parquet.NewReader(f)
	defer r.Close()
	var rows []map[string]any
	buf := make([]parquet.Row, 16)
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			m := map[string]any{}
			for _, v := range row {
				name := cols[v.Column()][0]
				switch {
				case v.IsNull():
					m[name] = nil
				case v.Kind() == parquet.ByteArray:
					m[name] = string(v.ByteArray())
				case v.Kind() == parquet.Int64:
					m[name] = v.Int64()
				case v.Kind() == parquet.Double:
					m[name] = v.Double()
				case v.Kind() == parquet.Boolean:
					m[name] = v.Boolean()
				default:
					t.Fatalf("column %s: kind %v", name, v.Kind())
				}
			}
			rows = append(rows, m)
		}
		if err != nil {
			break
		}
	}
	return types, rows
}

func TestWriteParquetTable(t *testing.T) {
	table := [][]string{
		{"source", "target", "weight", "contracts", "amount_cny", "allegation", "note", "code"},
		{"1", "2", "2.5", "6", "2620000.00", "true", "天津市安全局", "007"},
		{"2", "3", "1", "", "", "false", "", "12"},
	}
	var b bytes.Buffer
	if err := writeParquetTable(&b, table); err != nil {
		t.Fatal(err)
	}
	types, rows := readParquet(t, b.Bytes())
	want := map[string]string{
		"source": "STRING", "target": "STRING", // keys: strings even if they look like numbers
		"weight": "optional DOUBLE", "contracts": "optional INT(64,true)", "amount_cny": "optional DOUBLE",
		"amount_cny_exact": "optional STRING", "allegation": "optional BOOLEAN",
		"note": "optional STRING", "code": "optional STRING", // "007" is text: a long has no leading zero
	}
	for col, w := range want {
		if types[col] != w {
			t.Errorf("column %s: type %q, want %q", col, types[col], w)
		}
	}
	if len(types) != len(want) {
		t.Errorf("columns %v, want %d", types, len(want))
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	r0, r1 := rows[0], rows[1]
	for col, w := range map[string]any{"source": "1", "weight": 2.5, "contracts": int64(6), "amount_cny": 2620000.0,
		"amount_cny_exact": "2620000.00", "allegation": true, "note": "天津市安全局", "code": "007"} {
		if r0[col] != w {
			t.Errorf("row 1, %s: %#v, want %#v", col, r0[col], w)
		}
	}
	for _, col := range []string{"contracts", "amount_cny", "amount_cny_exact"} {
		if r1[col] != nil {
			t.Errorf("row 2, %s: %#v, want null (empty value)", col, r1[col])
		}
	}
	if r1["note"] != "" || r1["allegation"] != false {
		t.Errorf("row 2: note %#v allegation %#v, want \"\" and false", r1["note"], r1["allegation"])
	}
	// Deterministic.
	var b2 bytes.Buffer
	if err := writeParquetTable(&b2, table); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("two writes of one table differ")
	}
}

func TestWriteParquetTableErrors(t *testing.T) {
	for _, c := range []struct {
		table [][]string
		want  string
	}{
		{nil, "no header"},
		{[][]string{{"a", "a"}}, `column "a" twice`},
	} {
		err := writeParquetTable(&bytes.Buffer{}, c.table)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.table, err, c.want)
		}
	}
}

// TestTablesReadBack: the tables of a graph, written as CSV, read back
// into the same graph.
func TestTablesReadBack(t *testing.T) {
	in := "source,target,weight,kind\na,b,2,x\nb,c,0.5,y\nc,a,1,\n"
	g, err := ReadEdgeList("e.csv", strings.NewReader(in), "n.csv", strings.NewReader("id,group\na,1\nb,2\nc,\nd,4\n"), EdgeListOptions{Directed: true, Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	nt, et, err := Tables(g)
	if err != nil {
		t.Fatal(err)
	}
	var nb, eb bytes.Buffer
	if err := writeCSV(&nb, nt); err != nil {
		t.Fatal(err)
	}
	if err := writeCSV(&eb, et); err != nil {
		t.Fatal(err)
	}
	if got, want := eb.String(), "source,target,weight,kind\na,b,2,x\nb,c,0.5,y\nc,a,1,\n"; got != want {
		t.Errorf("edge table:\n%s\nwant\n%s", got, want)
	}
	if got, want := nb.String(), "id,group\na,1\nb,2\nc,\nd,4\n"; got != want {
		t.Errorf("node table:\n%s\nwant\n%s", got, want)
	}
	h, err := ReadEdgeList("e.csv", &eb, "n.csv", &nb, EdgeListOptions{Directed: true, Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	nt2, et2, err := Tables(h)
	if err != nil {
		t.Fatal(err)
	}
	if !equalTables(nt, nt2) || !equalTables(et, et2) {
		t.Errorf("tables differ after a round trip:\n%v %v\n%v %v", nt, et, nt2, et2)
	}
}

func equalTables(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

// Issue 18: the Parquet edge table has a row per self-loop kept, with its
// weight and attributes typed as the other rows'.
func TestParquetLoops(t *testing.T) {
	g, err := ReadEdgeList("e.csv", strings.NewReader("source,target,weight,contracts\na,b,2,1\na,a,3,4\nc,c,0.5,\n"), "", nil,
		EdgeListOptions{Weighted: true, Loops: LoopsKeep})
	if err != nil {
		t.Fatal(err)
	}
	_, et, err := Tables(g)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := writeParquetTable(&b, et); err != nil {
		t.Fatal(err)
	}
	types, rows := readParquet(t, b.Bytes())
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprint(r["source"], "-", r["target"], " ", r["weight"], " ", r["contracts"]))
	}
	want := []string{"a-a 3 4", "a-b 2 1", "c-c 0.5 <nil>"}
	if strings.Join(got, "|") != strings.Join(want, "|") || types["contracts"] != "optional INT(64,true)" {
		t.Errorf("rows %q (contracts %s), want %q (optional INT(64,true))", got, types["contracts"], want)
	}
}
