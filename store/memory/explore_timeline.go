package memory

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/corridor-kg/corridor/domain"
)

// timeline implements Explorer.Timeline over the snapshot. Event labels: a
// meeting's title, a commitment's statement, "<person>, <title> at <organization>"
// for both ends of a role, "<metric>: <value> <unit>" for a figure. A role yields a
// ROLE_START event always (undated when its start is unknown) and a ROLE_END event
// only when its end is known or described: an unknown end is not an end.
func (ix *index) timeline(ctx context.Context, q domain.TimelineQuery) ([]domain.TimelineEvent, error) {
	from, to, err := q.Dates()
	if err != nil {
		return nil, err
	}
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
		meetings = ix.rel[domain.RelActorMeetings][id]
		commitments = slices.Concat(ix.rel[domain.RelCommitmentsMade][id], ix.rel[domain.RelCommitmentsReceived][id])
		switch n.NodeKind() {
		case domain.KindPerson:
			roles = ix.rel[domain.RelPersonRoles][id]
		case domain.KindOrganization:
			roles = ix.rel[domain.RelOrgRoles][id]
		}
		figures = ix.rel[domain.RelFiguresStated][id]
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
	add := func(d domain.PartialDate, k domain.TimelineEventKind, n domain.Node, label string) {
		if d.Within(from, to) {
			evs = append(evs, domain.TimelineEvent{Date: d, Kind: k, Node: n, Label: label})
		}
	}
	for i, n := range meetings {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		m := n.(*domain.Meeting)
		if q.Series == nil || m.Series == *q.Series {
			add(m.Date, domain.EventMeeting, m, m.Title)
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
		add(c.Date, domain.EventCommitment, c, c.Statement)
	}
	for i, n := range roles {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		r := n.(*domain.Role)
		label := fmt.Sprintf("%s, %s at %s", ix.label(r.PersonID), r.Title, ix.label(r.OrganizationID))
		add(r.From, domain.EventRoleStart, r, label)
		if r.To.Known() || r.To.Text != "" {
			add(r.To, domain.EventRoleEnd, r, label)
		}
	}
	for i, n := range figures {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		f := n.(*domain.Figure)
		add(f.AsOf, domain.EventFigure, f, fmt.Sprintf("%s: %s %s", f.Metric, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit))
	}
	slices.SortFunc(evs, domain.CompareTimelineEvents)
	if evs == nil {
		evs = []domain.TimelineEvent{}
	}
	return evs, nil
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
