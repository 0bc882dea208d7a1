package memory

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// listName names a paginated connection.
type listName string

// Connections served by the store.
const (
	listActors      listName = "actors"
	listMeetings    listName = "meetings"
	listCommitments listName = "commitments"
	listProjects    listName = "projects"
	listSources     listName = "sources"
)

// entry is one item of a sorted list with its sort keys (nil = null).
type entry struct {
	node domain.Node
	id   string
	keys []*string
}

// sortedList holds a list's items sorted under one order, and each item's position.
type sortedList struct {
	entries []entry
	rank    map[string]int
}

// list is a connection: the default order field and every sorted order ("DATE_DESC"…).
type list struct {
	defaultField string
	sorted       map[string]*sortedList
}

// keyFunc computes the sort keys of a node under one order field.
type keyFunc func(ix *index, n domain.Node) []*string

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func dateKey(d domain.PartialDate) []*string { return []*string{str(d.Value)} }

func labelKey(ix *index, n domain.Node) []*string { return []*string{str(ix.labels[n.NodeID()])} }

func normKey(s string) []*string { return []*string{str(textnorm.Normalize(s))} }

// listSpecs gives, per connection, its default field and its sort keys per field.
// Keys are strings: dates are PartialDate values, sequences zero-padded to 10 digits,
// names and titles normalised with textnorm.Normalize; unknown values are null.
var listSpecs = map[listName]struct {
	def    string
	kinds  []domain.Kind
	fields map[string]keyFunc
}{
	listActors: {"NAME", []domain.Kind{domain.KindPerson, domain.KindOrganization, domain.KindCountry}, map[string]keyFunc{
		"NAME": labelKey,
		"KIND": func(_ *index, n domain.Node) []*string { return []*string{str(string(n.NodeKind()))} },
	}},
	listMeetings: {"DATE", []domain.Kind{domain.KindMeeting}, map[string]keyFunc{
		"DATE":  func(_ *index, n domain.Node) []*string { return dateKey(n.(*domain.Meeting).Date) },
		"TITLE": labelKey,
		"SEQUENCE": func(_ *index, n domain.Node) []*string {
			if s := n.(*domain.Meeting).Sequence; s != nil {
				return []*string{str(fmt.Sprintf("%010d", *s))}
			}
			return []*string{nil}
		},
	}},
	listCommitments: {"DATE", []domain.Kind{domain.KindCommitment}, map[string]keyFunc{
		"DATE":      func(_ *index, n domain.Node) []*string { return dateKey(n.(*domain.Commitment).Date) },
		"KIND":      func(_ *index, n domain.Node) []*string { return []*string{str(string(n.(*domain.Commitment).Kind))} },
		"STATUS":    func(_ *index, n domain.Node) []*string { return []*string{str(string(n.(*domain.Commitment).Status))} },
		"STATEMENT": func(_ *index, n domain.Node) []*string { return normKey(n.(*domain.Commitment).Statement) },
	}},
	listProjects: {"NAME", []domain.Kind{domain.KindProject}, map[string]keyFunc{
		"NAME":   labelKey,
		"STATUS": func(_ *index, n domain.Node) []*string { return []*string{str(string(n.(*domain.Project).Status))} },
	}},
	listSources: {"PUBLISHED", []domain.Kind{domain.KindSource}, map[string]keyFunc{
		"PUBLISHED": func(_ *index, n domain.Node) []*string { return dateKey(n.(*domain.Source).Published) },
		"TITLE":     labelKey,
	}},
}

// buildLists sorts every connection under every order field and direction.
func (ix *index) buildLists() {
	ix.lists = map[listName]*list{}
	for name, spec := range listSpecs {
		var nodes []domain.Node
		for _, k := range spec.kinds {
			nodes = append(nodes, ix.byKind[k]...)
		}
		l := &list{defaultField: spec.def, sorted: map[string]*sortedList{}}
		for field, keys := range spec.fields {
			base := make([]entry, len(nodes))
			for i, n := range nodes {
				base[i] = entry{node: n, id: n.NodeID(), keys: keys(ix, n)}
			}
			for _, desc := range []bool{false, true} {
				es := slices.Clone(base)
				slices.SortFunc(es, func(a, b entry) int { return domain.CompareKeys(a.keys, a.id, b.keys, b.id, desc) })
				sl := &sortedList{entries: es, rank: make(map[string]int, len(es))}
				for i, e := range es {
					sl.rank[e.id] = i
				}
				l.sorted[domain.Order{Field: field, Desc: desc}.String()] = sl
			}
		}
		ix.lists[name] = l
	}
}

// query is one connection request: the filter (hashed into cursors), an optional
// candidate set known to contain every match (nil = the whole list), and the
// predicate every returned item satisfies.
type query struct {
	list       listName
	filter     any
	candidates []domain.Node
	all        bool
	match      func(domain.Node) bool
}

// page runs a query under an order and page arguments and returns one page.
func page[T domain.Node](ctx context.Context, ix *index, q query, o domain.Order, p domain.PageArgs) (*domain.Page[T], error) {
	l := ix.lists[q.list]
	if o.Field == "" {
		o.Field = l.defaultField
	}
	sl, ok := l.sorted[o.String()]
	if !ok {
		return nil, domain.FieldErrorf(domain.EINVALID, "orderBy.field", "cannot order %s by %q", q.list, o.Field)
	}
	if p.First < 0 || p.First > domain.MaxPageSize {
		return nil, domain.FieldErrorf(domain.EINVALID, "first", "first must be between 0 and %d, got %d", domain.MaxPageSize, p.First)
	}
	fh := domain.FilterHash(q.filter)
	var cur *domain.Cursor
	if p.After != "" {
		c, err := domain.DecodeCursor(p.After, o, fh)
		if err != nil {
			return nil, err
		}
		cur = c
	}
	es := sl.entries
	if !q.all {
		es = candidateEntries(sl, q.candidates)
	}
	pos := 0
	if cur != nil {
		pos = sort.Search(len(es), func(i int) bool {
			return domain.CompareKeys(es[i].keys, es[i].id, cur.Keys, cur.ID, o.Desc) > 0
		})
	}
	pg := &domain.Page[T]{Items: []T{}, Cursors: []string{}}
	for i, e := range es {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("memory: listing %s: %w", q.list, err)
			}
		}
		if q.match != nil && !q.match(e.node) {
			continue
		}
		pg.TotalCount++
		switch {
		case i < pos:
			pg.HasPreviousPage = true
		case len(pg.Items) < p.First:
			pg.Items = append(pg.Items, e.node.(T))
			pg.Cursors = append(pg.Cursors, domain.Cursor{Order: o.String(), Filter: fh, Keys: e.keys, ID: e.id}.Encode())
		default:
			pg.HasNextPage = true
		}
	}
	return pg, nil
}

// candidateEntries returns the entries of the given nodes in the list's order,
// without duplicates; nodes not in the list are dropped.
func candidateEntries(sl *sortedList, nodes []domain.Node) []entry {
	ranks := make([]int, 0, len(nodes))
	for _, n := range nodes {
		if r, ok := sl.rank[n.NodeID()]; ok {
			ranks = append(ranks, r)
		}
	}
	slices.Sort(ranks)
	ranks = slices.Compact(ranks)
	es := make([]entry, len(ranks))
	for i, r := range ranks {
		es[i] = sl.entries[r]
	}
	return es
}
