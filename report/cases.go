package report

import (
	"cmp"
	"fmt"
	"slices"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// Edge families of the case network figure, each drawn with its own line
// style.
const (
	EdgeContract  = "contract"  // contracted_with, signatory_for, supplier_to
	EdgeDirection = "direction" // front_for, tasked_by, associated_with
	EdgeShared    = "shared"    // two organizations share a person (officer, employee, executive)
	EdgeHierarchy = "hierarchy" // subordinate_of
	EdgeCorporate = "corporate" // subsidiary_of, owner_of between companies: context
)

// caseEdgeLabels are the legend labels of the edge families.
var caseEdgeLabels = map[string]string{
	EdgeContract:  "contract or supply",
	EdgeDirection: "front, tasking or association",
	EdgeShared:    "shared personnel",
	EdgeHierarchy: "hierarchy (part of)",
	EdgeCorporate: "corporate group or ownership",
}

// caseKindLabels extends KindLabels with the kinds of the case data.
func caseKindLabels() map[string]string {
	m := map[string]string{}
	for k, v := range KindLabels {
		m[k] = v
	}
	m[string(cases.ForeignGovernment)] = "Foreign government"
	m[string(cases.University)] = "University"
	return m
}

// CaseGraph converts a meta-network (such as analysis.Results.CaseMeta's) for
// plots.NetworkGraph: nodes coloured and shaped by kind and sized by a
// centrality of the undirected network (one of SizeMeasures; "degree" is
// the number of distinct neighbours; "" means "auto", degree or
// betweenness by AutoSize), edges
// between the same two nodes merged, styled by family (EdgeContract,
// EdgeDirection, EdgeShared, EdgeHierarchy, EdgeCorporate; the strongest
// family wins when several relations join two nodes) and as wide as the
// number of relations (shared people count one each). A meta-network from
// CaseMeta has no dispute (sued): the organizations view leaves them out.
func CaseGraph(m *cases.Meta, size string) (plots.Graph, error) {
	auto := size == "" || size == "auto"
	if auto {
		size = "betweenness"
	}
	g := plots.Graph{KindLabels: caseKindLabels(), EdgeKindLabels: caseEdgeLabels, SizeLabel: size, LabelsZH: LegendZH,
		WeightLabel: "number of relations", EdgeKindOrder: []string{EdgeContract, EdgeDirection, EdgeShared, EdgeHierarchy, EdgeCorporate}}
	for _, k := range cases.OrganizationKinds {
		g.KindOrder = append(g.KindOrder, string(k))
	}
	family := func(t cases.RelationType) string {
		switch t {
		case cases.ContractedWith, cases.SignatoryFor, cases.SupplierTo:
			return EdgeContract
		case cases.SubordinateOf:
			return EdgeHierarchy
		case cases.SubsidiaryOf, cases.OwnerOf:
			return EdgeCorporate
		case "shared_person":
			return EdgeShared
		}
		return EdgeDirection
	}
	rank := map[string]int{EdgeContract: 0, EdgeDirection: 1, EdgeShared: 2, EdgeHierarchy: 3, EdgeCorporate: 4}
	type pair struct{ from, to string }
	edges := map[pair]*plots.GraphEdge{}
	neighbours := map[string]map[string]bool{}
	for _, e := range m.Edges {
		k := pair{e.From, e.To}
		w := 1.0
		if len(e.People) > 0 {
			w = float64(len(e.People))
		}
		f := family(e.Type)
		if x, ok := edges[k]; ok {
			x.Weight += w
			if rank[f] < rank[x.Kind] {
				x.Kind = f
			}
		} else {
			edges[k] = &plots.GraphEdge{From: e.From, To: e.To, Weight: w, Directed: e.Type != "shared_person", Kind: f}
		}
		for _, p := range [][2]string{{e.From, e.To}, {e.To, e.From}} {
			if neighbours[p[0]] == nil {
				neighbours[p[0]] = map[string]bool{}
			}
			neighbours[p[0]][p[1]] = true
		}
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, *e)
	}
	slices.SortFunc(g.Edges, func(a, b plots.GraphEdge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	sizes, err := caseSizes(m, g.Edges, size)
	if err != nil {
		return g, err
	}
	if auto {
		deg := make([]float64, len(m.Nodes))
		for i, n := range m.Nodes {
			deg[i] = float64(len(neighbours[n.ID]))
		}
		if g.SizeLabel = AutoSize(deg, sizes); g.SizeLabel == "degree" {
			sizes = nil
		}
	}
	for i, n := range m.Nodes {
		zh := n.NameZH
		if n.Kind == network.Individual {
			zh = ""
		}
		v := float64(len(neighbours[n.ID]))
		if sizes != nil {
			v = sizes[i]
		}
		g.Nodes = append(g.Nodes, plots.GraphNode{ID: n.ID, Label: n.Label, LabelZH: zh, Kind: string(n.Kind), Size: v})
	}
	return g, nil
}

// caseSizes computes the node measure size on the undirected, unweighted
// simple graph of the drawing's edges (nodes in m.Nodes order, 0 where the
// measure is undefined); nil means degree as distinct neighbours (also
// "degree"), all zero for "none".
func caseSizes(m *cases.Meta, edges []plots.GraphEdge, size string) ([]float64, error) {
	switch size {
	case "degree":
		return nil, nil
	case "none":
		return make([]float64, len(m.Nodes)), nil
	case "contracts", "strength":
		return nil, fmt.Errorf("--size %s applies to the ledger figures; the case network is sized by degree, betweenness, harmonic, closeness, pagerank or eigenvector", size)
	}
	index := map[string]int64{}
	ug := simple.NewUndirectedGraph()
	for i, n := range m.Nodes {
		index[n.ID] = int64(i)
		ug.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		if index[e.From] != index[e.To] {
			ug.SetEdge(ug.NewEdge(simple.Node(index[e.From]), simple.Node(index[e.To])))
		}
	}
	r, err := metrics.Compute(ug, nil, metrics.Options{})
	if err != nil {
		return nil, err
	}
	col, err := nodeMeasure(r, size)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(m.Nodes))
	for i, id := range r.Nodes.IDs {
		out[id] = col[i]
	}
	return out, nil
}

// caseNetworkFigure is the catalogue entry of the merged case network.
var caseNetworkFigure = FigureSpec{Name: "case-network", Title: "The ecosystem in the case data", TitleZH: "案件数据中的生态系统", alt: caseNetworkAlt,
	Summary: "the merged network of ledger, court cases, sanctions and the state hierarchy (organizations; shared personnel as ties)",
	Caption: "Organizations of the i-SOON ledger and of the court cases, designations and advisories in the case data, with the state hierarchy up to the two ministries: contracts and supply (solid), front companies, tasking and association as alleged (dashed), organizations that share a person — an officer of one who worked for or ran the other (dotted), the hierarchy (dash-dot), and corporate ties, a subsidiary or an owner company (dash-dot-dot). Lawsuits between companies are left out. Node area by degree (distinct partners), or by betweenness centrality of the undirected network where it varies meaningfully (or the measure chosen with --size; the key names it), colour and shape by kind, force-directed layout with a fixed seed; labels that find no free place are named in the figure's note. Allegations are drawn as stated by their sources; the prosecuting and sanctioning authorities, and organizations tied to no other organization, are left out. Relations, grades and citations: ecosys cases show, ecosys build.",
	draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
		if r.Cases() == nil {
			return nil, fmt.Errorf("no case data (the embedded case data go with the embedded ledger or --ledger; give --cases-dir for your own)")
		}
		m, err := r.CaseMeta()
		if err != nil {
			return nil, err
		}
		g, err := CaseGraph(m, p.Size)
		if err != nil {
			return nil, err
		}
		g.Layout = plots.LayoutForce
		g.Seed = p.Seed
		if p.Options.Source != "" {
			p.Options.Source += p.sourceMore(caseDataSource, caseDataSourceZH)
		}
		if p.Layout != "" {
			if g.Layout, err = plots.ParseLayout(p.Layout); err != nil {
				return nil, err
			}
		}
		return plots.NetworkGraph(title, g, p.Options)
	}}

// CaseTable lists the cases of d by date: id, label, kind, court, docket,
// the date it became public, its numbers of defendants, relations and
// allegations, and the range of its relations' grades (cases.Summary).
func CaseTable(d *cases.Data) Table {
	t := Table{Header: []string{"case", "label", "kind", "court", "docket", "date", "defendants", "relations", "allegations", "grades"}}
	for _, s := range d.Summaries() {
		t.Rows = append(t.Rows, []string{s.ID, s.Label, s.Kind, s.Court, s.Docket, s.Date,
			fmt.Sprint(s.Defendants), fmt.Sprint(s.Relations), fmt.Sprint(s.Allegations), s.Grades()})
	}
	return t
}

// EvidenceTable counts the relations of d by evidence kind and by the
// letter of their Admiralty grade (the reliability of the source), with
// the number that are allegations.
func EvidenceTable(d *cases.Data) Table {
	letters := []byte("ABCDEF")
	t := Table{Header: []string{"evidence", "relations", "A", "B", "C", "D", "E", "F", "allegations"}}
	for _, ev := range cases.EvidenceKinds {
		counts := make([]int, len(letters))
		n, alleged := 0, 0
		for _, r := range d.Relations {
			if r.Evidence != ev {
				continue
			}
			n++
			if r.Allegation {
				alleged++
			}
			if i := slices.Index(letters, r.Reliability.Source); i >= 0 {
				counts[i]++
			}
		}
		row := []string{string(ev), fmt.Sprint(n)}
		for _, c := range counts {
			row = append(row, fmt.Sprint(c))
		}
		t.Rows = append(t.Rows, append(row, fmt.Sprint(alleged)))
	}
	return t
}
