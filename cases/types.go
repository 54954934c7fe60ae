package cases

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ecosys-sna/ecosys/network"
)

// This file holds the types of the case data set: court cases, sanctions
// and advisories, the organizations and people they name, and the cited
// relations between them. The tables and their vocabularies are documented
// in datasets/CASES.md; Read reads and checks them.

// Evidence is the kind of document a fact was read in.
type Evidence string

// Evidence kinds, from the most to the least direct.
const (
	CourtDocument     Evidence = "court_document"     // indictment, complaint, judgment, read in the court's or prosecutor's copy
	GovernmentRelease Evidence = "government_release" // press release, designation or advisory on the issuer's own site
	VerbatimCopy      Evidence = "verbatim_copy"      // a court document or government release reproduced elsewhere
	SecondaryReport   Evidence = "secondary_report"   // news, think-tank or vendor reporting
	ResearchPaper     Evidence = "research_paper"     // a published research paper
)

// EvidenceKinds lists the evidence kinds.
var EvidenceKinds = []Evidence{CourtDocument, GovernmentRelease, VerbatimCopy, SecondaryReport, ResearchPaper}

// RelationType is the type of a relation, read "from … to".
type RelationType string

// Relation types: the controlled vocabulary of datasets/CASES.md.
const (
	OfficerOf      RelationType = "officer_of"      // a person is an officer of a state organ
	EmployeeOf     RelationType = "employee_of"     // a person works for an organization
	ExecutiveOf    RelationType = "executive_of"    // a person founded, directs or manages a company
	OwnerOf        RelationType = "owner_of"        // a person or company owns a share of a company (Relation.Share)
	SubsidiaryOf   RelationType = "subsidiary_of"   // a company is a subsidiary or branch of another
	FrontFor       RelationType = "front_for"       // a company is called a front company for a state organ
	TaskedBy       RelationType = "tasked_by"       // acted at the direction of
	AssociatedWith RelationType = "associated_with" // "in association with", "affiliated with"
	SupplierTo     RelationType = "supplier_to"     // provides products or services to a state organ
	ContractedWith RelationType = "contracted_with" // a contractor signed a contract with a party
	SignatoryFor   RelationType = "signatory_for"   // an intermediary signed a contract for an end user
	EndUserOf      RelationType = "end_user_of"     // reserved: a party is the end user of a contract
	SubordinateOf  RelationType = "subordinate_of"  // an organ is part of or under another
	ChargedIn      RelationType = "charged_in"      // a person or organization is a defendant in a case
	SanctionedBy   RelationType = "sanctioned_by"   // designated by a sanctioning authority
	Sued           RelationType = "sued"            // a civil dispute, from the plaintiff to the defendant
)

// RelationTypes lists the relation types in documentation order.
var RelationTypes = []RelationType{OfficerOf, EmployeeOf, ExecutiveOf, OwnerOf, SubsidiaryOf, FrontFor, TaskedBy, AssociatedWith,
	SupplierTo, ContractedWith, SignatoryFor, EndUserOf, SubordinateOf, ChargedIn, SanctionedBy, Sued}

// Disputes are the relation types that record a dispute between two
// parties, not cooperation: the cooperation views of the meta-network
// (Meta.Organizations) leave them out.
var Disputes = []RelationType{Sued}

// ParseRelationType returns the relation type named s.
func ParseRelationType(s string) (RelationType, error) {
	if slices.Contains(RelationTypes, RelationType(s)) {
		return RelationType(s), nil
	}
	return "", fmt.Errorf("%w: unknown relation type %q", network.ErrBadEnum, s)
}

// Extra kinds of node in the case data, beside the ledger's kinds.
const (
	ForeignGovernment network.Kind = "foreign_government" // a prosecuting or sanctioning authority outside China
	University        network.Kind = "university"
	// PersonKind and CaseKind are the kinds of the meta-network's person
	// and case nodes; they are not used in organization tables.
	PersonKind network.Kind = "person"
	CaseKind   network.Kind = "case"
)

// OrganizationKinds are the kinds an organization row may have.
var OrganizationKinds = append(slices.Clone(network.Kinds[:len(network.Kinds)-1]), ForeignGovernment, University, network.UnknownKind)

// DefendantStatus is what became of a defendant, as far as the sources say.
type DefendantStatus string

// Defendant statuses.
const (
	Charged       DefendantStatus = "charged"
	AtLarge       DefendantStatus = "at_large"
	Arrested      DefendantStatus = "arrested"
	PleadedGuilty DefendantStatus = "pleaded_guilty"
	Convicted     DefendantStatus = "convicted"
	Acquitted     DefendantStatus = "acquitted"
	Sentenced     DefendantStatus = "sentenced"
	Dismissed     DefendantStatus = "dismissed"
	Released      DefendantStatus = "released"
	UnknownStatus DefendantStatus = "unknown"
)

// DefendantStatuses lists the statuses.
var DefendantStatuses = []DefendantStatus{Charged, AtLarge, Arrested, PleadedGuilty, Convicted, Acquitted, Sentenced, Dismissed, Released, UnknownStatus}

// Whereabouts is where a defendant is, as a cited source states it.
type Whereabouts string

// Whereabouts of a defendant.
const (
	AtLargeStated      Whereabouts = "at_large_stated" // at large, a fugitive, wanted, or not in custody after the charge
	AbroadStated       Whereabouts = "abroad_stated"   // resides or is abroad (in the PRC, say), outside US custody
	InCustody          Whereabouts = "in_custody"      // arrested, extradited or imprisoned at some point
	WhereaboutsUnknown Whereabouts = "unknown"         // no source read states it
)

// WhereaboutsValues lists the whereabouts.
var WhereaboutsValues = []Whereabouts{AtLargeStated, AbroadStated, InCustody, WhereaboutsUnknown}

// Grade is a reliability grade in the Admiralty (NATO) system: a letter A–F
// for the source and a digit 1–6 for the information (STANAG 2511; see
// datasets/CASES.md for how ecosys assigns them). The zero Grade is "not
// graded".
type Grade struct {
	Source byte // 'A' (reliable) … 'F' (cannot be judged)
	Info   byte // '1' (confirmed) … '6' (cannot be judged)
}

// ErrBadGrade is wrapped by the errors of ParseGrade.
var ErrBadGrade = errors.New("invalid reliability grade: want a letter A-F and a digit 1-6, such as B2")

// ParseGrade parses a grade such as "B2" (case-insensitive letter).
func ParseGrade(s string) (Grade, error) {
	if len(s) != 2 {
		return Grade{}, ErrBadGrade
	}
	l, d := s[0], s[1]
	if l >= 'a' && l <= 'f' {
		l -= 'a' - 'A'
	}
	if l < 'A' || l > 'F' || d < '1' || d > '6' {
		return Grade{}, ErrBadGrade
	}
	return Grade{Source: l, Info: d}, nil
}

// IsZero reports whether g is the zero (ungraded) grade.
func (g Grade) IsZero() bool { return g.Source == 0 }

// String returns the grade as written, such as "B2", or "" for the zero grade.
func (g Grade) String() string {
	if g.IsZero() {
		return ""
	}
	return string([]byte{g.Source, g.Info})
}

// Meets reports whether g is at least as good as min on both scales: its
// letter is min's or earlier, and its digit min's or lower. Every grade
// meets the zero grade; the zero grade meets only the zero grade.
func (g Grade) Meets(min Grade) bool {
	if min.IsZero() {
		return true
	}
	return !g.IsZero() && g.Source <= min.Source && g.Info <= min.Info
}

// NoURL is the url of a source read where it has no public address; it
// caps the letter of the grades that rest on the source at C.
const NoURL = "none"

// Source is a document cited by the case data.
type Source struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Publisher  string         `json:"publisher"`
	Date       network.Period `json:"date"`
	URL        string         `json:"url"` // an http(s) URL, or NoURL
	Evidence   Evidence       `json:"evidence"`
	Reproduces string         `json:"reproduces"` // for a verbatim copy: the primary text it reproduces
	// Origin is the original document whose statements the source carries:
	// sources with one origin count as one source for the grades (the
	// source's own id when the table has no origin column).
	Origin string `json:"origin"`
	Notes  string `json:"notes"`
}

// Case is a matter: an indictment or complaint, a sanctions designation or
// a joint advisory.
type Case struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"` // caption, such as "United States v. Wu Haibo et al."
	Label     string         `json:"label"` // short name, such as "i-SOON"
	Kind      string         `json:"kind"`  // indictment, complaint, designation, advisory, other
	Court     string         `json:"court"`
	Docket    string         `json:"docket"`
	Filed     network.Period `json:"filed"`
	Unsealed  network.Period `json:"unsealed"`
	Announced network.Period `json:"announced"`
	Charges   []string       `json:"charges"`
	Summary   string         `json:"summary"`
	Sources   []string       `json:"sources"`
	Notes     string         `json:"notes"`
}

// CaseKinds are the kinds a case row may have.
var CaseKinds = []string{"indictment", "complaint", "designation", "advisory", "other"}

// Date returns the first known of the case's unsealing, announcement and
// filing dates (the date it became public), or the zero Period.
func (c Case) Date() network.Period {
	for _, p := range []network.Period{c.Unsealed, c.Announced, c.Filed} {
		if !p.IsZero() {
			return p
		}
	}
	return network.Period{}
}

// Organization is an organization of the case data or a ledger party.
// Dataset is "ledger" for a party of the ledger's entity table and "cases"
// for a row of the case data's organization table: the two tables share
// one id space, so a bureau that is both a ledger client and named in a
// case is one Organization.
type Organization struct {
	network.Entity
	Country string // ISO 3166-1 alpha-2; "CN" unless stated
	Sources []string
	Dataset string
}

// Person is an individual named by a case.
type Person struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`    // as the sources spell it in English
	NameZH      string   `json:"name_zh"` // only where a source prints it
	Aliases     []string `json:"aliases"`
	Nationality string   `json:"nationality"`
	Notes       string   `json:"notes"`
	Sources     []string `json:"sources"`
}

// Defendant is a person's charges and outcome in one case.
type Defendant struct {
	Case       string          `json:"case"`
	Person     string          `json:"person"`
	Role       string          `json:"role"`
	Charges    []string        `json:"charges"`
	Status     DefendantStatus `json:"status"`
	StatusDate network.Period  `json:"status_date"`
	// Whereabouts is WhereaboutsUnknown when the table has no whereabouts
	// column or the cell is empty.
	Whereabouts Whereabouts `json:"whereabouts"`
	Outcome     string      `json:"outcome"`
	Sources     []string    `json:"sources"`
	Notes       string      `json:"notes"`
}

// Relation is one cited edge of the case data.
type Relation struct {
	ID          string         `json:"id"`
	From        string         `json:"from"`
	To          string         `json:"to"`
	Type        RelationType   `json:"type"`
	Start       network.Period `json:"date_start"` // when the relation held, as stated; either may be zero
	End         network.Period `json:"date_end"`
	Case        string         `json:"case"`
	Source      string         `json:"source"`
	Locator     string         `json:"locator"` // page, paragraph or section of the source
	Evidence    Evidence       `json:"evidence"`
	Reliability Grade          `json:"reliability"`
	Allegation  bool           `json:"allegation"`
	// Corroboration are the other sources confirmed to state the same
	// fact (see Origins).
	Corroboration []string `json:"corroboration"`
	Basis         string   `json:"basis"` // a paraphrase of what the source states
	// Share is the owned fraction of an owner_of relation, in (0, 1]; 0
	// when no source gives it, and on every other type.
	Share float64 `json:"share,omitempty"`
}

// Overlaps reports whether the relation's dates overlap the window
// [from, to] (a zero bound is open). A relation without dates overlaps no
// bounded window; a missing start or end is open on that side.
func (r Relation) Overlaps(from, to time.Time) bool {
	return overlaps(r.Start, r.End, from, to)
}

func overlaps(start, end network.Period, from, to time.Time) bool {
	if from.IsZero() && to.IsZero() {
		return true
	}
	if start.IsZero() && end.IsZero() {
		return false
	}
	if !to.IsZero() && !start.IsZero() && start.Start.After(to) {
		return false
	}
	if !from.IsZero() && !end.IsZero() && end.End.Before(from) {
		return false
	}
	return true
}

// Claim is an aggregate claim that is not an edge, such as "at least 43
// bureaus in at least 31 provinces", kept so that missing-data analyses can
// use it.
type Claim struct {
	ID            string   `json:"id"`
	Case          string   `json:"case"`
	Subject       string   `json:"subject"`
	Claim         string   `json:"claim"`
	Value         float64  `json:"value"`
	HasValue      bool     `json:"has_value"`
	Qualifier     string   `json:"qualifier"` // at_least, more_than, approximately, exactly
	Unit          string   `json:"unit"`
	Statement     string   `json:"statement"`
	Source        string   `json:"source"`
	Locator       string   `json:"locator"`
	Evidence      Evidence `json:"evidence"`
	Reliability   Grade    `json:"reliability"`
	Corroboration []string `json:"corroboration"` // as for relations
	Notes         string   `json:"notes"`
}

// ClaimQualifiers are the qualifiers a claim may have.
var ClaimQualifiers = []string{"at_least", "more_than", "approximately", "exactly", "at_most"}

// Note records what could not be verified or where sources disagree.
type Note struct {
	ID      string   `json:"id"`
	Topic   string   `json:"topic"`
	Note    string   `json:"note"`
	Sources []string `json:"sources"`
}

// Province is a province-level unit of mainland China.
type Province struct {
	Code   string `json:"code"` // GB/T 2260 two-digit prefix, such as "51"
	ISO    string `json:"iso"`  // ISO 3166-2, such as "CN-SC"
	NameEN string `json:"name_en"`
	NameZH string `json:"name_zh"`
	Type   string `json:"type"` // province, autonomous_region, municipality
}

// HierarchyLink says that Child is under Parent in the state hierarchy.
// Basis is "stated" when a source names the relation and "structural"
// when it follows from the published structure of the ministries.
type HierarchyLink struct {
	Child       string `json:"child"`
	Parent      string `json:"parent"`
	Basis       string `json:"basis"`
	Source      string `json:"source"`
	Locator     string `json:"locator"`
	Reliability Grade  `json:"reliability"`
	Notes       string `json:"notes"`
}

// ThreatActor ties a security-industry group name (APT41, Wicked Panda) to
// an organization, as a cited text uses the name for a group tied to it.
// A group name is not the organization's name: it is not an alias, and
// ledgers are not resolved through it (Data.Resolve lists it apart).
type ThreatActor struct {
	Name         string `json:"name"`         // as printed by Source
	Organization string `json:"organization"` // an organization or ledger party id
	Group        string `json:"group"`        // the group's canonical name (MITRE ATT&CK, else MISP)
	LinkBasis    string `json:"link_basis"`   // why the group is tied to the organization
	Source       string `json:"source"`       // the source that prints the name
	// Ambiguous is true when the name is also used for another group, or
	// names another id in the aliases, or is generic.
	Ambiguous bool `json:"ambiguous"`
}

// MarshalText writes the grade as String does.
func (g Grade) MarshalText() ([]byte, error) { return []byte(g.String()), nil }
