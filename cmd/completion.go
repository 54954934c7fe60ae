package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/report"
)

// Shell completion. Cobra's "ecosys completion bash|zsh|fish|powershell"
// prints the script; the functions here complete the arguments that name
// things of ecosys: figures (ecosys plot NAME) and cases (ecosys cases
// show ID). Each candidate carries a description, which zsh and fish show.

// completeFigures completes the figure name of "ecosys plot".
func completeFigures(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, f := range report.Catalogue() {
		if strings.HasPrefix(f.Name, toComplete) {
			out = append(out, f.Name+"\t"+f.Summary)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeCases returns the completion of the case id of "ecosys cases
// show": the ids of the case data that in names (the embedded case data,
// or --cases-dir when it is given and readable).
func completeCases(in *caseInput) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		_, d, err := in.load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, c := range d.Cases {
			if strings.HasPrefix(c.ID, toComplete) {
				out = append(out, c.ID+"\t"+c.Title)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
