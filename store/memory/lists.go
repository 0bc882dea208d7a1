package memory

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

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

// list is a connection: its nodes in ID order, the default order field, and
// per order field the sort key of every node and the nodes' orders under it.
// Positions in nodes ("base positions") number the nodes in the per-field
// tables, so each field keeps one key per node and two permutations of int32
// instead of a copy of the entries per order.
type list struct {
	defaultField string
	nodes        []domain.Node
	// hay holds the text a text filter searches in each node (haystack).
	hay    []string
	fields map[string]*sortField
}

// sortField holds the sort keys of a list's nodes under one order field (""
// is null: keyFuncs never return an empty key) and the ascending and
// descending orders.
type sortField struct {
	keys      []string
	asc, desc sortOrder
}

// sortOrder is one sorted order of a list: perm[i] is the base position of the
// node at position i, rank the inverse.
type sortOrder struct {
	perm []int32
	rank []int32
}

// keyFunc computes the sort key of a node under one order field ("" for null);
// byLabel holds the nodes' normalised labels by ID.
type keyFunc func(byLabel map[string]string, n domain.Node) string

func dateKey(d domain.PartialDate) string { return d.Value }

func labelKey(byLabel map[string]string, n domain.Node) string { return byLabel[n.NodeID()] }

// cursorKeys returns a sort key as the key list of a cursor (nil for null).
func cursorKeys(k string) []*string {
	if k == "" {
		return []*string{nil}
	}
	return []*string{&k}
}

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
		"KIND": func(_ map[string]string, n domain.Node) string { return string(n.NodeKind()) },
	}},
	listMeetings: {"DATE", []domain.Kind{domain.KindMeeting}, map[string]keyFunc{
		"DATE":  func(_ map[string]string, n domain.Node) string { return dateKey(n.(*domain.Meeting).Date) },
		"TITLE": labelKey,
		"SEQUENCE": func(_ map[string]string, n domain.Node) string {
			if s := n.(*domain.Meeting).Sequence; s != nil {
				return fmt.Sprintf("%010d", *s)
			}
			return ""
		},
	}},
	listCommitments: {"DATE", []domain.Kind{domain.KindCommitment}, map[string]keyFunc{
		"DATE":   func(_ map[string]string, n domain.Node) string { return dateKey(n.(*domain.Commitment).Date) },
		"KIND":   func(_ map[string]string, n domain.Node) string { return string(n.(*domain.Commitment).Kind) },
		"STATUS": func(_ map[string]string, n domain.Node) string { return string(n.(*domain.Commitment).Status) },
		"STATEMENT": func(_ map[string]string, n domain.Node) string {
			return textnorm.Normalize(n.(*domain.Commitment).Statement)
		},
	}},
	listProjects: {"NAME", []domain.Kind{domain.KindProject}, map[string]keyFunc{
		"NAME":   labelKey,
		"STATUS": func(_ map[string]string, n domain.Node) string { return string(n.(*domain.Project).Status) },
	}},
	listSources: {"PUBLISHED", []domain.Kind{domain.KindSource}, map[string]keyFunc{
		"PUBLISHED": func(_ map[string]string, n domain.Node) string { return dateKey(n.(*domain.Source).Published) },
		"TITLE":     labelKey,
	}},
}

// buildLists sorts every connection under every order field and direction;
// byLabel holds the nodes' normalised labels by ID.
func (ix *index) buildLists(byLabel map[string]string) {
	ix.lists = map[listName]*list{}
	for name, spec := range listSpecs {
		var nodes []domain.Node
		for _, k := range spec.kinds {
			nodes = append(nodes, ix.byKind[k]...)
		}
		slices.SortFunc(nodes, func(a, b domain.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
		l := &list{defaultField: spec.def, nodes: slices.Clip(nodes), hay: make([]string, len(nodes)), fields: map[string]*sortField{}}
		parallelChunks(len(nodes), func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				l.hay[i] = haystack(nodes[i])
			}
		})
		for field, key := range spec.fields {
			f := &sortField{keys: make([]string, len(nodes))}
			for i, n := range nodes {
				f.keys[i] = key(byLabel, n)
			}
			f.sort()
			l.fields[field] = f
		}
		ix.lists[name] = l
	}
}

// sort fills the ascending and descending orders of f. Ascending: keys
// ascending, null last, ties by ID. Descending: keys descending, null still
// last, ties still by ID; so it lists the ascending order's runs of equal keys
// in reverse, each run as it is, then the nulls.
func (f *sortField) sort() {
	n := len(f.keys)
	asc := make([]int32, n)
	for i := range asc {
		asc[i] = int32(i)
	}
	// Base positions are in ID order, so comparing them compares IDs.
	slices.SortFunc(asc, func(a, b int32) int {
		ka, kb := f.keys[a], f.keys[b]
		switch {
		case ka == kb:
		case ka == "":
			return 1
		case kb == "":
			return -1
		default:
			return strings.Compare(ka, kb)
		}
		return cmp.Compare(a, b)
	})
	nonNull := n
	for nonNull > 0 && f.keys[asc[nonNull-1]] == "" {
		nonNull--
	}
	desc := make([]int32, 0, n)
	for end := nonNull; end > 0; {
		start := end - 1
		for start > 0 && f.keys[asc[start-1]] == f.keys[asc[end-1]] {
			start--
		}
		desc = append(desc, asc[start:end]...)
		end = start
	}
	desc = append(desc, asc[nonNull:]...)
	f.asc, f.desc = newSortOrder(asc), newSortOrder(desc)
}

func newSortOrder(perm []int32) sortOrder {
	rank := make([]int32, len(perm))
	for i, b := range perm {
		rank[b] = int32(i)
	}
	return sortOrder{perm: perm, rank: rank}
}

// base returns the base position of the node with the given ID, or false.
func (l *list) base(id string) (int32, bool) {
	i, ok := slices.BinarySearchFunc(l.nodes, id, func(n domain.Node, id string) int { return strings.Compare(n.NodeID(), id) })
	return int32(i), ok
}

// query is one connection request: the filter (hashed into cursors), an optional
// candidate set known to contain every match (nil = the whole list), and the
// predicates that decide, without the candidates, which nodes are in the
// result: match on the node, text (nil when the filter has no text) on its base
// position in the list.
type query struct {
	list       listName
	filter     any
	candidates []domain.Node
	all        bool
	match      func(domain.Node) bool
	text       func(b int32) bool
}

// narrowed reports whether a scan of the query's list, of n nodes, visits only
// the candidates. Finding each candidate's place costs a binary search, so past
// one node in narrowRatio the scan visits the whole list instead: match and
// text decide alone which nodes are in the result (the candidates only spare
// work).
func (q *query) narrowed(n int) bool { return !q.all && len(q.candidates) <= n/narrowRatio }

// narrowRatio is the share of a list (one in narrowRatio) up to which a scan
// visits only the candidates; tests change it to try both ways. Measured with a
// hub maker's commitments: at 10k nodes 4 was faster than 16 (BenchmarkCommitments
// madeBy, 73 against 97 µs), at 100k and 1M slower (BenchmarkScaleCommitmentStats
// SERIES/madeBy-hub p50, 3.2 against 2.1 ms and 92 against 29 ms): 16 favours size.
var narrowRatio = 16

// matches reports whether the node at base position b satisfies the query.
func (q *query) matches(b int32, n domain.Node) bool {
	return (q.match == nil || q.match(n)) && (q.text == nil || q.text(b))
}

// page runs a query under an order and page arguments and returns one page.
func page[T domain.Node](ctx context.Context, ix *index, q query, o domain.Order, p domain.PageArgs) (*domain.Page[T], error) {
	l := ix.lists[q.list]
	if o.Field == "" {
		o.Field = l.defaultField
	}
	f, ok := l.fields[o.Field]
	if !ok {
		return nil, domain.FieldErrorf(domain.EINVALID, "orderBy.field", "cannot order %s by %q", q.list, o.Field)
	}
	so := &f.asc
	if o.Desc {
		so = &f.desc
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
	// bases lists the base positions to visit in order.
	bases := so.perm
	if q.narrowed(len(l.nodes)) {
		bases = l.candidates(so, q.candidates)
	}
	pos := 0
	if cur != nil {
		pos = sort.Search(len(bases), func(i int) bool {
			b := bases[i]
			return domain.CompareKeys(cursorKeys(f.keys[b]), l.nodes[b].NodeID(), cur.Keys, cur.ID, o.Desc) > 0
		})
	}
	pg := &domain.Page[T]{Items: []T{}, Cursors: []string{}}
	for i, b := range bases {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("memory: listing %s: %w", q.list, err)
			}
		}
		n := l.nodes[b]
		if !q.matches(b, n) {
			continue
		}
		pg.TotalCount++
		switch {
		case i < pos:
			pg.HasPreviousPage = true
		case len(pg.Items) < p.First:
			pg.Items = append(pg.Items, n.(T))
			pg.Cursors = append(pg.Cursors, domain.Cursor{Order: o.String(), Filter: fh, Keys: cursorKeys(f.keys[b]), ID: n.NodeID()}.Encode())
		default:
			pg.HasNextPage = true
		}
	}
	return pg, nil
}

// candidates returns the base positions of the given nodes in the order so,
// without duplicates; nodes not in the list are dropped.
func (l *list) candidates(so *sortOrder, nodes []domain.Node) []int32 {
	ranks := make([]int32, 0, len(nodes))
	for _, n := range nodes {
		if b, ok := l.base(n.NodeID()); ok {
			ranks = append(ranks, so.rank[b])
		}
	}
	slices.Sort(ranks)
	ranks = slices.Compact(ranks)
	for i, r := range ranks {
		ranks[i] = so.perm[r]
	}
	return ranks
}
