package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

func TestNewCmdBuild(t *testing.T) {
	tests := []struct {
		argv    string
		check   func(o *BuildOptions) bool
		wantErr string
	}{
		{argv: "", check: func(o *BuildOptions) bool {
			return o.Format == "graphml" && strings.Join(o.Include, ",") == "ledger,cases" && o.View == "full"
		}},
		{argv: "--include ledger,cases,hierarchy --min-reliability b3 --relations officer_of,front_for --kinds person,company --from 2016 --to 2018-06 --format gexf -o x.gexf", check: func(o *BuildOptions) bool {
			mo, err := o.metaOptions()
			return err == nil && len(mo.Layers) == 3 && mo.MinReliability.String() == "B3" && len(mo.Relations) == 2 && len(mo.Kinds) == 2 &&
				mo.From.Format("2006-01-02") == "2016-01-01" && mo.To.Format("2006-01-02") == "2018-06-30"
		}},
		{argv: "--include ledger,people", wantErr: `invalid layer "people"`},
		{argv: "--relations works_for", wantErr: `invalid relation type "works_for"`},
		{argv: "--kinds bureau", wantErr: `invalid kind "bureau"`},
		{argv: "--min-reliability G7", wantErr: `invalid grade "G7"`},
		{argv: "--from 2018-13", wantErr: `invalid date "2018-13" for "--from"`},
		{argv: "--from 2019 --to 2018", wantErr: "--to 2018 is before --from 2019"},
		{argv: "--view tree", wantErr: `invalid argument "tree" for "--view"`},
		{argv: "--format csv", wantErr: "give --out PREFIX"},
		{argv: "--format png", wantErr: "must be one of graphml, gexf, json, dot, csv"},
		{argv: "--ledger l.csv --format graphml --out l.csv", wantErr: "--out l.csv is an input file"},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *BuildOptions
			c := NewCmdBuild(&Factory{IO: io}, func(o *BuildOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && !tt.check(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

// TestBuildRoundTrip builds the merged network in every format with a
// reader, reads it back with the project's readers and checks that nodes,
// node kinds and edge attributes survive; CSV keeps one row per relation.
func TestBuildRoundTrip(t *testing.T) {
	dir := t.TempDir()
	io, _, errOut := Test()
	prefix := filepath.Join(dir, "eco")
	if code := Run([]string{"build", "--include", "ledger,cases,hierarchy", "--format", "csv", "--out", prefix}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	nodes, _ := os.ReadFile(prefix + ".nodes.csv")
	edges, _ := os.ReadFile(prefix + ".edges.csv")
	nNodes, nEdges := strings.Count(string(nodes), "\n")-1, strings.Count(string(edges), "\n")-1
	if !strings.Contains(string(nodes), "\ntianjin-ssb,Tianjin State Security Bureau,state_security_organ,") ||
		!strings.Contains(string(nodes), ",ledger;cases\n") {
		t.Errorf("nodes CSV lacks the merged Tianjin bureau:\n%.400s", nodes)
	}
	for _, format := range []string{"graphml", "gexf", "json"} {
		path := filepath.Join(dir, "eco."+format)
		io, _, errOut := Test()
		if code := Run([]string{"build", "--include", "ledger,cases,hierarchy", "--format", format, "--out", path}, &Factory{IO: io}); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		f, _ := os.Open(path)
		var g *network.Graph
		var err error
		switch format {
		case "graphml":
			g, err = graphio.ReadGraphML(path, f)
		case "gexf":
			g, err = graphio.ReadGEXF(path, f)
		case "json":
			g, err = graphio.ReadNodeLink(path, f)
		}
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(g.Names) != nNodes {
			t.Errorf("%s: %d nodes, CSV has %d", format, len(g.Names), nNodes)
		}
		id, ok := g.ID("tianjin-ssb")
		if !ok || g.Attrs[id]["kind"] != "state_security_organ" || g.Attrs[id]["datasets"] != "ledger;cases" {
			t.Errorf("%s: tianjin-ssb attrs %v", format, g.Attrs[id])
		}
		relations := 0
		for k, a := range g.EdgeAttrs {
			relations += len(strings.Split(a["relations"], ";"))
			if a["type"] == "" || a["reliability"] == "" || a["sources"] == "" {
				t.Errorf("%s: edge %s>%s lacks type, grade or source: %v", format, g.Names[k[0]], g.Names[k[1]], a)
			}
		}
		if relations != nEdges {
			t.Errorf("%s: %d relations on the edges, CSV has %d rows", format, relations, nEdges)
		}
	}
	// The view and filters leave what they say.
	io, out, errOut := Test()
	if code := Run([]string{"build", "--include", "hierarchy", "--view", "hierarchy", "--format", "json"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("hierarchy: exit %d: %s", code, errOut)
	}
	var nl struct {
		Links []struct {
			Type string `json:"type"`
		} `json:"links"`
	}
	if err := json.Unmarshal(out.Bytes(), &nl); err != nil || len(nl.Links) == 0 {
		t.Fatalf("hierarchy json: %v", err)
	}
	for _, l := range nl.Links {
		if l.Type != "subordinate_of" {
			t.Errorf("hierarchy view has a %s edge", l.Type)
		}
	}
	io, _, errOut = Test()
	if code := Run([]string{"build", "--format", "csv", "--out", prefix}, &Factory{IO: io}); code != ExitError || !strings.Contains(errOut.String(), "--force") {
		t.Errorf("overwrite: exit %d, %q", code, errOut)
	}
}

func TestCasesCommands(t *testing.T) {
	io, out, errOut := Test()
	if code := Run([]string{"cases", "list", "--format", "csv"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("list: exit %d: %s", code, errOut)
	}
	// The i-SOON case: 10 defendants, 23 relations, all allegations,
	// graded from B2 to C3.
	if !strings.HasPrefix(out.String(), "id,label,kind,court,docket,date,defendants,relations,allegations,grades\n") ||
		!strings.Contains(out.String(), "\nus-v-wu-haibo,i-SOON,indictment,S.D.N.Y.,24 Cr. 687,2025-03-05,10,23,23,B2–C3\n") {
		t.Errorf("list:\n%s", out)
	}
	io, out, errOut = Test()
	if code := Run([]string{"cases", "list", "--format", "json"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("list json: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), `"allegations": 23,
    "best_grade": "B2",
    "worst_grade": "C3"`) {
		t.Errorf("list json:\n%.2000s", out)
	}
	io, out, errOut = Test()
	if code := Run([]string{"cases", "show", "us-v-zhu-hua"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("show: exit %d: %s", code, errOut)
	}
	// Every relation says whether it is an allegation.
	for _, want := range []string{"United States v. Zhu Hua", "court:     S.D.N.Y.", "Zhu Hua (朱华)",
		"  B2  alleged  Zhu Hua (朱华) —associated_with→ Tianjin State Security Bureau  [r3-doj-2018-12-20-apt10-copy; verbatim_copy]\n",
		"  B1           Zhu Hua (朱华) —charged_in→ United States v. Zhu Hua and Zhang Shilong  [r3-doj-2018-12-20-apt10-copy; verbatim_copy; also r3-ap-nzherald-2018-12-20-apt10]\n",
		"Sources\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	// A label, matched without regard to case, shows the same case.
	byID := out.String()
	io, out, errOut = Test()
	if code := Run([]string{"cases", "show", "apt10"}, &Factory{IO: io}); code != ExitOK || out.String() != byID {
		t.Errorf("show apt10: exit %d, %s", code, errOut)
	}
	io, _, errOut = Test()
	if code := Run([]string{"cases", "show", "us-v-nobody"}, &Factory{IO: io}); code != ExitUsage || !strings.Contains(errOut.String(), "us-v-zhu-hua") {
		t.Errorf("unknown case: exit %d, %q", code, errOut)
	}
	// JSON keys are snake_case, as in the rest of ecosys.
	io, out, errOut = Test()
	if code := Run([]string{"cases", "show", "i-soon", "--format", "json"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("show json: exit %d: %s", code, errOut)
	}
	for _, want := range []string{`"allegation": true`, `"date_start": `, `"corroboration": [`, `"whereabouts": "at_large_stated"`, `"status_date": "2025-03-05"`, `"origin": "`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("show json lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`"[A-Z][A-Za-z]*":`).FindString(out.String()); m != "" {
		t.Errorf("show json has the key %s, not snake_case", m)
	}
	io, out, errOut = Test()
	if code := Run([]string{"cases", "resolve", "--format", "csv", "天津市安全局", "天津市国家安全局", "Integrity Technology Group", "Wicked Panda"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("resolve: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"天津市安全局,resolved,tianjin-ssb,alias,", "天津市国家安全局,resolved,tianjin-ssb,alias,天津市国家安全局,zh,r3-wikipedia-tianjin-ssb,\n",
		"Integrity Technology Group,resolved,beijing-integrity-tech,alias,", "Wicked Panda,resolved,chengdu-404,threat_actor,Wicked Panda,,mitre-attack-g0096,APT41\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("resolve lacks %q:\n%s", want, out)
		}
	}
	// An ambiguous name lists every candidate with its source and fails.
	io, out, errOut = Test()
	if code := Run([]string{"cases", "resolve", "--format", "csv", "i-SOON", "APT31", "no such name"}, &Factory{IO: io}); code != ExitError ||
		!strings.Contains(errOut.String(), `3 of 3 names not resolved: "i-SOON" is ambiguous (anxun-shanghai, isoon); "APT31" is ambiguous (hubei-ssd, wuhan-xrz); "no such name" matches no entity, person or group`) {
		t.Errorf("ambiguous names: exit %d, %q", code, errOut)
	}
	for _, want := range []string{"i-SOON,ambiguous,anxun-shanghai,alias,i-Soon,en,r1-doj-2025-03-05-mcac,\n", "i-SOON,ambiguous,isoon,alias,i-SOON,en,nids-371,\n",
		"APT31,ambiguous,hubei-ssd,threat_actor,APT31,,mitre-attack-g0128,ZIRCONIUM\n", "APT31,ambiguous,wuhan-xrz,threat_actor,APT31,,mitre-attack-g0128,ZIRCONIUM\n",
		"no such name,unknown,,,,,,\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("resolve lacks %q:\n%s", want, out)
		}
	}
	io, out, _ = Test()
	Run([]string{"cases", "resolve", "--format", "json", "Anxun"}, &Factory{IO: io})
	var res []struct {
		Name, Status, ID string
		Candidates       []cases.Candidate
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || len(res) != 1 || res[0].Status != "ambiguous" || len(res[0].Candidates) != 2 ||
		res[0].Candidates[0].Source != "r1-ap-adg-2024-02-22" || res[0].Candidates[1].Source != "r1-usatoday-2024-02-22" {
		t.Errorf("resolve json: %v\n%s", err, out)
	}
}

// TestCasesShowAmbiguousLabel: a label that several cases share lists
// them, and the command fails (exit 1).
func TestCasesShowAmbiguousLabel(t *testing.T) {
	dir := t.TempDir()
	for _, name := range cases.Tables {
		b, err := datasets.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "cases" {
			b = []byte(strings.Replace(string(b), ",APT41 (2019 indictment),", ",APT41 / Chengdu 404,", 1))
		}
		os.WriteFile(filepath.Join(dir, name+".csv"), b, 0o644)
	}
	io, out, errOut := Test()
	code := Run([]string{"cases", "show", "--cases-dir", dir, "apt41 / chengdu 404"}, &Factory{IO: io})
	want := `ecosys: "apt41 / chengdu 404" is the label of 2 cases; give one id: us-v-jiang-lizhi (United States v. Jiang Lizhi, Qian Chuan and Fu Qiang), us-v-zhang-haoran (United States v. Zhang Haoran and Tan Dailin)`
	if code != ExitError || !strings.Contains(errOut.String(), want) || out.Len() != 0 {
		t.Errorf("exit %d, stdout %q, stderr %q, want %s", code, out, errOut, want)
	}
}

// TestCasesAmbiguousLedgerParty: a ledger of your own whose party cell is
// an ambiguous name is refused, at the cell, with the candidates.
func TestCasesAmbiguousLedgerParty(t *testing.T) {
	ledger := filepath.Join(t.TempDir(), "l.csv")
	os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny\nAnxun,天津市国家安全局,100\n"), 0o644)
	io, _, errOut := Test()
	code := Run([]string{"cases", "list", "--ledger", ledger}, &Factory{IO: io})
	want := ledger + `:2: column 1 (contractor_id): ambiguous name: it names anxun-shanghai (alias "Anxun", source r1-ap-adg-2024-02-22), isoon (alias "Anxun", source r1-usatoday-2024-02-22); write the id you mean (got "Anxun")`
	if code != ExitData || !strings.Contains(errOut.String(), want) {
		t.Errorf("exit %d, stderr %q, want %s", code, errOut, want)
	}
	os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny\nisoon,天津市国家安全局,100\n"), 0o644)
	io, _, errOut = Test()
	if code := Run([]string{"cases", "list", "--ledger", ledger}, &Factory{IO: io}); code != ExitOK || !strings.Contains(errOut.String(), `"天津市国家安全局" resolved to tianjin-ssb`) {
		t.Errorf("unambiguous names: exit %d, stderr %q", code, errOut)
	}
}

// TestCasesDirErrorsNameTheFile: an error in case data of your own names
// the file under its directory, with line and column, and exits 3.
func TestCasesDirErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range cases.Tables {
		b, err := datasets.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "relations" {
			b = []byte(strings.Replace(string(b), ",associated_with,", ",works_for,", 1))
		}
		os.WriteFile(filepath.Join(dir, name+".csv"), b, 0o644)
	}
	io, _, errOut := Test()
	code := Run([]string{"cases", "list", "--cases-dir", dir}, &Factory{IO: io})
	want := filepath.Join(dir, "relations.csv") + ":2: column 4 (type): value not allowed: unknown relation type \"works_for\""
	if code != ExitData || !strings.Contains(errOut.String(), want) {
		t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
	}
}
