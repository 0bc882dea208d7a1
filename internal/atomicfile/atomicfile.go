// Package atomicfile writes files that readers see whole or not at all: the
// bytes go to a temporary file beside the target, which is synced, optionally
// checked, and only then renamed over the target.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write writes the file at path through fill. The temporary file fill writes to
// is synced and closed, then check (when not nil) is given its name, and only if
// all of that succeeded is it renamed over path. On any error path is left as
// it was and the temporary file is removed.
func Write(path string, fill func(w io.Writer) error, check func(tmpName string) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // nothing left to remove after the rename
	err = fill(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && check != nil {
		err = check(tmp.Name())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return err
}
