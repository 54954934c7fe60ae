package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/network"
)

// EcosystemDataOptions configure EcosystemOf.
type EcosystemDataOptions struct {
	// LedgerGrade is the Admiralty grade of the ledger's ties ("B2" for
	// the embedded i-SOON ledger, a leaked document reproduced in a
	// research paper); "" leaves them ungraded (a ledger of your own).
	LedgerGrade string
	// LedgerSelection describes how the ledger came to be seen, for the
	// caveats ("" says nothing).
	LedgerSelection string
	// WholeInstitutions are the ids of organizations that stand for a
	// whole institution when a source names no unit; nil means
	// DefaultWholeInstitutions.
	WholeInstitutions []string
}

// DefaultWholeInstitutions are the ministries and the army of the
// embedded case data: "on behalf of the MSS" names no unit of the MSS.
var DefaultWholeInstitutions = []string{"mps", "mss", "pla"}

// stateKinds are the kinds of organization that can be principals.
var stateKinds = []network.Kind{network.PublicSecurityOrgan, network.StateSecurityOrgan, network.GovernmentOffice, network.UnidentifiedUnit}

// membership are the relations through which a person acts for an
// organization.
var membership = []cases.RelationType{cases.OfficerOf, cases.EmployeeOf, cases.ExecutiveOf}

// EcosystemOf builds the analysis view of ledgers and case data (either
// may be missing; with case data, the ledgers' parties must be in it, as
// cases.Read joins them): every principal–agent tie of RoleTable,
// people projected onto the organizations they belong to (a projected
// tie has the worse grade of the two relations), the people of one case
// who belong to no organization taken together as one agent ("individuals
// of CASE": a case reveals them as one operation). A subsidiary is an
// agent of its own: it signed its own contracts, in its own province
// (subsidiary_of is context, as owner_of is).
//
// Clusters: each case's relations are one cluster (its matter); a
// relation without a case is its own; a ledger's contracts are one
// cluster per contractor ("ledger: ID"). Dates: a relation's start date,
// else its case's date (unsealed, announced or filed: an upper bound of
// its start); a contract's date.
func EcosystemOf(ledgers []*network.Ledger, d *cases.Data, opt EcosystemDataOptions) (*Ecosystem, error) {
	if len(ledgers) == 0 && d == nil {
		return nil, fmt.Errorf("analysis: no ledger and no case data")
	}
	whole := opt.WholeInstitutions
	if whole == nil {
		whole = DefaultWholeInstitutions
	}
	e := &Ecosystem{}
	orgs := map[string]int{}
	addOrg := func(en network.Entity) {
		if _, ok := orgs[en.ID]; ok {
			return
		}
		orgs[en.ID] = len(e.Orgs)
		e.Orgs = append(e.Orgs, Org{ID: en.ID, Name: en.Name(), Kind: string(en.Kind), Ministry: string(en.Ministry),
			Level: string(en.Level), Province: en.Province, State: slices.Contains(stateKinds, en.Kind)})
	}
	for _, l := range ledgers {
		for _, en := range l.Entities {
			addOrg(en)
		}
	}
	members := map[string][]cases.Relation{}
	if d != nil {
		for _, o := range d.Organizations {
			addOrg(o.Entity)
		}
		for _, r := range d.Relations {
			if slices.Contains(membership, r.Type) {
				members[r.From] = append(members[r.From], r)
			}
		}
		for _, h := range d.Hierarchy {
			e.Hierarchy = append(e.Hierarchy, [2]string{h.Parent, h.Child})
		}
	}
	if len(ledgers) > 0 {
		contractors := map[string]bool{}
		for _, c := range contractsOf(ledgers) {
			contractors[c.Contractor] = true
			t := Tie{Principal: c.EndUser, Agent: c.Contractor, Role: RoleContract, Evidence: fmt.Sprintf("ledger row %d", c.Row),
				Cluster: ledgerCluster + ": " + c.Contractor, Grade: opt.LedgerGrade, Date: dateOf(c.Date), UnitNamed: true}
			e.Ties = append(e.Ties, t)
			if c.Intermediated() {
				t.Agent, t.Role = c.Signatory, RoleIntermediary
				e.Ties = append(e.Ties, t)
			}
		}
		if opt.LedgerSelection != "" {
			e.Selection = append(e.Selection, opt.LedgerSelection)
		} else {
			who := "one contractor's own contracts, so it shows that contractor's clients"
			if len(contractors) > 1 {
				who = fmt.Sprintf("%d contractors' own contracts, so it shows their clients", len(contractors))
			}
			e.Selection = append(e.Selection, "the ledger records "+who+", not the clients of others")
		}
	}
	if d != nil {
		if err := caseTies(e, d, orgs, members, whole); err != nil {
			return nil, err
		}
		if len(d.Cases) > 0 {
			e.Selection = append(e.Selection, "the case data record what US prosecutions, designations and advisories (and reporting on them) chose to make public, and where their attribution stops")
		}
	}
	return e, nil
}

// contractsOf lists the contracts of every ledger.
func contractsOf(ledgers []*network.Ledger) []network.Contract {
	var out []network.Contract
	for _, l := range ledgers {
		out = append(out, l.Contracts...)
	}
	return out
}

// caseTies adds the principal–agent ties of the case relations.
func caseTies(e *Ecosystem, d *cases.Data, orgs map[string]int, members map[string][]cases.Relation, whole []string) error {
	dates := map[string]string{}
	for _, c := range d.Cases {
		dates[c.ID] = dateOf(c.Date())
	}
	// ends returns the organizations a party acts for: itself if it is an
	// organization, else the organizations it is a member of, each with
	// the membership relation (nil for the party itself).
	type end struct {
		id     string
		via    *cases.Relation
		person bool // a person with no organization
	}
	ends := func(id string, agent bool) []end {
		if _, ok := orgs[id]; ok {
			return []end{{id: id}}
		}
		var out []end
		for i := range members[id] {
			out = append(out, end{id: members[id][i].To, via: &members[id][i]})
		}
		if len(out) == 0 && agent {
			// A person with no organization acts as an individual agent; a
			// person with none cannot stand for a principal organ.
			if _, ok := d.Person(id); ok {
				out = []end{{id: id, person: true}}
			}
		}
		return out
	}
	isState := func(id string) bool {
		i, ok := orgs[id]
		return ok && e.Orgs[i].State
	}
	for _, r := range d.Relations {
		var principal, agent string
		var role Role
		switch r.Type {
		case cases.TaskedBy:
			agent, principal, role = r.From, r.To, RoleTasking
		case cases.FrontFor:
			agent, principal, role = r.From, r.To, RoleFront
		case cases.SupplierTo:
			agent, principal, role = r.From, r.To, RoleSupply
		case cases.ContractedWith:
			agent, principal, role = r.From, r.To, RoleContract
		case cases.SignatoryFor:
			agent, principal, role = r.From, r.To, RoleIntermediary
		case cases.AssociatedWith:
			agent, principal, role = r.From, r.To, RoleAssociation
		default:
			continue
		}
		for _, p := range ends(principal, role == RoleAssociation) {
			for _, a := range ends(agent, true) {
				if role == RoleAssociation {
					if isState(p.id) == isState(a.id) {
						continue // an association of two organs, or of two private parties
					}
					if !isState(p.id) {
						p, a = a, p // an association written from the organ's side
					}
				}
				grade := r.Reliability.String()
				for _, via := range []*cases.Relation{p.via, a.via} {
					if via != nil {
						grade = worse(grade, via.Reliability.String())
					}
				}
				date := dateOf(r.Start)
				if date == "" {
					date = dates[r.Case]
				}
				cluster := r.Case
				if cluster == "" {
					cluster = "source: " + r.Source
				}
				ev := r.ID
				if p.via != nil || a.via != nil {
					var vias []string
					for _, via := range []*cases.Relation{p.via, a.via} {
						if via != nil {
							vias = append(vias, via.ID)
						}
					}
					ev += " via " + strings.Join(vias, ", ")
				}
				if a.person && r.Case != "" {
					// The individuals of one case who have no organization
					// are one agent: a case reveals them together, as one
					// operation of its principal.
					a.id = "individuals of " + r.Case
				}
				if _, ok := orgs[a.id]; !ok {
					name := a.id
					if pe, ok := d.Person(a.id); ok {
						name = pe.Name
					}
					orgs[a.id] = len(e.Orgs)
					e.Orgs = append(e.Orgs, Org{ID: a.id, Name: name, Kind: string(network.Individual), Level: string(network.NotApplicable)})
				}
				e.Ties = append(e.Ties, Tie{Principal: p.id, Agent: a.id, Role: role, Evidence: ev, Cluster: cluster,
					Grade: grade, Date: date, UnitNamed: !slices.Contains(whole, p.id)})
			}
		}
	}
	return nil
}

// worse returns the worse of two Admiralty grades: the later letter and
// the higher digit; an empty grade counts as none.
func worse(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return string([]byte{max(a[0], b[0]), max(a[1], b[1])})
}

// dateOf writes a period's start as YYYY, YYYY-MM or YYYY-MM-DD by its
// precision; "" when unknown.
func dateOf(p network.Period) string {
	if p.IsZero() {
		return ""
	}
	switch p.Precision {
	case network.Year:
		return p.Start.Format("2006")
	case network.Month:
		return p.Start.Format("2006-01")
	}
	return p.Start.Format("2006-01-02")
}
