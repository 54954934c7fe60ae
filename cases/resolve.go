package cases

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// How a Candidate was found.
const (
	ViaAlias       = "alias"        // an alias of the id, or its own name (Data.Aliases)
	ViaThreatActor = "threat_actor" // a group name tied to the id (Data.ThreatActors)
)

// Candidate is an id that a name may stand for, and why.
type Candidate struct {
	ID     string `json:"id"`
	Match  string `json:"match"` // the name matched, as the data write it
	Via    string `json:"via"`   // ViaAlias or ViaThreatActor
	Lang   string `json:"lang,omitempty"`
	Source string `json:"source"` // the source that prints the name; "" for an entity's or person's own name
	// Group is the group's canonical name, for a threat-actor name.
	Group string `json:"group,omitempty"`
	// Ambiguous is set for a threat-actor name that the table flags as
	// ambiguous (also used for another group, or generic).
	Ambiguous bool `json:"ambiguous,omitempty"`
}

// Resolve returns every id that name may stand for: the ids it is an
// alias or own name of (Aliases.Candidates, compared after
// network.NormalizeName), then the organizations that a group of that name
// is tied to in threat-actors (compared also without spaces, hyphens and
// underscores, so "APT 41" finds APT41), each sorted by id. A group name
// is not an alias: it finds the organizations a cited text ties the
// group to, which Resolve lists apart (Via).
func (d *Data) Resolve(name string) []Candidate {
	var out []Candidate
	for _, a := range d.Aliases.Candidates(name) {
		out = append(out, Candidate{ID: a.ID, Match: a.Alias, Via: ViaAlias, Lang: a.Lang, Source: a.Source})
	}
	var ta []Candidate
	k := groupKey(name)
	for _, x := range d.ThreatActors {
		if k != "" && groupKey(x.Name) == k {
			ta = append(ta, Candidate{ID: x.Organization, Match: x.Name, Via: ViaThreatActor, Source: x.Source, Group: x.Group, Ambiguous: x.Ambiguous})
		}
	}
	slices.SortStableFunc(ta, func(a, b Candidate) int { return cmp.Compare(a.ID, b.ID) })
	return append(out, ta...)
}

// OneID returns the id that candidates name when they name exactly one
// and none is flagged ambiguous; ok is false otherwise (no candidate, or
// an ambiguous name).
func OneID(candidates []Candidate) (id string, ok bool) {
	for _, c := range candidates {
		if c.Ambiguous || (id != "" && c.ID != id) {
			return "", false
		}
		id = c.ID
	}
	return id, id != ""
}

// groupKey is the key threat-actor names are compared by: NormalizeName
// without spaces, hyphens and underscores.
func groupKey(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "_", "").Replace(network.NormalizeName(s))
}
