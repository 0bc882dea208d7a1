package memory

import (
	"context"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
)

// The memory store implements domain.Explorer over the traversal index built
// with each snapshot (explore_graph.go); the semantics of each method are
// documented on the unexported method it calls.

var _ domain.Explorer = (*Store)(nil)

// Paths implements domain.Explorer. See explore_paths.go for the search.
func (s *Store) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: paths: %w", err)
	}
	return s.idx.Load().paths(ctx, q)
}

// Neighborhood implements domain.Explorer.
func (s *Store) Neighborhood(ctx context.Context, q domain.NeighborhoodQuery) (*domain.Subgraph, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: neighborhood: %w", err)
	}
	return s.idx.Load().neighborhood(ctx, q)
}

// Timeline implements domain.Explorer.
func (s *Store) Timeline(ctx context.Context, q domain.TimelineQuery) ([]domain.TimelineEvent, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: timeline: %w", err)
	}
	return s.idx.Load().timeline(ctx, q)
}

// CommitmentStats implements domain.Explorer.
func (s *Store) CommitmentStats(ctx context.Context, group domain.CommitmentGroup, f domain.CommitmentFilter, first int) ([]domain.StatGroup, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: commitment stats: %w", err)
	}
	return s.idx.Load().commitmentStats(ctx, group, f, first)
}

// CompareMeetings implements domain.Explorer.
func (s *Store) CompareMeetings(ctx context.Context, a, b string) (*domain.MeetingComparison, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: compare meetings: %w", err)
	}
	return s.idx.Load().compareMeetings(a, b)
}

// ChangesSincePrevious implements domain.Explorer.
func (s *Store) ChangesSincePrevious(ctx context.Context, meetingID string) (*domain.MeetingComparison, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: changes since previous: %w", err)
	}
	return s.idx.Load().changesSincePrevious(meetingID)
}
