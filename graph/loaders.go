package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// Loaders batch the store calls of one operation so that the number of round trips
// grows with the depth of the query, not with the number of objects in the answer.
//
// There is one loader for ID references (Store.Nodes: madeBy, madeAt,
// evidence.source, role.person…) and one per domain.Traversal for reverse fields
// (Store.Related: meeting.commitments, person.roles…). Every resolver of a field
// asks its loader for its own parent's key and blocks.
//
// How one call reaches every parent of a level, across Relay edges: gqlgen resolves
// the elements of every list, and the resolver-backed fields of every object, in
// their own goroutines, so when a level of the answer is being built, the resolvers
// of all its parents — whichever edge, list or branch of the query they sit under —
// are running at about the same time and ask their loader for their keys in one
// burst. The loader (loader.go) holds its batch open until the burst pauses for
// Config.LoaderWait (at most Config.LoaderMaxWait), with no size limit, then makes
// one store call for all the keys and wakes every waiting resolver at once. Those
// resolvers go on to the next level together, so the next level's keys again arrive
// in one burst. gqlgen's own `batch: true` resolvers would only batch the siblings of
// one list, which under `edges { node }` is one call per parent. Keys already loaded
// in the operation are served from the loader's cache.
type Loaders struct {
	nodes   *Loader[domain.Node]
	related map[domain.Traversal]*Loader[[]domain.Node]
}

// NewLoaders returns fresh loaders over store that dispatch a batch once keys stop
// arriving for idle, or maxWait after it opened. Loaders cache what they load, so
// make a new set for every operation.
func NewLoaders(store domain.Store, idle, maxWait time.Duration) *Loaders {
	l := &Loaders{
		nodes: NewLoader(func(ctx context.Context, ids []string) ([]domain.Node, error) {
			ns, err := store.Nodes(ctx, ids)
			if err != nil {
				return nil, fmt.Errorf("load %d nodes: %w", len(ids), err)
			}
			return ns, nil
		}, idle, maxWait),
		related: make(map[domain.Traversal]*Loader[[]domain.Node], len(domain.Traversals)),
	}
	for _, rel := range domain.Traversals {
		l.related[rel] = NewLoader(func(ctx context.Context, ids []string) ([][]domain.Node, error) {
			ns, err := store.Related(ctx, ids, rel)
			if err != nil {
				return nil, fmt.Errorf("load %s of %d nodes: %w", rel, len(ids), err)
			}
			return ns, nil
		}, idle, maxWait)
	}
	return l
}

type loadersKey struct{}

// WithLoaders returns a context carrying l, for the resolvers of one operation.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFrom returns the operation's loaders; their absence is a wiring bug.
func loadersFrom(ctx context.Context) (*Loaders, error) {
	l, ok := ctx.Value(loadersKey{}).(*Loaders)
	if !ok {
		return nil, fmt.Errorf("graph: no loaders in context (use NewHandler or WithLoaders)")
	}
	return l, nil
}

// loadNodes returns the nodes with the given IDs that exist and are of type T, in
// order; unknown IDs are left out.
func loadNodes[T domain.Node](ctx context.Context, ids []string) ([]T, error) {
	if len(ids) == 0 {
		return []T{}, nil
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	ns, err := l.nodes.LoadAll(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load %v: %w", ids, err)
	}
	return only[T](ns), nil
}

// loadNode returns the node with the given ID if it exists and is of type T, else
// the zero T (nil). An empty ID is no reference at all.
func loadNode[T domain.Node](ctx context.Context, id string) (T, error) {
	var zero T
	if id == "" {
		return zero, nil
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return zero, err
	}
	n, err := l.nodes.Load(ctx, id)
	if err != nil {
		return zero, fmt.Errorf("load %s: %w", id, err)
	}
	t, _ := n.(T)
	return t, nil
}

// loadRelated returns the nodes of type T reached from id by rel.
func loadRelated[T domain.Node](ctx context.Context, id string, rel domain.Traversal) ([]T, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	loader, ok := l.related[rel]
	if !ok {
		return nil, fmt.Errorf("graph: no loader for relation %s", rel)
	}
	ns, err := loader.Load(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load %s of %s: %w", rel, id, err)
	}
	return only[T](ns), nil
}

// only keeps the non-nil nodes of type T.
func only[T domain.Node](ns []domain.Node) []T {
	out := make([]T, 0, len(ns))
	for _, n := range ns {
		if t, ok := n.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// loadNodesOrNil returns the nodes with the given IDs in order, nil where an ID is
// unknown (Query.nodes).
func loadNodesOrNil(ctx context.Context, ids []string) ([]domain.Node, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	ns, err := l.nodes.LoadAll(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load %d nodes: %w", len(ids), err)
	}
	return ns, nil
}

// loadOneRelated returns the first node of type T reached from id by rel, or nil.
func loadOneRelated[T domain.Node](ctx context.Context, id string, rel domain.Traversal) (T, error) {
	var zero T
	ns, err := loadRelated[T](ctx, id, rel)
	if err != nil || len(ns) == 0 {
		return zero, err
	}
	return ns[0], nil
}
