package cmd

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestReplicatesParquetMerge: the Parquet files of three shards, mixed with
// the JSON of none, merge to exactly the unsharded result; an existing
// --replicates file is refused before the run.
func TestReplicatesParquetMerge(t *testing.T) {
	args := []string{"test", "ledger", "--stat", "centralization.betweenness,gini.strength", "--null", "gnm", "--samples", "60", "--seed", "5", "--format", "json"}
	io, whole, errOut := Test()
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dir := t.TempDir()
	var files []string
	for i := 1; i <= 3; i++ {
		f := filepath.Join(dir, "part"+strconv.Itoa(i)+".parquet")
		io, out, errOut := Test()
		if code := Run(append(args, "--shard", strconv.Itoa(i)+"/3", "--replicates", f), &Factory{IO: io}); code != ExitOK {
			t.Fatalf("shard %d: exit %d: %s", i, code, errOut)
		}
		files = append(files, f)
		if i == 3 { // the third shard's JSON instead of its Parquet: a mix merges too
			j := filepath.Join(dir, "part3.json")
			if err := os.WriteFile(j, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			files[2] = j
		}
	}
	io, merged, errOut := Test()
	if code := Run(append([]string{"test", "merge", "--format", "json"}, files...), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	if merged.String() != whole.String() {
		t.Errorf("merged\n%s\nunsharded\n%s", merged, whole)
	}
	// The whole run's replicates merge to the same result too.
	all := filepath.Join(dir, "all.parquet")
	io, _, errOut = Test()
	if code := Run(append(args, "--replicates", all), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	io, merged, errOut = Test()
	if code := Run([]string{"test", "merge", "--format", "json", all}, &Factory{IO: io}); code != ExitOK || merged.String() != whole.String() {
		t.Errorf("merge of the whole run's replicates: exit %d, %s\n%s", code, errOut, merged)
	}
	// An existing file is refused, and left as it was.
	before, _ := os.ReadFile(all)
	io, _, errOut = Test()
	if code := Run(append(args, "--replicates", all), &Factory{IO: io}); code == ExitOK || !strings.Contains(errOut.String(), "exists") {
		t.Errorf("--replicates over an existing file: exit %d, %s", code, errOut)
	}
	if after, _ := os.ReadFile(all); string(after) != string(before) {
		t.Error("the existing replicates file was changed")
	}
	// A file that is not Parquet and not JSON is named in the error.
	bad := filepath.Join(dir, "bad.parquet")
	os.WriteFile(bad, []byte("PAR1 not really"), 0o644)
	io, _, errOut = Test()
	if code := Run([]string{"test", "merge", bad}, &Factory{IO: io}); code == ExitOK || !strings.Contains(errOut.String(), bad) {
		t.Errorf("merge of a broken Parquet file: exit %d, %s", code, errOut)
	}
}

// TestExportParquet: export and build write two typed Parquet tables and
// refuse standard output.
func TestExportParquet(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "ledger", "--format", "parquet", "--out", filepath.Join(dir, "led")},
		{"build", "--format", "parquet", "--out", filepath.Join(dir, "eco.parquet")},
	} {
		io, _, errOut := Test()
		if code := Run(args, &Factory{IO: io}); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	for _, f := range []string{"led.nodes.parquet", "led.edges.parquet", "eco.nodes.parquet", "eco.edges.parquet"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || !strings.HasPrefix(string(b), "PAR1") {
			t.Errorf("%s: %v, not a Parquet file", f, err)
		}
	}
	io, _, errOut := Test()
	if code := Run([]string{"export", "ledger", "--format", "parquet"}, &Factory{IO: io}); code != ExitUsage || !strings.Contains(errOut.String(), "--out PREFIX") {
		t.Errorf("export parquet to standard output: exit %d, %s", code, errOut)
	}
	// Again without --force: refused, nothing written.
	io, _, errOut = Test()
	if code := Run([]string{"export", "ledger", "--format", "parquet", "--out", filepath.Join(dir, "led")}, &Factory{IO: io}); code == ExitOK {
		t.Errorf("export over existing tables succeeded: %s", errOut)
	}
}

// TestReplicatesShardPlaceholder: {shard} in --replicates names the
// shard's file; --emit refuses a name without it, where every task would
// write the same file.
func TestReplicatesShardPlaceholder(t *testing.T) {
	dir := t.TempDir()
	args := []string{"test", "ledger", "--stat", "gini.strength", "--null", "gnm", "--samples", "10"}
	io, _, errOut := Test()
	if code := Run(append(args, "--shard", "2/3", "--replicates", filepath.Join(dir, "part-{shard}.parquet")), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "part-2.parquet")); err != nil {
		t.Errorf("shard 2/3 did not write part-2.parquet: %v", err)
	}
	io, _, errOut = Test()
	if code := Run(append(args, "--emit", "slurm", "--shards", "3", "--replicates", "r.parquet"), &Factory{IO: io}); code != ExitUsage || !strings.Contains(errOut.String(), "{shard}") {
		t.Errorf("--emit with a fixed --replicates name: exit %d, %s", code, errOut)
	}
	io, out, errOut := Test()
	if code := Run(append(args, "--emit", "slurm", "--shards", "3", "--replicates", "part-{shard}.parquet"), &Factory{IO: io}); code != ExitOK || !strings.Contains(out.String(), "part-{shard}.parquet") {
		t.Errorf("--emit with {shard}: exit %d, %s\n%s", code, errOut, out)
	}
}
