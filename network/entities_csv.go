package network

import (
	"fmt"
	"io"
	"strings"
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
	t, err := readCSVTable(name, r, EntitiesRequired, nil, opt)
	if err != nil {
		return nil, err
	}
	var out []Entity
	firstLine := map[string]int{}
	for t.next() {
		e := Entity{
			ID:       t.require("id"),
			NameZH:   t.get("name_zh"),
			NameEN:   t.get("name_en"),
			Kind:     enum(t, "kind", UnknownKind, Kinds),
			Ministry: enum(t, "ministry", UnknownMinistry, Ministries),
			Level:    enum(t, "level", UnknownLevel, Levels),
			Province: t.get("province"),
			City:     t.get("city"),
			Notes:    t.get("notes"),
		}
		for _, v := range strings.Split(t.get("name_zh_variants"), "|") {
			if v = strings.TrimSpace(v); v != "" {
				e.Variants = append(e.Variants, v)
			}
		}
		if line, dup := firstLine[e.ID]; dup && e.ID != "" {
			t.fail("id", e.ID, ErrDuplicateKey)
			t.errs[len(t.errs)-1].Other = fmt.Sprintf("%s:%d", name, line)
		}
		firstLine[e.ID] = t.line()
		out = append(out, e)
	}
	if len(t.errs) > 0 {
		return nil, t.errs
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
	return NewLedger(contractsName, cs, es)
}
