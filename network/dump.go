package network

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Dump writes a canonical text form of the network: a line per node in id
// order (id, entity id, role, kind, English name), then a line per edge in
// (from, to) order with its count, amount and ledger rows. Two networks
// are equal exactly when their dumps are; tests compare dumps with golden
// files.
func (n *Network) Dump(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "nodes %d\n", len(n.Nodes))
	for _, v := range n.Nodes {
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\n", v.ID, v.Entity.ID, v.Role, v.Entity.Kind, v.Entity.Name())
	}
	fmt.Fprintf(bw, "edges %d\n", len(n.Edges))
	for _, e := range n.Edges {
		rows := make([]string, len(e.Rows))
		for i, r := range e.Rows {
			rows[i] = fmt.Sprint(r)
		}
		fmt.Fprintf(bw, "%s -> %s\tcontracts=%d\tamount=%s\trows=%s\n",
			n.Nodes[e.From].Entity.ID, n.Nodes[e.To].Entity.ID, e.Contracts, e.Amount, strings.Join(rows, ","))
	}
	return bw.Flush()
}

// Dump writes a canonical text form of the two-mode view: the row and column
// parties, then one line per non-empty cell.
func (t *TwoMode) Dump(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "two-mode %s x %s: %d x %d\n", t.RowParty, t.ColParty, len(t.Rows), len(t.Cols))
	for i, r := range t.Rows {
		for j, c := range t.Cols {
			if t.Contracts[i][j] > 0 {
				fmt.Fprintf(bw, "%s\t%s\tcontracts=%d\tamount=%s\n", r.ID, c.ID, t.Contracts[i][j], t.Amount[i][j])
			}
		}
	}
	return bw.Flush()
}
