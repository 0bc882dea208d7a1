package durable_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/durable"
	"github.com/corridor-kg/corridor/store/storetest"
)

// MustOpen opens a durable store in a new directory, seeded with ds, closed at the
// end of the test.
func MustOpen(tb testing.TB, ds *domain.Dataset) *durable.Store {
	tb.Helper()
	s, err := durable.Open(context.Background(), durable.Options{Path: filepath.Join(tb.TempDir(), "corridor.db"), Seed: ds})
	if err != nil {
		tb.Fatalf("durable.Open: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, ds *domain.Dataset) domain.Store { return MustOpen(t, ds) })
}

func TestExplorerContract(t *testing.T) {
	storetest.RunExplorer(t, func(t *testing.T, ds *domain.Dataset) domain.Explorer { return MustOpen(t, ds) })
}

func TestWriterContract(t *testing.T) {
	storetest.RunWriter(t, func(t *testing.T, ds *domain.Dataset) storetest.WritableStore { return MustOpen(t, ds) })
}

// TestPorts: the durable store provides every port itself, not through its
// embedded memory store (whose reads do not resolve merged IDs and which cannot
// write), so a server wired from Ports writes and keeps a trail.
func TestPorts(t *testing.T) {
	s := MustOpen(t, storetest.Fixture())
	p := s.Ports()
	if p.Store != domain.Store(s) || p.Explorer != domain.Explorer(s) || p.Writer != domain.Writer(s) ||
		p.Audit != domain.AuditLog(s) || p.Revisions != domain.Revisioner(s) {
		t.Errorf("Ports = %+v, want the durable store in every port", p)
	}
}
