package cmd

import (
	"strings"

	"github.com/spf13/cobra"
)

// NewCmdRoot returns the root "ecosys" command with all its subcommands.
// Errors are not printed by cobra (Run prints them), flag errors are
// *FlagError, and help goes to f.IO.Out.
func NewCmdRoot(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ecosys",
		Short: "Network analysis of organizational ecosystems",
		Long: `ecosys builds networks from the contracts that tie an organizational
ecosystem together (who works for whom, who signs for whom, on whose
behalf) and measures them.

It embeds one curated, cited data set: the contract ledger of Sichuan
Anxun (i-SOON, 四川安洵), 32 contracts of about 2016-2018 as reproduced in
Figure 2 of NIDS Commentary No. 371 (GOTO and SETO, 2025), with its parties
and every transcription decision. Your own ledger (CSV), edge list (CSV)
or graph file (GraphML, GEXF, node-link JSON) is analysed the same way.

On a terminal, tables are padded; otherwise they are tab-separated, for
sort and cut. Tables and markdown show numbers for people: 4 significant
digits, whole numbers and CNY amounts in full with thousands separators
(0.000999, 46, 324,148,500, 8,270,500.00). Commands that print a table
also take --format csv or json, which keep full precision and no
separators: use them for awk and other programs.

Exit status: 0 success, 1 failure, 2 bad command line, 3 bad input data.`,
		Example: `  ecosys report
  ecosys ledger summary --by client-type --format json
  ecosys metrics ledger --graph
  ecosys test decentralization
  ecosys claims
  ecosys export ledger --format graphml --out isoon.graphml
  ecosys datasets list
  ecosys datasets show isoon-ledger
  ecosys datasets export isoon-ledger --out ledger.csv
  ecosys datasets export --all --out isoon/
  ecosys completion bash > ~/.local/share/bash-completion/completions/ecosys`,
		Version:       f.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          groupArgs,
		RunE:          groupHelp,
	}
	cmd.SetIn(f.IO.In)
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	cmd.SetVersionTemplate("ecosys {{.Version}}\n")
	cmd.SetFlagErrorFunc(flagError)
	// "ecosys completion bash|zsh|fish|powershell" prints a completion
	// script; figure names and case ids complete too (completion.go).
	cmd.SetHelpCommand(newCmdHelp())
	// Commands that group subcommands are runnable only to print their help
	// and to reject unknown subcommands (see groupArgs); their usage shows
	// just "<path> [command]".
	cmd.SetUsageTemplate(strings.Replace(cmd.UsageTemplate(),
		"{{if .Runnable}}", "{{if and .Runnable (not .HasAvailableSubCommands)}}", 1))

	// The top-level commands, in the order of the source; help lists them
	// sorted by name. To add a command, append its constructor here.
	subcommands := []func(*Factory) *cobra.Command{
		NewCmdDatasets,
		NewCmdLedger,
		NewCmdCases,
		func(f *Factory) *cobra.Command { return NewCmdClaims(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdBuild(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdMetrics(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdTest(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdExport(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdReport(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdExplore(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdPlot(f, nil) },
		func(f *Factory) *cobra.Command { return NewCmdVersion(f, nil) },
	}
	for _, newCmd := range subcommands {
		cmd.AddCommand(newCmd(f))
	}
	// Cobra adds "completion" when the command runs; adding it here puts
	// it in the tree that help, tests and the examples check.
	cmd.InitDefaultCompletionCmd()
	return cmd
}

// flagError is the root's FlagErrorFunc: it makes errors from parsing flags
// usage errors.
func flagError(_ *cobra.Command, err error) error { return &FlagError{Err: err} }

// newCmdHelp returns the "help" command. It replaces cobra's, which prints
// the root's help for an unknown topic and exits with status 0.
func newCmdHelp() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Print the help of any command, as \"ecosys <command> --help\" does.",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return FlagErrorf("unknown help topic %q", strings.Join(args, " "))
			}
			target.InitDefaultHelpFlag()    // show --help among the flags
			target.InitDefaultVersionFlag() // and --version, on the root
			return target.Help()
		},
	}
}

// groupArgs is the Args of a command that only groups subcommands: any
// argument left over is an unknown subcommand, a usage error.
func groupArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2 // cobra's default, set lazily by cobra
	}
	if s := c.SuggestionsFor(args[0]); len(s) > 0 {
		return FlagErrorf("unknown command %q for %q; did you mean %q?", args[0], c.CommandPath(), s[0])
	}
	return FlagErrorf("unknown command %q for %q", args[0], c.CommandPath())
}

// groupHelp is the RunE of a command that only groups subcommands: run
// without one, it prints its help.
func groupHelp(c *cobra.Command, _ []string) error { return c.Help() }

// exactArgs is cobra.ExactArgs with a usage error that names what is
// missing or extra.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		switch {
		case len(args) < n:
			return FlagErrorf("missing %s", what)
		case len(args) > n:
			return FlagErrorf("unexpected argument %q", args[n])
		}
		return nil
	}
}

// maxArgs is cobra.MaximumNArgs with a usage error.
func maxArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > n {
			return FlagErrorf("unexpected argument %q", args[n])
		}
		return nil
	}
}
