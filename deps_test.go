package ecosys_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/ecosys-sna/ecosys"

// TestDependencyDirection enforces the layering of STYLE.md: cmd → {report,
// analysis, network, metrics, plots, datasets} → gonum; report → {network,
// metrics, plots, analysis}; analysis → {network, metrics and its sub-packages};
// metrics/inference → metrics/null → gonum; network, metrics and
// metrics/null → internal/compact → gonum (compact builds the flat arrays
// of them all and imports no package of the module); datasets imports
// only the standard library; metrics and plots do not import network;
// nothing imports cmd.
func TestDependencyDirection(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	forbidden := map[string][]string{
		"datasets":          {"network", "metrics", "plots", "report", "cmd"},
		"network":           {"datasets", "metrics", "plots", "report", "cmd"},
		"metrics":           {"datasets", "network", "plots", "report", "cmd"},
		"plots":             {"datasets", "network", "metrics", "report", "cmd"},
		"report":            {"datasets", "cmd"},
		"metrics/null":      {"datasets", "network", "plots", "report", "cmd", "analysis", "metrics/inference"},
		"metrics/inference": {"datasets", "network", "plots", "report", "cmd", "analysis"},
		"analysis":          {"datasets", "plots", "report", "cmd"},
		"internal/compact":  {"datasets", "network", "metrics", "plots", "report", "cmd", "analysis"},
	}
	for pkg, bad := range forbidden {
		out, err := exec.Command("go", "list", "-deps", "./"+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps ./%s: %v\n%s", pkg, err, out)
		}
		deps := strings.Fields(string(out))
		for _, d := range deps {
			for _, b := range bad {
				if d == module+"/"+b || strings.HasPrefix(d, module+"/"+b+"/") {
					t.Errorf("%s imports %s", pkg, d)
				}
			}
			if pkg == "datasets" && strings.Contains(strings.SplitN(d, "/", 2)[0], ".") && d != module+"/datasets" {
				t.Errorf("datasets imports non-standard package %s", d)
			}
			if pkg == "internal/compact" && strings.HasPrefix(d, module+"/") && d != module+"/internal/compact" {
				t.Errorf("internal/compact imports %s", d)
			}
		}
	}
	// Nothing but cmd/ecosys imports cmd.
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}: {{join .Imports " "}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ": ")
		if pkg == module+"/cmd/ecosys" {
			continue
		}
		for _, imp := range strings.Fields(imports) {
			if imp == module+"/cmd" {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
}
