package memory

import (
	"context"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// commitmentStats implements Explorer.CommitmentStats over the snapshot. The
// commitments are those Commitments would list for the filter (same code); the
// PILLAR and PROGRAMME groups follow the filter's propagation, so a group's count
// equals the total of Commitments filtered by that pillar or programme.
func (ix *index) commitmentStats(ctx context.Context, group domain.CommitmentGroup, f domain.CommitmentFilter) ([]domain.StatGroup, error) {
	if !domain.Valid(group, domain.CommitmentGroups) {
		return nil, domain.FieldErrorf(domain.EINVALID, "groupBy", "unknown commitment grouping %q", group)
	}
	q, err := ix.commitmentQuery(f)
	if err != nil {
		return nil, err
	}
	cands := ix.byKind[domain.KindCommitment]
	if !q.all {
		cands = slices.Clone(q.candidates)
		slices.SortFunc(cands, func(a, b domain.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
		cands = slices.CompactFunc(cands, func(a, b domain.Node) bool { return a.NodeID() == b.NodeID() })
	}
	type acc struct {
		count   int
		amounts []*domain.Commitment
	}
	groups := map[string]*acc{}
	var keys []string
	for i, n := range cands {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		if !q.match(n) {
			continue
		}
		c := n.(*domain.Commitment)
		keys = ix.groupKeys(keys[:0], group, c)
		for _, k := range keys {
			a := groups[k]
			if a == nil {
				a = &acc{}
				groups[k] = a
			}
			a.count++
			if c.Amount != nil {
				a.amounts = append(a.amounts, c)
			}
		}
	}
	out := make([]domain.StatGroup, 0, len(groups))
	for k, a := range groups {
		out = append(out, domain.StatGroup{Key: k, Label: ix.groupLabel(group, k), Count: a.count, Amounts: domain.SumAmounts(a.amounts)})
	}
	domain.SortStatGroups(out)
	return out, nil
}

// groupKeys appends to keys the distinct groups of c ("" when it has none).
func (ix *index) groupKeys(keys []string, group domain.CommitmentGroup, c *domain.Commitment) []string {
	switch group {
	case domain.GroupPillar:
		for _, id := range c.ConcernIDs {
			switch n := ix.byID[id].(type) {
			case *domain.Pillar:
				keys = append(keys, n.ID)
			case *domain.Project:
				keys = append(keys, n.PillarIDs...)
			}
		}
	case domain.GroupProgramme:
		for _, id := range c.ConcernIDs {
			switch n := ix.byID[id].(type) {
			case *domain.Programme:
				keys = append(keys, n.ID)
			case *domain.Pillar:
				keys = append(keys, n.ProgrammeID)
			case *domain.Project:
				keys = append(keys, n.ProgrammeIDs...)
				for _, p := range n.PillarIDs {
					if pl, ok := ix.byID[p].(*domain.Pillar); ok {
						keys = append(keys, pl.ProgrammeID)
					}
				}
			}
		}
	case domain.GroupMeeting:
		keys = append(keys, c.MadeAtID)
	case domain.GroupSeries:
		if m, ok := ix.byID[c.MadeAtID].(*domain.Meeting); ok {
			keys = append(keys, m.Series)
		}
	case domain.GroupKind:
		keys = append(keys, string(c.Kind))
	case domain.GroupStatus:
		keys = append(keys, string(c.Status))
	case domain.GroupActor:
		keys = append(keys, c.MadeByIDs...)
	case domain.GroupYear:
		if c.Date.Known() {
			keys = append(keys, c.Date.Value[:4])
		}
	}
	keys = slices.DeleteFunc(keys, func(k string) bool { return k == "" })
	if len(keys) == 0 {
		return append(keys, "")
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// groupLabel returns the display label of a group key.
func (ix *index) groupLabel(group domain.CommitmentGroup, key string) string {
	switch group {
	case domain.GroupPillar, domain.GroupProgramme, domain.GroupMeeting, domain.GroupActor:
		return ix.label(key)
	}
	return key
}

// meeting returns the meeting with the given ID: ENOTFOUND when there is no such
// node, EINVALID when it is not a meeting (field names the argument).
func (ix *index) meeting(field, id string) (*domain.Meeting, error) {
	n, ok := ix.byID[id]
	if !ok {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, field, "no node %q", id)
	}
	m, ok := n.(*domain.Meeting)
	if !ok {
		return nil, domain.FieldErrorf(domain.EINVALID, field, "%q is a %s, not a meeting", id, n.NodeKind())
	}
	return m, nil
}

// meetingCommitments returns the commitments made at a meeting.
func (ix *index) meetingCommitments(id string) []*domain.Commitment {
	ns := ix.rel[domain.RelMeetingCommitments][id]
	out := make([]*domain.Commitment, len(ns))
	for i, n := range ns {
		out[i] = n.(*domain.Commitment)
	}
	return out
}

// compareMeetings implements Explorer.CompareMeetings over the snapshot.
func (ix *index) compareMeetings(a, b string) (*domain.MeetingComparison, error) {
	ma, err := ix.meeting("a", a)
	if err != nil {
		return nil, err
	}
	mb, err := ix.meeting("b", b)
	if err != nil {
		return nil, err
	}
	return domain.CompareCommitments(ma, mb, ix.meetingCommitments(a), ix.meetingCommitments(b)), nil
}

// changesSincePrevious implements Explorer.ChangesSincePrevious over the snapshot.
func (ix *index) changesSincePrevious(id string) (*domain.MeetingComparison, error) {
	m, err := ix.meeting("meetingId", id)
	if err != nil {
		return nil, err
	}
	prev := ix.rel[domain.RelMeetingPrevious][id]
	if len(prev) == 0 {
		return nil, nil
	}
	p := prev[0].(*domain.Meeting)
	return domain.CompareCommitments(p, m, ix.meetingCommitments(p.ID), ix.meetingCommitments(id)), nil
}
