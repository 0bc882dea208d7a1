package traverse

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// Neighborhood answers domain.Explorer.Neighborhood over the index: a level-by-level
// breadth-first search over the stored edges in both directions. Each level is
// ordered by node ID; when a level does not fit in the limit, its smallest IDs are
// kept and the result is marked truncated. The edges returned are every stored
// edge of an allowed type between two kept nodes (the induced subgraph), each once.
//
// The query is normalised here; an unknown centre is ENOTFOUND.
func (g *Index) Neighborhood(ctx context.Context, q domain.NeighborhoodQuery) (*domain.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	centre, ok := g.index(q.ID)
	if !ok {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, "id", "no node %q", q.ID)
	}
	var typeOK [64]bool
	for i, t := range relTypes {
		typeOK[i] = !t.PathOnly() && (len(q.RelTypes) == 0 || slices.Contains(q.RelTypes, t))
	}
	var kindOK [16]bool
	for i, k := range domain.Kinds {
		kindOK[i] = len(q.Kinds) == 0 || slices.Contains(q.Kinds, k)
	}
	s := g.getScratch()
	defer g.putScratch(s)

	// s.seen: discovered nodes; s.onPath: kept nodes.
	s.seen.add(centre)
	kept := []int32{centre}
	level := kept
	truncated := false
	for d := 1; d <= q.Depth && len(level) > 0; d++ {
		room := q.Limit - len(kept)
		var next []int32
		for i, u := range level {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("neighborhood: %w", err)
				}
			}
			// u's neighbours come in ID order, so beyond its first room new ones
			// none can be among the room smallest of the level: stop there (a
			// hub's thousands of neighbours cost no more than room of them).
			found := 0
			for _, h := range g.halves(u) {
				ge := &g.edges[h.edge]
				v := h.other
				if !typeOK[ge.typ] || s.seen.has(v) || !kindOK[g.kind[v]] {
					continue
				}
				if found == room {
					truncated = true
					break
				}
				found++
				s.seen.add(v)
				next = append(next, v)
			}
			if truncated && room == 0 {
				break // one node beyond the limit is enough to know it was cut
			}
		}
		if len(next) > room {
			next = smallest(next, room)
			truncated = true
		} else {
			slices.Sort(next)
		}
		kept = append(kept, next...)
		level = next
		if truncated {
			break
		}
	}
	for _, n := range kept {
		s.onPath.add(n)
	}
	var es []int32
	sortedKept := slices.Clone(kept)
	slices.Sort(sortedKept)
	for _, u := range kept {
		hs := g.halves(u)
		if len(hs) <= 32*len(kept) {
			for _, h := range hs {
				ge := &g.edges[h.edge]
				if typeOK[ge.typ] && ge.from == u && s.onPath.has(h.other) {
					es = append(es, h.edge)
				}
			}
			continue
		}
		// A hub: look each kept node up in its halves (sorted by other end).
		for _, v := range sortedKept {
			i, _ := slices.BinarySearchFunc(hs, v, func(h half, v int32) int { return cmp.Compare(h.other, v) })
			for ; i < len(hs) && hs[i].other == v; i++ {
				ge := &g.edges[hs[i].edge]
				if typeOK[ge.typ] && ge.from == u {
					es = append(es, hs[i].edge)
				}
			}
		}
	}
	slices.Sort(es)
	es = slices.Compact(es)
	sub := &domain.Subgraph{Nodes: make([]domain.Node, len(kept)), Edges: make([]domain.Edge, 0, len(es)), Truncated: truncated}
	for i, n := range kept {
		sub.Nodes[i] = g.nodes[n]
	}
	defs := map[int32][]domain.Edge{}
	for _, e := range es {
		ge := &g.edges[e]
		all, ok := defs[ge.def]
		if !ok {
			all = domain.Edges(g.nodes[ge.def])
			defs[ge.def] = all
		}
		sub.Edges = append(sub.Edges, all[ge.ord])
	}
	slices.SortStableFunc(sub.Edges, func(a, b domain.Edge) int { return strings.Compare(a.ID, b.ID) })
	// A record listing the same link twice yields two equal edges: keep one.
	sub.Edges = slices.CompactFunc(sub.Edges, func(a, b domain.Edge) bool { return a.ID == b.ID })
	return sub, nil
}

// smallest returns the k smallest of xs (distinct) in ascending order. It keeps a
// max-heap of the k best so far, so a level much larger than k costs little more
// than one pass.
func smallest(xs []int32, k int) []int32 {
	if k <= 0 {
		return nil
	}
	if len(xs) <= 4*k {
		slices.Sort(xs)
		return xs[:k]
	}
	h := slices.Clone(xs[:k])
	for i := k/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
	for _, x := range xs[k:] {
		if x < h[0] {
			h[0] = x
			siftDown(h, 0)
		}
	}
	slices.Sort(h)
	return h
}

// siftDown restores the max-heap property of h below position i.
func siftDown(h []int32, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && h[r] > h[l] {
			l = r
		}
		if h[i] >= h[l] {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}
