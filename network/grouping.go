package network

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Dimension names a way to group the contracts of a ledger.
type Dimension string

// Dimensions. Province, level and ministry are those of each contract's end
// user, from the entity table; a missing value groups as "unknown".
const (
	DimContractor Dimension = "contractor"  // contractor entity id
	DimClientType Dimension = "client-type" // printed client direction, coded
	DimEndUser    Dimension = "end-user"    // end-user entity id
	DimSignatory  Dimension = "signatory"   // signatory entity id
	DimProvince   Dimension = "province"    // end user's province
	DimLevel      Dimension = "level"       // end user's administrative level
	DimMinistry   Dimension = "ministry"    // end user's ministry
	DimKind       Dimension = "kind"        // end user's kind
	DimYear       Dimension = "year"        // year of the signing date
	DimDirect     Dimension = "direct"      // "intermediary" (Contract.Intermediated) or "direct"
)

// Dimensions lists every dimension.
var Dimensions = []Dimension{DimContractor, DimClientType, DimEndUser, DimSignatory, DimProvince, DimLevel, DimMinistry, DimKind, DimYear, DimDirect}

// ParseDimension returns the dimension named s, or an error listing them.
func ParseDimension(s string) (Dimension, error) {
	for _, d := range Dimensions {
		if string(d) == s {
			return d, nil
		}
	}
	names := make([]string, len(Dimensions))
	for i, d := range Dimensions {
		names[i] = string(d)
	}
	return "", fmt.Errorf("network: unknown dimension %q (want one of %s)", s, strings.Join(names, ", "))
}

// Grouping assigns each contract of a ledger a key along a dimension, or
// along several (a cross-tabulation: the key joins one value per
// dimension with KeySep). It is the input of metrics.Tabulate: Len, Key
// and Amount (in fen) per contract, and Label for a key.
type Grouping struct {
	Dimension  Dimension   // the first dimension
	Dimensions []Dimension // every dimension, in order
	l          *Ledger
	keys       []string
}

// KeySep separates the values of a cross-tabulation's key.
const KeySep = " | "

// GroupBy groups the contracts of the ledger along d, or with several
// dimensions along each of them at once (every combination of values
// that occurs is a group).
func (l *Ledger) GroupBy(d Dimension, more ...Dimension) (Grouping, error) {
	dims := append([]Dimension{d}, more...)
	g := Grouping{Dimension: d, Dimensions: dims, l: l, keys: make([]string, len(l.Contracts))}
	for i, dim := range dims {
		if _, err := ParseDimension(string(dim)); err != nil {
			return Grouping{}, err
		}
		if slices.Contains(dims[:i], dim) {
			return Grouping{}, fmt.Errorf("network: dimension %q given twice", dim)
		}
	}
	parts := make([]string, len(dims))
	for i := range l.Contracts {
		for j, dim := range dims {
			parts[j] = l.keyOf(i, dim)
		}
		g.keys[i] = strings.Join(parts, KeySep)
	}
	return g, nil
}

// keyOf is contract i's value along d, "unknown" when it has none.
func (l *Ledger) keyOf(i int, d Dimension) string {
	c := l.Contracts[i]
	eu, _ := l.Entity(c.EndUser)
	var k string
	switch d {
	case DimContractor:
		k = c.Contractor
	case DimClientType:
		k = string(c.ClientType)
	case DimEndUser:
		k = c.EndUser
	case DimSignatory:
		k = c.Signatory
	case DimProvince:
		k = eu.Province
	case DimLevel:
		k = string(eu.Level)
	case DimMinistry:
		k = string(eu.Ministry)
	case DimKind:
		k = string(eu.Kind)
	case DimYear:
		if y := c.Date.Year(); y != 0 {
			k = strconv.Itoa(y)
		}
	case DimDirect:
		k = "direct"
		if c.Intermediated() {
			k = "intermediary"
		}
	}
	if k == "" {
		k = "unknown"
	}
	return k
}

// Len returns the number of contracts.
func (g Grouping) Len() int { return len(g.keys) }

// Key returns the group of contract i.
func (g Grouping) Key(i int) string { return g.keys[i] }

// Amount returns the amount of contract i in fen.
func (g Grouping) Amount(i int) int64 { return int64(g.l.Contracts[i].Amount) }

// Label returns a display name for a key: the English name of a party for
// the party dimensions, the value itself otherwise (joined with KeySep
// in a cross-tabulation).
func (g Grouping) Label(key string) string {
	dims := g.Dimensions
	if len(dims) == 0 {
		dims = []Dimension{g.Dimension}
	}
	parts := strings.Split(key, KeySep)
	if len(parts) != len(dims) {
		return key
	}
	for i, d := range dims {
		if d == DimEndUser || d == DimSignatory || d == DimContractor {
			if e, ok := g.l.Entity(parts[i]); ok {
				parts[i] = e.Name()
			}
		}
	}
	return strings.Join(parts, KeySep)
}

// Contractors returns the ids of the ledger's contractors, sorted.
func (l *Ledger) Contractors() []string {
	var out []string
	for _, c := range l.Contracts {
		out = append(out, c.Contractor)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
