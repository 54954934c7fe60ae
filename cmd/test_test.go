package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics/inference"
)

func TestNewCmdTest(t *testing.T) {
	tests := []struct {
		argv    string
		check   func(o *TestOptions) bool
		wantErr string
	}{
		{argv: "ledger-two-mode --stat centralization.betweenness,gini.strength --null bipartite-degree", check: func(o *TestOptions) bool {
			return o.Input.Network == "ledger-two-mode" && len(o.Stats) == 2 && o.Null == "bipartite-degree" && o.Samples == 1000 && o.Seed == 1 && o.Shard.Count == 0
		}},
		{argv: "--edges e.csv --stat density --null gnm --samples 50 --seed 9 --workers 2 --shard 2/3", check: func(o *TestOptions) bool {
			return o.Input.EdgesPath == "e.csv" && o.Samples == 50 && o.Seed == 9 && o.Workers == 2 && o.Shard == inference.Shard{Index: 1, Count: 3}
		}},
		{argv: "ledger --null gnm", wantErr: "--stat is required"},
		{argv: "ledger --stat nope --null gnm", wantErr: `invalid --stat: unknown statistic "nope"`},
		{argv: "ledger --stat density --null random", wantErr: `invalid argument "random" for "--null"`},
		{argv: "ledger --stat density --null gnm --samples 0", wantErr: `invalid argument 0 for "--samples"`},
		{argv: "ledger --stat density --null gnm --shard 4/3", wantErr: `invalid argument "4/3" for "--shard"`},
		{argv: "ledger --stat density --null gnm --shard x", wantErr: `invalid argument "x" for "--shard"`},
		{argv: "--stat density --null gnm", wantErr: "name an embedded network"},
		{argv: "ledger-two-mode --stat density --null bipartite-degree --trades 5000", check: func(o *TestOptions) bool { return o.Trades == 5000 }},
		{argv: "ledger --stat density --null degree --trades -1", wantErr: `invalid argument -1 for "--trades"`},
		{argv: "ledger --stat density --null gnm --trades 10", wantErr: "--trades is for the null models drawn by a Markov chain"},
		{argv: "ledger --stat density --null gnm --group kind", wantErr: "unknown flag: --group"},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *TestOptions
			c := NewCmdTest(&Factory{IO: io}, func(o *TestOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && !tt.check(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

// TestTestShardsMerge checks that three shards merged give exactly the
// output of the unsharded run.
func TestTestShardsMerge(t *testing.T) {
	args := []string{"test", "ledger", "--stat", "centralization.betweenness,gini.strength", "--null", "gnm", "--samples", "60", "--seed", "5", "--format", "json"}
	io, whole, errOut := Test()
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dir := t.TempDir()
	var files []string
	for i := 1; i <= 3; i++ {
		io, out, errOut := Test()
		if code := Run(append(args, "--shard", strings.Replace("i/3", "i", string(rune('0'+i)), 1)), &Factory{IO: io}); code != ExitOK {
			t.Fatalf("shard %d: exit %d: %s", i, code, errOut)
		}
		f := filepath.Join(dir, "part"+string(rune('0'+i))+".json")
		os.WriteFile(f, out.Bytes(), 0o644)
		files = append(files, f)
	}
	io, merged, errOut := Test()
	if code := Run(append([]string{"test", "merge", "--format", "json"}, files...), &Factory{IO: io}); code != ExitOK {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	if merged.String() != whole.String() {
		t.Errorf("merged\n%s\nunsharded\n%s", merged, whole)
	}
	// A missing shard is refused.
	io, _, errOut = Test()
	if code := Run([]string{"test", "merge", files[0], files[2]}, &Factory{IO: io}); code == ExitOK {
		t.Errorf("merge of 2 of 3 shards succeeded: %s", errOut)
	} else if !strings.Contains(errOut.String(), "missing shard 2/3") {
		t.Errorf("merge without --shard 2/3 says %q, want it to name shard 2/3 as --shard does", errOut)
	}
}

func TestTestConstantWarning(t *testing.T) {
	// Degree centralization cannot vary under the degree null.
	io, out, errOut := Test()
	code := Run([]string{"test", "ledger", "--stat", "centralization.degree", "--null", "degree", "--samples", "20"}, &Factory{IO: io})
	if code != ExitOK || !strings.Contains(errOut.String(), "is constant under the degree null model") || !strings.Contains(out.String(), "\ttrue\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	io, _, errOut = Test()
	code = Run([]string{"test", "ledger", "--stat", "density", "--null", "bipartite-degree"}, &Factory{IO: io})
	if code != ExitUsage || !strings.Contains(errOut.String(), "--null bipartite-degree needs a two-mode network") {
		t.Errorf("bipartite on a one-mode network: exit %d, %q", code, errOut)
	}
}

func TestTestDecentralization(t *testing.T) {
	io, out, errOut := Test()
	code := Run([]string{"test", "decentralization", "--samples", "99", "--format", "csv"}, &Factory{IO: io})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "statistic,value,jackknife_95%,missing_20%,meaning") || !strings.HasPrefix(lines[1], "intermediaries,") ||
		!strings.Contains(errOut.String(), "out-tree by construction") || !strings.Contains(errOut.String(), "described, not tested") ||
		strings.Contains(out.String(), "p_upper") {
		t.Errorf("stdout\n%s\nstderr\n%s", out, errOut)
	}
}

func TestTestCompareAndSensitivity(t *testing.T) {
	for _, tt := range []struct {
		args    []string
		code    ExitCode
		want    string
		wantErr string
	}{
		{[]string{"test", "compare", "--by", "year", "--a", "2017", "--b", "2018", "--samples", "49", "--format", "csv"}, ExitOK, "end_users.hhi,2017,2018,11,19,", ""},
		{[]string{"test", "compare", "--by", "year", "--a", "2017", "--b", "2017"}, ExitUsage, "", "--a and --b must name two different groups"},
		{[]string{"test", "compare", "--by", "colour", "--a", "x", "--b", "y"}, ExitUsage, "", `invalid argument "colour" for "--by"`},
		{[]string{"test", "sensitivity", "--fractions", "0,0.2", "--samples", "29", "--format", "csv"}, ExitOK, "fraction_removed,mean,", ""},
		{[]string{"test", "sensitivity", "--remove", "rows"}, ExitUsage, "", `invalid argument "rows" for "--remove"`},
		{[]string{"test", "sensitivity", "--fractions", "1.5"}, ExitUsage, "", "is not in [0, 1)"},
	} {
		io, out, errOut := Test()
		code := Run(tt.args, &Factory{IO: io})
		if code != tt.code || !strings.Contains(out.String(), tt.want) || !strings.Contains(errOut.String(), tt.wantErr) {
			t.Errorf("%v: exit %d\nstdout %q\nstderr %q", tt.args, code, out, errOut)
		}
	}
}

// TestTestTrades checks that --trades reaches the null model (a chain of
// one trade per graph gives other graphs than the default) and that
// merge refuses shards of runs with different --trades.
func TestTestTrades(t *testing.T) {
	args := []string{"test", "ledger", "--stat", "centralization.betweenness", "--null", "degree", "--samples", "40", "--format", "json"}
	run := func(extra ...string) string {
		t.Helper()
		io, out, errOut := Test()
		if code := Run(append(append([]string{}, args...), extra...), &Factory{IO: io}); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", extra, code, errOut)
		}
		return out.String()
	}
	if def, one := run(), run("--trades", "1"); def == one {
		t.Errorf("--trades 1 gives the output of the default chain:\n%s", one)
	}
	if a, b := run("--trades", "0"), run(); a != b {
		t.Errorf("--trades 0 is not the default")
	}
	dir := t.TempDir()
	p1, p2 := filepath.Join(dir, "p1.json"), filepath.Join(dir, "p2.json")
	os.WriteFile(p1, []byte(run("--shard", "1/2", "--trades", "50")), 0o644)
	os.WriteFile(p2, []byte(run("--shard", "2/2")), 0o644)
	io, _, errOut := Test()
	if code := Run([]string{"test", "merge", p1, p2}, &Factory{IO: io}); code == ExitOK || !strings.Contains(errOut.String(), "different --trades (50 and 0)") {
		t.Errorf("merge of shards with different --trades: exit %d, %q", code, errOut)
	}
}
