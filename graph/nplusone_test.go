package graph

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
)

// countingStore records every call made to the store it wraps.
type countingStore struct {
	domain.Store
	mu    sync.Mutex
	calls []string
}

func (s *countingStore) record(call string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, call)
}

// Calls returns the calls recorded so far, sorted.
func (s *countingStore) Calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]string(nil), s.calls...)
	sort.Strings(out)
	return out
}

func (s *countingStore) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	s.record("Nodes")
	return s.Store.Nodes(ctx, ids)
}

func (s *countingStore) Related(ctx context.Context, ids []string, rel domain.Relation) ([][]domain.Node, error) {
	s.record("Related " + string(rel))
	return s.Store.Related(ctx, ids, rel)
}

func (s *countingStore) Meetings(ctx context.Context, f domain.MeetingFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
	s.record("Meetings")
	return s.Store.Meetings(ctx, f, o, p)
}

// TestNoNPlusOne runs one query over a synthetic graph and one ten times larger,
// and checks the store is called once per level of the query in both: the loaders
// gather the parents of a level across every Relay edge into one call.
func TestNoNPlusOne(t *testing.T) {
	const query = `{ meetings(first: 100) { edges { node { commitments { madeBy { ... on Person { roles { title } } } } } } } }`
	// One call per level: the meetings page, their commitments, the commitments'
	// makers, the makers' roles.
	want := []string{"Meetings", "Nodes", "Related " + string(domain.RelMeetingCommitments), "Related " + string(domain.RelPersonRoles)}

	var counts []int
	for _, size := range []int{1000, 10000} {
		mem, err := memory.New(synth.Generate(42, size))
		if err != nil {
			t.Fatalf("memory.New(synth %d): %v", size, err)
		}
		store := &countingStore{Store: mem}
		cfg := quietConfig()
		// Generous waits keep every key of a level in one batch even on a slow,
		// busy machine; they only make the test slower, never change what it checks.
		cfg.LoaderWait, cfg.LoaderMaxWait = 50*time.Millisecond, 5*time.Second
		srv := mustServe(t, store, cfg)

		var got struct {
			Meetings struct {
				Edges []struct {
					Node struct {
						Commitments []struct {
							MadeBy []struct {
								Roles []struct{ Title string }
							}
						}
					}
				}
			}
		}
		post(t, srv, query, nil).decode(t, &got)

		// The graph must be big enough for every level to have work to batch.
		var commitments, makers, roles int
		for _, e := range got.Meetings.Edges {
			commitments += len(e.Node.Commitments)
			for _, c := range e.Node.Commitments {
				makers += len(c.MadeBy)
				for _, m := range c.MadeBy {
					roles += len(m.Roles)
				}
			}
		}
		t.Logf("synth %d: %d meetings, %d commitments, %d makers, %d roles; store calls %v",
			size, len(got.Meetings.Edges), commitments, makers, roles, store.Calls())
		if len(got.Meetings.Edges) < 20 || commitments < 2*len(got.Meetings.Edges) || roles == 0 {
			t.Fatalf("synthetic graph too small to test batching: %d meetings, %d commitments, %d roles",
				len(got.Meetings.Edges), commitments, roles)
		}
		if calls := store.Calls(); strings.Join(calls, ",") != strings.Join(want, ",") {
			t.Errorf("synth %d: store calls %v, want one per level %v", size, calls, want)
		}
		counts = append(counts, len(store.Calls()))
	}
	if counts[0] != counts[1] {
		t.Errorf("store calls grew with the graph: %d then %d", counts[0], counts[1])
	}
}
