package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/claims"
)

func TestNewCmdClaims(t *testing.T) {
	tests := []struct {
		argv      string
		files     []string
		noBuiltin bool
		format    string
		err       string
	}{
		{argv: "", format: "table"},
		{argv: "--claims a.csv --claims b.csv --format json", files: []string{"a.csv", "b.csv"}, format: "json"},
		{argv: "--no-builtin --claims a.csv", files: []string{"a.csv"}, noBuiltin: true, format: "table"},
		{argv: "--no-builtin", err: "--no-builtin leaves no claims"},
		{argv: "extra", err: `unexpected argument "extra"`},
		{argv: "--format text", err: "must be one of"},
	}
	for _, tt := range tests {
		io, _, _ := Test()
		var got *ClaimsOptions
		c := NewCmdClaims(&Factory{IO: io}, func(o *ClaimsOptions) error { got = o; return nil })
		if !checkErr(t, execute(c, tt.argv), tt.err) || tt.err != "" {
			continue
		}
		if !slices.Equal(got.Files, tt.files) || got.NoBuiltin != tt.noBuiltin || got.Format != tt.format {
			t.Errorf("%q: options %+v", tt.argv, got)
		}
	}
}

// TestClaimsRun runs ecosys claims on the embedded data with a claim file
// of one's own holding a true, a false, a malformed and a mistyped claim:
// every claim is printed, each error is also on standard error with its
// place in the file, and the exit status is 3.
func TestClaimsRun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my.csv")
	os.WriteFile(path, []byte(`id,claim,source,expr,expect,qualifier
true,Eighteen public security,me,"count(ledger.contracts, .client_type == ""public_security"")",18,exactly
false,Twenty state security,me,"count(ledger.contracts, .client_type == ""state_security"")",20,at_least
malformed,Broken,me,"count(ledger.contracts,",1,exactly
mistyped,A name,me,ledger.source,,
`), 0o644)
	io, out, errOut := Test()
	code := Run([]string{"claims", "--claims", path, "--format", "json"}, &Factory{IO: io})
	if code != ExitData {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, ExitData, errOut)
	}
	var rep claims.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	builtin := len(rep.Claims) - 4
	if builtin < 1 || rep.DataVersion == "" {
		t.Fatalf("%d built-in claims, version %q", builtin, rep.DataVersion)
	}
	var got []string
	for _, r := range rep.Claims[builtin:] {
		got = append(got, r.ID+":"+string(r.Status))
	}
	if want := "true:consistent false:inconsistent malformed:error mistyped:error"; strings.Join(got, " ") != want {
		t.Errorf("statuses %s, want %s", strings.Join(got, " "), want)
	}
	for _, want := range []string{path + ":4: column 4 (expr): at character 23: unexpected token EOF", path + ":5: column 4 (expr): the expression is of type string",
		"ecosys: note: " + strings.TrimSpace(strings.Split(tallyText(&rep), "(")[0])} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// TestClaimsOwnLedger evaluates claims of one's own about a ledger of
// one's own: the built-in claims about the i-SOON ledger are left out,
// those about the case data are kept, and the exit status is 0.
func TestClaimsOwnLedger(t *testing.T) {
	dir := t.TempDir()
	ledger, file := filepath.Join(dir, "l.csv"), filepath.Join(dir, "c.csv")
	os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny\nfirm,bureau-1,100\nfirm,bureau-2,300\n"), 0o644)
	os.WriteFile(file, []byte("id,claim,source,expr,expect,qualifier\nmine,Two end users,me,\"len(uniq(map(ledger.contracts, .end_user)))\",2,exactly\n"), 0o644)
	io, out, errOut := Test()
	if code := Run([]string{"claims", "--ledger", ledger, "--claims", file, "--format", "csv"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit status %d:\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "mine,consistent,2,exactly,2,complete,") {
		t.Errorf("last row %q", last)
	}
	if !strings.Contains(errOut.String(), "built-in claims about the i-SOON ledger left out") {
		t.Errorf("stderr does not say that claims were left out:\n%s", errOut)
	}
	for _, l := range lines[1:] {
		if strings.Contains(l, "ledger.contracts") && !strings.HasPrefix(l, "mine,") {
			t.Errorf("a built-in claim about the i-SOON ledger was evaluated on another ledger: %s", l)
		}
	}
	// A claim file that breaks the format is a data error before anything
	// is evaluated.
	os.WriteFile(file, []byte("id,claim,source,expr,expect\nx,y,z,1,2\n"), 0o644)
	io, out, errOut = Test()
	if code := Run([]string{"claims", "--no-builtin", "--claims", file}, &Factory{IO: io}); code != ExitData || out.Len() != 0 ||
		!strings.Contains(errOut.String(), file+":2: column 5 (expect): columns do not fit together") {
		t.Errorf("exit status %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
}

// TestClaimsHelp checks that the help lists every name of the environment
// with its type (claims.Names, by reflection).
func TestClaimsHelp(t *testing.T) {
	io, out, _ := Test()
	if code := Run([]string{"claims", "--help"}, &Factory{IO: io}); code != ExitOK {
		t.Fatal(code)
	}
	help := strings.Join(strings.Fields(out.String()), " ")
	for _, n := range claims.Names() {
		if want := n.Path + " (" + n.Type + ")"; !strings.Contains(help, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}
