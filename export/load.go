package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// NodeLister is implemented by stores that can hand over every node at once
// (the memory store). Load reads other stores page by page through
// domain.Store.
type NodeLister interface {
	// AllNodes returns every node of the store, in any order.
	AllNodes(ctx context.Context) ([]domain.Node, error)
}

// Ports are the abilities of a store an export reads through; the caller, who
// chose the store, says which it has.
type Ports struct {
	// Store answers every read.
	Store domain.Store
	// Explorer answers neighbourhood exports (Filter.Around); nil refuses them.
	Explorer domain.Explorer
	// Lister hands over the whole graph at once; nil lists every kind page by page.
	Lister NodeLister
}

// relatedBatch is how many parent IDs Load asks Related about in one call.
const relatedBatch = 500

// Load returns the part of the graph held by the store of p that f selects (see
// Filter), read through its ports: a neighbourhood through p.Explorer (which
// must be set), named nodes through Store.Nodes, the whole graph through
// p.Lister when set and otherwise by listing every kind. The graph carries the
// dataset version of Store.Info.
func Load(ctx context.Context, p Ports, f Filter) (*Snapshot, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	st := p.Store
	info, err := st.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: dataset info: %w", err)
	}
	var (
		kept      []domain.Node
		edges     []domain.Edge
		truncated bool
	)
	switch {
	case f.Around != "":
		if p.Explorer == nil {
			return nil, fmt.Errorf("export: the store cannot explore neighbourhoods")
		}
		sub, err := p.Explorer.Neighborhood(ctx, f.neighborhoodQuery())
		if err != nil {
			return nil, renameField(err)
		}
		kept, edges, truncated = sub.Nodes, sub.Edges, sub.Truncated
		if len(f.IDs) > 0 {
			if _, err := namedNodes(ctx, st, f.IDs); err != nil {
				return nil, err
			}
			ids := f.idSet()
			kept = keepIf(kept, func(n domain.Node) bool { return ids[n.NodeID()] })
		}
	case len(f.IDs) > 0:
		ns, err := namedNodes(ctx, st, f.IDs)
		if err != nil {
			return nil, err
		}
		kept = keepIf(ns, f.kindOK)
		edges = f.keepEdges(derivedEdges(kept))
	default:
		all, err := allNodes(ctx, st, p.Lister)
		if err != nil {
			return nil, err
		}
		kept = keepIf(all, f.kindOK)
		edges = derivedEdges(kept)
	}
	g, err := cut(ctx, info.Version, kept, edges, f.Kinds, st.Nodes)
	if err != nil {
		return nil, err
	}
	g.Truncated = truncated
	return g, nil
}

// keepIf returns the nodes for which keep holds, each ID once.
func keepIf(ns []domain.Node, keep func(domain.Node) bool) []domain.Node {
	seen := make(map[string]bool, len(ns))
	var out []domain.Node
	for _, n := range ns {
		if n != nil && !seen[n.NodeID()] && keep(n) {
			seen[n.NodeID()] = true
			out = append(out, n)
		}
	}
	return out
}

// namedNodes returns the nodes with the given IDs; unknown IDs are a NOT_FOUND
// error on ids.
func namedNodes(ctx context.Context, st domain.Store, ids []string) ([]domain.Node, error) {
	ns, err := st.Nodes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("export: reading nodes: %w", err)
	}
	var missing []string
	for i, n := range ns {
		if n == nil {
			missing = append(missing, ids[i])
		}
	}
	if len(missing) > 0 {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, "ids", "no node with ID %s", strings.Join(missing, ", "))
	}
	return ns, nil
}

// allNodes returns every node of st: at once from l when set, otherwise every
// listed kind page by page, programmes and pillars, the roles and
// figures of the nodes found, and every node citing a source (every record
// carries evidence, so nothing is left out).
func allNodes(ctx context.Context, st domain.Store, l NodeLister) ([]domain.Node, error) {
	if l != nil {
		ns, err := l.AllNodes(ctx)
		if err != nil {
			return nil, fmt.Errorf("export: listing nodes: %w", err)
		}
		return ns, nil
	}
	c := &collector{seen: map[string]bool{}}
	err := c.lists(ctx, st)
	if err == nil {
		err = c.related(ctx, st)
	}
	if err != nil {
		return nil, fmt.Errorf("export: listing nodes: %w", err)
	}
	return c.nodes, nil
}

// collector gathers nodes, each once.
type collector struct {
	nodes []domain.Node
	seen  map[string]bool
}

func (c *collector) add(n domain.Node) {
	if n != nil && !c.seen[n.NodeID()] {
		c.seen[n.NodeID()] = true
		c.nodes = append(c.nodes, n)
	}
}

// lists adds every node the store's connections and lists return.
func (c *collector) lists(ctx context.Context, st domain.Store) error {
	all := domain.Order{}
	steps := []func() error{
		func() error {
			return pageAll(func(p domain.PageArgs) (*domain.Page[domain.Node], error) {
				return st.Actors(ctx, domain.ActorFilter{}, all, p)
			}, c.add)
		},
		func() error {
			return pageAll(func(p domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
				return st.Meetings(ctx, domain.MeetingFilter{}, all, p)
			}, c.add)
		},
		func() error {
			return pageAll(func(p domain.PageArgs) (*domain.Page[*domain.Commitment], error) {
				return st.Commitments(ctx, domain.CommitmentFilter{}, all, p)
			}, c.add)
		},
		func() error {
			return pageAll(func(p domain.PageArgs) (*domain.Page[*domain.Project], error) {
				return st.Projects(ctx, domain.ProjectFilter{}, all, p)
			}, c.add)
		},
		func() error {
			return pageAll(func(p domain.PageArgs) (*domain.Page[*domain.Source], error) {
				return st.Sources(ctx, domain.SourceFilter{}, all, p)
			}, c.add)
		},
		func() error {
			ps, err := st.Programmes(ctx)
			for _, p := range ps {
				c.add(p)
			}
			return err
		},
		func() error {
			ps, err := st.Pillars(ctx)
			for _, p := range ps {
				c.add(p)
			}
			return err
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// related adds the nodes no list returns: roles, figures, and anything else
// citing a source.
func (c *collector) related(ctx context.Context, st domain.Store) error {
	for _, rel := range []domain.Traversal{domain.TraversePersonRoles, domain.TraverseOrgRoles,
		domain.TraverseFiguresStated, domain.TraverseFiguresAbout, domain.TraverseSourceClaims} {
		ids := make([]string, len(c.nodes))
		for i, n := range c.nodes {
			ids[i] = n.NodeID()
		}
		for start := 0; start < len(ids); start += relatedBatch {
			lists, err := st.Related(ctx, ids[start:min(start+relatedBatch, len(ids))], rel)
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			for _, ns := range lists {
				for _, n := range ns {
					c.add(n)
				}
			}
		}
	}
	return nil
}

// pageAll calls list page after page until the last and passes every item to add.
func pageAll[T domain.Node](list func(domain.PageArgs) (*domain.Page[T], error), add func(domain.Node)) error {
	p := domain.PageArgs{First: domain.MaxPageSize}
	for {
		pg, err := list(p)
		if err != nil {
			return err
		}
		for _, n := range pg.Items {
			add(n)
		}
		if !pg.HasNextPage || len(pg.Cursors) == 0 {
			return nil
		}
		p.After = pg.Cursors[len(pg.Cursors)-1]
	}
}
