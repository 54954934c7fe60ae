package cases

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds the rules of datasets/CASES.md that relate cells of
// different tables: the independence rule and the URL rule of the grades,
// and the status rule of the defendants. Read applies them; they are
// exported so that other checks can use them on data of their own.

// Primary reports whether the evidence kind is a primary text or a
// verbatim copy of one: a court document, government release or verbatim
// copy.
func (e Evidence) Primary() bool {
	return e == CourtDocument || e == GovernmentRelease || e == VerbatimCopy
}

// Origins returns the distinct origins (Source.Origin) of the given
// sources, in order; an unknown source id counts as its own origin.
func (d *Data) Origins(sources ...string) []string {
	var out []string
	for _, id := range sources {
		o := id
		if s, ok := d.Source(id); ok {
			o = s.Origin
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

// IndependenceRule returns an error if the grade g has the information
// digit 1 (confirmed) and the sources it rests on — a relation's or
// claim's source and its corroboration — do not confirm it: they must have
// at least two distinct origins (two copies of one release, or a report
// that only restates it, are one source), and at least one of them must be
// a court document, government release or verbatim copy. Any other grade
// passes.
func (d *Data) IndependenceRule(g Grade, sources []string) error {
	if g.Info != '1' {
		return nil
	}
	origins := d.Origins(sources...)
	if len(origins) < 2 {
		return fmt.Errorf("%w: digit 1 needs two independent sources, but %s %s one origin (%s); grade it 2 if a source is primary, else 3",
			ErrGradeRule, strings.Join(sources, ", "), map[bool]string{true: "has", false: "have"}[len(sources) == 1], origins[0])
	}
	for _, id := range sources {
		if s, ok := d.Source(id); ok && s.Evidence.Primary() {
			return nil
		}
	}
	return fmt.Errorf("%w: digit 1 needs a primary source (court document, government release or verbatim copy), and none of %s is one",
		ErrGradeRule, strings.Join(sources, ", "))
}

// URLRule returns an error if the grade g has a letter better than C
// while its source has no public URL (url "none"): such a source gives at
// most C, whatever its evidence kind.
func (d *Data) URLRule(g Grade, source string) error {
	if s, ok := d.Source(source); ok && s.URL == NoURL && !g.IsZero() && g.Source < 'C' {
		return fmt.Errorf("%w: source %s has no public URL (url %s), which caps the letter at C", ErrGradeRule, source, NoURL)
	}
	return nil
}

// StatusRule returns an error if a defendant's status does not follow from
// the whereabouts: at_large if and only if the whereabouts are
// at_large_stated or abroad_stated (never in custody, and a source says
// so); a defendant who was in custody (in_custody) has a procedural status
// (arrested, pleaded_guilty, convicted, …), never charged or at_large; and
// one whose whereabouts no source states (unknown) is charged.
func StatusRule(s DefendantStatus, w Whereabouts) error {
	switch {
	case (w == AtLargeStated || w == AbroadStated) && s != AtLarge:
		return fmt.Errorf("%w: whereabouts %s (never in custody, and a source says where) make the status at_large", ErrStatusRule, w)
	case w == InCustody && (s == Charged || s == AtLarge):
		return fmt.Errorf("%w: a defendant who was in custody has a procedural status (arrested, pleaded_guilty, convicted, …), not %s", ErrStatusRule, s)
	case (w == WhereaboutsUnknown || w == "") && s != Charged:
		return fmt.Errorf("%w: whereabouts unknown (no source states custody, flight or residence abroad) make the status charged", ErrStatusRule)
	}
	return nil
}
