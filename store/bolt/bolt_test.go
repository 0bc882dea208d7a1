package bolt_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/bolt"
	"github.com/corridor-kg/corridor/store/storetest"
)

// MustOpen opens a new file in a temporary directory, closed at the end of the test.
func MustOpen(t *testing.T) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(context.Background(), filepath.Join(t.TempDir(), "corridor.db"), 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func TestCommitAndLoadRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	ds := storetest.Fixture()
	nodes := ds.Nodes()
	if _, err := db.Commit(ctx, bolt.Batch{Put: nodes, Version: "v1", Seeded: true,
		Tombstones: []domain.Tombstone{{ID: "person:old", SurvivorID: nodes[0].NodeID()}},
		Deleted:    []string{"person:old"}}); err != nil {
		t.Fatal(err)
	}
	st, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Version != "v1" || !st.Seeded || len(st.Nodes) != len(nodes) {
		t.Fatalf("state: version %q seeded %v nodes %d, want v1 true %d", st.Version, st.Seeded, len(st.Nodes), len(nodes))
	}
	byID := map[string]domain.Node{}
	for _, n := range st.Nodes {
		byID[n.NodeID()] = n
	}
	for _, n := range nodes {
		if !reflect.DeepEqual(byID[n.NodeID()], n) {
			t.Errorf("%s: loaded %+v, stored %+v", n.NodeID(), byID[n.NodeID()], n)
		}
	}
	if st.Tombstones["person:old"] != nodes[0].NodeID() || !st.Deleted["person:old"] {
		t.Errorf("tombstones %v deleted %v", st.Tombstones, st.Deleted)
	}
	if _, err := db.Commit(ctx, bolt.Batch{Delete: []string{nodes[0].NodeID()}}); err != nil {
		t.Fatal(err)
	}
	st, _ = db.Load(ctx)
	if len(st.Nodes) != len(nodes)-1 {
		t.Errorf("after delete: %d nodes, want %d", len(st.Nodes), len(nodes)-1)
	}
	if err := db.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestOpenLockedByAnother(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corridor.db")
	db, err := bolt.Open(context.Background(), path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = bolt.Open(context.Background(), path, 50*time.Millisecond)
	if !errors.Is(err, bolt.ErrLocked) || !strings.Contains(err.Error(), "another corridor") {
		t.Errorf("second open: %v, want ErrLocked", err)
	}
}

func TestAuditPagesAndNodeFilter(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	ids := []string{"person:a", "person:ab", "person:a", "org:x", "person:a"}
	for i, id := range ids {
		e := domain.AuditEntry{Actor: "alice", Action: domain.AuditUpdate, NodeID: id, After: []byte(`{"n":` + string(rune('0'+i)) + `}`)}
		got, err := db.Commit(ctx, bolt.Batch{Audit: []domain.AuditEntry{e}})
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Seq != uint64(i+1) || got[0].Write != uint64(i+1) || got[0].At.IsZero() {
			t.Errorf("entry %d: seq %d write %d at %v", i, got[0].Seq, got[0].Write, got[0].At)
		}
	}
	collect := func(q domain.AuditQuery) []uint64 {
		var seqs []uint64
		for {
			p, err := db.Audit(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range p.Entries {
				seqs = append(seqs, e.Seq)
			}
			if !p.HasNextPage {
				return seqs
			}
			q.After = p.Cursors[len(p.Cursors)-1]
		}
	}
	if got := collect(domain.AuditQuery{First: 2}); !reflect.DeepEqual(got, []uint64{5, 4, 3, 2, 1}) {
		t.Errorf("all, pages of 2: %v", got)
	}
	if got := collect(domain.AuditQuery{First: 1, NodeID: "person:a"}); !reflect.DeepEqual(got, []uint64{5, 3, 1}) {
		t.Errorf("person:a, pages of 1: %v", got)
	}
	if got := collect(domain.AuditQuery{NodeID: "person:ab"}); !reflect.DeepEqual(got, []uint64{2}) {
		t.Errorf("person:ab: %v", got)
	}
	if got := collect(domain.AuditQuery{NodeID: "person:none"}); len(got) != 0 {
		t.Errorf("unknown node: %v", got)
	}
	if _, err := db.Audit(ctx, domain.AuditQuery{After: "bogus"}); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) != "after" {
		t.Errorf("bad cursor: %v", err)
	}
	if _, err := db.Audit(ctx, domain.AuditQuery{First: 101}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("first 101: %v", err)
	}
	var all []string
	if err := db.EachAudit(ctx, func(e domain.AuditEntry) error {
		all = append(all, fmt.Sprintf("%d:%s", e.Seq, e.NodeID))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 || all[0] != "1:person:a" || all[3] != "4:org:x" {
		t.Errorf("every entry, oldest first: %v", all)
	}
	stop := errors.New("stop")
	n := 0
	if err := db.EachAudit(ctx, func(domain.AuditEntry) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachAudit does not stop at fn's error: %v after %d", err, n)
	}
}

func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "corridor.db")
	db, err := bolt.Open(ctx, path, 0)
	if err != nil {
		t.Fatal(err)
	}
	nodes := storetest.Fixture().Nodes()
	if _, err := db.Commit(ctx, bolt.Batch{Put: nodes[:3]}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if n, err := db.BackupFile(ctx, backup); err != nil || n == 0 {
		t.Fatalf("backup: %d bytes, %v", n, err)
	}
	if _, err := db.Commit(ctx, bolt.Batch{Put: nodes[3:]}); err != nil {
		t.Fatal(err)
	}
	if err := bolt.Restore(ctx, backup, path, 50*time.Millisecond); !errors.Is(err, bolt.ErrLocked) {
		t.Errorf("restore over an open file: %v, want ErrLocked", err)
	}
	db.Close()
	if err := bolt.Restore(ctx, filepath.Join(dir, "absent.db"), path, 0); err == nil {
		t.Error("restore from a missing file succeeded")
	}
	notDB := filepath.Join(dir, "not.db")
	if err := osWrite(notDB, "hello"); err != nil {
		t.Fatal(err)
	}
	if err := bolt.Restore(ctx, notDB, path, 0); err == nil || !strings.Contains(err.Error(), "not a usable backup") {
		t.Errorf("restore from garbage: %v", err)
	}
	if err := bolt.Restore(ctx, backup, path, 0); err != nil {
		t.Fatal(err)
	}
	db, err = bolt.Open(ctx, path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Nodes) != 3 {
		t.Errorf("restored %d nodes, want the 3 of the backup", len(st.Nodes))
	}
}
