package memory

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/meetingdiff"
	"github.com/corridor-kg/corridor/internal/stats"
)

// commitmentStats implements Explorer.CommitmentStats over the snapshot. The
// commitments are those Commitments would list for the filter (same code); the
// PILLAR and PROGRAMME groups follow the filter's propagation, so a group's count
// equals the total of Commitments filtered by that pillar or programme. The
// groups of every commitment come from a table built on the grouping's first
// use (statKeys), so a call counts into an array instead of hashing keys.
func (ix *index) commitmentStats(ctx context.Context, group domain.CommitmentGroup, f domain.CommitmentFilter, first int) ([]domain.StatGroup, error) {
	if !domain.Valid(group, domain.CommitmentGroups) {
		return nil, domain.FieldErrorf(domain.EINVALID, "groupBy", "unknown commitment grouping %q", group)
	}
	if err := domain.CheckStatsFirst(first); err != nil {
		return nil, err
	}
	q, err := ix.commitmentQuery(f)
	if err != nil {
		return nil, err
	}
	// all lists the commitments by ID: their base positions in the list.
	l := ix.lists[listCommitments]
	all := l.nodes
	t := ix.statKeys(group)
	// ranks lists the candidates' positions in all (sorted by ID, as t is).
	narrow := q.narrowed(len(all))
	var ranks []int32
	if narrow {
		ranks = make([]int32, 0, len(q.candidates))
		for _, n := range q.candidates {
			if r, ok := l.base(n.NodeID()); ok {
				ranks = append(ranks, r)
			}
		}
		slices.Sort(ranks)
		ranks = slices.Compact(ranks)
	}
	counts := make([]int32, len(t.dict))
	// withAmount counts, per group, the matching commitments with an amount;
	// priced lists the matching commitments with an amount, in rank order.
	withAmount := make([]int32, len(t.dict))
	var priced []int32
	n := len(all)
	if narrow {
		n = len(ranks)
	}
	for i := range n {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		r := int32(i)
		if narrow {
			r = ranks[i]
		}
		if !q.matches(r, all[r]) {
			continue
		}
		priceless := all[r].(*domain.Commitment).Amount == nil
		for _, k := range t.vals[t.off[r]:t.off[r+1]] {
			counts[k]++
			if !priceless {
				withAmount[k]++
			}
		}
		if !priceless {
			priced = append(priced, r)
		}
	}
	flat, start := t.amountLists(priced, withAmount)
	alone := ix.amountsAlone()
	singles := 0
	for k := range len(t.dict) {
		if start[k+1]-start[k] == 1 {
			singles++
		}
	}
	// one holds the sums of the groups with one priced commitment, copied from
	// alone instead of summed again.
	one := make([]domain.AmountSum, 0, singles)
	return t.sortedGroups(counts, first, func(k int32) []domain.AmountSum {
		rs := flat[start[k]:start[k+1]]
		switch len(rs) {
		case 0:
			return []domain.AmountSum{}
		case 1:
			one = append(one, alone[rs[0]])
			return one[len(one)-1 : len(one) : len(one)]
		}
		cs := make([]*domain.Commitment, len(rs))
		for i, r := range rs {
			cs[i] = all[r].(*domain.Commitment)
		}
		return stats.SumAmounts(cs)
	}), nil
}

// amountLists returns the positions in priced by group, each group's in the
// order of priced: group k's are flat[start[k]:start[k+1]]. withAmount holds
// their number per group; amountLists uses it up.
func (t *groupTable) amountLists(priced, withAmount []int32) (flat, start []int32) {
	start = make([]int32, len(withAmount)+1)
	for k, c := range withAmount {
		start[k+1] = start[k] + c
		withAmount[k] = start[k] // now the next free slot of group k
	}
	flat = make([]int32, start[len(withAmount)])
	for _, r := range priced {
		for _, k := range t.vals[t.off[r]:t.off[r+1]] {
			flat[withAmount[k]] = r
			withAmount[k]++
		}
	}
	return flat, start
}

// sortedGroups returns the groups with a non-zero count in the order of
// stats.SortGroups (count descending, then key), with their amounts: the
// first `first` of them (all when first is 0), the others never built. It sorts
// by counting: the groups are visited in key order (byKey) and placed in the
// slot range of their count.
func (t *groupTable) sortedGroups(counts []int32, first int, amounts func(k int32) []domain.AmountSum) []domain.StatGroup {
	var most int32
	groups := 0
	for _, c := range counts {
		most = max(most, c)
		if c > 0 {
			groups++
		}
	}
	// next[most-c] is the next free slot of the groups counting c.
	next := make([]int32, most+1)
	for _, c := range counts {
		if c > 0 {
			next[most-c+1]++
		}
	}
	for i := 1; i < len(next); i++ {
		next[i] += next[i-1]
	}
	if first > 0 {
		groups = min(groups, first)
	}
	out := make([]domain.StatGroup, groups)
	for _, k := range t.byKey {
		c := counts[k]
		if c == 0 {
			continue
		}
		if slot := next[most-c]; int(slot) < groups {
			out[slot] = domain.StatGroup{Key: t.dict[k], Label: t.labels[k], Count: int(c), Amounts: amounts(k)}
		}
		next[most-c]++
	}
	return out
}

// groupTable holds the groups of every commitment under one grouping: the
// commitment at position r of the ID-sorted commitments is in the groups
// vals[off[r]:off[r+1]], numbers into dict and labels, the groups' keys and
// display labels; byKey lists the group numbers in key order.
type groupTable struct {
	dict   []string
	labels []string
	byKey  []int32
	off    []int32
	vals   []int32
}

// statTables holds the group tables of a snapshot, each built on first use.
type statTables struct {
	mu     sync.Mutex
	tables map[domain.CommitmentGroup]*groupTable
	// alone holds, per commitment in ID order, the sum of its amount alone
	// (stats.SumAmounts of it; the zero value without an amount).
	alone []domain.AmountSum
}

// amountsAlone returns statTables.alone, building it once.
func (ix *index) amountsAlone() []domain.AmountSum {
	st := &ix.graph.stats
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.alone == nil {
		cs := ix.lists[listCommitments].nodes
		st.alone = make([]domain.AmountSum, len(cs))
		for i, n := range cs {
			if c := n.(*domain.Commitment); c.Amount != nil {
				st.alone[i] = stats.SumAmounts([]*domain.Commitment{c})[0]
			}
		}
	}
	return st.alone
}

// statKeys returns the group table of a grouping, building it once.
func (ix *index) statKeys(group domain.CommitmentGroup) *groupTable {
	st := &ix.graph.stats
	st.mu.Lock()
	defer st.mu.Unlock()
	if t := st.tables[group]; t != nil {
		return t
	}
	cs := ix.byKind[domain.KindCommitment]
	t := &groupTable{off: make([]int32, 1, len(cs)+1)}
	num := map[string]int32{}
	var keys []string
	for _, n := range cs {
		keys = ix.groupKeys(keys[:0], group, n.(*domain.Commitment))
		for _, k := range keys {
			v, ok := num[k]
			if !ok {
				v = int32(len(t.dict))
				num[k] = v
				t.dict = append(t.dict, k)
				t.labels = append(t.labels, ix.groupLabel(group, k))
			}
			t.vals = append(t.vals, v)
		}
		t.off = append(t.off, int32(len(t.vals)))
	}
	t.byKey = make([]int32, len(t.dict))
	for k := range t.byKey {
		t.byKey[k] = int32(k)
	}
	slices.SortFunc(t.byKey, func(a, b int32) int { return strings.Compare(t.dict[a], t.dict[b]) })
	if st.tables == nil {
		st.tables = map[domain.CommitmentGroup]*groupTable{}
	}
	st.tables[group] = t
	return t
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
	ns := ix.rel[domain.TraverseMeetingCommitments][id]
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
	return meetingdiff.Compare(ma, mb, ix.meetingCommitments(a), ix.meetingCommitments(b)), nil
}

// changesSincePrevious implements Explorer.ChangesSincePrevious over the snapshot.
func (ix *index) changesSincePrevious(id string) (*domain.MeetingComparison, error) {
	m, err := ix.meeting("meetingId", id)
	if err != nil {
		return nil, err
	}
	prev := ix.rel[domain.TraverseMeetingPrevious][id]
	if len(prev) == 0 {
		return nil, nil
	}
	p := prev[0].(*domain.Meeting)
	return meetingdiff.Compare(p, m, ix.meetingCommitments(p.ID), ix.meetingCommitments(id)), nil
}
