package report

import (
	"bytes"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/explore"
)

// explorerFile is the evidence explorer's file in the report directory.
const explorerFile = "explorer.html"

// explorerPage renders the evidence explorer of the results
// (explore.Build, laid out with the report's seed): the case network when
// r has case data, and the ledger network. The ledger's ties cite NIDS
// Commentary No. 371, Figure 2 (cases.ISOONLedgerCitation) when r holds
// the embedded ledger, as analysis.ISOONResultsOptions says; a ledger of
// your own is cited by its file, ungraded. The page's interface is in
// the report's language (Options.Lang), whether or not a CJK font was
// found for the figures: the browser draws the Chinese.
func explorerPage(r *analysis.Results, opts Options) ([]byte, error) {
	eo := explore.Options{Seed: opts.Seed, Lang: opts.Lang}
	if ed := r.Options().EcosystemData; ed.LedgerGrade == analysis.ISOONLedgerData.LedgerGrade && ed.LedgerSelection == analysis.ISOONLedgerData.LedgerSelection {
		eo.LedgerCitation = cases.ISOONLedgerCitation
	}
	data, err := explore.Build(opts.Title, r.Ledger(), r.Cases(), eo)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := explore.Write(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
