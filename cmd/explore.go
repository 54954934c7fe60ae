package cmd

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/explore"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// ExploreOptions are the options of "ecosys explore".
type ExploreOptions struct {
	IO    *IOStreams
	Input graphInput
	// All says that no network was named: the embedded data's case and
	// ledger networks (or the ledger network of --ledger).
	All   bool
	Seed  uint64
	Out   string
	Force bool
	// Lang is the language of the page's interface: en, zh or both.
	Lang string
}

// NewCmdExplore returns the "explore" command. If runF is not nil, it is
// called with the parsed options instead of running the command.
func NewCmdExplore(f *Factory, runF func(*ExploreOptions) error) *cobra.Command {
	opts := &ExploreOptions{IO: f.IO, Input: graphInput{Ledger: ledgerInput{Warn: warner(f.IO)}}}
	cmd := &cobra.Command{
		Use:   "explore [ledger|ledger-two-mode] --out FILE",
		Short: "Write the interactive evidence explorer of a network (one HTML file)",
		Long: `Write the interactive evidence explorer: one self-contained HTML file
that opens in a browser from disk, with no network request, and shows a
network with pan and zoom, the neighbours of the node under the pointer,
the citations of a node's or tie's relations on click (source, URL,
locator, reliability grade, allegation, dates), filters by grade, case,
relation family and date, and a search by Chinese, English or alias name.
ecosys report writes the same page as explorer.html.

Without a network, the embedded data: the case network (organizations,
ledger parties, people and cases, every relation with its citation) and
the ledger network, with a switch between them; with --ledger, that
ledger's network. "ledger" and "ledger-two-mode" name one embedded
network, as for ecosys metrics; --edges or --graph-file any network,
whose edge attributes type, source, locator, reliability, allegation,
date_start, date_end and case (as ecosys build writes them) become
citations, and --group colours the nodes by an attribute.

The layout is computed here, by the layouts of the network figures:
layered for the ledger network and directed acyclic graphs,
force-directed (seeded by --seed) for the others. A network of more than
1,000 nodes or 5,000 ties is cut to the nodes of highest degree, and the
page says so. The same input and seed give the same bytes. Names and
citations are shown as text, never run as HTML; only http(s) URLs become
links. With --lang zh every word the page writes itself (buttons, filters,
the citation panel's field names, notes) is Chinese, with --lang both
English and Chinese; names and citations stay as recorded.`,
		Example: `  ecosys explore --out explorer.html
  ecosys explore ledger --ledger my-ledger.csv --entities my-entities.csv --out my-explorer.html
  ecosys explore --graph-file case-network.graphml --group kind --out graph.html
  ecosys explore --lang zh --out explorer-zh.html`,
		Args: maxArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			in := &opts.Input
			opts.All = len(args) == 0 && in.EdgesPath == "" && in.GraphPath == ""
			if opts.All {
				args = []string{netLedger}
			}
			if err := in.validate(args); err != nil {
				return err
			}
			if in.Network != "" && in.Group != "" {
				return FlagErrorf("--group colours the nodes of --edges or --graph-file; the ledger networks are coloured by kind of party")
			}
			if opts.Out == "" {
				return FlagErrorf("--out FILE is required (the HTML file to write)")
			}
			if _, err := plots.ParseLang(opts.Lang); err != nil {
				return FlagErrorf("invalid argument %q for \"--lang\" flag: want en, zh or both", opts.Lang)
			}
			if err := opts.refuseInputAsOutput(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return exploreRun(opts)
		},
	}
	opts.Input.addFlags(cmd)
	opts.Input.addGroupFlag(cmd)
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "Seed of the force-directed layout (as ecosys report --seed)")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "Output HTML `file`")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "Replace the output file if it exists")
	cmd.Flags().StringVar(&opts.Lang, "lang", "en", "Interface language: {en|zh|both}")
	return cmd
}

// refuseInputAsOutput makes sure that --out is none of the input files.
func (opts *ExploreOptions) refuseInputAsOutput() error {
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return err
	}
	in := opts.Input
	for _, p := range []string{in.EdgesPath, in.NodesPath, in.GraphPath, in.Ledger.LedgerPath, in.Ledger.EntitiesPath} {
		if a, err := filepath.Abs(p); p != "" && err == nil && a == out {
			return FlagErrorf("--out %s is an input file; choose another name", opts.Out)
		}
	}
	return nil
}

func exploreRun(opts *ExploreOptions) error {
	data, err := opts.data()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := explore.Write(&b, data); err != nil {
		return err
	}
	if err := writeFileAtomic(opts.Out, b.Bytes(), opts.Force); err != nil {
		return err
	}
	for _, n := range data.Networks {
		fmt.Fprintf(opts.IO.ErrOut, "ecosys: %s: %d nodes, %d ties\n", n.Title, len(n.Nodes), len(n.Ties))
		if n.Note != "" {
			fmt.Fprintln(opts.IO.ErrOut, "ecosys: note:", n.Note)
		}
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%d bytes)\n", opts.Out, b.Len())
	return nil
}

// data builds the explorer data of the input.
func (opts *ExploreOptions) data() (explore.Data, error) {
	in := opts.Input
	lang, _ := plots.ParseLang(opts.Lang)
	eo := explore.Options{Seed: opts.Seed, Lang: lang}
	if in.Network == "" {
		g, err := in.readFile()
		if err != nil {
			return explore.Data{}, err
		}
		group := in.Group
		if group == "" && in.TwoMode {
			group = in.ModeColumn
		}
		title := in.GraphPath
		if title == "" {
			title = in.EdgesPath
		}
		n, err := explore.GraphNetwork("graph", explore.Say(lang, "net.graph"), g, group, eo)
		if err != nil {
			return explore.Data{}, err
		}
		return explore.Data{Title: title, Lang: lang, Networks: []explore.Network{n}}, nil
	}
	// The ledger, with the embedded case data for the embedded ledger.
	var l *network.Ledger
	var d *cases.Data
	var err error
	title := "i-SOON contract ledger"
	if in.Ledger.Embedded() {
		if l, d, err = (caseInput{Ledger: in.Ledger}).load(); err != nil {
			return explore.Data{}, err
		}
		eo.LedgerCitation = cases.ISOONLedgerCitation
	} else {
		if l, _, err = in.Ledger.load(); err != nil {
			return explore.Data{}, err
		}
		title = "Contract ledger " + in.Ledger.LedgerPath
	}
	eo.ByContracts = in.Weight == "contracts"
	switch {
	case opts.All:
		return explore.Build(title, l, d, eo)
	case in.Network == netLedger:
		n, err := explore.LedgerNetwork(l, d, eo)
		if err != nil {
			return explore.Data{}, err
		}
		data := explore.Data{Title: title, Lang: lang, Networks: []explore.Network{n}}
		data.AddReferences(d)
		return data, nil
	}
	w := network.ByAmount
	if eo.ByContracts {
		w = network.ByContracts
	}
	tm, err := network.TwoModeOf(l, network.BySignatory, network.ByEndUser)
	if err != nil {
		return explore.Data{}, err
	}
	g := &network.Graph{G: tm.Bipartite(w), AttrNames: []string{"mode", "name_en", "name_zh"}}
	for _, part := range []struct {
		mode string
		es   []network.Entity
	}{{"signatory", tm.Rows}, {"end user", tm.Cols}} {
		for _, e := range part.es {
			g.Names = append(g.Names, part.mode+":"+e.ID)
			g.Attrs = append(g.Attrs, map[string]string{"mode": part.mode, "name_en": e.Name(), "name_zh": e.NameZH})
		}
	}
	n, err := explore.GraphNetwork("two-mode", explore.Say(lang, "net.two-mode"), g, "mode", eo)
	if err != nil {
		return explore.Data{}, err
	}
	return explore.Data{Title: title, Lang: lang, Networks: []explore.Network{n}}, nil
}
