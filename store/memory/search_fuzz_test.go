package memory_test

import (
	"context"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
)

// FuzzSearch sends any text and page size to the memory store's Search: it never
// panics, refuses only with EINVALID, and returns at most first hits, each with
// a node of an asked-for kind, best score first.
func FuzzSearch(f *testing.F) {
	s, err := memory.New(synth.Generate(7, 40))
	if err != nil {
		f.Fatal(err)
	}
	for _, text := range []string{"cpec", "Anusha Rehmn", "' OR 1=1", "}) MATCH (n) DETACH DELETE n //", "*:* OR title:x~", "\xff", "", "ministry of it & telecom", "a"} {
		f.Add(text, 20, false)
	}
	f.Fuzz(func(t *testing.T, text string, first int, orgsOnly bool) {
		q := domain.SearchQuery{Text: text, First: first}
		if orgsOnly {
			q.Kinds = []domain.Kind{domain.KindOrganization}
		}
		hits, err := s.Search(context.Background(), q)
		if err != nil {
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("Search(%q, %d): %v, want %s", text, first, err, domain.EINVALID)
			}
			return
		}
		if first > 0 && len(hits) > first {
			t.Fatalf("%d hits for first %d", len(hits), first)
		}
		for i, h := range hits {
			if h.Node == nil {
				t.Fatalf("hit %d without a node", i)
			}
			if orgsOnly && h.Node.NodeKind() != domain.KindOrganization {
				t.Fatalf("hit %d is a %s", i, h.Node.NodeKind())
			}
			if i > 0 && h.Score > hits[i-1].Score {
				t.Fatalf("hit %d scores %v above hit %d's %v", i, h.Score, i-1, hits[i-1].Score)
			}
		}
	})
}
