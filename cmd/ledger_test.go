package cmd

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestNewCmdLedgerSummary(t *testing.T) {
	tests := []struct {
		argv                   string
		by, format, ledger, es string
		wantErr                string
	}{
		{argv: "", by: "client-type", format: "table"},
		{argv: "--by level --format json", by: "level", format: "json"},
		{argv: "--by=end-user --format markdown", by: "end-user", format: "markdown"},
		{argv: "--ledger l.csv --entities e.csv", by: "client-type", format: "table", ledger: "l.csv", es: "e.csv"},
		{argv: "--by colour", wantErr: `invalid argument "colour" for "--by" flag: want one or more of contractor, client-type, end-user`},
		{argv: "--by province,client-type", by: "province,client-type", format: "table"},
		{argv: "--by province,province", wantErr: "province given twice"},
		{argv: "--format yaml", wantErr: "must be one of table, csv, json, markdown"},
		{argv: "extra", wantErr: `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *LedgerSummaryOptions
			c := NewCmdLedgerSummary(&Factory{IO: io}, func(o *LedgerSummaryOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) &&
				(got.By != tt.by || got.Format != tt.format || got.Input.LedgerPath != tt.ledger || got.Input.EntitiesPath != tt.es) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

// TestLedgerSummaryCrossTab checks --by contractor and a cross-tabulation
// on a ledger of two contractors: one column per dimension, groups with
// exact sums, and the keys in the JSON.
func TestLedgerSummaryCrossTab(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "l.csv")
	os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny,client_type\nfirm-a,b1,100,公安\nfirm-a,b2,0.50,安全\nfirm-b,b1,20,公安\nfirm-b,b1,1,公安\n"), 0o644)
	io, out, _ := Test()
	opts := &LedgerSummaryOptions{IO: io, By: "contractor,client-type", Format: FormatCSV, Input: ledgerInput{LedgerPath: ledger}}
	if err := ledgerSummaryRun(opts); err != nil {
		t.Fatal(err)
	}
	want := `contractor,client_type,name,contracts,amount_cny,share_contracts,share_amount
firm-b,public_security,firm-b | public_security,2,21.00,0.5000,0.1728
firm-a,public_security,firm-a | public_security,1,100.00,0.2500,0.8230
firm-a,state_security,firm-a | state_security,1,0.50,0.2500,0.0041
total,,,4,121.50,1.0000,1.0000
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	io, out, _ = Test()
	opts.IO, opts.Format = io, FormatJSON
	if err := ledgerSummaryRun(opts); err != nil {
		t.Fatal(err)
	}
	var got struct{ Keys [][]string }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got.Keys) != 3 || got.Keys[0][0] != "firm-b" || got.Keys[0][1] != "public_security" {
		t.Errorf("keys %v (%v)", got.Keys, err)
	}
}

// TestLedgerSummaryRun checks exact output. The numbers are those of
// metrics/tabulate_test.go, where each is traced to ledger rows.
func TestLedgerSummaryRun(t *testing.T) {
	io, out, errOut := Test()
	if err := ledgerSummaryRun(&LedgerSummaryOptions{IO: io, By: "client-type", Format: FormatTable}); err != nil {
		t.Fatal(err)
	}
	want := `client_type	contracts	amount_cny	share_contracts	share_amount
public_security	18	5,439,000.00	0.5625	0.6576
state_security	7	1,095,000.00	0.2188	0.1324
enterprise	5	1,042,500.00	0.1562	0.1261
unknown	1	600,000.00	0.0312	0.0725
government	1	94,000.00	0.0312	0.0114
total	32	8,270,500.00	1.0000	1.0000
`
	if out.String() != want || errOut.Len() != 0 {
		t.Errorf("stdout:\n%s\nwant:\n%s\nstderr: %q", out, want, errOut)
	}

	io, out, _ = Test()
	if err := ledgerSummaryRun(&LedgerSummaryOptions{IO: io, By: "client-type", Format: FormatJSON}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		By     string
		Groups []struct {
			Key       string
			Contracts int
			AmountCNY json.Number `json:"amount_cny"`
		}
		TotalContracts int         `json:"total_contracts"`
		TotalCNY       json.Number `json:"total_amount_cny"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.By != "client-type" || got.Groups[0].Key != "public_security" || got.Groups[0].Contracts != 18 ||
		got.Groups[0].AmountCNY != "5439000.00" || got.TotalContracts != 32 || got.TotalCNY != "8270500.00" {
		t.Errorf("json %+v", got)
	}

	io, out, _ = Test()
	if err := ledgerSummaryRun(&LedgerSummaryOptions{IO: io, By: "year", Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	want = "year,contracts,amount_cny,share_contracts,share_amount\n2016,2,550000.00,0.0625,0.0665\n2017,11,3459500.00,0.3438,0.4183\n2018,19,4261000.00,0.5938,0.5152\ntotal,32,8270500.00,1.0000,1.0000\n"
	if out.String() != want {
		t.Errorf("by year:\n%s\nwant:\n%s", out, want)
	}
}

func TestLedgerSummaryUserFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "l.csv")
	os.WriteFile(good, []byte("contractor,signatory,end_user,amount,date\nacme,front,psb,100.50,2019\nacme,,ssb,1,2020-02\n"), 0o644)
	io, out, _ := Test()
	if err := ledgerSummaryRun(&LedgerSummaryOptions{IO: io, Input: ledgerInput{LedgerPath: good}, By: "direct", Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	want := "direct,contracts,amount_cny,share_contracts,share_amount\nintermediary,1,100.50,0.5000,0.9901\ndirect,1,1.00,0.5000,0.0099\ntotal,2,101.50,1.0000,1.0000\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}

	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("contractor_id,end_user_id,amount_cny\nacme,bureau,12O00\n"), 0o644)
	io, out, errOut := Test()
	code := Run([]string{"ledger", "summary", "--ledger", bad}, &Factory{IO: io})
	if code != ExitData {
		t.Errorf("exit %d, want %d", code, ExitData)
	}
	wantErr := bad + `:2: column 3 (amount_cny): invalid amount: want yuan such as 470000.00 (got "12O00")` + "\n"
	if errOut.String() != wantErr || out.Len() != 0 {
		t.Errorf("stderr %q, want %q; stdout %q", errOut, wantErr, out)
	}
	var dataErr interface{ DataError() bool }
	err := ledgerSummaryRun(&LedgerSummaryOptions{IO: io, Input: ledgerInput{LedgerPath: bad}, By: "year", Format: FormatCSV})
	if !errors.As(err, &dataErr) {
		t.Errorf("error %T is not a data error", err)
	}
	if code := Run([]string{"ledger", "summary", "--ledger", filepath.Join(dir, "none.csv")}, &Factory{IO: io}); code != ExitError {
		t.Errorf("missing file: exit %d, want %d", code, ExitError)
	}
	if !strings.Contains(errOut.String(), "no such file") {
		t.Errorf("stderr %q", errOut)
	}
}

// TestLedgerSummaryGB18030 checks that a ledger exported in GB18030 (as
// Chinese spreadsheets do) is read, with a warning on stderr.
func TestLedgerSummaryGB18030(t *testing.T) {
	utf8 := "contractor_id,end_user_id,amount_cny,client_type\nisoon,成都市公安局,470000.00,公安\nisoon,海口安全局,55000,安全\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(utf8)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gb.csv")
	os.WriteFile(path, []byte(gb), 0o644)
	io, out, errOut := Test()
	if code := Run([]string{"ledger", "summary", "--ledger", path, "--by", "end-user", "--format", "csv"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "成都市公安局,成都市公安局,1,470000.00") || !strings.Contains(errOut.String(), "ecosys: warning: "+path+": converted from GB18030") {
		t.Errorf("stdout %q\nstderr %q", out, errOut)
	}
}
