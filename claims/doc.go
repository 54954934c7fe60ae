// Package claims evaluates published claims about the data — "18 of the
// 32 contracts were for public security", "at least 43 bureaus" — as
// executable checks, each with a status computed from the data.
//
// A claim file (Read) is a CSV with the columns id, claim, source, expr
// and optionally locator, expect, qualifier, tolerance, data_is and note.
// The built-in claims of ecosys (the datasets resource "claims") are a
// file of the same format, so one code path evaluates both.
//
// expr is an expression of github.com/expr-lang/expr, compiled against
// the typed environment Env (ledger, metrics, cases; Names lists every
// name with its type), with expr's builtins (count, filter, map, sum,
// len, all, any, none, one, uniq, groupBy, sortBy, …) but not now. A
// boolean expression is the claim itself; a number is compared with
// expect by the qualifier (Compare). With data_is partial the data see
// only part of what the claim counts, so a count is a lower bound on the
// true one; booleans ignore data_is. The statuses (Status) are
// consistent, inconsistent, consistent_as_bound, not_testable (no
// expression, or no value on these data) and error (an expression that
// does not compile, fails or has the wrong type, located as
// FILE:LINE:COLUMN: expr: message).
//
// Check evaluates a list of claims, one failing claim never stopping the
// others; Evaluate evaluates one. No status is written in a file: each is
// computed from the data, so a corrected data set changes it.
//
// The package reads the ledger (network), the case data (cases) and the
// ledger network's measures (metrics); it imports none of datasets,
// analysis, report, plots and cmd.
package claims
