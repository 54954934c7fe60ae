package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
)

// caseInput names the case data a command reads: a directory of case
// tables (see datasets/CASES.md) or the embedded data set, joined with a
// ledger's entity table.
type caseInput struct {
	Dir    string // directory of case tables; "" for the embedded data set
	Ledger ledgerInput
}

// addCaseFlags adds --cases-dir, --ledger and --entities.
func addCaseFlags(cmd *cobra.Command, in *caseInput) {
	cmd.Flags().StringVar(&in.Dir, "cases-dir", "", "`Directory` of case tables (default: the embedded case data set)")
	addLedgerFlags(cmd, &in.Ledger)
}

// load reads the ledger and the case data. Case data of your own
// (--cases-dir) are joined with the ledger's entity table. The embedded
// case data are always joined with the embedded ledger's parties (their id
// space); a ledger of your own (--ledger) is then read with the case data's
// aliases, so that a party cell naming a known entity — 天津市安全局,
// "Tianjin State Security Bureau" — becomes its id, with a warning for
// each name merged, and your ledger's ties join the cases' nodes.
func (in caseInput) load() (*network.Ledger, *cases.Data, error) {
	opt := network.ReadOptions{Warn: in.Ledger.Warn}
	if in.Dir != "" {
		l, _, err := in.Ledger.load()
		if err != nil {
			return nil, nil, err
		}
		d, err := cases.Read(os.DirFS(in.Dir), ".", l.Entities, opt)
		if err != nil {
			return nil, nil, inDir(err, in.Dir)
		}
		return l, d, nil
	}
	embedded, _, err := ledgerInput{Warn: in.Ledger.Warn}.load()
	if err != nil {
		return nil, nil, err
	}
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, embedded.Entities, opt)
	if err != nil {
		return nil, nil, err
	}
	if in.Ledger.Embedded() {
		return embedded, d, nil
	}
	user := in.Ledger
	user.Aliases = d.Aliases
	l, _, err := user.load()
	if err != nil {
		return nil, nil, err
	}
	return l, d, nil
}

// inDir names the files of the input errors in err by their path under dir
// (cases.Read names them relative to the fs.FS it reads).
func inDir(err error, dir string) error {
	var list network.ErrorList
	var one *network.InputError
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			if e.File != "" {
				e.File = filepath.Join(dir, e.File)
			}
		}
	case errors.As(err, &one) && one.File != "":
		one.File = filepath.Join(dir, one.File)
	}
	return err
}

// NewCmdCases returns the "cases" command group.
func NewCmdCases(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cases <command>",
		Short: "List and show the court cases, sanctions and advisories of the case data",
		Long: `Work with the case data set: US court cases, Treasury designations and joint
advisories that name China's state security and public security organs, the
companies that work for them and the people charged, with every relation
cited to its source and graded on the Admiralty scale (datasets/CASES.md).

Indictments and complaints are allegations: a defendant is presumed
innocent unless convicted. The outcome of each charge is recorded where a
source states it.`,
		Args: groupArgs,
		RunE: groupHelp,
	}
	cmd.AddCommand(NewCmdCasesList(f, nil))
	cmd.AddCommand(NewCmdCasesShow(f, nil))
	cmd.AddCommand(NewCmdCasesResolve(f, nil))
	return cmd
}

// CasesListOptions are the options of "ecosys cases list".
type CasesListOptions struct {
	IO     *IOStreams
	Input  caseInput
	Format string
}

// NewCmdCasesList returns the "cases list" command. If runF is not nil, it
// is called with the parsed options instead of running the command.
func NewCmdCasesList(f *Factory, runF func(*CasesListOptions) error) *cobra.Command {
	opts := &CasesListOptions{IO: f.IO, Input: caseInput{Ledger: ledgerInput{Warn: warner(f.IO)}}}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the cases with their court, docket, date, counts and grades",
		Long: `List the cases, sanctions and advisories of the case data, oldest first, with
their court and docket, the date they became public, the number of
defendants and of relations, how many of those relations are allegations,
and the range of the relations' reliability grades, best–worst (grades are
ordered by their letter, then their digit: A2 before B1).`,
		Example: `  ecosys cases list
  ecosys cases list --format markdown`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return casesListRun(opts)
		},
	}
	addCaseFlags(cmd, &opts.Input)
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

func casesListRun(opts *CasesListOptions) error {
	_, d, err := opts.Input.load()
	if err != nil {
		return err
	}
	rows := d.Summaries()
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, rows)
	}
	header := []string{"id", "label", "kind", "court", "docket", "date", "defendants", "relations", "allegations", "grades"}
	var cells [][]string
	for _, s := range rows {
		cells = append(cells, []string{s.ID, s.Label, s.Kind, s.Court, s.Docket, s.Date, strconv.Itoa(s.Defendants), strconv.Itoa(s.Relations),
			strconv.Itoa(s.Allegations), s.Grades()})
	}
	return writeTable(opts.IO.Out, opts.Format, header, cells, opts.IO.IsTTY)
}

// CasesShowOptions are the options of "ecosys cases show".
type CasesShowOptions struct {
	IO     *IOStreams
	Input  caseInput
	ID     string
	Format string
}

// NewCmdCasesShow returns the "cases show" command. If runF is not nil, it
// is called with the parsed options instead of running the command.
func NewCmdCasesShow(f *Factory, runF func(*CasesShowOptions) error) *cobra.Command {
	opts := &CasesShowOptions{IO: f.IO, Input: caseInput{Ledger: ledgerInput{Warn: warner(f.IO)}}}
	cmd := &cobra.Command{
		Use:   "show CASE",
		Short: "Show a case: its defendants and their outcomes, relations, claims and sources",
		Long: `Show a case, given by its id or its label (matched exactly, without regard to
case): its defendants and their outcomes, its relations with their grades
and sources, each marked "alleged" when its source states it as an
allegation, its aggregate claims and the sources cited. A label that
several cases share lists them, and the command fails.`,
		Example: `  ecosys cases show us-v-zhu-hua
  ecosys cases show apt10
  ecosys cases show us-v-wu-haibo --format json`,
		Args: exactArgs(1, "a case id or label (see ecosys cases list)"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return casesShowRun(opts)
		},
	}
	addCaseFlags(cmd, &opts.Input)
	addFormatFlag(cmd, &opts.Format, FormatText, FormatText, FormatJSON)
	cmd.ValidArgsFunction = completeCases(&opts.Input)
	return cmd
}

// caseDetail is the JSON form of "cases show".
type caseDetail struct {
	Case       cases.Case        `json:"case"`
	Defendants []cases.Defendant `json:"defendants"`
	Relations  []cases.Relation  `json:"relations"`
	Claims     []cases.Claim     `json:"claims"`
	Sources    []cases.Source    `json:"sources"`
}

func casesShowRun(opts *CasesShowOptions) error {
	_, d, err := opts.Input.load()
	if err != nil {
		return err
	}
	c, err := findCase(d, opts.ID)
	if err != nil {
		return err
	}
	det := caseDetail{Case: c}
	cited := slices.Clone(c.Sources)
	for _, x := range d.Defendants {
		if x.Case == c.ID {
			det.Defendants = append(det.Defendants, x)
			cited = append(cited, x.Sources...)
		}
	}
	for _, r := range d.Relations {
		if r.Case == c.ID {
			det.Relations = append(det.Relations, r)
			cited = append(cited, r.Source)
		}
	}
	for _, x := range d.Claims {
		if x.Case == c.ID {
			det.Claims = append(det.Claims, x)
			cited = append(cited, x.Source)
		}
	}
	slices.Sort(cited)
	for _, id := range slices.Compact(cited) {
		if s, ok := d.Source(id); ok {
			det.Sources = append(det.Sources, s)
		}
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, det)
	}
	return writeCaseText(opts.IO.Out, d, det)
}

// findCase returns the case whose id is arg, or else the one whose label
// is arg without regard to case. A label of several cases is an error
// listing them; an argument that matches nothing is a usage error listing
// the cases.
func findCase(d *cases.Data, arg string) (cases.Case, error) {
	if c, ok := d.Case(arg); ok {
		return c, nil
	}
	var matches []cases.Case
	for _, c := range d.Cases {
		if c.Label != "" && strings.EqualFold(c.Label, strings.TrimSpace(arg)) {
			matches = append(matches, c)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		var ids []string
		for _, c := range d.Cases {
			ids = append(ids, c.ID)
		}
		return cases.Case{}, FlagErrorf("no case with the id or label %q; the cases are: %s", arg, strings.Join(ids, ", "))
	}
	var cands []string
	for _, c := range matches {
		cands = append(cands, fmt.Sprintf("%s (%s)", c.ID, c.Title))
	}
	return cases.Case{}, fmt.Errorf("%q is the label of %d cases; give one id: %s", arg, len(matches), strings.Join(cands, ", "))
}

// name returns a node's display name.
func name(d *cases.Data, id string) string {
	if p, ok := d.Person(id); ok {
		if p.NameZH != "" {
			return p.Name + " (" + p.NameZH + ")"
		}
		return p.Name
	}
	if o, ok := d.Organization(id); ok {
		return o.Name()
	}
	if c, ok := d.Case(id); ok {
		return c.Title
	}
	return id
}

func writeCaseText(w io.Writer, d *cases.Data, det caseDetail) error {
	c := det.Case
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\n", c.Title, strings.Repeat("=", len([]rune(c.Title))))
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-10s %s\n", k+":", v)
		}
	}
	field("id", c.ID)
	field("kind", c.Kind)
	field("court", c.Court)
	field("docket", c.Docket)
	field("filed", c.Filed.String())
	field("unsealed", c.Unsealed.String())
	field("announced", c.Announced.String())
	field("charges", strings.Join(c.Charges, "; "))
	if c.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.TrimRight(wrap(c.Summary, 78, ""), "\n"))
	}
	if c.Notes != "" {
		fmt.Fprintf(&b, "\nNote: %s\n", strings.TrimRight(strings.TrimPrefix(wrap(c.Notes, 72, "      "), "      "), "\n"))
	}
	if len(det.Defendants) > 0 {
		b.WriteString("\nDefendants (allegations; outcomes as the sources state them)\n")
		for _, x := range det.Defendants {
			fmt.Fprintf(&b, "  %s — %s; %s", name(d, x.Person), x.Role, strings.ReplaceAll(string(x.Status), "_", " "))
			if !x.StatusDate.IsZero() {
				fmt.Fprintf(&b, " (%s)", x.StatusDate)
			}
			if x.Outcome != "" {
				fmt.Fprintf(&b, "; %s", x.Outcome)
			}
			fmt.Fprintf(&b, " [%s]\n", strings.Join(x.Sources, ", "))
		}
	}
	if len(det.Relations) > 0 {
		b.WriteString("\nRelations (grade; \"alleged\": the source states it as an allegation, not a finding)\n")
		for _, r := range det.Relations {
			loc := r.Source
			if r.Locator != "" {
				loc += ", " + r.Locator
			}
			loc += "; " + string(r.Evidence)
			if len(r.Corroboration) > 0 {
				loc += "; also " + strings.Join(r.Corroboration, ", ")
			}
			mark := "       "
			if r.Allegation {
				mark = "alleged"
			}
			fmt.Fprintf(&b, "  %s  %s  %s —%s→ %s  [%s]\n", r.Reliability, mark, name(d, r.From), r.Type, name(d, r.To), loc)
		}
	}
	if len(det.Claims) > 0 {
		b.WriteString("\nAggregate claims\n")
		for _, x := range det.Claims {
			fmt.Fprintf(&b, "  %s  %s [%s", x.Reliability, x.Statement, x.Source)
			if x.Locator != "" {
				fmt.Fprintf(&b, ", %s", x.Locator)
			}
			b.WriteString("]\n")
		}
	}
	if len(det.Sources) > 0 {
		b.WriteString("\nSources\n")
		for _, s := range det.Sources {
			fmt.Fprintf(&b, "  %s: %s. %s", s.ID, s.Title, s.Publisher)
			if !s.Date.IsZero() {
				fmt.Fprintf(&b, ", %s", s.Date)
			}
			fmt.Fprintf(&b, ". %s (%s)\n", s.URL, s.Evidence)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CasesResolveOptions are the options of "ecosys cases resolve".
type CasesResolveOptions struct {
	IO     *IOStreams
	Input  caseInput
	Names  []string
	Merges bool
	Format string
}

// NewCmdCasesResolve returns the "cases resolve" command. If runF is not
// nil, it is called with the parsed options instead of running the command.
func NewCmdCasesResolve(f *Factory, runF func(*CasesResolveOptions) error) *cobra.Command {
	opts := &CasesResolveOptions{IO: f.IO, Input: caseInput{Ledger: ledgerInput{Warn: warner(f.IO)}}}
	cmd := &cobra.Command{
		Use:   "resolve [NAME...]",
		Short: "Resolve names to entity ids, or list the nodes the ledger and the cases share",
		Long: `Resolve each NAME (Chinese, English, pinyin or another spelling) to the id
of the organization or person it names, and list every candidate with the
source that prints the name for it:

  - aliases and the entities' and people's own names (via "alias"),
    compared after Unicode NFKC normalisation, case folding and the
    removal of stray spaces and punctuation;
  - security-industry group names such as APT41 or Wicked Panda (via
    "threat_actor"), with the group's canonical name and the source of
    the mapping. A group name is not the organization's name: it finds the
    organizations a cited text ties the group to.

A name is resolved when its candidates name one id; a name of several ids
(i-SOON names the Shanghai company and the Sichuan ledger party), or one
the threat-actor table flags as ambiguous, lists its candidates and is not
resolved. The command fails if some name is not resolved.

With --merges (or no NAME), list the ledger parties that the case data
refer to: the entities merged into one node of the meta-network.`,
		Example: `  ecosys cases resolve 天津市国家安全局 "Integrity Technology Group"
  ecosys cases resolve "Wicked Panda" i-SOON
  ecosys cases resolve --merges`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Names = args
			if runF != nil {
				return runF(opts)
			}
			return casesResolveRun(opts)
		},
	}
	addCaseFlags(cmd, &opts.Input)
	cmd.Flags().BoolVar(&opts.Merges, "merges", false, "List the ledger parties the case data refer to")
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

// Statuses of a name given to "cases resolve".
const (
	nameResolved  = "resolved"
	nameAmbiguous = "ambiguous"
	nameUnknown   = "unknown"
)

// resolution is what "cases resolve" says of one name.
type resolution struct {
	Name       string            `json:"name"`
	Status     string            `json:"status"` // resolved, ambiguous or unknown
	ID         string            `json:"id"`     // the id of a resolved name
	Candidates []cases.Candidate `json:"candidates"`
}

func casesResolveRun(opts *CasesResolveOptions) error {
	_, d, err := opts.Input.load()
	if err != nil {
		return err
	}
	if opts.Merges || len(opts.Names) == 0 {
		shared := d.Shared()
		if opts.Format == FormatJSON {
			return writeJSON(opts.IO.Out, shared)
		}
		var rows [][]string
		for _, s := range shared {
			rows = append(rows, []string{s.ID, s.Name, strconv.Itoa(len(s.Relations)), strings.Join(s.Relations, " ")})
		}
		return writeTable(opts.IO.Out, opts.Format, []string{"id", "name", "case_relations", "relations"}, rows, opts.IO.IsTTY)
	}
	var out []resolution
	var failed []string
	for _, n := range opts.Names {
		r := resolution{Name: n, Candidates: d.Resolve(n), Status: nameResolved}
		if r.Candidates == nil {
			r.Candidates = []cases.Candidate{}
		}
		id, ok := cases.OneID(r.Candidates)
		switch {
		case ok:
			r.ID = id
		case len(r.Candidates) == 0:
			r.Status = nameUnknown
			failed = append(failed, fmt.Sprintf("%q matches no entity, person or group", n))
		default:
			r.Status = nameAmbiguous
			var ids []string
			for _, c := range r.Candidates {
				if !slices.Contains(ids, c.ID) {
					ids = append(ids, c.ID)
				}
			}
			why := strings.Join(ids, ", ")
			if len(ids) == 1 {
				why += ", a group name the threat-actors table flags as ambiguous"
			}
			failed = append(failed, fmt.Sprintf("%q is ambiguous (%s)", n, why))
		}
		out = append(out, r)
	}
	if opts.Format == FormatJSON {
		err = writeJSON(opts.IO.Out, out)
	} else {
		var rows [][]string
		for _, r := range out {
			if len(r.Candidates) == 0 {
				rows = append(rows, []string{r.Name, r.Status, "", "", "", "", "", ""})
			}
			for _, c := range r.Candidates {
				group := c.Group
				if c.Ambiguous {
					group += " (name flagged ambiguous)"
				}
				rows = append(rows, []string{r.Name, r.Status, c.ID, c.Via, c.Match, c.Lang, c.Source, group})
			}
		}
		err = writeTable(opts.IO.Out, opts.Format, []string{"name", "status", "id", "via", "match", "lang", "source", "group"}, rows, opts.IO.IsTTY)
	}
	if err == nil && len(failed) > 0 {
		return fmt.Errorf("%d of %d names not resolved: %s", len(failed), len(opts.Names), strings.Join(failed, "; "))
	}
	return err
}
