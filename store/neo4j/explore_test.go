package neo4j

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestExplorerContractSeam runs the explorer contract suite through the adapter's
// seam: every statement goes to the fake graph, which evaluates the explore
// statements from their parameters (fakegraph_explore_test.go), so the whole
// suite checks the adapter's Cypher parameters, record decoding and its use of
// the shared domain code, with no Neo4j server.
func TestExplorerContractSeam(t *testing.T) {
	storetest.RunExplorer(t, func(t *testing.T, ds *domain.Dataset) domain.Explorer {
		s, _, _ := openFake(t, ds)
		return s
	})
}

// explorerCalls runs one call of every explorer method over s, on nodes of ds
// chosen by position so that the same calls run at every size.
func explorerCalls(ds *domain.Dataset) []struct {
	name  string
	bound int
	run   func(ctx context.Context, s *Store) error
} {
	org, person := ds.Organizations[0].ID, ds.Persons[len(ds.Persons)/2].ID
	// The last meeting in a series after its first (it has a previous meeting).
	var meeting string
	first := map[string]string{}
	for _, m := range ds.Meetings {
		if m.Series == "" {
			continue
		}
		if _, ok := first[m.Series]; ok {
			meeting = m.ID
		} else {
			first[m.Series] = m.ID
		}
	}
	type c = struct {
		name  string
		bound int
		run   func(ctx context.Context, s *Store) error
	}
	paths := func(hops int) c {
		// The ends, one expansion per level of the longer side, the records.
		return c{fmt.Sprintf("Paths maxHops %d", hops), 2 + (hops+1)/2, func(ctx context.Context, s *Store) error {
			_, err := s.Paths(ctx, domain.PathQuery{From: org, To: person, MaxHops: hops})
			return err
		}}
	}
	neighborhood := func(depth int) c {
		return c{fmt.Sprintf("Neighborhood depth %d", depth), 1 + depth, func(ctx context.Context, s *Store) error {
			_, err := s.Neighborhood(ctx, domain.NeighborhoodQuery{ID: org, Depth: depth, Limit: domain.MaxNeighborhoodLimit})
			return err
		}}
	}
	return []c{
		paths(2), paths(4), paths(6),
		neighborhood(1), neighborhood(2), neighborhood(3),
		{"Timeline", 1, func(ctx context.Context, s *Store) error {
			_, err := s.Timeline(ctx, domain.TimelineQuery{First: domain.MaxTimelineFirst})
			return err
		}},
		{"Timeline of an actor", 2, func(ctx context.Context, s *Store) error {
			_, err := s.Timeline(ctx, domain.TimelineQuery{ActorID: &org})
			return err
		}},
		{"CommitmentStats", 1, func(ctx context.Context, s *Store) error {
			_, err := s.CommitmentStats(ctx, domain.GroupProgramme, domain.CommitmentFilter{}, 0)
			return err
		}},
		{"CompareMeetings", 2, func(ctx context.Context, s *Store) error {
			_, err := s.CompareMeetings(ctx, ds.Meetings[0].ID, meeting)
			return err
		}},
		{"ChangesSincePrevious", 3, func(ctx context.Context, s *Store) error {
			_, err := s.ChangesSincePrevious(ctx, meeting)
			return err
		}},
	}
}

// TestExplorerStatementsBounded counts the statements of each explorer call on
// synthetic graphs of two sizes: the count follows the traversal's depth (one
// statement per level for the whole level), never the number of nodes, and
// stays within the documented bound.
func TestExplorerStatementsBounded(t *testing.T) {
	ctx := context.Background()
	counts := map[string][]int{}
	var order []string
	for _, size := range []int{300, 3000} {
		ds := syntheticDataset(t, size)
		s, f, _ := openFake(t, ds)
		for _, c := range explorerCalls(ds) {
			before := len(f.calls)
			if err := c.run(ctx, s); err != nil {
				t.Fatalf("size %d: %s: %v", size, c.name, err)
			}
			n := len(f.calls) - before
			if n > c.bound || n == 0 {
				t.Errorf("size %d: %s sent %d statements %q, bound %d", size, c.name, n, f.names()[before:], c.bound)
			}
			for _, call := range f.calls[before:] {
				if call.mode != readAccess || call.inTx {
					t.Errorf("%s: %s not routed as a read", c.name, nameOf(call.stmt))
				}
			}
			if size == 300 {
				order = append(order, c.name)
			}
			counts[c.name] = append(counts[c.name], n)
		}
	}
	for _, name := range order {
		n := counts[name]
		if n[0] != n[1] {
			t.Errorf("%s: %d statements at 300 nodes, %d at 3,000", name, n[0], n[1])
		}
		t.Logf("%s: %d statements at 300 and at 3,000 nodes", name, n[1])
	}
}

// TestExplorerErrors checks that a driver error at any statement of an explorer
// call becomes an INTERNAL error naming neither the statement nor the server's
// message, and that a malformed explore record is INTERNAL too.
func TestExplorerErrors(t *testing.T) {
	const secret = "MATCH (n:Secret) WHERE n.password = 'hunter2'"
	ctx := context.Background()
	ds := syntheticDataset(t, 300)
	g := newFakeGraph(t, ds)
	for _, c := range explorerCalls(ds) {
		// Fail the k-th statement of the call, for every k the call reaches.
		for k := 0; ; k++ {
			sent := 0
			s, _ := newFake(t, func(cl call) ([]*neo4j.Record, error) {
				sent++
				if sent > k {
					return nil, &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable", Msg: secret}
				}
				return g.respond(cl)
			})
			err := c.run(ctx, s)
			if sent <= k {
				if err != nil {
					t.Errorf("%s: %v", c.name, err)
				}
				break
			}
			if domain.ErrorCode(err) != domain.EINTERNAL || domain.ErrorMessage(err) != msgFailed {
				t.Errorf("%s, statement %d failing: %v, want INTERNAL %q", c.name, k+1, err, msgFailed)
			}
			if err != nil && (strings.Contains(err.Error(), "Secret") || strings.Contains(err.Error(), "MATCH")) {
				t.Errorf("%s: error text shows the driver's message: %v", c.name, err)
			}
		}
	}
	bad := map[string]*neo4j.Record{
		"explore.expand":   rec("id", "org:x", "neighbour", "person:y", "kind", int64(99)),
		"explore.level":    rec("id", "person:y", "node", "not a map"),
		"explore.timeline": rec("kind", "ROLE_END", "person", nil, "organization", nil, "node", g.proj[ds.Meetings[0].ID]),
		"explore.stats":    rec("key", "X", "label", "X", "commitments", "one", "amounts", []any{}),
	}
	s, _ := newFake(t, func(cl call) ([]*neo4j.Record, error) {
		if r, ok := bad[nameOf(cl.stmt)]; ok {
			return []*neo4j.Record{r}, nil
		}
		return g.respond(cl)
	})
	for _, c := range explorerCalls(ds) {
		if strings.HasPrefix(c.name, "Compare") || strings.HasPrefix(c.name, "Changes") {
			continue // no explore statement of their own
		}
		if err := c.run(ctx, s); domain.ErrorCode(err) != domain.EINTERNAL {
			t.Errorf("%s over a malformed record: %v, want INTERNAL", c.name, err)
		}
	}
}

// TestExplorerInjection sends hostile strings through every string argument of
// the explorer and checks that each statement sent is byte for byte its file in
// testdata/statements, with the input only in parameters. Unknown IDs are
// answered with a stand-in record, so the calls go on past their lookups.
func TestExplorerInjection(t *testing.T) {
	onDisk := statementsOnDisk(t)
	ctx := context.Background()
	g := newFakeGraph(t, storetest.Fixture())
	standIn := "org:moit"
	respond := func(c call) ([]*neo4j.Record, error) {
		if nameOf(c.stmt) != "nodes" {
			return g.respond(c)
		}
		var out []*neo4j.Record
		for _, id := range idsParam(c) {
			p, ok := g.proj[id]
			if !ok {
				p = g.proj[standIn]
			}
			out = append(out, rec("id", id, "node", p))
		}
		return out, nil
	}
	rnd := rand.New(rand.NewPCG(13, 14))
	for range 60 {
		text := hostileText(rnd)
		p := &text
		s, f := newFake(t, respond)
		standIn = "org:moit"
		_, err1 := s.Paths(ctx, domain.PathQuery{From: text, To: text + "'", Avoid: []string{text + "}"}, MaxHops: 4})
		_, err2 := s.Neighborhood(ctx, domain.NeighborhoodQuery{ID: text, Depth: 2})
		_, err3 := s.Timeline(ctx, domain.TimelineQuery{ActorID: p, Series: p})
		_, err4 := s.CommitmentStats(ctx, domain.GroupActor, domain.CommitmentFilter{MadeByID: p, MadeToID: p, MeetingID: p,
			Series: p, ProjectID: p, PillarID: p, ProgrammeID: p, ConcernsID: p}, 0)
		standIn = "meeting:jcc-1"
		_, err5 := s.CompareMeetings(ctx, text, text+"'")
		_, err6 := s.ChangesSincePrevious(ctx, text)
		for _, err := range []error{err1, err2, err3, err4, err5, err6} {
			if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND && domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("%q: %v", text, err)
			}
		}
		sawText := onlyAsParameters(t, text, f.calls, onDisk)
		seen := map[string]bool{}
		for _, c := range f.calls {
			seen[nameOf(c.stmt)] = true
		}
		for _, name := range []string{"explore.expand", "explore.level", "explore.timeline", "explore.stats", "related.meeting_commitments", "related.meeting_previous"} {
			if !seen[name] {
				t.Errorf("%q: %s was never sent", text, name)
			}
		}
		if !sawText {
			t.Errorf("%q never reached the database as a parameter", text)
		}
	}
}
