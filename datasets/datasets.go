package datasets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Names of embedded resources.
const (
	Ledger   = "isoon-ledger"
	Entities = "isoon-entities"
	Notes    = "isoon-notes"
	// Claims is the table of built-in claims, in the format of package
	// claims (claims.Read).
	Claims = "claims"
)

// CaseDir is the directory of FS that holds the case data set's tables
// (cases, organizations, people, defendants, relations, case-sources,
// case-claims, case-notes, provinces, hierarchy, aliases, threat-actors;
// see CASES.md),
// for cases.Read(datasets.FS(), datasets.CaseDir, ...).
const CaseDir = "data"

//go:embed datapackage.json data/*.csv
var files embed.FS

// Package is the subset of a Frictionless Data Package descriptor that ecosys
// reads and writes. Unknown properties of the descriptor are ignored.
type Package struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Version     string     `json:"version"`
	Citation    string     `json:"citation"`
	BibTeX      string     `json:"bibtex"`
	Sources     []Source   `json:"sources"`
	Resources   []Resource `json:"resources"`
}

// Source is a document a data package was derived from.
type Source struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Resource describes one embedded file: where it is, its size, its SHA-256
// hash (as "sha256:<hex>", the Frictionless form), its number of data rows
// (excluding the header) and its table schema.
type Resource struct {
	Name        string `json:"name"`
	Path        string `json:"path"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Format      string `json:"format"`
	MediaType   string `json:"mediatype"`
	Encoding    string `json:"encoding"`
	Bytes       int64  `json:"bytes"`
	Hash        string `json:"hash"`
	Rows        int    `json:"rows"`
	Schema      Schema `json:"schema"`
	// Sources, when set, are the resource's own sources (the case data
	// tables cite theirs row by row); otherwise the package's apply.
	Sources []Source `json:"sources,omitempty"`
}

// Schema is a Frictionless Table Schema.
type Schema struct {
	Fields      []Field      `json:"fields"`
	PrimaryKey  []string     `json:"primaryKey,omitempty"`
	ForeignKeys []ForeignKey `json:"foreignKeys,omitempty"`
	MissingVals []string     `json:"missingValues"`
}

// Field is one column of a table schema.
type Field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Format      string       `json:"format,omitempty"`
	Description string       `json:"description"`
	Constraints *Constraints `json:"constraints,omitempty"`
}

// Constraints restricts the values of a field. Minimum and Maximum bound
// the values of a number field.
type Constraints struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Pattern  string   `json:"pattern,omitempty"`
	Minimum  *float64 `json:"minimum,omitempty"`
	Maximum  *float64 `json:"maximum,omitempty"`
}

// ForeignKey says that the values of Fields are keys of another resource.
type ForeignKey struct {
	Fields    []string `json:"fields"`
	Reference struct {
		Resource string   `json:"resource"`
		Fields   []string `json:"fields"`
	} `json:"reference"`
}

var (
	metaOnce sync.Once
	meta     Package
	metaErr  error
)

// Meta returns the parsed data package descriptor of the embedded data. It
// returns an error only if the embedded descriptor is corrupt, which the
// package's tests rule out.
func Meta() (Package, error) {
	metaOnce.Do(func() {
		b, err := files.ReadFile("datapackage.json")
		if err != nil {
			metaErr = fmt.Errorf("datasets: %w", err)
			return
		}
		if err := json.Unmarshal(b, &meta); err != nil {
			metaErr = fmt.Errorf("datasets: datapackage.json: %w", err)
		}
	})
	return meta, metaErr
}

// List returns the embedded resources in the order of the descriptor.
func List() ([]Resource, error) {
	p, err := Meta()
	if err != nil {
		return nil, err
	}
	return slices.Clone(p.Resources), nil
}

// Lookup returns the resource with the given name.
func Lookup(name string) (Resource, error) {
	p, err := Meta()
	if err != nil {
		return Resource{}, err
	}
	for _, r := range p.Resources {
		if r.Name == name {
			return r, nil
		}
	}
	names := make([]string, len(p.Resources))
	for i, r := range p.Resources {
		names[i] = r.Name
	}
	return Resource{}, fmt.Errorf("datasets: no data set named %q (have %v)", name, names)
}

// ReadFile returns the bytes of the named resource, or of the descriptor
// itself for the name "datapackage".
func ReadFile(name string) ([]byte, error) {
	if name == "datapackage" {
		return files.ReadFile("datapackage.json")
	}
	r, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	return files.ReadFile(r.Path)
}

// Open opens the named resource for reading. The caller closes it.
func Open(name string) (fs.File, error) {
	r, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	return files.Open(r.Path)
}

// FS returns the embedded files: datapackage.json and data/*.csv.
func FS() fs.FS { return files }

var bibField = regexp.MustCompile(`(?m)^\s*(\w+)\s*=\s*\{(.*)\},?\s*$`)

// SourceLine builds the short source line of figures from the package's
// BibTeX record: "Source: <type> No. <number> (<surnames>
// <year>), <what the note cites before its colon>", for example "Source:
// NIDS Commentary No. 371 (GOTO and SETO 2025), Figure 2". Without a type
// and number it is "Source: " and the package title; "" if neither.
func (p Package) SourceLine() string {
	f := map[string]string{}
	for _, m := range bibField.FindAllStringSubmatch(p.BibTeX, -1) {
		f[strings.ToLower(m[1])] = strings.NewReplacer("{", "", "}", "").Replace(m[2])
	}
	if f["type"] == "" || f["number"] == "" {
		if p.Title == "" {
			return ""
		}
		return "Source: " + p.Title
	}
	s := "Source: " + f["type"] + " No. " + f["number"]
	var names []string
	for _, a := range strings.Split(f["author"], " and ") {
		if last, _, ok := strings.Cut(strings.TrimSpace(a), ","); ok && last != "" {
			names = append(names, last)
		}
	}
	if len(names) > 2 {
		names = []string{names[0] + " et al."}
	}
	if len(names) > 0 || f["year"] != "" {
		s += " (" + strings.TrimSpace(strings.Join(names, " and ")+" "+f["year"]) + ")"
	}
	if what, _, ok := strings.Cut(f["note"], ":"); ok && what != "" {
		s += ", " + strings.TrimSpace(what)
	}
	return s
}
