package cases

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ecosys-sna/ecosys/network"
)

// Layers of the meta-network that BuildMeta can include.
const (
	LayerLedger    = "ledger"    // the contract ledger: contracted_with and signatory_for ties
	LayerCases     = "cases"     // the case data's relations
	LayerHierarchy = "hierarchy" // subordinate_of ties of the hierarchy table
)

// Layers lists the layers.
var Layers = []string{LayerLedger, LayerCases, LayerHierarchy}

// Citation is where a layer of the meta-network comes from.
type Citation struct {
	Source      string // a source id of the case data, or a file name
	Locator     string // a figure or table; "rows …" is appended for ledger ties
	Evidence    Evidence
	Reliability Grade
}

// ISOONLedgerCitation cites the embedded i-SOON ledger: NIDS Commentary No.
// 371, Figure 2 (source id nids-371 of the case data), a research paper
// reproducing a leaked document, graded B2 (a published paper; the
// document's content is not contradicted by any source read).
var ISOONLedgerCitation = Citation{Source: "nids-371", Locator: "Figure 2", Evidence: ResearchPaper, Reliability: Grade{Source: 'B', Info: '2'}}

// MetaOptions select what BuildMeta includes. The zero value includes the
// case layer only, without filters.
type MetaOptions struct {
	// Layers to include (LayerLedger, LayerCases, LayerHierarchy); empty
	// means the case layer only.
	Layers []string
	// Relations keeps only edges of these types (empty: all).
	Relations []RelationType
	// Kinds keeps only nodes of these kinds, and edges between them
	// (empty: all). Kinds are the organization kinds, PersonKind and
	// CaseKind.
	Kinds []network.Kind
	// Cases keeps only the case relations alleged in these cases (empty:
	// all). Ledger and hierarchy edges are not affected; choose them with
	// Layers.
	Cases []string
	// From and To keep only the edges whose dates overlap [From, To]; a
	// zero bound is open. Undated edges are dropped when a bound is set,
	// unless IncludeUndated. Hierarchy edges are timeless and always kept.
	From, To       time.Time
	IncludeUndated bool
	// MinReliability keeps only edges whose grade meets it (Grade.Meets);
	// the zero grade keeps all.
	MinReliability Grade
	// LedgerCitation cites the ledger's ties. The zero value cites the
	// ledger's file (network.Ledger.Source), ungraded: a ledger of your own has no
	// grade until you give it one, so MinReliability drops its ties.
	LedgerCitation Citation
}

// MetaNode is a node of the meta-network: an organization, ledger party,
// person or case.
type MetaNode struct {
	ID       string
	Label    string // English name, else Chinese name, else id
	NameEN   string
	NameZH   string
	Kind     network.Kind
	Ministry network.Ministry
	Level    network.Level
	Province string
	Country  string
	Datasets []string // ledger, cases (where the node comes from)
}

// MetaEdge is a directed edge of the meta-network: one case relation, one
// hierarchy link, or one tie of the ledger network (all contracts between
// two parties).
type MetaEdge struct {
	From, To    string
	Type        RelationType
	Layer       string
	ID          string // relation id; "ledger:FROM>TO" or "hierarchy:CHILD" for the other layers
	Case        string
	Source      string
	Locator     string
	Evidence    Evidence
	Reliability Grade
	Allegation  bool
	Start, End  network.Period
	Basis       string
	Contracts   int            // ledger ties: number of contracts
	Amount      network.Amount // ledger ties: their total amount
	Rows        []int          // ledger ties: ledger rows
	People      []string       // shared_person edges of Organizations: the people both organizations are tied to
}

// Meta is the typed meta-network of ledger and cases: a directed
// multigraph (two nodes may be joined by several relations) with node and
// edge attributes. Nodes are sorted by id; edges by from, to, type and id.
type Meta struct {
	Nodes []MetaNode
	Edges []MetaEdge
	index map[string]int
}

// Node returns the node with the id.
func (m *Meta) Node(id string) (MetaNode, bool) {
	i, ok := m.index[id]
	if !ok {
		return MetaNode{}, false
	}
	return m.Nodes[i], true
}

// BuildMeta builds the meta-network of the ledger l (may be nil) and the
// case data d (may be nil) with the chosen layers and filters. The two data
// sets share one id space, so a ledger party that a case names (the Tianjin
// State Security Bureau of APT10 and of ledger row 11) is one node.
//
// The full meta-network keeps every relation type as its own edge kind,
// disputes (sued) and ownership (owner_of) included; the views
// (Organizations, Hierarchy) choose among them.
//
// Ledger layer: one edge per tie of network.BuildLedger — contracted_with
// from the contractor to each signatory (or to the end user of a direct
// contract), signatory_for from an intermediary to the end user — with its contracts,
// amount and rows, dated by the contracts' dates, cited as
// opt.LedgerCitation. Case layer: one edge per relation.
// Hierarchy layer: one subordinate_of edge per hierarchy link, from the
// child to its parent.
//
// Nodes are the endpoints of the kept edges; a node is kept only if its
// kind is allowed.
func BuildMeta(l *network.Ledger, d *Data, opt MetaOptions) (*Meta, error) {
	layers := opt.Layers
	if len(layers) == 0 {
		layers = []string{LayerCases}
	}
	for _, x := range layers {
		if !slices.Contains(Layers, x) {
			return nil, fmt.Errorf("cases: unknown layer %q: want %s", x, strings.Join(Layers, ", "))
		}
	}
	if (slices.Contains(layers, LayerCases) || slices.Contains(layers, LayerHierarchy)) && d == nil {
		return nil, fmt.Errorf("cases: the %s layers need the case data", strings.Join(layers, ", "))
	}
	if slices.Contains(layers, LayerLedger) && l == nil {
		return nil, errors.New("cases: the ledger layer needs a ledger")
	}
	for _, c := range opt.Cases {
		if d == nil {
			return nil, errors.New("cases: a case filter needs the case data")
		}
		if _, ok := d.Case(c); !ok {
			return nil, fmt.Errorf("cases: unknown case %q", c)
		}
	}
	b := &metaBuilder{d: d, l: l, nodes: map[string]MetaNode{}}
	var edges []MetaEdge
	if slices.Contains(layers, LayerLedger) {
		c := opt.LedgerCitation
		if c.Source == "" {
			c = Citation{Source: l.Source}
		}
		edges = append(edges, ledgerEdges(l, c)...)
	}
	if slices.Contains(layers, LayerCases) {
		for _, r := range d.Relations {
			if len(opt.Cases) > 0 && !slices.Contains(opt.Cases, r.Case) {
				continue
			}
			edges = append(edges, MetaEdge{From: r.From, To: r.To, Type: r.Type, Layer: LayerCases, ID: r.ID, Case: r.Case,
				Source: r.Source, Locator: r.Locator, Evidence: r.Evidence, Reliability: r.Reliability, Allegation: r.Allegation,
				Start: r.Start, End: r.End, Basis: r.Basis})
		}
	}
	if slices.Contains(layers, LayerHierarchy) {
		for _, h := range d.Hierarchy {
			s, _ := d.Source(h.Source)
			edges = append(edges, MetaEdge{From: h.Child, To: h.Parent, Type: SubordinateOf, Layer: LayerHierarchy,
				ID: "hierarchy:" + h.Child, Source: h.Source, Locator: h.Locator, Evidence: s.Evidence,
				Reliability: h.Reliability, Basis: h.Basis})
		}
	}
	m := &Meta{index: map[string]int{}}
	for _, e := range edges {
		if len(opt.Relations) > 0 && !slices.Contains(opt.Relations, e.Type) {
			continue
		}
		if !e.Reliability.Meets(opt.MinReliability) {
			continue
		}
		if e.Layer != LayerHierarchy && !(opt.IncludeUndated && e.Start.IsZero() && e.End.IsZero()) && !overlaps(e.Start, e.End, opt.From, opt.To) {
			continue
		}
		from, to := b.node(e.From), b.node(e.To)
		if len(opt.Kinds) > 0 && (!slices.Contains(opt.Kinds, from.Kind) || !slices.Contains(opt.Kinds, to.Kind)) {
			continue
		}
		b.keep[e.From], b.keep[e.To] = true, true
		m.Edges = append(m.Edges, e)
	}
	for id := range b.keep {
		m.Nodes = append(m.Nodes, b.nodes[id])
	}
	m.sort()
	return m, nil
}

func (m *Meta) sort() {
	slices.SortFunc(m.Nodes, func(a, b MetaNode) int { return cmp.Compare(a.ID, b.ID) })
	m.index = make(map[string]int, len(m.Nodes))
	for i, n := range m.Nodes {
		m.index[n.ID] = i
	}
	slices.SortStableFunc(m.Edges, func(a, b MetaEdge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Type, b.Type), cmp.Compare(a.ID, b.ID))
	})
}

type metaBuilder struct {
	d     *Data
	l     *network.Ledger
	nodes map[string]MetaNode
	keep  map[string]bool
}

// node returns the meta-node of an id, creating it on first use.
func (b *metaBuilder) node(id string) MetaNode {
	if b.keep == nil {
		b.keep = map[string]bool{}
	}
	if n, ok := b.nodes[id]; ok {
		return n
	}
	n := MetaNode{ID: id, Label: id}
	fromEntity := func(e network.Entity) {
		n.NameEN, n.NameZH, n.Kind, n.Ministry, n.Level, n.Province = e.NameEN, e.NameZH, e.Kind, e.Ministry, e.Level, e.Province
		n.Label = cmp.Or(e.NameEN, e.NameZH, id)
	}
	switch {
	case b.d != nil && b.hasOrg(id):
		o, _ := b.d.Organization(id)
		fromEntity(o.Entity)
		n.Country = o.Country
		n.Datasets = []string{o.Dataset}
		if o.Dataset == "ledger" && b.caseRefs(id) {
			n.Datasets = append(n.Datasets, "cases")
		}
	case b.d != nil && b.hasPerson(id):
		p, _ := b.d.Person(id)
		n.Kind, n.NameEN, n.NameZH, n.Label, n.Country, n.Datasets = PersonKind, p.Name, p.NameZH, p.Name, p.Nationality, []string{"cases"}
	case b.d != nil && b.hasCase(id):
		c, _ := b.d.Case(id)
		n.Kind, n.NameEN, n.Label, n.Datasets = CaseKind, c.Title, cmp.Or(c.Label, c.Title), []string{"cases"}
	case b.l != nil:
		if e, ok := b.l.Entity(id); ok {
			fromEntity(e)
			n.Country = "CN"
			n.Datasets = []string{"ledger"}
		}
	}
	b.nodes[id] = n
	return n
}

func (b *metaBuilder) hasOrg(id string) bool    { _, ok := b.d.org[id]; return ok }
func (b *metaBuilder) hasPerson(id string) bool { _, ok := b.d.person[id]; return ok }
func (b *metaBuilder) hasCase(id string) bool   { _, ok := b.d.cas[id]; return ok }

// caseRefs reports whether a case relation or hierarchy link names id.
func (b *metaBuilder) caseRefs(id string) bool {
	for _, r := range b.d.Relations {
		if r.From == id || r.To == id {
			return true
		}
	}
	return false
}

// ledgerEdges turns the ties of the ledger network into meta-edges.
func ledgerEdges(l *network.Ledger, cite Citation) []MetaEdge {
	n := network.BuildLedger(l)
	dates := map[int]network.Period{}
	for _, c := range l.Contracts {
		dates[c.Row] = c.Date
	}
	var out []MetaEdge
	for _, e := range n.Edges {
		from, to := n.Nodes[e.From], n.Nodes[e.To]
		typ := ContractedWith
		if from.Role == network.Intermediary {
			typ = SignatoryFor
		}
		var start, end network.Period
		rows := make([]string, len(e.Rows))
		for i, r := range e.Rows {
			rows[i] = strconv.Itoa(r)
			p := dates[r]
			if p.IsZero() {
				continue
			}
			if start.IsZero() || p.Start.Before(start.Start) {
				start = p
			}
			if end.IsZero() || p.End.After(end.End) {
				end = p
			}
		}
		out = append(out, MetaEdge{From: from.Entity.ID, To: to.Entity.ID, Type: typ, Layer: LayerLedger,
			ID: "ledger:" + from.Entity.ID + ">" + to.Entity.ID, Source: cite.Source,
			Locator: strings.TrimPrefix(cite.Locator+", rows "+strings.Join(rows, ", "), ", "), Evidence: cite.Evidence, Reliability: cite.Reliability,
			Start: start, End: end, Contracts: e.Contracts, Amount: e.Amount, Rows: slices.Clone(e.Rows),
			Basis: fmt.Sprintf("%d contract(s) in the ledger", e.Contracts)})
	}
	return out
}

// Organizations returns the organizations-only view of m, a view of
// cooperation: person and case nodes are removed, edges between
// organizations are kept except disputes (Disputes: a lawsuit is not a
// cooperation tie, so Chengdu 404 suing i-SOON stays in m but not here),
// and two organizations that a person is tied to by a PersonTies relation
// (an officer of one and an employee of the other, say) are joined by a
// "shared_person" edge from the lexicographically smaller id, one per
// pair, whose People field lists the people they share. Being charged in
// the same case or sanctioned by the same authority is not a tie, nor is
// owning both: owner_of is context, kept as an edge between organizations
// when the owner is a company, and not projected when it is a person. This
// is the one-mode projection of the person–organization two-mode network
// (Breiger 1974).
func (m *Meta) Organizations() *Meta {
	out := &Meta{}
	isOrg := func(id string) bool {
		n, ok := m.Node(id)
		return ok && n.Kind != PersonKind && n.Kind != CaseKind
	}
	keep := map[string]bool{}
	byPerson := map[string][]string{}
	for _, e := range m.Edges {
		switch {
		case slices.Contains(Disputes, e.Type):
			continue
		case isOrg(e.From) && isOrg(e.To):
			out.Edges = append(out.Edges, e)
			keep[e.From], keep[e.To] = true, true
		case !isOrg(e.From) && isOrg(e.To) && slices.Contains(PersonTies, e.Type):
			if n, _ := m.Node(e.From); n.Kind == PersonKind {
				byPerson[e.From] = append(byPerson[e.From], e.To)
			}
		}
	}
	shared := map[[2]string][]string{}
	for p, orgs := range byPerson {
		slices.Sort(orgs)
		orgs = slices.Compact(orgs)
		for i := range orgs {
			for j := i + 1; j < len(orgs); j++ {
				k := [2]string{orgs[i], orgs[j]}
				shared[k] = append(shared[k], p)
			}
		}
	}
	for k, people := range shared {
		slices.Sort(people)
		out.Edges = append(out.Edges, MetaEdge{From: k[0], To: k[1], Type: "shared_person", Layer: LayerCases,
			ID: "shared:" + k[0] + "~" + k[1], People: people, Basis: "shares " + strings.Join(people, ", ")})
		keep[k[0]], keep[k[1]] = true, true
	}
	for id := range keep {
		n, _ := m.Node(id)
		out.Nodes = append(out.Nodes, n)
	}
	out.sort()
	return out
}

// PersonTies are the relation types by which Organizations joins two
// organizations through a person.
var PersonTies = []RelationType{OfficerOf, EmployeeOf, ExecutiveOf, TaskedBy, AssociatedWith}

// Hierarchy returns the hierarchy view of m: its subordinate_of edges and
// the organizations they join (a forest rooted at the ministries).
func (m *Meta) Hierarchy() *Meta {
	out := &Meta{}
	keep := map[string]bool{}
	for _, e := range m.Edges {
		if e.Type == SubordinateOf {
			out.Edges = append(out.Edges, e)
			keep[e.From], keep[e.To] = true, true
		}
	}
	for id := range keep {
		n, _ := m.Node(id)
		out.Nodes = append(out.Nodes, n)
	}
	out.sort()
	return out
}
