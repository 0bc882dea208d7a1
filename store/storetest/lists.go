package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// pageResult is a connection page with its items reduced to IDs.
type pageResult struct {
	ids, cursors         []string
	hasNext, hasPrevious bool
	total                int
}

// lister drives one connection of the Store generically.
type lister struct {
	name string
	// fields lists the order fields; the first is the default.
	fields []string
	// fetch lists with the given filter (nil = the empty filter of the list).
	fetch func(ctx context.Context, s domain.Store, filter any, o domain.Order, p domain.PageArgs) (pageResult, error)
	// nodes returns the fixture's items of the list.
	nodes func(ds *domain.Dataset) []domain.Node
	// key returns an item's expected sort key under a field (nil = null).
	key func(n domain.Node, field string) *string
}

func toResult[T domain.Node](p *domain.Page[T], err error) (pageResult, error) {
	if err != nil {
		return pageResult{}, err
	}
	if len(p.Items) != len(p.Cursors) {
		return pageResult{}, fmt.Errorf("page has %d items but %d cursors", len(p.Items), len(p.Cursors))
	}
	return pageResult{ids: nodeIDs(p.Items), cursors: p.Cursors, hasNext: p.HasNextPage, hasPrevious: p.HasPreviousPage, total: p.TotalCount}, nil
}

// filterOr returns filter as a T, or T's zero value when filter is nil.
func filterOr[T any](filter any) T {
	if filter == nil {
		var zero T
		return zero
	}
	return filter.(T)
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func norm(s string) *string { return nonEmpty(textnorm.Normalize(s)) }

func seqKey(seq *int) *string {
	if seq == nil {
		return nil
	}
	k := fmt.Sprintf("%010d", *seq)
	return &k
}

func asNodes[T domain.Node](xs []T) []domain.Node {
	out := make([]domain.Node, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

var listers = []lister{
	{
		name:   "actors",
		fields: []string{"NAME", "KIND"},
		fetch: func(ctx context.Context, s domain.Store, f any, o domain.Order, p domain.PageArgs) (pageResult, error) {
			return toResult(s.Actors(ctx, filterOr[domain.ActorFilter](f), o, p))
		},
		nodes: func(ds *domain.Dataset) []domain.Node {
			return slices.Concat(asNodes(ds.Persons), asNodes(ds.Organizations), asNodes(ds.Countries))
		},
		key: func(n domain.Node, field string) *string {
			if field == "KIND" {
				return nonEmpty(string(n.NodeKind()))
			}
			return norm(n.Label())
		},
	},
	{
		name:   "meetings",
		fields: []string{"DATE", "TITLE", "SEQUENCE"},
		fetch: func(ctx context.Context, s domain.Store, f any, o domain.Order, p domain.PageArgs) (pageResult, error) {
			return toResult(s.Meetings(ctx, filterOr[domain.MeetingFilter](f), o, p))
		},
		nodes: func(ds *domain.Dataset) []domain.Node { return asNodes(ds.Meetings) },
		key: func(n domain.Node, field string) *string {
			m := n.(*domain.Meeting)
			switch field {
			case "TITLE":
				return norm(m.Title)
			case "SEQUENCE":
				return seqKey(m.Sequence)
			}
			return nonEmpty(m.Date.Value)
		},
	},
	{
		name:   "commitments",
		fields: []string{"DATE", "KIND", "STATUS", "STATEMENT"},
		fetch: func(ctx context.Context, s domain.Store, f any, o domain.Order, p domain.PageArgs) (pageResult, error) {
			return toResult(s.Commitments(ctx, filterOr[domain.CommitmentFilter](f), o, p))
		},
		nodes: func(ds *domain.Dataset) []domain.Node { return asNodes(ds.Commitments) },
		key: func(n domain.Node, field string) *string {
			c := n.(*domain.Commitment)
			switch field {
			case "KIND":
				return nonEmpty(string(c.Kind))
			case "STATUS":
				return nonEmpty(string(c.Status))
			case "STATEMENT":
				return norm(c.Statement)
			}
			return nonEmpty(c.Date.Value)
		},
	},
	{
		name:   "projects",
		fields: []string{"NAME", "STATUS"},
		fetch: func(ctx context.Context, s domain.Store, f any, o domain.Order, p domain.PageArgs) (pageResult, error) {
			return toResult(s.Projects(ctx, filterOr[domain.ProjectFilter](f), o, p))
		},
		nodes: func(ds *domain.Dataset) []domain.Node { return asNodes(ds.Projects) },
		key: func(n domain.Node, field string) *string {
			p := n.(*domain.Project)
			if field == "STATUS" {
				return nonEmpty(string(p.Status))
			}
			return norm(p.Name)
		},
	},
	{
		name:   "sources",
		fields: []string{"PUBLISHED", "TITLE"},
		fetch: func(ctx context.Context, s domain.Store, f any, o domain.Order, p domain.PageArgs) (pageResult, error) {
			return toResult(s.Sources(ctx, filterOr[domain.SourceFilter](f), o, p))
		},
		nodes: func(ds *domain.Dataset) []domain.Node { return asNodes(ds.Sources) },
		key: func(n domain.Node, field string) *string {
			src := n.(*domain.Source)
			if field == "TITLE" {
				return norm(src.Title)
			}
			return nonEmpty(src.Published.Value)
		},
	},
}

// expectedOrder sorts the fixture items as the suite expects: known keys before
// null ones in both directions, keys ascending or descending, ties by ID ascending.
func expectedOrder(l lister, ds *domain.Dataset, o domain.Order) []string {
	ns := l.nodes(ds)
	slices.SortFunc(ns, func(a, b domain.Node) int {
		ka, kb := l.key(a, o.Field), l.key(b, o.Field)
		switch {
		case ka == nil && kb != nil:
			return 1
		case ka != nil && kb == nil:
			return -1
		case ka != nil && kb != nil && *ka != *kb:
			if o.Desc {
				return strings.Compare(*kb, *ka)
			}
			return strings.Compare(*ka, *kb)
		}
		return cmp.Compare(a.NodeID(), b.NodeID())
	})
	return nodeIDs(ns)
}

func orders(l lister) []domain.Order {
	var os []domain.Order
	for _, f := range l.fields {
		os = append(os, domain.Order{Field: f}, domain.Order{Field: f, Desc: true})
	}
	return os
}

func testOrders(t *testing.T, s domain.Store, ds *domain.Dataset) {
	ctx := context.Background()
	for _, l := range listers {
		t.Run(l.name, func(t *testing.T) {
			for _, o := range orders(l) {
				got, err := l.fetch(ctx, s, nil, o, domain.PageArgs{First: domain.MaxPageSize})
				if err != nil {
					t.Fatalf("%s %s: %v", l.name, o, err)
				}
				if want := expectedOrder(l, ds, o); !slices.Equal(got.ids, want) {
					t.Errorf("%s ordered by %s = %q, want %q", l.name, o, got.ids, want)
				}
				if got.total != len(got.ids) || got.hasNext || got.hasPrevious {
					t.Errorf("%s %s: total %d, hasNext %v, hasPrevious %v for a single full page of %d",
						l.name, o, got.total, got.hasNext, got.hasPrevious, len(got.ids))
				}
			}
			def, err := l.fetch(ctx, s, nil, domain.Order{}, domain.PageArgs{First: domain.MaxPageSize})
			if err != nil {
				t.Fatalf("%s default order: %v", l.name, err)
			}
			if want := expectedOrder(l, ds, domain.Order{Field: l.fields[0]}); !slices.Equal(def.ids, want) {
				t.Errorf("%s default order = %q, want %s ascending %q", l.name, def.ids, l.fields[0], want)
			}
			_, err = l.fetch(ctx, s, nil, domain.Order{Field: "SHOE_SIZE"}, domain.PageArgs{First: 10})
			wantCode(t, l.name+" ordered by an unknown field", err, domain.EINVALID, "orderBy.field")
		})
	}
}

// paginationFilters gives, per list, a filter under which pagination is checked
// besides the empty one.
var paginationFilters = map[string]any{
	"actors":      domain.ActorFilter{Kinds: []domain.Kind{domain.KindOrganization, domain.KindPerson}},
	"meetings":    domain.MeetingFilter{Series: ptr("JCC")},
	"commitments": domain.CommitmentFilter{Kinds: []domain.CommitmentKind{domain.CommitmentPledge, domain.CommitmentDecision}},
	"projects":    domain.ProjectFilter{ProgrammeID: ptr("programme:cpec")},
	"sources":     domain.SourceFilter{Text: ptr("i")},
}

func ptr[T any](v T) *T { return &v }

// walk collects every page of size n, checking page info along the way.
func walk(t *testing.T, s domain.Store, l lister, filter any, o domain.Order, n int, total int) []string {
	t.Helper()
	ctx := context.Background()
	var all []string
	after := ""
	for page := 0; ; page++ {
		if page > total+1 {
			t.Fatalf("%s %s size %d: more pages than items", l.name, o, n)
		}
		got, err := l.fetch(ctx, s, filter, o, domain.PageArgs{First: n, After: after})
		if err != nil {
			t.Fatalf("%s %s size %d page %d: %v", l.name, o, n, page, err)
		}
		if got.total != total {
			t.Errorf("%s %s size %d page %d: totalCount %d, want %d", l.name, o, n, page, got.total, total)
		}
		if len(got.ids) > n {
			t.Fatalf("%s %s size %d page %d: %d items", l.name, o, n, page, len(got.ids))
		}
		if got.hasPrevious != (page > 0) {
			t.Errorf("%s %s size %d page %d: hasPreviousPage %v", l.name, o, n, page, got.hasPrevious)
		}
		all = append(all, got.ids...)
		if got.hasNext != (len(all) < total) {
			t.Errorf("%s %s size %d page %d: hasNextPage %v with %d of %d seen", l.name, o, n, page, got.hasNext, len(all), total)
		}
		if !got.hasNext || len(got.ids) == 0 {
			return all
		}
		after = got.cursors[len(got.cursors)-1]
	}
}

func testPagination(t *testing.T, s domain.Store) {
	ctx := context.Background()
	for _, l := range listers {
		t.Run(l.name, func(t *testing.T) {
			for _, filter := range []any{nil, paginationFilters[l.name]} {
				for _, o := range orders(l) {
					full, err := l.fetch(ctx, s, filter, o, domain.PageArgs{First: domain.MaxPageSize})
					if err != nil {
						t.Fatalf("%s %s: %v", l.name, o, err)
					}
					if filter != nil && len(full.ids) < 3 {
						t.Fatalf("pagination filter for %s matches only %d items", l.name, len(full.ids))
					}
					for _, n := range []int{1, 2, 3} {
						got := walk(t, s, l, filter, o, n, len(full.ids))
						if !slices.Equal(got, full.ids) {
							t.Errorf("%s %s filter %+v, pages of %d = %q, want %q", l.name, o, filter, n, got, full.ids)
						}
					}
				}
			}
			zero, err := l.fetch(ctx, s, nil, domain.Order{}, domain.PageArgs{First: 0})
			if err != nil {
				t.Fatalf("first 0: %v", err)
			}
			if len(zero.ids) != 0 || zero.total == 0 || !zero.hasNext || zero.hasPrevious {
				t.Errorf("%s first 0: %d items, total %d, hasNext %v, hasPrevious %v; want none, all, true, false",
					l.name, len(zero.ids), zero.total, zero.hasNext, zero.hasPrevious)
			}
		})
	}
}

func testCursors(t *testing.T, s domain.Store) {
	ctx := context.Background()
	commitments := listers[2]
	first, err := commitments.fetch(ctx, s, nil, domain.Order{Field: "DATE"}, domain.PageArgs{First: 2})
	if err != nil || len(first.cursors) != 2 {
		t.Fatalf("first page: %v, %d cursors", err, len(first.cursors))
	}
	cur := first.cursors[1]
	t.Run("OtherOrder", func(t *testing.T) {
		for _, o := range []domain.Order{{Field: "DATE", Desc: true}, {Field: "KIND"}} {
			_, err := commitments.fetch(ctx, s, nil, o, domain.PageArgs{First: 2, After: cur})
			wantCode(t, "cursor reused with order "+o.String(), err, domain.EINVALID, "after")
		}
	})
	t.Run("OtherFilter", func(t *testing.T) {
		f := domain.CommitmentFilter{Statuses: []domain.CommitmentStatus{domain.StatusAgreed}}
		_, err := commitments.fetch(ctx, s, f, domain.Order{Field: "DATE"}, domain.PageArgs{First: 2, After: cur})
		wantCode(t, "cursor reused with another filter", err, domain.EINVALID, "after")
	})
	t.Run("OtherList", func(t *testing.T) {
		_, err := listers[1].fetch(ctx, s, nil, domain.Order{Field: "DATE"}, domain.PageArgs{First: 2, After: cur})
		wantCode(t, "commitment cursor used for meetings", err, domain.EINVALID, "after")
	})
	t.Run("Malformed", func(t *testing.T) {
		for _, bad := range []string{"not a cursor!", "e30", "bm9wZQ", cur[:len(cur)/2]} {
			_, err := commitments.fetch(ctx, s, nil, domain.Order{Field: "DATE"}, domain.PageArgs{First: 2, After: bad})
			wantCode(t, fmt.Sprintf("malformed cursor %q", bad), err, domain.EINVALID, "after")
		}
	})
	t.Run("SameCursorSamePage", func(t *testing.T) {
		a, errA := commitments.fetch(ctx, s, nil, domain.Order{Field: "DATE"}, domain.PageArgs{First: 3, After: cur})
		b, errB := commitments.fetch(ctx, s, nil, domain.Order{Field: "DATE"}, domain.PageArgs{First: 3, After: cur})
		if errA != nil || errB != nil || !slices.Equal(a.ids, b.ids) || len(a.ids) != 3 {
			t.Errorf("cursor replay: %q (%v) vs %q (%v)", a.ids, errA, b.ids, errB)
		}
	})
	// A cursor positions by its keys, not by looking its item up: the item may have
	// been deleted since. These cursors name items that do not exist.
	t.Run("MissingItem", func(t *testing.T) {
		hash := domain.FilterHash(domain.CommitmentFilter{})
		cases := []struct {
			name string
			c    domain.Cursor
			want []string
		}{
			{"between equal dates", domain.Cursor{Order: "DATE_ASC", Filter: hash, Keys: []*string{ptr("2016-05-10")}, ID: "commitment:c025"},
				[]string{"commitment:c03", "commitment:c12", "commitment:c07"}},
			{"among nulls", domain.Cursor{Order: "DATE_ASC", Filter: hash, Keys: []*string{nil}, ID: "commitment:c06"},
				[]string{"commitment:c08", "commitment:c09"}},
			{"descending into nulls", domain.Cursor{Order: "DATE_DESC", Filter: hash, Keys: []*string{ptr("2013-01-01")}, ID: "commitment:c00"},
				[]string{"commitment:c05", "commitment:c08", "commitment:c09"}},
		}
		for _, c := range cases {
			o := domain.Order{Field: "DATE", Desc: strings.HasSuffix(c.c.Order, "_DESC")}
			got, err := commitments.fetch(ctx, s, nil, o, domain.PageArgs{First: 3, After: c.c.Encode()})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if !slices.Equal(got.ids, c.want) || !got.hasPrevious {
				t.Errorf("%s: page %q (hasPrevious %v), want %q (true)", c.name, got.ids, got.hasPrevious, c.want)
			}
		}
	})
}
