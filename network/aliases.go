package network

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Alias maps a name to an entity id.
type Alias struct {
	Alias  string
	ID     string
	Lang   string // zh, en, pinyin or other
	Source string // source id, or "" when the alias is the entity's own name
}

// AliasLangs are the languages an alias may be in.
var AliasLangs = []string{"zh", "en", "pinyin", "other"}

// Aliases resolves names to entity ids. Names are compared after
// NormalizeName, so "Tianjin State Security Bureau", "tianjin  state
// security bureau" and a full-width variant match the same id. Every
// normalised alias maps to exactly one id: NewAliases refuses an alias that
// would map to two.
type Aliases struct {
	byKey     map[string]Alias
	list      []Alias
	ambiguous []string
}

// NormalizeName returns the key names are matched by: the name in Unicode
// NFKC form (full-width letters, digits and brackets become ASCII), lower
// case, with the punctuation . , ' ’ removed, runs of white space collapsed
// into one space, and no space next to a Han character (so a Chinese name
// printed with stray spaces matches the name without them).
func NormalizeName(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	space := false
	var prev rune
	for _, r := range s {
		switch {
		case r == '.' || r == ',' || r == '\'' || r == '’':
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space && !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Han, prev) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// NewAliases builds a resolver from aliases. It returns an error naming
// both ids if two aliases normalise to the same key but map to different
// ids; the same alias given twice for one id is kept once.
func NewAliases(list []Alias) (*Aliases, error) {
	var errs []string
	seen := map[string]string{}
	for _, x := range list {
		k := NormalizeName(x.Alias)
		if id, ok := seen[k]; ok && id != x.ID {
			errs = append(errs, fmt.Sprintf("alias %q is ambiguous: %s and %s", x.Alias, id, x.ID))
		}
		seen[k] = x.ID
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("network: %s", strings.Join(errs, "; "))
	}
	return MergeAliases(nil, list), nil
}

// MergeAliases builds a resolver from own names and an alias table. Own
// names are the names the entities (Entity.Aliases) and people carry
// themselves: a name that two ids share resolves to neither of them, and
// Ambiguous lists it. The table's aliases are added where their normalised
// name is not taken by an own name (so the table can settle an ambiguous
// one), the first one given winning. Unlike NewAliases,
// MergeAliases does not check the table; cases.Read, which builds the case
// data's resolver with it, reports the table's conflicts with their lines.
func MergeAliases(own, table []Alias) *Aliases {
	a := &Aliases{byKey: map[string]Alias{}}
	ambiguous := map[string]bool{}
	for _, x := range own {
		k := NormalizeName(x.Alias)
		if k == "" {
			continue
		}
		if old, ok := a.byKey[k]; ok && old.ID != x.ID {
			ambiguous[k] = true
			a.ambiguous = append(a.ambiguous, x.Alias)
			continue
		}
		a.byKey[k] = x
	}
	for k := range ambiguous {
		delete(a.byKey, k)
	}
	for _, x := range table {
		if k := NormalizeName(x.Alias); k != "" {
			if _, ok := a.byKey[k]; !ok {
				a.byKey[k] = x
			}
		}
	}
	for _, x := range a.byKey {
		a.list = append(a.list, x)
	}
	slices.SortFunc(a.list, func(x, y Alias) int {
		return cmp.Or(cmp.Compare(x.ID, y.ID), cmp.Compare(x.Alias, y.Alias))
	})
	slices.Sort(a.ambiguous)
	a.ambiguous = slices.Compact(a.ambiguous)
	return a
}

// Ambiguous returns the names that belong to two or more entities or
// people and so resolve to none of them.
func (a *Aliases) Ambiguous() []string {
	if a == nil {
		return nil
	}
	return slices.Clone(a.ambiguous)
}

// Resolve returns the alias that name matches, if any.
func (a *Aliases) Resolve(name string) (Alias, bool) {
	if a == nil {
		return Alias{}, false
	}
	x, ok := a.byKey[NormalizeName(name)]
	return x, ok
}

// List returns the aliases, sorted by id and alias.
func (a *Aliases) List() []Alias {
	if a == nil {
		return nil
	}
	return slices.Clone(a.list)
}

// Len returns the number of distinct aliases.
func (a *Aliases) Len() int {
	if a == nil {
		return 0
	}
	return len(a.list)
}

// Aliases returns the names of the entity as aliases of its id: its id
// (Lang "other"), its Chinese name and variants ("zh"), and its English
// name ("en"), those it has.
func (e Entity) Aliases() []Alias {
	out := []Alias{{Alias: e.ID, ID: e.ID, Lang: "other"}}
	if e.NameZH != "" {
		out = append(out, Alias{Alias: e.NameZH, ID: e.ID, Lang: "zh"})
	}
	for _, v := range e.Variants {
		out = append(out, Alias{Alias: v, ID: e.ID, Lang: "zh"})
	}
	if e.NameEN != "" {
		out = append(out, Alias{Alias: e.NameEN, ID: e.ID, Lang: "en"})
	}
	return out
}
