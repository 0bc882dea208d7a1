package memory

import (
	"context"
	"fmt"
	"slices"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/timeline"
)

// timeline implements Explorer.Timeline over the snapshot: it selects the records
// here, and timeline.EventOf and timeline.First (shared with the Neo4j
// store) make, label, order and cut the events.
func (ix *index) timeline(ctx context.Context, q domain.TimelineQuery) ([]domain.TimelineEvent, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	from, to, _ := q.Dates()
	var meetings, commitments, roles, figures []domain.Node
	if q.ActorID != nil {
		id := *q.ActorID
		n, ok := ix.byID[id]
		if !ok {
			return nil, domain.FieldErrorf(domain.ENOTFOUND, "actorId", "no node %q", id)
		}
		if !n.NodeKind().IsActor() {
			return nil, domain.FieldErrorf(domain.EINVALID, "actorId", "%q is a %s, not an actor", id, n.NodeKind())
		}
		meetings = ix.rel[domain.TraverseActorMeetings][id]
		commitments = slices.Concat(ix.rel[domain.TraverseCommitmentsMade][id], ix.rel[domain.TraverseCommitmentsReceived][id])
		switch n.NodeKind() {
		case domain.KindPerson:
			roles = ix.rel[domain.TraversePersonRoles][id]
		case domain.KindOrganization:
			roles = ix.rel[domain.TraverseOrgRoles][id]
		}
		figures = ix.rel[domain.TraverseFiguresStated][id]
	} else {
		meetings = ix.byKind[domain.KindMeeting]
		commitments = ix.byKind[domain.KindCommitment]
		roles = ix.byKind[domain.KindRole]
		figures = ix.byKind[domain.KindFigure]
	}
	if q.Series != nil {
		// Roles and figures belong to no series.
		roles, figures = nil, nil
	}
	inSeries := func(meetingID string) bool {
		m, ok := ix.byID[meetingID].(*domain.Meeting)
		return ok && m.Series == *q.Series
	}
	var evs []domain.TimelineEvent
	add := func(k domain.TimelineEventKind, n domain.Node, person, organization string) {
		if ev, ok := timeline.EventOf(k, n, person, organization); ok && ev.Date.Within(from, to) {
			evs = append(evs, ev)
		}
	}
	for i, n := range meetings {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		m := n.(*domain.Meeting)
		if q.Series == nil || m.Series == *q.Series {
			add(domain.EventMeeting, m, "", "")
		}
	}
	seen := map[string]bool{}
	for i, n := range commitments {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		c := n.(*domain.Commitment)
		if seen[c.ID] || (q.Series != nil && !inSeries(c.MadeAtID)) {
			continue
		}
		seen[c.ID] = true
		add(domain.EventCommitment, c, "", "")
	}
	for i, n := range roles {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		r := n.(*domain.Role)
		person, organization := ix.label(r.PersonID), ix.label(r.OrganizationID)
		add(domain.EventRoleStart, r, person, organization)
		add(domain.EventRoleEnd, r, person, organization)
	}
	for i, n := range figures {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		add(domain.EventFigure, n, "", "")
	}
	return timeline.First(evs, q.First), nil
}

// label returns the label of the node with the given ID ("" if unknown).
func (ix *index) label(id string) string {
	if n, ok := ix.byID[id]; ok {
		return n.Label()
	}
	return ""
}

// checkEvery reports a cancelled context every 1024 iterations of a loop.
func checkEvery(ctx context.Context, i int) error {
	if i%1024 == 0 {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("memory: explore: %w", err)
		}
	}
	return nil
}
