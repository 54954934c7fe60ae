package network

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/internal/csvio"
)

// EntitiesRequired are the columns an entity file must have. The optional
// ones are name_zh, name_zh_variants (separated by "|"), name_en, kind,
// ministry, level, province, city and notes; kind, ministry and level default
// to unknown.
var EntitiesRequired = []string{"id"}

// ReadEntities reads an entity table CSV (see EntitiesRequired). Ids must be
// unique; a duplicate names both lines. Columns the reader does not know
// are ignored. Encodings, line ends and limits are as for ReadContracts. All
// errors of the file, up to MaxErrors, are returned together as an
// ErrorList.
func ReadEntities(name string, r io.Reader) ([]Entity, error) {
	return ReadEntitiesWithOptions(name, r, ReadOptions{})
}

// ReadEntitiesWithOptions is ReadEntities, calling opt.Warn with each
// warning about the file (such as a conversion from GB18030).
func ReadEntitiesWithOptions(name string, r io.Reader, opt ReadOptions) ([]Entity, error) {
	t, err := csvio.ReadTable(name, r, EntitiesRequired, nil, opt.csv())
	if err != nil {
		return nil, err
	}
	var out []Entity
	firstLine := map[string]int{}
	for t.Next() {
		e := Entity{
			ID:       t.Require("id"),
			NameZH:   t.Get("name_zh"),
			NameEN:   t.Get("name_en"),
			Kind:     csvio.Enum(t, "kind", UnknownKind, Kinds),
			Ministry: csvio.Enum(t, "ministry", UnknownMinistry, Ministries),
			Level:    csvio.Enum(t, "level", UnknownLevel, Levels),
			Province: t.Get("province"),
			City:     t.Get("city"),
			Notes:    t.Get("notes"),
		}
		for _, v := range strings.Split(t.Get("name_zh_variants"), "|") {
			if v = strings.TrimSpace(v); v != "" {
				e.Variants = append(e.Variants, v)
			}
		}
		if line, dup := firstLine[e.ID]; dup && e.ID != "" {
			t.Fail("id", e.ID, ErrDuplicateKey).Other = fmt.Sprintf("%s:%d", name, line)
		}
		firstLine[e.ID] = t.Line()
		out = append(out, e)
	}
	if errs := t.Errors(); len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// ReadLedger reads a contracts file and, when entities is not nil, an entity
// table, and joins them with NewLedger. The names are used in error messages.
func ReadLedger(contractsName string, contracts io.Reader, entitiesName string, entities io.Reader) (*Ledger, error) {
	return ReadLedgerWithOptions(contractsName, contracts, entitiesName, entities, ReadOptions{})
}

// ReadLedgerWithOptions is ReadLedger with reading options (warnings).
func ReadLedgerWithOptions(contractsName string, contracts io.Reader, entitiesName string, entities io.Reader, opt ReadOptions) (*Ledger, error) {
	cs, err := ReadContractsWithOptions(contractsName, contracts, opt)
	if err != nil {
		return nil, err
	}
	var es []Entity
	if entities != nil {
		if es, err = ReadEntitiesWithOptions(entitiesName, entities, opt); err != nil {
			return nil, err
		}
		if es == nil {
			es = []Entity{}
		}
	}
	if err := ResolveParties(contractsName, cs, es, opt); err != nil {
		return nil, err
	}
	return NewLedger(contractsName, cs, es)
}

// ResolveParties applies opt.Aliases to the party cells (contractor,
// signatory, end user) of the contracts cs that are not ids of the entities
// es, in place, and calls opt.Warn once per name merged, naming the file
// (name), the name, the id, the alias matched and the lines. A cell whose
// name is ambiguous — given for several ids (Aliases.Candidates) — is not
// resolved: it is an *InputError at the cell (file:line:column), wrapping
// ErrAmbiguousName and listing the candidates with the sources that give
// the name, and all such errors (up to MaxErrors) are returned together as
// an ErrorList. Cells that match no alias are left as they are. It does
// nothing when opt.Aliases is nil. ReadLedgerWithOptions calls it; call it
// yourself between ReadContracts and NewLedger.
func ResolveParties(name string, cs []Contract, es []Entity, opt ReadOptions) error {
	if opt.Aliases == nil {
		return nil
	}
	known := map[string]bool{}
	for _, e := range es {
		known[e.ID] = true
	}
	type merge struct {
		alias Alias
		lines []string
	}
	merged := map[string]*merge{}
	var order []string
	var errs ErrorList
	for i := range cs {
		c := &cs[i]
		for j, p := range []*string{&c.Contractor, &c.Signatory, &c.EndUser} {
			if *p == "" || known[*p] {
				continue
			}
			cands := opt.Aliases.Candidates(*p)
			if len(cands) > 1 {
				// A signatory without a cell of its own is the end user,
				// whose cell gets the error.
				if own := j != 1 || c.partyCol[1] != 0 || *p != c.EndUser; own && len(errs) < MaxErrors {
					errs = append(errs, &InputError{File: name, Line: c.Line, Column: int(c.partyCol[j]), Field: partyColumns[j], Value: *p,
						Err: fmt.Errorf("%w: it names %s; write the id you mean", ErrAmbiguousName, candidateList(cands))})
				}
				continue
			}
			if len(cands) == 0 || cands[0].ID == *p {
				continue
			}
			a := cands[0]
			m, seen := merged[*p]
			if !seen {
				m = &merge{alias: a}
				merged[*p] = m
				order = append(order, *p)
			}
			if l := strconv.Itoa(c.Line); !slices.Contains(m.lines, l) {
				m.lines = append(m.lines, l)
			}
			*p = a.ID
		}
	}
	if len(errs) > 0 {
		return errs
	}
	for _, n := range order {
		m := merged[n]
		opt.warn("%s: %q resolved to %s (alias %q, %s) on line(s) %s", name, n, m.alias.ID, m.alias.Alias, m.alias.Lang, strings.Join(m.lines, ", "))
	}
	return nil
}

// candidateList writes the candidates of an ambiguous name as "a (alias
// "x", source s), b (…)".
func candidateList(cands []Alias) string {
	parts := make([]string, len(cands))
	for i, a := range cands {
		src := "its own name"
		if a.Source != "" {
			src = "source " + a.Source
		}
		parts[i] = fmt.Sprintf("%s (alias %q, %s)", a.ID, a.Alias, src)
	}
	return strings.Join(parts, ", ")
}
