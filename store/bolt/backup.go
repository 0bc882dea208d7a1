package bolt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/corridor-kg/corridor/internal/atomicfile"
)

// Backup writes a consistent copy of the whole file to w from one read
// transaction (bbolt's tx.WriteTo): writes may go on meanwhile. size, when not
// nil, is told the copy's length before any byte is written (an HTTP handler sets
// Content-Length from it, so a cut-off download is detectable). It returns the
// number of bytes written.
func (d *DB) Backup(ctx context.Context, w io.Writer, size func(int64)) (int64, error) {
	var n int64
	err := d.db.View(func(tx *bbolt.Tx) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if size != nil {
			size(tx.Size())
		}
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("bolt: backup of %s: %w", d.path, err)
	}
	return n, nil
}

// BackupFile writes a backup to the file at path, through a temporary file
// renamed into place once complete and synced.
func (d *DB) BackupFile(ctx context.Context, path string) (int64, error) {
	var n int64
	err := atomicfile.Write(path, func(w io.Writer) (err error) {
		n, err = d.Backup(ctx, w, nil)
		return err
	}, nil)
	if err != nil {
		return n, fmt.Errorf("bolt: backup to %s: %w", path, err)
	}
	return n, nil
}

// Restore replaces the file at dst with the backup at src. The backup is first
// copied beside dst and checked (it must open as a bbolt file and pass Check);
// then it is renamed over dst in one step. No process may hold dst: Restore
// fails with ErrLocked if one does (stop the server first).
func Restore(ctx context.Context, src, dst string, timeout time.Duration) error {
	if Exists(dst) {
		// Taking the lock proves no server is using the file.
		cur, err := Open(ctx, dst, timeout)
		if err != nil {
			return fmt.Errorf("bolt: restore: %w", err)
		}
		defer cur.Close()
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("bolt: restore: %w", err)
	}
	defer in.Close()
	err = atomicfile.Write(dst, func(w io.Writer) error {
		if _, err := io.Copy(w, in); err != nil {
			return fmt.Errorf("copying %s: %w", src, err)
		}
		return nil
	}, func(tmp string) error {
		if err := Verify(ctx, tmp); err != nil {
			return fmt.Errorf("%s is not a usable backup: %w", src, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bolt: restore: %w", err)
	}
	return nil
}

// Verify opens the file at path read-only as bbolt and checks that it is whole
// (bbolt's Check) and holds Corridor data: what a backup must pass.
func Verify(ctx context.Context, path string) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	d := &DB{db: db, path: path}
	err = d.Check(ctx)
	if err == nil {
		err = db.View(func(tx *bbolt.Tx) error {
			if tx.Bucket(bucketNodes) == nil {
				return errors.New("it holds no Corridor data (no nodes bucket)")
			}
			return nil
		})
	}
	return errors.Join(err, db.Close())
}
