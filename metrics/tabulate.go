package metrics

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
)

// Keyed is a table of contracts grouped along one dimension: for each
// contract i, its group Key(i) and its amount in fen (1/100 yuan).
// network.Grouping implements it.
type Keyed interface {
	Len() int
	Key(i int) string
	Amount(i int) int64
}

// Labeler optionally gives a display name for a group key.
type Labeler interface {
	Label(key string) string
}

// Group is one row of a tabulation.
type Group struct {
	Key            string      `json:"key"`
	Label          string      `json:"label"`
	Contracts      int         `json:"contracts"`
	AmountFen      int64       `json:"-"`
	AmountCNY      json.Number `json:"amount_cny"`      // AmountFen as exact decimal yuan
	ShareContracts float64     `json:"share_contracts"` // Contracts / total contracts
	ShareAmount    float64     `json:"share_amount"`    // AmountFen / total amount (0 if the total is 0)
}

// Tally is a tabulation of contracts by group, with totals.
type Tally struct {
	Groups         []Group     `json:"groups"`
	TotalContracts int         `json:"total_contracts"`
	TotalFen       int64       `json:"-"`
	TotalCNY       json.Number `json:"total_amount_cny"` // TotalFen as exact decimal yuan
}

// Tabulate counts the contracts and sums their amounts per group. Groups are
// sorted by number of contracts (descending), then amount (descending), then
// key; use SortByKey for a natural order such as years. Amounts are summed as
// integers, so totals are exact; shares are fractions in [0, 1].
func Tabulate(k Keyed) Tally {
	idx := map[string]int{}
	var t Tally
	for i := 0; i < k.Len(); i++ {
		key := k.Key(i)
		j, ok := idx[key]
		if !ok {
			j = len(t.Groups)
			idx[key] = j
			t.Groups = append(t.Groups, Group{Key: key, Label: key})
		}
		t.Groups[j].Contracts++
		t.Groups[j].AmountFen += k.Amount(i)
		t.TotalContracts++
		t.TotalFen += k.Amount(i)
	}
	lab, _ := k.(Labeler)
	for i := range t.Groups {
		g := &t.Groups[i]
		if lab != nil {
			g.Label = lab.Label(g.Key)
		}
		g.AmountCNY = json.Number(FormatFen(g.AmountFen))
		g.ShareContracts = float64(g.Contracts) / float64(t.TotalContracts)
		if t.TotalFen != 0 {
			g.ShareAmount = float64(g.AmountFen) / float64(t.TotalFen)
		}
	}
	t.TotalCNY = json.Number(FormatFen(t.TotalFen))
	slices.SortFunc(t.Groups, func(a, b Group) int {
		return cmp.Or(cmp.Compare(b.Contracts, a.Contracts), cmp.Compare(b.AmountFen, a.AmountFen), cmp.Compare(a.Key, b.Key))
	})
	return t
}

// SortByKey sorts the groups by key, ascending.
func (t *Tally) SortByKey() {
	slices.SortFunc(t.Groups, func(a, b Group) int { return cmp.Compare(a.Key, b.Key) })
}

// Group returns the group with the given key.
func (t Tally) Group(key string) (Group, bool) {
	for _, g := range t.Groups {
		if g.Key == key {
			return g, true
		}
	}
	return Group{}, false
}

// FormatFen formats an amount in fen as yuan with two decimals, "470000.00".
func FormatFen(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}
