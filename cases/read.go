package cases

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/internal/csvio"
	"github.com/ecosys-sna/ecosys/network"
)

// Tables are the file names (without ".csv") of the case data set's
// tables, in the order Read reads them. See datasets/CASES.md.
var Tables = []string{"case-sources", "cases", "organizations", "people", "defendants", "relations",
	"case-claims", "case-notes", "provinces", "hierarchy", "aliases", "threat-actors"}

// ErrUnknownID is wrapped by the errors of a reference to an id that is in
// none of the tables it may refer to.
var ErrUnknownID = errors.New("unknown id")

// ErrBadRelation is wrapped by the errors of a relation whose endpoints do
// not suit its type (officer_of from an organization, say).
var ErrBadRelation = errors.New("relation type does not fit its endpoints")

// ErrGradeRule is wrapped by the errors of a grade that breaks a rule of
// the grading (datasets/CASES.md, Reliability): digit 1 without two
// independent sources of which one is primary, or a letter better than C
// on a source without a public URL.
var ErrGradeRule = errors.New("grade breaks the grading rules")

// ErrStatusRule is wrapped by the errors of a defendant whose status does
// not follow from the whereabouts (datasets/CASES.md, the status rule).
var ErrStatusRule = errors.New("status breaks the status rule")

// Data is the case data set joined with the ledger's entity table.
type Data struct {
	Sources       []Source
	Cases         []Case
	Organizations []Organization // ledger parties and case organizations, sorted by id
	People        []Person
	Defendants    []Defendant
	Relations     []Relation
	Claims        []Claim
	Notes         []Note
	Provinces     []Province
	Hierarchy     []HierarchyLink
	Aliases       *network.Aliases // the alias table plus every entity's and person's own names
	ThreatActors  []ThreatActor    // security-industry group names tied to organizations (not aliases)

	org    map[string]int
	person map[string]int
	cas    map[string]int
	source map[string]int

	sourceCells []sourceCell                 // while reading: the "sources" cells to check
	origins     []originCell                 // while reading: the origin cells to check
	later       map[string]network.ErrorList // errors found after a table was read, by table
}

// sourceCell is a "sources" cell of the cases, organizations or people
// table, kept with its place until the source index exists.
type sourceCell struct {
	file      string
	line, col int
	id        string // of the row
	sources   []string
}

// noteSources keeps the "sources" cell of the current row of t, whose id
// is id, for checkSourceRefs.
func (d *Data) noteSources(t *csvio.Table, id string, sources []string) {
	if len(sources) > 0 {
		line, col := t.Pos("sources")
		d.sourceCells = append(d.sourceCells, sourceCell{t.Name(), line, col, id, sources})
	}
}

// Organization returns the organization (or ledger party) with the id.
func (d *Data) Organization(id string) (Organization, bool) {
	i, ok := d.org[id]
	if !ok {
		return Organization{}, false
	}
	return d.Organizations[i], true
}

// Person returns the person with the id.
func (d *Data) Person(id string) (Person, bool) {
	i, ok := d.person[id]
	if !ok {
		return Person{}, false
	}
	return d.People[i], true
}

// Case returns the case with the id.
func (d *Data) Case(id string) (Case, bool) {
	i, ok := d.cas[id]
	if !ok {
		return Case{}, false
	}
	return d.Cases[i], true
}

// Source returns the source with the id.
func (d *Data) Source(id string) (Source, bool) {
	i, ok := d.source[id]
	if !ok {
		return Source{}, false
	}
	return d.Sources[i], true
}

// CaseCounts returns the number of defendants and of relations of the case
// with the id.
func (d *Data) CaseCounts(id string) (defendants, relations int) {
	for _, x := range d.Defendants {
		if x.Case == id {
			defendants++
		}
	}
	for _, r := range d.Relations {
		if r.Case == id {
			relations++
		}
	}
	return defendants, relations
}

// KindOf returns the node kind of an id: the organization's kind,
// PersonKind or CaseKind; ok is false for an unknown id.
func (d *Data) KindOf(id string) (k network.Kind, ok bool) {
	if o, ok := d.Organization(id); ok {
		return o.Kind, true
	}
	if _, ok := d.person[id]; ok {
		return PersonKind, true
	}
	if _, ok := d.cas[id]; ok {
		return CaseKind, true
	}
	return "", false
}

// Parent returns the parent of an organization in the hierarchy table.
func (d *Data) Parent(id string) (string, bool) {
	for _, h := range d.Hierarchy {
		if h.Child == id {
			return h.Parent, true
		}
	}
	return "", false
}

// Chain returns the organization's chain of parents, nearest first, ending
// at a ministry (or wherever the table stops).
func (d *Data) Chain(id string) []string {
	var out []string
	for p, ok := d.Parent(id); ok && !slices.Contains(out, p); p, ok = d.Parent(p) {
		out = append(out, p)
	}
	return out
}

// SharedNode is an organization of the ledger that the case data also
// refer to: one node in the merged network.
type SharedNode struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Relations []string `json:"relations"` // ids of the case relations that refer to it
}

// Shared reports the ledger parties that case relations refer to — the
// merges of the two data sets — sorted by id.
func (d *Data) Shared() []SharedNode {
	by := map[string][]string{}
	for _, r := range d.Relations {
		for _, id := range []string{r.From, r.To} {
			if o, ok := d.Organization(id); ok && o.Dataset == "ledger" {
				by[id] = append(by[id], r.ID)
			}
		}
	}
	var out []SharedNode
	for id, rels := range by {
		o, _ := d.Organization(id)
		out = append(out, SharedNode{ID: id, Name: o.Name(), Relations: slices.Compact(rels)})
	}
	slices.SortFunc(out, func(a, b SharedNode) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Read reads the case data tables (Tables, each NAME.csv) from
// the directory dir of fsys — datasets.FS() with dir "data" for the
// embedded data set, os.DirFS(".") with a directory of your own — and joins
// them with ledger, the ledger's entity table (nil for none). The tables
// case-sources and relations are required; a missing optional table is
// empty. Error messages name each file as dir/NAME.csv with its line and
// column.
//
// Besides the syntax of each table, Read checks that ids are unique
// across organizations, ledger parties, people and cases (one id space);
// that every reference (relation endpoints, cases, sources,
// corroborations, hierarchy, aliases, claims, defendants, threat actors)
// exists; that the types of relations fit their endpoints (officer_of
// runs from a person to a state organ, charged_in to a case, sanctioned_by
// to a foreign government, owner_of from a person or company to a
// company, subordinate_of between organizations …); that a relation's
// evidence kind is its source's; that dates parse and start ≤ end; that
// grades parse; that a share is in (0, 1] and only on owner_of; that the
// hierarchy has no cycle; and that a name given for several ids cites a
// source on each alias row.
//
// It also checks the rules of datasets/CASES.md that the columns allow:
//
//   - a source's url is an http(s) URL or "none" (NoURL), and its origin
//     is its own id, the id of a source that is its own origin, or a key
//     "orig-…";
//   - URL rule: a relation, claim or hierarchy link whose source has url
//     "none" has the letter C or worse;
//   - independence rule: a relation or claim graded with digit 1 has
//     sources (source and corroboration) of at least two distinct origins,
//     at least one of which is a court document, government release or
//     verbatim copy (Data.Confirms); checked on a table that has the
//     corroboration column (case data written before it have no way to
//     show a second source, and keep their grades);
//   - status rule: a defendant is at_large if and only if the whereabouts
//     are at_large_stated or abroad_stated; in_custody excludes charged
//     and at_large; unknown (or empty) whereabouts mean charged; checked on
//     a defendants table that has the whereabouts column.
//
// The columns added with these rules (case-sources.origin,
// relations.corroboration and share, case-claims.corroboration,
// defendants.whereabouts) and the threat-actors table are optional, so
// case data written before them still load. All errors, up to
// network.MaxErrors per file, are returned together.
func Read(fsys fs.FS, dir string, ledger []network.Entity, opt network.ReadOptions) (*Data, error) {
	d := &Data{org: map[string]int{}, person: map[string]int{}, cas: map[string]int{}, source: map[string]int{},
		later: map[string]network.ErrorList{}}
	var errs network.ErrorList
	tables := map[string]*csvio.Table{}
	for _, name := range Tables {
		file := path.Join(dir, name+".csv")
		b, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) && name != "case-sources" && name != "relations" {
			continue
		}
		if err != nil {
			return nil, &network.InputError{File: file, Err: err}
		}
		t, err := csvio.ReadTable(file, bytes.NewReader(b), caseRequired[name], nil, csvio.Options{Warn: opt.Warn})
		if err != nil {
			return nil, err
		}
		tables[name] = t
	}
	// ids: ledger parties first, then the tables that define ids.
	ids := map[string]string{} // id -> where defined
	define := func(t *csvio.Table, col, id string) bool {
		if id == "" {
			return false
		}
		if where, dup := ids[id]; dup {
			t.Fail(col, id, network.ErrDuplicateKey).Other = where
			return false
		}
		ids[id] = fmt.Sprintf("%s:%d", t.Name(), t.Line())
		return true
	}
	for _, e := range ledger {
		ids[e.ID] = "the ledger's entity table"
		d.Organizations = append(d.Organizations, Organization{Entity: e, Country: "CN", Dataset: "ledger"})
	}
	readSources(d, tables["case-sources"], define)
	readCases(d, tables["cases"], define)
	readOrganizations(d, tables["organizations"], define)
	readPeople(d, tables["people"], define)
	slices.SortFunc(d.Organizations, func(a, b Organization) int { return cmp.Compare(a.ID, b.ID) })
	for i, o := range d.Organizations {
		d.org[o.ID] = i
	}
	for i, p := range d.People {
		d.person[p.ID] = i
	}
	for i, c := range d.Cases {
		d.cas[c.ID] = i
	}
	for i, s := range d.Sources {
		d.source[s.ID] = i
	}
	d.checkOrigins(tables["case-sources"])
	readDefendants(d, tables["defendants"])
	readRelations(d, tables["relations"])
	readClaims(d, tables["case-claims"])
	readNotes(d, tables["case-notes"])
	readProvinces(d, tables["provinces"])
	readHierarchy(d, tables["hierarchy"])
	readAliases(d, tables["aliases"])
	readThreatActors(d, tables["threat-actors"])
	for _, name := range Tables {
		if t := tables[name]; t != nil {
			errs = append(errs, t.Errors()...)
			errs = append(errs, d.later[t.Name()]...)
		}
	}
	d.later = nil
	if err := d.checkSourceRefs(); err != nil {
		errs = append(errs, err...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return d, nil
}

// caseRequired are the required columns of each case table.
var caseRequired = map[string][]string{
	"case-sources":  {"id", "title", "url", "evidence"},
	"cases":         {"id", "title", "kind"},
	"organizations": {"id", "kind"},
	"people":        {"id", "name"},
	"defendants":    {"case", "person", "status"},
	"relations":     {"id", "from", "to", "type", "source", "evidence", "reliability", "allegation"},
	"case-claims":   {"id", "subject", "claim", "statement", "source", "evidence", "reliability"},
	"case-notes":    {"id", "topic", "note"},
	"provinces":     {"code", "iso", "name_en", "name_zh", "type"},
	"hierarchy":     {"child", "parent", "basis", "source", "reliability"},
	"aliases":       {"alias", "id", "lang"},
	"threat-actors": {"name", "organization", "source"},
}

// list splits a "|"-separated cell.
func list(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// period parses an optional date cell.
func period(t *csvio.Table, col string) network.Period {
	v := t.Get(col)
	if v == "" {
		return network.Period{}
	}
	p, err := network.ParsePeriod(v)
	if err != nil {
		t.Fail(col, v, err)
	}
	return p
}

// grade parses a required grade cell.
func grade(t *csvio.Table, col string) Grade {
	v := t.Require(col)
	if v == "" {
		return Grade{}
	}
	g, err := ParseGrade(v)
	if err != nil {
		t.Fail(col, v, err)
	}
	return g
}

func readSources(d *Data, t *csvio.Table, define func(*csvio.Table, string, string) bool) {
	for t.Next() {
		s := Source{ID: t.Require("id"), Title: t.Require("title"), Publisher: t.Get("publisher"), Date: period(t, "date"),
			URL: t.Require("url"), Evidence: csvio.Enum(t, "evidence", Evidence(""), EvidenceKinds),
			Reproduces: t.Get("reproduces"), Notes: t.Get("notes")}
		if s.Evidence == "" {
			t.Require("evidence")
		}
		if s.URL != "" && s.URL != NoURL && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			t.Fail("url", s.URL, fmt.Errorf("%w: want an http(s) URL, or %s for a text without a public address", network.ErrBadEnum, NoURL))
		}
		s.Origin = s.ID
		if t.Has("origin") {
			s.Origin = t.Require("origin")
			line, col := t.Pos("origin")
			d.origins = append(d.origins, originCell{line, col, s.ID, s.Origin})
		}
		if define(t, "id", s.ID) {
			d.Sources = append(d.Sources, s)
		}
	}
}

// originCell is an origin cell of case-sources, kept with its place for
// checkOrigins.
type originCell struct {
	line, col  int
	id, origin string
}

// checkOrigins checks the origin cells of case-sources once every source
// is known: an origin is the source's own id, the id of a source that is
// its own origin (the primary text's row), or a key "orig-…" shared by
// the copies of a text that has no row.
func (d *Data) checkOrigins(t *csvio.Table) {
	for _, c := range d.origins {
		if c.origin == "" || c.origin == c.id {
			continue
		}
		fail := func(err error) {
			d.later[t.Name()] = append(d.later[t.Name()], &network.InputError{File: t.Name(), Line: c.line, Column: c.col,
				Field: "origin", Value: c.origin, Err: err})
		}
		if o, ok := d.Source(c.origin); ok {
			if o.Origin != o.ID {
				fail(fmt.Errorf("%w: source %s is not its own origin (its origin is %s): name that origin", ErrGradeRule, o.ID, o.Origin))
			}
		} else if !strings.HasPrefix(c.origin, "orig-") {
			fail(fmt.Errorf("%w: not a source id, nor a key orig-ISSUER-DATE-SLUG", ErrUnknownID))
		}
	}
	d.origins = nil
}

func readCases(d *Data, t *csvio.Table, define func(*csvio.Table, string, string) bool) {
	if t == nil {
		return
	}
	for t.Next() {
		c := Case{ID: t.Require("id"), Title: t.Require("title"), Label: t.Get("label"), Kind: csvio.Enum(t, "kind", "", CaseKinds),
			Court: t.Get("court"), Docket: t.Get("docket"), Filed: period(t, "filed"), Unsealed: period(t, "unsealed"),
			Announced: period(t, "announced"), Charges: list(t.Get("charges")), Summary: t.Get("summary"),
			Sources: list(t.Get("sources")), Notes: t.Get("notes")}
		if define(t, "id", c.ID) {
			d.Cases = append(d.Cases, c)
			d.noteSources(t, c.ID, c.Sources)
		}
	}
}

func readOrganizations(d *Data, t *csvio.Table, define func(*csvio.Table, string, string) bool) {
	if t == nil {
		return
	}
	for t.Next() {
		o := Organization{Entity: network.Entity{ID: t.Require("id"), NameZH: t.Get("name_zh"), NameEN: t.Get("name_en"),
			Kind: csvio.Enum(t, "kind", network.UnknownKind, OrganizationKinds), Ministry: csvio.Enum(t, "ministry", network.UnknownMinistry, network.Ministries),
			Level: csvio.Enum(t, "level", network.UnknownLevel, network.Levels), Province: t.Get("province"), City: t.Get("city"), Notes: t.Get("notes"),
			Variants: list(t.Get("name_zh_variants"))},
			Country: cmp.Or(t.Get("country"), "CN"), Sources: list(t.Get("sources")), Dataset: "cases"}
		if o.NameZH == "" && o.NameEN == "" {
			t.Fail("name_en", "", fmt.Errorf("%w: an organization needs a Chinese or an English name", network.ErrEmpty))
		}
		if define(t, "id", o.ID) {
			d.Organizations = append(d.Organizations, o)
			d.noteSources(t, o.ID, o.Sources)
		}
	}
}

func readPeople(d *Data, t *csvio.Table, define func(*csvio.Table, string, string) bool) {
	if t == nil {
		return
	}
	for t.Next() {
		p := Person{ID: t.Require("id"), Name: t.Require("name"), NameZH: t.Get("name_zh"), Aliases: list(t.Get("aliases")),
			Nationality: t.Get("nationality"), Notes: t.Get("notes"), Sources: list(t.Get("sources"))}
		if define(t, "id", p.ID) {
			d.People = append(d.People, p)
			d.noteSources(t, p.ID, p.Sources)
		}
	}
}

// ref checks that the cell of col names an id of one of the given lookups.
func (d *Data) ref(t *csvio.Table, col, id string, kinds ...string) {
	if id == "" {
		return
	}
	for _, k := range kinds {
		var ok bool
		switch k {
		case "organization":
			_, ok = d.org[id]
		case "person":
			_, ok = d.person[id]
		case "case":
			_, ok = d.cas[id]
		case "source":
			_, ok = d.source[id]
		}
		if ok {
			return
		}
	}
	what := kinds[len(kinds)-1]
	if n := len(kinds); n > 1 {
		what = strings.Join(kinds[:n-1], ", ") + " or " + what
	}
	article := "a"
	if strings.ContainsRune("aeiou", rune(what[0])) {
		article = "an"
	}
	t.Fail(col, id, fmt.Errorf("%w: not %s %s id", ErrUnknownID, article, what))
}

func readDefendants(d *Data, t *csvio.Table) {
	if t == nil {
		return
	}
	seen := map[[2]string]int{}
	for t.Next() {
		x := Defendant{Case: t.Require("case"), Person: t.Require("person"), Role: t.Get("role"), Charges: list(t.Get("charges")),
			Status: csvio.Enum(t, "status", UnknownStatus, DefendantStatuses), StatusDate: period(t, "status_date"),
			Whereabouts: csvio.Enum(t, "whereabouts", WhereaboutsUnknown, WhereaboutsValues),
			Outcome:     t.Get("outcome"), Sources: list(t.Get("sources")), Notes: t.Get("notes")}
		if w := Whereabouts(t.Get("whereabouts")); t.Has("whereabouts") && (w == "" || slices.Contains(WhereaboutsValues, w)) {
			if err := StatusRule(x.Status, x.Whereabouts); err != nil {
				t.Fail("status", string(x.Status), err)
			}
		}
		d.ref(t, "case", x.Case, "case")
		d.ref(t, "person", x.Person, "person", "organization")
		for _, s := range x.Sources {
			d.ref(t, "sources", s, "source")
		}
		k := [2]string{x.Case, x.Person}
		if line, dup := seen[k]; dup {
			t.Fail("person", x.Person, network.ErrDuplicateKey).Other = fmt.Sprintf("%s:%d", t.Name(), line)
		}
		seen[k] = t.Line()
		d.Defendants = append(d.Defendants, x)
	}
}

// relationEnds says which kinds of node each relation type may join:
// "P" person, "O" organization, "S" state organ (a public or state
// security organ, government office or unidentified unit), "K" company
// (or state-owned enterprise), "C" case, "G" foreign government.
var relationEnds = map[RelationType][2]string{
	OfficerOf:      {"P", "S"},
	EmployeeOf:     {"P", "O"},
	ExecutiveOf:    {"P", "O"},
	OwnerOf:        {"PK", "K"},
	SubsidiaryOf:   {"O", "O"},
	FrontFor:       {"O", "S"},
	TaskedBy:       {"PO", "PO"},
	AssociatedWith: {"PO", "PO"},
	SupplierTo:     {"O", "O"},
	ContractedWith: {"O", "O"},
	SignatoryFor:   {"PO", "O"},
	EndUserOf:      {"O", "C"},
	SubordinateOf:  {"O", "O"},
	ChargedIn:      {"PO", "C"},
	SanctionedBy:   {"PO", "G"},
	Sued:           {"O", "O"},
}

// fits reports whether the node kind k is one of the letters in allowed.
func fits(k network.Kind, allowed string) bool {
	for _, a := range allowed {
		switch {
		case a == 'P' && k == PersonKind,
			a == 'C' && k == CaseKind,
			a == 'G' && k == ForeignGovernment,
			a == 'S' && (k == network.PublicSecurityOrgan || k == network.StateSecurityOrgan || k == network.GovernmentOffice || k == network.UnidentifiedUnit),
			a == 'K' && (k == network.Company || k == network.StateOwnedEnterprise),
			a == 'O' && k != PersonKind && k != CaseKind:
			return true
		}
	}
	return false
}

func readRelations(d *Data, t *csvio.Table) {
	seen := map[string]int{}
	for t.Next() {
		r := Relation{ID: t.Require("id"), From: t.Require("from"), To: t.Require("to"), Start: period(t, "date_start"),
			End: period(t, "date_end"), Case: t.Get("case"), Source: t.Require("source"), Locator: t.Get("locator"),
			Evidence: csvio.Enum(t, "evidence", Evidence(""), EvidenceKinds), Reliability: grade(t, "reliability"), Basis: t.Get("basis"),
			Corroboration: d.corroboration(t)}
		if v := t.Require("type"); v != "" {
			typ, err := ParseRelationType(v)
			if err != nil {
				t.Fail("type", v, err)
			}
			r.Type = typ
		}
		switch v := t.Require("allegation"); v {
		case "true", "false":
			r.Allegation = v == "true"
		case "":
		default:
			t.Fail("allegation", v, fmt.Errorf("%w: want true or false", network.ErrBadEnum))
		}
		if line, dup := seen[r.ID]; dup && r.ID != "" {
			t.Fail("id", r.ID, network.ErrDuplicateKey).Other = fmt.Sprintf("%s:%d", t.Name(), line)
		}
		seen[r.ID] = t.Line()
		d.ref(t, "case", r.Case, "case")
		d.ref(t, "source", r.Source, "source")
		if s, ok := d.Source(r.Source); ok && r.Evidence != "" && s.Evidence != r.Evidence {
			t.Fail("evidence", string(r.Evidence), fmt.Errorf("%w: source %s is %s", network.ErrBadEnum, s.ID, s.Evidence))
		}
		d.gradeRules(t, r.Reliability, r.Source, r.Corroboration)
		if v := t.Get("share"); v != "" {
			f, err := strconv.ParseFloat(v, 64)
			switch {
			case err != nil || math.IsNaN(f) || f <= 0 || f > 1:
				t.Fail("share", v, fmt.Errorf("%w: want the owned fraction, a number in (0, 1] such as 0.55", network.ErrBadEnum))
			case r.Type != OwnerOf && r.Type != "":
				t.Fail("share", v, fmt.Errorf("%w: a share belongs only to owner_of, not %s", ErrBadRelation, r.Type))
			default:
				r.Share = f
			}
		}
		if !r.Start.IsZero() && !r.End.IsZero() && r.End.End.Before(r.Start.Start) {
			t.Fail("date_end", r.End.String(), fmt.Errorf("%w: ends before it starts (%s)", network.ErrBadDate, r.Start))
		}
		if r.From != "" && r.From == r.To {
			t.Fail("to", r.To, fmt.Errorf("%w: a relation from a node to itself", ErrBadRelation))
		}
		ends, known := relationEnds[r.Type]
		for i, p := range []struct{ col, id string }{{"from", r.From}, {"to", r.To}} {
			if p.id == "" {
				continue
			}
			k, ok := d.KindOf(p.id)
			if !ok {
				t.Fail(p.col, p.id, fmt.Errorf("%w: not an organization, ledger party, person or case", ErrUnknownID))
				continue
			}
			if known && !fits(k, ends[i]) {
				t.Fail(p.col, p.id, fmt.Errorf("%w: %s cannot be the %s end of %s", ErrBadRelation, k, p.col, r.Type))
			}
		}
		d.Relations = append(d.Relations, r)
	}
}

// corroboration reads the corroboration cell of a relation or claim: ids
// of sources besides the row's source, each once.
func (d *Data) corroboration(t *csvio.Table) []string {
	ids := list(t.Get("corroboration"))
	for i, id := range ids {
		switch {
		case id == t.Get("source"):
			t.Fail("corroboration", id, fmt.Errorf("%w: the row's own source; list only other sources", network.ErrDuplicateKey))
		case slices.Contains(ids[:i], id):
			t.Fail("corroboration", id, fmt.Errorf("%w: listed twice", network.ErrDuplicateKey))
		default:
			d.ref(t, "corroboration", id, "source")
		}
	}
	return ids
}

// gradeRules checks the grade g of the current relation or claim of t,
// resting on source and corroboration, against the URL rule and, when the
// table has a corroboration column, the independence rule.
func (d *Data) gradeRules(t *csvio.Table, g Grade, source string, corroboration []string) {
	if _, ok := d.Source(source); !ok || g.IsZero() {
		return
	}
	if err := d.URLRule(g, source); err != nil {
		t.Fail("reliability", g.String(), err)
	}
	if t.Has("corroboration") {
		if err := d.IndependenceRule(g, append([]string{source}, corroboration...)); err != nil {
			t.Fail("reliability", g.String(), err)
		}
	}
}

func readClaims(d *Data, t *csvio.Table) {
	if t == nil {
		return
	}
	for t.Next() {
		c := Claim{ID: t.Require("id"), Case: t.Get("case"), Subject: t.Require("subject"), Claim: t.Require("claim"),
			Qualifier: csvio.Enum(t, "qualifier", "", ClaimQualifiers), Unit: t.Get("unit"), Statement: t.Require("statement"),
			Source: t.Require("source"), Locator: t.Get("locator"), Evidence: csvio.Enum(t, "evidence", Evidence(""), EvidenceKinds),
			Reliability: grade(t, "reliability"), Corroboration: d.corroboration(t), Notes: t.Get("notes")}
		if v := t.Get("value"); v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fail("value", v, fmt.Errorf("%w: want a number", network.ErrBadInteger))
			}
			c.Value, c.HasValue = f, true
		}
		d.ref(t, "case", c.Case, "case")
		d.ref(t, "subject", c.Subject, "organization", "case", "person")
		d.ref(t, "source", c.Source, "source")
		if s, ok := d.Source(c.Source); ok && c.Evidence != "" && s.Evidence != c.Evidence {
			t.Fail("evidence", string(c.Evidence), fmt.Errorf("%w: source %s is %s", network.ErrBadEnum, s.ID, s.Evidence))
		}
		d.gradeRules(t, c.Reliability, c.Source, c.Corroboration)
		d.Claims = append(d.Claims, c)
	}
}

func readNotes(d *Data, t *csvio.Table) {
	if t == nil {
		return
	}
	for t.Next() {
		n := Note{ID: t.Require("id"), Topic: t.Require("topic"), Note: t.Require("note"), Sources: list(t.Get("sources"))}
		for _, s := range n.Sources {
			d.ref(t, "sources", s, "source")
		}
		d.Notes = append(d.Notes, n)
	}
}

func readProvinces(d *Data, t *csvio.Table) {
	if t == nil {
		return
	}
	for t.Next() {
		p := Province{Code: t.Require("code"), ISO: t.Require("iso"), NameEN: t.Require("name_en"), NameZH: t.Require("name_zh"),
			Type: csvio.Enum(t, "type", "", []string{"province", "autonomous_region", "municipality"})}
		d.Provinces = append(d.Provinces, p)
	}
}

func readHierarchy(d *Data, t *csvio.Table) {
	if t == nil {
		return
	}
	parent := map[string]string{}
	for t.Next() {
		h := HierarchyLink{Child: t.Require("child"), Parent: t.Require("parent"), Basis: csvio.Enum(t, "basis", "", []string{"stated", "structural"}),
			Source: t.Require("source"), Locator: t.Get("locator"), Reliability: grade(t, "reliability"), Notes: t.Get("notes")}
		d.ref(t, "child", h.Child, "organization")
		d.ref(t, "parent", h.Parent, "organization")
		d.ref(t, "source", h.Source, "source")
		if err := d.URLRule(h.Reliability, h.Source); err != nil {
			t.Fail("reliability", h.Reliability.String(), err)
		}
		if p, dup := parent[h.Child]; dup {
			t.Fail("child", h.Child, fmt.Errorf("%w: already under %s", network.ErrDuplicateKey, p))
		}
		parent[h.Child] = h.Parent
		for p, n := h.Parent, 0; p != ""; p, n = parent[p], n+1 {
			if p == h.Child || n > len(parent) {
				t.Fail("parent", h.Parent, fmt.Errorf("%w: the hierarchy has a cycle through %s", ErrBadRelation, h.Child))
				break
			}
		}
		d.Hierarchy = append(d.Hierarchy, h)
	}
}

func readAliases(d *Data, t *csvio.Table) {
	// The entities' and people's own names come first. Two of them may
	// share a name (two people called Wang Yan); such a name resolves to
	// neither, and Aliases.Candidates lists both.
	var own []network.Alias
	for _, o := range d.Organizations {
		own = append(own, o.Entity.Aliases()...)
	}
	for _, p := range d.People {
		own = append(own, network.Alias{Alias: p.ID, ID: p.ID, Lang: "other"}, network.Alias{Alias: p.Name, ID: p.ID, Lang: "en"})
		if p.NameZH != "" {
			own = append(own, network.Alias{Alias: p.NameZH, ID: p.ID, Lang: "zh"})
		}
	}
	ids := map[string][]string{} // normalised name -> ids, own names and table
	where := map[[2]string]string{}
	addID := func(k, id, w string) {
		if !slices.Contains(ids[k], id) {
			ids[k] = append(ids[k], id)
			where[[2]string{k, id}] = w
		}
	}
	for _, a := range own {
		addID(network.NormalizeName(a.Alias), a.ID, "its own name")
	}
	var table []network.Alias
	type row struct {
		line, col int
		alias     network.Alias
	}
	var rows []row
	if t != nil {
		for t.Next() {
			a := network.Alias{Alias: t.Require("alias"), ID: t.Require("id"), Lang: csvio.Enum(t, "lang", "", network.AliasLangs), Source: t.Get("source")}
			d.ref(t, "id", a.ID, "organization", "person")
			d.ref(t, "source", a.Source, "source")
			line, col := t.Pos("source")
			if col == 0 {
				line, col = t.Pos("alias")
			}
			rows = append(rows, row{line, col, a})
			addID(network.NormalizeName(a.Alias), a.ID, fmt.Sprintf("line %d", t.Line()))
			table = append(table, a)
		}
		// A name given for several ids is ambiguous, which is allowed when
		// every alias row that gives it cites the source that prints it.
		for _, r := range rows {
			k := network.NormalizeName(r.alias.Alias)
			if len(ids[k]) < 2 || r.alias.Source != "" {
				continue
			}
			var others []string
			for _, id := range ids[k] {
				if id != r.alias.ID {
					others = append(others, fmt.Sprintf("%s (%s)", id, where[[2]string{k, id}]))
				}
			}
			d.later[t.Name()] = append(d.later[t.Name()], &network.InputError{File: t.Name(), Line: r.line, Column: r.col, Field: "source",
				Value: r.alias.Alias, Err: fmt.Errorf("%w: the name also names %s: a name of several ids needs the source that prints it on each row",
					network.ErrEmpty, strings.Join(others, ", "))})
		}
	}
	d.Aliases = network.MergeAliases(own, table)
}

// readThreatActors reads the threat-actors table: group names tied to
// organizations, one row per name and organization.
func readThreatActors(d *Data, t *csvio.Table) {
	if t == nil {
		return
	}
	seen := map[[2]string]int{}
	for t.Next() {
		x := ThreatActor{Name: t.Require("name"), Organization: t.Require("organization"), Group: t.Get("group"),
			LinkBasis: t.Get("link_basis"), Source: t.Require("source")}
		switch v := t.Get("ambiguous"); v {
		case "true", "false":
			x.Ambiguous = v == "true"
		case "":
		default:
			t.Fail("ambiguous", v, fmt.Errorf("%w: want true or false", network.ErrBadEnum))
		}
		d.ref(t, "organization", x.Organization, "organization")
		d.ref(t, "source", x.Source, "source")
		k := [2]string{network.NormalizeName(x.Name), x.Organization}
		if line, dup := seen[k]; dup && x.Name != "" {
			t.Fail("name", x.Name, network.ErrDuplicateKey).Other = fmt.Sprintf("%s:%d", t.Name(), line)
		}
		seen[k] = t.Line()
		d.ThreatActors = append(d.ThreatActors, x)
	}
}

// checkSourceRefs checks the "sources" lists of cases, organizations and
// people, which are read before the source index exists, in file order,
// and forgets them.
func (d *Data) checkSourceRefs() network.ErrorList {
	var errs network.ErrorList
	for _, c := range d.sourceCells {
		for _, s := range c.sources {
			if _, ok := d.source[s]; !ok {
				errs = append(errs, &network.InputError{File: c.file, Line: c.line, Column: c.col, Field: "sources", Value: s,
					Err: fmt.Errorf("%w: %s refers to a source that is not in case-sources", ErrUnknownID, c.id)})
			}
		}
	}
	d.sourceCells = nil
	return errs
}
