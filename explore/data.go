package explore

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// The size limit of one network of the explorer. A network with more
// nodes or ties is cut to the nodes of highest degree (see Limit), and
// the page says so. The force-directed layout of the figures
// (plots.ForceLayout) costs O(n²) per iteration for 600 iterations: 1,000
// nodes take some 20 s on a loaded two-core machine, 2,000 nodes four
// times as long; and a browser redraws some ten thousand SVG elements
// smoothly on every filter change, not a hundred thousand.
const (
	MaxNodes = 1000
	MaxTies  = 5000
)

// Data are what an explorer page shows: one or more networks and the
// documents and cases their citations refer to. The builders return them
// sorted, so that Write gives the same bytes for the same data.
type Data struct {
	Title string `json:"title"`
	// Lang is the language of the page's interface (plots.LangEN, the
	// default, LangZH or LangBoth): Write writes every word of Phrases
	// in it. Build sets it to Options.Lang.
	Lang     plots.Lang `json:"-"`
	Networks []Network  `json:"networks"`
	Sources  []Source   `json:"sources"` // the documents cited, by id
	Cases    []Case     `json:"cases"`   // the cases cited, by id
}

// Source is a cited document.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	// URL is shown as a link only if its scheme is http or https; any
	// other value (cases.NoURL, javascript:…) is shown as text.
	URL      string `json:"url,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

// Case is a court case, designation or advisory that citations name.
type Case struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
}

// Network is one network of the explorer, laid out: node positions in
// the unit square (y down), scaled on the page to a width of 1000 and a
// height of 1000·Aspect.
type Network struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Aspect float64 `json:"aspect"`
	// SizeLabel says what node area shows ("number of contracts").
	SizeLabel string `json:"size_label"`
	// Kinds are the node kinds in legend order, with the colour and shape
	// index that the figures of ecosys give them.
	Kinds []Kind `json:"kinds"`
	Nodes []Node `json:"nodes"`
	Ties  []Tie  `json:"ties"`
	// TotalNodes and TotalTies count the network before the size limit;
	// Note says what was left out, or is empty.
	TotalNodes int    `json:"total_nodes"`
	TotalTies  int    `json:"total_ties"`
	Note       string `json:"note,omitempty"`
}

// Kind is a kind of node: its legend label, its colour (#rrggbb) and its
// shape (0 circle, 1 square, 2 triangle up, 3 diamond, 4 triangle down,
// 5 hexagon), as in the figures.
type Kind struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Color string `json:"color"`
	Shape int    `json:"shape"`
}

// Node is a node of a network.
type Node struct {
	ID      string `json:"id"`
	Label   string `json:"label"`              // English name, else Chinese, else id
	LabelZH string `json:"label_zh,omitempty"` // Chinese name
	Kind    string `json:"kind"`
	// Names are the node's other names (aliases, variants), which the
	// search finds besides ID, Label and LabelZH.
	Names []string `json:"names,omitempty"`
	Attrs []Attr   `json:"attrs,omitempty"`
	X     float64  `json:"x"`
	Y     float64  `json:"y"`
	Size  float64  `json:"size"`
}

// Attr is a named value shown with a node or tie; it marshals as a
// two-element array.
type Attr [2]string

// Tie joins two nodes (indices into Network.Nodes, From < To not
// required) and carries the citations of every relation between them.
type Tie struct {
	From     int     `json:"from"`
	To       int     `json:"to"`
	Directed bool    `json:"directed,omitempty"` // every relation runs From → To
	Weight   float64 `json:"weight"`
	// Citations are the relations the tie stands for; a tie without
	// citations (an edge list's edge) is shown with its Attrs.
	Citations []Citation `json:"citations,omitempty"`
	Attrs     []Attr     `json:"attrs,omitempty"`
}

// Citation is one relation of a tie with where it is stated.
type Citation struct {
	ID       string `json:"id,omitempty"`
	Type     string `json:"type"`
	Family   string `json:"family"` // see Families
	Reversed bool   `json:"rev,omitempty"`
	Layer    string `json:"layer,omitempty"`
	Source   string `json:"source,omitempty"` // a Data.Sources id, or a file name
	Locator  string `json:"locator,omitempty"`
	Evidence string `json:"evidence,omitempty"`
	Grade    string `json:"grade,omitempty"` // Admiralty grade such as "B2"; "" ungraded
	// Allegation says the source states the relation as an allegation.
	Allegation bool   `json:"allegation,omitempty"`
	Start      string `json:"start,omitempty"` // as written: 2017, 2017-11, 2017-11-25
	End        string `json:"end,omitempty"`
	// StartYear and EndYear bound the years of the date filter (0: open).
	StartYear     int      `json:"start_year,omitempty"`
	EndYear       int      `json:"end_year,omitempty"`
	Case          string   `json:"case,omitempty"`
	Basis         string   `json:"basis,omitempty"`
	Corroboration []string `json:"corroboration,omitempty"`
}

// Families of relation, the filter of the explorer: each relation type
// of the case data belongs to one (FamilyOf).
var Families = []string{"contract", "direction", "personnel", "hierarchy", "corporate", "legal", "tie"}

// FamilyOf returns the family of a relation type: contract
// (contracted_with, signatory_for, supplier_to, end_user_of), direction
// (front_for, tasked_by, associated_with), personnel (officer_of,
// employee_of, executive_of), hierarchy (subordinate_of), corporate
// (subsidiary_of, owner_of), legal (charged_in, sanctioned_by, sued), and
// "tie" for anything else.
func FamilyOf(t cases.RelationType) string {
	switch t {
	case cases.ContractedWith, cases.SignatoryFor, cases.SupplierTo, cases.EndUserOf:
		return "contract"
	case cases.FrontFor, cases.TaskedBy, cases.AssociatedWith:
		return "direction"
	case cases.OfficerOf, cases.EmployeeOf, cases.ExecutiveOf:
		return "personnel"
	case cases.SubordinateOf:
		return "hierarchy"
	case cases.SubsidiaryOf, cases.OwnerOf:
		return "corporate"
	case cases.ChargedIn, cases.SanctionedBy, cases.Sued:
		return "legal"
	}
	return "tie"
}

// Options configure the builders.
type Options struct {
	// Seed seeds the force-directed layout (plots.ForceLayout), as the
	// report's Seed does for the network figures.
	Seed uint64
	// LedgerCitation cites the ledger's ties (cases.ISOONLedgerCitation
	// for the embedded ledger); the zero value cites the ledger's file,
	// ungraded.
	LedgerCitation cases.Citation
	// ByContracts weighs the ledger network's ties (their width) by their
	// number of contracts instead of their amount.
	ByContracts bool
	// MaxNodes and MaxTies override the size limit (0: MaxNodes and
	// MaxTies).
	MaxNodes, MaxTies int
	// Lang is the language of the words the builders write (network
	// titles, what node area shows, kinds, the names of a node's fields,
	// the ledger ties' basis, the size-limit note; see Phrases):
	// plots.LangEN (the default), LangZH or LangBoth. Names and citations
	// stay as recorded.
	Lang plots.Lang
}

func (o Options) limits() (int, int) {
	return cmp.Or(o.MaxNodes, MaxNodes), cmp.Or(o.MaxTies, MaxTies)
}

// Build returns the explorer data of a ledger l and case data d, either of
// which may be nil: the case network (CaseNetwork) when d is given and the
// ledger network (LedgerNetwork) when l is, with the sources and cases
// their citations name.
func Build(title string, l *network.Ledger, d *cases.Data, opt Options) (Data, error) {
	data := Data{Title: title, Lang: opt.Lang}
	if d != nil {
		n, err := CaseNetwork(l, d, opt)
		if err != nil {
			return Data{}, err
		}
		data.Networks = append(data.Networks, n)
	}
	if l != nil {
		n, err := LedgerNetwork(l, d, opt)
		if err != nil {
			return Data{}, err
		}
		data.Networks = append(data.Networks, n)
	}
	if len(data.Networks) == 0 {
		return Data{}, fmt.Errorf("explore: no ledger and no case data")
	}
	data.AddReferences(d)
	return data, nil
}

// AddReferences sets data.Sources and data.Cases to the sources and cases
// of d that the citations of data's networks name, sorted by id (d may be
// nil: they are then empty).
func (data *Data) AddReferences(d *cases.Data) {
	data.Sources, data.Cases = []Source{}, []Case{}
	if d == nil {
		return
	}
	srcs, css := map[string]bool{}, map[string]bool{}
	for _, n := range data.Networks {
		for _, t := range n.Ties {
			for _, c := range t.Citations {
				srcs[c.Source] = true
				for _, s := range c.Corroboration {
					srcs[s] = true
				}
				css[c.Case] = true
			}
		}
	}
	for _, s := range d.Sources {
		if srcs[s.ID] {
			data.Sources = append(data.Sources, Source{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Date: s.Date.String(), URL: s.URL, Evidence: string(s.Evidence)})
		}
	}
	for _, c := range d.Cases {
		if css[c.ID] {
			data.Cases = append(data.Cases, Case{ID: c.ID, Label: cmp.Or(c.Label, c.ID), Title: c.Title, Date: c.Date().String()})
		}
	}
	slices.SortFunc(data.Sources, func(a, b Source) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(data.Cases, func(a, b Case) int { return cmp.Compare(a.ID, b.ID) })
}

// CaseNetwork returns the case network of d and the ledger l (which may
// be nil): the full meta-network of cases.BuildMeta with the case, the
// hierarchy and (with l) the ledger layer — organizations, ledger parties,
// people and cases as nodes, one tie per pair of nodes with the citation
// of every relation between them — laid out by plots.ForceLayout with
// opt.Seed. Node area shows the number of distinct neighbours.
func CaseNetwork(l *network.Ledger, d *cases.Data, opt Options) (Network, error) {
	layers := []string{cases.LayerCases, cases.LayerHierarchy}
	if l != nil {
		layers = append(layers, cases.LayerLedger)
	}
	m, err := cases.BuildMeta(l, d, cases.MetaOptions{Layers: layers, LedgerCitation: opt.LedgerCitation})
	if err != nil {
		return Network{}, fmt.Errorf("explore: %w", err)
	}
	n := Network{ID: "cases", Title: say(opt.Lang, "net.cases"), SizeLabel: say(opt.Lang, "size.neighbours")}
	var order []string
	for _, k := range cases.OrganizationKinds {
		order = append(order, string(k))
	}
	order = append(order, string(cases.PersonKind), string(cases.CaseKind))
	names := aliasNames(d)
	for _, v := range m.Nodes {
		node := Node{ID: v.ID, Label: v.Label, LabelZH: v.NameZH, Kind: string(v.Kind)}
		individual := v.Kind == network.Individual
		if individual {
			node.LabelZH = "" // individuals are shown by their label only, as in the figures
		}
		node.Names = otherNames(node, names[v.ID], individual)
		node.Attrs = metaAttrs(v, d, opt.Lang)
		n.Nodes = append(n.Nodes, node)
	}
	index := map[string]int{}
	for i, v := range n.Nodes {
		index[v.ID] = i
	}
	ties := map[[2]int]*Tie{}
	for _, e := range m.Edges {
		a, b := index[e.From], index[e.To]
		key := [2]int{min(a, b), max(a, b)}
		t, ok := ties[key]
		if !ok {
			t = &Tie{From: a, To: b, Directed: true}
			ties[key] = t
		}
		c := metaCitation(e, opt.Lang)
		c.Reversed = a != t.From
		if c.Reversed {
			t.Directed = false
		}
		t.Citations = append(t.Citations, c)
		t.Weight++
	}
	for _, t := range ties {
		n.Ties = append(n.Ties, *t)
	}
	sortTies(n.Ties)
	for i := range n.Nodes {
		n.Nodes[i].Size = 0
	}
	for _, t := range n.Ties {
		n.Nodes[t.From].Size++
		n.Nodes[t.To].Size++
	}
	return finish(n, order, false, nil, opt)
}

// LedgerNetwork returns the ledger network of l (network.BuildLedger):
// contractor → intermediary signatories → end users, one tie per pair
// with its contracts (tie width by amount, or by number of contracts with
// opt.ByContracts), cited as opt.LedgerCitation says, laid out in
// layers as the report's network figure (plots.LayeredLayout). Node area
// shows the number of contracts, as in the figure. The case data d (may
// be nil) add the parties' aliases for the search.
func LedgerNetwork(l *network.Ledger, d *cases.Data, opt Options) (Network, error) {
	ln := network.BuildLedger(l)
	m, err := cases.BuildMeta(l, nil, cases.MetaOptions{Layers: []string{cases.LayerLedger}, LedgerCitation: opt.LedgerCitation})
	if err != nil {
		return Network{}, fmt.Errorf("explore: %w", err)
	}
	n := Network{ID: "ledger", Title: say(opt.Lang, "net.ledger"), SizeLabel: say(opt.Lang, "size.contracts")}
	var order []string
	for _, k := range network.Kinds {
		order = append(order, string(k))
	}
	names := aliasNames(d)
	contracts := make([]float64, len(ln.Nodes))
	for _, e := range ln.Edges {
		contracts[e.To] += float64(e.Contracts)
		if ln.Nodes[e.From].Role == network.Contractor {
			contracts[e.From] += float64(e.Contracts)
		}
	}
	layers := make([]int, len(ln.Nodes))
	for i, v := range ln.Nodes {
		e := v.Entity
		node := Node{ID: e.ID, Label: e.Name(), LabelZH: e.NameZH, Kind: string(e.Kind), Size: contracts[i]}
		individual := e.Kind == network.Individual
		if individual {
			node.LabelZH = ""
		}
		var own []string
		if !individual {
			own = e.Variants
		}
		node.Names = otherNames(node, append(slices.Clone(own), names[e.ID]...), individual)
		node.Attrs = append([]Attr{{say(opt.Lang, "attr.role"), roleLabel(string(v.Role), opt.Lang)}, {say(opt.Lang, "attr.kind"), kindLabel(string(e.Kind), opt.Lang)}}, entityAttrs(e, "", opt.Lang)...)
		n.Nodes = append(n.Nodes, node)
		layers[i] = v.Layer()
	}
	index := map[string]int{}
	for i, v := range n.Nodes {
		index[v.ID] = i
	}
	byRow := map[int]network.Contract{}
	for _, c := range l.Contracts {
		byRow[c.Row] = c
	}
	for _, e := range m.Edges {
		c := metaCitation(e, opt.Lang)
		var rows []string
		for _, r := range e.Rows {
			k := byRow[r]
			row := say(opt.Lang, "basis.row", strconv.Itoa(r), cmp.Or(k.Date.String(), say(opt.Lang, "basis.no_date")), groupDigits(k.Amount.String()))
			if t := strings.TrimSpace(strings.Join(nonEmpty(k.TitleEN, k.Title), " / ")); t != "" {
				row += say(opt.Lang, "basis.title_sep") + t
			}
			rows = append(rows, row)
		}
		sep := " " // none after a Chinese full stop
		if opt.Lang == plots.LangZH {
			sep = ""
		}
		c.Basis = say(opt.Lang, "basis.ledger", strconv.Itoa(e.Contracts), groupDigits(e.Amount.String())) + sep + strings.Join(rows, say(opt.Lang, "basis.sep"))
		w := e.Amount.Yuan()
		if opt.ByContracts {
			w = float64(e.Contracts)
		}
		n.Ties = append(n.Ties, Tie{From: index[e.From], To: index[e.To], Directed: true, Weight: w, Citations: []Citation{c}})
	}
	sortTies(n.Ties)
	return finish(n, order, true, layers, opt)
}

// GraphNetwork returns a network of any graph g (an edge list, a graph
// file, a ledger network as a gonum graph): nodes named g.Names and
// labelled by their attribute label, name_en or name (name_zh in
// Chinese), of the kind given by the node attribute group ("" or
// missing: one kind), ties with their weight and edge attributes, and a
// citation read from the attributes that ecosys build writes (type,
// source or sources, locator, evidence, reliability, allegation,
// date_start, date_end, case or cases; the first of a ";" list) when an
// edge has any of them, so that the filters work on them; laid out as plots.GraphLayout
// lays out the "graph" figure (layered if every edge is directed and
// there is no directed cycle, else force-directed with opt.Seed). Node
// area shows the number of distinct neighbours.
func GraphNetwork(id, title string, g *network.Graph, group string, opt Options) (Network, error) {
	n := Network{ID: id, Title: title, SizeLabel: say(opt.Lang, "size.neighbours")}
	kinds := map[string]bool{}
	for i, name := range g.Names {
		var a map[string]string
		if i < len(g.Attrs) {
			a = g.Attrs[i]
		}
		node := Node{ID: name, Label: cmp.Or(a["label"], a["name_en"], a["name"], name), LabelZH: a["name_zh"], Kind: "node"}
		if group != "" && a[group] != "" {
			node.Kind = a[group]
		}
		kinds[node.Kind] = true
		for _, k := range g.AttrNames {
			if v, ok := a[k]; ok {
				node.Attrs = append(node.Attrs, Attr{k, v})
			}
		}
		n.Nodes = append(n.Nodes, node)
	}
	var ids []int64
	for it := g.G.Nodes(); it.Next(); {
		ids = append(ids, it.Node().ID())
	}
	slices.Sort(ids)
	for _, u := range ids {
		var to []int64
		for it := g.G.From(u); it.Next(); {
			to = append(to, it.Node().ID())
		}
		slices.Sort(to)
		for _, v := range to {
			if !g.Directed && v < u || u == v || int(u) >= len(n.Nodes) || int(v) >= len(n.Nodes) {
				continue
			}
			w, _ := g.G.Weight(u, v)
			t := Tie{From: int(u), To: int(v), Directed: g.Directed, Weight: w}
			ea := g.EdgeAttrs[[2]int64{u, v}]
			for _, k := range g.EdgeAttrNames {
				if val, ok := ea[k]; ok {
					t.Attrs = append(t.Attrs, Attr{k, val})
				}
			}
			if c, ok := attrCitation(ea); ok {
				t.Citations = []Citation{c}
			}
			n.Ties = append(n.Ties, t)
		}
	}
	sortTies(n.Ties)
	for _, t := range n.Ties {
		n.Nodes[t.From].Size++
		n.Nodes[t.To].Size++
	}
	var order []string
	for k := range kinds {
		order = append(order, k)
	}
	slices.Sort(order)
	return finish(n, order, false, nil, opt)
}

// attrCitation returns the citation that edge attributes give, if they
// name any of its fields.
func attrCitation(a map[string]string) (Citation, bool) {
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := strings.TrimSpace(a[k]); v != "" {
				return strings.TrimSpace(strings.Split(v, ";")[0])
			}
		}
		return ""
	}
	c := Citation{Type: first("type", "relation"), Source: first("source", "sources"), Locator: first("locator"),
		Evidence: first("evidence"), Start: first("date_start", "date", "start"), End: first("date_end", "end"),
		Case: first("case", "cases"), Basis: first("basis")}
	if first("type", "relation", "source", "sources", "locator", "evidence", "date_start", "date", "start", "date_end", "end",
		"case", "cases", "basis", "reliability", "grade", "allegation") == "" {
		return c, false
	}
	c.Family = FamilyOf(cases.RelationType(c.Type))
	if g, err := cases.ParseGrade(first("reliability", "grade")); err == nil {
		c.Grade = g.String()
	}
	c.Allegation = strings.EqualFold(first("allegation"), "true")
	c.StartYear, c.EndYear = year(c.Start), year(c.End)
	if c.EndYear == 0 {
		c.EndYear = c.StartYear
	}
	if c.StartYear == 0 {
		c.StartYear = c.EndYear
	}
	return c, true
}

// year returns the year a date such as 2017, 2017-11 or 2017-11-25
// begins with, or 0.
func year(s string) int {
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1000 {
		return 0
	}
	return y
}

// finish applies the size limit, lays the network out (layered with the
// given layers, else as plots.GraphLayout chooses) and sets its kinds.
func finish(n Network, order []string, layered bool, layers []int, opt Options) (Network, error) {
	n.TotalNodes, n.TotalTies = len(n.Nodes), len(n.Ties)
	maxN, maxT := opt.limits()
	var keep []int
	n, keep = Limit(n, maxN, maxT)
	if n.Note != "" {
		n.Note = limitNote(opt.Lang, n.TotalNodes, n.TotalTies, maxN, maxT, len(n.Nodes), len(n.Ties))
	}
	if len(n.Nodes) == 0 {
		return Network{}, fmt.Errorf("explore: %s has no nodes", strings.ToLower(n.Title))
	}
	g := plots.Graph{Seed: opt.Seed, Layout: plots.LayoutForce}
	for i, v := range n.Nodes {
		gn := plots.GraphNode{ID: v.ID}
		if layered {
			gn.Layer = layers[keep[i]]
		}
		g.Nodes = append(g.Nodes, gn)
	}
	for _, t := range n.Ties {
		if t.From != t.To {
			g.Edges = append(g.Edges, plots.GraphEdge{From: n.Nodes[t.From].ID, To: n.Nodes[t.To].ID, Directed: t.Directed})
		}
	}
	var pos [][2]float64
	var err error
	switch {
	case layered:
		pos, err = plots.LayeredLayout(g)
	case n.ID != "cases":
		g.Layout = plots.LayoutAuto
		if layered, err = isLayered(g); err == nil && layered {
			pos, err = plots.GraphLayout(g)
			break
		}
		fallthrough
	default:
		pos, n.Aspect, err = packedForce(g)
	}
	if err != nil {
		return Network{}, fmt.Errorf("explore: %w", err)
	}
	if layered {
		// Rows of the widest column, about 22 units apart.
		rows := map[float64]int{}
		for _, p := range pos {
			rows[p[0]]++
		}
		widest := 0
		for _, c := range rows {
			widest = max(widest, c)
		}
		n.Aspect = math.Max(0.6, float64(widest)*0.022)
	}
	if n.Aspect == 0 {
		n.Aspect = 1
	}
	n.Aspect = round4(n.Aspect)
	for i := range n.Nodes {
		n.Nodes[i].X, n.Nodes[i].Y = round4(pos[i][0]), round4(pos[i][1])
	}
	present := map[string]bool{}
	for _, v := range n.Nodes {
		present[v.Kind] = true
	}
	k := 0
	for _, id := range order {
		if present[id] {
			n.Kinds = append(n.Kinds, Kind{ID: id, Label: kindLabel(id, opt.Lang), Color: hexColor(plots.DataColor(k)), Shape: k % 6})
		}
		k++
	}
	return n, nil
}

// isLayered reports whether plots.GraphLayout lays g out in layers.
func isLayered(g plots.Graph) (bool, error) {
	if g.Layout == plots.LayoutForce {
		return false, nil
	}
	_, ok := plots.GraphLayers(g)
	if g.Layout == plots.LayoutLayered && !ok {
		return false, fmt.Errorf("plots: the layered layout needs every edge directed and no directed cycle")
	}
	return ok && len(g.Edges) > 0, nil
}

// packedForce lays out each connected component of g with
// plots.ForceLayout (seed g.Seed; y down) and packs the components side by
// side, largest first, each scaled to a square whose area is
// proportional to its number of nodes, in rows (shelves) about as wide
// as the whole is high. It returns the positions in the unit square and
// the height of the packing over its width (at least 0.3). Laid out together, a few small
// components would drift far from the main one and shrink it to a dot.
func packedForce(g plots.Graph) ([][2]float64, float64, error) {
	n := len(g.Nodes)
	index := map[string]int{}
	for i, v := range g.Nodes {
		index[v.ID] = i
	}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, e := range g.Edges {
		a, b := find(index[e.From]), find(index[e.To])
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	byRoot := map[int][]int{}
	for i := range n {
		r := find(i)
		byRoot[r] = append(byRoot[r], i)
	}
	var comps [][]int
	for _, c := range byRoot {
		slices.SortFunc(c, func(a, b int) int { return cmp.Compare(g.Nodes[a].ID, g.Nodes[b].ID) })
		comps = append(comps, c)
	}
	slices.SortFunc(comps, func(a, b []int) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(g.Nodes[a[0]].ID, g.Nodes[b[0]].ID))
	})
	pos := make([][2]float64, n)
	// Shelf packing: sizes s = √(n_c/n_0), gaps of 5% of the largest.
	total := 0.0
	for _, c := range comps {
		total += float64(len(c)) / float64(len(comps[0]))
	}
	width := math.Max(1, math.Sqrt(total)*1.15)
	gap := 0.05
	x, y, shelf := 0.0, 0.0, 0.0
	maxX, maxY := 0.0, 0.0
	for _, c := range comps {
		s := math.Sqrt(float64(len(c)) / float64(len(comps[0])))
		if len(c) <= 2 {
			s = math.Max(s, 0.08)
		}
		if x > 0 && x+s > width {
			x, y, shelf = 0, y+shelf+gap, 0
		}
		sub := plots.Graph{Seed: g.Seed, Layout: plots.LayoutForce}
		in := map[string]bool{}
		for _, i := range c {
			sub.Nodes = append(sub.Nodes, plots.GraphNode{ID: g.Nodes[i].ID})
			in[g.Nodes[i].ID] = true
		}
		for _, e := range g.Edges {
			if in[e.From] {
				sub.Edges = append(sub.Edges, e)
			}
		}
		p, err := plots.GraphLayout(sub)
		if err != nil {
			return nil, 0, err
		}
		for k, i := range c {
			pos[i] = [2]float64{x + p[k][0]*s, y + p[k][1]*s}
		}
		x += s + gap
		shelf = math.Max(shelf, s)
		maxX, maxY = math.Max(maxX, x-gap), math.Max(maxY, y+shelf)
	}
	span := math.Max(maxX, 1e-9)
	aspect := math.Max(maxY/span, 0.3)
	for i := range pos {
		pos[i] = [2]float64{pos[i][0] / span, pos[i][1] / span / aspect}
	}
	return pos, aspect, nil
}

// Limit returns n cut to at most maxNodes nodes and maxTies ties, and the
// index in n.Nodes of every node kept: nodes are taken by degree (the
// number of ties), highest first, ties broken by id, as long as the ties
// among the nodes taken stay within maxTies; the ties kept are those
// among the nodes kept. If n is within the limits it is returned as is.
// Otherwise Note says what is shown.
func Limit(n Network, maxNodes, maxTies int) (Network, []int) {
	all := make([]int, len(n.Nodes))
	for i := range all {
		all[i] = i
	}
	if len(n.Nodes) <= maxNodes && len(n.Ties) <= maxTies {
		return n, all
	}
	deg := make([]int, len(n.Nodes))
	adj := make([][]int, len(n.Nodes)) // tie indices
	for i, t := range n.Ties {
		deg[t.From]++
		deg[t.To]++
		adj[t.From] = append(adj[t.From], i)
		if t.To != t.From {
			adj[t.To] = append(adj[t.To], i)
		}
	}
	order := slices.Clone(all)
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(deg[b], deg[a]), cmp.Compare(n.Nodes[a].ID, n.Nodes[b].ID))
	})
	kept := make([]bool, len(n.Nodes))
	ties, nodes := 0, 0
	for _, v := range order {
		if nodes >= maxNodes {
			break
		}
		add := 0
		for _, ti := range adj[v] {
			t := n.Ties[ti]
			other := t.From
			if other == v {
				other = t.To
			}
			if other == v || kept[other] {
				add++
			}
		}
		if ties+add > maxTies {
			break
		}
		kept[v] = true
		ties += add
		nodes++
	}
	var keep []int
	newIndex := make([]int, len(n.Nodes))
	out := n
	out.Nodes, out.Ties = nil, nil
	for i, v := range n.Nodes {
		if kept[i] {
			newIndex[i] = len(keep)
			keep = append(keep, i)
			out.Nodes = append(out.Nodes, v)
		}
	}
	for _, t := range n.Ties {
		if kept[t.From] && kept[t.To] {
			t.From, t.To = newIndex[t.From], newIndex[t.To]
			out.Ties = append(out.Ties, t)
		}
	}
	out.Note = limitNote(plots.LangEN, len(n.Nodes), len(n.Ties), maxNodes, maxTies, len(out.Nodes), len(out.Ties))
	return out, keep
}

// limitNote says in lang what a network cut to the size limit shows.
func limitNote(lang plots.Lang, nodes, ties, maxNodes, maxTies, keptNodes, keptTies int) string {
	d := func(i int) string { return groupDigits(strconv.Itoa(i)) }
	return say(lang, "limit", d(nodes), d(ties), d(maxNodes), d(maxTies), d(keptNodes), d(keptTies))
}

// sortTies orders ties by their ends.
func sortTies(ts []Tie) {
	slices.SortFunc(ts, func(a, b Tie) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
}

// metaCitation returns the citation of a meta-network edge, the basis
// of a ledger tie (which cases.BuildMeta writes in English) in lang.
func metaCitation(e cases.MetaEdge, lang plots.Lang) Citation {
	c := Citation{ID: e.ID, Type: string(e.Type), Family: FamilyOf(e.Type), Layer: e.Layer, Source: e.Source, Locator: e.Locator,
		Evidence: string(e.Evidence), Grade: e.Reliability.String(), Allegation: e.Allegation, Start: e.Start.String(), End: e.End.String(),
		Case: e.Case, Basis: e.Basis}
	if e.Layer == cases.LayerLedger {
		c.Basis = say(lang, "basis.meta_ledger", strconv.Itoa(e.Contracts))
	}
	if !e.Start.IsZero() {
		c.StartYear = e.Start.Start.Year()
	}
	if !e.End.IsZero() {
		c.EndYear = e.End.End.Year()
	}
	return c
}

// aliasNames returns every name of d's alias table by id.
func aliasNames(d *cases.Data) map[string][]string {
	out := map[string][]string{}
	if d == nil {
		return out
	}
	for _, a := range d.Aliases.List() {
		out[a.ID] = append(out[a.ID], a.Alias)
	}
	return out
}

// otherNames returns names less the node's id and labels, sorted, without
// repeats; for an individual, only Latin-script names are kept.
func otherNames(v Node, names []string, individual bool) []string {
	var out []string
	for _, s := range names {
		if s == v.ID || s == v.Label || s == v.LabelZH || s == "" {
			continue
		}
		if individual && strings.IndexFunc(s, func(r rune) bool { return r > 0x2E7F }) >= 0 {
			continue
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// metaAttrs returns what the panel shows of a meta-network node.
func metaAttrs(v cases.MetaNode, d *cases.Data, lang plots.Lang) []Attr {
	var a []Attr
	add := func(k, val string) {
		if val != "" && val != "unknown" {
			a = append(a, Attr{say(lang, "attr."+k), val})
		}
	}
	a = append(a, Attr{say(lang, "attr.kind"), kindLabel(string(v.Kind), lang)})
	if o, ok := d.Organization(v.ID); ok {
		a = append(a, entityAttrs(o.Entity, o.Country, lang)...)
	} else if p, ok := d.Person(v.ID); ok {
		add("nationality", p.Nationality)
		add("notes", p.Notes)
	} else if c, ok := d.Case(v.ID); ok {
		add("title", c.Title)
		add("case_kind", c.Kind)
		add("court", c.Court)
		add("docket", c.Docket)
		add("date", c.Date().String())
		add("charges", strings.Join(c.Charges, "; "))
		add("summary", c.Summary)
	}
	add("datasets", strings.Join(v.Datasets, ", "))
	return a
}

// entityAttrs returns what the panel shows of an entity besides its kind.
func entityAttrs(e network.Entity, country string, lang plots.Lang) []Attr {
	var a []Attr
	add := func(k, val string) {
		if val != "" && val != "unknown" {
			a = append(a, Attr{say(lang, "attr."+k), val})
		}
	}
	add("ministry", string(e.Ministry))
	add("level", string(e.Level))
	add("province", e.Province)
	add("city", e.City)
	add("country", country)
	if e.Kind != network.Individual {
		add("notes", e.Notes)
	}
	return a
}

// kindLabel writes a kind id as words in lang: "state_security_organ" →
// "state security organ" (国家安全机关 in Chinese). A kind that Phrases
// do not name (a group of a graph of one's own) is written as recorded,
// with spaces for underscores.
func kindLabel(k string, lang plots.Lang) string {
	if k == "" {
		k = "unknown"
	}
	if _, ok := phraseIndex["kind."+k]; ok {
		return say(lang, "kind."+k)
	}
	return strings.ReplaceAll(k, "_", " ")
}

// roleLabel writes a ledger role in lang: "end_user" → "end user"
// (最终用户).
func roleLabel(r string, lang plots.Lang) string {
	if _, ok := phraseIndex["role."+r]; ok {
		return say(lang, "role."+r)
	}
	return strings.ReplaceAll(r, "_", " ")
}

func hexColor(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// groupDigits writes thousands separators into a decimal: "8270500.00" →
// "8,270,500.00".
func groupDigits(s string) string {
	whole, frac, dot := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if dot {
		b.WriteString("." + frac)
	}
	return b.String()
}
