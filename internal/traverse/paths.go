package traverse

import (
	"context"
	"errors"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
)

// Paths over an Index: a bidirectional breadth-first search finds the shortest
// length d; the ball of distances around To is then grown (within a budget) to prune; a
// depth-first search enumerates, for each length L = d … MaxHops, the simple paths
// of exactly L hops in the order of their node IDs (neighbours are visited in ID
// order) until First paths are found. Distances ignore the pass-through rules
// (see banned), so they are lower bounds: pruning with them never loses a path.
//
// Work is bounded: MaxPathExtensions partial-path extensions and
// maxPathScan edge ends examined; beyond either the search stops with
// domain.ErrSearchTooBroad rather than return an incomplete answer.

// MaxPathExtensions bounds the work of one Paths call: the number of times a
// partial path may be extended by one hop before the search gives up.
const MaxPathExtensions = 100_000

// Work bounds of one Paths call besides MaxPathExtensions.
const (
	// maxPathScan bounds the edge ends examined by both searches together.
	maxPathScan = 4_000_000
	// ballBudget bounds the edge ends examined to grow the ball around To.
	ballBudget = 1_000_000
)

// errEnough stops the depth-first search once First paths are found.
var errEnough = errors.New("enough paths")

// pathSearch is the state of one Paths call.
type pathSearch struct {
	ctx      context.Context
	g        *Index
	q        domain.PathQuery
	s        *scratch
	from, to int32
	allowed  [64]bool // by relTypes index
	scanned  int
	extended int
	// ball is the depth up to which bwd holds every node's distance to To;
	// frontier holds the nodes at that depth.
	ball     int
	frontier []int32
	// depth-first state: the current length, path nodes and edges, results.
	length  int
	nodes   []int32
	edges   []int32
	found   [][2][]int32
	emitted map[string]bool
}

// Paths answers domain.Explorer.Paths over the index: the query is normalised
// here, and an unknown From, To or Avoid node is ENOTFOUND naming its field.
func (g *Index) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	from, ok := g.index(q.From)
	if !ok {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, "from", "no node %q", q.From)
	}
	to, ok := g.index(q.To)
	if !ok {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, "to", "no node %q", q.To)
	}
	if from == to {
		return []domain.Path{{Nodes: []domain.Node{g.nodes[from]}, Edges: []domain.PathEdge{}}}, nil
	}
	s := g.getScratch()
	defer g.putScratch(s)
	ps := &pathSearch{ctx: ctx, g: g, q: q, s: s, from: from, to: to, emitted: map[string]bool{}}
	for i, t := range relTypes {
		ps.allowed[i] = q.Allows(t)
	}
	// s.seen holds the avoided nodes.
	for _, id := range q.Avoid {
		i, ok := g.index(id)
		if !ok {
			return nil, domain.FieldErrorf(domain.ENOTFOUND, "avoid", "no node %q", id)
		}
		s.seen.add(i)
	}
	d, err := ps.shortest()
	if err != nil || d < 0 {
		return []domain.Path{}, err
	}
	if err := ps.growBall(); err != nil {
		return nil, err
	}
	for ps.length = d; ps.length <= q.MaxHops && len(ps.found) < q.First; ps.length++ {
		ps.nodes = append(ps.nodes[:0], from)
		ps.edges = ps.edges[:0]
		s.onPath.reset()
		s.onPath.add(from)
		if err := ps.dfs(from, 0, -1); err != nil && !errors.Is(err, errEnough) {
			return nil, err
		}
	}
	out := make([]domain.Path, len(ps.found))
	for i, f := range ps.found {
		out[i] = g.materialize(f[0], f[1])
	}
	return out, nil
}

// materialize turns node and edge numbers into a Path.
func (g *Index) materialize(nodes, edges []int32) domain.Path {
	p := domain.Path{Nodes: make([]domain.Node, len(nodes)), Edges: make([]domain.PathEdge, len(edges)), Length: len(edges)}
	for i, n := range nodes {
		p.Nodes[i] = g.nodes[n]
	}
	for i, e := range edges {
		p.Edges[i] = domain.PathEdge{Edge: g.edge(e), Forward: g.edges[e].from == nodes[i]}
	}
	return p
}

// tooBroad counts scanned edge ends and reports the work bound or a cancelled context.
func (ps *pathSearch) scan(n int) error {
	before := ps.scanned
	ps.scanned += n
	if ps.scanned > maxPathScan {
		return domain.ErrSearchTooBroad()
	}
	if before>>12 != ps.scanned>>12 {
		if err := ps.ctx.Err(); err != nil {
			return fmt.Errorf("paths: %w", err)
		}
	}
	return nil
}

// avoided reports whether the query avoids node i.
func (ps *pathSearch) avoided(i int32) bool { return ps.s.seen.has(i) }

// passable reports whether a path may pass through node i (not just end there).
func (ps *pathSearch) passable(i int32) bool {
	return !ps.avoided(i) && (ps.q.ThroughHubs || !ps.g.isHub(i))
}

// edgeOK reports whether edge e may be used: its type is allowed and, for a
// path-only edge, the role or commitment it passes through is not avoided. (That
// record is not a node of the path: a path may also visit it as a node.)
func (ps *pathSearch) edgeOK(e int32) bool {
	ge := &ps.g.edges[e]
	return ps.allowed[ge.typ] && (!ge.path || !ps.avoided(ge.def))
}

// Pass-through classes of an edge at a commitment or role.
const (
	classOther = iota
	classMade  // MADE at a commitment, HOLDS at a role
	classTo    // MADE_TO at a commitment, AT at a role
)

// class returns the pass-through class of edge e at node i.
func (ps *pathSearch) class(i, e int32) int {
	t := ps.g.edgeType(e)
	switch ps.g.kind[i] {
	case kindCommitment:
		switch t {
		case domain.RelMade:
			return classMade
		case domain.RelMadeTo:
			return classTo
		}
	case kindRole:
		switch t {
		case domain.RelHolds:
			return classMade
		case domain.RelAt:
			return classTo
		}
	}
	return classOther
}

// banned reports whether a path may not pass through node i arriving by edge in
// and leaving by edge out: through a role from its person to its organization,
// or through a commitment from a maker to another maker or to an addressee (each
// is one derived hop). Two addressees of a commitment are linked only through it.
func (ps *pathSearch) banned(i, in, out int32) bool {
	k := ps.g.kind[i]
	if k != kindCommitment && k != kindRole {
		return false
	}
	a, b := ps.class(i, in), ps.class(i, out)
	if k == kindRole {
		return a != b && a != classOther && b != classOther
	}
	return (a == classMade && b != classOther) || (b == classMade && a != classOther)
}

// frontierCost returns the number of edge ends of the nodes.
func (g *Index) frontierCost(ns []int32) int {
	c := 0
	for _, n := range ns {
		c += g.degree(n)
	}
	return c
}

// shortest runs the bidirectional breadth-first search and returns the length
// of the shortest path within MaxHops, or -1 when there is none. It leaves in
// s.bwd the distances to To of every node up to ps.ball hops.
func (ps *pathSearch) shortest() (int, error) {
	fwd, bwd := &ps.s.fwd, &ps.s.bwd
	fwd.set(ps.from, 0)
	bwd.set(ps.to, 0)
	ff, fb := []int32{ps.from}, []int32{ps.to}
	lf, lb := 0, 0
	for lf+lb < ps.q.MaxHops && len(ff) > 0 && len(fb) > 0 {
		var best int
		var err error
		if ps.g.frontierCost(ff) <= ps.g.frontierCost(fb) {
			ff, best, err = ps.expand(ff, lf, fwd, bwd)
			lf++
		} else {
			fb, best, err = ps.expand(fb, lb, bwd, fwd)
			lb++
		}
		if err != nil {
			return -1, err
		}
		ps.ball, ps.frontier = lb, fb
		if best >= 0 {
			return best, nil
		}
	}
	return -1, nil
}

// expand visits the neighbours of one complete level of a breadth-first search
// (marking their distance in this) and returns the next level and the shortest
// length of the paths found to meet the other side (-1 if none).
func (ps *pathSearch) expand(level []int32, depth int, this, other *dists) ([]int32, int, error) {
	best := -1
	var next []int32
	for _, u := range level {
		hs := ps.g.halves(u)
		if err := ps.scan(len(hs)); err != nil {
			return nil, -1, err
		}
		for _, h := range hs {
			v := h.other
			if ps.avoided(v) || !ps.edgeOK(h.edge) {
				continue
			}
			if _, seen := this.get(v); seen {
				continue
			}
			this.set(v, depth+1)
			end := v == ps.from || v == ps.to
			if dv, met := other.get(v); met && (end || ps.passable(v)) {
				if l := depth + 1 + dv; best < 0 || l < best {
					best = l
				}
			}
			if !end && ps.passable(v) {
				next = append(next, v)
			}
		}
	}
	return next, best, nil
}

// growBall extends the distances to To level by level, up to MaxHops-1 hops,
// while the next level fits in ballBudget.
func (ps *pathSearch) growBall() error {
	spent := 0
	for ps.ball < ps.q.MaxHops-1 && len(ps.frontier) > 0 {
		cost := ps.g.frontierCost(ps.frontier)
		if spent+cost > ballBudget {
			return nil
		}
		spent += cost
		next, _, err := ps.expand(ps.frontier, ps.ball, &ps.s.bwd, &ps.s.fwd)
		if err != nil {
			return err
		}
		ps.ball++
		ps.frontier = next
	}
	return nil
}

// dfs extends the path ending at u (k hops long, arrived by edge in) towards To.
func (ps *pathSearch) dfs(u int32, k int, in int32) error {
	if k == ps.length {
		ps.emit()
		if len(ps.found) >= ps.q.First {
			return errEnough
		}
		return nil
	}
	rem := ps.length - k - 1 // hops left after the next one
	hs := ps.g.halves(u)
	if err := ps.scan(len(hs)); err != nil {
		return err
	}
	for i := 0; i < len(hs); {
		v := hs[i].other
		j := i + 1
		for j < len(hs) && hs[j].other == v {
			j++
		}
		group := hs[i:j]
		i = j
		if !ps.candidate(v, rem) {
			continue
		}
		// Parallel edges lead to the same node sequence: follow the first allowed
		// edge of each pass-through class at v (one edge unless v is a
		// commitment or role on the way), and keep the first path emitted. Edges
		// of one class are interchangeable for the rest of the search, so the
		// path kept shows, hop by hop, the first edges that complete it.
		var tried [3]bool
		for _, h := range group {
			e := h.edge
			if !ps.edgeOK(e) || (k > 0 && ps.banned(u, in, e)) {
				continue
			}
			c := classOther
			if rem > 0 {
				c = ps.class(v, e)
			}
			if tried[c] {
				continue
			}
			tried[c] = true
			if ps.extended++; ps.extended > MaxPathExtensions {
				return domain.ErrSearchTooBroad()
			}
			if err := ps.step(v, k, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// candidate reports whether node v may come next with rem hops left after it.
func (ps *pathSearch) candidate(v int32, rem int) bool {
	if ps.s.onPath.has(v) || ps.avoided(v) {
		return false
	}
	if rem == 0 {
		return v == ps.to
	}
	if v == ps.to || !ps.passable(v) {
		return false
	}
	if d, ok := ps.s.bwd.get(v); ok {
		return d <= rem
	}
	return rem > ps.ball // farther than the ball: cannot tell yet
}

// step appends edge e and node v to the path, searches on, and removes them.
func (ps *pathSearch) step(v int32, k int, e int32) error {
	ps.nodes = append(ps.nodes, v)
	ps.edges = append(ps.edges, e)
	ps.s.onPath.add(v)
	err := ps.dfs(v, k+1, e)
	ps.s.onPath.del(v)
	ps.nodes = ps.nodes[:len(ps.nodes)-1]
	ps.edges = ps.edges[:len(ps.edges)-1]
	return err
}

// emit records the current path unless its node sequence was found already.
func (ps *pathSearch) emit() {
	key := fmt.Sprint(ps.nodes)
	if ps.emitted[key] {
		return
	}
	ps.emitted[key] = true
	ps.found = append(ps.found, [2][]int32{append([]int32(nil), ps.nodes...), append([]int32(nil), ps.edges...)})
}
