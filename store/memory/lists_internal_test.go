package memory

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// TestSortFieldOrders checks both orders of a sort field against
// domain.CompareKeys (the order cursors seek in) on random keys with repeats and
// nulls. Base positions stand for IDs in ID order.
func TestSortFieldOrders(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 50 {
		n := r.IntN(300)
		f := &sortField{keys: make([]string, n)}
		ids := make([]string, n)
		for i := range n {
			ids[i] = fmt.Sprintf("id-%04d", i)
			if k := r.IntN(12); k > 0 {
				f.keys[i] = fmt.Sprintf("k%02d", k)
			}
		}
		f.sort()
		for _, desc := range []bool{false, true} {
			want := make([]int32, n)
			for i := range want {
				want[i] = int32(i)
			}
			slices.SortFunc(want, func(a, b int32) int {
				return domain.CompareKeys(cursorKeys(f.keys[a]), ids[a], cursorKeys(f.keys[b]), ids[b], desc)
			})
			so := f.asc
			if desc {
				so = f.desc
			}
			if !slices.Equal(so.perm, want) {
				t.Fatalf("round %d, desc=%v: order %v, want %v", round, desc, so.perm, want)
			}
			for i, b := range so.perm {
				if so.rank[b] != int32(i) {
					t.Fatalf("round %d, desc=%v: rank of %d is %d, want %d", round, desc, b, so.rank[b], i)
				}
			}
		}
	}
}
