package cmd

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/report"
)

// NewCmdLedger returns the "ledger" command group.
func NewCmdLedger(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ledger <command>",
		Short: "Summarise a contract ledger",
		Long: `Work with a contract ledger: the embedded i-SOON ledger by default, or
your own CSV with --ledger.

A ledger CSV needs the columns contractor_id, end_user_id and amount_cny
(yuan, at most two decimals); signatory_id (default: the end user),
client_type, row, contract_no, date (2018-05-17, 2018-05 or 2018) or
date_start/date_end/date_precision (a date with two readings: precision
ambiguous, the second reading in date_alt_start/date_alt_end; the first is
used), title and description are optional, and other columns are ignored. An entity table (--entities) with the columns id,
name_zh, name_en, kind, ministry, level, province and city gives the parties
their attributes; without it, parties are known only by their ids.`,
		Args: groupArgs,
		RunE: groupHelp,
	}
	cmd.AddCommand(NewCmdLedgerSummary(f, nil))
	cmd.AddCommand(NewCmdLedgerParties(f, nil))
	return cmd
}

// LedgerPartiesOptions are the options of "ecosys ledger parties".
type LedgerPartiesOptions struct {
	IO     *IOStreams
	Input  ledgerInput
	Format string
}

// NewCmdLedgerParties returns the "ledger parties" command. If runF is not
// nil, it is called with the parsed options instead of running the command.
func NewCmdLedgerParties(f *Factory, runF func(*LedgerPartiesOptions) error) *cobra.Command {
	opts := &LedgerPartiesOptions{IO: f.IO, Input: ledgerInput{Warn: warner(f.IO)}}
	cmd := &cobra.Command{
		Use:   "parties",
		Short: "List the parties of the ledger network with degree and strength",
		Long: `List every party of the ledger network (contractor → signatory → end user)
with its attributes, its role, its in- and out-degree (distinct partners)
and its in- and out-strength counted in contracts and in CNY.`,
		Example: `  ecosys ledger parties
  ecosys ledger parties --format csv > parties.csv`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return ledgerPartiesRun(opts)
		},
	}
	addLedgerFlags(cmd, &opts.Input)
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

func ledgerPartiesRun(opts *LedgerPartiesOptions) error {
	l, _, err := opts.Input.load()
	if err != nil {
		return err
	}
	parties := analysis.Parties(network.BuildLedger(l))
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, parties)
	}
	t := report.PartyTable(parties)
	return writeTable(opts.IO.Out, opts.Format, t.Header, t.Rows, opts.IO.IsTTY)
}

// LedgerSummaryOptions are the options of "ecosys ledger summary".
type LedgerSummaryOptions struct {
	IO     *IOStreams
	Input  ledgerInput
	By     string
	Format string
}

func dimensionNames() []string {
	names := make([]string, len(network.Dimensions))
	for i, d := range network.Dimensions {
		names[i] = string(d)
	}
	return names
}

// NewCmdLedgerSummary returns the "ledger summary" command. If runF is not
// nil, it is called with the parsed options instead of running the command.
func NewCmdLedgerSummary(f *Factory, runF func(*LedgerSummaryOptions) error) *cobra.Command {
	opts := &LedgerSummaryOptions{IO: f.IO, Input: ledgerInput{Warn: warner(f.IO)}}
	cmd := &cobra.Command{
		Use:   "summary",
		Short: "Count contracts and sum amounts by a dimension",
		Long: `Count the contracts of a ledger and sum their amounts (exactly, in CNY)
by a dimension, with each group's share and the total.

Dimensions: contractor, client-type (the printed client direction),
end-user, signatory, province, level, ministry and kind (of the end user,
from the entity table), year (of the signing date) and direct (signed by
the end user itself, or through an intermediary). Several dimensions,
comma-separated, cross-tabulate: one row per combination that occurs,
with a column per dimension. Groups are sorted by number of contracts,
then amount; years are sorted by year.`,
		Example: `  ecosys ledger summary
  ecosys ledger summary --by level --format markdown
  ecosys ledger summary --by client-type --format json
  ecosys ledger summary --by contractor
  ecosys ledger summary --by province,client-type
  ecosys ledger summary --ledger my-ledger.csv --entities my-parties.csv --by province`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			dims := strings.Split(opts.By, ",")
			for i, d := range dims {
				if _, err := network.ParseDimension(d); err != nil {
					return FlagErrorf("invalid argument %q for \"--by\" flag: want one or more of %s, comma-separated", opts.By, strings.Join(dimensionNames(), ", "))
				}
				if slices.Contains(dims[:i], d) {
					return FlagErrorf("invalid argument %q for \"--by\" flag: %s given twice", opts.By, d)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return ledgerSummaryRun(opts)
		},
	}
	addLedgerFlags(cmd, &opts.Input)
	cmd.Flags().StringVar(&opts.By, "by", string(network.DimClientType), "Dimension, or dimensions to cross-tabulate (comma-separated): {"+strings.Join(dimensionNames(), "|")+"}")
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions(dimensionNames(), cobra.ShellCompDirectiveNoFileComp))
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

// addLedgerFlags adds --ledger and --entities.
func addLedgerFlags(cmd *cobra.Command, in *ledgerInput) {
	cmd.Flags().StringVar(&in.LedgerPath, "ledger", "", "Ledger CSV `file` (default: the embedded i-SOON ledger)")
	cmd.Flags().StringVar(&in.EntitiesPath, "entities", "", "Entity table CSV `file` giving the parties' kind, ministry, level and place")
	addDelimiterFlag(cmd, &in.Delimiter)
}

// summaryJSON is the JSON output of "ledger summary".
type summaryJSON struct {
	Ledger string `json:"ledger"`
	By     string `json:"by"`
	metrics.Tally
	// Keys lists each group's value along every dimension, in the order
	// of Groups, for a cross-tabulation.
	Keys [][]string `json:"keys,omitempty"`
}

func ledgerSummaryRun(opts *LedgerSummaryOptions) error {
	l, _, err := opts.Input.load()
	if err != nil {
		return err
	}
	var dims []network.Dimension
	for _, d := range strings.Split(opts.By, ",") {
		dims = append(dims, network.Dimension(d))
	}
	g, err := l.GroupBy(dims[0], dims[1:]...)
	if err != nil {
		return err
	}
	t := metrics.Tabulate(g)
	if len(dims) == 1 && g.Dimension == network.DimYear {
		t.SortByKey()
	}
	if opts.Format == FormatJSON {
		out := summaryJSON{Ledger: l.Source, By: opts.By, Tally: t}
		if len(dims) > 1 {
			for _, gr := range t.Groups {
				out.Keys = append(out.Keys, strings.Split(gr.Key, network.KeySep))
			}
		}
		return writeJSON(opts.IO.Out, out)
	}
	var header []string
	named := false
	for _, d := range dims {
		header = append(header, strings.ReplaceAll(string(d), "-", "_"))
		named = named || d == network.DimEndUser || d == network.DimSignatory || d == network.DimContractor
	}
	if named {
		header = append(header, "name")
	}
	header = append(header, "contracts", "amount_cny", "share_contracts", "share_amount")
	var rows [][]string
	row := func(keys []string, label string, n int, amount string, sc, sa float64) {
		r := slices.Clone(keys)
		if named {
			r = append(r, label)
		}
		rows = append(rows, append(r, fmt.Sprint(n), amount, fmt.Sprintf("%.4f", sc), fmt.Sprintf("%.4f", sa)))
	}
	for _, gr := range t.Groups {
		row(strings.Split(gr.Key, network.KeySep), gr.Label, gr.Contracts, string(gr.AmountCNY), gr.ShareContracts, gr.ShareAmount)
	}
	total := make([]string, len(dims))
	total[0] = "total"
	row(total, "", t.TotalContracts, string(t.TotalCNY), 1, 1)
	return writeTable(opts.IO.Out, opts.Format, header, rows, opts.IO.IsTTY)
}
