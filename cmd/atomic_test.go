package cmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkDir fails unless dir holds exactly the named files (no temporary
// files left behind).
func checkDir(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")

	if err := writeFileAtomic(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != "one" {
		t.Errorf("content %q, want %q", got, "one")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}

	err := writeFileAtomic(path, []byte("two"), false)
	if err == nil || !errors.Is(err, fs.ErrExist) {
		t.Fatalf("overwrite without force: %v, want an fs.ErrExist error", err)
	}
	if want := path + " already exists (use --force to overwrite it)"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if got := readString(t, path); got != "one" {
		t.Errorf("refused write changed the file to %q", got)
	}

	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != "three" {
		t.Errorf("forced write: content %q", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("forced write: mode %v, want the old 0600", fi.Mode().Perm())
	}
	checkDir(t, dir, "out.csv")
}

func TestWriteFileAtomicErrors(t *testing.T) {
	dir := t.TempDir()
	for _, force := range []bool{false, true} {
		if err := writeFileAtomic(dir, []byte("x"), force); err == nil || err.Error() != dir+" is a directory" {
			t.Errorf("force=%v: writing over a directory: %v", force, err)
		}
	}
	missing := filepath.Join(dir, "nope", "out.csv")
	err := writeFileAtomic(missing, []byte("x"), false)
	if want := "cannot write " + missing + ": directory " + filepath.Dir(missing) + " does not exist"; err == nil || err.Error() != want {
		t.Errorf("missing directory: %v, want %q", err, want)
	}
	checkDir(t, dir)
}
