package svgnorm

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// CheckGolden compares got, a normalised drawing, with the golden file
// path: with update it writes got there instead (making its directory);
// otherwise a missing file is fatal and a difference an error showing the
// first differing line (Diff). regen is the command that rewrites the
// goldens, named in the messages.
func CheckGolden(t testing.TB, path, got string, update bool, regen string) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (%s writes it)", err, regen)
	}
	if got != string(want) {
		t.Errorf("%s differs (%s after looking at the figure):\n%s", path, regen, Diff(got, string(want)))
	}
}

// FigureGolden checks the drawing that svg returns, normalised, against
// the golden file path (CheckGolden). The file starts with a line naming
// the language, and for a language other than English the CJK font
// (its base name; "" means none was found): without a font the check is
// skipped, and so is a golden drawn with another font, whose glyphs
// differ.
func FigureGolden(t testing.TB, path, lang, font string, update bool, regen string, svg func() ([]byte, error)) {
	t.Helper()
	head := "lang " + lang + "\n"
	if lang != "en" {
		if font == "" {
			t.Skip("no CJK font")
		}
		head = "lang " + lang + ", font " + font + "\n"
		if want, err := os.ReadFile(path); err == nil && !update && !bytes.HasPrefix(want, []byte(head)) {
			first, _, _ := strings.Cut(string(want), "\n")
			t.Skipf("golden drawn with another font (%s); this machine has %s", first, font)
		}
	}
	b, err := svg()
	if err != nil {
		t.Fatal(err)
	}
	norm, err := Normalize(b)
	if err != nil {
		t.Fatal(err)
	}
	CheckGolden(t, path, head+norm, update, regen)
}
