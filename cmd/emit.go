package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/ecosys-sna/ecosys/arrayjob"
	"github.com/ecosys-sna/ecosys/metrics/inference"
)

// Schedulers of --emit.
const (
	emitSlurm = "slurm"
	emitK8s   = "k8s"
)

// emitOptions are the flags that print an array job for a command that
// takes --shard: --emit, --shards and --out. Job is filled from the
// command line when Kind is set.
type emitOptions struct {
	Kind   string
	Shards int
	Out    string
	Job    arrayjob.Job
}

// addEmitFlags adds --emit, --shards and --out to a command that takes
// --shard.
func addEmitFlags(c *cobra.Command, e *emitOptions) {
	fl := c.Flags()
	fl.StringVar(&e.Kind, "emit", "", "Print a batch file that runs this command as an array of --shards shards and merges them: {slurm|k8s} (sbatch script or Kubernetes Indexed Job)")
	fl.IntVar(&e.Shards, "shards", 0, "Number of shards of --emit")
	fl.StringVar(&e.Out, "out", "", "Write the batch file of --emit to `FILE` instead of standard output")
	_ = c.RegisterFlagCompletionFunc("emit", cobra.FixedCompletions([]string{emitSlurm, emitK8s}, cobra.ShellCompDirectiveNoFileComp))
}

// envLookup returns the environment lookup of the factory: os.LookupEnv
// unless a test set another.
func envLookup(f *Factory) inference.LookupEnv {
	if f.LookupEnv != nil {
		return f.LookupEnv
	}
	return os.LookupEnv
}

// parseShardFlag reads --shard: i/k, auto (a Slurm array task) or auto/N
// (a Kubernetes Indexed Job pod), as inference.ParseShard.
func parseShardFlag(s string, env inference.LookupEnv) (inference.Shard, error) {
	sh, err := inference.ParseShard(s, env)
	if err != nil {
		return sh, FlagErrorf("invalid argument %q for \"--shard\" flag: %s", s, strings.TrimPrefix(err.Error(), "inference: "))
	}
	return sh, nil
}

// prepare checks the emit flags of command c (with positional args and
// the --shard given) and, with --emit, fills e.Job: the command line as
// given, less --emit, --shards, --out and --format (which goes to the
// merge), with its flags in name order, and the merge command. workers
// (the --workers value) sets the processors of each task.
func (e *emitOptions) prepare(c *cobra.Command, args []string, shard string, workers int) error {
	if e.Kind == "" {
		switch {
		case c.Flags().Changed("shards"):
			return FlagErrorf("--shards goes with --emit slurm|k8s")
		case c.Flags().Changed("out"):
			return FlagErrorf("--out goes with --emit slurm|k8s (the results go to standard output)")
		}
		return nil
	}
	switch {
	case e.Kind != emitSlurm && e.Kind != emitK8s:
		return FlagErrorf("invalid argument %q for \"--emit\" flag: want slurm or k8s", e.Kind)
	case e.Shards < 1:
		return FlagErrorf("--emit needs --shards N, the number of shards (at least 1)")
	case shard != "":
		return FlagErrorf("--emit writes --shard itself (auto for Slurm, auto/N for Kubernetes): leave --shard out")
	case e.Kind == emitSlurm && e.Shards > 1000:
		return FlagErrorf("--shards %d: Slurm arrays hold 1000 tasks unless the cluster raised MaxArraySize; use at most 1000", e.Shards)
	}
	argv := append(strings.Fields(c.CommandPath()), args...)
	merge := []string{argv[0], "test", "merge"}
	c.Flags().Visit(func(f *pflag.Flag) {
		switch f.Name {
		case "emit", "shards", "out", "shard":
			return
		case "format":
			merge = append(merge, "--format", f.Value.String())
			return
		}
		if s, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range s.GetSlice() {
				argv = append(argv, "--"+f.Name, v)
			}
			return
		}
		if f.Value.Type() == "bool" {
			if f.Value.String() == "true" {
				argv = append(argv, "--"+f.Name)
			} else {
				argv = append(argv, "--"+f.Name+"="+f.Value.String())
			}
			return
		}
		argv = append(argv, "--"+f.Name, f.Value.String())
	})
	e.Job = arrayjob.Job{Name: strings.Join(strings.Fields(c.CommandPath()), "-"), Command: argv, ShardFlag: "--shard",
		Merge: merge, Shards: e.Shards, CPUs: max(1, workers)}
	if e.Out != "" {
		e.Job.File = filepath.Base(e.Out)
	}
	return nil
}

// write prints the batch file of e.Job to standard output, or writes it
// to --out (atomically, never over an existing file).
func (e *emitOptions) write(io *IOStreams) error {
	var b bytes.Buffer
	var err error
	if e.Kind == emitSlurm {
		err = arrayjob.Slurm(&b, e.Job)
	} else {
		err = arrayjob.IndexedJob(&b, e.Job)
	}
	if err != nil {
		return err
	}
	if e.Out == "" {
		_, err = io.Out.Write(b.Bytes())
		return err
	}
	if err := writeFileAtomic(e.Out, b.Bytes(), false); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: remove it or give another --out", e.Out)
		}
		return err
	}
	return nil
}
