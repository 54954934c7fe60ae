package ecosys_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/ecosys-sna/ecosys"

// TestDependencyDirection enforces the layering of README.md (Layout):
//
//	internal/csvio → the standard library and golang.org/x/text
//	internal/numfmt → the standard library only
//	network → internal/csvio, gonum
//	graphio → network, internal/csvio, internal/compact, gonum
//	cases → network, internal/csvio, gonum
//	claims → network, cases, metrics, internal/csvio, expr-lang/expr
//	metrics/inference → metrics/null → internal/compact → gonum
//	metrics → internal/compact (which imports no package of the module)
//	analysis → network, cases, claims, graphio, metrics and its sub-packages
//	explore → network, cases, plots
//	report, cmd → what they need
//
// datasets and arrayjob import only the standard library; metrics and
// plots import none of network, cases and graphio (metrics reads compact graphs through
// an interface of its own, not by import); nothing imports cmd.
func TestDependencyDirection(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	data := []string{"network", "cases", "graphio"}
	forbidden := map[string][]string{
		"datasets":          {"network", "cases", "graphio", "metrics", "plots", "report", "analysis", "cmd", "internal"},
		"internal/csvio":    {"datasets", "network", "cases", "graphio", "metrics", "plots", "report", "analysis", "cmd", "internal/compact"},
		"network":           {"datasets", "cases", "graphio", "metrics", "plots", "report", "analysis", "cmd", "internal/compact"},
		"graphio":           {"datasets", "cases", "metrics", "plots", "report", "analysis", "cmd"},
		"cases":             {"datasets", "graphio", "metrics", "plots", "report", "analysis", "cmd", "internal/compact"},
		"metrics":           append([]string{"datasets", "plots", "report", "analysis", "cmd", "internal/csvio"}, data...),
		"plots":             append([]string{"datasets", "metrics", "report", "analysis", "cmd", "internal/csvio"}, data...),
		"metrics/null":      append([]string{"datasets", "plots", "report", "analysis", "cmd", "metrics/inference", "internal/csvio"}, data...),
		"metrics/inference": append([]string{"datasets", "plots", "report", "analysis", "cmd", "internal/csvio"}, data...),
		"internal/numfmt":   append([]string{"datasets", "metrics", "plots", "report", "analysis", "cmd", "internal/csvio", "internal/compact"}, data...),
		"internal/compact":  append([]string{"datasets", "metrics", "plots", "report", "analysis", "cmd", "internal/csvio"}, data...),
		"claims":            {"datasets", "graphio", "plots", "report", "analysis", "cmd"},
		"analysis":          {"datasets", "plots", "report", "cmd"},
		"report":            {"datasets", "cmd"},
		"explore":           {"datasets", "graphio", "metrics", "claims", "analysis", "report", "cmd"},
		"arrayjob":          {"datasets", "network", "cases", "graphio", "metrics", "plots", "report", "analysis", "claims", "cmd", "internal"},
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
			if (pkg == "datasets" || pkg == "arrayjob") && strings.Contains(strings.SplitN(d, "/", 2)[0], ".") && d != module+"/"+pkg {
				t.Errorf("%s imports non-standard package %s", pkg, d)
			}
			if pkg == "internal/csvio" && strings.Contains(strings.SplitN(d, "/", 2)[0], ".") && d != module+"/internal/csvio" && !strings.HasPrefix(d, "golang.org/x/text/") {
				t.Errorf("internal/csvio imports %s: only the standard library and golang.org/x/text", d)
			}
			if pkg == "internal/numfmt" && strings.Contains(strings.SplitN(d, "/", 2)[0], ".") && d != module+"/internal/numfmt" {
				t.Errorf("internal/numfmt imports %s: only the standard library", d)
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
