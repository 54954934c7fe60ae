package graphio

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// AttrType is the type of an attribute's values in a typed graph file or
// table: the GraphML attr.type and the GEXF attribute type, the JSON type
// of a node-link attribute, and the column type of a typed table (Parquet:
// INT64, DOUBLE, BOOLEAN, BYTE_ARRAY with the STRING annotation).
//
// Attributes are held as text in network.Graph (Attrs, EdgeAttrs); the type
// says how a writer writes the text and a typed reader reads it. Every
// value of an attribute fits its type (Fits), except the empty string,
// which in a long, double or boolean attribute means "no value": the
// writers omit it (GraphML, GEXF) or write null (node-link JSON, Parquet).
type AttrType string

// The attribute types. Their names are those of GraphML's attr.type and
// GEXF's attribute type.
const (
	// AttrString is any text.
	AttrString AttrType = "string"
	// AttrLong is a signed 64-bit integer written in decimal without
	// leading zeros or "+": -?(0|[1-9][0-9]*).
	AttrLong AttrType = "long"
	// AttrDouble is a finite float64 written in decimal, optionally with
	// an exponent: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. A long
	// value fits it too.
	AttrDouble AttrType = "double"
	// AttrBoolean is "true" or "false", lower case.
	AttrBoolean AttrType = "boolean"
)

// KnownAttr is an entry of the attribute-type table: an attribute that
// ecosys itself writes (the ledger network, network.Network.Graph; the
// meta-network, cases.Meta.Graph and cases.Meta.Tables) and its type.
type KnownAttr struct {
	Name string
	Type AttrType
	// Exact names the companion column that keeps the exact decimal text
	// of a double attribute beside it ("amount_cny_exact" for
	// "amount_cny"), for readers that turn the double into a float64.
	// Empty if there is none. See ExactName.
	Exact string
	// Doc says in a few words what the values are.
	Doc string
}

// knownAttrs is the attribute-type table, sorted by name. Dates are ISO
// 8601 strings (YYYY, YYYY-MM or YYYY-MM-DD, as network.Period writes
// them), lists are strings joined by ";", grades are Admiralty codes
// ("B2") kept as strings.
var knownAttrs = []KnownAttr{
	{Name: "allegation", Type: AttrBoolean, Doc: "whether a relation is an allegation (true/false)"},
	{Name: "amount_cny", Type: AttrDouble, Exact: "amount_cny_exact", Doc: "amount in yuan; the exact decimal in amount_cny_exact"},
	{Name: "case", Type: AttrString, Doc: "case id"},
	{Name: "cases", Type: AttrString, Doc: "case ids joined by ;"},
	{Name: "city", Type: AttrString, Doc: "city"},
	{Name: "contracts", Type: AttrLong, Doc: "number of contracts"},
	{Name: "count", Type: AttrLong, Doc: "number of relations merged into an edge"},
	{Name: "country", Type: AttrString, Doc: "country"},
	{Name: "datasets", Type: AttrString, Doc: "data sets joined by ;"},
	{Name: "date_end", Type: AttrString, Doc: "ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"},
	{Name: "date_start", Type: AttrString, Doc: "ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"},
	{Name: "entity_id", Type: AttrString, Doc: "entity id"},
	{Name: "evidence", Type: AttrString, Doc: "evidence kinds joined by ;"},
	{Name: "grade", Type: AttrString, Doc: "Admiralty grade, such as B2"},
	{Name: "id", Type: AttrString, Doc: "id"},
	{Name: "kind", Type: AttrString, Doc: "node kind"},
	{Name: "label", Type: AttrString, Doc: "display label"},
	{Name: "layer", Type: AttrString, Doc: "layers joined by ;"},
	{Name: "level", Type: AttrString, Doc: "administrative level"},
	{Name: "locator", Type: AttrString, Doc: "place in a source"},
	{Name: "ministry", Type: AttrString, Doc: "ministry"},
	{Name: "name", Type: AttrString, Doc: "node name (igraph's vertex name)"},
	{Name: "name_en", Type: AttrString, Doc: "English name"},
	{Name: "name_zh", Type: AttrString, Doc: "Chinese name"},
	{Name: "province", Type: AttrString, Doc: "province"},
	{Name: "relations", Type: AttrString, Doc: "relation ids joined by ;"},
	{Name: "reliability", Type: AttrString, Doc: "Admiralty grade, such as B2"},
	{Name: "role", Type: AttrString, Doc: "ledger role"},
	{Name: "rows", Type: AttrString, Doc: "ledger rows joined by ;"},
	{Name: "source", Type: AttrString, Doc: "edge's source node id"},
	{Name: "source_id", Type: AttrString, Doc: "source id that a relation cites"},
	{Name: "sources", Type: AttrString, Doc: "source ids joined by ;"},
	{Name: "target", Type: AttrString, Doc: "edge's target node id"},
	{Name: "type", Type: AttrString, Doc: "relation types joined by ;"},
	{Name: "weight", Type: AttrDouble, Doc: "edge weight"},
}

// KnownAttrs returns the attribute-type table, sorted by name.
func KnownAttrs() []KnownAttr { return slices.Clone(knownAttrs) }

// LookupAttr returns the entry of the attribute-type table for name.
func LookupAttr(name string) (KnownAttr, bool) {
	i, ok := slices.BinarySearchFunc(knownAttrs, name, func(a KnownAttr, n string) int { return strings.Compare(a.Name, n) })
	if !ok {
		return KnownAttr{}, false
	}
	return knownAttrs[i], true
}

// ExactName returns the name of the exact-decimal companion of attribute
// name ("amount_cny_exact" for "amount_cny"), or "" if the table gives it
// none. Writers of typed formats write the companion, of type AttrString
// and with the attribute's text unchanged, right after the attribute,
// whenever the attribute is written as a double; the readers of package
// graphio fold the companion back into the attribute (its text replaces
// the double's), so that the exact decimal survives a round trip.
func ExactName(name string) string {
	a, _ := LookupAttr(name)
	return a.Exact
}

// Fits reports whether v is a value of type t as the constants define
// them. The empty string fits every type (no value).
func (t AttrType) Fits(v string) bool {
	if v == "" {
		return true
	}
	switch t {
	case AttrLong:
		return isLong(v)
	case AttrDouble:
		return isDouble(v)
	case AttrBoolean:
		return v == "true" || v == "false"
	}
	return true
}

// Parse returns v as the Go value of type t: int64 (long), float64
// (double), bool (boolean) or string; nil for the empty string in a type
// other than string. It returns an error if v does not fit t.
func (t AttrType) Parse(v string) (any, error) {
	if v == "" && t != AttrString {
		return nil, nil
	}
	if !t.Fits(v) {
		return nil, fmt.Errorf("graphio: %q is not a %s value", v, t)
	}
	switch t {
	case AttrLong:
		return strconv.ParseInt(v, 10, 64)
	case AttrDouble:
		return strconv.ParseFloat(v, 64)
	case AttrBoolean:
		return v == "true", nil
	}
	return v, nil
}

// isLong reports whether s is -?(0|[1-9][0-9]*) within the int64 range.
func isLong(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || d[0] == '0' && len(d) > 1 || strings.TrimLeft(d, "0123456789") != "" {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

// isDouble reports whether s is a finite decimal number as AttrDouble
// defines it.
func isDouble(s string) bool {
	d := strings.TrimPrefix(s, "-")
	mant, exp, hasExp := strings.Cut(d, "e")
	if !hasExp {
		mant, exp, hasExp = strings.Cut(d, "E")
	}
	whole, frac, hasFrac := strings.Cut(mant, ".")
	digits := func(x string) bool { return x != "" && strings.TrimLeft(x, "0123456789") == "" }
	if !digits(whole) || whole[0] == '0' && len(whole) > 1 || hasFrac && !digits(frac) {
		return false
	}
	if hasExp && !digits(strings.TrimLeft(exp, "+-")) || len(exp) > 0 && strings.ContainsAny(exp[1:], "+-") {
		return false
	}
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && f-f == 0
}

// InferType returns the type of an attribute that the table does not
// know, from its values: long if every non-empty value is a long, else
// double if every non-empty value is a double (a long is one), else
// boolean if every non-empty value is "true" or "false", else string.
// An attribute without a non-empty value is a string. So the type holds
// for every row of the file, and writing a typed file loses nothing: a
// column with one value that is not a number stays text throughout.
// Numbers with leading zeros ("007"), a "+" sign, hexadecimal, "NaN" or
// "Inf" are text, as are "True", "yes" and "1" for booleans.
func InferType(values iter.Seq[string]) AttrType {
	long, double, boolean, seen := true, true, true, false
	for v := range values {
		if v == "" {
			continue
		}
		seen = true
		if long && !isLong(v) {
			long = false
		}
		if double && !long && !isDouble(v) {
			double = false
		}
		if boolean && v != "true" && v != "false" {
			boolean = false
		}
		if !long && !double && !boolean {
			return AttrString
		}
	}
	switch {
	case !seen:
		return AttrString
	case long:
		return AttrLong
	case double:
		return AttrDouble
	case boolean:
		return AttrBoolean
	}
	return AttrString
}

// TypeOf returns the type of attribute name with the given values: the
// table's type (LookupAttr) if every value fits it, else InferType of the
// values. A known name whose values do not fit (a column "contracts" of
// one's own holding "3.5" or "n/a") is typed by its values, so no value
// is lost or refused.
func TypeOf(name string, values iter.Seq[string]) AttrType {
	if a, ok := LookupAttr(name); ok {
		fits := true
		for v := range values {
			if !a.Type.Fits(v) {
				fits = false
				break
			}
		}
		if fits {
			return a.Type
		}
	}
	return InferType(values)
}

// AttrTypes returns the types of the node and of the edge attributes of g,
// by name, as TypeOf gives them from all the graph's values: every name of
// g.AttrNames and g.EdgeAttrNames and every other name the maps use. A
// node or edge that lacks an attribute counts as an empty value.
func AttrTypes(g *network.Graph) (node, edge map[string]AttrType) {
	node, edge = map[string]AttrType{}, map[string]AttrType{}
	nodeNames := attrNamesOf(g.AttrNames, slices.Values(g.Attrs))
	for _, a := range nodeNames {
		node[a] = TypeOf(a, func(yield func(string) bool) {
			for _, m := range g.Attrs {
				if !yield(m[a]) {
					return
				}
			}
		})
	}
	edgeNames := attrNamesOf(g.EdgeAttrNames, maps.Values(g.EdgeAttrs))
	for _, a := range edgeNames {
		edge[a] = TypeOf(a, func(yield func(string) bool) {
			for _, m := range g.EdgeAttrs {
				if !yield(m[a]) {
					return
				}
			}
		})
	}
	return node, edge
}

// AttrColumn is a column of a typed file: an attribute, or the exact
// companion of a double attribute (ExactName).
type AttrColumn struct {
	Name string   // the column's name in the file
	Attr string   // the attribute whose values it holds
	Type AttrType // AttrString for a companion
	// Exact marks the companion column: it holds Attr's text unchanged.
	Exact bool
}

// AttrColumns returns the columns a typed writer writes for the
// attributes names with the types types (from AttrTypes): one per name, in
// order, each followed by its exact companion when the attribute is a
// double that has one and names does not list the companion itself.
// A name missing from types is a string.
func AttrColumns(names []string, types map[string]AttrType) []AttrColumn {
	var out []AttrColumn
	for _, a := range names {
		t, ok := types[a]
		if !ok {
			t = AttrString
		}
		out = append(out, AttrColumn{Name: a, Attr: a, Type: t})
		if x := ExactName(a); x != "" && t == AttrDouble && !slices.Contains(names, x) {
			out = append(out, AttrColumn{Name: x, Attr: a, Type: AttrString, Exact: true})
		}
	}
	return out
}

// foldExact folds the exact companions of a graph read from a typed file
// back into their attributes (ExactName): where an element has both
// "amount_cny" and "amount_cny_exact", the companion's text replaces the
// double's, and the companion is dropped from the attributes and their
// names.
func foldExact(names []string, attrs func(yield func(map[string]string) bool)) []string {
	var fold []string
	for _, a := range names {
		if x := ExactName(a); x != "" && slices.Contains(names, x) {
			fold = append(fold, a)
		}
	}
	if len(fold) == 0 {
		return names
	}
	for m := range attrs {
		for _, a := range fold {
			x := ExactName(a)
			if v, ok := m[x]; ok {
				if _, has := m[a]; has || v != "" {
					m[a] = v
				}
				delete(m, x)
			}
		}
	}
	return slices.DeleteFunc(slices.Clone(names), func(n string) bool {
		for _, a := range fold {
			if n == ExactName(a) {
				return true
			}
		}
		return false
	})
}
