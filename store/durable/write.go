package durable

import (
	"context"
	"slices"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/writeplan"
)

// Each write plans its change with the shared curation logic over the records in
// memory, then applies it (validation, audit, commit, swap) under s.mu.

// Create implements domain.Writer.
func (s *Store) Create(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	return s.one(ctx, actor, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Create(r, n) })
}

// Update implements domain.Writer.
func (s *Store) Update(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	return s.one(ctx, actor, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Update(r, n) })
}

// Delete implements domain.Writer.
func (s *Store) Delete(ctx context.Context, actor string, id string) error {
	_, err := s.plan(ctx, actor, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Delete(r, id) })
	return err
}

// Link implements domain.Writer.
func (s *Store) Link(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return s.one(ctx, actor, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Link(r, l, true) })
}

// Unlink implements domain.Writer.
func (s *Store) Unlink(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return s.one(ctx, actor, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Link(r, l, false) })
}

// AttachEvidence implements domain.Writer.
func (s *Store) AttachEvidence(ctx context.Context, actor string, id string, ev domain.Evidence) (domain.Node, error) {
	return s.one(ctx, actor, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.AttachEvidence(r, id, ev) })
}

// Merge implements domain.Writer.
func (s *Store) Merge(ctx context.Context, actor string, survivorID, mergedID string) (*domain.MergeResult, error) {
	var tomb domain.Tombstone
	out, err := s.plan(ctx, actor, func(r writeplan.Records) (writeplan.Change, error) {
		c, err := writeplan.Merge(r, survivorID, mergedID)
		if err == nil {
			tomb = c.Tombs[0]
		}
		return c, err
	})
	if err != nil {
		return nil, err
	}
	return &domain.MergeResult{Survivor: out[0], Changed: out[1:], Tombstone: tomb}, nil
}

// one runs a write that changes one record and returns it as stored.
func (s *Store) one(ctx context.Context, actor string, plan func(writeplan.Records) (writeplan.Change, error)) (domain.Node, error) {
	out, err := s.plan(ctx, actor, plan)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// plan plans a write over the current records and applies it, validated; it
// returns the records put, as stored.
func (s *Store) plan(ctx context.Context, actor string, plan func(writeplan.Records) (writeplan.Change, error)) ([]domain.Node, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := plan(s.records())
	if err != nil {
		return nil, err
	}
	return s.apply(ctx, actor, change{action: c.Action, put: c.Put, del: c.Del, tombs: c.Tombs, validate: true})
}

// records is writeplan.Records over the records in memory. The caller holds s.mu.
type records struct {
	storedView
	tombstones map[string]string
}

func (s *Store) records() records {
	return records{storedView: storedView{nodes: s.nodes}, tombstones: *s.tombstones.Load()}
}

func (r records) Tombstone(id string) (string, bool) {
	to, ok := r.tombstones[id]
	return to, ok
}

func (r records) MergedInto(id string) []string { return writeplan.MergedInto(r.tombstones, id) }

func (r records) Referrers(ids []string) map[string][]domain.Node {
	return writeplan.ReferrersIn(r.nodes, ids)
}

// sortedIDs returns the IDs of the records in order.
func sortedIDs(nodes map[string]domain.Node) []string {
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
