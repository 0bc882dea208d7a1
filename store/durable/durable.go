// Package durable is Corridor's durable embedded store: the memory store's
// indexes serve every read, lock-free, and every write is validated with the seed
// loader's rules, committed to a bbolt file (store/bolt) in one transaction,
// recorded in the audit trail, and then swapped into the memory store in one
// atomic step.
//
// Cost of a write: validation is proportional to the records changed, but the
// memory store is rebuilt from the whole graph (memory.New) and the records map
// copied, O(nodes). On the bundled seed (a few hundred nodes) that is well under
// a millisecond; on 100k nodes it takes on the order of a second per write (see
// BenchmarkWrite), so bulk changes belong in one Import. An incremental index
// update would lift that limit.
package durable

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/bolt"
	"github.com/corridor-kg/corridor/store/memory"
	"github.com/corridor-kg/corridor/store/writeplan"
)

// Options configures Open.
type Options struct {
	// Path is the bbolt file (created when absent).
	Path string
	// Timeout bounds the wait for another process's lock on the file
	// (bolt.DefaultTimeout when 0).
	Timeout time.Duration
	// Seed, when set, is loaded into a store that has never been seeded.
	Seed *domain.Dataset
	// SeedsDir is the directory of the source texts: quotes of new evidence citing
	// a source whose file is there are checked against it. Empty: not checked.
	SeedsDir string
}

// Store is the durable store: domain.Store and domain.Explorer through the
// embedded memory store, domain.Writer and domain.AuditLog on top.
type Store struct {
	*memory.Store
	db       *bolt.DB
	seedsDir string

	// tombstones maps merged IDs to their survivors, for lock-free reads.
	tombstones atomic.Pointer[map[string]string]

	// mu serialises writes; the fields below belong to it.
	mu      sync.Mutex
	nodes   map[string]domain.Node
	deleted map[string]bool
	version string
	broken  error
}

var (
	_ domain.Store    = (*Store)(nil)
	_ domain.Explorer = (*Store)(nil)
	_ domain.Writer   = (*Store)(nil)
	_ domain.AuditLog = (*Store)(nil)
)

// Open opens the store file, loads every record into memory and, when the store
// has never been seeded and opts.Seed is set, loads the seed. A file another
// process holds is an error wrapping bolt.ErrLocked.
func Open(ctx context.Context, opts Options) (*Store, error) {
	db, err := bolt.Open(ctx, opts.Path, opts.Timeout)
	if err != nil {
		return nil, fmt.Errorf("curated: %w", err)
	}
	s, err := load(ctx, db, opts)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

func load(ctx context.Context, db *bolt.DB, opts Options) (*Store, error) {
	st, err := db.Load(ctx)
	if err != nil {
		return nil, fmt.Errorf("curated: %w", err)
	}
	s := &Store{db: db, seedsDir: opts.SeedsDir, nodes: map[string]domain.Node{}, deleted: st.Deleted, version: st.Version}
	for _, n := range st.Nodes {
		s.nodes[n.NodeID()] = n
	}
	s.tombstones.Store(&st.Tombstones)
	mem, err := memory.New(s.dataset(s.nodes, s.version))
	if err != nil {
		return nil, fmt.Errorf("curated: the stored graph does not index: %w", err)
	}
	s.Store = mem
	if !st.Seeded && opts.Seed != nil {
		if _, err := s.SyncSeed(ctx, opts.Seed); err != nil {
			return nil, fmt.Errorf("curated: loading the seed: %w", err)
		}
	}
	return s, nil
}

// Close closes the file. Reads keep working on the last graph; writes fail.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.broken = errors.New("store closed")
	return s.db.Close()
}

// Ports returns what the store provides: everything the memory store does, and
// writes and the audit trail. It replaces the embedded memory store's Ports, which
// would serve reads around the tombstones and no writes.
func (s *Store) Ports() domain.Ports {
	return domain.Ports{Store: s, Explorer: s, Writer: s, Audit: s, Revisions: s}
}

// DB returns the underlying file, for backups.
func (s *Store) DB() *bolt.DB { return s.db }

// Nodes implements domain.Store: a merged-away ID resolves to its survivor.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	tomb := *s.tombstones.Load()
	if len(tomb) > 0 {
		resolved := make([]string, len(ids))
		for i, id := range ids {
			if to, ok := tomb[id]; ok {
				id = to
			}
			resolved[i] = id
		}
		ids = resolved
	}
	return s.Store.Nodes(ctx, ids)
}

// Ping implements domain.Store: the store is unusable after Close or after a
// write committed to disk failed to be served.
func (s *Store) Ping(ctx context.Context) error {
	s.mu.Lock()
	broken := s.broken
	s.mu.Unlock()
	if broken != nil {
		return fmt.Errorf("curated: %w", broken)
	}
	return s.Store.Ping(ctx)
}

// Audit implements domain.AuditLog.
func (s *Store) Audit(ctx context.Context, q domain.AuditQuery) (*domain.AuditPage, error) {
	return s.db.Audit(ctx, q)
}

// Resolve returns the survivor of a merged ID, or id itself.
func (s *Store) Resolve(id string) string {
	if to, ok := (*s.tombstones.Load())[id]; ok {
		return to
	}
	return id
}

// dataset returns the records as a dataset for memory.New.
func (s *Store) dataset(nodes map[string]domain.Node, version string) *domain.Dataset {
	ds := &domain.Dataset{Version: version}
	for _, id := range slices.Sorted(maps.Keys(nodes)) {
		ds.Add(nodes[id])
	}
	return ds
}

// change is one write being prepared: the records to put and delete, the
// tombstones, and its audit entries.
type change struct {
	action  domain.AuditAction
	put     []domain.Node
	del     []string
	tombs   []domain.Tombstone
	version string
	seeded  bool
	// validate runs the seed validator over put (false when the caller has).
	validate bool
	// dryRun stops after every check, before anything is written.
	dryRun bool
}

// storedView is the validator's view of the records (seed.Graph), with a change's
// deletions hidden.
type storedView struct {
	nodes map[string]domain.Node
	del   map[string]bool
}

func (g storedView) Node(id string) domain.Node {
	if g.del[id] {
		return nil
	}
	return g.nodes[id]
}

func (g storedView) MeetingNumbered(series string, seq int) string {
	for id, n := range g.nodes {
		if m, ok := n.(*domain.Meeting); ok && !g.del[id] && m.Series == series && m.Sequence != nil && *m.Sequence == seq {
			return id
		}
	}
	return ""
}

// apply validates c, commits it to the file and swaps the new graph in; it
// returns the records as stored (in the order of c.put). The caller holds s.mu.
func (s *Store) apply(ctx context.Context, actor string, c change) ([]domain.Node, error) {
	if s.broken != nil {
		return nil, fmt.Errorf("curated: %w", s.broken)
	}
	put := c.put
	if c.validate {
		valid, err := writeplan.Validate(ctx, s.records(), put, c.del, seed.ValidateOptions{SeedsDir: s.seedsDir})
		if err != nil {
			return nil, err
		}
		put = valid
	}
	if err := writeplan.CheckDeletable(s.records(), put, c.del); err != nil {
		return nil, err
	}
	audit := writeplan.Entries(actor, c.action, put, c.del, func(id string) domain.Node { return s.nodes[id] })
	next := maps.Clone(s.nodes)
	for _, id := range c.del {
		delete(next, id)
	}
	for _, n := range put {
		next[n.NodeID()] = n
	}
	if c.dryRun {
		return put, nil
	}
	version := s.version
	if c.version != "" {
		version = c.version
	}
	mem, err := memory.New(s.dataset(next, version))
	if err != nil {
		return nil, fmt.Errorf("curated: indexing the changed graph: %w", err)
	}
	var newlyDeleted []string
	for _, id := range c.del {
		if !s.deleted[id] {
			newlyDeleted = append(newlyDeleted, id)
		}
	}
	if _, err := s.db.Commit(ctx, bolt.Batch{Put: put, Delete: c.del, Tombstones: c.tombs, Deleted: newlyDeleted,
		Version: c.version, Seeded: c.seeded, Audit: audit}); err != nil {
		return nil, fmt.Errorf("curated: %w", err)
	}
	// Committed: from here on, only memory changes, which cannot fail.
	s.nodes, s.version = next, version
	for _, id := range newlyDeleted {
		s.deleted[id] = true
	}
	if len(c.tombs) > 0 {
		tomb := maps.Clone(*s.tombstones.Load())
		for _, t := range c.tombs {
			tomb[t.ID] = t.SurvivorID
		}
		// Tombstones first: a read in between resolves to a survivor that exists in
		// both graphs.
		s.tombstones.Store(&tomb)
	}
	s.Store.Swap(mem)
	return put, nil
}
