package plots_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/plots"
)

func barsFigure(t *testing.T) *plots.Figure {
	t.Helper()
	f, err := plots.ContractsByCategory("Contracts", ledgerCategories, plots.Options{Source: source, DPI: 72})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSaveFormatByExtension(t *testing.T) {
	dir := t.TempDir()
	magic := map[string]string{".svg": "<?xml", ".png": "\x89PNG", ".PDF": "%PDF"}
	for ext, m := range magic {
		p := filepath.Join(dir, "fig"+ext)
		if err := barsFigure(t).Save(p); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(b, []byte(m)) {
			t.Errorf("%s: starts %q, want %q (%v)", ext, b[:min(len(b), 8)], m, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(magic) {
		t.Errorf("dir has %d entries, want %d (temporary files left?)", len(entries), len(magic))
	}
}

func TestSaveUnknownExtension(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"fig.jpg", "fig", "fig.svg.bak"} {
		err := barsFigure(t).Save(filepath.Join(dir, name))
		if err == nil || !strings.Contains(err.Error(), "unknown extension") {
			t.Errorf("Save(%s) error = %v", name, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
}

func TestSaveAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fig.svg")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A failing render (no source line) leaves the old file alone.
	bad := barsFigure(t)
	bad.Source = ""
	if err := bad.Save(p); err == nil {
		t.Fatal("Save without source: no error")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Fatalf("file changed after a failed save: %q", b)
	}
	if err := barsFigure(t).Save(p); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !bytes.HasPrefix(b, []byte("<?xml")) {
		t.Fatal("file not replaced")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("dir has %d entries, want 1", len(entries))
	}
}

func TestDeterministic(t *testing.T) {
	for _, format := range []string{"svg", "png", "pdf"} {
		var a, b bytes.Buffer
		if err := barsFigure(t).WriteTo(&a, format); err != nil {
			t.Fatal(err)
		}
		if err := barsFigure(t).WriteTo(&b, format); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s output differs between two renders", format)
		}
	}
	n1, _ := plots.LayeredNetwork("N", smallNet(), plots.Options{Source: source, DPI: 72})
	n2, _ := plots.LayeredNetwork("N", smallNet(), plots.Options{Source: source, DPI: 72})
	var a, b bytes.Buffer
	if err := n1.WriteTo(&a, "svg"); err != nil {
		t.Fatal(err)
	}
	if err := n2.WriteTo(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("network SVG differs between two renders")
	}
}

func TestWriteToUnknownFormat(t *testing.T) {
	if err := barsFigure(t).WriteTo(&bytes.Buffer{}, "gif"); err == nil {
		t.Error("gif: no error")
	}
}
