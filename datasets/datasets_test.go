package datasets

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// readTable parses an embedded CSV resource into its header and rows.
func readTable(t *testing.T, r Resource) ([]string, [][]string) {
	t.Helper()
	b, err := files.ReadFile(r.Path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", r.Path, err)
	}
	return recs[0], recs[1:]
}

// TestResourcesMatchDescriptor checks every embedded file against
// datapackage.json: SHA-256, size, row count and header.
func TestResourcesMatchDescriptor(t *testing.T) {
	p, err := Meta()
	if err != nil {
		t.Fatal(err)
	}
	// Every embedded CSV is described, once.
	csvs, _ := fs.Glob(files, "data/*.csv")
	var paths []string
	for _, r := range p.Resources {
		paths = append(paths, r.Path)
	}
	slices.Sort(csvs)
	slices.Sort(paths)
	if !slices.Equal(csvs, paths) {
		t.Fatalf("embedded files %v, descriptor describes %v", csvs, paths)
	}
	for _, r := range p.Resources {
		b, err := files.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if got := "sha256:" + hex.EncodeToString(sum[:]); got != r.Hash {
			t.Errorf("%s: hash %s, descriptor says %s (update datapackage.json after editing data)", r.Path, got, r.Hash)
		}
		if int64(len(b)) != r.Bytes {
			t.Errorf("%s: %d bytes, descriptor says %d", r.Path, len(b), r.Bytes)
		}
		header, rows := readTable(t, r)
		if len(rows) != r.Rows {
			t.Errorf("%s: %d rows, descriptor says %d", r.Path, len(rows), r.Rows)
		}
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
		}
		if !slices.Equal(header, names) {
			t.Errorf("%s: header %v, schema %v", r.Path, header, names)
		}
	}
}

// TestConstraints validates the Table Schema constraints (required, unique,
// enum, pattern, date format) and foreign keys of every resource.
func TestConstraints(t *testing.T) {
	p, _ := Meta()
	keys := map[string]map[string]bool{} // resource -> primary key values
	tables := map[string][][]string{}
	for _, r := range p.Resources {
		_, rows := readTable(t, r)
		tables[r.Name] = rows
		for i, f := range r.Schema.Fields {
			seen := map[string]bool{}
			var re *regexp.Regexp
			if f.Constraints != nil && f.Constraints.Pattern != "" {
				re = regexp.MustCompile("^(?:" + f.Constraints.Pattern + ")$")
			}
			for j, row := range rows {
				v := row[i]
				where := r.Path + ":" + f.Name
				if c := f.Constraints; c != nil {
					if c.Required && v == "" {
						t.Errorf("%s: data row %d: required value missing", where, j+1)
					}
					if c.Unique && seen[v] {
						t.Errorf("%s: data row %d: duplicate %q", where, j+1, v)
					}
					if c.Enum != nil && !slices.Contains(c.Enum, v) {
						t.Errorf("%s: data row %d: %q not in %v", where, j+1, v, c.Enum)
					}
					if re != nil && !re.MatchString(v) {
						t.Errorf("%s: data row %d: %q does not match %s", where, j+1, v, c.Pattern)
					}
				}
				if f.Type == "date" && v != "" && !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(v) {
					t.Errorf("%s: data row %d: bad date %q", where, j+1, v)
				}
				if f.Type == "number" && v != "" {
					x, err := strconv.ParseFloat(v, 64)
					c := f.Constraints
					switch {
					case err != nil:
						t.Errorf("%s: data row %d: bad number %q", where, j+1, v)
					case c != nil && c.Minimum != nil && x < *c.Minimum, c != nil && c.Maximum != nil && x > *c.Maximum:
						t.Errorf("%s: data row %d: %q out of range", where, j+1, v)
					}
				}
				seen[v] = true
			}
			if len(r.Schema.PrimaryKey) == 1 && r.Schema.PrimaryKey[0] == f.Name {
				keys[r.Name] = seen
			}
		}
	}
	for _, r := range p.Resources {
		for _, fk := range r.Schema.ForeignKeys {
			col := slices.IndexFunc(r.Schema.Fields, func(f Field) bool { return f.Name == fk.Fields[0] })
			for j, row := range tables[r.Name] {
				if !keys[fk.Reference.Resource][row[col]] {
					t.Errorf("%s: data row %d: %s %q is not an id of %s", r.Path, j+1, fk.Fields[0], row[col], fk.Reference.Resource)
				}
			}
		}
	}
}

// TestLedgerAgainstPaper checks the facts that NIDS Commentary No. 371 states
// about Figure 2: 32 contracts, 18 of them public security (公安), and the
// column sum of the printed amounts.
func TestLedgerAgainstPaper(t *testing.T) {
	r, err := Lookup(Ledger)
	if err != nil {
		t.Fatal(err)
	}
	header, rows := readTable(t, r)
	col := func(name string) int { return slices.Index(header, name) }
	if len(rows) != 32 {
		t.Errorf("ledger has %d rows, the paper 32", len(rows))
	}
	var public int
	var fen int64
	for _, row := range rows {
		if row[col("client_type_printed")] == "公安" {
			public++
		}
		if row[col("client_type")] == "public_security" != (row[col("client_type_printed")] == "公安") {
			t.Errorf("row %s: client_type %s for printed %q", row[0], row[col("client_type")], row[col("client_type_printed")])
		}
		whole, frac, _ := strings.Cut(row[col("amount_cny")], ".")
		var v int64
		for _, c := range whole + (frac + "00")[:2] {
			v = v*10 + int64(c-'0')
		}
		fen += v
	}
	if public != 18 {
		t.Errorf("%d public-security contracts, the paper counts 18", public)
	}
	// Sum of the 32 printed amounts in Figure 2 (470000.00 + 80000.00 + ... +
	// 180000.00), added by hand from the seed text and by this test.
	if fen != 8_270_500_00 {
		t.Errorf("total %d fen, want 827050000", fen)
	}
}

// TestNotesReferenced checks that the ledger's notes column and the notes
// table agree both ways.
func TestNotesReferenced(t *testing.T) {
	lr, _ := Lookup(Ledger)
	nr, _ := Lookup(Notes)
	lh, lrows := readTable(t, lr)
	_, nrows := readTable(t, nr)
	notesCol := slices.Index(lh, "notes")
	onRow := map[string]map[string]bool{}
	for _, row := range lrows {
		onRow[row[0]] = map[string]bool{}
		for _, id := range strings.Split(row[notesCol], ";") {
			if id != "" {
				onRow[row[0]][id] = true
			}
		}
	}
	byID := map[string]string{}
	for _, n := range nrows {
		byID[n[0]] = n[1]
		if n[1] == "all" || n[1] == "header" {
			continue
		}
		for _, row := range strings.Split(n[1], ";") {
			if !onRow[row][n[0]] {
				t.Errorf("note %s names row %s, but row %s does not list it", n[0], row, row)
			}
		}
	}
	for row, ids := range onRow {
		for id := range ids {
			rows, ok := byID[id]
			if !ok {
				t.Errorf("row %s lists unknown note %s", row, id)
			} else if rows != "all" && !slices.Contains(strings.Split(rows, ";"), row) {
				t.Errorf("row %s lists note %s, which names rows %s", row, id, rows)
			}
		}
	}
	if len(nrows) < 15 {
		t.Errorf("only %d transcription notes", len(nrows))
	}
}

func TestLookupUnknown(t *testing.T) {
	if _, err := Lookup("nope"); err == nil || !strings.Contains(err.Error(), "isoon-ledger") {
		t.Errorf("Lookup(nope) = %v, want error listing the data sets", err)
	}
}
