package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// TestExplorerPageLang: the report's explorer.html speaks the report's
// language (Options.Lang): its interface, its html lang and the words
// written into its data.
func TestExplorerPageLang(t *testing.T) {
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger", bytes.NewReader(lb), "isoon-entities", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := analysis.NewResults(l, d, analysis.ISOONResultsOptions(0, 1))
	for _, tt := range []struct {
		lang       plots.Lang
		want, lack []string
	}{
		{"", []string{`<html lang="en">`, "<legend>Reliability grade at least</legend>", `"title":"Case network"`}, []string{"可靠性等级不低于", "案件网络"}},
		{plots.LangZH, []string{`<html lang="zh-Hans">`, "<legend>可靠性等级不低于</legend>", `"title":"案件网络"`, "<title>t — 证据浏览器</title>"},
			[]string{"Reliability grade", `"title":"Case network"`}},
		{plots.LangBoth, []string{`<html lang="en">`, "<legend>Reliability grade at least / 可靠性等级不低于</legend>", `"title":"Case network / 案件网络"`}, nil},
	} {
		b, err := explorerPage(r, Options{Title: "t", Seed: 1, Lang: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !bytes.Contains(b, []byte(w)) {
				t.Errorf("lang %q: explorer lacks %s", tt.lang, w)
			}
		}
		for _, w := range tt.lack {
			if strings.Contains(string(b), w) {
				t.Errorf("lang %q: explorer has %s", tt.lang, w)
			}
		}
	}
}
