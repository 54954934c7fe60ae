package claims

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// Env is the environment of claim expressions: its top-level names are
// ledger, metrics and cases. Every name but metrics is a typed field, so
// that an expression naming a field that does not exist does not compile.
// Names lists every name with its type. Build an Env with NewEnv.
type Env struct {
	Ledger  Ledger         `expr:"ledger" doc:"the ledger: its contracts, its parties and its total"`
	Metrics map[string]any `expr:"metrics" doc:"the graph object of \"ecosys metrics ledger --format json\": the directed, amount-weighted ledger network (paths count edges; Louvain seed 1, in a report its --seed); keys follow the measure registry, e.g. metrics.density, metrics.centralization.degree.value; JSON null is nil"`
	Cases   Cases          `expr:"cases" doc:"the case data: the snake_case fields of \"ecosys cases … --format json\"; empty lists without case data"`

	compute     func() (map[string]any, error) // computes Metrics on first use
	metricsOnce sync.Once
	metricsErr  error
}

// Ledger is the ledger in the environment.
type Ledger struct {
	Contracts []Contract `expr:"contracts" doc:"the contracts, in row order"`
	Parties   []Party    `expr:"parties" doc:"the parties of the ledger network, by id"`
	Source    string     `expr:"source" doc:"name of the contracts file"`
	TotalCNY  float64    `expr:"total_cny" doc:"sum of the amounts in yuan"`
	TotalFen  int        `expr:"total_fen" doc:"sum of the amounts in fen (hundredths of a yuan), exact"`
}

// Contract is a contract of the ledger, with the attributes of its end
// user.
type Contract struct {
	Row               int     `expr:"row" doc:"row number (序号)"`
	ContractNo        string  `expr:"contract_no" doc:"contract number; \"\" if none"`
	Contractor        string  `expr:"contractor" doc:"entity id of the contractor"`
	Signatory         string  `expr:"signatory" doc:"entity id of the signatory (the end user when direct)"`
	EndUser           string  `expr:"end_user" doc:"entity id of the end user"`
	ClientType        string  `expr:"client_type" doc:"client direction: public_security, state_security, enterprise, government or unknown"`
	ClientTypePrinted string  `expr:"client_type_printed" doc:"client direction as printed (公安, 安全, …)"`
	AmountCNY         float64 `expr:"amount_cny" doc:"amount in yuan"`
	AmountFen         int     `expr:"amount_fen" doc:"amount in fen, exact"`
	AmountKnown       bool    `expr:"amount_known" doc:"the amount is above zero"`
	Year              int     `expr:"year" doc:"year of the signing date; 0 when unknown"`
	DateStart         string  `expr:"date_start" doc:"first day the signing date may be (ISO 8601); \"\" when unknown"`
	DateEnd           string  `expr:"date_end" doc:"last day the signing date may be; \"\" when unknown"`
	DateAmbiguous     bool    `expr:"date_ambiguous" doc:"the printed date has two readings (the first is used)"`
	Direct            bool    `expr:"direct" doc:"signed by the end user itself"`
	Intermediated     bool    `expr:"intermediated" doc:"signed by a party other than the end user and the contractor"`
	Province          string  `expr:"province" doc:"province of the end user"`
	Level             string  `expr:"level" doc:"administrative level of the end user: national, provincial, prefectural, county, district, unknown or not_applicable"`
	Ministry          string  `expr:"ministry" doc:"ministry of the end user: MPS, MSS, none or unknown"`
	Kind              string  `expr:"kind" doc:"kind of the end user: public_security_organ, state_security_organ, company, …"`
	SignatoryKind     string  `expr:"signatory_kind" doc:"kind of the signatory"`
}

// Party is a party of the ledger network (contractor → signatory → end
// user, network.BuildLedger).
type Party struct {
	ID        string   `expr:"id" doc:"entity id"`
	Name      string   `expr:"name" doc:"English name, else Chinese name, else id"`
	Kind      string   `expr:"kind" doc:"kind of party"`
	Ministry  string   `expr:"ministry" doc:"MPS, MSS, none or unknown"`
	Level     string   `expr:"level" doc:"administrative level"`
	Province  string   `expr:"province" doc:"province"`
	City      string   `expr:"city" doc:"city"`
	Role      string   `expr:"role" doc:"role in the network: contractor, intermediary or end_user"`
	Roles     []string `expr:"roles" doc:"the roles it has in contracts, of contractor, signatory, end_user"`
	Degree    int      `expr:"degree" doc:"distinct ties, in plus out, in the directed ledger network"`
	Strength  float64  `expr:"strength" doc:"sum of the yuan on those ties"`
	Contracts int      `expr:"contracts" doc:"number of contracts it appears in, in any role"`
}

// Cases is the case data in the environment.
type Cases struct {
	Cases         []Case          `expr:"cases" doc:"court cases, designations and advisories"`
	Organizations []Organization  `expr:"organizations" doc:"organizations of the case data and ledger parties"`
	People        []Person        `expr:"people" doc:"people named by the cases"`
	Defendants    []Defendant     `expr:"defendants" doc:"a person's charges and outcome in a case"`
	Relations     []Relation      `expr:"relations" doc:"cited relations with their grades"`
	Claims        []CaseClaim     `expr:"claims" doc:"the aggregate claims of the case-claims table"`
	Sources       []Source        `expr:"sources" doc:"documents cited"`
	Aliases       []Alias         `expr:"aliases" doc:"names of entities and people"`
	Notes         []Note          `expr:"notes" doc:"case notes"`
	Provinces     []Province      `expr:"provinces" doc:"province-level units of mainland China"`
	Hierarchy     []HierarchyLink `expr:"hierarchy" doc:"links of the state hierarchy"`
	ThreatActors  []ThreatActor   `expr:"threat_actors" doc:"security-industry group names tied to organizations"`
}

// Case is a case, designation or advisory (cases.Case).
type Case struct {
	ID        string   `expr:"id"`
	Title     string   `expr:"title"`
	Label     string   `expr:"label"`
	Kind      string   `expr:"kind" doc:"indictment, complaint, designation, advisory or other"`
	Court     string   `expr:"court"`
	Docket    string   `expr:"docket"`
	Date      string   `expr:"date" doc:"the first known of unsealed, announced, filed"`
	Filed     string   `expr:"filed" doc:"date as 2025-03-05, 2025-03 or 2025; \"\" when unknown"`
	Unsealed  string   `expr:"unsealed"`
	Announced string   `expr:"announced"`
	Charges   []string `expr:"charges"`
	Summary   string   `expr:"summary"`
	Sources   []string `expr:"sources"`
	Notes     string   `expr:"notes"`
}

// Organization is an organization or ledger party (cases.Organization).
type Organization struct {
	ID       string   `expr:"id"`
	Name     string   `expr:"name" doc:"English name, else Chinese name, else id"`
	NameEN   string   `expr:"name_en"`
	NameZH   string   `expr:"name_zh"`
	Kind     string   `expr:"kind"`
	Ministry string   `expr:"ministry"`
	Level    string   `expr:"level"`
	Province string   `expr:"province"`
	City     string   `expr:"city"`
	Country  string   `expr:"country" doc:"ISO 3166-1 alpha-2"`
	Dataset  string   `expr:"dataset" doc:"ledger (an entity of the ledger) or cases"`
	Sources  []string `expr:"sources"`
	Notes    string   `expr:"notes"`
}

// Person is a person named by a case (cases.Person).
type Person struct {
	ID          string   `expr:"id"`
	Name        string   `expr:"name"`
	NameZH      string   `expr:"name_zh"`
	Aliases     []string `expr:"aliases"`
	Nationality string   `expr:"nationality"`
	Sources     []string `expr:"sources"`
	Notes       string   `expr:"notes"`
}

// Defendant is a person's charges and outcome in a case (cases.Defendant).
type Defendant struct {
	Case        string   `expr:"case"`
	Person      string   `expr:"person"`
	Role        string   `expr:"role"`
	Charges     []string `expr:"charges"`
	Status      string   `expr:"status" doc:"charged, at_large, arrested, pleaded_guilty, convicted, acquitted, sentenced, dismissed, released or unknown"`
	StatusDate  string   `expr:"status_date"`
	Whereabouts string   `expr:"whereabouts"`
	Outcome     string   `expr:"outcome"`
	Sources     []string `expr:"sources"`
	Notes       string   `expr:"notes"`
}

// Relation is a cited relation of the case data (cases.Relation).
type Relation struct {
	ID            string   `expr:"id"`
	From          string   `expr:"from"`
	To            string   `expr:"to"`
	Type          string   `expr:"type" doc:"officer_of, employee_of, executive_of, …"`
	DateStart     string   `expr:"date_start"`
	DateEnd       string   `expr:"date_end"`
	Case          string   `expr:"case"`
	Source        string   `expr:"source"`
	Locator       string   `expr:"locator"`
	Evidence      string   `expr:"evidence"`
	Reliability   string   `expr:"reliability" doc:"Admiralty grade such as B2"`
	Allegation    bool     `expr:"allegation"`
	Corroboration []string `expr:"corroboration"`
	Basis         string   `expr:"basis"`
	Share         float64  `expr:"share" doc:"owned fraction of owner_of; 0 when not given"`
}

// CaseClaim is a row of the case-claims table (cases.Claim).
type CaseClaim struct {
	ID            string   `expr:"id"`
	Case          string   `expr:"case"`
	Subject       string   `expr:"subject"`
	Claim         string   `expr:"claim"`
	Value         float64  `expr:"value"`
	HasValue      bool     `expr:"has_value"`
	Qualifier     string   `expr:"qualifier"`
	Unit          string   `expr:"unit"`
	Statement     string   `expr:"statement"`
	Source        string   `expr:"source"`
	Locator       string   `expr:"locator"`
	Evidence      string   `expr:"evidence"`
	Reliability   string   `expr:"reliability"`
	Corroboration []string `expr:"corroboration"`
	Notes         string   `expr:"notes"`
}

// Source is a document cited by the case data (cases.Source).
type Source struct {
	ID         string `expr:"id"`
	Title      string `expr:"title"`
	Publisher  string `expr:"publisher"`
	Date       string `expr:"date"`
	URL        string `expr:"url"`
	Evidence   string `expr:"evidence"`
	Reproduces string `expr:"reproduces"`
	Origin     string `expr:"origin"`
	Notes      string `expr:"notes"`
}

// Alias is a name of an entity or person (network.Alias).
type Alias struct {
	Alias  string `expr:"alias"`
	ID     string `expr:"id"`
	Lang   string `expr:"lang"`
	Source string `expr:"source"`
}

// Note is a case note (cases.Note).
type Note struct {
	ID      string   `expr:"id"`
	Topic   string   `expr:"topic"`
	Note    string   `expr:"note"`
	Sources []string `expr:"sources"`
}

// Province is a province-level unit (cases.Province).
type Province struct {
	Code   string `expr:"code"`
	ISO    string `expr:"iso"`
	NameEN string `expr:"name_en"`
	NameZH string `expr:"name_zh"`
	Type   string `expr:"type"`
}

// HierarchyLink is a link of the state hierarchy (cases.HierarchyLink).
type HierarchyLink struct {
	Child       string `expr:"child"`
	Parent      string `expr:"parent"`
	Basis       string `expr:"basis"`
	Source      string `expr:"source"`
	Locator     string `expr:"locator"`
	Reliability string `expr:"reliability"`
	Notes       string `expr:"notes"`
}

// ThreatActor ties a group name to an organization (cases.ThreatActor).
type ThreatActor struct {
	Name         string `expr:"name"`
	Organization string `expr:"organization"`
	Group        string `expr:"group"`
	LinkBasis    string `expr:"link_basis"`
	Source       string `expr:"source"`
	Ambiguous    bool   `expr:"ambiguous"`
}

// NewEnv returns the environment of the ledger l and the case data d
// (nil for none). The metrics are computed when an expression first
// refers to them.
func NewEnv(l *network.Ledger, d *cases.Data) *Env {
	env := &Env{Cases: casesOf(d)}
	if l == nil {
		env.compute = func() (map[string]any, error) { return nil, fmt.Errorf("no ledger") }
		return env
	}
	n := network.BuildLedger(l)
	env.Ledger = Ledger{Contracts: contractsOf(l), Parties: partiesOf(l, n), Source: l.Source,
		TotalCNY: l.Total().Yuan(), TotalFen: int(l.Total())}
	env.compute = func() (map[string]any, error) { return graphMeasures(n) }
	return env
}

// loadMetrics fills env.Metrics on first use.
func (env *Env) loadMetrics() error {
	env.metricsOnce.Do(func() {
		if env.compute == nil || env.Metrics != nil {
			return
		}
		env.Metrics, env.metricsErr = env.compute()
	})
	return env.metricsErr
}

// UseGraphMeasures sets the environment's metrics to g, the graph-level
// measures of the ledger network already computed by the caller (as
// analysis.Results.Measures does for the report), instead of computing
// them again on first use. g must be of the directed, amount-weighted
// ledger network of the Env's ledger.
func (env *Env) UseGraphMeasures(g metrics.GraphMeasures) error {
	m, err := graphMap(g)
	if err != nil {
		return err
	}
	env.metricsOnce.Do(func() {})
	env.Metrics, env.metricsErr = m, nil
	return nil
}

// graphMeasures returns the graph-level measures of the ledger network as
// "ecosys metrics ledger --format json" prints them.
func graphMeasures(n *network.Network) (map[string]any, error) {
	names := make([]string, len(n.Nodes))
	for i, v := range n.Nodes {
		names[i] = v.Entity.ID
	}
	rep, err := metrics.Compute(n.Directed(network.ByAmount), func(id int64) string { return names[id] },
		metrics.Options{Weighted: true, Seed: 1})
	if err != nil {
		return nil, err
	}
	return graphMap(rep.Graph)
}

// graphMap returns g as the JSON object "ecosys metrics ledger --format
// json" prints, decoded into a map.
func graphMap(g metrics.GraphMeasures) (map[string]any, error) {
	b, err := json.Marshal(g)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	return m, dec.Decode(&m)
}

func contractsOf(l *network.Ledger) []Contract {
	out := make([]Contract, len(l.Contracts))
	for i, c := range l.Contracts {
		eu, _ := l.Entity(c.EndUser)
		sg, _ := l.Entity(c.Signatory)
		x := Contract{Row: c.Row, ContractNo: c.ContractNo, Contractor: c.Contractor, Signatory: c.Signatory, EndUser: c.EndUser,
			ClientType: string(c.ClientType), ClientTypePrinted: c.ClientTypePrinted,
			AmountCNY: c.Amount.Yuan(), AmountFen: int(c.Amount), AmountKnown: c.Amount > 0, Year: c.Date.Year(),
			DateAmbiguous: c.DateAmbiguous(), Direct: c.Direct(), Intermediated: c.Intermediated(),
			Province: eu.Province, Level: string(eu.Level), Ministry: string(eu.Ministry), Kind: string(eu.Kind), SignatoryKind: string(sg.Kind)}
		if !c.Date.IsZero() {
			x.DateStart, x.DateEnd = c.Date.Start.Format("2006-01-02"), c.Date.End.Format("2006-01-02")
		}
		out[i] = x
	}
	return out
}

// partiesOf returns the parties of the network n of l, with their
// degrees, strengths, contracts and roles.
func partiesOf(l *network.Ledger, n *network.Network) []Party {
	out := make([]Party, len(n.Nodes))
	for i, v := range n.Nodes {
		e := v.Entity
		out[i] = Party{ID: e.ID, Name: e.Name(), Kind: string(e.Kind), Ministry: string(e.Ministry), Level: string(e.Level),
			Province: e.Province, City: e.City, Role: string(v.Role), Roles: []string{}}
	}
	for _, e := range n.Edges {
		for _, id := range []int64{e.From, e.To} {
			out[id].Degree++
			out[id].Strength += e.Amount.Yuan()
		}
	}
	index := map[string]int{}
	for i, p := range out {
		index[p.ID] = i
	}
	for _, c := range l.Contracts {
		seen := map[string]bool{}
		for _, r := range []struct{ id, role string }{{c.Contractor, "contractor"}, {c.Signatory, "signatory"}, {c.EndUser, "end_user"}} {
			p := &out[index[r.id]]
			if !seen[r.id] {
				p.Contracts++
				seen[r.id] = true
			}
			if !slices.Contains(p.Roles, r.role) {
				p.Roles = append(p.Roles, r.role)
			}
		}
	}
	order := []string{"contractor", "signatory", "end_user"}
	for i := range out {
		slices.SortFunc(out[i].Roles, func(a, b string) int { return slices.Index(order, a) - slices.Index(order, b) })
	}
	return out
}

// Name is a name of the environment, for help and documentation.
type Name struct {
	Path string // such as "ledger.contracts[].row"
	Type string // int, float, bool, string, list, list of string, object, map
	Doc  string
}

// Names returns every name of the environment with its type and
// description, in declaration order, found by reflection on Env: a
// list's elements are named path[].field.
func Names() []Name {
	var out []Name
	walkNames(reflect.TypeFor[Env](), "", &out)
	return out
}

func walkNames(t reflect.Type, prefix string, out *[]Name) {
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("expr")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		path := prefix + name
		n := Name{Path: path, Type: typeName(f.Type), Doc: f.Tag.Get("doc")}
		*out = append(*out, n)
		switch {
		case f.Type.Kind() == reflect.Struct:
			walkNames(f.Type, path+".", out)
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct:
			walkNames(f.Type.Elem(), path+"[].", out)
		}
	}
}

// typeNames replaces the Go names of the environment's struct types in
// expr's messages by their paths ("type claims.Contract has no field x"
// becomes "type ledger.contracts[] has no field x").
var typeNames = sync.OnceValue(func() *strings.Replacer {
	var pairs []string
	var walk func(t reflect.Type, path string)
	walk = func(t reflect.Type, path string) {
		pairs = append(pairs, "*"+t.String(), path, t.String(), path)
		for i := range t.NumField() {
			f := t.Field(i)
			name := f.Tag.Get("expr")
			switch {
			case !f.IsExported() || name == "" || name == "-":
			case f.Type.Kind() == reflect.Struct:
				walk(f.Type, path+"."+name)
			case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct:
				walk(f.Type.Elem(), path+"."+name+"[]")
			}
		}
	}
	walk(reflect.TypeFor[Env](), "the environment")
	// Longer names first, so that claims.CaseClaim is not read as
	// claims.Case followed by "Claim".
	type pair struct{ old, new string }
	ps := make([]pair, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		ps = append(ps, pair{pairs[i], strings.Replace(pairs[i+1], "the environment.", "", 1)})
	}
	slices.SortStableFunc(ps, func(a, b pair) int { return len(b.old) - len(a.old) })
	pairs = pairs[:0]
	for _, p := range ps {
		pairs = append(pairs, p.old, p.new)
	}
	return strings.NewReplacer(pairs...)
})

// typeName names a type of the environment as the help prints it.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int:
		return "int"
	case reflect.Float64:
		return "float"
	case reflect.Bool:
		return "bool"
	case reflect.String:
		return "string"
	case reflect.Struct:
		return "object"
	case reflect.Map:
		return "map"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct {
			return "list"
		}
		return "list of " + typeName(t.Elem())
	}
	return strings.ToLower(t.Kind().String())
}

// casesOf converts the case data to the environment's types; nil gives
// empty lists.
func casesOf(d *cases.Data) Cases {
	var c Cases
	if d == nil {
		d = &cases.Data{}
	}
	c.Cases = conv(d.Cases, func(x cases.Case) Case {
		return Case{ID: x.ID, Title: x.Title, Label: x.Label, Kind: x.Kind, Court: x.Court, Docket: x.Docket, Date: x.Date().String(),
			Filed: x.Filed.String(), Unsealed: x.Unsealed.String(), Announced: x.Announced.String(), Charges: list(x.Charges),
			Summary: x.Summary, Sources: list(x.Sources), Notes: x.Notes}
	})
	c.Organizations = conv(d.Organizations, func(x cases.Organization) Organization {
		return Organization{ID: x.ID, Name: x.Name(), NameEN: x.NameEN, NameZH: x.NameZH, Kind: string(x.Kind), Ministry: string(x.Ministry),
			Level: string(x.Level), Province: x.Province, City: x.City, Country: x.Country, Dataset: x.Dataset, Sources: list(x.Sources), Notes: x.Notes}
	})
	c.People = conv(d.People, func(x cases.Person) Person {
		return Person{ID: x.ID, Name: x.Name, NameZH: x.NameZH, Aliases: list(x.Aliases), Nationality: x.Nationality, Sources: list(x.Sources), Notes: x.Notes}
	})
	c.Defendants = conv(d.Defendants, func(x cases.Defendant) Defendant {
		return Defendant{Case: x.Case, Person: x.Person, Role: x.Role, Charges: list(x.Charges), Status: string(x.Status),
			StatusDate: x.StatusDate.String(), Whereabouts: string(x.Whereabouts), Outcome: x.Outcome, Sources: list(x.Sources), Notes: x.Notes}
	})
	c.Relations = conv(d.Relations, func(x cases.Relation) Relation {
		return Relation{ID: x.ID, From: x.From, To: x.To, Type: string(x.Type), DateStart: x.Start.String(), DateEnd: x.End.String(),
			Case: x.Case, Source: x.Source, Locator: x.Locator, Evidence: string(x.Evidence), Reliability: x.Reliability.String(),
			Allegation: x.Allegation, Corroboration: list(x.Corroboration), Basis: x.Basis, Share: x.Share}
	})
	c.Claims = conv(d.Claims, func(x cases.Claim) CaseClaim {
		return CaseClaim{ID: x.ID, Case: x.Case, Subject: x.Subject, Claim: x.Claim, Value: x.Value, HasValue: x.HasValue, Qualifier: x.Qualifier,
			Unit: x.Unit, Statement: x.Statement, Source: x.Source, Locator: x.Locator, Evidence: string(x.Evidence),
			Reliability: x.Reliability.String(), Corroboration: list(x.Corroboration), Notes: x.Notes}
	})
	c.Sources = conv(d.Sources, func(x cases.Source) Source {
		return Source{ID: x.ID, Title: x.Title, Publisher: x.Publisher, Date: x.Date.String(), URL: x.URL, Evidence: string(x.Evidence),
			Reproduces: x.Reproduces, Origin: x.Origin, Notes: x.Notes}
	})
	c.Aliases = conv(d.Aliases.List(), func(x network.Alias) Alias { return Alias{Alias: x.Alias, ID: x.ID, Lang: x.Lang, Source: x.Source} })
	c.Notes = conv(d.Notes, func(x cases.Note) Note { return Note{ID: x.ID, Topic: x.Topic, Note: x.Note, Sources: list(x.Sources)} })
	c.Provinces = conv(d.Provinces, func(x cases.Province) Province {
		return Province{Code: x.Code, ISO: x.ISO, NameEN: x.NameEN, NameZH: x.NameZH, Type: x.Type}
	})
	c.Hierarchy = conv(d.Hierarchy, func(x cases.HierarchyLink) HierarchyLink {
		return HierarchyLink{Child: x.Child, Parent: x.Parent, Basis: x.Basis, Source: x.Source, Locator: x.Locator,
			Reliability: x.Reliability.String(), Notes: x.Notes}
	})
	c.ThreatActors = conv(d.ThreatActors, func(x cases.ThreatActor) ThreatActor {
		return ThreatActor{Name: x.Name, Organization: x.Organization, Group: x.Group, LinkBasis: x.LinkBasis, Source: x.Source, Ambiguous: x.Ambiguous}
	})
	return c
}

// conv maps xs with f; nil gives an empty list.
func conv[X, Y any](xs []X, f func(X) Y) []Y {
	out := make([]Y, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// list returns s, or an empty list for nil.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
