package network

import (
	"fmt"
	"strconv"
	"strings"
)

// Dimension names a way to group the contracts of a ledger.
type Dimension string

// Dimensions. Province, level and ministry are those of each contract's end
// user, from the entity table; a missing value groups as "unknown".
const (
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
var Dimensions = []Dimension{DimClientType, DimEndUser, DimSignatory, DimProvince, DimLevel, DimMinistry, DimKind, DimYear, DimDirect}

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

// Grouping assigns each contract of a ledger a key along a dimension. It is
// the input of metrics.Tabulate: Len, Key and Amount (in fen) per contract,
// and Label for a key.
type Grouping struct {
	Dimension Dimension
	l         *Ledger
	keys      []string
}

// GroupBy groups the contracts of the ledger along d.
func (l *Ledger) GroupBy(d Dimension) (Grouping, error) {
	if _, err := ParseDimension(string(d)); err != nil {
		return Grouping{}, err
	}
	g := Grouping{Dimension: d, l: l, keys: make([]string, len(l.Contracts))}
	for i, c := range l.Contracts {
		eu, _ := l.Entity(c.EndUser)
		var k string
		switch d {
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
		g.keys[i] = k
	}
	return g, nil
}

// Len returns the number of contracts.
func (g Grouping) Len() int { return len(g.keys) }

// Key returns the group of contract i.
func (g Grouping) Key(i int) string { return g.keys[i] }

// Amount returns the amount of contract i in fen.
func (g Grouping) Amount(i int) int64 { return int64(g.l.Contracts[i].Amount) }

// Label returns a display name for a key: the English name of a party for
// the party dimensions, the key itself otherwise.
func (g Grouping) Label(key string) string {
	if g.Dimension == DimEndUser || g.Dimension == DimSignatory {
		if e, ok := g.l.Entity(key); ok {
			return e.Name()
		}
	}
	return key
}
