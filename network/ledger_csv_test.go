package network

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const goodLedger = "\uFEFFrow,contractor_id,signatory_id,end_user_id,client_type,amount_cny,date_start,date_end,notes,extra\r\n" +
	"2,isoon,front,psb,public_security,\"1,000.50\",2018-01-01,2018-01-31,T1;T2,x\r\n" +
	"1,isoon,,ssb,安全,20,2017-03-30,,,y\r\n" +
	",,,,,,,,,\r\n"

func TestReadContractsGood(t *testing.T) {
	cs, err := ReadContracts("l.csv", strings.NewReader(goodLedger))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("got %d contracts, want 2 (the blank row is skipped)", len(cs))
	}
	c := cs[0]
	if c.Row != 2 || c.Contractor != "isoon" || c.Signatory != "front" || c.EndUser != "psb" ||
		c.ClientType != PublicSecurity || c.Amount != 100050 || c.Date.Precision != Month || c.Line != 2 ||
		len(c.Notes) != 2 || c.Direct() {
		t.Errorf("first contract %+v", c)
	}
	c = cs[1]
	if c.Signatory != "ssb" || !c.Direct() || c.ClientType != StateSecurity || c.Date.Precision != Day || c.Line != 3 {
		t.Errorf("second contract %+v", c)
	}
	l, err := NewLedger("l.csv", cs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l.Contracts[0].Row != 1 || len(l.Entities) != 4 || l.Total() != 102050 {
		t.Errorf("ledger: rows %d.., %d entities, total %s", l.Contracts[0].Row, len(l.Entities), l.Total())
	}
	if e, _ := l.Entity("front"); e.Kind != UnknownKind || e.Name() != "front" {
		t.Errorf("derived entity %+v", e)
	}
}

// TestReadContractsBad checks the exact message for each kind of bad input.
func TestReadContractsBad(t *testing.T) {
	const h = "row,contractor_id,end_user_id,amount_cny,date_start,date_end,client_type\n"
	for _, tt := range []struct {
		name, in, want string
		is             error
	}{
		{"empty file", "", `l.csv:1: empty file: no header row`, nil},
		{"missing column", "row,contractor_id\n1,a\n", `l.csv:1: end_user_id, amount_cny: required column missing`, ErrMissingColumn},
		{"duplicate column", "contractor_id,end_user_id,amount_cny,Amount\n", `l.csv:1: column 4 (amount): duplicate column name (see column 3 (amount_cny))`, ErrDuplicateColumn},
		{"no rows", h, `l.csv: no data rows`, ErrNoRows},
		{"bad amount", h + "1,a,b,12x,,,\n", `l.csv:2: column 4 (amount_cny): invalid amount: want yuan such as 470000.00 (got "12x")`, ErrBadAmount},
		{"negative amount", h + "1,a,b,-1000,,,\n", `l.csv:2: column 4 (amount_cny): invalid amount: negative; a ledger records what was paid for a contract, so an amount is 0 or more (a refund or correction is a note, or a change to the original row): want yuan such as 470000.00 (got "-1000")`, ErrBadAmount},
		{"negative amount in brackets", h + "1,a,b,(1000.00),,,\n", `l.csv:2: column 4 (amount_cny): invalid amount: negative; a ledger records what was paid for a contract, so an amount is 0 or more (a refund or correction is a note, or a change to the original row): want yuan such as 470000.00 (got "(1000.00)")`, ErrBadAmount},
		{"unclosed quote", h + "1,\"a,b,5,,,\n" + strings.Repeat("2,a,b,5,,,\n", 10), `l.csv:2: column 2 (contractor_id): bad quoting: this field opens a quote (") that is never closed: close it, or write a " inside a quoted field as ""`, ErrQuote},
		{"semicolons", "row;contractor_id;end_user_id;amount_cny\n1;a;b;5\n", `l.csv:1: contractor_id, end_user_id, amount_cny: required column missing: the file looks semicolon-separated: use --delimiter ';'`, ErrMissingColumn},
		{"empty amount", h + "1,a,b,,,,\n", `l.csv:2: column 4 (amount_cny): empty value`, ErrEmpty},
		{"empty party", h + "1,,b,5,,,\n", `l.csv:2: column 2 (contractor_id): empty value`, ErrEmpty},
		{"bad row", h + "x,a,b,5,,,\n", `l.csv:2: column 1 (row): invalid integer: want a positive whole number (got "x")`, ErrBadInteger},
		{"bad date", h + "1,a,b,5,2018.5.1,,\n", `l.csv:2: column 5 (date_start): invalid date: want YYYY-MM-DD (got "2018.5.1")`, ErrBadDate},
		{"end before start", h + "1,a,b,5,2018-05-02,2018-05-01,\n", `l.csv:2: column 6 (date_end): invalid date: before date_start (got "2018-05-01")`, ErrBadDate},
		{"bad client type", h + "1,a,b,5,,,police\n", `l.csv:2: column 7 (client_type): value not allowed: want one of public_security, state_security, enterprise, government, unknown (got "police")`, ErrBadEnum},
		{"field count", h + "1,a,b\n", `l.csv:2: wrong number of fields: 3, the header has 7`, nil},
		{"bare quote", h + "1,a\"b,c,5,,,\n", `l.csv:2: column 2 (contractor_id): bad quoting: a " inside a field that does not start with one: quote the whole field and write the " as ""`, ErrQuote},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadContracts("l.csv", strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error does not wrap %v", tt.is)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %T is not an *InputError", err)
			}
		})
	}
}

// TestReadContractsAmbiguousDate: a date with two readings keeps the first
// as Date and the second as DateAlt; the columns of the second reading are
// optional, and belong only to an ambiguous row.
func TestReadContractsAmbiguousDate(t *testing.T) {
	const h = "row,contractor_id,end_user_id,amount_cny,date_start,date_end,date_precision,date_alt_start,date_alt_end\n"
	cs, err := ReadContracts("l.csv", strings.NewReader(h+
		"1,a,b,5,2018-01-01,2018-01-31,ambiguous,2018-10-01,2018-10-31\n"+
		"2,a,b,5,2018-05-17,,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	if !c.DateAmbiguous() || c.Date.String() != "2018-01" || c.Date.Precision != Month || c.DateAlt.String() != "2018-10" || c.DateAlt.Precision != Month {
		t.Errorf("ambiguous row: date %s (%s), alt %s (%s)", c.Date, c.Date.Precision, c.DateAlt, c.DateAlt.Precision)
	}
	if cs[1].DateAmbiguous() || cs[1].Date.String() != "2018-05-17" {
		t.Errorf("plain row: date %s, alt %s", cs[1].Date, cs[1].DateAlt)
	}
	for _, tt := range []struct{ name, row, want string }{
		{"alternative without ambiguous", "1,a,b,5,2018-01-01,2018-01-31,month,2018-10-01,2018-10-31",
			`l.csv:2: column 8 (date_alt_start): invalid date: a second reading belongs only to a date whose date_precision is ambiguous, not "month" (got "2018-10-01")`},
		{"ambiguous without alternative", "1,a,b,5,2018-01-01,2018-01-31,ambiguous,,",
			`l.csv:2: column 8 (date_alt_start): empty value: date_precision is ambiguous: give the second reading in date_alt_start (and date_alt_end)`},
		{"ambiguous without first reading", "1,a,b,5,,,ambiguous,2018-10-01,",
			`l.csv:2: column 7 (date_precision): invalid date: an ambiguous date needs date_start (the first reading) (got "ambiguous")`},
		{"bad alternative", "1,a,b,5,2018-01-01,,ambiguous,2018-10,",
			`l.csv:2: column 8 (date_alt_start): invalid date: want YYYY-MM-DD (got "2018-10")`},
		{"alternative ends before it starts", "1,a,b,5,2018-01-01,,ambiguous,2018-10-31,2018-10-01",
			`l.csv:2: column 9 (date_alt_end): invalid date: before date_alt_start (got "2018-10-01")`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadContracts("l.csv", strings.NewReader(h+tt.row+"\n"))
			if err == nil || err.Error() != tt.want || !errors.Is(err, ErrBadDate) && !errors.Is(err, ErrEmpty) {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
	// A ledger without the columns of the second reading reads as before.
	if _, err := ReadContracts("l.csv", strings.NewReader("contractor_id,end_user_id,amount_cny,date_start,date_precision\na,b,5,2018-01-01,day\n")); err != nil {
		t.Errorf("ledger without date_alt columns: %v", err)
	}
}

func TestReadContractsCollectsErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("contractor_id,end_user_id,amount_cny\n")
	for i := 0; i < 50; i++ {
		b.WriteString("a,b,bad\n")
	}
	_, err := ReadContracts("l.csv", strings.NewReader(b.String()))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != MaxErrors {
		t.Fatalf("got %v, want %d errors", err, MaxErrors)
	}
	if !strings.HasSuffix(err.Error(), "(stopped after 20 errors)") || !strings.HasPrefix(err.Error(), "l.csv:2: column 3 (amount_cny): ") {
		t.Errorf("message %q", err)
	}
}

func TestNewLedgerErrors(t *testing.T) {
	cs := []Contract{
		{Row: 1, Line: 2, Contractor: "a", Signatory: "b", EndUser: "c"},
		{Row: 1, Line: 3, Contractor: "a", Signatory: "a", EndUser: "a"},
	}
	_, err := NewLedger("l.csv", cs, []Entity{{ID: "a"}, {ID: "c"}})
	want := `l.csv:2: signatory_id: unknown entity: not in the entity table (got "b")
l.csv:3: row: duplicate key (got "1") (see l.csv:2)
l.csv:3: end_user_id: contractor and end user are the same party (got "a")`
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

func TestReadEntities(t *testing.T) {
	es, err := ReadEntities("e.csv", strings.NewReader("id,name_en,kind,name_zh_variants\na,A,company,x|y\nb,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Kind != Company || len(es[0].Variants) != 2 || es[1].Kind != UnknownKind || es[1].Level != UnknownLevel {
		t.Errorf("entities %+v", es)
	}
	_, err = ReadEntities("e.csv", strings.NewReader("id,kind\na,company\nb,bank\na,company\n"))
	want := `e.csv:3: column 2 (kind): value not allowed: want one of public_security_organ, state_security_organ, government_office, state_owned_enterprise, company, association, unidentified_unit, individual, unknown (got "bank")
e.csv:4: column 1 (id): duplicate key (got "a") (see e.csv:2)`
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

func FuzzReadContracts(f *testing.F) {
	f.Add(goodLedger)
	f.Add("contractor_id,end_user_id,amount_cny,date\na,b,1.5,2018.1\n")
	f.Add("contractor,end_user,amount\n\"a\nb\",c,1\n")
	// Encodings, line ends and the Chinese forms of amounts and dates.
	f.Add(string(encode(f, simplifiedchinese.GBK, badLedger)))
	f.Add(string(toUTF16(goodLedger, binary.LittleEndian)))
	f.Add(string(toUTF16(strings.ReplaceAll(badLedger, ",", "\t"), binary.BigEndian)))
	f.Add(strings.ReplaceAll(badLedger, "\n", "\r"))
	f.Add("contractor_id,end_user_id,amount_cny,date\na,b,￥２．９万元,２０１８年５月１７日\na,b,RMB 1亿,2018年\n")
	f.Add("\uFEFFcontractor_id,end_user_id,amount_cny\na,b,1\n\uFEFFcontractor_id,end_user_id,amount_cny\n")
	f.Add("contractor_id,end_user_id,amount_cny\na,b\x00,1\n")
	f.Add("id\n\xff\xfe\n")
	f.Add("contractor_id,end_user_id,amount_cny,date_start,date_end,date_precision,date_alt_start,date_alt_end\na,b,1,2018-01-01,2018-01-31,ambiguous,2018-10-01,2018-10-31\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ReadContracts("f.csv", strings.NewReader(in))
		// The streaming reader must agree with the buffering one.
		bcs, berr := ReadContracts("f.csv", noSeek{strings.NewReader(in)})
		if fmt.Sprint(cs, err) != fmt.Sprint(bcs, berr) {
			t.Fatalf("streamed %v, %v\nbuffered %v, %v", cs, err, bcs, berr)
		}
		if err != nil {
			if err.Error() == "" || !strings.HasPrefix(err.Error(), "f.csv") {
				t.Fatalf("bad message %q", err)
			}
			return
		}
		if len(cs) == 0 {
			t.Fatal("no contracts and no error")
		}
		for _, c := range cs {
			if c.Amount < 0 || c.Contractor == "" || c.EndUser == "" || c.Signatory == "" || (c.DateAmbiguous() && c.Date.IsZero()) {
				t.Fatalf("invalid contract accepted: %+v", c)
			}
		}
		if l, err := NewLedger("f.csv", cs, nil); err == nil {
			BuildLedger(l) // must not panic
		}
	})
}

func FuzzReadEntities(f *testing.F) {
	f.Add("id,name_en,kind\na,A,company\n")
	f.Add("id\n\"\"\n")
	f.Add(string(encode(f, simplifiedchinese.GB18030, "id,name_zh\nsichuan-anxun,四川安洵信息技术有限公司\n")))
	f.Add(string(toUTF16("id\tname_zh\na\t成都\n", binary.LittleEndian)))
	f.Add("id\rname\ra\rb\r")
	f.Fuzz(func(t *testing.T, in string) {
		es, err := ReadEntities("e.csv", strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "e.csv") {
				t.Fatalf("bad message %q", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, e := range es {
			if e.ID == "" || seen[e.ID] {
				t.Fatalf("bad or duplicate id accepted: %q", e.ID)
			}
			seen[e.ID] = true
		}
	})
}

// TestUnknownEntityOnce checks that a party missing from the entity table
// is reported once, at its own cell: a contract without a signatory of
// its own (signatory_id empty: the end user signs) does not report the
// end user a second time as the signatory.
func TestUnknownEntityOnce(t *testing.T) {
	const ents = "id,name_zh,name_en,kind,ministry,level,province,city\nfirm-a,,Firm A,company,,,,\nagent,,Agent,company,,,,\n"
	tests := []struct{ name, ledger, want string }{
		{"empty signatory", "contractor_id,signatory_id,end_user_id,amount_cny\nfirm-a,,bureau-x,1000\n",
			`l.csv:2: column 3 (end_user_id): unknown entity: not in the entity table (got "bureau-x")`},
		{"no signatory column", "contractor_id,end_user_id,amount_cny\nfirm-a,bureau-x,1000\n",
			`l.csv:2: column 2 (end_user_id): unknown entity: not in the entity table (got "bureau-x")`},
		{"own signatory", "contractor_id,signatory_id,end_user_id,amount_cny\nfirm-a,agent-b,bureau-x,1000\n",
			`l.csv:2: column 2 (signatory_id): unknown entity: not in the entity table (got "agent-b")` + "\n" +
				`l.csv:2: column 3 (end_user_id): unknown entity: not in the entity table (got "bureau-x")`},
		{"signatory named as the end user", "contractor_id,signatory_id,end_user_id,amount_cny\nfirm-a,bureau-x,bureau-x,1000\n",
			`l.csv:2: column 2 (signatory_id): unknown entity: not in the entity table (got "bureau-x")` + "\n" +
				`l.csv:2: column 3 (end_user_id): unknown entity: not in the entity table (got "bureau-x")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadLedger("l.csv", strings.NewReader(tt.ledger), "e.csv", strings.NewReader(ents))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}
