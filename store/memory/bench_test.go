package memory_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
)

// benchSizes are the dataset sizes the benchmarks run on (nodes requested from synth).
var benchSizes = []int{1000, 10000}

func benchStore(b *testing.B, n int) (*memory.Store, *domain.Dataset) {
	b.Helper()
	ds := synth.Generate(1, n)
	return MustOpen(b, ds), ds
}

func BenchmarkNew(b *testing.B) {
	for _, n := range benchSizes {
		ds := synth.Generate(1, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := memory.New(ds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCommitments(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		s, ds := benchStore(b, n)
		maker := ds.Countries[0].ID
		cases := []struct {
			name string
			f    domain.CommitmentFilter
			o    domain.Order
		}{
			{"all/date", domain.CommitmentFilter{}, domain.Order{}},
			{"all/statement-desc", domain.CommitmentFilter{}, domain.Order{Field: "STATEMENT", Desc: true}},
			{"madeBy/date", domain.CommitmentFilter{MadeByID: &maker}, domain.Order{}},
			{"text/date", domain.CommitmentFilter{Text: ptrTo("software")}, domain.Order{}},
		}
		for _, c := range cases {
			b.Run(fmt.Sprintf("n=%d/%s", n, c.name), func(b *testing.B) {
				// First page, then the page after it: both the start and a cursor seek.
				first, err := s.Commitments(ctx, c.f, c.o, domain.PageArgs{First: 20})
				if err != nil || len(first.Cursors) == 0 {
					b.Fatalf("first page: %v", err)
				}
				after := first.Cursors[len(first.Cursors)-1]
				for b.Loop() {
					if _, err := s.Commitments(ctx, c.f, c.o, domain.PageArgs{First: 20, After: after}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkRelated(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		s, ds := benchStore(b, n)
		var actors []string
		for _, x := range ds.Nodes() {
			if x.NodeKind().IsActor() && len(actors) < 100 {
				actors = append(actors, x.NodeID())
			}
		}
		for _, rel := range []domain.Traversal{domain.TraverseCommitmentsMade, domain.TraverseActorMeetings, domain.TraversePersonRoles} {
			b.Run(fmt.Sprintf("n=%d/%s/100-parents", n, rel), func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Related(ctx, actors, rel); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		s, _ := benchStore(b, n)
		for _, q := range []string{"Ministry of Software", "anusha", "telecomunication", "e-commerce", "k"} {
			b.Run(fmt.Sprintf("n=%d/%s", n, q), func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Search(ctx, domain.SearchQuery{Text: q}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func ptrTo[T any](v T) *T { return &v }
