package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/model"
	"github.com/corridor-kg/corridor/internal/meetingdiff"
)

// This file translates the exploration fields (paths, neighborhood, timeline,
// commitmentStats, compareMeetings, Meeting.changesSincePrevious) between GraphQL
// and the domain.Explorer port. The rules — defaults, limits, ordering, what
// "reaffirmed" means — live in the domain package and the stores.

// explore returns the store's Explorer, or an INTERNAL error with a clear message
// when the store does not provide one.
func (r *Resolver) explore() (domain.Explorer, error) {
	if r.explorer == nil {
		return nil, domain.Errorf(domain.EINTERNAL, "This server's store does not support exploration (paths, neighborhood, timeline, commitmentStats, compareMeetings).")
	}
	return r.explorer, nil
}

// exploreError wraps an Explorer error with context and renames the domain field
// it names to the GraphQL argument (e.g. "actorId" → "actor").
func exploreError(op string, err error, args map[string]string) error {
	var de *domain.Error
	if errors.As(err, &de) {
		if arg, ok := args[de.Field]; ok {
			err = &domain.Error{Code: de.Code, Message: de.Message, Field: arg}
		}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// countArg reads an optional count argument (maxHops, first, depth, limit): nil is
// 0, which the domain replaces with its default; an explicit value below 1 is a
// BAD_USER_INPUT error naming the argument (the domain would read 0 as "default").
func countArg(field string, v *int) (int, error) {
	if v == nil {
		return 0, nil
	}
	if *v < 1 {
		return 0, domain.FieldErrorf(domain.EINVALID, field, "%s must be at least 1, got %d", field, *v)
	}
	return *v, nil
}

// edgeLabel is an edge's display text: its own label, else its type in words
// ("PARTICIPATED_IN" → "participated in").
func edgeLabel(e domain.Edge) string {
	if e.Label != "" {
		return e.Label
	}
	return strings.ToLower(strings.ReplaceAll(string(e.Type), "_", " "))
}

// direction maps PathEdge.Forward onto the PathDirection enum.
func direction(e *domain.PathEdge) model.PathDirection {
	if e.Forward {
		return model.PathDirectionForward
	}
	return model.PathDirectionBackward
}

// groupNode returns the node a stat group stands for: group keys that are node IDs
// (PILLAR, PROGRAMME, MEETING, ACTOR) hold a colon, enum values, series names and
// years do not.
func groupNode(ctx context.Context, g *domain.StatGroup) (domain.Node, error) {
	if !strings.Contains(g.Key, ":") {
		return nil, nil
	}
	return loadNode[domain.Node](ctx, g.Key)
}

// matchSide returns the After (after=true) or Before commitments of matches.
func matchSide(ms []domain.CommitmentMatch, after bool) []*domain.Commitment {
	out := make([]*domain.Commitment, 0, len(ms))
	for _, m := range ms {
		if after {
			out = append(out, m.After)
		} else {
			out = append(out, m.Before)
		}
	}
	return out
}

// changesSincePrevious compares a meeting with the previous meeting of its series
// through the per-request loaders, so that listing many meetings with their changes
// costs one store call per level, not one per meeting. It answers as
// Explorer.ChangesSincePrevious does (both use meetingdiff.Compare over the
// commitments made at each meeting).
func changesSincePrevious(ctx context.Context, m *domain.Meeting) (*domain.MeetingComparison, error) {
	prev, err := loadOneRelated[*domain.Meeting](ctx, m.ID, domain.TraverseMeetingPrevious)
	if err != nil || prev == nil {
		return nil, err
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	both, err := l.related[domain.TraverseMeetingCommitments].LoadAll(ctx, []string{prev.ID, m.ID})
	if err != nil {
		return nil, fmt.Errorf("load the commitments of %s and %s: %w", prev.ID, m.ID, err)
	}
	before, after := only[*domain.Commitment](both[0]), only[*domain.Commitment](both[1])
	return meetingdiff.Compare(prev, m, before, after), nil
}

// ptrs returns pointers to the elements of xs (gqlgen lists of objects).
func ptrs[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}
