// Package memory is Corridor's embedded store: the whole graph held in memory,
// indexed for every read of the domain.Store port.
//
// The store keeps an immutable snapshot (index) behind an atomic pointer, so reads
// never lock and a future write can build a new snapshot and swap it in. Nodes are
// shared with the dataset given to New, which must not be modified afterwards.
//
// Orders: connections sort as domain.Order describes (keys in lists.go); relation
// lists as documented in relations.go; search ranks as documented in search.go.
package memory

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/corridor-kg/corridor/domain"
)

// Store is the in-memory implementation of domain.Store.
type Store struct {
	idx atomic.Pointer[index]
}

// revisions numbers the snapshots published by every Store of the process, so
// no two snapshots ever share a revision.
var revisions atomic.Uint64

// publish makes ix the index every following read sees, under a new revision.
// Every change of the served data must go through it: caches (such as the GraphQL
// response cache) key on Revision.
// ix must not have been published before.
func (s *Store) publish(ix *index) {
	ix.rev = revisions.Add(1)
	s.idx.Store(ix)
}

// Revision returns the revision of the data the store serves now; it changes
// whenever the data does.
func (s *Store) Revision() uint64 { return s.idx.Load().rev }

var _ domain.Store = (*Store)(nil)

// Ports returns what the store provides: reads, exploration and revisions for
// the response cache. It is read-only.
func (s *Store) Ports() domain.Ports {
	return domain.Ports{Store: s, Explorer: s, Revisions: s}
}

// New validates the dataset and indexes it. It rejects duplicate IDs, IDs whose
// prefix does not match their kind, and references to unknown nodes or to nodes of
// the wrong kind (evidence sources and speakers included).
func New(ds *domain.Dataset) (*Store, error) {
	ix, err := buildIndex(ds)
	if err != nil {
		return nil, err
	}
	s := &Store{}
	s.publish(ix)
	return s, nil
}

// Nodes implements domain.Store.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: nodes: %w", err)
	}
	ix := s.idx.Load()
	out := make([]domain.Node, len(ids))
	for i, id := range ids {
		if n, ok := ix.byID[id]; ok {
			out[i] = n
		}
	}
	return out, nil
}

// Related implements domain.Store. An unknown relation is an EINVALID error; an
// unknown ID yields an empty list. Lists are in the orders documented in relations.go
// and must not be modified by callers.
func (s *Store) Related(ctx context.Context, ids []string, rel domain.Traversal) ([][]domain.Node, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: related: %w", err)
	}
	ix := s.idx.Load()
	byParent, ok := ix.rel[rel]
	if !ok {
		return nil, domain.FieldErrorf(domain.EINVALID, "relation", "unknown relation %q", rel)
	}
	out := make([][]domain.Node, len(ids))
	for i, id := range ids {
		out[i] = byParent[id]
		if out[i] == nil {
			out[i] = []domain.Node{}
		}
	}
	return out, nil
}

// Search implements domain.Store. See search.go for matching and ranking.
func (s *Store) Search(ctx context.Context, q domain.SearchQuery) ([]domain.SearchHit, error) {
	return s.idx.Load().searchNodes(ctx, q)
}

// Actors implements domain.Store.
func (s *Store) Actors(ctx context.Context, f domain.ActorFilter, o domain.Order, p domain.PageArgs) (*domain.Page[domain.Node], error) {
	ix := s.idx.Load()
	q, err := ix.actorQuery(f)
	if err != nil {
		return nil, err
	}
	return page[domain.Node](ctx, ix, q, o, p)
}

// Meetings implements domain.Store.
func (s *Store) Meetings(ctx context.Context, f domain.MeetingFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
	ix := s.idx.Load()
	q, err := ix.meetingQuery(f)
	if err != nil {
		return nil, err
	}
	return page[*domain.Meeting](ctx, ix, q, o, p)
}

// Commitments implements domain.Store.
func (s *Store) Commitments(ctx context.Context, f domain.CommitmentFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Commitment], error) {
	ix := s.idx.Load()
	q, err := ix.commitmentQuery(f)
	if err != nil {
		return nil, err
	}
	return page[*domain.Commitment](ctx, ix, q, o, p)
}

// Projects implements domain.Store.
func (s *Store) Projects(ctx context.Context, f domain.ProjectFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Project], error) {
	ix := s.idx.Load()
	q, err := ix.projectQuery(f)
	if err != nil {
		return nil, err
	}
	return page[*domain.Project](ctx, ix, q, o, p)
}

// Sources implements domain.Store.
func (s *Store) Sources(ctx context.Context, f domain.SourceFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Source], error) {
	ix := s.idx.Load()
	q, err := ix.sourceQuery(f)
	if err != nil {
		return nil, err
	}
	return page[*domain.Source](ctx, ix, q, o, p)
}

// Programmes implements domain.Store: every programme by normalised name, then ID.
func (s *Store) Programmes(ctx context.Context) ([]*domain.Programme, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: programmes: %w", err)
	}
	return append([]*domain.Programme{}, s.idx.Load().programmes...), nil
}

// Pillars implements domain.Store: every pillar by its programme's normalised name,
// then number (unknown last), then ID.
func (s *Store) Pillars(ctx context.Context) ([]*domain.Pillar, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: pillars: %w", err)
	}
	return append([]*domain.Pillar{}, s.idx.Load().pillars...), nil
}

// Info implements domain.Store: the dataset version and the number of nodes of
// every kind (zero counts included).
func (s *Store) Info(ctx context.Context) (*domain.DatasetInfo, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: info: %w", err)
	}
	ix := s.idx.Load()
	info := &domain.DatasetInfo{Version: ix.version, Counts: map[domain.Kind]int{}}
	for _, k := range domain.Kinds {
		info.Counts[k] = len(ix.byKind[k])
	}
	return info, nil
}

// Ping implements domain.Store; the memory store is always usable.
func (s *Store) Ping(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memory: ping: %w", err)
	}
	return nil
}
