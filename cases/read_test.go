package cases

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ecosys-sna/ecosys/network"
)

// readFixture reads the case fixture under testdata/good with its
// ledger. The fixture has the columns of the case data before issue 16
// (no origin, corroboration, share, whereabouts; no threat-actors): case
// data of users' own written then must still load.
func readFixture(t *testing.T) (*network.Ledger, *Data) {
	t.Helper()
	return readDir(t, "good")
}

// readDir reads the case fixture under testdata/dir with its ledger.
func readDir(t *testing.T, dir string) (*network.Ledger, *Data) {
	t.Helper()
	fsys := os.DirFS("testdata")
	eb, _ := os.ReadFile("testdata/" + dir + "/entities.csv")
	lb, _ := os.ReadFile("testdata/" + dir + "/ledger.csv")
	l, err := network.ReadLedger("ledger.csv", bytes.NewReader(lb), "entities.csv", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(fsys, dir, l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l, d
}

func TestRead(t *testing.T) {
	_, d := readFixture(t)
	if got := len(d.Organizations); got != 6 { // 3 ledger + 3 case organizations
		t.Errorf("organizations: %d, want 6", got)
	}
	if len(d.People) != 2 || len(d.Cases) != 2 || len(d.Relations) != 6 || len(d.Claims) != 1 || len(d.Defendants) != 2 {
		t.Errorf("counts: people %d cases %d relations %d claims %d defendants %d", len(d.People), len(d.Cases), len(d.Relations), len(d.Claims), len(d.Defendants))
	}
	o, ok := d.Organization("bureau")
	if !ok || o.Dataset != "ledger" {
		t.Errorf("bureau: %+v %v, want the ledger's party", o, ok)
	}
	if got := d.Chain("bureau"); len(got) != 1 || got[0] != "ministry" {
		t.Errorf("chain of bureau: %v", got)
	}
	shared := d.Shared()
	if len(shared) != 1 || shared[0].ID != "bureau" || strings.Join(shared[0].Relations, ",") != "r1,r3" {
		t.Errorf("shared: %+v, want bureau via r1, r3", shared)
	}
	for _, tc := range []struct{ name, id string }{
		{"Frontline  Company", "front-co"}, {"FRONT CO", "front-co"}, {"前 线 公 司", "front-co"},
		{"Ｆｒｏｎｔ Ｃｏ", "front-co"}, {"The Bureau", "bureau"}, {"甲", "officer-a"}, {"Qianxian Gongsi", "front-co"},
	} {
		a, ok := d.Aliases.Resolve(tc.name)
		if !ok || a.ID != tc.id {
			t.Errorf("Resolve(%q) = %+v, %v; want %s", tc.name, a, ok, tc.id)
		}
	}
	if _, ok := d.Aliases.Resolve("nobody"); ok {
		t.Error("Resolve(nobody) succeeded")
	}
	c := d.Claims[0]
	if !c.HasValue || c.Value != 12 || c.Qualifier != "at_least" {
		t.Errorf("claim: %+v", c)
	}
	// Without the columns of issue 16: every source is its own origin, no
	// corroboration, whereabouts unknown, no threat actors; the relation
	// graded A1 on one source keeps its grade (the independence rule
	// needs the corroboration column), and the status rule is not applied
	// (officer-a is at_large with unknown whereabouts).
	if s, _ := d.Source("s-news"); s.Origin != "s-news" {
		t.Errorf("origin of s-news %q, want its own id", s.Origin)
	}
	for _, r := range d.Relations {
		if r.Corroboration != nil || r.Share != 0 {
			t.Errorf("relation %s: corroboration %v, share %v", r.ID, r.Corroboration, r.Share)
		}
	}
	if x := d.Defendants[0]; x.Whereabouts != WhereaboutsUnknown || x.Status != AtLarge {
		t.Errorf("defendant %+v", x)
	}
	if len(d.ThreatActors) != 0 {
		t.Errorf("threat actors %v", d.ThreatActors)
	}
}

// TestReadIssue16Columns reads the fixture with the columns and the table
// added for issue 16: origins, corroborations, a share, whereabouts, an
// ambiguous alias, threat-actor names, owner_of and sued.
func TestReadIssue16Columns(t *testing.T) {
	l, d := readDir(t, "v2")
	if s, _ := d.Source("s-copy"); s.Origin != "s-court" {
		t.Errorf("origin of s-copy %q", s.Origin)
	}
	if got := strings.Join(d.Origins("s-court", "s-copy", "s-news", "s-wire"), " "); got != "s-court s-news orig-court-2020-01-02-release" {
		t.Errorf("origins %s", got)
	}
	if s, _ := d.Source("s-nourl"); s.URL != NoURL {
		t.Errorf("url of s-nourl %q", s.URL)
	}
	byID := map[string]Relation{}
	for _, r := range d.Relations {
		byID[r.ID] = r
	}
	if r := byID["r4"]; strings.Join(r.Corroboration, "|") != "s-news|s-wire" {
		t.Errorf("r4 corroboration %v", r.Corroboration)
	}
	if r := byID["r7"]; r.Type != OwnerOf || r.Share != 0.55 {
		t.Errorf("r7 %s share %v", r.Type, r.Share)
	}
	if r := byID["r8"]; r.Type != Sued {
		t.Errorf("r8 type %s", r.Type)
	}
	if strings.Join(d.Claims[0].Corroboration, "|") != "s-news" {
		t.Errorf("claim corroboration %v", d.Claims[0].Corroboration)
	}
	if x := d.Defendants[1]; x.Whereabouts != InCustody || x.Status != Convicted {
		t.Errorf("defendant %+v", x)
	}
	// Candidates: an alias of two ids, a threat-actor name of one
	// organization, one of two (written with and without a space), and
	// one the table flags as ambiguous.
	for _, tc := range []struct {
		name, want string // id/via/source of each candidate
		one        string // OneID, "" when it refuses
	}{
		{"frontline", "broker/alias/s-nourl front-co/alias/s-news", ""},
		{"Frontline Company", "front-co/alias/s-news", "front-co"},
		{"fixture panda", "front-co/threat_actor/s-attack", "front-co"},
		{"APT-99", "bureau/threat_actor/s-attack front-co/threat_actor/s-attack", ""},
		{"Generic Spider", "broker/threat_actor/s-attack", ""},
		{"nobody", "", ""},
	} {
		var got []string
		for _, c := range d.Resolve(tc.name) {
			got = append(got, c.ID+"/"+c.Via+"/"+c.Source)
		}
		id, ok := OneID(d.Resolve(tc.name))
		if strings.Join(got, " ") != tc.want || id != tc.one || ok != (tc.one != "") {
			t.Errorf("Resolve(%q) = %v, OneID %q %v; want %s, %q", tc.name, got, id, ok, tc.want, tc.one)
		}
	}
	// sued stays in the full meta-network and leaves the organizations
	// view; owner_of from a person is not projected.
	m, err := BuildMeta(l, d, MetaOptions{Layers: Layers})
	if err != nil {
		t.Fatal(err)
	}
	has := func(m *Meta, typ RelationType) bool {
		return slices.ContainsFunc(m.Edges, func(e MetaEdge) bool { return e.Type == typ })
	}
	if !has(m, Sued) || !has(m, OwnerOf) {
		t.Error("the full meta-network lacks sued or owner_of")
	}
	if orgs := m.Organizations(); has(orgs, Sued) || has(orgs, OwnerOf) {
		t.Errorf("the organizations view has sued or owner_of: %+v", orgs.Edges)
	}
}

// caseFS returns the good fixture with some files replaced.
func caseFS(t *testing.T, replace map[string]string) fstest.MapFS {
	t.Helper()
	return caseFSIn(t, "good", replace)
}

// caseFSIn returns the fixture testdata/dir, as directory d, with some
// files replaced ("" removes one).
func caseFSIn(t *testing.T, dir string, replace map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := os.ReadDir("testdata/" + dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile("testdata/" + dir + "/" + e.Name())
		m["d/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	for k, v := range replace {
		if v == "" {
			delete(m, "d/"+k)
			continue
		}
		m["d/"+k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

func TestReadErrors(t *testing.T) {
	l, _ := readFixture(t)
	relHeader := "id,from,to,type,date_start,date_end,case,source,locator,evidence,reliability,allegation,basis\n"
	for _, tc := range []struct {
		name    string
		replace map[string]string
		want    string
		is      error
	}{
		{"unknown endpoint", map[string]string{"relations.csv": relHeader + "r1,nobody,bureau,officer_of,,,case-1,s-court,,court_document,A2,true,x\n"},
			`d/relations.csv:2: column 2 (from): unknown id: not an organization, ledger party, person or case (got "nobody")`, ErrUnknownID},
		{"bad type", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,works_for,,,case-1,s-court,,court_document,A2,true,x\n"},
			`d/relations.csv:2: column 4 (type): value not allowed: unknown relation type "works_for" (got "works_for")`, network.ErrBadEnum},
		{"type does not fit", map[string]string{"relations.csv": relHeader + "r1,front-co,bureau,officer_of,,,case-1,s-court,,court_document,A2,true,x\n"},
			`d/relations.csv:2: column 2 (from): relation type does not fit its endpoints: company cannot be the from end of officer_of (got "front-co")`, ErrBadRelation},
		{"evidence differs from source", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,s-court,,secondary_report,A2,true,x\n"},
			`(evidence): value not allowed: source s-court is court_document`, network.ErrBadEnum},
		{"bad grade", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,s-court,,court_document,G9,true,x\n"},
			`(reliability): invalid reliability grade`, ErrBadGrade},
		{"missing citation", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,,,court_document,A2,true,x\n"},
			`(source): empty value`, network.ErrEmpty},
		{"bad date", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,2018-13,,case-1,s-court,,court_document,A2,true,x\n"},
			`(date_start): invalid date`, network.ErrBadDate},
		{"ends before start", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,2018,2017,case-1,s-court,,court_document,A2,true,x\n"},
			`ends before it starts`, network.ErrBadDate},
		{"id in two tables", map[string]string{"people.csv": "id,name\nbureau,Somebody\n"},
			`d/people.csv:2: column 1 (id): duplicate key (got "bureau") (see the ledger's entity table)`, network.ErrDuplicateKey},
		{"ambiguous alias without a source", map[string]string{"aliases.csv": "alias,id,lang\nThe Bureau,front-co,en\n"},
			`d/aliases.csv:2: column 1 (source): empty value: the name also names bureau (its own name): a name of several ids needs the source that prints it on each row (got "The Bureau")`, network.ErrEmpty},
		{"hierarchy cycle", map[string]string{"hierarchy.csv": "child,parent,basis,source,reliability\nbureau,ministry,structural,s-struct,B2\nministry,bureau,structural,s-struct,B2\n"},
			`the hierarchy has a cycle`, ErrBadRelation},
		{"relations required", map[string]string{"relations.csv": ""}, `relations.csv`, os.ErrNotExist},
		{"unknown organization", map[string]string{"hierarchy.csv": "child,parent,basis,source,reliability\nnobody,ministry,structural,s-struct,B2\n"},
			`d/hierarchy.csv:2: column 1 (child): unknown id: not an organization id (got "nobody")`, ErrUnknownID},
		{"unknown subject", map[string]string{"case-claims.csv": "id,subject,claim,statement,source,evidence,reliability\nc1,nobody,x,y,s-court,court_document,A2\n"},
			`d/case-claims.csv:2: column 2 (subject): unknown id: not an organization, case or person id (got "nobody")`, ErrUnknownID},
		{"unknown defendant", map[string]string{"defendants.csv": "case,person,status\ncase-1,nobody,charged\n"},
			`d/defendants.csv:2: column 2 (person): unknown id: not a person or organization id (got "nobody")`, ErrUnknownID},
		// The "sources" lists are checked once every table is read, and
		// their errors still name the file, line and column of the cell.
		{"unknown source of a case", map[string]string{"cases.csv": "id,title,kind,sources\ncase-1,C,indictment,s-court|nope\ndesignation-1,D,designation,\n"},
			`d/cases.csv:2: column 4 (sources): unknown id: case-1 refers to a source that is not in case-sources (got "nope")`, ErrUnknownID},
		{"unknown source of a person", map[string]string{"people.csv": "id,name,sources\nofficer-a,Officer A,s-court\nhacker-b,Hacker B,nope\n"},
			`d/people.csv:3: column 3 (sources): unknown id: hacker-b refers to a source that is not in case-sources (got "nope")`, ErrUnknownID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(caseFS(t, tc.replace), "d", l.Entities, network.ReadOptions{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain\n%s", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %v does not wrap %v", err, tc.is)
			}
		})
	}
}

// TestReadIssue16Errors feeds the rules of issue 16 rows that break them:
// the independence rule of digit 1, the URL rule, the status rule, the
// vocabularies and references of the new columns, the endpoints of
// owner_of and sued, and the threat-actors table. Each error names file,
// line, column and field.
func TestReadIssue16Errors(t *testing.T) {
	l, _ := readDir(t, "v2")
	rel := func(rows ...string) map[string]string {
		return map[string]string{"relations.csv": "id,from,to,type,date_start,date_end,case,source,locator,evidence,reliability,allegation,corroboration,basis,share\n" +
			strings.Join(rows, "\n") + "\n"}
	}
	def := func(rows ...string) map[string]string {
		return map[string]string{"defendants.csv": "case,person,role,charges,status,status_date,whereabouts,outcome,sources,notes\n" +
			strings.Join(rows, "\n") + "\n"}
	}
	src := func(row string) map[string]string {
		b, _ := os.ReadFile("testdata/v2/case-sources.csv")
		return map[string]string{"case-sources.csv": string(b) + row + "\n"}
	}
	for _, tc := range []struct {
		name    string
		replace map[string]string
		want    string
		is      error
	}{
		// (a) Independence: digit 1 needs two origins, one primary.
		{"digit 1 on one source", rel("r1,officer-a,bureau,officer_of,,,case-1,s-court,,court_document,A1,true,,x,"),
			`d/relations.csv:2: column 11 (reliability): grade breaks the grading rules: digit 1 needs two independent sources, but s-court has one origin (s-court); grade it 2 if a source is primary, else 3 (got "A1")`, ErrGradeRule},
		{"digit 1 on a copy of the same text", rel("r1,officer-a,bureau,officer_of,,,case-1,s-court,,court_document,A1,true,s-copy,x,"),
			`digit 1 needs two independent sources, but s-court, s-copy have one origin (s-court)`, ErrGradeRule},
		{"digit 1 on secondary reports only", rel("r1,officer-a,bureau,officer_of,,,case-1,s-news,,secondary_report,C1,true,s-wire,x,"),
			`d/relations.csv:2: column 11 (reliability): grade breaks the grading rules: digit 1 needs a primary source (court document, government release or verbatim copy), and none of s-news, s-wire is one (got "C1")`, ErrGradeRule},
		{"claim with digit 1 on one source", map[string]string{"case-claims.csv": "id,case,subject,claim,statement,source,evidence,reliability,corroboration\nc1,case-1,front-co,x,y,s-court,court_document,A1,\n"},
			`d/case-claims.csv:2: column 8 (reliability): grade breaks the grading rules: digit 1 needs two independent sources`, ErrGradeRule},
		// (b) URL: a source without a public URL gives at most C.
		{"letter B on a source without URL", rel("r1,front-co,broker,sued,,,,s-nourl,,secondary_report,B3,false,,x,"),
			`d/relations.csv:2: column 11 (reliability): grade breaks the grading rules: source s-nourl has no public URL (url none), which caps the letter at C (got "B3")`, ErrGradeRule},
		{"hierarchy link on a source without URL", map[string]string{"hierarchy.csv": "child,parent,basis,source,reliability\nbureau,ministry,stated,s-nourl,B2\n"},
			`d/hierarchy.csv:2: column 5 (reliability): grade breaks the grading rules: source s-nourl has no public URL`, ErrGradeRule},
		{"url neither http nor none", src("s-bad,Bad,X,2020,example.org/page,secondary_report,,s-bad,"),
			`d/case-sources.csv:9: column 5 (url): value not allowed: want an http(s) URL, or none for a text without a public address (got "example.org/page")`, network.ErrBadEnum},
		{"origin unknown", src("s-bad,Bad,X,2020,https://x.org,secondary_report,,doj-release,"),
			`d/case-sources.csv:9: column 8 (origin): unknown id: not a source id, nor a key orig-ISSUER-DATE-SLUG (got "doj-release")`, ErrUnknownID},
		{"origin a copy", src("s-bad,Bad,X,2020,https://x.org,secondary_report,,s-copy,"),
			`d/case-sources.csv:9: column 8 (origin): grade breaks the grading rules: source s-copy is not its own origin (its origin is s-court): name that origin (got "s-copy")`, ErrGradeRule},
		{"origin empty", src("s-bad,Bad,X,2020,https://x.org,secondary_report,,,"),
			`d/case-sources.csv:9: column 8 (origin): empty value`, network.ErrEmpty},
		// Corroboration and share.
		{"unknown corroboration", rel("r1,officer-a,bureau,officer_of,,,case-1,s-court,,court_document,A2,true,s-news|nope,x,"),
			`d/relations.csv:2: column 13 (corroboration): unknown id: not a source id (got "nope")`, ErrUnknownID},
		{"corroboration repeats the source", rel("r1,officer-a,bureau,officer_of,,,case-1,s-court,,court_document,A2,true,s-court,x,"),
			`d/relations.csv:2: column 13 (corroboration): duplicate key: the row's own source; list only other sources (got "s-court")`, network.ErrDuplicateKey},
		{"share above 1", rel("r1,officer-a,front-co,owner_of,,,,s-news,,secondary_report,C3,false,,x,1.5"),
			`d/relations.csv:2: column 15 (share): value not allowed: want the owned fraction, a number in (0, 1] such as 0.55 (got "1.5")`, network.ErrBadEnum},
		{"share zero", rel("r1,officer-a,front-co,owner_of,,,,s-news,,secondary_report,C3,false,,x,0"), `(share): value not allowed`, network.ErrBadEnum},
		{"share as a percentage", rel("r1,officer-a,front-co,owner_of,,,,s-news,,secondary_report,C3,false,,x,55%"), `(share): value not allowed`, network.ErrBadEnum},
		{"share on another type", rel("r1,officer-a,front-co,executive_of,,,,s-news,,secondary_report,C3,false,,x,0.5"),
			`d/relations.csv:2: column 15 (share): relation type does not fit its endpoints: a share belongs only to owner_of, not executive_of (got "0.5")`, ErrBadRelation},
		// Endpoints of the new types.
		{"owner_of from a state organ", rel("r1,bureau,front-co,owner_of,,,,s-news,,secondary_report,C3,false,,x,"),
			`d/relations.csv:2: column 2 (from): relation type does not fit its endpoints: state_security_organ cannot be the from end of owner_of (got "bureau")`, ErrBadRelation},
		{"owner_of of a state organ", rel("r1,officer-a,bureau,owner_of,,,,s-news,,secondary_report,C3,false,,x,"),
			`(to): relation type does not fit its endpoints: state_security_organ cannot be the to end of owner_of`, ErrBadRelation},
		{"sued by a person", rel("r1,officer-a,front-co,sued,,,,s-news,,secondary_report,C3,false,,x,"),
			`d/relations.csv:2: column 2 (from): relation type does not fit its endpoints: person cannot be the from end of sued (got "officer-a")`, ErrBadRelation},
		// (c) The status rule.
		{"unknown whereabouts value", def("case-1,officer-a,officer,,at_large,,fled,,s-court,"),
			`d/defendants.csv:2: column 7 (whereabouts): value not allowed: want one of at_large_stated, abroad_stated, in_custody, unknown (got "fled")`, network.ErrBadEnum},
		{"at large stated but charged", def("case-1,officer-a,officer,,charged,,at_large_stated,,s-court,"),
			`d/defendants.csv:2: column 5 (status): status breaks the status rule: whereabouts at_large_stated (never in custody, and a source says where) make the status at_large (got "charged")`, ErrStatusRule},
		{"in custody but at large", def("case-1,officer-a,officer,,at_large,,in_custody,,s-court,"),
			`(status): status breaks the status rule: a defendant who was in custody has a procedural status (arrested, pleaded_guilty, convicted, …), not at_large`, ErrStatusRule},
		{"unknown whereabouts but at large", def("case-1,officer-a,officer,,at_large,,unknown,,s-court,"),
			`(status): status breaks the status rule: whereabouts unknown (no source states custody, flight or residence abroad) make the status charged (got "at_large")`, ErrStatusRule},
		{"unknown whereabouts but convicted", def("case-1,officer-a,officer,,convicted,,,,s-court,"),
			`make the status charged (got "convicted")`, ErrStatusRule},
		// Threat actors.
		{"threat actor of an unknown organization", map[string]string{"threat-actors.csv": "name,organization,group,link_basis,source,ambiguous\nAPT1,nobody,APT1,x,s-attack,false\n"},
			`d/threat-actors.csv:2: column 2 (organization): unknown id: not an organization id (got "nobody")`, ErrUnknownID},
		{"threat actor twice", map[string]string{"threat-actors.csv": "name,organization,source\nAPT1,front-co,s-attack\napt1,front-co,s-attack\n"},
			`d/threat-actors.csv:3: column 1 (name): duplicate key (got "apt1") (see d/threat-actors.csv:2)`, network.ErrDuplicateKey},
		{"threat actor flag", map[string]string{"threat-actors.csv": "name,organization,source,ambiguous\nAPT1,front-co,s-attack,yes\n"},
			`d/threat-actors.csv:2: column 4 (ambiguous): value not allowed: want true or false (got "yes")`, network.ErrBadEnum},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(caseFSIn(t, "v2", tc.replace), "d", l.Entities, network.ReadOptions{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain\n%s", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %v does not wrap %v", err, tc.is)
			}
		})
	}
}

func TestGrade(t *testing.T) {
	for _, tc := range []struct {
		g, min string
		want   bool
	}{{"A1", "B3", true}, {"B3", "B3", true}, {"C1", "B3", false}, {"A4", "B3", false}, {"b2", "B2", true}} {
		g, err := ParseGrade(tc.g)
		if err != nil {
			t.Fatal(err)
		}
		min, _ := ParseGrade(tc.min)
		if got := g.Meets(min); got != tc.want {
			t.Errorf("%s.Meets(%s) = %v", tc.g, tc.min, got)
		}
	}
	for _, bad := range []string{"", "A", "A0", "G1", "A7", "AA", "1A", "A12"} {
		if _, err := ParseGrade(bad); err == nil {
			t.Errorf("ParseGrade(%q) succeeded", bad)
		}
	}
	if !(Grade{}).Meets(Grade{}) || (Grade{}).Meets(Grade{'A', '1'}) {
		t.Error("zero grade")
	}
}

func TestReadLedgerResolvesAliases(t *testing.T) {
	_, d := readFixture(t)
	eb, _ := os.ReadFile("testdata/good/entities.csv")
	ledger := "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,Frontline Company,the bureau,100\n2,contractor,,THE BUREAU,5\n"
	var warnings []string
	_, err := network.ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		network.ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	// front-co is a case organization, not in this entity table: the
	// alias resolves, and the ledger then names the unknown party.
	if err == nil || !strings.Contains(err.Error(), `column 3 (signatory_id): unknown entity: not in the entity table (got "front-co")`) {
		t.Fatalf("err = %v", err)
	}
	ledger = "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,,the bureau,100\n2,contractor,,THE BUREAU,5\n3,contractor,,Nobody Bureau,1\n"
	warnings = nil
	_, err = network.ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		network.ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	if err == nil {
		t.Fatal("unresolvable party accepted")
	}
	ledger = "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,,the bureau,100\n2,contractor,,THE BUREAU,5\n"
	warnings = nil
	l, err := network.ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		network.ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if l.Contracts[0].EndUser != "bureau" || l.Contracts[1].EndUser != "bureau" {
		t.Errorf("end users %q %q", l.Contracts[0].EndUser, l.Contracts[1].EndUser)
	}
	want := []string{`user.csv: "the bureau" resolved to bureau (alias "The Bureau", en) on line(s) 2`,
		`user.csv: "THE BUREAU" resolved to bureau (alias "The Bureau", en) on line(s) 3`}
	if strings.Join(warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
}
