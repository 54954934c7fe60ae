package inference

import (
	"fmt"
	"strings"
	"testing"
)

// envOf returns a LookupEnv over a map.
func envOf(m map[string]string) LookupEnv {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

// slurm returns the variables Slurm sets in a task of an array.
func slurm(id, lo, hi, count int) map[string]string {
	return map[string]string{
		"SLURM_ARRAY_TASK_ID": fmt.Sprint(id), "SLURM_ARRAY_TASK_MIN": fmt.Sprint(lo),
		"SLURM_ARRAY_TASK_MAX": fmt.Sprint(hi), "SLURM_ARRAY_TASK_COUNT": fmt.Sprint(count),
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		spec    string
		env     map[string]string
		want    Shard
		wantErr string
	}{
		{spec: "1/1", want: Shard{0, 1}},
		{spec: "3/10", want: Shard{2, 10}},
		{spec: "0/3", wantErr: "want i/k with 1 ≤ i ≤ k"},
		{spec: "4/3", wantErr: "want i/k"},
		{spec: "x", wantErr: "want i/k"},
		{spec: "", wantErr: "want i/k"},
		// Slurm: any start index.
		{spec: "auto", env: slurm(1, 1, 4, 4), want: Shard{0, 4}},
		{spec: "auto", env: slurm(4, 1, 4, 4), want: Shard{3, 4}},
		{spec: "auto", env: slurm(0, 0, 3, 4), want: Shard{0, 4}},
		{spec: "auto", env: slurm(3, 0, 3, 4), want: Shard{3, 4}},
		{spec: "auto", env: slurm(12, 10, 13, 4), want: Shard{2, 4}},
		{spec: "auto", env: map[string]string{"SLURM_ARRAY_TASK_ID": " 2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "2", "SLURM_ARRAY_TASK_COUNT": "2"}, want: Shard{1, 2}},
		// A list without gaps is a range.
		{spec: "auto", env: slurm(2, 1, 3, 3), want: Shard{1, 3}},
		// Steps and lists with gaps are refused.
		{spec: "auto", env: slurm(3, 1, 7, 4), wantErr: "an array with a step or a list of ids"},
		{spec: "auto", env: slurm(8, 1, 8, 3), wantErr: "submit a range without gaps (--array=1-3)"},
		{spec: "auto", env: slurm(5, 1, 4, 4), wantErr: "inconsistent Slurm array"},
		{spec: "auto", env: slurm(1, 4, 1, 4), wantErr: "inconsistent Slurm array"},
		{spec: "auto", env: nil, wantErr: "SLURM_ARRAY_TASK_ID is not set; this is not a Slurm array task"},
		{spec: "auto", env: map[string]string{"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4"}, wantErr: "SLURM_ARRAY_TASK_COUNT is not set"},
		{spec: "auto", env: map[string]string{"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "", "SLURM_ARRAY_TASK_MAX": "4", "SLURM_ARRAY_TASK_COUNT": "4"}, wantErr: "SLURM_ARRAY_TASK_MIN is not set"},
		{spec: "auto", env: map[string]string{"SLURM_ARRAY_TASK_ID": "a", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4", "SLURM_ARRAY_TASK_COUNT": "4"}, wantErr: `SLURM_ARRAY_TASK_ID="a" is not an integer`},
		// Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX is 0-based.
		{spec: "auto/4", env: map[string]string{"JOB_COMPLETION_INDEX": "0"}, want: Shard{0, 4}},
		{spec: "auto/4", env: map[string]string{"JOB_COMPLETION_INDEX": "3"}, want: Shard{3, 4}},
		{spec: "auto/1", env: map[string]string{"JOB_COMPLETION_INDEX": "0"}, want: Shard{0, 1}},
		{spec: "auto/4", env: map[string]string{"JOB_COMPLETION_INDEX": "4"}, wantErr: "JOB_COMPLETION_INDEX=4 is not in 0…3: the Job's completions must equal 4"},
		{spec: "auto/4", env: map[string]string{"JOB_COMPLETION_INDEX": "-1"}, wantErr: "is not in 0…3"},
		{spec: "auto/4", env: map[string]string{"JOB_COMPLETION_INDEX": "one"}, wantErr: `JOB_COMPLETION_INDEX="one" is not an integer`},
		{spec: "auto/4", env: slurm(1, 1, 4, 4), wantErr: "JOB_COMPLETION_INDEX is not set; this is not a pod of a Kubernetes Indexed Job"},
		{spec: "auto/0", env: map[string]string{"JOB_COMPLETION_INDEX": "0"}, wantErr: "want auto/N with N ≥ 1"},
		{spec: "auto/x", wantErr: "want auto/N"},
	}
	for _, tt := range tests {
		t.Run(tt.spec+fmt.Sprint(tt.env), func(t *testing.T) {
			got, err := ParseShard(tt.spec, envOf(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseShard(%q) = %v, %v; want error containing %q", tt.spec, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseShard(%q) = %v, %v; want %v", tt.spec, got, err, tt.want)
			}
		})
	}
}

// TestIndexedJobShardCoversRun checks the JOB_COMPLETION_INDEX mapping as
// Kubernetes runs it: the pods 0…N−1 of an Indexed Job of N completions
// get the N shards once each, so their replicates are those of the whole
// run, each once.
func TestIndexedJobShardCoversRun(t *testing.T) {
	const n, samples = 4, 103
	seen := make([]int, samples)
	for pod := range n {
		s, err := IndexedJobShard(n, envOf(map[string]string{"JOB_COMPLETION_INDEX": fmt.Sprint(pod)}))
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range s.indices(samples) {
			seen[i]++
		}
	}
	for i, c := range seen {
		if c != 1 {
			t.Fatalf("replicate %d computed by %d pods", i, c)
		}
	}
}
