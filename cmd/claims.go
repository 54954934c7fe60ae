package cmd

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
)

// builtinClaimsName names the built-in claim table in messages.
const builtinClaimsName = "datasets/data/claims.csv"

// ClaimsOptions are the options of "ecosys claims".
type ClaimsOptions struct {
	IO        *IOStreams
	Input     caseInput
	Files     []string // --claims, in order
	NoBuiltin bool
	Format    string
}

// NewCmdClaims returns the "claims" command. If runF is not nil, it is
// called with the parsed options instead of running the command.
func NewCmdClaims(f *Factory, runF func(*ClaimsOptions) error) *cobra.Command {
	opts := &ClaimsOptions{IO: f.IO, Input: caseInput{Ledger: ledgerInput{Warn: warner(f.IO)}}}
	cmd := &cobra.Command{
		Use:   "claims [--claims FILE]…",
		Short: "Check published claims, and claims of your own, against the data",
		Long: `Evaluate claims as executable checks: the built-in claims (every
quantitative claim of the sources about the ledger and the case data, in
the embedded table "claims"), then the claims of each --claims FILE.

A claim file is a CSV with the columns id, claim, source, expr and
optionally locator, expect, qualifier, tolerance, data_is and note. expr is
an expression of the expr language (github.com/expr-lang/expr) over the
environment below, with its builtins count, filter, map, sum, len, all,
any, none, one, uniq, groupBy, sortBy, …:

  count(ledger.contracts, .client_type == "public_security")

A boolean expression is the claim itself. A number is compared with expect
by qualifier: exactly, at_least, at_most, more_than, less_than or
approximately (|observed − expect| ≤ tolerance·|expect|, tolerance 0.05
unless given). With data_is partial the data see only part of what the
claim counts, so a count is a lower bound: a count below an at_least
claim is consistent_as_bound, not inconsistent (booleans ignore data_is).
An empty expr needs a note saying what data would test the claim.

Statuses: consistent, inconsistent, consistent_as_bound, not_testable and
error (an expression that does not compile, fails or has the wrong type:
its note, also printed on standard error, is FILE:LINE:COLUMN: expr: …;
the other claims are still evaluated, and the exit status is 3). No
status is stored: each is computed from the data.

With --ledger, built-in claims that refer to ledger or metrics are left
out (they are about the i-SOON ledger); your claims are evaluated on your
ledger. --no-builtin evaluates only your claims.

Environment (a list's elements are name[].field):

` + envHelp(),
		Example: `  ecosys claims
  ecosys claims --format json
  ecosys claims --no-builtin --claims my-claims.csv --ledger my-ledger.csv --entities my-parties.csv`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if opts.NoBuiltin && len(opts.Files) == 0 {
				return FlagErrorf("--no-builtin leaves no claims: give --claims FILE")
			}
			if runF != nil {
				return runF(opts)
			}
			return claimsRun(opts)
		},
	}
	addCaseFlags(cmd, &opts.Input)
	cmd.Flags().StringArrayVar(&opts.Files, "claims", nil, "Claim CSV `file` of your own (repeatable); evaluated after the built-in claims")
	cmd.Flags().BoolVar(&opts.NoBuiltin, "no-builtin", false, "Leave out the built-in claims")
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

// envHelp lists the names of the claims environment with their types and
// descriptions (claims.Names), wrapped to 78 columns.
func envHelp() string {
	var b strings.Builder
	for _, n := range claims.Names() {
		line := n.Path + " (" + n.Type + ")"
		if n.Doc != "" {
			line += ": " + n.Doc
		}
		b.WriteString("  " + strings.TrimPrefix(wrap(line, 78, "      "), "      "))
	}
	return b.String()
}

// builtinClaims reads the built-in claims and returns them with the data
// package's version.
func builtinClaims(warn func(string)) ([]claims.Claim, string, error) {
	meta, err := datasets.Meta()
	if err != nil {
		return nil, "", err
	}
	b, err := datasets.ReadFile(datasets.Claims)
	if err != nil {
		return nil, "", err
	}
	cs, err := claims.Read(builtinClaimsName, bytes.NewReader(b), network.ReadOptions{Warn: warn})
	return cs, meta.Version, err
}

// loadClaims reads the built-in claims (unless left out) and the files.
func (opts *ClaimsOptions) loadClaims() (builtin, user []claims.Claim, err error) {
	ro := network.ReadOptions{Warn: opts.Input.Ledger.Warn}
	if !opts.NoBuiltin {
		if builtin, _, err = builtinClaims(ro.Warn); err != nil {
			return nil, nil, err
		}
	}
	for _, path := range opts.Files {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		cs, err := claims.Read(path, f, ro)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		user = append(user, cs...)
	}
	return builtin, user, nil
}

func claimsRun(opts *ClaimsOptions) error {
	builtin, user, err := opts.loadClaims()
	if err != nil {
		return err
	}
	l, d, err := opts.Input.load()
	if err != nil {
		return err
	}
	meta, err := datasets.Meta()
	if err != nil {
		return err
	}
	co := claims.Options{Version: meta.Version}
	if !opts.Input.Ledger.Embedded() {
		co.LeaveOut = claims.OtherLedger
	}
	rep := claims.Check(claims.NewEnv(l, d), builtin, user, co)
	if opts.Format == FormatJSON {
		err = writeJSON(opts.IO.Out, rep)
	} else {
		err = writeTableKinds(opts.IO.Out, opts.Format, claimsHeader, []colKind{textCol, textCol, numberCol, textCol, numberCol}, claimsRows(rep), opts.IO.IsTTY)
	}
	if err != nil {
		return err
	}
	if rep.LeftOut > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "ecosys: note: %d built-in claims about the i-SOON ledger left out: --ledger gives another ledger\n", rep.LeftOut)
	}
	fmt.Fprintf(opts.IO.ErrOut, "ecosys: note: %s (data package %s %s)\n", tallyText(rep), meta.Name, meta.Version)
	if errs := rep.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// claimsHeader is the header of the table of "ecosys claims".
var claimsHeader = []string{"id", "status", "observed", "qualifier", "expect", "data_is", "claim", "source", "locator", "expr", "note"}

// claimsRows returns the rows of the table of "ecosys claims".
func claimsRows(rep *claims.Report) [][]string {
	rows := make([][]string, len(rep.Claims))
	for i, r := range rep.Claims {
		rows[i] = []string{r.ID, string(r.Status), claims.FormatValue(r.Observed), string(r.Qualifier), claims.FormatValue(r.Expect),
			string(r.DataIs), r.Claim, r.Source, r.Locator, r.Expr, r.Note}
	}
	return rows
}

// tallyText says how many claims have each status: "4 claims: 3
// consistent, 0 inconsistent, …".
func tallyText(rep *claims.Report) string {
	parts := make([]string, len(rep.Tally))
	for i, t := range rep.Tally {
		parts[i] = fmt.Sprintf("%d %s", t.Count, t.Status)
	}
	return fmt.Sprintf("%d claims: %s", len(rep.Claims), strings.Join(parts, ", "))
}
