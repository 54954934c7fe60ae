package network

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// ClientType is the client direction of a contract (客户方向 in the i-SOON
// ledger), coded.
type ClientType string

// Client types.
const (
	PublicSecurity ClientType = "public_security" // 公安
	StateSecurity  ClientType = "state_security"  // 安全
	Enterprise     ClientType = "enterprise"      // 企业
	Government     ClientType = "government"      // 政府
	UnknownClient  ClientType = "unknown"         // not printed
)

// ClientTypes lists the client types in their display order.
var ClientTypes = []ClientType{PublicSecurity, StateSecurity, Enterprise, Government, UnknownClient}

// Kind is the kind of a party.
type Kind string

// Kinds of party.
const (
	PublicSecurityOrgan  Kind = "public_security_organ"
	StateSecurityOrgan   Kind = "state_security_organ"
	Company              Kind = "company"
	StateOwnedEnterprise Kind = "state_owned_enterprise"
	GovernmentOffice     Kind = "government_office"
	Association          Kind = "association"
	UnidentifiedUnit     Kind = "unidentified_unit"
	Individual           Kind = "individual"
	UnknownKind          Kind = "unknown"
)

// Kinds lists the kinds of party in their display order.
var Kinds = []Kind{PublicSecurityOrgan, StateSecurityOrgan, GovernmentOffice, StateOwnedEnterprise, Company, Association, UnidentifiedUnit, Individual, UnknownKind}

// Ministry is the ministry a party belongs to.
type Ministry string

// Ministries.
const (
	MPS             Ministry = "MPS" // Ministry of Public Security
	MSS             Ministry = "MSS" // Ministry of State Security
	NoMinistry      Ministry = "none"
	UnknownMinistry Ministry = "unknown"
)

// Ministries lists the ministry codes.
var Ministries = []Ministry{MPS, MSS, NoMinistry, UnknownMinistry}

// Level is the administrative level of a government party.
type Level string

// Administrative levels.
const (
	National      Level = "national"
	Provincial    Level = "provincial"
	Prefectural   Level = "prefectural"
	County        Level = "county"
	District      Level = "district"
	UnknownLevel  Level = "unknown"
	NotApplicable Level = "not_applicable"
)

// Levels lists the levels from the top of the state down.
var Levels = []Level{National, Provincial, Prefectural, County, District, UnknownLevel, NotApplicable}

// Entity is a party to contracts.
type Entity struct {
	ID       string // stable key referenced by the ledger
	NameZH   string
	NameEN   string
	Variants []string // other printed spellings
	Kind     Kind
	Ministry Ministry
	Level    Level
	Province string
	City     string
	Notes    string
}

// Name returns the English name, or the Chinese name, or the id.
func (e Entity) Name() string {
	switch {
	case e.NameEN != "":
		return e.NameEN
	case e.NameZH != "":
		return e.NameZH
	}
	return e.ID
}

// Contract is one row of a ledger.
type Contract struct {
	Row               int // row number (序号); unique within a ledger
	ContractNo        string
	ClientType        ClientType
	ClientTypePrinted string
	Title, TitleEN    string
	Contractor        string // entity id
	Signatory         string // entity id
	EndUser           string // entity id
	Date              Period // the signing date; of an ambiguous date, the first reading
	// DateAlt is the second reading of an ambiguous date (date_precision
	// "ambiguous"); zero otherwise. Every analysis of ecosys uses Date.
	DateAlt       Period
	Amount        Amount
	Description   string
	DescriptionEN string
	Notes         []string
	Line          int // line of the row in its source file

	// partyCol are the columns of the contractor, signatory and end user
	// cells in the source file (0: unknown or no such column), for the
	// errors of ResolveParties.
	partyCol [3]int32
}

// DateAmbiguous reports whether the contract's date has two readings:
// Date, the one the analyses use, and DateAlt.
func (c Contract) DateAmbiguous() bool { return !c.DateAlt.IsZero() }

// Direct reports whether the contract was signed by its end user itself,
// with no intermediary.
func (c Contract) Direct() bool { return c.Signatory == c.EndUser }

// Intermediated reports whether the contract was signed by a party other
// than its end user and its contractor: an intermediary. Such a contract
// is two ties of the ledger network, contractor → signatory → end user.
func (c Contract) Intermediated() bool { return !c.Direct() && c.Signatory != c.Contractor }

// Ledger is a set of contracts with the entities they refer to.
type Ledger struct {
	Source    string     // name of the contracts file
	Contracts []Contract // in row order
	Entities  []Entity   // sorted by ID
	index     map[string]int
}

// NewLedger joins contracts with their entities. Every party id of every
// contract must be in entities, unless entities is nil: then each distinct
// party id becomes an entity of unknown kind named by its id, which is how a
// plain user ledger without an entity table is read. source names the
// contracts file in error messages. Contracts are sorted by row; duplicate
// rows and unknown ids are input errors.
func NewLedger(source string, contracts []Contract, entities []Entity) (*Ledger, error) {
	l := &Ledger{Source: source, Contracts: slices.Clone(contracts), index: map[string]int{}}
	slices.SortStableFunc(l.Contracts, func(a, b Contract) int { return a.Row - b.Row })
	if len(l.Contracts) == 0 {
		return nil, &InputError{File: source, Err: ErrNoRows}
	}
	derive := entities == nil
	for _, e := range entities {
		l.addEntity(e)
	}
	var errs ErrorList
	seen := map[int]int{}
	for _, c := range l.Contracts {
		if line, dup := seen[c.Row]; dup {
			errs = append(errs, &InputError{File: source, Line: c.Line, Field: "row", Value: strconv.Itoa(c.Row),
				Err: ErrDuplicateKey, Other: fmt.Sprintf("%s:%d", source, line)})
		}
		seen[c.Row] = c.Line
		for j, p := range []struct{ field, id string }{{"contractor_id", c.Contractor}, {"signatory_id", c.Signatory}, {"end_user_id", c.EndUser}} {
			if _, ok := l.index[p.id]; ok {
				continue
			}
			if j == 1 && c.partyCol[1] == 0 && c.Signatory == c.EndUser {
				continue // no signatory of its own: the end user's error says it
			}
			if derive {
				l.addEntity(Entity{ID: p.id, Kind: UnknownKind, Ministry: UnknownMinistry, Level: UnknownLevel})
				continue
			}
			errs = append(errs, &InputError{File: source, Line: c.Line, Column: int(c.partyCol[j]), Field: p.field, Value: p.id, Err: fmt.Errorf("%w: not in the entity table", ErrUnknownEntity)})
		}
		if c.Contractor == c.EndUser {
			errs = append(errs, &InputError{File: source, Line: c.Line, Field: "end_user_id", Value: c.EndUser, Err: ErrSelfContract})
		}
		if len(errs) >= MaxErrors {
			break
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	slices.SortFunc(l.Entities, func(a, b Entity) int { return cmp.Compare(a.ID, b.ID) })
	for i, e := range l.Entities {
		l.index[e.ID] = i
	}
	return l, nil
}

func (l *Ledger) addEntity(e Entity) {
	l.index[e.ID] = len(l.Entities)
	l.Entities = append(l.Entities, e)
}

// Entity returns the entity with the given id.
func (l *Ledger) Entity(id string) (Entity, bool) {
	i, ok := l.index[id]
	if !ok {
		return Entity{}, false
	}
	return l.Entities[i], true
}

// Total returns the sum of all contract amounts.
func (l *Ledger) Total() Amount {
	var t Amount
	for _, c := range l.Contracts {
		t += c.Amount
	}
	return t
}
