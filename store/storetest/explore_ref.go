package storetest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/traverse"
)

// Reference implementations of Paths and Neighborhood: deliberately naive
// (exhaustive enumeration, string maps) and written from the documented
// semantics, so that a store's answers can be compared with them exactly on small
// datasets.

// refEdge is an edge of the reference graph with its documented rank.
type refEdge struct {
	domain.Edge
	path bool   // path-only
	typ  int    // index in RelTypes ++ PathRelTypes
	def  string // ID of the record defining the edge
	ord  int    // position among that record's edges
}

// refRank orders parallel edges as domain.PathQuery documents.
func refRank(a, b *refEdge) int {
	return cmp.Or(cmp.Compare(a.typ, b.typ), strings.Compare(a.def, b.def), cmp.Compare(a.ord, b.ord))
}

// refGraph is a dataset as an adjacency map over stored and path-only edges.
type refGraph struct {
	kind map[string]domain.Kind
	adj  map[string][]*refEdge
}

func newRefGraph(ds *domain.Dataset) *refGraph {
	g := &refGraph{kind: map[string]domain.Kind{}, adj: map[string][]*refEdge{}}
	all := slices.Concat(domain.RelTypes, domain.PathRelTypes)
	for _, n := range ds.Nodes() {
		g.kind[n.NodeID()] = n.NodeKind()
		add := func(es []domain.Edge, path bool) {
			for k, e := range es {
				re := &refEdge{Edge: e, path: path, typ: slices.Index(all, e.Type), def: n.NodeID(), ord: k}
				g.adj[e.From] = append(g.adj[e.From], re)
				if e.To != e.From {
					g.adj[e.To] = append(g.adj[e.To], re)
				}
			}
		}
		add(domain.Edges(n), false)
		add(traverse.PathEdges(n), true)
	}
	return g
}

func other(e *refEdge, id string) string {
	if e.From == id {
		return e.To
	}
	return e.From
}

// refBanned says whether a path may not pass through node id from edge in to edge out.
func (g *refGraph) refBanned(id string, in, out *refEdge) bool {
	pair := func(a, b domain.RelType) bool {
		return (in.Type == a && out.Type == b) || (in.Type == b && out.Type == a)
	}
	switch g.kind[id] {
	case domain.KindRole:
		return pair(domain.RelHolds, domain.RelAt)
	case domain.KindCommitment:
		return pair(domain.RelMade, domain.RelMade) || pair(domain.RelMade, domain.RelMadeTo)
	}
	return false
}

type refPath struct {
	nodes []string
	edges []*refEdge
}

// refPaths enumerates every valid path of the query, then orders and dedupes
// them as documented and keeps the first q.First.
func (g *refGraph) refPaths(q domain.PathQuery) []refPath {
	q, _ = q.Normalize()
	if q.From == q.To {
		return []refPath{{nodes: []string{q.From}}}
	}
	hub := func(id string) bool {
		k := g.kind[id]
		return !q.ThroughHubs && (k == domain.KindCountry || k == domain.KindProgramme || k == domain.KindPillar)
	}
	var all []refPath
	var walk func(nodes []string, edges []*refEdge)
	walk = func(nodes []string, edges []*refEdge) {
		u := nodes[len(nodes)-1]
		if u == q.To {
			all = append(all, refPath{slices.Clone(nodes), slices.Clone(edges)})
			return
		}
		if len(edges) == q.MaxHops {
			return
		}
		for _, e := range g.adj[u] {
			v := other(e, u)
			switch {
			case slices.Contains(nodes, v), slices.Contains(q.Avoid, v), !q.Allows(e.Type),
				e.path && slices.Contains(q.Avoid, e.def),
				v != q.To && hub(v),
				len(edges) > 0 && g.refBanned(u, edges[len(edges)-1], e):
				continue
			}
			walk(append(nodes, v), append(edges, e))
		}
	}
	walk([]string{q.From}, nil)
	slices.SortFunc(all, func(a, b refPath) int {
		if c := cmp.Compare(len(a.nodes), len(b.nodes)); c != 0 {
			return c
		}
		if c := slices.Compare(a.nodes, b.nodes); c != 0 {
			return c
		}
		for i := range a.edges {
			if c := refRank(a.edges[i], b.edges[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	all = slices.CompactFunc(all, func(a, b refPath) bool { return slices.Equal(a.nodes, b.nodes) })
	return all[:min(len(all), q.First)]
}

// refNeighborhood is the documented neighborhood: IDs of the nodes in order, IDs
// of the edges in order, and whether the limit cut nodes.
func (g *refGraph) refNeighborhood(q domain.NeighborhoodQuery) (nodes, edges []string, truncated bool) {
	q, _ = q.Normalize()
	typeOK := func(e *refEdge) bool {
		return !e.path && (len(q.RelTypes) == 0 || slices.Contains(q.RelTypes, e.Type))
	}
	kindOK := func(id string) bool { return len(q.Kinds) == 0 || slices.Contains(q.Kinds, g.kind[id]) }
	seen := map[string]bool{q.ID: true}
	nodes = []string{q.ID}
	level := []string{q.ID}
	for d := 1; d <= q.Depth && len(level) > 0 && !truncated; d++ {
		var next []string
		for _, u := range level {
			for _, e := range g.adj[u] {
				if v := other(e, u); typeOK(e) && kindOK(v) && !seen[v] {
					seen[v] = true
					next = append(next, v)
				}
			}
		}
		slices.Sort(next)
		if room := q.Limit - len(nodes); len(next) > room {
			next, truncated = next[:room], true
		}
		nodes = append(nodes, next...)
		level = next
	}
	kept := map[string]bool{}
	for _, n := range nodes {
		kept[n] = true
	}
	for _, n := range nodes {
		for _, e := range g.adj[n] {
			if typeOK(e) && e.From == n && kept[e.To] {
				edges = append(edges, e.ID)
			}
		}
	}
	slices.Sort(edges)
	return nodes, slices.Compact(edges), truncated
}
