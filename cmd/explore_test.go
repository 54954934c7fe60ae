package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCmdExplore(t *testing.T) {
	tests := []struct {
		argv    string
		check   func(o *ExploreOptions) bool
		wantErr string
	}{
		{argv: "--out x.html", check: func(o *ExploreOptions) bool {
			return o.All && o.Input.Network == netLedger && o.Out == "x.html" && !o.Force && o.Seed == 1 && o.Lang == "en"
		}},
		{argv: "--out x.html --lang both", check: func(o *ExploreOptions) bool { return o.Lang == "both" }},
		{argv: "--out x.html --lang de", wantErr: `invalid argument "de" for "--lang" flag: want en, zh or both`},
		{argv: "ledger -o x.html -f --seed 7 --weight contracts", check: func(o *ExploreOptions) bool {
			return !o.All && o.Input.Network == netLedger && o.Force && o.Seed == 7 && o.Input.Weight == "contracts"
		}},
		{argv: "ledger-two-mode --out x.html", check: func(o *ExploreOptions) bool { return !o.All && o.Input.Network == netLedgerTwoMode }},
		{argv: "--edges e.csv --nodes n.csv --directed --group kind --out x.html", check: func(o *ExploreOptions) bool {
			return !o.All && o.Input.EdgesPath == "e.csv" && o.Input.Group == "kind"
		}},
		{argv: "--graph-file g.graphml --out x.html", check: func(o *ExploreOptions) bool { return !o.All && o.Input.GraphPath == "g.graphml" }},
		{argv: "", wantErr: "--out FILE is required"},
		{argv: "ledger --group province --out x.html", wantErr: "--group colours the nodes of --edges"},
		{argv: "--edges e.csv --out e.csv", wantErr: "--out e.csv is an input file"},
		{argv: "--ledger l.csv --out l.csv", wantErr: "--out l.csv is an input file"},
		{argv: "network --out x.html", wantErr: `unknown network "network"`},
		{argv: "--edges e.csv --graph-file g.gexf --out x.html", wantErr: "give one of"},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *ExploreOptions
			c := NewCmdExplore(&Factory{IO: io}, func(o *ExploreOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && !tt.check(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

// TestExploreRun writes the explorer of the embedded data twice (the same
// bytes), refuses to replace it without --force, and writes the
// explorer of an edge list with citation columns.
func TestExploreRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "explorer.html")
	run := func(args ...string) (string, ExitCode) {
		io, _, errOut := Test()
		code := Run(append([]string{"explore"}, args...), &Factory{IO: io})
		return errOut.String(), code
	}
	if msg, code := run("--out", out); code != ExitOK || !strings.Contains(msg, "Case network: 145 nodes") {
		t.Fatalf("exit %d: %s", code, msg)
	}
	first, _ := os.ReadFile(out)
	if msg, code := run("--out", out); code == ExitOK || !strings.Contains(msg, "already exists (use --force") {
		t.Errorf("replaced without --force: exit %d: %s", code, msg)
	}
	if msg, code := run("--out", out, "--force"); code != ExitOK {
		t.Fatalf("--force: exit %d: %s", code, msg)
	}
	second, _ := os.ReadFile(out)
	if !bytes.Equal(first, second) || !bytes.Contains(first, []byte("天津市安全局")) {
		t.Error("two runs wrote different pages, or the page lacks 天津市安全局")
	}
	edges := filepath.Join(dir, "e.csv")
	os.WriteFile(edges, []byte("source,target,type,source_url,reliability,date_start\na,b,tasked_by,https://example.org/x,B2,2019\nb,c,,,,\n"), 0o644)
	gout := filepath.Join(dir, "g.html")
	if msg, code := run("--edges", edges, "--directed", "--out", gout); code != ExitOK || !strings.Contains(msg, "Network: 3 nodes, 2 ties") {
		t.Fatalf("edge list: exit %d: %s", code, msg)
	}
	page, _ := os.ReadFile(gout)
	for _, want := range []string{`"type":"tasked_by","family":"direction"`, `"grade":"B2"`, `"start_year":2019`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("edge-list explorer lacks %s", want)
		}
	}
	// In Chinese: the page, and the title ecosys gives the network.
	zout := filepath.Join(dir, "g-zh.html")
	if msg, code := run("--edges", edges, "--directed", "--lang", "zh", "--out", zout); code != ExitOK || !strings.Contains(msg, "网络: 3 nodes, 2 ties") {
		t.Fatalf("edge list, --lang zh: exit %d: %s", code, msg)
	}
	page, _ = os.ReadFile(zout)
	for _, want := range []string{`<html lang="zh-Hans">`, "<legend>可靠性等级不低于</legend>", `"title":"网络"`, `"size_label":"邻居数"`, `"label":"节点"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("edge-list explorer in Chinese lacks %s", want)
		}
	}
}
