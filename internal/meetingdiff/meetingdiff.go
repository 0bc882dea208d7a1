// Package meetingdiff compares the commitments of two meetings
// (domain.Explorer.CompareMeetings and ChangesSincePrevious): both stores, and
// graph's per-request loaders, fetch the meetings and their commitments their
// own way and match them here.
package meetingdiff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// Reaffirms reports whether the later commitment restates the earlier one: same
// kind, same set of concerned nodes, and at least one maker in common.
func Reaffirms(before, after *domain.Commitment) bool {
	if before.Kind != after.Kind || !sameSet(before.ConcernIDs, after.ConcernIDs) {
		return false
	}
	for _, m := range after.MadeByIDs {
		if slices.Contains(before.MadeByIDs, m) {
			return true
		}
	}
	return false
}

// sameSet reports whether a and b hold the same strings, ignoring order and repeats.
func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// Compare compares the commitments made at meeting a (before) with
// those made at meeting b (after). Each commitment of b is matched with a
// commitment of a it reaffirms; when several qualify, an unmatched one is
// preferred so that two restated commitments pair one to one, and commitments of
// b with fewer candidates choose first (ties by ID; candidates by ID). Lists are
// ordered by the ID of After (New, Reaffirmed) or Before (Dropped).
func Compare(a, b *domain.Meeting, before, after []*domain.Commitment) *domain.MeetingComparison {
	before = sortedByID(before)
	after = sortedByID(after)
	cands := make(map[*domain.Commitment][]*domain.Commitment, len(after))
	for _, c := range after {
		for _, p := range before {
			if Reaffirms(p, c) {
				cands[c] = append(cands[c], p)
			}
		}
	}
	order := slices.Clone(after)
	slices.SortStableFunc(order, func(x, y *domain.Commitment) int { return cmp.Compare(len(cands[x]), len(cands[y])) })
	matched := map[*domain.Commitment]*domain.Commitment{}
	used := map[*domain.Commitment]bool{}
	for _, c := range order {
		cs := cands[c]
		if len(cs) == 0 {
			continue
		}
		pick := cs[0]
		for _, p := range cs {
			if !used[p] {
				pick = p
				break
			}
		}
		matched[c] = pick
		used[pick] = true
	}
	cmpr := &domain.MeetingComparison{A: a, B: b, New: []domain.CommitmentMatch{}, Reaffirmed: []domain.CommitmentMatch{}, Dropped: []domain.CommitmentMatch{}}
	for _, c := range after {
		if p, ok := matched[c]; ok {
			cmpr.Reaffirmed = append(cmpr.Reaffirmed, domain.CommitmentMatch{Before: p, After: c})
		} else {
			cmpr.New = append(cmpr.New, domain.CommitmentMatch{After: c})
		}
	}
	for _, p := range before {
		if !used[p] {
			cmpr.Dropped = append(cmpr.Dropped, domain.CommitmentMatch{Before: p})
		}
	}
	return cmpr
}

func sortedByID(cs []*domain.Commitment) []*domain.Commitment {
	out := slices.Clone(cs)
	slices.SortFunc(out, func(x, y *domain.Commitment) int { return strings.Compare(x.ID, y.ID) })
	return slices.CompactFunc(out, func(x, y *domain.Commitment) bool { return x.ID == y.ID })
}
