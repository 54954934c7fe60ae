package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/plots"
)

// claimsAgreement says what a consistent status shows and what it does
// not; it is a note of every "Claims checked" section.
const claimsAgreement = "Consistent means agreement, not corroboration. The i-SOON ledger is the paper's own Figure 2, and some case facts were entered from the very source that makes the claim: a consistent claim of that kind shows that the sentence matches its own evidence, or our transcription of it, and adds no independent support. Read a consistent claim with its note and with the sources of the rows it counts (ecosys cases show)."

// claimsSection is the "Claims checked" section of the page.
type claimsSection struct {
	Table table
	Tally string // "3 consistent, 0 inconsistent, …"
	Notes []string
}

// ClaimsTable returns the checked claims as a table of strings, one row
// per claim in the order checked.
func ClaimsTable(rep *claims.Report) Table {
	t := Table{Header: []string{"id", "status", "observed", "qualifier", "expect", "data_is", "claim", "source", "locator", "expr", "note"}}
	for _, r := range rep.Claims {
		t.Rows = append(t.Rows, []string{r.ID, string(r.Status), claims.FormatValue(r.Observed), string(r.Qualifier), claims.FormatValue(r.Expect),
			string(r.DataIs), r.Claim, r.Source, r.Locator, r.Expr, r.Note})
	}
	return t
}

// TallyText says how many claims have each status, every status named:
// "4 claims: 3 consistent, 0 inconsistent, 0 consistent as a bound, 1 not
// testable, 0 errors".
func TallyText(rep *claims.Report) string {
	words := map[claims.Status]string{claims.ConsistentAsBound: "consistent as a bound", claims.NotTestable: "not testable", claims.Error: "errors"}
	parts := make([]string, len(rep.Tally))
	for i, t := range rep.Tally {
		w, ok := words[t.Status]
		if !ok {
			w = string(t.Status)
		}
		parts[i] = fmt.Sprintf("%d %s", t.Count, w)
	}
	return fmt.Sprintf("%d claims: %s", len(rep.Claims), strings.Join(parts, ", "))
}

// claimsPart adds the claims checked to the page, and their table and
// JSON to the files; claims that cannot be checked are noted as skipped.
func claimsPart(r *analysis.Results, page *pageData, files map[string][]byte) error {
	rep, err := r.Claims()
	if err != nil {
		page.Skipped = append(page.Skipped, "claims: not checked: "+err.Error())
		return nil
	}
	t := ClaimsTable(rep)
	if files["tables/claims.csv"], err = encodeCSV(append([][]string{t.Header}, t.Rows...)); err != nil {
		return err
	}
	if files["claims.json"], err = marshalFile(rep); err != nil {
		return err
	}
	s := &claimsSection{Tally: TallyText(rep),
		Table: table{Caption: fmt.Sprintf("Claims of the sources checked against the data (data package version %s)", rep.DataVersion),
			CSV: "tables/claims.csv", Header: t.Header, Rows: t.Rows}}
	s.Notes = append(s.Notes, claimsAgreement)
	if rep.LeftOut > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%d built-in claims are left out: they are about data this report does not have (the i-SOON ledger, or the case data).", rep.LeftOut))
	}
	page.Claims = s
	return nil
}

// claimValues returns the claims of rep that the claims figure draws
// (a claimed and an observed number, the claimed one not 0, a status
// other than not_testable and error) and the number of the others.
func claimValues(rep *claims.Report) (vals []plots.ClaimValue, others int) {
	for _, c := range rep.Claims {
		obs, ok := c.Observed.(float64)
		if !ok || c.Expect == nil || *c.Expect == 0 || c.Status == claims.NotTestable || c.Status == claims.Error {
			others++
			continue
		}
		vals = append(vals, plots.ClaimValue{ID: c.ID, Claimed: *c.Expect, Observed: obs, Bound: string(c.Qualifier),
			Tolerance: c.Tolerance, Status: string(c.Status)})
	}
	return vals, others
}

// claimsFigure is the catalogue entry of the claims checked.
var claimsFigure = FigureSpec{Name: "claims", Title: "Claims checked against the data", TitleZH: "对照数据核查的声称", alt: claimsAlt,
	Summary: "each numeric claim of the sources: the observed value as a share of the claimed one, bounds as arrows, status by colour",
	Caption: "The numeric claims of the sources checked against the data (ecosys claims): for each claim, the observed value as a share of the claimed value (the dashed line at 100%), the claim drawn at 100% — a tick for an exact number, an arrow for a bound (at least, more than: right; at most, less than: left), a bar for an approximate number with its tolerance — and the observed value coloured and shaped by status. Consistent as a bound: the data hold only part of what the claim counts, so the observed count is a lower bound. Claims without numbers (booleans, not testable) are in the table of claims.",
	draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
		rep, err := r.Claims()
		if err != nil {
			return nil, err
		}
		vals, others := claimValues(rep)
		if len(vals) == 0 {
			return nil, errors.New("no claim has both a claimed and an observed number")
		}
		if others > 0 {
			title += p.tr(fmt.Sprintf(" (%d of %d claims; the others have no number to draw)", len(vals), len(rep.Claims)),
				fmt.Sprintf("（%d 项，共 %d 项；其余无数值可画）", len(vals), len(rep.Claims)))
		}
		if p.Options.Source != "" {
			n := claimSources(rep, vals)
			p.Options.Source += p.sourceMore(fmt.Sprintf("; claims: %d sources, case data: court documents, designations and advisories (ecosys claims)", n),
				fmt.Sprintf("；声称：%d 个来源，案件数据：法院文件、制裁认定与通报（ecosys claims）", n))
		}
		return plots.ClaimsChart(title, vals, p.Options)
	}}

// claimSources counts the distinct sources of the claims drawn.
func claimSources(rep *claims.Report, drawn []plots.ClaimValue) int {
	ids := map[string]bool{}
	for _, v := range drawn {
		ids[v.ID] = true
	}
	seen := map[string]bool{}
	for _, c := range rep.Claims {
		if ids[c.ID] {
			seen[c.Source] = true
		}
	}
	return len(seen)
}
