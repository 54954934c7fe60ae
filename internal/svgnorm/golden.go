package svgnorm

import (
	"os"
	"path/filepath"
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
