package claims

import (
	"bytes"
	"slices"
	"testing"

	"github.com/expr-lang/expr"

	"github.com/ecosys-sna/ecosys/network"
)

// FuzzRead fuzzes the claim file reader: it must return claims or an
// error, never panic; the claims it returns follow the rules it checks,
// and every rune of an expression is located in the file. Expressions are
// compiled (not run: a fuzzed expression may ask for unbounded work) and
// parsed for Refers, which must not panic either.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"id,claim,source,expr,expect,qualifier\ns02,18 public security,nids-371,\"count(ledger.contracts, .client_type == \"\"public_security\"\")\",18,exactly\n",
		"id,claim,source,locator,expr,expect,qualifier,tolerance,data_is,note\na,b,c,§3 ¶6,len(cases.cases),40,approximately,0.1,partial,x\n",
		"id,claim,source,expr,note\nn,not testable,src,,needs a table of leaks\n",
		"\uFEFFid,claim,source,expr\r\nm,multi,src,\"\r\n  all(ledger.parties,\r\n .degree > 0)\"\r\n",
		"id,claim,source,expr\nb,bad,src,\"count(ledger.contracts,\"\n",
		"id,claim,source,expr,extra\nb,bad,src,true,1\n",
		"id\tclaim\tsource\texpr\nt,tabs,src,metrics.density > 0\n",
	} {
		f.Add([]byte(s))
	}
	env := &Env{}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := Read("f.csv", bytes.NewReader(data), network.ReadOptions{})
		if err != nil {
			return
		}
		var ids []string
		for _, c := range cs {
			switch {
			case c.ID == "" || c.Claim == "" || c.Source == "" || slices.Contains(ids, c.ID):
				t.Fatalf("claim %+v accepted without an id, claim or source, or twice", c)
			case c.HasExpect != (c.Qualifier != ""):
				t.Fatalf("claim %s: expect %v with qualifier %q accepted", c.ID, c.HasExpect, c.Qualifier)
			case c.Tolerance != 0 && (c.Qualifier != Approximately || c.Tolerance < 0):
				t.Fatalf("claim %s: tolerance %v with %q accepted", c.ID, c.Tolerance, c.Qualifier)
			case c.Expr == "" && c.Note == "":
				t.Fatalf("claim %s: empty expr without a note accepted", c.ID)
			case c.DataIs != Complete && c.DataIs != Partial:
				t.Fatalf("claim %s: data_is %q", c.ID, c.DataIs)
			}
			ids = append(ids, c.ID)
			for i := range len([]rune(c.Expr)) + 1 {
				if l := c.lineOf(i); l < c.Line || (c.pos != nil && c.pos[i].col < 1) {
					t.Fatalf("claim %s: rune %d on line %d, before its row %d", c.ID, i, l, c.Line)
				}
			}
			Refers(c.Expr)
			if c.Expr != "" {
				_, _ = expr.Compile(c.Expr, expr.Env(env), expr.DisableBuiltin("now"))
			}
		}
	})
}
