package cmd

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestProgressBar runs the ensemble commands with standard error a
// terminal (ErrTTY), not a terminal, and a terminal with --quiet: the
// results on standard output are identical; only the terminal without
// --quiet gets a bar, which counts every sample with a rate and a time
// left.
func TestProgressBar(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "firms.csv")
	if err := os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny\nfirm-a,bureau-1,100\nfirm-a,bureau-2,100\nfirm-b,bureau-2,50\nfirm-b,bureau-3,70\nfirm-c,bureau-4,10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		bar  *regexp.Regexp // what the terminal shows at the end
	}{
		{[]string{"test", "ledger", "--stat", "gini.strength,centralization.betweenness", "--null", "gnm", "--samples", "300", "--format", "json"},
			regexp.MustCompile(`sampling 100% \|█+\| \(600/600, \d+ samples/s\)`)},
		{[]string{"test", "ledger", "--stat", "gini.strength", "--null", "gnm", "--samples", "300", "--shard", "2/3"},
			regexp.MustCompile(`sampling 100% \|█+\| \(100/100, \d+ samples/s\)`)},
		{[]string{"test", "compare", "--by", "year", "--a", "2017", "--b", "2018", "--samples", "99", "--format", "csv"},
			regexp.MustCompile(`permuting 100% \|█+\| \(99/99, \d+ permutations/s\)`)},
		{[]string{"test", "sensitivity", "--fractions", "0,0.2", "--samples", "29", "--format", "csv"},
			regexp.MustCompile(`removing 100% \|█+\| \(58/58, \d+ replicates/s\)`)},
		{append([]string{"test", "ecosystem", "--ledger", ledger, "--format", "json"}, ecoQuick...),
			regexp.MustCompile(`verdict 100% \|█+\| \((\d+)/(\d+), \d+ analyses/s\)`)},
	} {
		t.Run(strings.Join(tt.args[:2], " "), func(t *testing.T) {
			var want string
			for _, mode := range []struct {
				name  string
				tty   bool
				quiet bool
			}{{"not a terminal", false, false}, {"terminal", true, false}, {"terminal --quiet", true, true}} {
				io, out, errOut := Test()
				io.ErrTTY = mode.tty
				args := tt.args
				if mode.quiet {
					args = append(append([]string(nil), args...), "--quiet")
				}
				if code := Run(args, &Factory{IO: io}); code != ExitOK {
					t.Fatalf("%s: exit %d: %s", mode.name, code, errOut)
				}
				if want == "" {
					want = out.String()
				} else if out.String() != want {
					t.Errorf("%s: results differ from those without a bar:\n%s\nwant\n%s", mode.name, out, want)
				}
				hasBar := strings.Contains(errOut.String(), "% |")
				switch {
				case mode.tty && !mode.quiet && !tt.bar.MatchString(errOut.String()):
					t.Errorf("%s: stderr %q has no bar matching %s", mode.name, errOut, tt.bar)
				case (!mode.tty || mode.quiet) && hasBar:
					t.Errorf("%s: stderr %q has a bar", mode.name, errOut)
				case mode.quiet && strings.Contains(errOut.String(), "note"):
					t.Errorf("%s: stderr %q has notes", mode.name, errOut)
				}
			}
		})
	}
}

// TestEcosystemShardOfOne checks that --shard 1/1 of ecosys test ecosystem
// prints the shard's JSON, as every other --shard does and as ecosys test
// merge reads (it printed the verdict, which merge refused).
func TestEcosystemShardOfOne(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "firms.csv")
	if err := os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny\nfirm-a,bureau-1,100\nfirm-a,bureau-2,100\nfirm-b,bureau-2,50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"test", "ecosystem", "--ledger", ledger, "--format", "json"}, ecoQuick...)
	io, whole, errOut := Test()
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	io, shard, errOut := Test()
	if code := Run(append(args, "--shard", "1/1"), &Factory{IO: io}); code != ExitOK || !strings.Contains(shard.String(), `"shards": 1`) {
		t.Fatalf("--shard 1/1: exit %d, stdout %.200s, stderr %s", code, shard, errOut)
	}
	part := filepath.Join(dir, "part.json")
	if err := os.WriteFile(part, shard.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	io, merged, errOut := Test()
	if code := Run([]string{"test", "merge", "--format", "json", part}, &Factory{IO: io}); code != ExitOK || merged.String() != whole.String() {
		t.Errorf("merge of shard 1/1: exit %d, equal %v, stderr %s", code, merged.String() == whole.String(), errOut)
	}
}
