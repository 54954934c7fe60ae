// Package cases reads the case data set — court cases, sanctions and
// advisories, the organizations and people they name, and the cited
// relations between them — and builds the meta-network of ledger, cases
// and state hierarchy.
//
// The case data are twelve CSV tables (Tables; documented in
// datasets/CASES.md). Read reads them from any fs.FS — the embedded data
// set (datasets.FS) or a directory of your own — and joins them with a
// ledger's entity table into one Data. Organizations, ledger parties,
// people and cases share one id space, so a bureau that is both a ledger
// client and named in an indictment is one Organization. Every Relation
// cites its source, with a locator, the kind of evidence and a reliability
// Grade on the Admiralty scale, the other sources that corroborate it and
// whether it is an allegation. Read checks syntax, vocabularies, dates,
// grades, references, the fit of relation types to their endpoints, the
// hierarchy and the aliases, and the rules that tie tables together (the
// independence and URL rules of the grades, the status rule of the
// defendants; rules.go), and returns every error it finds as a
// *network.InputError naming file, line, column and field, collected into
// a network.ErrorList.
//
// Names resolve to ids through Data.Aliases (an alias may name several
// ids; such a name resolves to none) and, apart from them, through the
// security-industry group names of Data.ThreatActors: Data.Resolve lists
// every candidate with the source that gives it.
//
// The meta-network (BuildMeta) is a directed multigraph of typed nodes
// (organization kinds, PersonKind, CaseKind) and typed edges in three
// layers: the ledger's ties (contracted_with, signatory_for), the case
// relations and the hierarchy's subordinate_of links. MetaOptions filter
// it by layer, relation type, node kind, case, date window and grade;
// Meta.Organizations and Meta.Hierarchy are its two views. The full
// network keeps every relation type as its own edge kind; the
// organizations view, a view of cooperation, leaves out disputes (sued). Meta.Graph
// turns it into a network.Graph for the writers of package graphio (one
// edge per ordered pair, the relations merged), and Meta.Tables into a
// node and an edge table with one row per relation for graphio's table
// formats (WriteMetaCSV writes them as CSV).
//
// The entity vocabularies the case data share with ledgers (network.Kind,
// Level, Ministry, Entity, Aliases) are those of package network; this
// package adds the kinds only case data have (ForeignGovernment,
// University, PersonKind, CaseKind).
//
// Package cases imports network, the internal CSV plumbing
// (internal/csvio) and gonum; it does not import graphio, metrics, plots
// or report.
package cases
