package claims

import (
	"errors"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/network"
)

func TestRead(t *testing.T) {
	in := "\uFEFFID,claim,source,expr,expect,qualifier,tolerance,data_is,locator,note\n" +
		"a,Eighteen,nids-371,\"count(ledger.contracts, .client_type == \"\"public_security\"\")\",18,exactly,,,§3 ¶6,\n" +
		"\n" +
		"b,About 40,src,len(cases.cases),40,approximately,0.2,partial,,\n" +
		"c,A date,src,,,,,,,no date table\n"
	cs, err := Read("c.csv", strings.NewReader(in), network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("%d claims", len(cs))
	}
	a, b, c := cs[0], cs[1], cs[2]
	if a.ID != "a" || a.Expr != `count(ledger.contracts, .client_type == "public_security")` || !a.HasExpect || a.Expect != 18 ||
		a.Qualifier != Exactly || a.DataIs != Complete || a.Locator != "§3 ¶6" || a.Line != 2 || a.File != "c.csv" {
		t.Errorf("a = %+v", a)
	}
	if b.Line != 4 || b.Tolerance != 0.2 || b.DataIs != Partial || b.Qualifier != Approximately {
		t.Errorf("b = %+v", b)
	}
	if c.Expr != "" || c.HasExpect || c.Note != "no date table" {
		t.Errorf("c = %+v", c)
	}
}

// TestExprPositions checks that a rune of an expression is located in
// the file through quotes, doubled quotes, leading space, line breaks and
// multi-byte characters.
func TestExprPositions(t *testing.T) {
	in := "id,claim,source,expr,note\n" +
		"a,x,s,  len(cases.cases) > 1 ,\n" + // unquoted, leading space
		"b,x,s,\"\"\"公安\"\" == cases.cases[0].x\",\n" + // doubled quotes, 6-byte word
		"c,x,s,\" count(ledger.contracts,\r\n   .foo)\",\n" // quoted, CRLF inside
	cs, err := Read("p.csv", strings.NewReader(in), network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		claim   int
		rune    string // the text whose first rune is located
		line, c int
	}{
		{0, "len", 2, 9},
		{0, "cases", 2, 13},
		{1, `"公安"`, 3, 8},      // the first of the doubled quotes
		{1, `== cases`, 3, 19}, // after "" (2) + 公安 (6) + "" (2) + space: 8+11
		{2, "count", 4, 9},
		{2, ".foo", 5, 4},
	}
	for _, tt := range tests {
		c := cs[tt.claim]
		i := len([]rune(c.Expr[:strings.Index(c.Expr, tt.rune)]))
		if l, col := c.pos[i].line, c.pos[i].col; l != tt.line || col != tt.c || c.lineOf(i) != tt.line {
			t.Errorf("%s: %q at %d:%d (line %d), want %d:%d", c.ID, tt.rune, l, col, c.lineOf(i), tt.line, tt.c)
		}
	}
	// Without the file's text, the line of the cell.
	c := Claim{Expr: "公安 x", Line: 6, ExprLine: 7, ExprColumn: 3}
	if l := c.lineOf(3); l != 7 {
		t.Errorf("fallback line %d, want 7", l)
	}
}

// TestReadErrors checks that every rule of claim files is an error
// located by file, line and column.
func TestReadErrors(t *testing.T) {
	const h = "id,claim,source,expr,expect,qualifier,tolerance,data_is,note\n"
	tests := []struct {
		name, in, want string
		is             error
	}{
		{"unknown column", "id,claim,source,expr,value\na,x,s,1 == 1,\n", "e.csv:1: column 5 (value): unknown column", ErrUnknownColumn},
		{"missing column", "id,claim,source\na,x,s\n", "e.csv:1: expr: required column missing", network.ErrMissingColumn},
		{"empty id", h + ",x,s,true,,,,,\n", "e.csv:2: column 1 (id): empty value", network.ErrEmpty},
		{"empty claim", h + "a,,s,true,,,,,\n", "e.csv:2: column 2 (claim): empty value", network.ErrEmpty},
		{"duplicate id", h + "a,x,s,true,,,,,\na,y,s,true,,,,,\n", `e.csv:3: column 1 (id): duplicate key (got "a") (see e.csv:2)`, network.ErrDuplicateKey},
		{"expect without qualifier", h + "a,x,s,1,18,,,,\n", "e.csv:2: column 5 (expect): columns do not fit together: expect needs a qualifier", ErrRule},
		{"qualifier without expect", h + "a,x,s,1,,exactly,,,\n", "e.csv:2: column 6 (qualifier): columns do not fit together: qualifier needs an expect", ErrRule},
		{"tolerance without approximately", h + "a,x,s,1,18,exactly,0.1,,\n", "e.csv:2: column 7 (tolerance): columns do not fit together", ErrRule},
		{"tolerance zero", h + "a,x,s,1,18,approximately,0,,\n", "e.csv:2: column 7 (tolerance): invalid number", ErrBadNumber},
		{"bad expect", h + "a,x,s,1,eighteen,exactly,,,\n", `e.csv:2: column 5 (expect): invalid number: want a number such as 18 or 0.25 (got "eighteen")`, ErrBadNumber},
		{"infinite expect", h + "a,x,s,1,Inf,exactly,,,\n", "e.csv:2: column 5 (expect): invalid number", ErrBadNumber},
		{"bad qualifier", h + "a,x,s,1,18,roughly,,,\n", `e.csv:2: column 6 (qualifier): value not allowed`, network.ErrBadEnum},
		{"bad data_is", h + "a,x,s,1,18,exactly,,some,\n", `e.csv:2: column 8 (data_is): value not allowed`, network.ErrBadEnum},
		{"empty expr without note", h + "a,x,s,,,,,,\n", "e.csv:2: column 4 (expr): an empty expr needs a note", ErrNoNote},
		{"no rows", h, "e.csv:1: no data rows", network.ErrNoRows},
		{"bad quote", h + "a,x,s,\"1\"x,,,,,\n", "e.csv:2: column 4 (expr): bad quoting: the quoted field that starts here has text after its closing quote", nil},
	}
	for _, tt := range tests {
		_, err := Read("e.csv", strings.NewReader(tt.in), network.ReadOptions{})
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error\n%v\nwant it to start with\n%s", tt.name, err, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: error %v does not wrap %v", tt.name, err, tt.is)
		}
		var de interface{ DataError() bool }
		if !errors.As(err, &de) || !de.DataError() {
			t.Errorf("%s: %T is not a data error", tt.name, err)
		}
	}
}
