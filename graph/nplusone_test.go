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

func (s *countingStore) Related(ctx context.Context, ids []string, rel domain.Traversal) ([][]domain.Node, error) {
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
	want := []string{"Meetings", "Nodes", "Related " + string(domain.TraverseMeetingCommitments), "Related " + string(domain.TraversePersonRoles)}

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
		srv := mustServe(t, domain.Ports{Store: store}, cfg)

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

// countingExplorer is a countingStore that also explores, recording its calls.
type countingExplorer struct {
	*countingStore
	explorer domain.Explorer
}

func (s *countingExplorer) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	s.record("Paths")
	return s.explorer.Paths(ctx, q)
}

func (s *countingExplorer) Neighborhood(ctx context.Context, q domain.NeighborhoodQuery) (*domain.Subgraph, error) {
	s.record("Neighborhood")
	return s.explorer.Neighborhood(ctx, q)
}

func (s *countingExplorer) Timeline(ctx context.Context, q domain.TimelineQuery) ([]domain.TimelineEvent, error) {
	s.record("Timeline")
	return s.explorer.Timeline(ctx, q)
}

func (s *countingExplorer) CommitmentStats(ctx context.Context, g domain.CommitmentGroup, f domain.CommitmentFilter, first int) ([]domain.StatGroup, error) {
	s.record("CommitmentStats")
	return s.explorer.CommitmentStats(ctx, g, f, first)
}

func (s *countingExplorer) CompareMeetings(ctx context.Context, a, b string) (*domain.MeetingComparison, error) {
	s.record("CompareMeetings")
	return s.explorer.CompareMeetings(ctx, a, b)
}

func (s *countingExplorer) ChangesSincePrevious(ctx context.Context, id string) (*domain.MeetingComparison, error) {
	s.record("ChangesSincePrevious")
	return s.explorer.ChangesSincePrevious(ctx, id)
}

// TestNoNPlusOneNeighborhood checks that the nested fields of the nodes and edges
// of a neighbourhood (and of the meetings listed with their changes since the
// previous meeting) go through the per-request loaders: a handful of store calls,
// one per level, whether the answer holds dozens of objects or hundreds.
func TestNoNPlusOneNeighborhood(t *testing.T) {
	const query = `{
  neighborhood(id: "org:o000000", depth: 2, limit: 400) {
    nodes { id label ... on Commitment { madeBy { name ... on Person { roles { title } } } madeAt { title } } }
    edges { id source sourceNode { id } targetNode { label } evidence { quote source { title } } }
  }
  meetings(first: 100) { nodes { id changesSincePrevious { new { id } reaffirmed { reaffirms { madeBy { name } } } } } }
}`
	for _, size := range []int{1000, 10000} {
		mem, err := memory.New(synth.Generate(42, size))
		if err != nil {
			t.Fatalf("memory.New(synth %d): %v", size, err)
		}
		store := &countingExplorer{countingStore: &countingStore{Store: mem}, explorer: mem}
		cfg := quietConfig()
		cfg.LoaderWait, cfg.LoaderMaxWait = 50*time.Millisecond, 5*time.Second
		cfg.MaxComplexity = 1_000_000 // a large neighbourhood is the point here
		srv := mustServe(t, domain.Ports{Store: store, Explorer: store}, cfg)
		var got struct {
			Neighborhood struct {
				Nodes []struct {
					ID     string
					MadeBy []struct {
						Name  string
						Roles []struct{ Title string }
					}
				}
				Edges []struct{ ID string }
			}
			Meetings struct {
				Nodes []struct {
					ChangesSincePrevious *struct {
						New        []struct{ ID string }
						Reaffirmed []struct {
							Reaffirms struct{ MadeBy []struct{ Name string } }
						}
					}
				}
			}
		}
		post(t, srv, query, nil).decode(t, &got)
		var makers, roles, compared int
		for _, n := range got.Neighborhood.Nodes {
			makers += len(n.MadeBy)
			for _, m := range n.MadeBy {
				roles += len(m.Roles)
			}
		}
		for _, m := range got.Meetings.Nodes {
			if m.ChangesSincePrevious != nil {
				compared++
			}
		}
		t.Logf("synth %d: %d nodes, %d edges, %d makers, %d roles, %d meetings compared; store calls %v",
			size, len(got.Neighborhood.Nodes), len(got.Neighborhood.Edges), makers, roles, compared, store.Calls())
		if len(got.Neighborhood.Nodes) < 50 || makers < 20 || roles == 0 || compared < 10 {
			t.Fatalf("synthetic graph too small to test batching: %d nodes, %d makers, %d roles, %d comparisons",
				len(got.Neighborhood.Nodes), makers, roles, compared)
		}
		// One call per level and kind of store call; how the levels of the two
		// root fields share batches depends on scheduling, so the test bounds
		// the calls rather than listing them. N+1 would make hundreds.
		c := store.Calls()
		joined := "," + strings.Join(c, ",") + ","
		if n := strings.Count(joined, ",Neighborhood,"); n != 1 {
			t.Errorf("synth %d: %d Neighborhood calls, want 1", size, n)
		}
		if n := strings.Count(joined, ",Nodes,"); n > 6 {
			t.Errorf("synth %d: %d Nodes calls %v, want at most one per level (6)", size, n, c)
		}
		if len(c) > 12 {
			t.Errorf("synth %d: %d store calls %v, want one per level (at most 12)", size, len(c), c)
		}
	}
}
