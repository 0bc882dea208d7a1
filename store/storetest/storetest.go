// Package storetest is the contract suite every domain.Store implementation
// passes unchanged (the idea of upspin's store tests): call Run from the adapter's
// own tests with a function that opens the adapter over a dataset.
//
// The suite loads Fixture and checks, as subtests:
//   - Nodes: order kept, unknown IDs nil, duplicates repeated;
//   - Related: every relation of domain.Traversals, for many parents in one call,
//     with each list's documented order (see RelationOrders), unknown parents empty,
//     unknown relations EINVALID;
//   - Filters: every field of every filter, alone and combined, and invalid input
//     (bad dates on "filter.from"/"filter.to", unknown enum values) as EINVALID;
//   - Orders: every order field of every connection in both directions, with
//     ties broken by ID and null keys last both ways; the default order per list;
//     an unknown field EINVALID on "orderBy.field";
//   - Pagination: pages of 1, 2 and 3 concatenate to the single big page (no
//     duplicates, no gaps) under every order, with repeated and null keys, with and
//     without a filter; page info and totals on every page; first = 0;
//   - Cursors: reused with another order, filter or list, or malformed, EINVALID;
//     a cursor whose item no longer exists still positions by its keys;
//   - Search: case, diacritics, hyphens, typo tolerance by word length, acronym
//     ranking, multi-word and prefix matching, kinds filter, first limit, blank text;
//   - Programmes, Pillars, Info, Ping, and concurrent reads.
//
// Sort keys compared by the suite: names, titles and statements normalised with
// textnorm.Normalize; dates as PartialDate values ("2014" < "2014-02" <
// "2014-02-10"); sequences numerically; enums as their names.
package storetest

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// Run runs the contract suite against the store open returns for the fixture.
// open may register cleanups with t.Cleanup; the store is only read.
func Run(t *testing.T, open func(t *testing.T, ds *domain.Dataset) domain.Store) {
	t.Helper()
	ds := Fixture()
	s := open(t, ds)
	if s == nil {
		t.Fatal("open returned a nil store")
	}
	t.Run("Nodes", func(t *testing.T) { testNodes(t, s) })
	t.Run("Related", func(t *testing.T) { testRelated(t, s, ds) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, s) })
	t.Run("Orders", func(t *testing.T) { testOrders(t, s, ds) })
	t.Run("Pagination", func(t *testing.T) { testPagination(t, s) })
	t.Run("Cursors", func(t *testing.T) { testCursors(t, s) })
	t.Run("Search", func(t *testing.T) { testSearch(t, s) })
	t.Run("ProgrammesAndPillars", func(t *testing.T) { testProgrammesAndPillars(t, s) })
	t.Run("Info", func(t *testing.T) { testInfo(t, s, ds) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, s) })
}

// nodeIDs returns the IDs of nodes ("<nil>" for nil ones).
func nodeIDs[T domain.Node](ns []T) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		if domain.IsNil(n) {
			out[i] = "<nil>"
			continue
		}
		out[i] = n.NodeID()
	}
	return out
}

func sorted(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// wantCode fails the test unless err carries the given domain error code (and,
// when field is not "", names that field).
func wantCode(t *testing.T, what string, err error, code, field string) {
	t.Helper()
	if got := domain.ErrorCode(err); got != code {
		t.Errorf("%s: error code %q (%v), want %q", what, got, err, code)
		return
	}
	if field != "" && domain.ErrorField(err) != field {
		t.Errorf("%s: error field %q, want %q", what, domain.ErrorField(err), field)
	}
}

func testNodes(t *testing.T, s domain.Store) {
	ctx := context.Background()
	ids := []string{"org:moit", "person:nobody", "person:yao-jing", "org:moit", "commitment:c10", "bogus"}
	ns, err := s.Nodes(ctx, ids)
	if err != nil {
		t.Fatalf("Nodes: %v", err)
	}
	want := []string{"org:moit", "<nil>", "person:yao-jing", "org:moit", "commitment:c10", "<nil>"}
	if got := nodeIDs(ns); !slices.Equal(got, want) {
		t.Fatalf("Nodes(%q) = %q, want %q", ids, got, want)
	}
	if o, ok := ns[0].(*domain.Organization); !ok || o.Acronym != "MoIT" || o.ParentID != "" || o.CountryID != "country:pakistan" {
		t.Errorf("org:moit came back as %#v", ns[0])
	}
	if c, ok := ns[4].(*domain.Commitment); !ok || c.Date.Value != "2019-11-05" || !slices.Equal(c.MadeByIDs, []string{"country:china"}) || len(c.Evidence) != 1 {
		t.Errorf("commitment:c10 came back as %#v", ns[4])
	}
	empty, err := s.Nodes(ctx, nil)
	if err != nil || len(empty) != 0 {
		t.Errorf("Nodes(nil) = %v, %v; want empty", empty, err)
	}
}

func testProgrammesAndPillars(t *testing.T, s domain.Store) {
	ctx := context.Background()
	ps, err := s.Programmes(ctx)
	if err != nil {
		t.Fatalf("Programmes: %v", err)
	}
	if got, want := nodeIDs(ps), []string{"programme:bri", "programme:cpec", "programme:digital-pakistan"}; !slices.Equal(got, want) {
		t.Errorf("Programmes = %q, want %q (by name)", got, want)
	}
	pls, err := s.Pillars(ctx)
	if err != nil {
		t.Fatalf("Pillars: %v", err)
	}
	if got, want := nodeIDs(pls), []string{"pillar:cpec-energy", "pillar:cpec-it", "pillar:dp-skills"}; !slices.Equal(got, want) {
		t.Errorf("Pillars = %q, want %q (by programme name, then number)", got, want)
	}
}

func testInfo(t *testing.T, s domain.Store, ds *domain.Dataset) {
	ctx := context.Background()
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatalf("Info: %v", err)
	}
	if info.Version != ds.Version {
		t.Errorf("Info.Version = %q, want %q", info.Version, ds.Version)
	}
	want := map[domain.Kind]int{}
	for _, n := range ds.Nodes() {
		want[n.NodeKind()]++
	}
	for _, k := range domain.Kinds {
		if info.Counts[k] != want[k] {
			t.Errorf("Info.Counts[%s] = %d, want %d", k, info.Counts[k], want[k])
		}
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

// testConcurrent runs reads from several goroutines (meaningful under -race).
func testConcurrent(t *testing.T, s domain.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 8 {
		wg.Go(func() {
			for range 10 {
				if _, err := s.Search(ctx, domain.SearchQuery{Text: "corridor"}); err != nil {
					errs <- err
				}
				if _, err := s.Commitments(ctx, domain.CommitmentFilter{}, domain.Order{}, domain.PageArgs{First: 3}); err != nil {
					errs <- err
				}
				if _, err := s.Related(ctx, []string{"country:pakistan"}, domain.TraverseCommitmentsMade); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent read: %v", err)
	}
}
