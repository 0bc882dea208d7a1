package curated

import (
	"context"
	"errors"
	"reflect"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
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
		case s.deleted[id] || merged || (ok && metaOf(cur).Origin != domain.OriginSeed):
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
		if !inSeed[id] && metaOf(s.nodes[id]).Origin == domain.OriginSeed {
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
			for _, r := range refsOf(n) {
				referred[r] = true
			}
		}
		for _, n := range put {
			for _, r := range refsOf(n) {
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
		setMeta(n, domain.OriginSeed, metaOf(n).Note)
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
	opts := seed.ImportOptions{SeedsDir: s.seedsDir}
	load := func(stored seed.Graph) (*domain.Dataset, error) {
		if len(b.JSON) > 0 {
			return seed.LoadJSON(ctx, domain.ImportPartJSON, b.JSON, stored, opts)
		}
		return seed.LoadCSV(ctx, domain.ImportPartNodesCSV, b.NodesCSV, domain.ImportPartEdgesCSV, b.EdgesCSV, stored, opts)
	}
	res, err := s.importLoaded(ctx, actor, load, b.DryRun)
	if err != nil {
		return domain.ImportResult{}, importProblems(err)
	}
	return domain.ImportResult{Added: res.Added, Replaced: res.Updated, DryRun: b.DryRun}, nil
}

// importProblems turns the seed loader's errors into domain Problems whose field
// is the batch part (the loader's file name) and whose message is the whole
// located error; other errors pass through.
func importProblems(err error) error {
	var verrs seed.ValidationErrors
	if !errors.As(err, &verrs) {
		return err
	}
	out := make(domain.Problems, len(verrs))
	for i, v := range verrs {
		out[i] = &domain.Error{Code: domain.EINVALID, Field: v.File, Message: v.Error()}
	}
	return out
}

func (s *Store) importLoaded(ctx context.Context, actor string, load func(stored seed.Graph) (*domain.Dataset, error), dryRun bool) (SyncResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ds, err := load(s.graphView())
	if err != nil {
		return SyncResult{}, err
	}
	var res SyncResult
	var errs domain.Problems
	tomb := *s.tombstones.Load()
	put := ds.Nodes()
	for _, n := range put {
		if to, merged := tomb[n.NodeID()]; merged {
			errs = append(errs, domain.FieldErrorf(domain.EINVALID, "id", "%s was merged into %s; IDs of merged nodes are not reused", n.NodeID(), to))
		}
		if _, ok := s.nodes[n.NodeID()]; ok {
			res.Updated++
		} else {
			res.Added++
		}
		setMeta(n, domain.OriginCurated, metaOf(n).Note)
	}
	if len(errs) > 0 {
		return SyncResult{}, errs
	}
	if _, err := s.apply(ctx, actor, change{action: domain.AuditImport, put: put, dryRun: dryRun}); err != nil {
		return SyncResult{}, err
	}
	return res, nil
}
