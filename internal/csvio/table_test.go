package csvio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// noSeek hides the Seek method of a reader, so that StreamTable takes the
// buffering path.
type noSeek struct{ io.Reader }

// TestFileLimit checks the error for a file over the limit of the
// buffering reader (input that cannot seek, or a file that needs
// conversion), and that plain UTF-8 files are streamed without one.
func TestFileLimit(t *testing.T) {
	defer func(n int64) { fileLimit = n }(fileLimit)
	fileLimit = 100
	required := []string{"contractor_id", "end_user_id", "amount_cny"}
	in := "contractor_id,end_user_id,amount_cny\n" + strings.Repeat("a,b,1\n", 9) + "aaaa,b,1\n" // 100 bytes
	if _, err := ReadTable("l.csv", noSeek{strings.NewReader(in)}, required, nil, Options{}); err != nil {
		t.Errorf("file at the limit: %v", err)
	}
	_, err := ReadTable("l.csv", noSeek{strings.NewReader(in + "\n")}, required, nil, Options{})
	want := "l.csv: file too large: over 100 bytes, the limit of the readers; split it or keep only the rows you need"
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrLimit) {
		t.Errorf("file limit: error\n got %v\nwant %s", err, want)
	}
	rows := 0
	count := func(t *Table) error {
		for t.Next() {
			rows++
		}
		if errs := t.Errors(); len(errs) > 0 {
			return errs
		}
		return nil
	}
	if err := StreamTable("l.csv", strings.NewReader(in+"\n"), required, nil, Options{}, count, func() { rows = 0 }); err != nil || rows != 10 {
		t.Errorf("streamed file over the limit: %d rows, %v", rows, err)
	}
	// Over 100 bytes and in GBK, so it needs the buffering reader, which
	// refuses it by its size (Stat) before reading it.
	path := filepath.Join(t.TempDir(), "gbk.csv")
	if err := os.WriteFile(path, []byte("contractor_id,end_user_id,amount_cny\n"+strings.Repeat("\xb0\xb2,b,1\n", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := StreamTable("l.csv", f, required, nil, Options{}, count, func() { rows = 0 }); err == nil || !errors.Is(err, ErrTooLarge) {
		t.Errorf("file limit from Stat: %v", err)
	}
	fileLimit = MaxFileBytes
	if got := byteSize(fileLimit); got != "1 GiB" {
		t.Errorf("byteSize(MaxFileBytes) = %s", got)
	}
	if got := byteSize(MaxFieldBytes); got != "1 MiB" {
		t.Errorf("byteSize(MaxFieldBytes) = %s", got)
	}
}

// TestTable checks the cells, positions and errors a table gives.
func TestTable(t *testing.T) {
	in := "\uFEFF ID ,Name,kind,extra\n\n\uFEFFa\u3000,四川 安洵,x,1\nb,,y,2\n,,,\nc,C,z,\n"
	tab, err := ReadTable("e.csv", strings.NewReader(in), []string{"id", "name"}, map[string]string{"kind": "type"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tab.ColumnsExcept("id"), ","); got != "name,type,extra" {
		t.Errorf("ColumnsExcept(id) = %s", got)
	}
	if !tab.Has("type") || tab.Has("kind") || tab.Name() != "e.csv" {
		t.Errorf("Has(type) %v, Has(kind) %v, Name %q", tab.Has("type"), tab.Has("kind"), tab.Name())
	}
	// Columns (field positions) of the header cells.
	for col, want := range map[string][2]int{"id": {1, 1}, "type": {1, 3}, "extra": {1, 4}, "nope": {1, 0}} {
		if l, c := tab.HeaderPos(col); l != want[0] || c != want[1] {
			t.Errorf("HeaderPos(%s) = %d:%d, want %d:%d", col, l, c, want[0], want[1])
		}
	}
	var got []string
	for tab.Next() {
		l, c := tab.Pos("name")
		got = append(got, tab.Get("id")+"|"+tab.Require("name")+"|"+Enum(tab, "type", "?", []string{"x", "z"}))
		if tab.Get("id") == "a" && (tab.Line() != 3 || l != 3 || c != 2) {
			t.Errorf("a: line %d, name at %d:%d", tab.Line(), l, c)
		}
	}
	if want := "a|四川 安洵|x b||? c|C|z"; strings.Join(got, " ") != want {
		t.Errorf("rows %q, want %s", got, want)
	}
	wantErrs := `e.csv:4: column 2 (name): empty value
e.csv:4: column 3 (kind): value not allowed: want one of x, z (got "y")`
	if errs := tab.Errors(); errs.Error() != wantErrs {
		t.Errorf("errors\n got %v\nwant %s", errs, wantErrs)
	}
	e := tab.Fail("nope", "v", ErrBadEnum)
	if e.Line != 6 || e.Column != 0 || e.Error() != `e.csv:6: nope: value not allowed (got "v")` {
		t.Errorf("Fail of a missing column: %+v", e)
	}
}
