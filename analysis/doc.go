// Package analysis runs the decentralization analysis of a contract ledger:
// the tests of package metrics/inference against the null models of
// package metrics/null, with bootstrap intervals over contracts, the
// sensitivity of each statistic to missing contracts and to unobserved
// end users, and reference archetypes, gathered into one verdict table.
//
// It sits above network and metrics: it turns a ledger into graphs (and
// resampled ledgers into graphs) and hands them to the generic procedures,
// which know nothing of ledgers.
package analysis
