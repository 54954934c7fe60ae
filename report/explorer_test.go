package report_test

import (
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/report"
)

// TestBuildExplorer: the report holds explorer.html, linked from
// index.html and listed in provenance.json, with both networks of the
// embedded data; the fixture's ledger is not marked as the embedded one
// (its results are not ISOONResultsOptions'), so its ties cite the
// ledger's file, ungraded.
func TestBuildExplorer(t *testing.T) {
	files, _, err := report.Build(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["explorer.html"])
	for _, want := range []string{"evidence explorer", `"id":"cases"`, `"id":"ledger"`, "天津市安全局", `"source":"isoon-ledger","locator":"rows 11"`} {
		if !strings.Contains(page, want) {
			t.Errorf("explorer.html lacks %q", want)
		}
	}
	if !strings.Contains(string(files["index.html"]), `<a href="explorer.html">Evidence explorer</a>`) {
		t.Error("index.html does not link explorer.html")
	}
	if !strings.Contains(string(files["provenance.json"]), `"path": "explorer.html"`) {
		t.Error("provenance.json does not list explorer.html")
	}
}
