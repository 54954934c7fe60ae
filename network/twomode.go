package network

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/simple"
)

// Party selects a column of the ledger for a two-mode view.
type Party string

// Parties of a contract.
const (
	ByContractor Party = "contractor"
	BySignatory  Party = "signatory"
	ByEndUser    Party = "end_user"
)

func (p Party) of(c Contract) (string, error) {
	switch p {
	case ByContractor:
		return c.Contractor, nil
	case BySignatory:
		return c.Signatory, nil
	case ByEndUser:
		return c.EndUser, nil
	}
	return "", fmt.Errorf("network: unknown party %q", string(p))
}

// TwoMode is a two-mode (bipartite, affiliation) view of a ledger: rows are
// the parties in one column of the ledger, columns those in another, and
// cell (i, j) counts the contracts, and sums the amounts, in which row party
// i and column party j appear together (Borgatti and Everett 1997, "Network
// analysis of 2-mode data", Social Networks 19(3):243-269,
// https://doi.org/10.1016/S0378-8733(96)00301-2).
type TwoMode struct {
	RowParty, ColParty Party
	Rows, Cols         []Entity   // sorted by entity id
	Contracts          [][]int    // [row][col]
	Amount             [][]Amount // [row][col]
}

// TwoModeOf builds the two-mode view of the ledger between two of its
// columns, for example BySignatory × ByEndUser or ByContractor × ByEndUser.
// A party that appears in both columns appears once as a row and once as a
// column.
func TwoModeOf(l *Ledger, rows, cols Party) (*TwoMode, error) {
	if rows == cols {
		return nil, fmt.Errorf("network: two-mode view needs two different parties, got %s twice", rows)
	}
	t := &TwoMode{RowParty: rows, ColParty: cols}
	ri, ci := map[string]int{}, map[string]int{}
	for _, c := range l.Contracts {
		r, err := rows.of(c)
		if err != nil {
			return nil, err
		}
		k, err := cols.of(c)
		if err != nil {
			return nil, err
		}
		ri[r], ci[k] = 0, 0
	}
	index := func(m map[string]int) []Entity {
		ids := make([]string, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		out := make([]Entity, len(ids))
		for i, id := range ids {
			m[id] = i
			out[i], _ = l.Entity(id)
		}
		return out
	}
	t.Rows, t.Cols = index(ri), index(ci)
	t.Contracts = make([][]int, len(t.Rows))
	t.Amount = make([][]Amount, len(t.Rows))
	for i := range t.Rows {
		t.Contracts[i] = make([]int, len(t.Cols))
		t.Amount[i] = make([]Amount, len(t.Cols))
	}
	for _, c := range l.Contracts {
		r, _ := rows.of(c)
		k, _ := cols.of(c)
		t.Contracts[ri[r]][ci[k]]++
		t.Amount[ri[r]][ci[k]] += c.Amount
	}
	return t, nil
}

// Bipartite returns the view as a gonum weighted undirected graph: row party
// i is node i and column party j is node len(Rows)+j. Edge weights are
// contract counts or amounts in yuan; non-edges weigh +Inf (see
// Network.Directed).
func (t *TwoMode) Bipartite(w Weight) *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	n := len(t.Rows)
	for i := 0; i < n+len(t.Cols); i++ {
		g.AddNode(simple.Node(i))
	}
	for i := range t.Rows {
		for j := range t.Cols {
			if t.Contracts[i][j] == 0 {
				continue
			}
			v := float64(t.Contracts[i][j])
			if w == ByAmount {
				v = t.Amount[i][j].Yuan()
			}
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(i), simple.Node(n+j), v))
		}
	}
	return g
}
