// Package report writes a self-contained analysis report of a contract
// ledger: an index.html that opens offline, the figures as SVG and PNG, the
// tables as CSV, and provenance.json.
//
// The report is deterministic: the same ledger, options and ecosys version
// give byte-identical files. It is written into a temporary directory
// beside the destination and renamed into place, so an interrupted run
// leaves no half-written report.
package report
