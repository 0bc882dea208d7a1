package memory

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/stats"
)

// TestSortedGroupsOrder checks the counting sort of commitmentStats against
// stats.SortGroups on random counts, ties and empty groups included.
func TestSortedGroupsOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		n := r.IntN(200)
		tb := &groupTable{}
		counts := make([]int32, n)
		for k := range n {
			tb.dict = append(tb.dict, fmt.Sprintf("key-%03d", r.IntN(1000)*1000+k))
			tb.labels = append(tb.labels, fmt.Sprintf("label %d", k))
			tb.byKey = append(tb.byKey, int32(k))
			counts[k] = int32(r.IntN(6))
		}
		slices.SortFunc(tb.byKey, func(a, b int32) int { return strings.Compare(tb.dict[a], tb.dict[b]) })
		got := tb.sortedGroups(counts, 0, func(int32) []domain.AmountSum { return []domain.AmountSum{} })
		var want []domain.StatGroup
		for k, c := range counts {
			if c > 0 {
				want = append(want, domain.StatGroup{Key: tb.dict[k], Label: tb.labels[k], Count: int(c), Amounts: []domain.AmountSum{}})
			}
		}
		stats.SortGroups(want)
		if len(got) != len(want) {
			t.Fatalf("round %d: %d groups, want %d", round, len(got), len(want))
		}
		first := r.IntN(len(want)+2) + 1
		if top := tb.sortedGroups(counts, first, func(int32) []domain.AmountSum { return []domain.AmountSum{} }); !slices.Equal(statKeys(top), statKeys(want[:min(first, len(want))])) {
			t.Fatalf("round %d, first %d: %v, want %v", round, first, statKeys(top), statKeys(want[:min(first, len(want))]))
		}
		for i := range want {
			if got[i].Key != want[i].Key || got[i].Label != want[i].Label || got[i].Count != want[i].Count {
				t.Fatalf("round %d: group %d is %+v, want %+v", round, i, got[i], want[i])
			}
		}
	}
}

// statKeys lists the groups as "key=count".
func statKeys(gs []domain.StatGroup) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = fmt.Sprintf("%s=%d", g.Key, g.Count)
	}
	return out
}
