package cmd

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/report"
)

// embeddedSource is the source line of figures of the embedded ledger.
const embeddedSource = "Source: NIDS Commentary No. 371 (GOTO and SETO 2025), Figure 2"

// ledgerInput names the ledger a command reads: a contracts file and an
// optional entity table, or the embedded data set when both are empty.
type ledgerInput struct {
	LedgerPath   string
	EntitiesPath string
	// Warn receives the readers' warnings (a file converted from GB18030,
	// say); commands set it to print them on standard error.
	Warn func(msg string)
	// Aliases, when set, resolves a user ledger's party names to the ids
	// of known entities (network.ResolveParties); a name of several ids is
	// an input error listing them.
	Aliases *network.Aliases
	// Delimiter separates the fields of the input CSV files (--delimiter);
	// 0: a comma, or a tab for a file whose header has tabs and no comma.
	Delimiter rune
}

// Embedded reports whether the embedded ledger is used.
func (in ledgerInput) Embedded() bool { return in.LedgerPath == "" }

// load reads and joins the ledger. It returns the inputs with their
// checksums, for provenance. Without --entities, a user ledger's parties
// become entities of unknown kind named by their ids; the embedded ledger
// always comes with its entity table unless --entities replaces it.
func (in ledgerInput) load() (*network.Ledger, []report.Input, error) {
	var inputs []report.Input
	read := func(path, embedded string) (string, []byte, error) {
		if path == "" {
			b, err := datasets.ReadFile(embedded)
			if err != nil {
				return "", nil, err
			}
			r, _ := datasets.Lookup(embedded)
			in := report.NewInput(embedded, "", b)
			in.Note = "embedded " + r.Path
			inputs = append(inputs, in)
			return embedded + ".csv", b, nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return "", nil, err
		}
		inputs = append(inputs, report.NewInput(path, path, b))
		return path, b, nil
	}
	lname, lb, err := read(in.LedgerPath, datasets.Ledger)
	if err != nil {
		return nil, nil, err
	}
	ro := network.ReadOptions{Warn: in.Warn, Delimiter: in.Delimiter}
	cs, err := network.ReadContractsWithOptions(lname, bytes.NewReader(lb), ro)
	if err != nil {
		return nil, nil, err
	}
	var es []network.Entity
	if in.EntitiesPath != "" || in.Embedded() {
		ename, eb, err := read(in.EntitiesPath, datasets.Entities)
		if err != nil {
			return nil, nil, err
		}
		if es, err = network.ReadEntitiesWithOptions(ename, bytes.NewReader(eb), ro); err != nil {
			return nil, nil, err
		}
		if es == nil {
			es = []network.Entity{}
		}
	}
	if err := network.ResolveParties(lname, cs, es, network.ReadOptions{Warn: in.Warn, Aliases: in.Aliases, Delimiter: in.Delimiter}); err != nil {
		return nil, nil, err
	}
	l, err := network.NewLedger(lname, cs, es)
	if err != nil {
		return nil, nil, err
	}
	return l, inputs, nil
}

// figureSource returns the source line for figures: the flag if given, the
// paper for the embedded ledger, the file name otherwise.
func (in ledgerInput) figureSource(flag string) string {
	switch {
	case flag != "":
		return flag
	case in.Embedded():
		return embeddedSource
	}
	return fmt.Sprintf("Source: %s", in.LedgerPath)
}

// warner returns a Warn function that prints reader warnings on stderr.
func warner(io *IOStreams) func(string) {
	return func(msg string) { fmt.Fprintln(io.ErrOut, "ecosys: warning:", msg) }
}

// newResults returns the results of a ledger and case data as the report
// and the figures compute them: the embedded data with
// analysis.ISOONResultsOptions; a ledger of your own ungraded and without
// a population for the unobserved-bureau scenario. The built-in claims
// are checked either way (those about the i-SOON ledger only on it).
func newResults(l *network.Ledger, d *cases.Data, embedded bool, samples int, seed uint64, workers int) (*analysis.Results, error) {
	ro := analysis.ResultsOptions{Samples: samples, Seed: seed}
	if embedded {
		ro = analysis.ISOONResultsOptions(samples, seed)
	}
	ro.Workers = workers
	builtin, version, err := builtinClaims(nil)
	if err != nil {
		return nil, err
	}
	ro.Claims = analysis.ClaimsInput{Builtin: builtin, OtherLedger: !embedded, Version: version}
	return analysis.NewResults(l, d, ro), nil
}

// edgePolicy holds --multi and --loops: what the readers of edge lists
// and graph files do with parallel edges and self-loops (graphio.MultiEdges,
// graphio.SelfLoops).
type edgePolicy struct {
	Multi, Loops string
}

// addFlags adds --multi and --loops to fl.
func (p *edgePolicy) addFlags(fl *pflag.FlagSet) {
	multi := names(graphio.MultiEdgesValues)
	loops := names(graphio.SelfLoopsValues)
	fl.Var(NewFormatFlag(&p.Multi, multi[0], multi...), "multi",
		"Parallel edges (a→b twice; a→b and b→a if undirected): {"+strings.Join(multi, "|")+"}: sum the weights (without weights: count them), weight by their number, keep the first, or refuse")
	fl.Var(NewFormatFlag(&p.Loops, loops[0], loops...), "loops",
		"Self-loops (a→a): {"+strings.Join(loops, "|")+"}: drop them, refuse the file, or keep them (export writes them, degree and strength count them, the other measures ignore them; parallel loops are merged by --multi)")
}

// options returns the policy as graphio.ReadOptions warning on warn.
func (p edgePolicy) options(warn func(string)) graphio.ReadOptions {
	return graphio.ReadOptions{Multi: graphio.MultiEdges(p.Multi), Loops: graphio.SelfLoops(p.Loops), Warn: warn}
}

func names[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// ownNetwork reports whether the input names a network of one's own
// (--edges or --graph-file) rather than a ledger.
func (in *graphInput) ownNetwork() bool { return in.EdgesPath != "" || in.GraphPath != "" }

// validateOwn checks the flags of a network of one's own given to a
// command that draws ledgers too (plot, report): not mixed with the
// ledger's flags, and valid as "ecosys metrics" checks them.
func (in *graphInput) validateOwn(l ledgerInput, casesDir string) error {
	in.Ledger.Delimiter = l.Delimiter // --delimiter is registered with the ledger's flags
	if !in.ownNetwork() {
		if in.NodesPath != "" || in.Directed || in.Weighted || in.TwoMode || in.ModeColumn != "" || in.Group != "" {
			return FlagErrorf("--nodes, --directed, --weighted, --two-mode, --mode-column and --group go with --edges FILE (or --graph-file FILE)")
		}
		return nil
	}
	if l.LedgerPath != "" || l.EntitiesPath != "" || casesDir != "" {
		return FlagErrorf("give either a ledger (--ledger, --entities, --cases-dir) or a network of your own (--edges or --graph-file), not both")
	}
	if in.Weight == "" {
		in.Weight = "amount"
	}
	return in.validate(nil)
}

// inputPaths are the files the input reads, to refuse writing over them.
func (in *graphInput) inputPaths() []string {
	return []string{in.EdgesPath, in.NodesPath, in.GraphPath}
}

// ownResults reads the network of one's own and returns its results
// (analysis.NewGraphResults) with its input files, for provenance.
func (in *graphInput) ownResults(seed uint64, workers int) (*analysis.Results, []report.Input, error) {
	g, err := in.readFile()
	if err != nil {
		return nil, nil, err
	}
	mg, err := in.fileGraph(g)
	if err != nil {
		return nil, nil, err
	}
	var inputs []report.Input
	for _, p := range in.inputPaths() {
		if p == "" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		inputs = append(inputs, report.NewInput(p, p, b))
	}
	source := in.GraphPath
	if source == "" {
		source = in.EdgesPath
	}
	r := analysis.NewGraphResults(analysis.GraphInput{Graph: g, Source: source, Weighted: in.weighted(), Mode: mg.mode, Group: mg.group},
		analysis.ResultsOptions{Seed: seed, Workers: workers})
	return r, inputs, nil
}

// ownSource is the source line of figures of a network of one's own:
// the flag if given, the file name otherwise.
func (in *graphInput) ownSource(flag string) string {
	if flag != "" {
		return flag
	}
	if in.GraphPath != "" {
		return "Source: " + in.GraphPath
	}
	return "Source: " + in.EdgesPath
}
