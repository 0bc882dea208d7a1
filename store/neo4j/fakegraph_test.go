package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/memory"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// fakeGraph answers the adapter's read statements as Neo4j would over a dataset
// seeded by the adapter, with records built from the driver's own types
// (projection in helpers_test.go). Relations, programmes and pillars take their
// answers (and orders) from the memory store, the reference implementation; lists
// are evaluated here from the statement's whitelisted order and the keyset
// parameters, exactly as list.cypher and fragments/after.cypher describe; search
// returns every node as a candidate, so the adapter's own ranking is what is
// tested. It understands the filter parameters the tests use and fails the test
// on any other, rather than answering wrongly.
type fakeGraph struct {
	t    testing.TB
	ds   *domain.Dataset
	mem  *memory.Store
	byID map[string]domain.Node
	// proj holds each node's projection, built once (projection is not safe for
	// concurrent use and the handler's loaders run concurrently).
	proj map[string]map[string]any
	// adj holds the stored relationships of each node, both directions
	// (fakegraph_explore_test.go).
	adj map[string][]fakeRel
}

func newFakeGraph(t testing.TB, ds *domain.Dataset) *fakeGraph {
	t.Helper()
	mem, err := memory.New(ds)
	if err != nil {
		t.Fatalf("memory.New: %v", err)
	}
	g := &fakeGraph{t: t, ds: ds, mem: mem, byID: map[string]domain.Node{}, proj: map[string]map[string]any{}}
	rnd := rand.New(rand.NewPCG(7, 8))
	for _, n := range ds.Nodes() {
		g.byID[n.NodeID()] = n
		g.proj[n.NodeID()] = projection(n, rnd)
	}
	g.adj = relationships(ds)
	return g
}

// openFake returns a Store over the fake graph of ds and the runner recording its calls.
func openFake(t *testing.T, ds *domain.Dataset) (*Store, *fakeRunner, *fakeGraph) {
	g := newFakeGraph(t, ds)
	s, f := newFake(t, g.respond)
	return s, f, g
}

func (g *fakeGraph) projections(ns []domain.Node) []any {
	out := make([]any, 0, len(ns))
	for _, n := range ns {
		out = append(out, g.proj[n.NodeID()])
	}
	return out
}

func idsParam(c call) []string {
	ids, _ := c.params["ids"].([]string)
	return ids
}

func (g *fakeGraph) respond(c call) ([]*neo4j.Record, error) {
	ctx := context.Background()
	name := nameOf(c.stmt)
	switch {
	case name == "nodes":
		var out []*neo4j.Record
		for _, id := range idsParam(c) {
			if _, ok := g.byID[id]; ok {
				out = append(out, rec("id", id, "node", g.proj[id]))
			}
		}
		return out, nil
	case strings.HasPrefix(name, "related."):
		for _, r := range domain.Traversals {
			if relatedStatementName(r) != name {
				continue
			}
			ids := idsParam(c)
			lists, err := g.mem.Related(ctx, ids, r)
			if err != nil {
				return nil, err
			}
			var out []*neo4j.Record
			for i, id := range ids {
				if _, ok := g.byID[id]; ok {
					out = append(out, rec("id", id, "children", g.projections(lists[i])))
				}
			}
			return out, nil
		}
	case name == "programmes":
		ps, err := g.mem.Programmes(ctx)
		if err != nil {
			return nil, err
		}
		return []*neo4j.Record{rec("nodes", g.projections(asNodes(ps)))}, nil
	case name == "pillars":
		ps, err := g.mem.Pillars(ctx)
		if err != nil {
			return nil, err
		}
		return []*neo4j.Record{rec("nodes", g.projections(asNodes(ps)))}, nil
	case name == "info":
		kv := []any{"version", g.ds.Version}
		counts := map[domain.Kind]int64{}
		var evidence int64
		for _, n := range g.ds.Nodes() {
			counts[n.NodeKind()]++
			evidence += int64(len(encode(n).evidence))
		}
		for _, k := range domain.Kinds {
			kv = append(kv, string(k), counts[k])
		}
		kv = append(kv, "evidence", evidence, "relationships", int64(0))
		return []*neo4j.Record{rec(kv...)}, nil
	case name == "search":
		limit, _ := c.params["limit"].(int64)
		var out []*neo4j.Record
		for _, n := range g.ds.Nodes() {
			if int64(len(out)) == limit {
				break
			}
			out = append(out, rec("score", 1.0, "node", g.proj[n.NodeID()]))
		}
		return out, nil
	case strings.HasPrefix(name, "list."):
		return g.list(name, c.params)
	case strings.HasPrefix(name, "explore."):
		return g.explore(name, c.params)
	}
	g.t.Errorf("fake graph: no answer for statement %s", name)
	return nil, fmt.Errorf("fake graph: no answer for %s", name)
}

func asNodes[T domain.Node](xs []T) []domain.Node {
	out := make([]domain.Node, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// listKinds are the kinds each connection's MATCH reads.
var listKinds = map[string][]domain.Kind{
	"actors":      {domain.KindPerson, domain.KindOrganization, domain.KindCountry},
	"meetings":    {domain.KindMeeting},
	"commitments": {domain.KindCommitment},
	"projects":    {domain.KindProject},
	"sources":     {domain.KindSource},
}

// filterParams lists the parameters of each connection's filter, with the Go
// predicate the fake applies for the ones it understands (nil: must be null).
func (g *fakeGraph) filterPredicate(list, param string, v any) (func(n domain.Node) bool, bool) {
	str, _ := v.(string)
	strs, _ := v.([]string)
	switch list + "." + param {
	case "actors.kinds":
		return func(n domain.Node) bool { return slices.Contains(strs, label(n.NodeKind())) }, true
	case "meetings.series":
		return func(n domain.Node) bool { return n.(*domain.Meeting).Series == str }, true
	case "commitments.meetingId":
		return func(n domain.Node) bool { return n.(*domain.Commitment).MadeAtID == str }, true
	case "commitments.kinds":
		return func(n domain.Node) bool { return slices.Contains(strs, string(n.(*domain.Commitment).Kind)) }, true
	case "commitments.statuses":
		return func(n domain.Node) bool { return slices.Contains(strs, string(n.(*domain.Commitment).Status)) }, true
	case "commitments.madeById":
		return func(n domain.Node) bool { return slices.Contains(g.linked(n.NodeID(), domain.RelMade, false), str) }, true
	case "commitments.madeToId":
		return func(n domain.Node) bool { return slices.Contains(g.linked(n.NodeID(), domain.RelMadeTo, true), str) }, true
	case "commitments.series":
		return func(n domain.Node) bool {
			return slices.ContainsFunc(g.linkedKind(n.NodeID(), domain.RelMadeAt, true, domain.KindMeeting),
				func(m string) bool { return g.props(m)["series"] == str })
		}, true
	case "commitments.concernsId", "commitments.projectId":
		return func(n domain.Node) bool { return slices.Contains(g.linked(n.NodeID(), domain.RelConcerns, true), str) }, true
	case "commitments.pillarId":
		return func(n domain.Node) bool {
			return slices.ContainsFunc(g.linked(n.NodeID(), domain.RelConcerns, true), func(c string) bool {
				return c == str || slices.Contains(g.linkedKind(c, domain.RelInPillar, true, domain.KindPillar), str)
			})
		}, true
	case "commitments.programmeId":
		return func(n domain.Node) bool {
			return slices.ContainsFunc(g.linked(n.NodeID(), domain.RelConcerns, true), func(c string) bool {
				if c == str || slices.Contains(g.linkedKind(c, domain.RelInProgramme, true, domain.KindProgramme), str) ||
					slices.Contains(g.linkedKind(c, domain.RelPillarOf, true, domain.KindProgramme), str) {
					return true
				}
				return slices.ContainsFunc(g.linkedKind(c, domain.RelInPillar, true, domain.KindPillar), func(p string) bool {
					return slices.Contains(g.linkedKind(p, domain.RelPillarOf, true, domain.KindProgramme), str)
				})
			})
		}, true
	case "commitments.from":
		return func(n domain.Node) bool { e, ok := g.props(n.NodeID())["dateEnd"].(string); return ok && e >= str }, true
	case "commitments.to":
		return func(n domain.Node) bool { b, ok := g.props(n.NodeID())["dateStart"].(string); return ok && b <= str }, true
	case "sources.publisher":
		return func(n domain.Node) bool { return n.(*domain.Source).Publisher == str }, true
	}
	return nil, false
}

// sortKey evaluates a whitelisted order key on a node's stored properties.
func sortKey(key orderKey, n domain.Node, props map[string]any) any {
	if prop, ok := strings.CutPrefix(key.expr, "n."); ok {
		return props[prop]
	}
	return string(n.NodeKind()) // the actors' KIND case expression
}

func compareKey(a, b any) int {
	switch x := a.(type) {
	case string:
		return strings.Compare(x, b.(string))
	case int64:
		return cmp.Compare(x, b.(int64))
	}
	panic(fmt.Sprintf("sort key %T", a))
}

// list answers list.<name>.<FIELD>_<DIR> as list.cypher does.
func (g *fakeGraph) list(name string, params map[string]any) ([]*neo4j.Record, error) {
	parts := strings.Split(name, ".")
	list, order := parts[1], parts[2]
	i := strings.LastIndex(order, "_")
	field, dir := order[:i], order[i+1:]
	key := lists[list].keys[field]
	desc := dir == "DESC"
	var preds []func(domain.Node) bool
	for p, v := range params {
		switch p {
		case "afterId", "afterKey", "limit":
			continue
		}
		if v == nil {
			continue
		}
		pred, ok := g.filterPredicate(list, p, v)
		if !ok {
			g.t.Errorf("fake graph: %s: filter parameter %s = %v is not emulated", name, p, v)
			return nil, fmt.Errorf("fake graph: unsupported parameter %s", p)
		}
		preds = append(preds, pred)
	}
	type row struct {
		id  string
		key any
	}
	var rows []row
	for _, n := range g.ds.Nodes() {
		if !slices.Contains(listKinds[list], n.NodeKind()) {
			continue
		}
		ok := true
		for _, p := range preds {
			ok = ok && p(n)
		}
		if ok {
			props := g.proj[n.NodeID()]["node"].(dbtype.Node).Props
			rows = append(rows, row{id: n.NodeID(), key: sortKey(key, n, props)})
		}
	}
	// ORDER BY key IS NULL, key <dir>, n.id
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.key == nil && b.key == nil:
			return strings.Compare(a.id, b.id)
		case a.key == nil:
			return 1
		case b.key == nil:
			return -1
		}
		c := compareKey(a.key, b.key)
		if desc {
			c = -c
		}
		return cmp.Or(c, strings.Compare(a.id, b.id))
	})
	// fragments/after.cypher
	afterID, afterKey := params["afterId"], params["afterKey"]
	after := func(r row) bool {
		switch {
		case afterID == nil:
			return true
		case afterKey == nil:
			return r.key == nil && r.id > afterID.(string)
		case r.key == nil:
			return true
		}
		c := compareKey(r.key, afterKey)
		if desc {
			c = -c
		}
		return c > 0 || (c == 0 && r.id > afterID.(string))
	}
	var page []any
	remaining := 0
	limit := params["limit"].(int64)
	for _, r := range rows {
		if !after(r) {
			continue
		}
		remaining++
		if int64(len(page)) < limit {
			page = append(page, []any{r.key, g.proj[r.id]})
		}
	}
	return []*neo4j.Record{rec("total", int64(len(rows)), "remaining", int64(remaining), "rows", orEmpty(page))}, nil
}
