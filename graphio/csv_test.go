package graphio_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// TestWriteCSV checks the table writer of the csv format: quoting as
// encoding/csv does it, and the bytes of cases.WriteMetaCSV for the
// tables of a meta-network.
func TestWriteCSV(t *testing.T) {
	f, err := graphio.LookupFormat("csv")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.WriteTable(&b, [][]string{{"id", "note"}, {"a", `say "hi", twice`}, {"b", "two\nlines"}, {"公安局", ""}}); err != nil {
		t.Fatal(err)
	}
	want := "id,note\na,\"say \"\"hi\"\", twice\"\nb,\"two\nlines\"\n公安局,\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}

	eb, err := os.ReadFile("../cases/testdata/good/entities.csv")
	if err != nil {
		t.Fatal(err)
	}
	lb, err := os.ReadFile("../cases/testdata/good/ledger.csv")
	if err != nil {
		t.Fatal(err)
	}
	l, err := network.ReadLedger("ledger.csv", bytes.NewReader(lb), "entities.csv", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cases.Read(os.DirFS("../cases/testdata"), "good", l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := cases.BuildMeta(l, d, cases.MetaOptions{Layers: cases.Layers})
	if err != nil {
		t.Fatal(err)
	}
	var wantNodes, wantEdges, nodes, edges bytes.Buffer
	if err := cases.WriteMetaCSV(&wantNodes, &wantEdges, m); err != nil {
		t.Fatal(err)
	}
	nt, et := m.Tables()
	if err := f.WriteTable(&nodes, nt); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteTable(&edges, et); err != nil {
		t.Fatal(err)
	}
	if nodes.String() != wantNodes.String() || edges.String() != wantEdges.String() {
		t.Errorf("tables differ from WriteMetaCSV:\n%s%s\nwant\n%s%s", &nodes, &edges, &wantNodes, &wantEdges)
	}
}
