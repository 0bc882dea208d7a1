package main

import (
	"context"
	"testing"

	"github.com/corridor-kg/corridor/seed"
)

// TestOpenStoreWiresTheEmbeddedStore: the embedded store provides every port,
// the whole-graph lister for exports and its file for backups, so the server
// mounts writes, the audit trail, the response cache and /admin/backup.
func TestOpenStoreWiresTheEmbeddedStore(t *testing.T) {
	ctx := context.Background()
	ds, err := seed.Load(ctx, seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := openStore(ctx, config{Store: "memory", DataDir: t.TempDir()}, ds)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	p := b.ports
	if p.Store == nil || p.Explorer == nil || p.Writer == nil || p.Audit == nil || p.Revisions == nil {
		t.Errorf("ports %+v: the embedded store provides them all", p)
	}
	if b.lister == nil || b.db == nil {
		t.Errorf("lister %v, db %v: the embedded store has both", b.lister, b.db)
	}
	if e := b.exportPorts(p); e.Store != p.Store || e.Explorer != p.Explorer || e.Lister != b.lister {
		t.Errorf("export ports %+v, want the store's ports and lister", e)
	}
}
