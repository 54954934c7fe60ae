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
// security bureau" and a full-width variant match the same id. A name may
// be given for several ids (MergeAliases): such a name is ambiguous, and
// Resolve refuses it while Candidates lists its ids, each with the alias
// that gives it. NewAliases builds a resolver in which every name has one
// id.
type Aliases struct {
	byKey     map[string][]Alias // one alias per id, in the order given
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

// NewAliases builds a resolver in which every name has one id. It returns
// an error naming both ids if two aliases normalise to the same key but map
// to different ids; the same alias given twice for one id is kept once.
// Use MergeAliases for a table whose names may have several ids.
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
// themselves; the table's aliases cite a source each. A name (after
// NormalizeName) keeps one alias per id it is given for — the first given,
// own names before the table — and a name given for two or more ids, in
// either list, is ambiguous: it resolves to none of them, Candidates lists
// them all and Ambiguous lists the name. MergeAliases does not check the
// table; cases.Read, which builds the case data's resolver with it,
// reports the table's errors with their lines.
func MergeAliases(own, table []Alias) *Aliases {
	a := &Aliases{byKey: map[string][]Alias{}}
	for _, x := range slices.Concat(own, table) {
		k := NormalizeName(x.Alias)
		if k == "" || slices.ContainsFunc(a.byKey[k], func(y Alias) bool { return y.ID == x.ID }) {
			continue
		}
		a.byKey[k] = append(a.byKey[k], x)
	}
	for _, xs := range a.byKey {
		a.list = append(a.list, xs...)
		if len(xs) > 1 {
			a.ambiguous = append(a.ambiguous, xs[0].Alias)
		}
	}
	slices.SortFunc(a.list, func(x, y Alias) int {
		return cmp.Or(cmp.Compare(x.ID, y.ID), cmp.Compare(x.Alias, y.Alias))
	})
	slices.Sort(a.ambiguous)
	return a
}

// Ambiguous returns the names that are given for two or more ids and so
// resolve to none of them, each as first written, sorted.
func (a *Aliases) Ambiguous() []string {
	if a == nil {
		return nil
	}
	return slices.Clone(a.ambiguous)
}

// Resolve returns the alias that name matches, if it matches exactly one
// id; an ambiguous name (see Candidates) resolves to none.
func (a *Aliases) Resolve(name string) (Alias, bool) {
	if a == nil {
		return Alias{}, false
	}
	xs := a.byKey[NormalizeName(name)]
	if len(xs) != 1 {
		return Alias{}, false
	}
	return xs[0], true
}

// Candidates returns every id that name may stand for, as the alias that
// gives it (one per id, sorted by id): none for an unknown name, one for a
// name that resolves, several for an ambiguous one.
func (a *Aliases) Candidates(name string) []Alias {
	if a == nil {
		return nil
	}
	out := slices.Clone(a.byKey[NormalizeName(name)])
	slices.SortFunc(out, func(x, y Alias) int { return cmp.Compare(x.ID, y.ID) })
	return out
}

// List returns the aliases, one per name and id, sorted by id and alias.
func (a *Aliases) List() []Alias {
	if a == nil {
		return nil
	}
	return slices.Clone(a.list)
}

// Len returns the number of distinct aliases: of names with the ids they
// are given for.
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
