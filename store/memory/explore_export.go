package memory

import (
	"context"
	"fmt"
	"slices"

	"github.com/corridor-kg/corridor/domain"
)

// AllNodes returns every node of the current snapshot, sorted by ID, so an
// export of the whole graph need not page through every list. It implements
// export.NodeLister.
func (s *Store) AllNodes(ctx context.Context) ([]domain.Node, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: all nodes: %w", err)
	}
	return slices.Clone(s.idx.Load().graph.nodes), nil
}
