package durable

import (
	"context"
	"reflect"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/writeplan"
)

// SeedActor is the actor named in the audit entries of a seed sync.
const SeedActor = "seed"

// SyncResult counts what a seed sync or an import did.
type SyncResult struct {
	// Added and Updated count records written; Deleted records removed.
	Added, Updated, Deleted int
	// Kept counts seed records left alone: changed, deleted or merged by curators.
	Kept int
}

// SyncSeed brings the seed records up to the bundled dataset ds without undoing
// curation: a record a curator created, changed, deleted or merged away is left as
// it is; a seed record is added when new, updated when the dataset changed it, and
// removed when the dataset dropped it and nothing refers to it. It is one write.
func (s *Store) SyncSeed(ctx context.Context, ds *domain.Dataset) (SyncResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res SyncResult
	var put []domain.Node
	inSeed := map[string]bool{}
	tomb := *s.tombstones.Load()
	for _, n := range ds.Nodes() {
		id := n.NodeID()
		inSeed[id] = true
		cur, ok := s.nodes[id]
		_, merged := tomb[id]
		switch {
		case s.deleted[id] || merged || (ok && domain.MetaOf(cur).Origin != domain.OriginSeed):
			res.Kept++
		case !ok:
			res.Added++
			put = append(put, n)
		case !reflect.DeepEqual(cur, n):
			res.Updated++
			put = append(put, n)
		}
	}
	var del []string
	for _, id := range sortedIDs(s.nodes) {
		if !inSeed[id] && domain.MetaOf(s.nodes[id]).Origin == domain.OriginSeed {
			del = append(del, id)
		}
	}
	// A dropped seed record that curated records still refer to stays.
	if len(del) > 0 {
		referred := map[string]bool{}
		dropped := map[string]bool{}
		for _, id := range del {
			dropped[id] = true
		}
		for id, n := range s.nodes {
			if dropped[id] {
				continue
			}
			for _, r := range writeplan.RefsOf(n) {
				referred[r] = true
			}
		}
		for _, n := range put {
			for _, r := range writeplan.RefsOf(n) {
				referred[r] = true
			}
		}
		kept := del[:0]
		for _, id := range del {
			if referred[id] {
				res.Kept++
				continue
			}
			kept = append(kept, id)
		}
		del = kept
		res.Deleted = len(del)
	}
	for _, n := range put {
		domain.MetaOf(n).Origin = domain.OriginSeed
	}
	_, err := s.apply(ctx, SeedActor, change{action: domain.AuditSeed, put: put, del: del,
		version: ds.Version, seeded: true, validate: true})
	if err != nil {
		return SyncResult{}, err
	}
	return res, nil
}

// Import writes the records load returns as curated records, in one write: one
// transaction and one swap, or nothing at all. load receives the stored graph to
// validate against (seed.LoadJSON and seed.LoadCSV validate fully); it runs while
// other writes wait. A record with an existing ID replaces it; the ID of a merged
// node is refused.
func (s *Store) Import(ctx context.Context, actor string, load func(stored seed.Graph) (*domain.Dataset, error)) (SyncResult, error) {
	return s.importLoaded(ctx, actor, load, false)
}

// ImportBatch implements domain.Writer's bulk import over Import: the JSON document or the
// CSV tables of b are parsed and validated by the seed loader (problems name the
// batch part as their field and "part:line:column: record: field: message" as
// their text), then written in one step unless b.DryRun.
func (s *Store) ImportBatch(ctx context.Context, actor string, b domain.ImportBatch) (domain.ImportResult, error) {
	if err := b.Check(); err != nil {
		return domain.ImportResult{}, err
	}
	load := func(stored seed.Graph) (*domain.Dataset, error) {
		return writeplan.LoadBatch(ctx, b, stored, s.seedsDir)
	}
	res, err := s.importLoaded(ctx, actor, load, b.DryRun)
	if err != nil {
		return domain.ImportResult{}, writeplan.ImportProblems(err, b)
	}
	return domain.ImportResult{Added: res.Added, Replaced: res.Updated, DryRun: b.DryRun}, nil
}

func (s *Store) importLoaded(ctx context.Context, actor string, load func(stored seed.Graph) (*domain.Dataset, error), dryRun bool) (SyncResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ds, err := load(storedView{nodes: s.nodes})
	if err != nil {
		return SyncResult{}, err
	}
	c, added, replaced, err := writeplan.Imported(s.records(), ds)
	if err != nil {
		return SyncResult{}, err
	}
	res := SyncResult{Added: added, Updated: replaced}
	if _, err := s.apply(ctx, actor, change{action: c.Action, put: c.Put, dryRun: dryRun}); err != nil {
		return SyncResult{}, err
	}
	return res, nil
}
