package network

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"  Hainan  Xiandun Technology Development Co., Ltd. ": "hainan xiandun technology development co ltd",
		"食乐小球藻积分管理(深圳)有 限公司":                                  "食乐小球藻积分管理(深圳)有限公司",
		"食乐小球藻积分管理（深圳）有限公司":                                   "食乐小球藻积分管理(深圳)有限公司",
		"Ｉｎｔｅｇｒｉｔｙ Tech":                                      "integrity tech",
		"Wang Liyu’s":                                         "wang liyus",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewAliases(t *testing.T) {
	a, err := NewAliases([]Alias{{Alias: "The Bureau", ID: "bureau"}, {Alias: "the  bureau", ID: "bureau"}, {Alias: "Front Co", ID: "front-co"}})
	if err != nil || a.Len() != 2 {
		t.Fatalf("aliases: %v, %v", a.List(), err)
	}
	if x, ok := a.Resolve("THE BUREAU"); !ok || x.ID != "bureau" {
		t.Errorf("Resolve(THE BUREAU) = %+v, %v", x, ok)
	}
	_, err = NewAliases([]Alias{{Alias: "The Bureau", ID: "bureau"}, {Alias: "the bureau", ID: "front-co"}})
	if want := `network: alias "the bureau" is ambiguous: bureau and front-co`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestMergeAliasesSeveralIDs: a name given for two ids, in the table or by
// two entities' own names, resolves to neither; Candidates lists both with
// the aliases that give them, and a name given twice for one id counts
// once.
func TestMergeAliasesSeveralIDs(t *testing.T) {
	own := []Alias{{Alias: "Wang Yan", ID: "wang-yan-1", Lang: "en"}, {Alias: "Wang Yan", ID: "wang-yan-2", Lang: "en"},
		{Alias: "The Bureau", ID: "bureau", Lang: "en"}}
	table := []Alias{{Alias: "Anxun", ID: "anxun-shanghai", Lang: "en", Source: "s-ap"}, {Alias: "ANXUN", ID: "isoon", Lang: "en", Source: "s-usatoday"},
		{Alias: "Anxun", ID: "isoon", Lang: "en", Source: "s-other"}, {Alias: "the bureau", ID: "bureau", Lang: "en", Source: "s-news"},
		{Alias: "安洵", ID: "anxun-shanghai", Lang: "zh", Source: "s-itsubao"}}
	a := MergeAliases(own, table)
	for _, tc := range []struct {
		name  string
		cands string // id:source of each candidate
		id    string // what Resolve gives ("" when it refuses)
	}{
		{"anxun", "anxun-shanghai:s-ap isoon:s-usatoday", ""},
		{"Wang  Yan", "wang-yan-1: wang-yan-2:", ""},
		{"THE BUREAU", "bureau:", "bureau"},
		{"安洵", "anxun-shanghai:s-itsubao", "anxun-shanghai"},
		{"nobody", "", ""},
	} {
		var got []string
		for _, c := range a.Candidates(tc.name) {
			got = append(got, c.ID+":"+c.Source)
		}
		if strings.Join(got, " ") != tc.cands {
			t.Errorf("Candidates(%q) = %v, want %s", tc.name, got, tc.cands)
		}
		x, ok := a.Resolve(tc.name)
		if ok != (tc.id != "") || x.ID != tc.id {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tc.name, x.ID, ok, tc.id)
		}
	}
	if got := strings.Join(a.Ambiguous(), "|"); got != "Anxun|Wang Yan" {
		t.Errorf("Ambiguous() = %s", got)
	}
	// One alias per name and id: Anxun twice for isoon, The Bureau twice
	// for bureau count once.
	if a.Len() != 6 {
		t.Errorf("Len() = %d, want 6: %v", a.Len(), a.List())
	}
}

// TestResolvePartiesAmbiguous: a party cell with an ambiguous name is
// refused at its cell, with the candidates; unambiguous names resolve
// with a warning, and a signatory left empty is not reported twice.
func TestResolvePartiesAmbiguous(t *testing.T) {
	a := MergeAliases(nil, []Alias{{Alias: "Anxun", ID: "anxun-shanghai", Lang: "en", Source: "s-ap"},
		{Alias: "Anxun", ID: "isoon", Lang: "en", Source: "s-usatoday"}, {Alias: "The Bureau", ID: "bureau", Lang: "en", Source: "s-news"}})
	var warnings []string
	opt := ReadOptions{Aliases: a, Warn: func(m string) { warnings = append(warnings, m) }}
	const ledger = "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,Anxun,,the bureau,5\n2,x,,ANXUN,5\n3,x,Anxun,bureau,5\n"
	_, err := ReadLedgerWithOptions("u.csv", strings.NewReader(ledger), "", nil, opt)
	const cands = `it names anxun-shanghai (alias "Anxun", source s-ap), isoon (alias "Anxun", source s-usatoday); write the id you mean`
	want := `u.csv:2: column 2 (contractor_id): ambiguous name: ` + cands + ` (got "Anxun")
u.csv:3: column 4 (end_user_id): ambiguous name: ` + cands + ` (got "ANXUN")
u.csv:4: column 3 (signatory_id): ambiguous name: ` + cands + ` (got "Anxun")`
	if err == nil || err.Error() != want || !errors.Is(err, ErrAmbiguousName) {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	warnings = nil
	l, err := ReadLedgerWithOptions("u.csv", strings.NewReader("contractor_id,end_user_id,amount_cny\nx,the bureau,5\n"), "", nil, opt)
	if err != nil || l.Contracts[0].EndUser != "bureau" || !l.Contracts[0].Direct() || len(warnings) != 1 {
		t.Errorf("unambiguous name: %v, %+v, warnings %v", err, l, warnings)
	}
}
