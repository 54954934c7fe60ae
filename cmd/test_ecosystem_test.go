package cmd

import (
	"encoding/json"
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
