package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/ecosys-sna/ecosys/metrics/inference"
)

// TestTestQAP runs ecosys test qap on Padgett's Florentine families (the
// reference data of metrics/testdata/reference/qap, written out as edge
// lists and a node file) and checks that the command gives exactly what
// inference.QAP gives on the matrices themselves: the files are read
// into the same matrices, the same-attribute predictor is built from the
// node column.
func TestTestQAP(t *testing.T) {
	b, err := os.ReadFile("../metrics/testdata/reference/qap/qap.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Data struct {
			Flo struct {
				Nodes      []string
				Attributes struct{ Random []string }
				Matrices   map[string][][]float64
			}
		}
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	flo := ref.Data.Flo
	dir := t.TempDir()
	var nodes strings.Builder
	nodes.WriteString("id,random\n")
	for i, n := range flo.Nodes {
		fmt.Fprintf(&nodes, "%s,%s\n", n, flo.Attributes.Random[i])
	}
	os.WriteFile(filepath.Join(dir, "nodes.csv"), []byte(nodes.String()), 0o644)
	dense := map[string]*mat.Dense{}
	for _, name := range []string{"marriage", "business"} {
		m := flo.Matrices[name]
		var e strings.Builder
		e.WriteString("source,target\n")
		d := mat.NewDense(len(m), len(m), nil)
		for i := range m {
			for j := range m[i] {
				d.Set(i, j, m[i][j])
				if j > i && m[i][j] != 0 {
					fmt.Fprintf(&e, "%s,%s\n", flo.Nodes[i], flo.Nodes[j])
				}
			}
		}
		dense[name] = d
		os.WriteFile(filepath.Join(dir, name+".csv"), []byte(e.String()), 0o644)
	}
	io, out, errOut := Test()
	args := []string{"test", "qap", "--y", filepath.Join(dir, "marriage.csv"), "--x", filepath.Join(dir, "business.csv"),
		"--same", "random", "--nodes", filepath.Join(dir, "nodes.csv"), "--samples", "199", "--seed", "4", "--format", "json"}
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, err := inference.QAP(dense["marriage"], []mat.Matrix{dense["business"], inference.SameAttribute(flo.Attributes.Random)},
		[]string{filepath.Join(dir, "business.csv"), "same_random"}, inference.QAPOptions{Method: "dsp", Samples: 199, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	wb, _ := json.MarshalIndent(want, "", "  ")
	if strings.TrimSpace(out.String()) != string(wb) {
		t.Errorf("ecosys test qap\n%s\ninference.QAP\n%s", out, wb)
	}

	// An edge naming a node that the node file lacks names the file.
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("source,target\nMedici,Nobody\n"), 0o644)
	io, _, errOut = Test()
	args[5] = filepath.Join(dir, "bad.csv")
	if code := Run(args, &Factory{IO: io}); code != ExitData || !strings.Contains(errOut.String(), "bad.csv:2:") {
		t.Errorf("unknown node: exit %d, %s", code, errOut)
	}
	io, _, errOut = Test()
	if code := Run([]string{"test", "qap", "--y", filepath.Join(dir, "marriage.csv"), "--same", "colour", "--nodes", filepath.Join(dir, "nodes.csv")}, &Factory{IO: io}); code != ExitData || !strings.Contains(errOut.String(), "colour") {
		t.Errorf("missing column: exit %d, %s", code, errOut)
	}
	for _, tt := range []struct{ args, want string }{
		{"--nodes n.csv", "--y and --nodes are required"},
		{"--y y.csv --nodes n.csv", "at least one predictor"},
		{"--y y.csv --nodes n.csv --x x.csv --method z", "want dsp or y"},
	} {
		checkErr(t, execute(NewCmdTestQAP(&Factory{IO: &IOStreams{}}, func(*TestQAPOptions) error { return nil }), tt.args), tt.want)
	}
}
