package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An Ecosystem is the analysis view of a contracting ecosystem: the
// organizations and the ties that run from an authority (the principal:
// the organ that tasks, pays or is served) to an agent (the company,
// intermediary or person that works for it). People are projected onto
// the organizations they belong to; enforcement and legal ties (charged,
// sanctioned, named in) and disputes are left out. EcosystemOf builds it
// from a ledger and case data; the generators of synthetic.go build
// ecosystems with stated parameters.
type Ecosystem struct {
	Orgs []Org
	Ties []Tie
	// Hierarchy lists the state hierarchy as (parent, child) pairs: for
	// the Krackhardt description only.
	Hierarchy [][2]string
	// Selection says how the evidence was selected, for the verdict's
	// caveats (for example: which prosecutions and leaks it comes from).
	Selection []string
}

// Org is an organization (or an individual agent) of an Ecosystem.
type Org struct {
	ID       string
	Name     string
	Kind     string // network.Kind values: public_security_organ, company, individual, …
	Ministry string // MPS, MSS, none, unknown
	Level    string // national, provincial, prefectural, county, district, unknown, not_applicable
	Province string // English name; "" when unknown
	// State reports whether the organization is a state organ, and so can
	// be a principal.
	State bool
}

// Role is what a tie from a principal to an agent records.
type Role string

// The roles of principal–agent ties (see RoleTable).
const (
	RoleContract     Role = "contract"     // the agent signed a contract with the principal (ledger; contracted_with)
	RoleIntermediary Role = "intermediary" // the agent signed a ledger contract on the principal's behalf
	RoleSupply       Role = "supply"       // the agent supplies products or services to the principal (supplier_to)
	RoleTasking      Role = "tasking"      // the agent acted at the principal's direction (tasked_by)
	RoleFront        Role = "front"        // the agent is a front company of the principal (front_for)
	RoleAssociation  Role = "association"  // a source says the agent acted in association with the principal (associated_with)
)

// Tie is a principal–agent tie of an Ecosystem: one relation of the case
// data or one ledger contract.
type Tie struct {
	Principal, Agent string
	Role             Role
	// Evidence is the relation id or the ledger row.
	Evidence string
	// Cluster groups ties that come from one piece of evidence: a case
	// (matter) id, or the ledger. The jackknife intervals leave out one
	// cluster at a time.
	Cluster string
	// Grade is the Admiralty grade ("B2"); "" when ungraded (a ledger of
	// your own).
	Grade string
	// Date is when the tie is known to have held, as YYYY[-MM[-DD]]: the
	// relation's start date, the contract's date, or else the date the
	// case was announced (an upper bound of its start); "" when unknown.
	Date string
	// UnitNamed is false for a tie to a ministry as a whole (MPS, MSS) in
	// a source that names no unit ("on behalf of the MSS"): such a tie
	// says where the attribution stops, not where the direction came from
	// (see Attribution).
	UnitNamed bool
}

// RoleRow is one line of the role table: how a relation of the data
// enters the analysis view.
type RoleRow struct {
	Relation  string // relation type of the case data, or a ledger column
	Data      string // direction in the data
	Analysis  string // direction in the analysis view
	Role      string // role of the tie, or what happens to the relation
	Principal bool   // whether it makes a principal–agent tie
}

// RoleTable documents how every relation of the ledger and the case data
// enters the analysis view (EcosystemOf): every principal–agent tie runs
// from the authority to the agent.
var RoleTable = []RoleRow{
	{"ledger contract", "contractor → signatory → end user", "end user → contractor", "contract", true},
	{"ledger signatory ≠ end user", "signatory → end user", "end user → signatory", "intermediary", true},
	{"contracted_with", "contractor → party", "party → contractor", "contract", true},
	{"supplier_to", "company → organ", "organ → company", "supply", true},
	{"tasked_by", "agent → authority", "authority → agent", "tasking", true},
	{"front_for", "company → organ", "organ → company", "front", true},
	{"associated_with", "agent → organ", "organ → agent", "association (a state organ and a non-state party only)", true},
	{"subordinate_of, hierarchy", "child → parent", "parent → child", "command: the state hierarchy (Krackhardt description only)", false},
	{"subsidiary_of", "subsidiary → parent company", "—", "corporate group: context (a subsidiary is an agent of its own, in its own province)", false},
	{"owner_of", "owner → company", "—", "ownership: context only", false},
	{"officer_of, employee_of, executive_of", "person → organization", "—", "membership: a person's ties are projected onto the organizations they belong to", false},
	{"charged_in, sanctioned_by, named_in", "party → case or authority", "—", "enforcement and legal: left out", false},
	{"sued", "plaintiff → defendant", "—", "dispute: left out of the cooperation views", false},
}

// Attribution says how ties to a ministry whose source names no unit
// count.
type Attribution string

// The readings of ties whose unit is not named.
const (
	// LeftOut drops them: they carry no information on the level of the
	// principal (the default).
	LeftOut Attribution = "left-out"
	// AsCentral counts them as ties to the ministry's headquarters.
	AsCentral Attribution = "as-central"
	// AsLocal counts each as a tie to an unnamed sub-national unit of the
	// ministry, one per agent.
	AsLocal Attribution = "as-local"
)

// levelClass is the level of a principal for the implications.
type levelClass int

const (
	levelUnknown levelClass = iota
	levelNational
	levelSubnational
)

func classOf(level string) levelClass {
	switch level {
	case "national":
		return levelNational
	case "provincial", "prefectural", "county", "district", "subnational":
		return levelSubnational
	}
	return levelUnknown
}

// bipartite is the principal × agent view of a filtered ecosystem: one
// tie per distinct (principal, agent) pair.
type bipartite struct {
	agents, principals []*Org
	// adj[a] lists the principals (indices) of agent a, ascending.
	adj [][]int
	// cluster[a][k] is the evidence cluster of the tie adj[a][k]: the
	// smallest cluster among the relations behind it.
	cluster [][]string
	ties    int
}

// view filters the ecosystem and builds its principal × agent view.
// keep selects ties; attr says how to read ties whose unit is not named.
func (e *Ecosystem) view(keep func(Tie) bool, attr Attribution) (*bipartite, error) {
	orgs := make(map[string]*Org, len(e.Orgs))
	for i := range e.Orgs {
		o := &e.Orgs[i]
		if _, dup := orgs[o.ID]; dup {
			return nil, fmt.Errorf("analysis: organization %q listed twice", o.ID)
		}
		orgs[o.ID] = o
	}
	type pair struct{ p, a string }
	cluster := map[pair]string{}
	unnamed := map[string]*Org{} // synthetic local units, by id
	for _, t := range e.Ties {
		if keep != nil && !keep(t) {
			continue
		}
		p, ok := orgs[t.Principal]
		if !ok {
			return nil, fmt.Errorf("analysis: tie %s: unknown principal %q", t.Evidence, t.Principal)
		}
		a, ok := orgs[t.Agent]
		if !ok {
			return nil, fmt.Errorf("analysis: tie %s: unknown agent %q", t.Evidence, t.Agent)
		}
		if !p.State || a.State {
			continue // not a principal–agent tie (an organ's association with another organ, a company client)
		}
		pid := p.ID
		if !t.UnitNamed {
			switch attr {
			case LeftOut, "":
				continue
			case AsLocal:
				pid = p.ID + " (unit not named, for " + a.ID + ")"
				if unnamed[pid] == nil {
					unnamed[pid] = &Org{ID: pid, Name: p.Name + " (unit not named)", Kind: p.Kind, Ministry: p.Ministry, Level: "subnational", State: true}
				}
			case AsCentral:
			default:
				return nil, fmt.Errorf("analysis: unknown attribution %q", attr)
			}
		}
		k := pair{pid, a.ID}
		if c, ok := cluster[k]; !ok || t.Cluster < c {
			cluster[k] = t.Cluster
		}
	}
	b := &bipartite{}
	pIndex, aIndex := map[string]int{}, map[string]int{}
	keys := make([]pair, 0, len(cluster))
	for k := range cluster {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.p, y.p)) })
	var pids []string
	for _, k := range keys {
		if _, ok := pIndex[k.p]; !ok {
			pIndex[k.p] = -1
			pids = append(pids, k.p)
		}
	}
	slices.Sort(pids)
	for i, id := range pids {
		pIndex[id] = i
		if o := unnamed[id]; o != nil {
			b.principals = append(b.principals, o)
		} else {
			b.principals = append(b.principals, orgs[id])
		}
	}
	for _, k := range keys {
		ai, ok := aIndex[k.a]
		if !ok {
			ai = len(b.agents)
			aIndex[k.a] = ai
			b.agents = append(b.agents, orgs[k.a])
			b.adj = append(b.adj, nil)
			b.cluster = append(b.cluster, nil)
		}
		b.adj[ai] = append(b.adj[ai], pIndex[k.p])
		b.cluster[ai] = append(b.cluster[ai], cluster[k])
		b.ties++
	}
	for a := range b.adj { // principals ascending within each agent
		idx := make([]int, len(b.adj[a]))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(x, y int) int { return cmp.Compare(b.adj[a][x], b.adj[a][y]) })
		adj, cl := make([]int, len(idx)), make([]string, len(idx))
		for i, j := range idx {
			adj[i], cl[i] = b.adj[a][j], b.cluster[a][j]
		}
		b.adj[a], b.cluster[a] = adj, cl
	}
	return b, nil
}

// equal reports whether two views have the same ties between the same
// organizations.
func (b *bipartite) equal(o *bipartite) bool {
	if b.ties != o.ties || len(b.agents) != len(o.agents) || len(b.principals) != len(o.principals) {
		return false
	}
	for i := range b.agents {
		if b.agents[i].ID != o.agents[i].ID || !slices.Equal(b.adj[i], o.adj[i]) || !slices.Equal(b.cluster[i], o.cluster[i]) {
			return false
		}
	}
	for i := range b.principals {
		if b.principals[i].ID != o.principals[i].ID || b.principals[i].Level != o.principals[i].Level {
			return false
		}
	}
	return true
}

// level returns the level class of principal p under the attribution:
// a ministry reached by a tie whose unit is not named counts as national
// (AsCentral) or is already replaced by a sub-national unit (AsLocal).
func (b *bipartite) level(p int) levelClass {
	return classOf(b.principals[p].Level)
}

// clusters returns the distinct evidence clusters of the view, sorted.
func (b *bipartite) clusters() []string {
	var out []string
	for _, cs := range b.cluster {
		out = append(out, cs...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// clusterTies counts the ties of each evidence cluster.
func (b *bipartite) clusterTies() map[string]int {
	out := map[string]int{}
	for _, cs := range b.cluster {
		for _, c := range cs {
			out[c]++
		}
	}
	return out
}

// describe says how many ties, principals, agents and clusters a view
// has, for the notes.
func (b *bipartite) describe() string {
	return fmt.Sprintf("%d principal–agent ties between %d principals and %d agents, from %d evidence clusters",
		b.ties, len(b.principals), len(b.agents), len(b.clusters()))
}

// RoleTableMarkdown renders the role table as a Markdown table, for
// README and the report.
func RoleTableMarkdown() string {
	var s strings.Builder
	s.WriteString("| relation | in the data | in the analysis view | role |\n|---|---|---|---|\n")
	for _, r := range RoleTable {
		fmt.Fprintf(&s, "| %s | %s | %s | %s |\n", r.Relation, r.Data, r.Analysis, r.Role)
	}
	return s.String()
}
