package report

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/ecosys-sna/ecosys/analysis"
)

// ecosystemSection is the ecosystem verdict on the page.
type ecosystemSection struct {
	Reading      string
	Summary      string
	Hypothesis   string
	Rule         string
	Implications table
	Robustness   table
	Notes        []string
}

// verdictSection adds the ecosystem verdict and the ledger's description
// to the page and their tables and JSON to the files. A verdict that
// cannot be computed is left out with the reason.
func verdictSection(r *analysis.Results, page *pageData, files map[string][]byte) error {
	if v, err := r.Ecosystem(); err != nil {
		page.Skipped = append(page.Skipped, "ecosystem verdict: not computed: "+err.Error())
	} else {
		it, rt := ImplicationTable(v), RobustnessTable(v)
		var err error
		if files["tables/implications.csv"], err = encodeCSV(append([][]string{it.Header}, it.Rows...)); err != nil {
			return err
		}
		if files["tables/robustness.csv"], err = encodeCSV(append([][]string{rt.Header}, rt.Rows...)); err != nil {
			return err
		}
		s := v.Settings
		page.Ecosystem = &ecosystemSection{Reading: v.Reading, Summary: v.Summary, Hypothesis: v.Hypothesis, Rule: v.Rule, Notes: v.Notes,
			Implications: table{Caption: fmt.Sprintf("Implications of the hypothesis (%d null samples, %d alternative draws, seed %d)", s.Samples, s.PowerSamples, s.Seed),
				CSV: "tables/implications.csv", Header: it.Header, Rows: it.Rows},
			Robustness: table{Caption: fmt.Sprintf("Robustness: the reading of each variant (%d samples each)", s.RobustSamples),
				CSV: "tables/robustness.csv", Header: rt.Header, Rows: rt.Rows}}
		if files["verdict.json"], err = marshalFile(v); err != nil {
			return err
		}
	}
	d, err := r.Description()
	if err != nil {
		page.Skipped = append(page.Skipped, "ledger description: not computed: "+err.Error())
		return nil
	}
	dt := analysis.DescriptionTable(d)
	if files["tables/description.csv"], err = encodeCSV(append([][]string{dt.Header}, dt.Rows...)); err != nil {
		return err
	}
	page.Description = &table{Caption: fmt.Sprintf("The ledger described (jackknife intervals over contracts; %d missing-data replicates, seed %d)", d.Settings.Samples, d.Settings.Seed),
		CSV: "tables/description.csv", Header: dt.Header, Rows: dt.Rows}
	page.DescriptionFacts, page.DescriptionNotes = d.Facts, d.Notes
	if files["description.json"], err = marshalFile(d); err != nil {
		return err
	}
	return nil
}

func marshalFile(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return append(b, '\n'), nil
}

// ImplicationTable formats the implications of a verdict, four
// significant digits (the JSON has full precision).
func ImplicationTable(v *analysis.EcosystemVerdict) Table {
	t := Table{Header: []string{"implication", "observed", "95% interval or null range", "null mean", "effect", "p_upper", "p_lower", "p_holm", "power", "design fixed", "favours", "why"}}
	for _, r := range v.Implications {
		rng := "—"
		switch {
		case r.Interval != nil:
			rng = "[" + g4p(&r.Interval[0]) + ", " + g4p(&r.Interval[1]) + "]"
		case r.NullQ025 != nil:
			rng = "[" + g4p(r.NullQ025) + ", " + g4p(r.NullQ975) + "]"
		}
		t.Rows = append(t.Rows, []string{r.Name, g4p(r.Observed), rng, g4p(r.NullMean), g4p(r.Effect), g4p(r.PUpper), g4p(r.PLower),
			g4p(r.PHolm), g4p(r.Power), strconv.FormatBool(r.DesignFixed), r.Favours, r.Why})
	}
	return t
}

// RobustnessTable formats the robustness rows of a verdict.
func RobustnessTable(v *analysis.EcosystemVerdict) Table {
	t := Table{Header: []string{"check", "variant", "reading", "changed", "detail"}}
	for _, r := range v.Robustness {
		t.Rows = append(t.Rows, []string{r.Check, r.Variant, r.Reading, strconv.FormatBool(r.Changed), r.Detail})
	}
	return t
}

func g4p(p *float64) string {
	if p == nil {
		return "—"
	}
	return strconv.FormatFloat(*p, 'g', 4, 64)
}
