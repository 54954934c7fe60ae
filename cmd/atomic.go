package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// existsError is returned when a file would be overwritten without --force.
type existsError struct{ path string }

func (e *existsError) Error() string {
	return fmt.Sprintf("%s already exists (use --force to overwrite it)", e.path)
}

// Unwrap returns fs.ErrExist, for errors.Is.
func (e *existsError) Unwrap() error { return fs.ErrExist }

// writeFileAtomic writes data to path so that path holds either its old
// content or all of data, never part of it: it writes a temporary file in the
// same directory, syncs it and renames it into place. Unless force is set, it
// refuses to replace an existing path, with an error that names it and
// mentions --force (and errors.Is(err, fs.ErrExist)). It never replaces a
// directory. A new file gets mode 0644; a replaced file keeps its mode. The
// directory must exist.
func writeFileAtomic(path string, data []byte, force bool) error {
	return writeAtomic(path, force, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic is writeFileAtomic for content that write streams to the
// temporary file, so that a large file need not be held in memory. An
// error of write leaves path as it was.
func writeAtomic(path string, force bool, write func(io.Writer) error) (err error) {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s is a directory", path)
		}
		if !force {
			return &existsError{path}
		}
		mode = fi.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
			return fmt.Errorf("cannot write %s: directory %s does not exist", path, dir)
		}
		return writeError(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return writeError(path, err)
	}
	if err = bw.Flush(); err != nil {
		return writeError(path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return writeError(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return writeError(path, err)
	}
	if err = tmp.Close(); err != nil {
		return writeError(path, err)
	}
	if force {
		err = os.Rename(tmp.Name(), path)
	} else {
		// A hard link fails if path appeared since the check above, where
		// a rename would silently replace it.
		err = os.Link(tmp.Name(), path)
		if errors.Is(err, fs.ErrExist) {
			err = &existsError{path}
		} else if err != nil {
			err = os.Rename(tmp.Name(), path) // file system without hard links
		} else {
			os.Remove(tmp.Name())
		}
	}
	if err != nil {
		var existsErr *existsError
		if errors.As(err, &existsErr) {
			return err
		}
		return writeError(path, err)
	}
	syncDir(dir)
	return nil
}

// writeError reports a failure to write path. It drops the operation and
// file name of an *fs.PathError, which name the temporary file.
func writeError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// syncDir flushes a directory entry to disk after a rename, where the
// operating system supports it. Failure is not an error: the data is safe,
// only the name might not survive a crash.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
