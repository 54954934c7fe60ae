package cmd

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateEmit = flag.Bool("update-emit", false, "rewrite the golden files of testdata/emit")

// env returns a LookupEnv over pairs "KEY=VALUE".
func env(pairs ...string) func(string) (string, bool) {
	m := map[string]string{}
	for _, p := range pairs {
		k, v, _ := strings.Cut(p, "=")
		m[k] = v
	}
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

// TestEmitGolden checks the batch files that --emit prints against
// testdata/emit (go test ./cmd -run TestEmitGolden -update-emit rewrites
// them): a Slurm script and a Kubernetes Indexed Job manifest, for
// ecosys test and ecosys test ecosystem, with a file name that needs
// quoting.
func TestEmitGolden(t *testing.T) {
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"test.sbatch", []string{"test", "--edges", "my edges.csv", "--directed", "--stat", "centralization.betweenness,gini.strength", "--null", "degree", "--samples", "200000", "--seed", "7", "--workers", "2", "--format", "json", "--emit", "slurm", "--shards", "10"}},
		{"test.yaml", []string{"test", "--edges", "my edges.csv", "--directed", "--stat", "centralization.betweenness,gini.strength", "--null", "degree", "--samples", "200000", "--seed", "7", "--workers", "2", "--format", "json", "--emit", "k8s", "--shards", "10"}},
		{"ecosystem.sbatch", []string{"test", "ecosystem", "--ledger", "甲公司.csv", "--ledger", "it's b.csv", "--entities", "parties.csv", "--population", "60", "--quiet", "--emit", "slurm", "--shards", "4"}},
		{"ecosystem.yaml", []string{"test", "ecosystem", "--samples", "100000", "--emit", "k8s", "--shards", "20"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			io, out, errOut := Test()
			if code := Run(tt.args, &Factory{IO: io}); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			path := filepath.Join("testdata", "emit", tt.golden)
			if *updateEmit {
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != string(want) {
				t.Errorf("%v printed\n%s\nwant (%s)\n%s", tt.args, out, path, want)
			}
			if errOut.Len() != 0 {
				t.Errorf("stderr %q", errOut)
			}
		})
	}
}

// TestEmitOut checks --out: the file holds what standard output would,
// with its own name in the instructions, and an existing file (an input, say) is never replaced.
func TestEmitOut(t *testing.T) {
	dir := t.TempDir()
	args := []string{"test", "ledger", "--stat", "gini.strength", "--null", "gnm", "--emit", "slurm", "--shards", "3"}
	io, want, _ := Test()
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatal(code)
	}
	out := filepath.Join(dir, "job.sbatch")
	io, stdout, errOut := Test()
	if code := Run(append(args, "--out", out), &Factory{IO: io}); code != ExitOK || stdout.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	// The same, but for the name of the file in its instructions.
	if got, _ := os.ReadFile(out); string(got) != strings.ReplaceAll(want.String(), "ecosys-test.sbatch", "job.sbatch") {
		t.Errorf("--out wrote\n%s\nwant\n%s", got, want)
	}
	io, _, errOut = Test()
	if code := Run(append(args, "--out", out), &Factory{IO: io}); code != ExitError || !strings.Contains(errOut.String(), "job.sbatch already exists: remove it or give another --out") {
		t.Errorf("second --out: exit %d, %q", code, errOut)
	}
}

func TestEmitAndShardFlags(t *testing.T) {
	slurm := env("SLURM_ARRAY_TASK_ID=12", "SLURM_ARRAY_TASK_MIN=10", "SLURM_ARRAY_TASK_MAX=13", "SLURM_ARRAY_TASK_COUNT=4")
	for _, tt := range []struct {
		args    string
		env     func(string) (string, bool)
		wantErr string
	}{
		{"ledger --stat density --null gnm --emit pbs --shards 2", nil, `invalid argument "pbs" for "--emit" flag: want slurm or k8s`},
		{"ledger --stat density --null gnm --emit slurm", nil, "--emit needs --shards N"},
		{"ledger --stat density --null gnm --emit slurm --shards 2 --shard 1/2", nil, "--emit writes --shard itself"},
		{"ledger --stat density --null gnm --emit slurm --shards 1001", nil, "Slurm arrays hold 1000 tasks"},
		{"ledger --stat density --null gnm --shards 2", nil, "--shards goes with --emit"},
		{"ledger --stat density --null gnm --out x.sh", nil, "--out goes with --emit"},
		{"ledger --stat density --null gnm --shard auto", env(), "SLURM_ARRAY_TASK_ID is not set; this is not a Slurm array task"},
		{"ledger --stat density --null gnm --shard auto", env("SLURM_ARRAY_TASK_ID=3", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=7", "SLURM_ARRAY_TASK_COUNT=4"), "an array with a step or a list of ids"},
		{"ledger --stat density --null gnm --shard auto/4", env(), "JOB_COMPLETION_INDEX is not set"},
		{"ledger --stat density --null gnm --shard auto/4", env("JOB_COMPLETION_INDEX=4"), "the Job's completions must equal 4"},
		{"ledger --stat density --null gnm --shard auto", slurm, ""},
	} {
		t.Run(tt.args, func(t *testing.T) {
			for _, eco := range []bool{false, true} {
				io, _, _ := Test()
				f := &Factory{IO: io, LookupEnv: tt.env}
				if eco {
					// The same flags and errors on ecosys test ecosystem.
					args := strings.Replace(tt.args, "ledger --stat density --null gnm", "", 1)
					checkErr(t, execute(NewCmdTestEcosystem(f, func(*TestEcosystemOptions) error { return nil }), args), tt.wantErr)
					continue
				}
				checkErr(t, execute(NewCmdTest(f, func(*TestOptions) error { return nil }), tt.args), tt.wantErr)
			}
		})
	}
}

// TestShardAuto runs ecosys test as the four tasks of a Slurm array
// --array=0-3 and as the four pods of an Indexed Job: merged, each gives
// exactly the unsharded result.
func TestShardAuto(t *testing.T) {
	args := []string{"test", "ledger", "--stat", "gini.strength", "--null", "gnm", "--samples", "41", "--seed", "3", "--format", "json"}
	io, whole, errOut := Test()
	if code := Run(args, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, sched := range []struct {
		shard string
		env   func(task int) func(string) (string, bool)
	}{
		{"auto", func(i int) func(string) (string, bool) {
			return env(fmt.Sprintf("SLURM_ARRAY_TASK_ID=%d", i), "SLURM_ARRAY_TASK_MIN=0", "SLURM_ARRAY_TASK_MAX=3", "SLURM_ARRAY_TASK_COUNT=4")
		}},
		{"auto/4", func(i int) func(string) (string, bool) { return env(fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i)) }},
	} {
		dir := t.TempDir()
		var files []string
		for i := range 4 {
			io, out, errOut := Test()
			if code := Run(append(args, "--shard", sched.shard), &Factory{IO: io, LookupEnv: sched.env(i)}); code != ExitOK {
				t.Fatalf("%s task %d: exit %d: %s", sched.shard, i, code, errOut)
			}
			if want := fmt.Sprintf(`"index": %d,`, i); !strings.Contains(out.String(), want) {
				t.Errorf("%s task %d: shard JSON lacks %s", sched.shard, i, want)
			}
			f := filepath.Join(dir, fmt.Sprintf("part%d.json", i))
			if err := os.WriteFile(f, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		io, merged, errOut := Test()
		if code := Run(append([]string{"test", "merge", "--format", "json"}, files...), &Factory{IO: io}); code != ExitOK {
			t.Fatalf("merge: exit %d: %s", code, errOut)
		}
		if merged.String() != whole.String() {
			t.Errorf("%s: merged\n%s\nunsharded\n%s", sched.shard, merged, whole)
		}
	}
}
