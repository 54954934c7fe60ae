package report_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
	"github.com/ecosys-sna/ecosys/report"
)

// bigProvinces are the provinces of the synthetic ledger's end users.
var bigProvinces = []struct{ en, zh string }{
	{"Sichuan", "四川"}, {"Yunnan", "云南"}, {"Hainan", "海南"}, {"Shandong", "山东"}, {"Tianjin", "天津"},
	{"Beijing", "北京"}, {"Guangdong", "广东"}, {"Hubei", "湖北"}, {"Jiangsu", "江苏"}, {"Zhejiang", "浙江"},
	{"Henan", "河南"}, {"Hebei", "河北"}, {"Shaanxi", "陕西"}, {"Xinjiang", "新疆"}, {"Tibet", "西藏"},
}

// syntheticLedger returns a ledger of n contracts (n ≥ 32) and its
// entity table, as CSV: the 32 rows of the embedded i-SOON ledger and its
// entities, then n−32 contracts drawn from rand.NewPCG(seed, seed) between
// i-SOON, 15 new intermediaries and 150 new end users of four kinds in
// 15 provinces, dated 2016–2022, a third through an intermediary. The
// embedded case data can be read against it.
func syntheticLedger(n int, seed uint64) (ledger, entities []byte) {
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	rng := rand.New(rand.NewPCG(seed, seed))
	var eo bytes.Buffer
	eo.Write(eb)
	ew := csv.NewWriter(&eo)
	type kind struct{ kind, ministry, client, en, zh string }
	kinds := []kind{
		{"public_security_organ", "MPS", "public_security", "Public Security Bureau", "公安局"},
		{"state_security_organ", "MSS", "state_security", "State Security Bureau", "国家安全局"},
		{"government_office", "none", "government", "Big Data Bureau", "大数据局"},
		{"company", "none", "enterprise", "Network Technology Co., Ltd.", "网络科技有限公司"},
	}
	levels := []string{"provincial", "prefectural", "county", "district"}
	const users, mids = 150, 15
	userKind := make([]kind, users)
	for i := range users {
		k := kinds[i%len(kinds)]
		userKind[i] = k
		p := bigProvinces[rng.IntN(len(bigProvinces))]
		level := levels[rng.IntN(len(levels))]
		if k.kind == "company" {
			level = "not_applicable"
		}
		ew.Write([]string{fmt.Sprintf("syn-user-%03d", i), fmt.Sprintf("%s第%d%s", p.zh, i, k.zh), "",
			fmt.Sprintf("%s No. %d %s", p.en, i, k.en), k.kind, k.ministry, level, p.en, "", "synthetic"})
	}
	for i := range mids {
		p := bigProvinces[rng.IntN(len(bigProvinces))]
		ew.Write([]string{fmt.Sprintf("syn-mid-%02d", i), fmt.Sprintf("%s中间%d信息技术有限公司", p.zh, i), "",
			fmt.Sprintf("%s Intermediary No. %d Information Technology Co., Ltd.", p.en, i), "company", "none", "not_applicable", p.en, "", "synthetic"})
	}
	ew.Flush()
	var lo bytes.Buffer
	lo.Write(lb)
	lw := csv.NewWriter(&lo)
	head, _ := csv.NewReader(bytes.NewReader(lb)).Read()
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	for row := 33; row <= n; row++ {
		rec := make([]string, len(head))
		// End users by a skewed draw: a few get many contracts.
		u := int(float64(users) * rng.Float64() * rng.Float64())
		sig := fmt.Sprintf("syn-user-%03d", u)
		if rng.IntN(3) == 0 {
			sig = fmt.Sprintf("syn-mid-%02d", rng.IntN(mids))
		}
		d := start.AddDate(0, 0, rng.IntN(7*365)).Format("2006-01-02")
		set := func(k, v string) { rec[col[k]] = v }
		set("row", fmt.Sprint(row))
		set("client_type", userKind[u].client)
		set("contractor_id", "isoon")
		set("signatory_id", sig)
		set("end_user_id", fmt.Sprintf("syn-user-%03d", u))
		set("date_start", d)
		set("date_end", d)
		set("date_precision", "day")
		set("amount_cny", fmt.Sprintf("%d.00", 10000*(1+rng.IntN(200))))
		set("title_en", "Synthetic contract")
		lw.Write(rec)
	}
	lw.Flush()
	return lo.Bytes(), eo.Bytes()
}

// bigResults returns the results of a 300-contract synthetic ledger
// with the embedded case data.
func bigResults(t *testing.T) *analysis.Results {
	t.Helper()
	lb, eb := syntheticLedger(300, 1)
	if dir := os.Getenv("ECOSYS_WRITE_BIG_LEDGER"); dir != "" {
		// To look at the figures: ecosys plot NAME --ledger DIR/big-ledger.csv --entities DIR/big-entities.csv
		os.WriteFile(filepath.Join(dir, "big-ledger.csv"), lb, 0o644)
		os.WriteFile(filepath.Join(dir, "big-entities.csv"), eb, 0o644)
	}
	l, err := network.ReadLedger("big-ledger", bytes.NewReader(lb), "big-entities", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Contracts) != 300 {
		t.Fatalf("%d contracts, want 300", len(l.Contracts))
	}
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cb, _ := datasets.ReadFile(datasets.Claims)
	builtin, err := claims.Read("claims.csv", bytes.NewReader(cb), network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return analysis.NewResults(l, d, analysis.ResultsOptions{Samples: 19, Seed: 1, Ecosystem: quickEcosystem,
		EcosystemData: analysis.EcosystemDataOptions{LedgerGrade: "B2"}, Claims: analysis.ClaimsInput{Builtin: builtin, Version: "test"}})
}

// figureSizeTODO lists the figures that the size test does not yet hold
// to the bounds, each with the reason; the figure engineer of issue 19
// who owns them removes the entry with the fix.
var figureSizeTODO = map[string]string{}

// TestFigureSizesBigLedger draws every figure of the catalogue from a
// 300-contract synthetic ledger, in English and Chinese, and checks that
// each is as wide as a column or the page (85 or 175 mm) and no taller
// than a page (plots.PageHeight).
func TestFigureSizesBigLedger(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every figure of a 300-contract ledger")
	}
	r := bigResults(t)
	langs := []plots.Lang{plots.LangEN}
	font, ok := plots.FindCJKFont()
	if ok {
		langs = append(langs, plots.LangZH)
	} else {
		t.Log("no CJK font: the Chinese figures are not checked")
	}
	const mm = 72 / 25.4
	for _, lang := range langs {
		for _, spec := range report.Catalogue() {
			t.Run(string(lang)+"/"+spec.Name, func(t *testing.T) {
				f, err := spec.Draw(r, report.FigureParams{Options: plots.Options{Lang: lang, FontPath: font, Source: "Source: synthetic ledger"}, Seed: 1})
				if err != nil {
					t.Fatal(err)
				}
				w, h := float64(f.Width)/mm, float64(f.Height)/mm
				bad := []string{}
				if f.Width != plots.SingleColumn && f.Width != plots.DoubleColumn {
					bad = append(bad, fmt.Sprintf("width %.1f mm, want 85 or 175", w))
				}
				if f.Height > plots.PageHeight {
					bad = append(bad, fmt.Sprintf("height %.1f mm, want ≤ 240", h))
				}
				if len(bad) == 0 {
					return
				}
				msg := strings.Join(bad, "; ")
				if why, todo := figureSizeTODO[spec.Name]; todo {
					t.Skipf("TODO(%s): %s (%s)", spec.Name, msg, why)
				}
				t.Error(msg)
			})
		}
	}
}

func TestAutoSize(t *testing.T) {
	tests := []struct {
		deg, btw []float64
		want     string
	}{
		// A star drawn from its centre: the root has betweenness 0.
		{[]float64{3, 1, 1, 1}, []float64{0, 0, 0, 0}, "degree"},
		// A tree root → 2 intermediaries → leaves, directed: only the
		// intermediaries lie between others.
		{[]float64{2, 3, 3, 1, 1, 1, 1}, []float64{0, 2, 2, 0, 0, 0, 0}, "degree"},
		// The hub is the broker, and half the nodes lie between others.
		{[]float64{4, 2, 2, 2, 2, 1}, []float64{8, 1, 1, 1, 0, 0}, "betweenness"},
		// The hub lies between others, but too few nodes do.
		{[]float64{5, 1, 1, 1, 1, 1}, []float64{10, 0, 0, 0, 0, 0}, "degree"},
		{nil, nil, "degree"},
	}
	for _, tt := range tests {
		if got := report.AutoSize(tt.deg, tt.btw); got != tt.want {
			t.Errorf("AutoSize(%v, %v) = %s, want %s", tt.deg, tt.btw, got, tt.want)
		}
	}
}

// TestGraphRootNotSmallest checks that the default size of the "graph"
// figure does not draw the contractor, the root of the ledger's tree,
// as the smallest node (betweenness did: 0 at the root).
func TestGraphRootNotSmallest(t *testing.T) {
	r, _ := fixture(t)
	m, err := r.Measures()
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []string{"", "auto"} {
		g, err := report.LedgerGraph(r.Network(), m, size)
		if err != nil {
			t.Fatal(err)
		}
		var root, top float64
		for _, v := range g.Nodes {
			top = max(top, v.Size)
			if v.ID == "isoon" {
				root = v.Size
			}
		}
		if root != top || g.SizeLabel != "degree" {
			t.Errorf("size %q: i-SOON %v, largest %v, sized by %q; want i-SOON the largest, by degree", size, root, top, g.SizeLabel)
		}
	}
}

// TestCaseNetworkLabelsImportant checks that the case network labels its
// most important nodes (i-SOON and the two ministries) in every
// language; in "both", i-SOON was left out with 39 others.
func TestCaseNetworkLabelsImportant(t *testing.T) {
	r, _ := fixture(t)
	spec, _ := report.LookupFigure("case-network")
	langs := []plots.Lang{plots.LangEN}
	font, ok := plots.FindCJKFont()
	if ok {
		langs = append(langs, plots.LangZH, plots.LangBoth)
	}
	for _, lang := range langs {
		f, err := spec.Draw(r, report.FigureParams{Options: plots.Options{Lang: lang, FontPath: font, Source: "Source: test"}, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		svg, err := f.Encode("svg")
		if err != nil {
			t.Fatal(err)
		}
		s := string(svg)
		for _, name := range []string{"Sichuan Anxun (i-SOON)", "Ministry of State Security", "Ministry of Public Security"} {
			if lang == plots.LangZH {
				continue // checked by the Chinese names below
			}
			if !strings.Contains(s, ">"+name+"<") && !strings.Contains(s, ">"+name+" / ") {
				t.Errorf("%s: %s is not labelled", lang, name)
			}
		}
		if lang != plots.LangEN {
			for _, name := range []string{"四川安洵", "国家安全部", "公安部"} {
				if !strings.Contains(s, ">"+name+"<") {
					t.Errorf("%s: %s is not labelled", lang, name)
				}
			}
		}
	}
}
