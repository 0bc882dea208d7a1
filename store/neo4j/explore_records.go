package neo4j

import (
	"context"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/meetingdiff"
	"github.com/corridor-kg/corridor/internal/stats"
	"github.com/corridor-kg/corridor/internal/timeline"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Timeline implements domain.Explorer: one statement selects, orders and cuts
// the events (explore.timeline), and timeline.EventOf makes each from its
// record as the memory store does; an actor is looked up first (one more
// statement) so that an unknown or non-actor ID is a clear error.
func (s *Store) Timeline(ctx context.Context, q domain.TimelineQuery) ([]domain.TimelineEvent, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, s.internal("timeline", err)
	}
	from, to, _ := q.Dates()
	if q.ActorID != nil {
		ns, err := s.Nodes(ctx, []string{*q.ActorID})
		if err != nil {
			return nil, err
		}
		switch n := ns[0]; {
		case n == nil:
			return nil, domain.FieldErrorf(domain.ENOTFOUND, "actorId", "no node %q", *q.ActorID)
		case !n.NodeKind().IsActor():
			return nil, domain.FieldErrorf(domain.EINVALID, "actorId", "%q is a %s, not an actor", *q.ActorID, n.NodeKind())
		}
	}
	recs, err := s.read(ctx, "explore.timeline", map[string]any{
		"actorId": ptrOrNil(q.ActorID), "series": ptrOrNil(q.Series),
		"from": nullable(from), "to": nullable(to), "limit": int64(q.First)})
	if err != nil {
		return nil, err
	}
	evs := make([]domain.TimelineEvent, 0, len(recs))
	for _, rec := range recs {
		kind, _ := rec.Get("kind")
		person, _ := rec.Get("person")
		org, _ := rec.Get("organization")
		raw, _ := rec.Get("node")
		k, ok := kind.(string)
		if !ok {
			return nil, s.internal("explore.timeline", badRecord("event kind is %T", kind))
		}
		n, err := decodeNode(raw)
		if err != nil {
			return nil, s.internal("explore.timeline", err)
		}
		ev, ok := timeline.EventOf(domain.TimelineEventKind(k), n, stringOr(person), stringOr(org))
		if !ok {
			return nil, s.internal("explore.timeline", badRecord("%s has no %s event", n.NodeID(), k))
		}
		evs = append(evs, ev)
	}
	return timeline.First(evs, q.First), nil
}

// stringOr returns v if it is a string, "" otherwise (null).
func stringOr(v any) string {
	s, _ := v.(string)
	return s
}

// CommitmentStats implements domain.Explorer: one statement filters the
// commitments as the commitments connection does and aggregates them by group
// in Cypher (explore.stats); Go sums the amounts of each group with
// stats.SumAmountList, orders the groups with stats.SortGroups and keeps
// the first `first`.
func (s *Store) CommitmentStats(ctx context.Context, group domain.CommitmentGroup, f domain.CommitmentFilter, first int) ([]domain.StatGroup, error) {
	if !domain.Valid(group, domain.CommitmentGroups) {
		return nil, domain.FieldErrorf(domain.EINVALID, "groupBy", "unknown commitment grouping %q", group)
	}
	if err := domain.CheckStatsFirst(first); err != nil {
		return nil, err
	}
	params, err := commitmentParams(f)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, s.internal("commitment stats", err)
	}
	params["group"] = string(group)
	recs, err := s.read(ctx, "explore.stats", params)
	if err != nil {
		return nil, err
	}
	out := make([]domain.StatGroup, 0, len(recs))
	for _, rec := range recs {
		g, err := statGroup(rec)
		if err != nil {
			return nil, s.internal("explore.stats", err)
		}
		out = append(out, g)
	}
	stats.SortGroups(out)
	return stats.FirstGroups(out, first), nil
}

// statGroup reads a row of explore.stats: key, label, the number of commitments
// and their amounts as [currency, value, maxValue, approximate] lists.
func statGroup(rec *neo4j.Record) (domain.StatGroup, error) {
	key, _ := rec.Get("key")
	lbl, _ := rec.Get("label")
	cnt, _ := rec.Get("commitments")
	raw, _ := rec.Get("amounts")
	k, ok1 := key.(string)
	l, ok2 := lbl.(string)
	c, ok3 := cnt.(int64)
	list, ok4 := raw.([]any)
	if !ok1 || !ok2 || !ok3 || (raw != nil && !ok4) {
		return domain.StatGroup{}, badRecord("stats row %T, %T, %T, %T", key, lbl, cnt, raw)
	}
	amounts := make([]domain.Amount, 0, len(list))
	for _, x := range list {
		a, ok := x.([]any)
		if !ok || len(a) != 4 {
			return domain.StatGroup{}, badRecord("amount is %T", x)
		}
		v, okV := a[1].(float64)
		approx, okA := a[3].(bool)
		if !okV || !okA {
			return domain.StatGroup{}, badRecord("amount %v", a)
		}
		amt := domain.Amount{Value: v, Currency: stringOr(a[0]), Approximate: approx}
		if a[2] != nil {
			m, ok := a[2].(float64)
			if !ok {
				return domain.StatGroup{}, badRecord("amount maximum is %T", a[2])
			}
			amt.MaxValue = &m
		}
		amounts = append(amounts, amt)
	}
	return domain.StatGroup{Key: k, Label: l, Count: int(c), Amounts: stats.SumAmountList(amounts)}, nil
}

// CompareMeetings implements domain.Explorer: the two meetings, then their
// commitments in one statement (the MEETING_COMMITMENTS relation), compared by
// meetingdiff.Compare. Statements: 2.
func (s *Store) CompareMeetings(ctx context.Context, a, b string) (*domain.MeetingComparison, error) {
	ns, err := s.Nodes(ctx, []string{a, b})
	if err != nil {
		return nil, err
	}
	ma, err := asMeeting("a", a, ns[0])
	if err != nil {
		return nil, err
	}
	mb, err := asMeeting("b", b, ns[1])
	if err != nil {
		return nil, err
	}
	return s.compare(ctx, ma, mb)
}

// ChangesSincePrevious implements domain.Explorer: the meeting, the previous
// meeting of its series (the MEETING_PREVIOUS relation), then the commitments
// of both in one statement. Statements: 3, or 2 when there is no previous meeting.
func (s *Store) ChangesSincePrevious(ctx context.Context, meetingID string) (*domain.MeetingComparison, error) {
	ns, err := s.Nodes(ctx, []string{meetingID})
	if err != nil {
		return nil, err
	}
	m, err := asMeeting("meetingId", meetingID, ns[0])
	if err != nil {
		return nil, err
	}
	prev, err := s.Related(ctx, []string{meetingID}, domain.TraverseMeetingPrevious)
	if err != nil {
		return nil, err
	}
	if len(prev[0]) == 0 {
		return nil, nil
	}
	p, ok := prev[0][0].(*domain.Meeting)
	if !ok {
		return nil, s.internal("changes since previous", badRecord("previous meeting %s is a %s", prev[0][0].NodeID(), prev[0][0].NodeKind()))
	}
	return s.compare(ctx, p, m)
}

// compare fetches the commitments of both meetings and compares them.
func (s *Store) compare(ctx context.Context, a, b *domain.Meeting) (*domain.MeetingComparison, error) {
	cs, err := s.Related(ctx, []string{a.ID, b.ID}, domain.TraverseMeetingCommitments)
	if err != nil {
		return nil, err
	}
	before, err := commitments(cs[0])
	if err != nil {
		return nil, s.internal("compare meetings", err)
	}
	after, err := commitments(cs[1])
	if err != nil {
		return nil, s.internal("compare meetings", err)
	}
	return meetingdiff.Compare(a, b, before, after), nil
}

// asMeeting returns n as a meeting: ENOTFOUND when it is nil, EINVALID when it
// is another kind (field names the argument).
func asMeeting(field, id string, n domain.Node) (*domain.Meeting, error) {
	if n == nil {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, field, "no node %q", id)
	}
	m, ok := n.(*domain.Meeting)
	if !ok {
		return nil, domain.FieldErrorf(domain.EINVALID, field, "%q is a %s, not a meeting", id, n.NodeKind())
	}
	return m, nil
}

// commitments converts the nodes of MEETING_COMMITMENTS.
func commitments(ns []domain.Node) ([]*domain.Commitment, error) {
	out := make([]*domain.Commitment, len(ns))
	for i, n := range ns {
		c, ok := n.(*domain.Commitment)
		if !ok {
			return nil, badRecord("%s is a %s, not a commitment", n.NodeID(), n.NodeKind())
		}
		out[i] = c
	}
	return out, nil
}
