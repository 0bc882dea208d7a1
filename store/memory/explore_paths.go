package memory

import (
	"context"
	"errors"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
)

// paths implements Explorer.Paths over the snapshot's traversal index; the search
// itself is traverse.Index.Paths, shared with the Neo4j store.
func (ix *index) paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	ps, err := ix.graph.Paths(ctx, q)
	if err != nil {
		return nil, wrapCtx(err)
	}
	return ps, nil
}

// wrapCtx names the store in a context error; coded errors pass unchanged.
func wrapCtx(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("memory: %w", err)
	}
	return err
}
