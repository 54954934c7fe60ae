// Package arrayjob writes the batch files that run one command line as an
// array of shards on a cluster scheduler, and merge the shards: a Slurm
// array job script (sbatch --array) and a Kubernetes Indexed Job manifest.
//
// A Job names the command of one shard without its shard flag; the
// files add the flag (--shard auto for Slurm, which each task resolves
// from SLURM_ARRAY_TASK_ID; --shard auto/N for Kubernetes, from
// JOB_COMPLETION_INDEX), send each shard's standard output (its JSON) to a
// file of its own and keep its standard error (notes, warnings,
// progress) apart, and say how to merge. Arguments are quoted for the
// POSIX shell (Quote), so file names with spaces, quotes, dollars or
// Chinese characters arrive unchanged.
//
// The package imports only the standard library.
package arrayjob

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Job is a command line to run as an array of shards.
type Job struct {
	// Name names the job, its files and its directory: lower-case letters,
	// digits and '-', starting with a letter, at most 52 characters (a
	// Kubernetes Job name with "-merge" and the pod suffixes fits in 63).
	Name string
	// Command is the argument vector of one shard, program first, without
	// the shard flag.
	Command []string
	// ShardFlag is the flag that selects the shard, such as "--shard".
	ShardFlag string
	// Merge is the argument vector that merges the shards' files, which
	// are appended to it.
	Merge []string
	// Shards is the number of shards, at least 1.
	Shards int
	// CPUs is the number of processors of each shard's task, at least 1.
	CPUs int
	// File is the name under which the batch file is saved, for the
	// commands in its comment; "" means NAME.sbatch or NAME.yaml.
	File string
}

// file returns the name of the batch file with the extension ext.
func (j Job) file(ext string) string {
	if j.File != "" {
		return j.File
	}
	return j.Name + ext
}

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9-]{0,51}$`)

// check validates the job.
func (j Job) check() error {
	switch {
	case !nameRE.MatchString(j.Name) || strings.HasSuffix(j.Name, "-"):
		return fmt.Errorf("arrayjob: job name %q: want lower-case letters, digits and '-', starting with a letter, at most 52 characters", j.Name)
	case len(j.Command) == 0 || len(j.Merge) == 0 || j.ShardFlag == "":
		return errors.New("arrayjob: empty command, merge command or shard flag")
	case j.Shards < 1:
		return fmt.Errorf("arrayjob: %d shards: want at least 1", j.Shards)
	case j.CPUs < 1:
		return fmt.Errorf("arrayjob: %d processors per shard: want at least 1", j.CPUs)
	}
	return nil
}

// safeWord matches the arguments that the POSIX shell reads as they are.
var safeWord = regexp.MustCompile(`^[A-Za-z0-9_@%+=:,./-]+$`)

// Quote returns args as one line of the POSIX shell (sh, bash) that
// passes exactly these arguments: a word of letters, digits and
// _@%+=:,./- is written as it is, any other (empty, with spaces, quotes,
// $, newlines, non-ASCII letters) between single quotes, a single quote
// inside as '\”.
func Quote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if safeWord.MatchString(a) {
			q[i] = a
		} else {
			q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(q, " ")
}

// comment writes each line of s as a comment of shell and YAML: "# " and
// the line, with any newline of an argument written as \n, so that a
// comment never ends early.
func comment(b *strings.Builder, lines ...string) {
	for _, l := range lines {
		l = strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(l)
		if l == "" {
			b.WriteString("#\n")
		} else {
			b.WriteString("# " + l + "\n")
		}
	}
}

// Slurm writes a Slurm batch script for sbatch that runs the job as an
// array of tasks 1…Shards, each with CPUs processors. Task i runs
//
//	exec COMMAND SHARDFLAG auto
//
// and writes its standard output (the shard) to NAME-JOBID_i.json and its
// standard error to NAME-JOBID_i.err (#SBATCH --output, --error), so that
// notes never land in a shard's file. The comment at the top gives the
// command and the two ways to merge: after sbatch --wait, or as a job
// that depends on the array (afterok). It returns the writer's error.
//
// See https://slurm.schedmd.com/job_array.html.
func Slurm(w io.Writer, j Job) error {
	if err := j.check(); err != nil {
		return err
	}
	merge := Quote(j.Merge)
	var b strings.Builder
	b.WriteString("#!/bin/bash\n")
	comment(&b,
		fmt.Sprintf("%d shards of one run as a Slurm array job, then their merge:", j.Shards),
		"",
		"  "+Quote(j.Command),
		"",
		"Submit it from the directory of the input files (the tasks start there).",
		fmt.Sprintf("Task i writes its shard to %s-JOBID_i.json and its messages to", j.Name),
		fmt.Sprintf("%s-JOBID_i.err. Wait for the tasks, then merge:", j.Name),
		"",
		fmt.Sprintf("  sbatch --wait %s        # prints: Submitted batch job JOBID", Quote([]string{j.file(".sbatch")})),
		fmt.Sprintf("  %s %s-JOBID_*.json", merge, j.Name),
		"",
		"or let Slurm merge when every task has succeeded:",
		"",
		fmt.Sprintf("  jid=$(sbatch --parsable %s)", Quote([]string{j.file(".sbatch")})),
		fmt.Sprintf(`  sbatch --dependency=afterok:$jid --output=%[1]s-$jid.out --error=%[1]s-$jid.err --wrap="%[2]s %[1]s-${jid}_*.json"`, j.Name, merge),
		"",
		"A task submitted again alone (sbatch --array=3) would be an array of one",
		fmt.Sprintf("task: run a failed task i by hand instead, with %s i/%d.", j.ShardFlag, j.Shards),
	)
	fmt.Fprintf(&b, "#SBATCH --job-name=%s\n", j.Name)
	fmt.Fprintf(&b, "#SBATCH --array=1-%d\n", j.Shards)
	b.WriteString("#SBATCH --ntasks=1\n")
	fmt.Fprintf(&b, "#SBATCH --cpus-per-task=%d\n", j.CPUs)
	fmt.Fprintf(&b, "#SBATCH --output=%s-%%A_%%a.json\n", j.Name)
	fmt.Fprintf(&b, "#SBATCH --error=%s-%%A_%%a.err\n", j.Name)
	b.WriteString("set -eu\n")
	fmt.Fprintf(&b, "exec %s %s auto\n", Quote(j.Command), j.ShardFlag)
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonString returns s as a JSON string, which YAML reads as a
// double-quoted scalar.
func jsonString(s string) string {
	var b strings.Builder
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	_ = e.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// IndexedJob writes a Kubernetes manifest of two Jobs (batch/v1): NAME,
// an Indexed Job (completionMode: Indexed) of Shards completions, all in
// parallel, whose pod with JOB_COMPLETION_INDEX k runs
//
//	COMMAND SHARDFLAG auto/SHARDS > NAME/part-k.json
//
// in /data, the mount of the PersistentVolumeClaim "ecosys-data" (which
// holds the inputs; ReadWriteMany, as the pods may run on several
// nodes), writing the shard to a temporary file renamed when complete;
// and NAME-merge, which merges NAME/part-*.json into NAME/merged and
// prints it. Standard error stays in the pods' logs. The Jobs carry the
// labels ecosys.step=shards and ecosys.step=merge, so that kubectl apply
// -l applies one after the other; the comment at the top gives the
// commands. The image "ecosys" (any image with ecosys on its PATH and a
// POSIX shell) and the claim name are to be edited. It returns the
// writer's error.
//
// See https://kubernetes.io/docs/concepts/workloads/controllers/job/#completion-mode.
func IndexedJob(w io.Writer, j Job) error {
	if err := j.check(); err != nil {
		return err
	}
	part := j.Name + "/part-$JOB_COMPLETION_INDEX.json"
	shard := fmt.Sprintf("mkdir -p %[1]s && %[2]s %[3]s auto/%[4]d > %[5]s.tmp && mv %[5]s.tmp %[5]s",
		j.Name, Quote(j.Command), j.ShardFlag, j.Shards, part)
	merge := fmt.Sprintf("%[1]s %[2]s/part-*.json > %[2]s/merged.tmp && mv %[2]s/merged.tmp %[2]s/merged && cat %[2]s/merged",
		Quote(j.Merge), j.Name)
	var b strings.Builder
	comment(&b,
		fmt.Sprintf("%d shards of one run as a Kubernetes Indexed Job, then their merge:", j.Shards),
		"",
		"  "+Quote(j.Command),
		"",
		`The pods run in /data, a volume of the claim "ecosys-data" that holds`,
		fmt.Sprintf("the input files; pod k writes its shard to /data/%s/part-k.json.", j.Name),
		`Set the image (one with ecosys on its PATH) and the claim, then:`,
		"",
		fmt.Sprintf("  kubectl apply -f %s -l ecosys.step=shards", Quote([]string{j.file(".yaml")})),
		fmt.Sprintf("  kubectl wait --for=condition=complete --timeout=24h job/%s", j.Name),
		fmt.Sprintf("  kubectl apply -f %s -l ecosys.step=merge", Quote([]string{j.file(".yaml")})),
		fmt.Sprintf("  kubectl wait --for=condition=complete --timeout=1h job/%s-merge", j.Name),
		fmt.Sprintf("  kubectl logs job/%s-merge          # also in /data/%s/merged", j.Name, j.Name),
	)
	job := func(name, step, spec, container, command string) {
		fmt.Fprintf(&b, `apiVersion: batch/v1
kind: Job
metadata:
  name: %s
  labels:
    ecosys.step: %s
spec:
%s  template:
    metadata:
      labels:
        ecosys.step: %s
    spec:
      restartPolicy: Never
      containers:
        - name: %s
          image: ecosys
          workingDir: /data
          command: ["/bin/sh", "-c", %s]
          resources:
            requests:
              cpu: "%d"
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: ecosys-data
`, name, step, spec, step, container, jsonString(command), j.CPUs)
	}
	job(j.Name, "shards", fmt.Sprintf("  completionMode: Indexed\n  completions: %d\n  parallelism: %d\n  backoffLimit: %d\n", j.Shards, j.Shards, j.Shards), "shard", shard)
	b.WriteString("---\n")
	job(j.Name+"-merge", "merge", "  backoffLimit: 0\n", "merge", merge)
	_, err := io.WriteString(w, b.String())
	return err
}
