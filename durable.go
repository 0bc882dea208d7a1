package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/admin"
	"github.com/corridor-kg/corridor/internal/atomicfile"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/bolt"
	"github.com/corridor-kg/corridor/store/durable"
	"github.com/corridor-kg/corridor/store/neo4j"
)

// storeFile is the embedded store's file inside the data directory.
const storeFile = "corridor.db"

// importActor names `corridor import` in the audit trail.
const importActor = "cli:import"

// openDurable opens the embedded store in c.DataDir, loading ds into it when it
// has never been seeded.
func openDurable(ctx context.Context, c config, ds *domain.Dataset) (*durable.Store, error) {
	if err := os.MkdirAll(c.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	s, err := durable.Open(ctx, durable.Options{Path: filepath.Join(c.DataDir, storeFile), Seed: ds, SeedsDir: c.SeedsDir})
	if err != nil {
		return nil, fmt.Errorf("embedded store in %s: %w", c.DataDir, err)
	}
	return s, nil
}

// seedDurable re-syncs the bundled dataset into the embedded store without
// undoing curated edits, deletions or merges.
func seedDurable(ctx context.Context, c config, ds *domain.Dataset, stdout io.Writer) error {
	s, err := openDurable(ctx, c, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.SyncSeed(ctx, ds)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	fmt.Fprintf(stdout, "synced dataset %s into %s: %d added, %d updated, %d deleted, %d kept as curated\n",
		ds.Version, filepath.Join(c.DataDir, storeFile), res.Added, res.Updated, res.Deleted, res.Kept)
	return nil
}

// importCmd imports a JSON dataset document or CSV tables (corridor import
// <file|dir>) into the configured store, all or nothing (--dry-run: only
// validated).
func importCmd(ctx context.Context, c config, ds *domain.Dataset, stdout io.Writer) error {
	b, err := seed.ReadImport(c.Arg)
	if err != nil {
		return err
	}
	b.DryRun = c.DryRun
	st, err := openStore(ctx, c, ds)
	if err != nil {
		return err
	}
	defer st.close()
	w := st.ports.Writer
	if w == nil {
		return fmt.Errorf("import: the %s store cannot be written to", c.Store)
	}
	res, err := w.ImportBatch(ctx, importActor, b)
	if err != nil {
		return fmt.Errorf("import %s: nothing written:\n%w", c.Arg, err)
	}
	verb := "imported"
	if res.DryRun {
		verb = "checked (dry run, nothing written)"
	}
	fmt.Fprintf(stdout, "%s %s: %d added, %d replaced\n", verb, c.Arg, res.Added, res.Replaced)
	return nil
}

// adminKeyEnv holds the admin API key the CLI sends to a running server.
const adminKeyEnv = "CORRIDOR_ADMIN_KEY"

// backupCmd writes a backup of the embedded store to c.Arg through one read
// transaction. bbolt lets one process open the file, so while a server runs the
// backup is taken inside it: with --server the command downloads
// /admin/backup (admin key in CORRIDOR_ADMIN_KEY), checks the file is whole and
// only then puts it in place.
func backupCmd(ctx context.Context, c config, stdout io.Writer) error {
	if c.Server != "" {
		var n int64
		err := atomicfile.Write(c.Arg, func(w io.Writer) (err error) {
			n, err = download(ctx, c.Server, "/admin/backup", w)
			return err
		}, func(tmp string) error { return bolt.Verify(ctx, tmp) })
		if err != nil {
			return fmt.Errorf("backup from %s: %w", c.Server, err)
		}
		fmt.Fprintf(stdout, "backed up %s to %s (%d bytes, verified)\n", c.Server, c.Arg, n)
		return nil
	}
	db, err := openFile(ctx, c, "backup")
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.BackupFile(ctx, c.Arg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s (%d bytes)\n", db.Path(), c.Arg, n)
	return nil
}

// auditCmd writes the audit trail, oldest first, to c.Arg ("-" for standard
// output) as JSON lines or CSV (--format), optionally of one node (--node): from
// the store file (or Neo4j with --store neo4j), or with --server from a running
// server's /admin/audit.
func auditCmd(ctx context.Context, c config, stdout io.Writer) error {
	if c.AuditFormat != admin.FormatJSONL && c.AuditFormat != admin.FormatCSV {
		return fmt.Errorf("--format must be %s or %s, got %q", admin.FormatJSONL, admin.FormatCSV, c.AuditFormat)
	}
	out, done := stdout, func() error { return nil }
	if c.Arg != "-" {
		f, err := os.Create(c.Arg)
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		out, done = f, f.Close
	}
	var err error
	if c.Server != "" {
		q := url.Values{"format": {c.AuditFormat}}
		if c.Node != "" {
			q.Set("node", c.Node)
		}
		_, err = download(ctx, c.Server, "/admin/audit?"+q.Encode(), out)
	} else if c.Store == "neo4j" {
		var s *neo4j.Store
		if s, err = neo4j.Open(ctx, c.Neo4j); err == nil {
			err = admin.WriteAudit(ctx, out, admin.AuditPages{Log: s}, c.AuditFormat, c.Node)
			s.Close(context.Background())
		} else {
			err = fmt.Errorf("neo4j: %w", err)
		}
	} else {
		var db *bolt.DB
		if db, err = openFile(ctx, c, "audit"); err == nil {
			err = admin.WriteAudit(ctx, out, db, c.AuditFormat, c.Node)
			db.Close()
		}
	}
	if cerr := done(); err == nil {
		err = cerr
	}
	return err
}

// openFile opens the embedded store's file for a maintenance command, naming
// --server when a running server holds it.
func openFile(ctx context.Context, c config, cmd string) (*bolt.DB, error) {
	path := filepath.Join(c.DataDir, storeFile)
	if !bolt.Exists(path) {
		return nil, fmt.Errorf("%s: no store at %s", cmd, path)
	}
	db, err := bolt.Open(ctx, path, 0)
	if errors.Is(err, bolt.ErrLocked) {
		return nil, fmt.Errorf("%s: %w\na running server holds the store: use --server http://HOST:PORT with an admin key in %s", cmd, err, adminKeyEnv)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return db, nil
}

// download GETs path from a running server with the admin key and copies the
// body to w. A body shorter than its Content-Length (the server cut it off) is
// an error.
func download(ctx context.Context, server, path string, w io.Writer) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(server, "/")+path, nil)
	if err != nil {
		return 0, err
	}
	key := os.Getenv(adminKeyEnv)
	if key == "" {
		return 0, fmt.Errorf("set %s to an admin API key of the server", adminKeyEnv)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		var doc struct {
			Errors []struct{ Message string } `json:"errors"`
		}
		_ = json.NewDecoder(io.LimitReader(res.Body, 64<<10)).Decode(&doc)
		msg := res.Status
		if len(doc.Errors) > 0 {
			msg += ": " + doc.Errors[0].Message
		}
		return 0, errors.New(msg)
	}
	n, err := io.Copy(w, res.Body)
	if err != nil {
		return n, fmt.Errorf("download cut off after %d bytes: %w", n, err)
	}
	if res.ContentLength >= 0 && n != res.ContentLength {
		return n, fmt.Errorf("download cut off: %d of %d bytes", n, res.ContentLength)
	}
	return n, nil
}

// restoreCmd replaces the embedded store with the backup c.Arg (the server must
// be stopped).
func restoreCmd(ctx context.Context, c config, stdout io.Writer) error {
	if err := os.MkdirAll(c.DataDir, 0o755); err != nil {
		return fmt.Errorf("data dir: %w", err)
	}
	dst := filepath.Join(c.DataDir, storeFile)
	if err := bolt.Restore(ctx, c.Arg, dst, 0); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", dst, c.Arg)
	return nil
}
