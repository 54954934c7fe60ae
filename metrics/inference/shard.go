package inference

import (
	"fmt"
	"strconv"
	"strings"
)

// LookupEnv looks up an environment variable, as os.LookupEnv does. The
// shard functions take it as a parameter so that they can be tested
// without touching the process's environment.
type LookupEnv func(key string) (value string, ok bool)

// ParseShard reads a shard from the command line's notation:
//
//	"i/k"     shard i of k, 1 ≤ i ≤ k (1-based, as a Slurm array --array=1-k)
//	"auto"    the Slurm array task of this process (SlurmShard)
//	"auto/N"  the Kubernetes Indexed Job pod of this process, of N (IndexedJobShard)
//
// It returns the 0-based Shard. Errors say what was expected and, for
// "auto", which variable is missing or inconsistent.
func ParseShard(s string, env LookupEnv) (Shard, error) {
	if s == "auto" {
		return SlurmShard(env)
	}
	a, b, ok := strings.Cut(s, "/")
	if ok && a == "auto" {
		n, err := strconv.Atoi(b)
		if err != nil || n < 1 {
			return Shard{}, fmt.Errorf("inference: shard %q: want auto/N with N ≥ 1 the number of shards (the Job's completions)", s)
		}
		return IndexedJobShard(n, env)
	}
	i, err1 := strconv.Atoi(a)
	k, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || k < 1 || i < 1 || i > k {
		return Shard{}, fmt.Errorf("inference: shard %q: want i/k with 1 ≤ i ≤ k, auto (a Slurm array task) or auto/N (a Kubernetes Indexed Job of N completions)", s)
	}
	return Shard{Index: i - 1, Count: k}, nil
}

// SlurmShard returns the shard of a Slurm array task: with the array's
// task ids MIN…MAX (SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_MAX) and this
// task's id SLURM_ARRAY_TASK_ID,
//
//	Index = SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN,  Count = SLURM_ARRAY_TASK_COUNT
//
// so --array=1-10 and --array=0-9 both give the ten shards 0…9. An array
// with a step or a list of ids that leaves gaps (--array=1-7:2,
// --array=1,3,8), where SLURM_ARRAY_TASK_COUNT ≠ MAX − MIN + 1, is refused:
// a task's id would not say which part of the run it is. A task run again
// alone (sbatch --array=3 for a failed task 3 of 1-4) is a one-task array
// and computes shard 1 of 1; Merge then refuses to combine it with the
// others, so give such a task its shard explicitly (3/4).
//
// It returns an error naming the variable when one is missing or not an
// integer, or when the ids are inconsistent.
func SlurmShard(env LookupEnv) (Shard, error) {
	var v [4]int
	for i, key := range []string{"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_COUNT"} {
		s, ok := env(key)
		if !ok || s == "" {
			return Shard{}, fmt.Errorf("inference: shard auto: %s is not set; this is not a Slurm array task (submit with sbatch --array=1-K, or give the shard as i/k; in a Kubernetes Indexed Job use auto/N)", key)
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return Shard{}, fmt.Errorf("inference: shard auto: %s=%q is not an integer", key, s)
		}
		v[i] = n
	}
	id, lo, hi, count := v[0], v[1], v[2], v[3]
	switch {
	case lo > hi || id < lo || id > hi || count < 1:
		return Shard{}, fmt.Errorf("inference: shard auto: inconsistent Slurm array: task %d of ids %d-%d, count %d", id, lo, hi, count)
	case count != hi-lo+1:
		return Shard{}, fmt.Errorf("inference: shard auto: the Slurm array has %d tasks with ids %d-%d: an array with a step or a list of ids (--array=1-7:2 or 1,3,8) cannot say which shard a task is; submit a range without gaps (--array=1-%d) or give the shard as i/k", count, lo, hi, count)
	}
	return Shard{Index: id - lo, Count: count}, nil
}

// IndexedJobShard returns the shard of a pod of a Kubernetes Indexed Job
// (completionMode: Indexed) of n completions: Index = JOB_COMPLETION_INDEX
// (0-based), Count = n. Kubernetes does not tell a pod the number of
// completions, hence n.
//
// It returns an error if n < 1, the variable is missing or not an
// integer, or the index is not below n (the Job's completions differ
// from n).
func IndexedJobShard(n int, env LookupEnv) (Shard, error) {
	if n < 1 {
		return Shard{}, fmt.Errorf("inference: shard auto/%d: the number of shards must be at least 1", n)
	}
	s, ok := env("JOB_COMPLETION_INDEX")
	if !ok || s == "" {
		return Shard{}, fmt.Errorf("inference: shard auto/%d: JOB_COMPLETION_INDEX is not set; this is not a pod of a Kubernetes Indexed Job (in a Slurm array use auto, elsewhere i/k)", n)
	}
	i, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return Shard{}, fmt.Errorf("inference: shard auto/%d: JOB_COMPLETION_INDEX=%q is not an integer", n, s)
	}
	if i < 0 || i >= n {
		return Shard{}, fmt.Errorf("inference: shard auto/%d: JOB_COMPLETION_INDEX=%d is not in 0…%d: the Job's completions must equal %d", n, i, n-1, n)
	}
	return Shard{Index: i, Count: n}, nil
}
