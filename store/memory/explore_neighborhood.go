package memory

import (
	"context"

	"github.com/corridor-kg/corridor/domain"
)

// neighborhood implements Explorer.Neighborhood over the snapshot's traversal
// index; the breadth-first search is traverse.Index.Neighborhood, shared with the
// Neo4j store.
func (ix *index) neighborhood(ctx context.Context, q domain.NeighborhoodQuery) (*domain.Subgraph, error) {
	sub, err := ix.graph.Neighborhood(ctx, q)
	if err != nil {
		return nil, wrapCtx(err)
	}
	return sub, nil
}
