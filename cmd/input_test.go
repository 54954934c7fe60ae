package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInputErrorsAsANewUser runs the commands of issue 18's "input
// errors" on small files and checks what the user reads.
func TestInputErrorsAsANewUser(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	quote := write("quote.csv", "source,target,weight\n\"a,b,4\n"+strings.Repeat("b,c,5\n", 11))
	semi := write("semi.csv", "source;target;weight\na;b;4\nb;c;5\n")
	tab := write("tab.csv", "source\ttarget\tnote, with a comma\na\tb\tx\nb\tc\ty\n")
	ledger := write("ledger.csv", "contractor_id;signatory_id;end_user_id;amount_cny\nfirm-a;;bureau-x;1000\n")
	neg := write("neg.csv", "contractor_id,signatory_id,end_user_id,amount_cny\nfirm-a,,bureau-x,-1000\n")
	tests := []struct {
		args   []string
		code   ExitCode
		stderr string // contained in standard error
		stdout string // contained in standard output
	}{
		{[]string{"metrics", "--edges", quote}, ExitData, quote + ":2: column 1 (source): bad quoting: this field opens a quote", ""},
		{[]string{"metrics", "--edges", semi}, ExitData, semi + ":1: source, target: required column missing: the file looks semicolon-separated: use --delimiter ';'", ""},
		{[]string{"metrics", "--edges", semi, "--delimiter", ";", "--format", "csv"}, ExitOK, "", "id,degree"},
		{[]string{"metrics", "--edges", tab}, ExitData, "the file looks tab-separated: use --delimiter '\\t'", ""},
		{[]string{"metrics", "--edges", tab, "--delimiter", `\t`, "--format", "csv"}, ExitOK, "", "id,degree"},
		{[]string{"metrics", "--edges", tab, "--delimiter", "x"}, ExitUsage, `invalid argument "x" for "--delimiter" flag: want , ; | or \t (tab)`, ""},
		{[]string{"ledger", "summary", "--ledger", ledger}, ExitData, "the file looks semicolon-separated: use --delimiter ';'", ""},
		{[]string{"ledger", "summary", "--ledger", ledger, "--delimiter", ";", "--format", "csv"}, ExitOK, "", "unknown,1,1000.00"},
		{[]string{"ledger", "summary", "--ledger", neg}, ExitData, neg + ":2: column 4 (amount_cny): invalid amount: negative;", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			io, out, errOut := Test()
			code := Run(tt.args, &Factory{IO: io})
			if code != tt.code || !strings.Contains(errOut.String(), tt.stderr) || !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("exit %d, want %d\nstderr %s\nwant %s\nstdout %s", code, tt.code, errOut, tt.stderr, out)
			}
		})
	}
}
