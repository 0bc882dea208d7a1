package neo4j

import (
	"context"
	"slices"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/traverse"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Exploration on Neo4j (domain.Explorer). Cypher fetches what a traversal needs,
// one statement per level of the traversal for all nodes of the level at once
// (cypher/explore); the rules that do not depend on the store run in Go, in the
// same code as the memory store's: paths and neighbourhoods are searched by
// traverse.Index over the records fetched, timeline events are made and ordered
// by timeline.EventOf and timeline.First, meetings compared by
// meetingdiff.Compare, amounts summed by stats.SumAmountList.

var _ domain.Explorer = (*Store)(nil)

// Work bounds of the Neo4j side of a path search. Past either, Paths returns
// domain.ErrSearchTooBroad rather than fetch more.
const (
	// maxPathBall bounds the nodes fetched around the two ends of a path search.
	maxPathBall = 20_000
	// maxExpandRows bounds the rows of one expansion level (a node reached from
	// several frontier nodes counts once per frontier node).
	maxExpandRows = 100_000
)

// Paths implements domain.Explorer. The nodes within reach are fetched level by
// level from both ends: every node of a path of at most MaxHops hops lies within
// ceil(MaxHops/2) hops of From or floor(MaxHops/2) hops of To, through nodes a
// path may pass (no avoided node, no hub unless ThroughHubs), counting a derived
// hop through a role or commitment as one. Their records are then fetched in one
// statement and traverse.Index.Paths searches them as the memory store searches
// its snapshot; every edge of such a path is defined by a record fetched, so the
// answer is the same. Statements: one for the ends, one per level, one for the
// records (at most MaxPathMaxHops/2 + 2).
func (s *Store) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, s.internal("paths", err)
	}
	found, err := s.Nodes(ctx, slices.Concat([]string{q.From, q.To}, q.Avoid))
	if err != nil {
		return nil, err
	}
	// An unknown end or avoided node is left to traverse.Index.Paths to report, in
	// the memory store's order, before anything else is fetched.
	missing := slices.Contains(found, nil)
	ends := slices.DeleteFunc(found, func(n domain.Node) bool { return n == nil })
	if missing {
		return s.searchPaths(ctx, q, ends)
	}
	ball, err := s.pathBall(ctx, q, ends)
	if err != nil {
		return nil, err
	}
	records, err := s.Nodes(ctx, ball)
	if err != nil {
		return nil, err
	}
	for _, n := range records {
		if n != nil {
			ends = append(ends, n)
		}
	}
	return s.searchPaths(ctx, q, ends)
}

// searchPaths runs traverse.Index.Paths over the nodes.
func (s *Store) searchPaths(ctx context.Context, q domain.PathQuery, nodes []domain.Node) ([]domain.Path, error) {
	g, err := traverse.New(nodes)
	if err != nil {
		return nil, s.internal("paths", err)
	}
	return g.Paths(ctx, q)
}

// side is one end's breadth-first search of pathBall.
type side struct {
	depth    int             // levels to expand
	frontier []string        // the nodes to expand at the next level
	expand   map[string]bool // the same, as a set
	seen     map[string]bool // the nodes reached from this end
}

// pathBall expands from both ends of q (ends holds From, To and the avoided
// nodes) and returns the IDs reached other than the ends, in the order reached.
func (s *Store) pathBall(ctx context.Context, q domain.PathQuery, ends []domain.Node) ([]string, error) {
	// A derived hop is reached through the role or commitment it passes, whose
	// record defines it: with any derived type allowed, the stored types leading
	// to those records are followed too.
	derived := slices.ContainsFunc(domain.PathRelTypes, q.Allows)
	var types []string
	for _, t := range domain.RelTypes {
		if q.Allows(t) || (derived && slices.Contains(derivedVia, t)) {
			types = append(types, string(t))
		}
	}
	reached := map[string]bool{}
	for _, n := range ends {
		reached[n.NodeID()] = true
	}
	passable := func(id string, k domain.Kind) bool {
		return id != q.From && id != q.To && !slices.Contains(q.Avoid, id) && (q.ThroughHubs || !isHub(k))
	}
	sides := []*side{
		{depth: (q.MaxHops + 1) / 2, frontier: []string{q.From}, expand: map[string]bool{q.From: true}, seen: map[string]bool{q.From: true}},
		{depth: q.MaxHops / 2, frontier: []string{q.To}, expand: map[string]bool{q.To: true}, seen: map[string]bool{q.To: true}},
	}
	var ball []string
	for level := 1; ; level++ {
		var ids []string
		var active []*side
		for _, sd := range sides {
			if level <= sd.depth && len(sd.frontier) > 0 {
				active = append(active, sd)
				ids = append(ids, sd.frontier...)
			}
		}
		if len(ids) == 0 {
			return ball, nil
		}
		recs, err := s.read(ctx, "explore.expand", map[string]any{
			"ids": distinct(ids), "types": types, "derived": derived, "limit": int64(maxExpandRows)})
		if err != nil {
			return nil, err
		}
		if len(recs) >= maxExpandRows {
			return nil, domain.ErrSearchTooBroad()
		}
		next := make([][]string, len(active))
		for _, rec := range recs {
			from, to, kind, err := expandRow(rec)
			if err != nil {
				return nil, s.internal("explore.expand", err)
			}
			if !reached[to] {
				reached[to] = true
				ball = append(ball, to)
			}
			for i, sd := range active {
				if sd.expand[from] && !sd.seen[to] {
					sd.seen[to] = true
					if passable(to, kind) {
						next[i] = append(next[i], to)
					}
				}
			}
		}
		if len(ball) > maxPathBall {
			return nil, domain.ErrSearchTooBroad()
		}
		for i, sd := range active {
			sd.frontier = next[i]
			sd.expand = make(map[string]bool, len(next[i]))
			for _, id := range next[i] {
				sd.expand[id] = true
			}
		}
	}
}

// derivedVia lists the stored types of the relationships the derived hops
// collapse (explore.expand follows the same types from a role or commitment).
var derivedVia = []domain.RelType{domain.RelHolds, domain.RelAt, domain.RelMade, domain.RelMadeTo}

// isHub reports whether paths avoid passing through nodes of kind k by default.
func isHub(k domain.Kind) bool {
	return k == domain.KindCountry || k == domain.KindProgramme || k == domain.KindPillar
}

// expandRow reads a row of explore.expand: the frontier node, the node reached
// and its kind.
func expandRow(rec *neo4j.Record) (from, to string, kind domain.Kind, err error) {
	id, _ := rec.Get("id")
	nb, _ := rec.Get("neighbour")
	k, _ := rec.Get("kind")
	from, ok1 := id.(string)
	to, ok2 := nb.(string)
	rank, ok3 := k.(int64)
	if !ok1 || !ok2 || !ok3 || rank < 0 || int(rank) >= len(domain.Kinds) {
		return "", "", "", badRecord("expansion row %v, %v, %v", id, nb, k)
	}
	return from, to, domain.Kinds[rank], nil
}

// Neighborhood implements domain.Explorer: the centre, then one statement per
// level fetches the next level's records (the smallest IDs that fit in the
// limit, and one more to know whether the level was cut), and
// traverse.Index.Neighborhood orders the nodes and finds the induced edges over the
// records kept. Statements: 1 + Depth at most.
func (s *Store) Neighborhood(ctx context.Context, q domain.NeighborhoodQuery) (*domain.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, s.internal("neighborhood", err)
	}
	centre, err := s.Nodes(ctx, []string{q.ID})
	if err != nil {
		return nil, err
	}
	if centre[0] == nil {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, "id", "no node %q", q.ID)
	}
	types := make([]string, 0, len(domain.RelTypes))
	for _, t := range domain.RelTypes {
		if len(q.RelTypes) == 0 || slices.Contains(q.RelTypes, t) {
			types = append(types, string(t))
		}
	}
	var labels any
	if len(q.Kinds) > 0 {
		ls := make([]string, len(q.Kinds))
		for i, k := range q.Kinds {
			ls[i] = label(k)
		}
		labels = ls
	}
	kept := []domain.Node{centre[0]}
	seen := []string{q.ID}
	level := []string{q.ID}
	truncated := false
	for d := 1; d <= q.Depth && len(level) > 0 && !truncated; d++ {
		room := q.Limit - len(kept)
		recs, err := s.read(ctx, "explore.level", map[string]any{
			"ids": level, "seen": seen, "types": types, "labels": labels, "limit": int64(room + 1)})
		if err != nil {
			return nil, err
		}
		if len(recs) > room {
			truncated = true
			recs = recs[:room]
		}
		level = level[:0:0]
		for _, rec := range recs {
			raw, _ := rec.Get("node")
			n, err := decodeNode(raw)
			if err != nil {
				return nil, s.internal("explore.level", err)
			}
			kept = append(kept, n)
			seen = append(seen, n.NodeID())
			level = append(level, n.NodeID())
		}
	}
	g, err := traverse.New(kept)
	if err != nil {
		return nil, s.internal("neighborhood", err)
	}
	sub, err := g.Neighborhood(ctx, q)
	if err != nil {
		return nil, err
	}
	sub.Truncated = sub.Truncated || truncated
	return sub, nil
}
