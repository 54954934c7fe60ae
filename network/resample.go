package network

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Resample returns a ledger of the contracts at the given indices (into
// l.Contracts; an index may repeat, as in a bootstrap), with the same
// entities. The copies are renumbered 1..len(idx) in the given order so
// that row numbers stay unique. It panics if an index is out of range
// (a programming error).
func (l *Ledger) Resample(idx []int) *Ledger {
	out := &Ledger{Source: l.Source, Entities: l.Entities, index: l.index}
	out.Contracts = make([]Contract, len(idx))
	for i, j := range idx {
		c := l.Contracts[j]
		c.Row = i + 1
		out.Contracts[i] = c
	}
	return out
}

// WithUnobserved returns the ledger with k more end users, for the
// "unobserved bureaus" scenario of a missing-data analysis: what if the
// ledger listed every client (for example the 43 bureaus of the i-SOON
// indictment) and not only the observed ones?
//
// Each added end user gets a number of contracts drawn from the observed
// numbers of contracts per end user; each of its contracts copies an
// observed contract drawn at random (its contractor, client type, date and
// amount). If the copied contract went through an intermediary, the new
// end user gets its own new intermediary (one per added end user, as every
// observed intermediary serves a single end user), otherwise it signs
// itself. Added parties have ids "unobserved-end-user-N" and
// "unobserved-intermediary-N" and kind unknown. Only src is used for
// randomness.
func (l *Ledger) WithUnobserved(k int, src rand.Source) (*Ledger, error) {
	if k < 0 {
		return nil, fmt.Errorf("network: negative number of unobserved end users %d", k)
	}
	rng := rand.New(src)
	perEndUser := map[string]int{}
	for _, c := range l.Contracts {
		perEndUser[c.EndUser]++
	}
	counts := make([]int, 0, len(perEndUser))
	for _, n := range perEndUser {
		counts = append(counts, n)
	}
	slices.Sort(counts) // map order must not leak into the draws
	out := &Ledger{Source: l.Source, Contracts: slices.Clone(l.Contracts), index: map[string]int{}}
	for _, e := range l.Entities {
		out.addEntity(e)
	}
	row := 0
	for _, c := range out.Contracts {
		row = max(row, c.Row)
	}
	for j := 1; j <= k; j++ {
		eu := Entity{ID: fmt.Sprintf("unobserved-end-user-%d", j), NameEN: fmt.Sprintf("Unobserved end user %d", j),
			Kind: UnknownKind, Ministry: UnknownMinistry, Level: UnknownLevel}
		out.addEntity(eu)
		var mid string
		for n := counts[rng.IntN(len(counts))]; n > 0; n-- {
			c := l.Contracts[rng.IntN(len(l.Contracts))]
			row++
			c.Row, c.Line, c.ContractNo, c.Notes = row, 0, "", nil
			c.EndUser = eu.ID
			if !c.Intermediated() {
				c.Signatory = eu.ID
			} else {
				if mid == "" {
					mid = fmt.Sprintf("unobserved-intermediary-%d", j)
					out.addEntity(Entity{ID: mid, NameEN: fmt.Sprintf("Unobserved intermediary %d", j),
						Kind: UnknownKind, Ministry: UnknownMinistry, Level: UnknownLevel})
				}
				c.Signatory = mid
			}
			out.Contracts = append(out.Contracts, c)
		}
	}
	slices.SortFunc(out.Entities, func(a, b Entity) int { return cmp.Compare(a.ID, b.ID) })
	for i, e := range out.Entities {
		out.index[e.ID] = i
	}
	return out, nil
}
