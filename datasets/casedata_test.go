package datasets_test

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
)

// loadCases reads the embedded ledger and case data with the project's own
// reader, which checks syntax, vocabularies, dates, grades, references,
// relation endpoints, the hierarchy and the aliases (cases.Read).
func loadCases(t *testing.T) (*network.Ledger, *cases.Data) {
	t.Helper()
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger.csv", bytes.NewReader(lb), "isoon-entities.csv", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatalf("the embedded case data do not validate:\n%v", err)
	}
	return l, d
}

func TestCaseDataValidates(t *testing.T) {
	_, d := loadCases(t)
	if len(d.Cases) < 20 || len(d.Relations) < 100 || len(d.People) < 40 {
		t.Errorf("cases %d, relations %d, people %d: fewer than the data set holds", len(d.Cases), len(d.Relations), len(d.People))
	}
	// Every relation has a citation and a grade (the reader requires both;
	// this pins it), and every source is cited somewhere.
	cited := map[string]bool{}
	cite := func(ids ...string) {
		for _, id := range ids {
			cited[id] = true
		}
	}
	for _, r := range d.Relations {
		if r.Source == "" || r.Reliability.IsZero() || r.Evidence == "" {
			t.Errorf("relation %s has no source, grade or evidence kind", r.ID)
		}
		cite(r.Source)
		cite(r.Corroboration...)
	}
	for _, c := range d.Claims {
		cite(c.Source)
		cite(c.Corroboration...)
	}
	for _, x := range d.ThreatActors {
		cite(x.Source)
	}
	for _, h := range d.Hierarchy {
		cite(h.Source)
	}
	for _, a := range d.Aliases.List() {
		cite(a.Source)
	}
	for _, c := range d.Cases {
		cite(c.Sources...)
	}
	for _, x := range d.Defendants {
		cite(x.Sources...)
	}
	for _, o := range d.Organizations {
		cite(o.Sources...)
	}
	for _, p := range d.People {
		cite(p.Sources...)
	}
	for _, n := range d.Notes {
		cite(n.Sources...)
	}
	for _, s := range d.Sources {
		if !cited[s.ID] {
			t.Errorf("source %s is cited by no row", s.ID)
		}
	}
	// Every defendant is charged in the case by a charged_in relation.
	charged := map[[2]string]bool{}
	for _, r := range d.Relations {
		if r.Type == cases.ChargedIn {
			charged[[2]string{r.From, r.To}] = true
		}
	}
	for _, x := range d.Defendants {
		if !charged[[2]string{x.Person, x.Case}] {
			t.Errorf("defendant %s of %s has no charged_in relation", x.Person, x.Case)
		}
	}
}

// TestNoSeed002 makes sure that nothing cites the unsourced seed 002.
func TestNoSeed002(t *testing.T) {
	_, d := loadCases(t)
	for _, s := range d.Sources {
		if strings.Contains(s.URL+s.Notes+s.Title, "002_117e7349093ef389") {
			t.Errorf("source %s cites seed 002", s.ID)
		}
	}
}

// TestOneNodeForSharedBureaus checks the merge of ledger and cases: the
// Tianjin State Security Bureau, end user of ledger row 11, is the bureau
// of the APT10 case, one node of the merged network from both data sets.
func TestOneNodeForSharedBureaus(t *testing.T) {
	l, d := loadCases(t)
	var row11 network.Contract
	for _, c := range l.Contracts {
		if c.Row == 11 {
			row11 = c
		}
	}
	if row11.EndUser != "tianjin-ssb" {
		t.Fatalf("ledger row 11 end user %q", row11.EndUser)
	}
	apt10 := false
	for _, r := range d.Relations {
		if r.Case == "us-v-zhu-hua" && r.To == "tianjin-ssb" {
			apt10 = true
		}
	}
	if !apt10 {
		t.Error("the APT10 case does not refer to tianjin-ssb")
	}
	m, err := cases.BuildMeta(l, d, cases.MetaOptions{Layers: cases.Layers})
	if err != nil {
		t.Fatal(err)
	}
	n, ok := m.Node("tianjin-ssb")
	if !ok || !slices.Equal(n.Datasets, []string{"ledger", "cases"}) {
		t.Errorf("tianjin-ssb node %+v, want one node from ledger and cases", n)
	}
	for _, name := range []string{"天津市安全局", "Tianjin State Security Bureau", "tianjin state security bureau"} {
		if a, ok := d.Aliases.Resolve(name); !ok || a.ID != "tianjin-ssb" {
			t.Errorf("%s resolves to %+v, %v", name, a, ok)
		}
	}
	var shared []string
	for _, s := range d.Shared() {
		shared = append(shared, s.ID)
	}
	for _, id := range []string{"tianjin-ssb", "beijing-integrity-tech"} {
		if !slices.Contains(shared, id) {
			t.Errorf("shared nodes %v lack %s", shared, id)
		}
	}
}

// TestHierarchyComplete checks that every public or state security organ of
// the ledger and the cases has its chain of parents up to its ministry,
// and that the chain descends in level.
func TestHierarchyComplete(t *testing.T) {
	_, d := loadCases(t)
	rank := map[network.Level]int{network.National: 0, network.Provincial: 1, network.Prefectural: 2, network.County: 3, network.District: 3}
	for _, o := range d.Organizations {
		if o.Kind != network.PublicSecurityOrgan && o.Kind != network.StateSecurityOrgan {
			continue
		}
		if o.ID == "mps" || o.ID == "mss" {
			continue
		}
		chain := d.Chain(o.ID)
		if len(chain) == 0 {
			t.Errorf("%s (%s) has no parent", o.ID, o.Name())
			continue
		}
		top := chain[len(chain)-1]
		want := map[network.Ministry]string{network.MPS: "mps", network.MSS: "mss"}[o.Ministry]
		if top != want {
			t.Errorf("%s: chain %v ends at %s, want %s", o.ID, chain, top, want)
		}
		prev := o
		for _, p := range chain {
			po, _ := d.Organization(p)
			if r, ok := rank[po.Level]; ok {
				if pr, ok := rank[prev.Level]; ok && r > pr {
					t.Errorf("%s: parent %s (%s) is below %s (%s)", o.ID, p, po.Level, prev.ID, prev.Level)
				}
			}
			prev = po
		}
	}
}

// TestProvinces checks the 31 province-level units and that every
// organization in China names one of them (or none).
func TestProvinces(t *testing.T) {
	_, d := loadCases(t)
	if len(d.Provinces) != 31 {
		t.Fatalf("%d provinces, want 31", len(d.Provinces))
	}
	names := map[string]bool{}
	types := map[string]int{}
	for _, p := range d.Provinces {
		names[p.NameEN] = true
		types[p.Type]++
		if p.ISO[:3] != "CN-" || len(p.Code) != 2 {
			t.Errorf("province %+v", p)
		}
	}
	if types["province"] != 22 || types["autonomous_region"] != 5 || types["municipality"] != 4 {
		t.Errorf("types %v, want 22 provinces, 5 autonomous regions, 4 municipalities", types)
	}
	for _, o := range d.Organizations {
		if o.Province != "" && o.Country == "CN" && !names[o.Province] {
			t.Errorf("%s: province %q is not a province-level unit", o.ID, o.Province)
		}
	}
}

// TestAllegationsMarked checks that relations alleged in criminal cases are
// marked as allegations, except the fact of the charge itself and the
// relations the data's notes explain (a fact proven at trial, a company
// role from reporting).
func TestAllegationsMarked(t *testing.T) {
	_, d := loadCases(t)
	explained := map[string]bool{}
	for _, r := range d.Relations {
		c, _ := d.Case(r.Case)
		if (c.Kind == "indictment" || c.Kind == "complaint") && r.Type != cases.ChargedIn && !r.Allegation {
			explained[r.ID] = true
			if r.Evidence == cases.CourtDocument || r.Basis == "" {
				t.Errorf("relation %s of %s is not marked as an allegation and has no basis", r.ID, r.Case)
			}
		}
	}
	if len(explained) > 5 {
		t.Errorf("%d relations of criminal cases are not allegations: %v", len(explained), explained)
	}
}

// TestUnobservedTargetIsTheClaim ties the decentralization verdict's
// unobserved-bureaus scenario to the cited claim it rests on.
func TestUnobservedTargetIsTheClaim(t *testing.T) {
	_, d := loadCases(t)
	for _, c := range d.Claims {
		if c.Case == "us-v-wu-haibo" && c.Claim == "bureaus_contracted" && c.Source == "nids-371" {
			if !c.HasValue || int(c.Value) != analysis.UnobservedTarget || c.Qualifier != "at_least" {
				t.Errorf("claim %s: %v %s, analysis.UnobservedTarget = %d", c.ID, c.Value, c.Qualifier, analysis.UnobservedTarget)
			}
			return
		}
	}
	t.Error("no claim of the bureaus i-SOON contracted with, cited to NIDS")
}

// TestIndependenceRule checks the rule for the information digit 1
// (CASES.md, Reliability) on every relation and claim: the sources it
// rests on (source and corroboration) have at least two distinct origins,
// one of them a court document, government release or verbatim copy. Two
// copies of one release are one source. cases.Read refuses data that break
// it; this test names the row and what it rests on.
func TestIndependenceRule(t *testing.T) {
	_, d := loadCases(t)
	confirmed := 0
	check := func(table, id string, g cases.Grade, source string, corroboration []string) {
		sources := append([]string{source}, corroboration...)
		if err := d.IndependenceRule(g, sources); err != nil {
			t.Errorf("%s %s (%s; sources %v, origins %v): %v", table, id, g, sources, d.Origins(sources...), err)
		} else if g.Info == '1' {
			confirmed++
		}
	}
	for _, r := range d.Relations {
		check("relation", r.ID, r.Reliability, r.Source, r.Corroboration)
	}
	for _, c := range d.Claims {
		check("claim", c.ID, c.Reliability, c.Source, c.Corroboration)
	}
	if confirmed == 0 {
		t.Error("no relation or claim is graded 1: the rule was not exercised")
	}
	// A fact resting only on copies of one release is not confirmed:
	// r0040 rests on a verbatim copy of the DOJ APT10 release, whose other
	// copy (SC Magazine) has the same origin.
	for _, r := range d.Relations {
		if r.ID == "r0040" && (r.Reliability.String() != "B2" || len(d.Origins(append([]string{r.Source}, r.Corroboration...)...)) != 1) {
			t.Errorf("r0040 is %s on %s %v: want B2 on one origin", r.Reliability, r.Source, r.Corroboration)
		}
	}
}

// TestURLRule checks that every relation, claim and hierarchy link whose
// source has no public URL (url "none") has the letter C or worse, and
// that every other url is an http(s) URL.
func TestURLRule(t *testing.T) {
	_, d := loadCases(t)
	noURL := 0
	check := func(table, id string, g cases.Grade, source string) {
		if err := d.URLRule(g, source); err != nil {
			t.Errorf("%s %s (%s on %s): %v", table, id, g, source, err)
		}
		if s, _ := d.Source(source); s.URL == cases.NoURL {
			noURL++
		}
	}
	for _, r := range d.Relations {
		check("relation", r.ID, r.Reliability, r.Source)
	}
	for _, c := range d.Claims {
		check("claim", c.ID, c.Reliability, c.Source)
	}
	for _, h := range d.Hierarchy {
		check("hierarchy link", h.Child+" → "+h.Parent, h.Reliability, h.Source)
	}
	if noURL == 0 {
		t.Error("no row rests on a source without a public URL: the rule was not exercised")
	}
	for _, s := range d.Sources {
		if s.URL != cases.NoURL && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			t.Errorf("source %s: url %q is neither an http(s) URL nor %q", s.ID, s.URL, cases.NoURL)
		}
	}
}

// TestStatusRule checks the status rule of CASES.md on every defendant:
// at_large if and only if the whereabouts are at_large_stated or
// abroad_stated; never charged or at_large after custody; charged when no
// source states the whereabouts.
func TestStatusRule(t *testing.T) {
	_, d := loadCases(t)
	for _, x := range d.Defendants {
		if err := cases.StatusRule(x.Status, x.Whereabouts); err != nil {
			t.Errorf("defendant %s of %s: status %s, whereabouts %s: %v", x.Person, x.Case, x.Status, x.Whereabouts, err)
		}
	}
}

// TestISOONTie pins the two i-SOON nodes and their tie: the ledger's
// contractor isoon (四川安洵, Sichuan) is a subsidiary of anxun-shanghai
// (the Shanghai company of the DOJ case), an identification made of
// sourced pieces (digit 3 at best, case-note r1n05); the i-SOON names
// resolve as the aliases' sources give them.
func TestISOONTie(t *testing.T) {
	_, d := loadCases(t)
	var tie *cases.Relation
	for i, r := range d.Relations {
		if r.From == "isoon" && r.To == "anxun-shanghai" && r.Type == cases.SubsidiaryOf {
			tie = &d.Relations[i]
		}
	}
	if tie == nil {
		t.Fatal("no relation isoon subsidiary_of anxun-shanghai")
	}
	if tie.Reliability.Info < '3' {
		t.Errorf("%s is graded %s: an identification made of pieces gets digit 3 at best", tie.ID, tie.Reliability)
	}
	for name, want := range map[string]string{
		"i-SOON": "anxun-shanghai isoon", "i-soon": "anxun-shanghai isoon", "Anxun": "anxun-shanghai isoon",
		"安洵": "anxun-shanghai", "Sichuan Anxun": "isoon", "四川安洵": "isoon", "四川安洵信息技术有限公司": "isoon",
	} {
		var ids []string
		for _, c := range d.Aliases.Candidates(name) {
			ids = append(ids, c.ID)
			if c.Source == "" && len(d.Aliases.Candidates(name)) > 1 {
				t.Errorf("%s: candidate %s has no source", name, c.ID)
			}
		}
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("%s names %q, want %q", name, got, want)
		}
	}
}

// TestLedgerRow18Ambiguous: row 18's printed date "2018.1" is January or
// October 2018 (note T21). The ledger keeps January as the date every
// analysis uses, and October as the second reading.
func TestLedgerRow18Ambiguous(t *testing.T) {
	l, _ := loadCases(t)
	for _, c := range l.Contracts {
		if c.DateAmbiguous() != (c.Row == 18) {
			t.Errorf("row %d: ambiguous %v", c.Row, c.DateAmbiguous())
		}
		if c.Row == 18 && (c.Date.String() != "2018-01" || c.DateAlt.String() != "2018-10" || c.DateAlt.Precision != network.Month) {
			t.Errorf("row 18: date %s, second reading %s (%s); want 2018-01 and 2018-10", c.Date, c.DateAlt, c.DateAlt.Precision)
		}
	}
}

// TestThreatActorResolution: group names find the organizations the
// threat-actors table ties them to, with the group and the source of the
// mapping; a name tied to two organizations lists both and resolves to
// neither; group names are not aliases.
func TestThreatActorResolution(t *testing.T) {
	_, d := loadCases(t)
	for _, tc := range []struct{ name, want, one string }{
		{"Wicked Panda", "chengdu-404 APT41 mitre-attack-g0096", "chengdu-404"},
		{"APT41", "chengdu-404 APT41 mitre-attack-g0096", "chengdu-404"},
		{"apt 41", "chengdu-404 APT41 mitre-attack-g0096", "chengdu-404"},
		{"APT31", "hubei-ssd ZIRCONIUM mitre-attack-g0128; wuhan-xrz ZIRCONIUM mitre-attack-g0128", ""},
	} {
		cands := d.Resolve(tc.name)
		var got []string
		for _, c := range cands {
			if c.Via != cases.ViaThreatActor {
				t.Errorf("%s: candidate %s via %s", tc.name, c.ID, c.Via)
			}
			got = append(got, c.ID+" "+c.Group+" "+c.Source)
		}
		id, ok := cases.OneID(cands)
		if strings.Join(got, "; ") != tc.want || id != tc.one || ok != (tc.one != "") {
			t.Errorf("%s: candidates %q, one id %q; want %q, %q", tc.name, got, id, tc.want, tc.one)
		}
		if _, ok := d.Aliases.Resolve(tc.name); ok {
			t.Errorf("%s resolves as an alias", tc.name)
		}
	}
	// The full official name of the Tianjin bureau is an alias.
	if id, ok := cases.OneID(d.Resolve("天津市国家安全局")); !ok || id != "tianjin-ssb" {
		t.Errorf("天津市国家安全局 resolves to %q, %v", id, ok)
	}
}

// TestReadmeCounts checks the counts that README.md's section "The case
// data" gives against the data, so that the two cannot drift apart.
func TestReadmeCounts(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(b)), " ")
	l, d := loadCases(t)
	kinds := map[string]int{}
	for _, c := range d.Cases {
		kinds[c.Kind]++
	}
	orgs, allegations := 0, 0
	for _, o := range d.Organizations {
		if o.Dataset == "cases" {
			orgs++
		}
	}
	letters, digits := map[byte]int{}, map[byte]int{}
	for _, r := range d.Relations {
		if r.Allegation {
			allegations++
		}
		letters[r.Reliability.Source]++
		digits[r.Reliability.Info]++
	}
	aliases, _ := datasets.Lookup("aliases")
	groups := map[string]bool{}
	for _, x := range d.ThreatActors {
		groups[x.Organization] = true
	}
	for _, want := range []string{
		fmt.Sprintf("%d matters (%d indictments, %d complaints, %d designations, %d advisories", len(d.Cases), kinds["indictment"], kinds["complaint"], kinds["designation"], kinds["advisory"]),
		fmt.Sprintf("%d organizations besides the ledger's %d parties", orgs, len(l.Entities)),
		fmt.Sprintf("%d people with the charges, outcome and whereabouts of each of %d defendants", len(d.People), len(d.Defendants)),
		fmt.Sprintf("%d relations (%d of them allegations), %d aggregate claims", len(d.Relations), allegations, len(d.Claims)),
		fmt.Sprintf("the %d province-level units, %d aliases and %d threat-actor names (APT41, Wicked Panda, …) tied to %d organizations, all citing %d sources",
			len(d.Provinces), aliases.Rows, len(d.ThreatActors), len(groups), len(d.Sources)),
		fmt.Sprintf("Of the %d relations, %d are graded A, %d B, %d C and %d D; %d have the digit 1 (confirmed), %d the digit 2, %d the digit 3 and %d the digit 4.",
			len(d.Relations), letters['A'], letters['B'], letters['C'], letters['D'], digits['1'], digits['2'], digits['3'], digits['4']),
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
	if n := letters['A'] + letters['B'] + letters['C'] + letters['D']; n != len(d.Relations) {
		t.Errorf("%d relations graded E or F: the README's sentence on grades needs them", len(d.Relations)-n)
	}
}
