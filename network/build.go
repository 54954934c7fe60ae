package network

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/simple"
)

// Role is the position of a party in the ledger network.
type Role string

// Roles, in layer order.
const (
	Contractor   Role = "contractor"   // does the work
	Intermediary Role = "intermediary" // signs for an end user other than itself
	EndUser      Role = "end_user"     // the final client
)

// Node is a party in a built network. Its index in Network.Nodes is its
// gonum node id.
type Node struct {
	ID     int64
	Entity Entity
	Role   Role // the role the party plays in the network: see BuildLedger
}

// Layer returns 0 for a contractor, 1 for an intermediary and 2 for an end
// user, the columns of a layered drawing.
func (n Node) Layer() int { return slices.Index([]Role{Contractor, Intermediary, EndUser}, n.Role) }

// Edge is a directed tie of a built network with its two weights.
type Edge struct {
	From, To  int64
	Contracts int    // number of contracts behind the tie
	Amount    Amount // their total amount
	Rows      []int  // ledger rows behind the tie, ascending
}

// Network is the directed ledger network with parties on the side.
type Network struct {
	Nodes []Node // indexed by node id
	Edges []Edge // sorted by (From, To)
}

// Weight selects which edge weight a gonum graph carries.
type Weight int

// Edge weights.
const (
	ByContracts Weight = iota // number of contracts
	ByAmount                  // total amount in yuan
)

// BuildLedger builds the ledger network. For each contract it adds
//
//	contractor → signatory → end user   if the signatory is not the end user,
//	contractor → end user               otherwise,
//
// adding the contract to the count and amount of each edge. A party's role
// is contractor if it is the contractor of any contract, else end user if
// it is the end user of any contract, else intermediary. Nodes are numbered
// in the order of their entity ids, so ids are the same for the same ledger.
func BuildLedger(l *Ledger) *Network {
	used := map[string]Role{}
	for _, c := range l.Contracts {
		used[c.Contractor] = Contractor
	}
	for _, c := range l.Contracts {
		if used[c.EndUser] != Contractor {
			used[c.EndUser] = EndUser
		}
	}
	for _, c := range l.Contracts {
		if _, ok := used[c.Signatory]; !ok {
			used[c.Signatory] = Intermediary
		}
	}
	n := &Network{}
	id := map[string]int64{}
	for _, e := range l.Entities { // sorted by ID
		if r, ok := used[e.ID]; ok {
			id[e.ID] = int64(len(n.Nodes))
			n.Nodes = append(n.Nodes, Node{ID: int64(len(n.Nodes)), Entity: e, Role: r})
		}
	}
	edges := map[[2]int64]*Edge{}
	add := func(from, to string, c Contract) {
		k := [2]int64{id[from], id[to]}
		e, ok := edges[k]
		if !ok {
			e = &Edge{From: k[0], To: k[1]}
			edges[k] = e
		}
		e.Contracts++
		e.Amount += c.Amount
		e.Rows = append(e.Rows, c.Row)
	}
	for _, c := range l.Contracts { // sorted by row
		if !c.Intermediated() {
			add(c.Contractor, c.EndUser, c)
			continue
		}
		add(c.Contractor, c.Signatory, c)
		add(c.Signatory, c.EndUser, c)
	}
	for _, e := range edges {
		n.Edges = append(n.Edges, *e)
	}
	slices.SortFunc(n.Edges, func(a, b Edge) int {
		if a.From != b.From {
			return int(a.From - b.From)
		}
		return int(a.To - b.To)
	})
	return n
}

// Directed returns the network as a gonum weighted directed graph whose edge
// weights are the contract counts or the amounts in yuan. The weight of a
// non-edge is +Inf and that of a node to itself 0, so the graph can be used
// directly by gonum's path algorithms (weights as distances) as well as for
// strength (weights as tie strength).
func (n *Network) Directed(w Weight) *simple.WeightedDirectedGraph {
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for _, v := range n.Nodes {
		g.AddNode(simple.Node(v.ID))
	}
	for _, e := range n.Edges {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.From), simple.Node(e.To), e.weight(w)))
	}
	return g
}

func (e Edge) weight(w Weight) float64 {
	if w == ByAmount {
		return e.Amount.Yuan()
	}
	return float64(e.Contracts)
}

// Node returns the node of the party with the given entity id.
func (n *Network) Node(entityID string) (Node, bool) {
	i, ok := slices.BinarySearchFunc(n.Nodes, entityID, func(v Node, id string) int { return cmp.Compare(v.Entity.ID, id) })
	if !ok {
		return Node{}, false
	}
	return n.Nodes[i], true
}
