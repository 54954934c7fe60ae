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
// Graph is the form in which a network leaves the package: a gonum
// weighted graph with node names and attributes, and edge attributes, as
// text on the side (Network.Graph). Package graphio reads and writes
// Graphs as edge lists and graph files; package cases builds one from the
// meta-network of ledger and case data.
//
// The readers (ReadContracts, ReadEntities, ReadLedger) take a file name
// and an io.Reader, so that embedded data and tests need no files. They
// read CSV in UTF-8, UTF-16 or GB18030, as spreadsheets save it, and
// stream large ledgers. Bad data is reported as *InputError values that
// name the file, line, column and field; several are collected into an
// ErrorList. These error types, their sentinels (ErrMissingColumn,
// ErrBadAmount, ErrLimit, …) and the limits are shared by every reader of
// the module — here, in graphio and in cases — and are defined once, in
// the internal package csvio, and re-exported here under these names.
// Aliases resolves names of parties to entity ids, for ledgers that name
// a party instead of giving its id (ReadOptions.Aliases); a name given for
// several ids resolves to none, and a ledger cell holding one is an error
// that lists the candidates (ErrAmbiguousName).
//
// Package network imports the internal CSV plumbing (internal/csvio) and
// gonum; it imports no other package of ecosys.
package network
