// Package network reads contract ledgers and builds gonum graphs from them.
//
// A ledger is a table of contracts. Each contract links three parties: the
// contractor that does the work (for the embedded data set, i-SOON), the
// signatory that signs for the client, and the end user (最终用户) for whom
// the work is done. Where the signatory and the end user differ, the
// signatory is an intermediary (a front company, an association, a person);
// the intermediaries are the point of the analysis.
//
// The ledger network (BuildLedger) is directed: an edge runs
//
//	contractor → signatory → end user   (signatory ≠ end user)
//	contractor → end user               (signatory = end user)
//
// and carries two weights, the number of contracts and their total amount in
// CNY. The two-mode views (TwoModeOf) are bipartite graphs between two roles,
// for example signatory × end user.
//
// Node ids are dense and deterministic: parties are sorted by their entity id
// and numbered 0..n-1, so the same ledger always gives the same ids. Names and
// attributes are kept on the side (Network.Nodes), indexed by node id.
//
// Readers take a file name and an io.Reader, so that embedded data and tests
// need no files. Bad data is reported as *InputError values that name the
// file, line, column and field; several are collected into an ErrorList.
package network
