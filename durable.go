package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/bolt"
	"github.com/corridor-kg/corridor/store/curated"
)

// storeFile is the embedded store's file inside the data directory.
const storeFile = "corridor.db"

// importActor names `corridor import` in the audit trail.
const importActor = "cli:import"

// openDurable opens the embedded store in c.DataDir, loading ds into it when it
// has never been seeded.
func openDurable(ctx context.Context, c config, ds *domain.Dataset) (*curated.Store, error) {
	if err := os.MkdirAll(c.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	s, err := curated.Open(ctx, curated.Options{Path: filepath.Join(c.DataDir, storeFile), Seed: ds, SeedsDir: c.SeedsDir})
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
// <file|dir>) into the embedded store, all or nothing.
func importCmd(ctx context.Context, c config, ds *domain.Dataset, stdout io.Writer) error {
	if c.Store != "memory" {
		return fmt.Errorf("import writes to the embedded store (--store memory)")
	}
	s, err := openDurable(ctx, c, ds)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.Import(ctx, importActor, func(stored seed.Graph) (*domain.Dataset, error) {
		return seed.LoadPath(ctx, c.Arg, stored, seed.ImportOptions{SeedsDir: c.SeedsDir})
	})
	if err != nil {
		return fmt.Errorf("import %s: nothing written:\n%w", c.Arg, err)
	}
	fmt.Fprintf(stdout, "imported %s: %d added, %d replaced\n", c.Arg, res.Added, res.Updated)
	return nil
}

// backupCmd writes a backup of the embedded store to c.Arg through one read
// transaction (bolt.DB.Backup). bbolt lets one process open the file: while a
// server runs, the backup must be taken inside it (bolt.DB.Backup serves an
// admin endpoint while writes go on); this command then fails with the lock error.
func backupCmd(ctx context.Context, c config, stdout io.Writer) error {
	path := filepath.Join(c.DataDir, storeFile)
	if !bolt.Exists(path) {
		return fmt.Errorf("backup: no store at %s", path)
	}
	db, err := bolt.Open(ctx, path, 0)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer db.Close()
	n, err := db.BackupFile(ctx, c.Arg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s (%d bytes)\n", db.Path(), c.Arg, n)
	return nil
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
