package arrayjob

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// awkward are arguments that the shell would split, expand or end early.
var awkward = []string{"ecosys", "test", "--edges", "my edges.csv", "--nodes", "it's.csv", "$HOME", "`id`", "a\"b", "",
	"line\nbreak", "四川安洵.csv", "*.json", "a;b", "--seed=7", "back\\slash", "tab\there", "!x"}

// shellArgs runs printf in sh over the quoted line and returns the
// arguments sh passed.
func shellArgs(t *testing.T, shell, line string) []string {
	t.Helper()
	out, err := exec.Command(shell, "-c", "printf '%s\\0' "+line).Output()
	if err != nil {
		t.Fatalf("%s -c %q: %v", shell, line, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
}

func TestQuoteRoundTrip(t *testing.T) {
	line := Quote(awkward)
	if got := Quote([]string{"ecosys", "test", "--stat", "density,gini.strength", "--samples", "100"}); got != "ecosys test --stat density,gini.strength --samples 100" {
		t.Errorf("plain words quoted: %s", got)
	}
	for _, shell := range []string{"sh", "bash"} {
		if _, err := exec.LookPath(shell); err != nil {
			t.Logf("%s not found", shell)
			continue
		}
		if got := shellArgs(t, shell, line); !slices.Equal(got, awkward) {
			t.Errorf("%s read %q\nfrom %s\nwant %q", shell, got, line, awkward)
		}
	}
}

func testJob() Job {
	return Job{Name: "ecosys-test", Command: awkward, ShardFlag: "--shard", Merge: []string{"ecosys", "test", "merge", "--format", "json"}, Shards: 4, CPUs: 2}
}

// TestSlurmScript checks what sbatch and bash read in the script: the
// directives before the first command, and a last line that passes the
// command's arguments unchanged with --shard auto.
func TestSlurmScript(t *testing.T) {
	var b strings.Builder
	if err := Slurm(&b, testJob()); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	var directives []string
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "#") {
			break // sbatch reads no directive after the first command
		}
		if strings.HasPrefix(l, "#SBATCH") {
			directives = append(directives, l)
		}
	}
	want := []string{"#SBATCH --job-name=ecosys-test", "#SBATCH --array=1-4", "#SBATCH --ntasks=1", "#SBATCH --cpus-per-task=2",
		"#SBATCH --output=ecosys-test-%A_%a.json", "#SBATCH --error=ecosys-test-%A_%a.err"}
	if !slices.Equal(directives, want) {
		t.Errorf("directives %q, want %q", directives, want)
	}
	_, last, ok := strings.Cut(s, "\nset -eu\nexec ")
	if !ok {
		t.Fatalf("no exec after the directives in\n%s", s)
	}
	last = strings.TrimSuffix(last, "\n")
	if _, err := exec.LookPath("bash"); err == nil {
		if out, err := exec.Command("bash", "-n", "-c", s).CombinedOutput(); err != nil {
			t.Errorf("bash -n: %v %s", err, out)
		}
		got := shellArgs(t, "bash", last)
		if want := append(slices.Clone(awkward), "--shard", "auto"); !slices.Equal(got, want) {
			t.Errorf("the task runs %q, want %q", got, want)
		}
	}
}

// TestIndexedJobManifest checks the shell command of each Job of the
// manifest: JSON strings (YAML double-quoted scalars) that sh runs with
// the arguments unchanged.
func TestIndexedJobManifest(t *testing.T) {
	var b strings.Builder
	if err := IndexedJob(&b, testJob()); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{"completionMode: Indexed\n", "completions: 4\n", "parallelism: 4\n", "name: ecosys-test\n", "name: ecosys-test-merge\n",
		"ecosys.step: shards\n", "ecosys.step: merge\n", "claimName: ecosys-data\n", "cpu: \"2\"\n", "\n---\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("manifest lacks %q", want)
		}
	}
	re := regexp.MustCompile(`command: \["/bin/sh", "-c", (".*")\]`)
	m := re.FindAllStringSubmatch(s, -1)
	if len(m) != 2 {
		t.Fatalf("%d commands in\n%s", len(m), s)
	}
	var shard, merge string
	if json.Unmarshal([]byte(m[0][1]), &shard) != nil || json.Unmarshal([]byte(m[1][1]), &merge) != nil {
		t.Fatalf("commands are not JSON strings: %s, %s", m[0][1], m[1][1])
	}
	// The shard's command, up to its redirection, passes the arguments
	// unchanged and the shard of the pod's index.
	_, cmd, _ := strings.Cut(shard, "&& ")
	cmd, _, _ = strings.Cut(cmd, " > ")
	if got, want := shellArgs(t, "sh", cmd), append(slices.Clone(awkward), "--shard", "auto/4"); !slices.Equal(got, want) {
		t.Errorf("pod runs %q, want %q", got, want)
	}
	if !strings.HasSuffix(shard, "> ecosys-test/part-$JOB_COMPLETION_INDEX.json.tmp && mv ecosys-test/part-$JOB_COMPLETION_INDEX.json.tmp ecosys-test/part-$JOB_COMPLETION_INDEX.json") {
		t.Errorf("shard command %q", shard)
	}
	if !strings.HasPrefix(merge, "ecosys test merge --format json ecosys-test/part-*.json > ") {
		t.Errorf("merge command %q", merge)
	}
	// A newline in an argument cannot end a comment early.
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "break") {
			t.Errorf("an argument's newline ended a comment: %q", l)
		}
	}
}

func TestJobErrors(t *testing.T) {
	for _, tt := range []struct {
		edit func(*Job)
		want string
	}{
		{func(j *Job) { j.Name = "Ecosys" }, "job name"},
		{func(j *Job) { j.Name = "ecosys-" }, "job name"},
		{func(j *Job) { j.Name = strings.Repeat("a", 53) }, "job name"},
		{func(j *Job) { j.Command = nil }, "empty command"},
		{func(j *Job) { j.ShardFlag = "" }, "shard flag"},
		{func(j *Job) { j.Shards = 0 }, "0 shards"},
		{func(j *Job) { j.CPUs = 0 }, "0 processors"},
	} {
		j := testJob()
		tt.edit(&j)
		for _, f := range []func(*strings.Builder, Job) error{
			func(b *strings.Builder, j Job) error { return Slurm(b, j) },
			func(b *strings.Builder, j Job) error { return IndexedJob(b, j) },
		} {
			var b strings.Builder
			if err := f(&b, j); err == nil || !strings.Contains(err.Error(), tt.want) || b.Len() != 0 {
				t.Errorf("%+v: error %v, output %d bytes; want %q and nothing written", j, err, b.Len(), tt.want)
			}
		}
	}
}
