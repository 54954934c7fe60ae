package claims

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"

	"github.com/ecosys-sna/ecosys/network"
)

// Result is what the data say of one claim: its row, its status, the
// value its expression took (a float64, a bool, or nil) and a note. It
// marshals to the JSON of "ecosys claims".
type Result struct {
	ID        string    `json:"id"`
	Claim     string    `json:"claim"`
	Source    string    `json:"source"`
	Locator   string    `json:"locator"`
	Status    Status    `json:"status"`
	Observed  any       `json:"observed"`
	Expect    *float64  `json:"expect"`
	Qualifier Qualifier `json:"qualifier"`
	Tolerance float64   `json:"tolerance,omitempty"` // of approximately; 0 means DefaultTolerance
	DataIs    DataIs    `json:"data_is"`
	Expr      string    `json:"expr"`
	Note      string    `json:"note"`

	err *network.InputError
}

// Err returns the located error of a claim whose status is Error, nil
// otherwise.
func (r Result) Err() error {
	if r.err == nil {
		return nil
	}
	return r.err
}

// Report is the outcome of Check.
type Report struct {
	// DataVersion is the version of the data package of the built-in
	// claims.
	DataVersion string   `json:"data_package_version"`
	Claims      []Result `json:"claims"`
	// Tally counts the claims by status, every status in Statuses order.
	Tally []StatusCount `json:"tally"`
	// LeftOut is the number of built-in claims not evaluated because
	// they are about other data (Options.LeaveOut).
	LeftOut int `json:"left_out"`
}

// Errors returns the located errors of the claims whose status is
// Error, in order; nil when there are none.
func (r *Report) Errors() network.ErrorList {
	var out network.ErrorList
	for _, c := range r.Claims {
		if c.err != nil {
			out = append(out, c.err)
		}
	}
	return out
}

// Options configure Check.
type Options struct {
	// LeaveOut names the top-level names of the environment (ledger,
	// metrics, cases) whose data are not those the built-in claims are
	// about — another ledger, no case data: a built-in claim whose
	// expression refers to one of them is left out, and counted in
	// Report.LeftOut. The user's claims are always evaluated.
	LeaveOut []string
	// Version is the version of the data package, for Report.DataVersion.
	Version string
}

// OtherLedger is Options.LeaveOut for a ledger other than the one the
// built-in claims are about.
var OtherLedger = []string{"ledger", "metrics"}

// Check evaluates the built-in claims, in order, then the user's, on
// env. A claim that fails does not stop the others.
func Check(env *Env, builtin, user []Claim, opt Options) *Report {
	rep := &Report{DataVersion: opt.Version, Claims: []Result{}}
	for _, c := range builtin {
		if slices.ContainsFunc(Refers(c.Expr), func(n string) bool { return slices.Contains(opt.LeaveOut, n) }) {
			rep.LeftOut++
			continue
		}
		rep.Claims = append(rep.Claims, Evaluate(c, env))
	}
	for _, c := range user {
		rep.Claims = append(rep.Claims, Evaluate(c, env))
	}
	rep.Tally = Tally(rep.Claims)
	return rep
}

// Refers returns the top-level names of the environment (ledger,
// metrics, cases) that expr refers to, found by walking its syntax tree;
// nil if it does not parse.
func Refers(expr string) []string {
	if expr == "" {
		return nil
	}
	tree, err := parser.Parse(expr)
	if err != nil {
		return nil
	}
	v := &identifiers{}
	ast.Walk(&tree.Node, v)
	var out []string
	for _, n := range []string{"ledger", "metrics", "cases"} {
		if v.names[n] {
			out = append(out, n)
		}
	}
	return out
}

// identifiers collects the names of identifier nodes.
type identifiers struct{ names map[string]bool }

// Visit implements ast.Visitor.
func (v *identifiers) Visit(n *ast.Node) {
	if id, ok := (*n).(*ast.IdentifierNode); ok {
		if v.names == nil {
			v.names = map[string]bool{}
		}
		v.names[id.Value] = true
	}
}

// Evaluate evaluates one claim on env:
//
//   - no expression: NotTestable, with the claim's note;
//   - a boolean value: Consistent if true, Inconsistent if false
//     (data_is does not apply);
//   - a number: compared with Expect by Qualifier (Compare);
//   - nil (an undefined measure, a missing key of metrics): NotTestable;
//   - an expression that does not compile or fails, a value of another
//     type, a number without Expect, a boolean with one: Error, with the
//     note "FILE:LINE:COLUMN: expr: message" (Result.Err).
//
// Expressions are compiled against Env, so a misspelt field is a compile
// error; the builtin now is disabled, so that results do not depend on
// the clock.
func Evaluate(c Claim, env *Env) Result {
	r := Result{ID: c.ID, Claim: c.Claim, Source: c.Source, Locator: c.Locator, Qualifier: c.Qualifier, Tolerance: c.Tolerance,
		DataIs: c.DataIs, Expr: c.Expr, Note: c.Note}
	if r.DataIs == "" {
		r.DataIs = Complete
	}
	if c.HasExpect {
		r.Expect = &c.Expect
	}
	if c.Expr == "" {
		r.Status = NotTestable
		return r
	}
	if slices.Contains(Refers(c.Expr), "metrics") {
		if err := env.loadMetrics(); err != nil {
			return fail(c, r, 0, "metrics: "+err.Error())
		}
	}
	prog, err := expr.Compile(c.Expr, expr.Env(env), expr.DisableBuiltin("now"))
	if err != nil {
		return failErr(c, r, err)
	}
	if t := prog.Node().Type(); t != nil && t.Kind() != reflect.Interface && t.Kind() != reflect.Bool && !numeric(t.Kind()) {
		return fail(c, r, 0, fmt.Sprintf("the expression is of type %s; want a boolean (the claim itself) or a number (compared with expect)", t))
	}
	out, err := expr.Run(prog, env)
	if err != nil {
		return failErr(c, r, err)
	}
	return judge(c, r, out)
}

// judge sets the status of r from the value out of c's expression.
func judge(c Claim, r Result, out any) Result {
	if b, ok := out.(bool); ok {
		if c.HasExpect {
			return fail(c, r, 0, "the expression is a boolean, so it is the claim itself: remove expect and qualifier, or make it a number")
		}
		r.Observed, r.Status = b, Inconsistent
		if b {
			r.Status = Consistent
		}
		return r
	}
	if out == nil {
		r.Status = NotTestable
		r.Note = join("the expression has no value on these data (nil: an undefined measure or a missing key)", c.Note)
		return r
	}
	v, ok := toFloat(out)
	switch {
	case !ok:
		return fail(c, r, 0, fmt.Sprintf("the value is of type %T; want a boolean or a number", out))
	case math.IsNaN(v) || math.IsInf(v, 0):
		r.Status = NotTestable
		r.Note = join(fmt.Sprintf("the expression's value is %v on these data", v), c.Note)
		return r
	case !c.HasExpect:
		return fail(c, r, 0, fmt.Sprintf("the expression is a number (%s); give expect and qualifier to compare it with", formatNumber(v)))
	}
	r.Observed = v
	r.Status = Compare(v, c.Expect, c.Qualifier, c.Tolerance, c.DataIs)
	return r
}

// failErr is fail with the message and position of an expr error.
func failErr(c Claim, r Result, err error) Result {
	var fe *file.Error
	if errors.As(err, &fe) {
		return fail(c, r, fe.From, fe.Message)
	}
	return fail(c, r, 0, err.Error())
}

// fail marks r as an Error at rune offset at of c.Expr. The message
// locates the cell as every reader does ("c.csv:5: column 4 (expr): …")
// and a place inside the expression by its character, counted from 1.
func fail(c Claim, r Result, at int, msg string) Result {
	msg = typeNames().Replace(msg)
	if at > 0 {
		msg = fmt.Sprintf("at character %d: %s", at+1, msg)
	}
	e := &network.InputError{File: c.File, Line: c.lineOf(at), Column: c.ExprColumn, Field: "expr", Err: errors.New(msg)}
	r.Status, r.Observed, r.err = Error, nil, e
	r.Note = e.Error()
	return r
}

// join joins two notes with "; ", leaving out an empty one.
func join(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "; " + b
}

func numeric(k reflect.Kind) bool {
	return (k >= reflect.Int && k <= reflect.Uint64) || k == reflect.Float32 || k == reflect.Float64
}

// toFloat converts a number of any Go numeric type to float64.
func toFloat(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch {
	case rv.CanInt():
		return float64(rv.Int()), true
	case rv.CanUint():
		return float64(rv.Uint()), true
	case rv.CanFloat():
		return rv.Float(), true
	}
	return 0, false
}

// FormatValue formats an observed or claimed value for a table: a number
// in decimal ("18", "0.5625", "8270500"), a boolean as true or false, and
// nil (or a nil *float64) as "".
func FormatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case *float64:
		if x == nil {
			return ""
		}
		return formatNumber(*x)
	case float64:
		return formatNumber(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

// formatNumber writes v in decimal, without an exponent below 10^15.
func formatNumber(v float64) string {
	if math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
