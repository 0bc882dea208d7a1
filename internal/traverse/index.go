// Package traverse is the graph engine of exploration: a traversal index over
// node records and the path and neighbourhood searches over it. Both stores
// answer domain.Explorer's Paths and Neighborhood with it, so that they agree.
package traverse

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/corridor-kg/corridor/domain"
)

// Index is a traversal index over a set of node records, shared by the stores:
// the memory store builds one over each snapshot, the Neo4j store one over the
// records a query fetched. Nodes are numbered in ID order (so comparing numbers
// compares IDs), every edge is in one table, and the edges of each node, in both
// directions, in compressed sparse row form. Edges are kept as numbers and
// materialised (Edge, with label and evidence) only for results.
//
// The table holds the stored edges (domain.Edges) and the path-only edges (PathEdges)
// whose ends are both among the nodes; neighborhoods use the first, paths both.
// An Index is immutable once built and safe for concurrent use.
type Index struct {
	ids   []string
	nodes []domain.Node
	kind  []uint8 // index into domain.Kinds
	edges []gEdge
	// off[i]..off[i+1] delimits node i's entries in adj, sorted by (other end,
	// edge type, edge number).
	off []int32
	adj []half
	// pool recycles per-query scratch space (visit marks sized to the graph).
	pool sync.Pool
}

// gEdge is one edge of the table.
type gEdge struct {
	from, to int32
	// def is the node whose record defines the edge (for path-only edges, the
	// role or commitment it passes through), ord its position in Edges(def)
	// or PathEdges(def).
	def  int32
	ord  uint16
	typ  uint8 // index into relTypes
	path bool  // a path-only edge
}

// half is an edge seen from one of its ends.
type half struct {
	other int32
	edge  int32
}

// relTypes numbers every relationship type, stored then path-only.
var relTypes = slices.Concat(domain.RelTypes, domain.PathRelTypes)

func relTypeIndex(t domain.RelType) (uint8, bool) {
	i := slices.Index(relTypes, t)
	return uint8(i), i >= 0
}

// kind indices used in hot loops.
var (
	kindRole       = uint8(slices.Index(domain.Kinds, domain.KindRole))
	kindCommitment = uint8(slices.Index(domain.Kinds, domain.KindCommitment))
	kindCountry    = uint8(slices.Index(domain.Kinds, domain.KindCountry))
	kindProgramme  = uint8(slices.Index(domain.Kinds, domain.KindProgramme))
	kindPillar     = uint8(slices.Index(domain.Kinds, domain.KindPillar))
)

// New indexes the nodes and the edges their records define. An edge with an
// end outside nodes is left out, so an Index may be built over part of a larger
// graph. It fails only when a record defines more edges than the index holds.
func New(nodes []domain.Node) (*Index, error) {
	g := &Index{ids: make([]string, len(nodes)), nodes: slices.Clone(nodes), kind: make([]uint8, len(nodes))}
	slices.SortFunc(g.nodes, func(a, b domain.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
	pos := make(map[string]int32, len(nodes))
	for i, n := range g.nodes {
		g.ids[i] = n.NodeID()
		g.kind[i] = uint8(slices.Index(domain.Kinds, n.NodeKind()))
		pos[g.ids[i]] = int32(i)
	}
	addAll := func(def int32, es []domain.Edge, path bool) error {
		if len(es) > 1<<16 {
			return fmt.Errorf("graph: %s defines %d edges, more than %d", g.ids[def], len(es), 1<<16)
		}
		for k, e := range es {
			from, okFrom := pos[e.From]
			to, okTo := pos[e.To]
			if !okFrom || !okTo {
				continue
			}
			t, _ := relTypeIndex(e.Type)
			g.edges = append(g.edges, gEdge{from: from, to: to, def: def, ord: uint16(k), typ: t, path: path})
		}
		return nil
	}
	for i, n := range g.nodes {
		if err := addAll(int32(i), domain.Edges(n), false); err != nil {
			return nil, err
		}
		if err := addAll(int32(i), PathEdges(n), true); err != nil {
			return nil, err
		}
	}
	if len(g.edges) > 1<<31-1 {
		return nil, fmt.Errorf("graph: %d edges, more than the traversal index holds", len(g.edges))
	}
	g.off = make([]int32, len(nodes)+1)
	for _, e := range g.edges {
		g.off[e.from+1]++
		g.off[e.to+1]++
	}
	for i := range nodes {
		g.off[i+1] += g.off[i]
	}
	g.adj = make([]half, g.off[len(nodes)])
	fill := slices.Clone(g.off[:len(nodes)])
	for i, e := range g.edges {
		g.adj[fill[e.from]] = half{other: e.to, edge: int32(i)}
		fill[e.from]++
		g.adj[fill[e.to]] = half{other: e.from, edge: int32(i)}
		fill[e.to]++
	}
	for i := range nodes {
		seg := g.adj[g.off[i]:g.off[i+1]]
		slices.SortFunc(seg, func(a, b half) int {
			return cmp.Or(cmp.Compare(a.other, b.other), cmp.Compare(g.edges[a.edge].typ, g.edges[b.edge].typ), cmp.Compare(a.edge, b.edge))
		})
	}
	return g, nil
}

// index returns the number of the node with the given ID.
func (g *Index) index(id string) (int32, bool) {
	i := sort.SearchStrings(g.ids, id)
	if i < len(g.ids) && g.ids[i] == id {
		return int32(i), true
	}
	return -1, false
}

// halves returns node i's edge ends.
func (g *Index) halves(i int32) []half { return g.adj[g.off[i]:g.off[i+1]] }

// degree returns the number of node i's edge ends.
func (g *Index) degree(i int32) int { return int(g.off[i+1] - g.off[i]) }

// isHub reports whether node i is a Country, Programme or Pillar.
func (g *Index) isHub(i int32) bool {
	k := g.kind[i]
	return k == kindCountry || k == kindProgramme || k == kindPillar
}

// edgeType returns the type of edge e.
func (g *Index) edgeType(e int32) domain.RelType { return relTypes[g.edges[e].typ] }

// edge materialises edge e.
func (g *Index) edge(e int32) domain.Edge {
	ge := g.edges[e]
	if ge.path {
		return PathEdges(g.nodes[ge.def])[ge.ord]
	}
	return domain.Edges(g.nodes[ge.def])[ge.ord]
}

// marks is a set of node numbers that clears in constant time: a node is in the
// set when its stamp equals the current generation.
type marks struct {
	stamp []uint32
	gen   uint32
}

// reset empties the set.
func (m *marks) reset() {
	m.gen++
	if m.gen == 0 {
		clear(m.stamp)
		m.gen = 1
	}
}

func (m *marks) has(i int32) bool { return m.stamp[i] == m.gen }
func (m *marks) add(i int32)      { m.stamp[i] = m.gen }
func (m *marks) del(i int32)      { m.stamp[i] = 0 }

// dists maps node numbers to small distances; unset nodes have none.
type dists struct {
	marks
	d []uint8
}

func (d *dists) get(i int32) (int, bool) {
	if d.has(i) {
		return int(d.d[i]), true
	}
	return 0, false
}

func (d *dists) set(i int32, v int) {
	d.add(i)
	d.d[i] = uint8(v)
}

// scratch is the working space of one query.
type scratch struct {
	fwd, bwd dists
	seen     marks
	onPath   marks
}

// getScratch returns cleared working space sized to the graph; putScratch returns it.
func (g *Index) getScratch() *scratch {
	s, _ := g.pool.Get().(*scratch)
	if s == nil {
		n := len(g.ids)
		s = &scratch{
			fwd:    dists{marks{stamp: make([]uint32, n)}, make([]uint8, n)},
			bwd:    dists{marks{stamp: make([]uint32, n)}, make([]uint8, n)},
			seen:   marks{stamp: make([]uint32, n)},
			onPath: marks{stamp: make([]uint32, n)},
		}
	}
	s.fwd.reset()
	s.bwd.reset()
	s.seen.reset()
	s.onPath.reset()
	return s
}

func (g *Index) putScratch(s *scratch) { g.pool.Put(s) }

// Nodes returns the indexed nodes in ID order. The slice is shared: do not modify it.
func (g *Index) Nodes() []domain.Node { return g.nodes }
