package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// ecoQuick keeps the CLI tests fast.
var ecoQuick = []string{"--samples", "199", "--power-samples", "100", "--robust-samples", "199", "--seed", "3"}

// TestTestEcosystemJSON checks the JSON interface of ecosys test ecosystem
// on the embedded data: a reading, its paragraph, the rule, and every key
// of each implication and robustness row. No number of the embedded data
// is pinned (they change with the data).
func TestTestEcosystemJSON(t *testing.T) {
	io, out, errOut := Test()
	if code := Run(append([]string{"test", "ecosystem", "--format", "json"}, ecoQuick...), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v map[string]any
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	switch v["reading"] {
	case "decentralized", "centralized", "mixed", "inconclusive":
	default:
		t.Errorf("reading %v", v["reading"])
	}
	if s, _ := v["summary"].(string); !strings.HasPrefix(s, "Reading: ") || !strings.Contains(s, "What the data cannot say") {
		t.Errorf("summary %q", s)
	}
	imps, _ := v["implications"].([]any)
	if len(imps) != 4 || v["rule"] == "" {
		t.Fatalf("%d implications, rule %v", len(imps), v["rule"])
	}
	for _, im := range imps {
		m := im.(map[string]any)
		for _, k := range []string{"name", "observed", "null_model", "null_mean", "null_q025", "null_q975", "effect", "p_upper", "p_lower", "p_holm", "power", "design_fixed", "favours"} {
			if _, ok := m[k]; !ok {
				t.Errorf("implication %v lacks %q", m["name"], k)
			}
		}
	}
	rob, _ := v["robustness"].([]any)
	checks := map[string]bool{}
	for _, r := range rob {
		m := r.(map[string]any)
		for _, k := range []string{"check", "variant", "reading", "changed"} {
			if _, ok := m[k]; !ok {
				t.Errorf("robustness row lacks %q", k)
			}
		}
		checks[m["check"].(string)] = true
	}
	for _, c := range []string{"leave one case out", "reliability", "date window", "unit not named", "unobserved bureaus"} {
		if !checks[c] {
			t.Errorf("no robustness check %q", c)
		}
	}
}

// TestTestEcosystemShards checks that shards merged by ecosys test merge
// give exactly the unsharded verdict, and that a user ledger of several
// contractors runs without the embedded cases.
func TestTestEcosystemShards(t *testing.T) {
	args := append([]string{"test", "ecosystem", "--format", "json", "--no-cases"}, ecoQuick...)
	io, whole, errOut := Test()
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dir := t.TempDir()
	var files []string
	for _, s := range []string{"1/2", "2/2"} {
		io, out, errOut := Test()
		if code := Run(append(slicesClone(args), "--shard", s), &Factory{IO: io}); code != ExitOK {
			t.Fatalf("shard %s: exit %d: %s", s, code, errOut)
		}
		f := filepath.Join(dir, strings.Replace(s, "/", "-", 1)+".json")
		os.WriteFile(f, out.Bytes(), 0o644)
		files = append(files, f)
	}
	io, merged, errOut := Test()
	if code := Run(append([]string{"test", "merge", "--format", "json"}, files...), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	if merged.String() != whole.String() {
		t.Error("merged shards differ from the unsharded verdict")
	}

	ledger := filepath.Join(dir, "firms.csv")
	os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny\nfirm-a,bureau-1,100\nfirm-a,bureau-2,100\nfirm-b,bureau-2,50\nfirm-b,bureau-3,70\nfirm-c,bureau-4,10\n"), 0o644)
	io, out, errOut := Test()
	if code := Run(append([]string{"test", "ecosystem", "--ledger", ledger, "--format", "json"}, ecoQuick...), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("user ledger: exit %d: %s", code, errOut)
	}
	var v map[string]any
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "us-v-") {
		t.Error("a user ledger's verdict uses the embedded cases")
	}
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// TestTestEcosystemFlags checks the refusals of the command line.
func TestTestEcosystemFlags(t *testing.T) {
	for _, tt := range []struct{ args, want string }{
		{"--attribution central", "want left-out, as-central or as-local"},
		{"--min-reliability Z9", "--min-reliability"},
		{"--samples 0", "--samples"},
		{"--robust-samples 60", "at least 199"},
		{"--entities e.csv", "--entities goes with --ledger"},
		{"--shard 3/2", "--shard"},
	} {
		t.Run(tt.args, func(t *testing.T) {
			checkErr(t, execute(NewCmdTestEcosystem(&Factory{IO: &IOStreams{}}, func(*TestEcosystemOptions) error { return nil }), tt.args), tt.want)
		})
	}
}

// TestTestEcosystemCSVFullPrecision: the CSV of the verdict keeps every
// digit of the JSON (it printed four); the table rounds for reading.
func TestTestEcosystemCSVFullPrecision(t *testing.T) {
	io, out, errOut := Test()
	if code := Run(append([]string{"test", "ecosystem", "--format", "json"}, ecoQuick...), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Implications []struct {
			Name     string   `json:"name"`
			Observed *float64 `json:"observed"`
		} `json:"implications"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	io, csvOut, errOut := Test()
	if code := Run(append([]string{"test", "ecosystem", "--format", "csv"}, ecoQuick...), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, im := range v.Implications {
		if im.Observed == nil {
			continue
		}
		full := strconv.FormatFloat(*im.Observed, 'g', -1, 64)
		if !strings.Contains(csvOut.String(), im.Name+","+full+",") {
			t.Errorf("CSV row of %s lacks the observed value %s in full:\n%s", im.Name, full, csvOut)
		}
	}
}

// TestTestEcosystemReplicates checks --replicates of ecosys test
// ecosystem: the whole run's file holds the null ensembles of the main
// analysis and of the robustness variants, keyed VARIANT/IMPLICATION, and
// the alternatives' draws; the files of 2 shards ({shard} in the name)
// hold between them the same replicates, at the same indices, with the
// same values; the verdict printed is the one without --replicates; and an
// existing file is refused before the run, unchanged.
func TestTestEcosystemReplicates(t *testing.T) {
	args := append([]string{"test", "ecosystem", "--format", "json", "--no-cases"}, ecoQuick...)
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.parquet")
	io, out, errOut := Test()
	if code := Run(append(slicesClone(args), "--replicates", whole), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	io, plain, errOut := Test()
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out.String() != plain.String() {
		t.Error("the verdict with --replicates differs from the one without")
	}
	all, err := readReplicates(whole)
	if err != nil {
		t.Fatal(err)
	}
	stats := map[string]bool{}
	for _, s := range all {
		stats[s.Statistic] = true
		if s.Shard.Count != 1 || len(s.Values) != s.Samples {
			t.Errorf("%s: shard %+v, %d values of %d", s.Statistic, s.Shard, len(s.Values), s.Samples)
		}
	}
	for _, want := range []string{"main/principal_concentration", "main/locality", "main/principal_concentration/alternative", "date window/year 2017/locality", "unobserved bureaus/θ = 1, augmentation 10/locality/alternative"} {
		if !stats[want] {
			t.Errorf("no statistic %s among the %d", want, len(stats))
		}
	}
	for i := 1; i <= 2; i++ {
		io, _, errOut := Test()
		if code := Run(append(slicesClone(args), "--shard", strconv.Itoa(i)+"/2", "--replicates", filepath.Join(dir, "part-{shard}.parquet")), &Factory{IO: io}); code != ExitOK {
			t.Fatalf("shard %d: exit %d: %s", i, code, errOut)
		}
	}
	vals := map[string][]float64{}
	for i := 1; i <= 2; i++ {
		part, err := readReplicates(filepath.Join(dir, "part-"+strconv.Itoa(i)+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		if len(part) != len(all) {
			t.Fatalf("shard %d: %d statistics, want %d", i, len(part), len(all))
		}
		for _, s := range part {
			if s.Shard.Index != i-1 || s.Shard.Count != 2 {
				t.Errorf("%s in file %d: shard %+v", s.Statistic, i, s.Shard)
			}
			if vals[s.Statistic] == nil {
				vals[s.Statistic] = make([]float64, s.Samples)
			}
			for j, v := range s.Values {
				vals[s.Statistic][s.Shard.Index+j*s.Shard.Count] = v
			}
		}
	}
	for _, s := range all {
		if fmt.Sprint(vals[s.Statistic]) != fmt.Sprint(s.Values) {
			t.Errorf("%s: the shards' values differ from the whole run's", s.Statistic)
		}
	}

	before, _ := os.ReadFile(whole)
	io, _, errOut = Test()
	if code := Run(append(slicesClone(args), "--replicates", whole), &Factory{IO: io}); code == ExitOK || !strings.Contains(errOut.String(), "exists") {
		t.Errorf("--replicates over an existing file: exit %d, %s", code, errOut)
	}
	if after, _ := os.ReadFile(whole); string(after) != string(before) {
		t.Error("the existing replicates file was changed")
	}
}

// TestTestEcosystemReplicatesEmit: --emit refuses a --replicates name
// without {shard} (every task would write the same file) and passes one
// with it to the tasks' command.
func TestTestEcosystemReplicatesEmit(t *testing.T) {
	args := []string{"test", "ecosystem", "--emit", "slurm", "--shards", "3", "--replicates"}
	io, _, errOut := Test()
	if code := Run(append(slicesClone(args), "r.parquet"), &Factory{IO: io}); code != ExitUsage || !strings.Contains(errOut.String(), "{shard}") {
		t.Errorf("--emit with a fixed --replicates name: exit %d, %s", code, errOut)
	}
	io, out, errOut := Test()
	if code := Run(append(slicesClone(args), "part-{shard}.parquet"), &Factory{IO: io}); code != ExitOK || !strings.Contains(out.String(), "part-{shard}.parquet") {
		t.Errorf("--emit with {shard}: exit %d, %s\n%s", code, errOut, out)
	}
}
