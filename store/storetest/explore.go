package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/meetingdiff"
	"github.com/corridor-kg/corridor/internal/stats"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/internal/timeline"
)

// RunExplorer runs the contract suite of domain.Explorer against the explorer open
// returns for a dataset. open is called for Fixture, SeriesFixture and a small
// synthetic dataset (internal/synth); it may register cleanups with t.Cleanup.
//
// The suite checks, as subtests:
//   - Paths: hand-worked answers on the fixture (derived hops HOLDS_ROLE_AT,
//     COMMITTED_TO and COMMITTED_WITH, no pass-through of a role or commitment
//     where a derived hop says it, hubs, via, avoid, parallel edges, direction),
//     then every answer for many pairs and options equal to a naive reference
//     enumeration (explore_ref.go), on the fixture and on synthetic data;
//     invalid input EINVALID, unknown nodes ENOTFOUND;
//   - Neighborhood: hand-worked answers, then equality with a naive reference
//     (order by distance then ID, induced edges, truncation) for every node;
//   - Timeline: order (start day, precision, ID), undated events last with their
//     relative date, actor, series and date filters, errors;
//   - CommitmentStats: every grouping on the fixture, amounts, filters, and on
//     synthetic data agreement with a brute-force count;
//   - CompareMeetings and ChangesSincePrevious on SeriesFixture (new, reaffirmed,
//     dropped, two commitments restating one, a choice that keeps matches one to
//     one), and invariants over every synthetic series meeting;
//   - cancelled contexts and concurrent calls.
func RunExplorer(t *testing.T, open func(t *testing.T, ds *domain.Dataset) domain.Explorer) {
	t.Helper()
	ds := Fixture()
	e := open(t, ds)
	if e == nil {
		t.Fatal("open returned a nil explorer")
	}
	ref := newRefGraph(ds)
	t.Run("Paths", func(t *testing.T) { testPaths(t, e) })
	t.Run("PathsReference", func(t *testing.T) { testPathsReference(t, e, ref, ds) })
	t.Run("PathErrors", func(t *testing.T) { testPathErrors(t, e) })
	t.Run("Neighborhood", func(t *testing.T) { testNeighborhood(t, e) })
	t.Run("NeighborhoodReference", func(t *testing.T) { testNeighborhoodReference(t, e, ref, ds) })
	t.Run("NeighborhoodErrors", func(t *testing.T) { testNeighborhoodErrors(t, e) })
	t.Run("Timeline", func(t *testing.T) { testTimeline(t, e) })
	t.Run("TimelineErrors", func(t *testing.T) { testTimelineErrors(t, e) })
	t.Run("CommitmentStats", func(t *testing.T) { testCommitmentStats(t, e) })

	series := open(t, SeriesFixture())
	t.Run("CompareMeetings", func(t *testing.T) { testCompareMeetings(t, series) })
	t.Run("ChangesSincePrevious", func(t *testing.T) { testChangesSincePrevious(t, series) })
	t.Run("SeriesStats", func(t *testing.T) { testSeriesStats(t, series) })

	syn := synth.Generate(11, 300)
	se := open(t, syn)
	t.Run("SyntheticPaths", func(t *testing.T) { testSyntheticPaths(t, se, syn) })
	t.Run("SyntheticNeighborhood", func(t *testing.T) { testNeighborhoodReference(t, se, newRefGraph(syn), syn) })
	t.Run("SyntheticComparisons", func(t *testing.T) { testSyntheticComparisons(t, se, syn) })
	t.Run("SyntheticStats", func(t *testing.T) { testSyntheticStats(t, se, syn) })
	t.Run("SyntheticTimeline", func(t *testing.T) { testSyntheticTimeline(t, se, syn) })

	t.Run("Cancelled", func(t *testing.T) { testExplorerCancelled(t, e) })
	t.Run("Concurrent", func(t *testing.T) { testExplorerConcurrent(t, se, syn) })
}

func refPathString(p refPath) string {
	var b strings.Builder
	for i, n := range p.nodes {
		if i > 0 {
			e := p.edges[i-1]
			if e.From == p.nodes[i-1] {
				fmt.Fprintf(&b, " -%s-> ", e.Type)
			} else {
				fmt.Fprintf(&b, " <-%s- ", e.Type)
			}
		}
		b.WriteString(n)
	}
	return b.String()
}

func pathStrings(ps []domain.Path) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// mustPaths runs Paths and fails the test on error.
func mustPaths(t *testing.T, e domain.Explorer, q domain.PathQuery) []domain.Path {
	t.Helper()
	ps, err := e.Paths(context.Background(), q)
	if err != nil {
		t.Fatalf("Paths(%+v): %v", q, err)
	}
	checkPathShape(t, q, ps)
	return ps
}

// checkPathShape checks what every answer of Paths satisfies.
func checkPathShape(t *testing.T, q domain.PathQuery, ps []domain.Path) {
	t.Helper()
	q, _ = q.Normalize()
	if len(ps) > q.First {
		t.Errorf("%s→%s: %d paths, first is %d", q.From, q.To, len(ps), q.First)
	}
	for i, p := range ps {
		s := p.String()
		if p.Length != len(p.Edges) || len(p.Nodes) != len(p.Edges)+1 || p.Length > q.MaxHops {
			t.Errorf("path %s: length %d, %d edges, %d nodes (maxHops %d)", s, p.Length, len(p.Edges), len(p.Nodes), q.MaxHops)
			continue
		}
		if p.Nodes[0].NodeID() != q.From || p.Nodes[len(p.Nodes)-1].NodeID() != q.To {
			t.Errorf("path %s does not lead from %s to %s", s, q.From, q.To)
		}
		ids := nodeIDs(p.Nodes)
		if len(slices.Compact(sorted(ids))) != len(ids) {
			t.Errorf("path %s is not simple", s)
		}
		for j, pe := range p.Edges {
			a, b := ids[j], ids[j+1]
			if pe.Forward && (pe.From != a || pe.To != b) || !pe.Forward && (pe.From != b || pe.To != a) {
				t.Errorf("path %s: edge %s does not link %s and %s as Forward=%v says", s, pe.ID, a, b, pe.Forward)
			}
			if len(pe.Evidence) == 0 {
				t.Errorf("path %s: edge %s has no evidence", s, pe.ID)
			}
			if !q.Allows(pe.Type) {
				t.Errorf("path %s: edge type %s not allowed by via %v", s, pe.Type, q.Via)
			}
		}
		for _, n := range p.Nodes[1:max(1, len(p.Nodes)-1)] {
			k := n.NodeKind()
			if !q.ThroughHubs && (k == domain.KindCountry || k == domain.KindProgramme || k == domain.KindPillar) {
				t.Errorf("path %s passes through hub %s", s, n.NodeID())
			}
			if slices.Contains(q.Avoid, n.NodeID()) {
				t.Errorf("path %s passes through avoided %s", s, n.NodeID())
			}
		}
		if i > 0 {
			prev := ps[i-1]
			if prev.Length > p.Length || prev.Length == p.Length && slices.Compare(nodeIDs(prev.Nodes), ids) >= 0 {
				t.Errorf("paths out of order: %s before %s", prev.String(), s)
			}
		}
	}
}

func testPaths(t *testing.T, e domain.Explorer) {
	// A person to the organization where they hold a role: one HOLDS_ROLE_AT hop,
	// never Person-HOLDS->Role-AT->Org; the second path goes through PSEB.
	ps := mustPaths(t, e, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", MaxHops: 2})
	want := []string{
		"person:anusha-rehman -HOLDS_ROLE_AT-> org:moit",
		"person:anusha-rehman -HOLDS_ROLE_AT-> org:pseb -PART_OF-> org:moit",
	}
	if got := pathStrings(ps); !slices.Equal(got, want) {
		t.Fatalf("anusha→moit = %q, want %q", got, want)
	}
	hop := ps[0].Edges[0]
	if hop.ID != "person:anusha-rehman|HOLDS_ROLE_AT|org:moit|role:anusha-minister" || hop.Label != "Minister of State for IT" ||
		!hop.Forward || len(hop.Evidence) != 1 || hop.Evidence[0].Quote != "Minister of State for IT" {
		t.Errorf("HOLDS_ROLE_AT hop = %+v", hop)
	}
	// Through hubs, the country becomes a way too.
	ps = mustPaths(t, e, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", MaxHops: 2, ThroughHubs: true})
	want = []string{
		"person:anusha-rehman -HOLDS_ROLE_AT-> org:moit",
		"person:anusha-rehman -NATIONAL_OF-> country:pakistan <-IN_COUNTRY- org:moit",
		"person:anusha-rehman -HOLDS_ROLE_AT-> org:pseb -PART_OF-> org:moit",
	}
	if got := pathStrings(ps); !slices.Equal(got, want) {
		t.Errorf("anusha→moit through hubs = %q, want %q", got, want)
	}
	// Avoiding the role avoids the hop through it.
	ps = mustPaths(t, e, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", MaxHops: 2, Avoid: []string{"role:anusha-minister"}})
	if got := pathStrings(ps); !slices.Equal(got, want[2:]) {
		t.Errorf("anusha→moit avoiding the minister role = %q, want %q", got, want[2:])
	}
	// Via: HOLDS alone does not make the derived hop, HOLDS and AT do.
	if ps := mustPaths(t, e, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", Via: []domain.RelType{domain.RelHolds}}); len(ps) != 0 {
		t.Errorf("via HOLDS only: %q, want none", pathStrings(ps))
	}
	ps = mustPaths(t, e, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", Via: []domain.RelType{domain.RelHolds, domain.RelAt}})
	if got := pathStrings(ps); len(got) == 0 || got[0] != want[0] {
		t.Errorf("via HOLDS, AT: %q, want %q first", got, want[0])
	}

	// A commitment between two actors is one COMMITTED_TO hop, maker to
	// addressee; its maker and addressee never meet through the commitment node.
	ps = mustPaths(t, e, domain.PathQuery{From: "org:pseb", To: "org:chinese-investors", MaxHops: 2})
	want = []string{
		"org:pseb -COMMITTED_TO-> org:chinese-investors",
		"org:pseb -ORGANIZED-> meeting:it-roundtable <-PARTICIPATED_IN- org:chinese-investors",
		"org:pseb -PART_OF-> org:moit -COMMITTED_TO-> org:chinese-investors",
	}
	if got := pathStrings(ps); !slices.Equal(got, want) {
		t.Fatalf("pseb→investors = %q, want %q", got, want)
	}
	hop = ps[0].Edges[0]
	if hop.ID != "org:pseb|COMMITTED_TO|org:chinese-investors|commitment:c02" || hop.Label != "Set up the PSEB IT Tower in Islamabad" {
		t.Errorf("COMMITTED_TO hop = %+v", hop.Edge)
	}
	// Backwards, the same hop is traversed against its direction.
	ps = mustPaths(t, e, domain.PathQuery{From: "org:chinese-investors", To: "org:pseb", MaxHops: 1})
	if len(ps) != 1 || ps[0].Edges[0].Forward || ps[0].Edges[0].Type != domain.RelCommittedTo {
		t.Errorf("investors→pseb = %q, want one COMMITTED_TO hop traversed backwards", pathStrings(ps))
	}
	// Commitments stay nodes: Actor-MADE->Commitment-CONCERNS->Project is two hops.
	ps = mustPaths(t, e, domain.PathQuery{From: "org:pseb", To: "project:pseb-tower", MaxHops: 2})
	if got := pathStrings(ps); !slices.Contains(got, "org:pseb -MADE-> commitment:c02 -CONCERNS-> project:pseb-tower") {
		t.Errorf("pseb→tower = %q, want the path through commitment:c02", got)
	}
	// Co-makers: one hop however many commitments link them (one path, not one per
	// commitment); the edge shown is the first by type order, then record ID.
	ps = mustPaths(t, e, domain.PathQuery{From: "country:pakistan", To: "country:china", MaxHops: 1})
	if len(ps) != 1 || ps[0].Edges[0].ID != "country:china|COMMITTED_TO|country:pakistan|commitment:c10" || ps[0].Edges[0].Forward {
		t.Errorf("pakistan→china = %q (%+v), want the COMMITTED_TO of c10 backwards", pathStrings(ps), ps)
	}
	ps = mustPaths(t, e, domain.PathQuery{From: "country:pakistan", To: "country:china", MaxHops: 1, Via: []domain.RelType{domain.RelCommittedWith}})
	if len(ps) != 1 || ps[0].Edges[0].ID != "country:pakistan|COMMITTED_WITH|country:china|commitment:c01" {
		t.Errorf("pakistan→china via COMMITTED_WITH = %q, want the hop through c01", pathStrings(ps))
	}
	// Ambassador Yao Jing and the IT pillar: four hops at least.
	ps = mustPaths(t, e, domain.PathQuery{From: "person:yao-jing", To: "pillar:cpec-it", First: 20})
	if len(ps) == 0 || ps[0].Length != 4 {
		t.Fatalf("yao→IT pillar = %q, want paths of 4 hops first", pathStrings(ps))
	}
	if got := ps[0].String(); got != "person:yao-jing -PARTICIPATED_IN-> meeting:jcc-it-session <-MADE_AT- commitment:c11 -CONCERNS-> project:pseb-tower -IN_PILLAR-> pillar:cpec-it" {
		t.Errorf("yao→IT pillar first path = %s", got)
	}
	// The trivial path, and no path at all.
	ps = mustPaths(t, e, domain.PathQuery{From: "org:moit", To: "org:moit"})
	if len(ps) != 1 || ps[0].Length != 0 || len(ps[0].Nodes) != 1 {
		t.Errorf("moit→moit = %+v, want one path of length 0", ps)
	}
	if ps := mustPaths(t, e, domain.PathQuery{From: "person:li-wei", To: "org:moit", MaxHops: 6}); len(ps) != 0 {
		t.Errorf("li-wei (no links)→moit = %q, want none", pathStrings(ps))
	}
}

// testPathsReference compares Paths with the reference enumeration for every
// pair of a selection of nodes under several options.
func testPathsReference(t *testing.T, e domain.Explorer, ref *refGraph, ds *domain.Dataset) {
	var ids []string
	for _, n := range ds.Nodes() {
		if n.NodeKind() != domain.KindSource {
			ids = append(ids, n.NodeID())
		}
	}
	opts := []domain.PathQuery{
		{MaxHops: 3, First: 20},
		{MaxHops: 4, First: 7, ThroughHubs: true},
		{MaxHops: 4, Via: []domain.RelType{domain.RelMade, domain.RelMadeTo, domain.RelConcerns, domain.RelInPillar, domain.RelParticipatedIn}},
		{MaxHops: 4, Avoid: []string{"org:moit", "commitment:c11"}},
	}
	pairs := 0
	for i, from := range ids {
		for j, to := range ids {
			if (i*7+j*3)%5 != 0 { // a fifth of the pairs keeps the suite quick
				continue
			}
			for k, o := range opts {
				q := o
				q.From, q.To = from, to
				if slices.Contains(q.Avoid, from) || slices.Contains(q.Avoid, to) {
					continue
				}
				pairs++
				comparePaths(t, e, ref, q, fmt.Sprintf("option %d", k))
			}
		}
	}
	if pairs < 100 {
		t.Fatalf("only %d queries compared", pairs)
	}
}

// comparePaths checks Paths against the reference for one query.
func comparePaths(t *testing.T, e domain.Explorer, ref *refGraph, q domain.PathQuery, what string) {
	t.Helper()
	got, err := e.Paths(context.Background(), q)
	if err != nil {
		t.Errorf("%s: Paths(%s→%s): %v", what, q.From, q.To, err)
		return
	}
	checkPathShape(t, q, got)
	want := ref.refPaths(q)
	gs, ws := pathStrings(got), make([]string, len(want))
	for i, w := range want {
		ws[i] = refPathString(w)
	}
	if !slices.Equal(gs, ws) {
		t.Errorf("%s: Paths(%s→%s)\n got %q\nwant %q", what, q.From, q.To, gs, ws)
		return
	}
	for i, w := range want {
		for j, we := range w.edges {
			if ge := got[i].Edges[j].Edge; !reflect.DeepEqual(ge, we.Edge) {
				t.Errorf("%s: path %s hop %d = %+v, want %+v", what, gs[i], j, ge, we.Edge)
			}
		}
	}
}

func testPathErrors(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	cases := []struct {
		q           domain.PathQuery
		code, field string
	}{
		{domain.PathQuery{From: "person:nobody", To: "org:moit"}, domain.ENOTFOUND, "from"},
		{domain.PathQuery{From: "org:moit", To: "org:nowhere"}, domain.ENOTFOUND, "to"},
		{domain.PathQuery{From: "org:moit", To: "org:pseb", Avoid: []string{"org:ghost"}}, domain.ENOTFOUND, "avoid"},
		{domain.PathQuery{From: "org:moit", To: "org:pseb", Avoid: []string{"org:pseb"}}, domain.EINVALID, "avoid"},
		{domain.PathQuery{From: "", To: "org:pseb"}, domain.EINVALID, "from"},
		{domain.PathQuery{From: "org:moit", To: "org:pseb", MaxHops: domain.MaxPathMaxHops + 1}, domain.EINVALID, "maxHops"},
		{domain.PathQuery{From: "org:moit", To: "org:pseb", MaxHops: -1}, domain.EINVALID, "maxHops"},
		{domain.PathQuery{From: "org:moit", To: "org:pseb", First: domain.MaxPathFirst + 1}, domain.EINVALID, "first"},
		{domain.PathQuery{From: "org:moit", To: "org:pseb", Via: []domain.RelType{"KNOWS"}}, domain.EINVALID, "via"},
	}
	for _, c := range cases {
		_, err := e.Paths(ctx, c.q)
		wantCode(t, fmt.Sprintf("Paths(%+v)", c.q), err, c.code, c.field)
	}
}

// neighborhoodIDs returns the node and edge IDs of a subgraph, checking that
// every edge's ends are among its nodes.
func neighborhoodIDs(t *testing.T, sub *domain.Subgraph) (nodes, edges []string) {
	t.Helper()
	nodes = nodeIDs(sub.Nodes)
	for _, e := range sub.Edges {
		if !slices.Contains(nodes, e.From) || !slices.Contains(nodes, e.To) {
			t.Errorf("edge %s has an end outside the subgraph", e.ID)
		}
		if e.ID != e.From+"|"+string(e.Type)+"|"+e.To {
			t.Errorf("edge ID %q is not <from>|<type>|<to>", e.ID)
		}
		edges = append(edges, e.ID)
	}
	return nodes, edges
}

func testNeighborhood(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	get := func(q domain.NeighborhoodQuery) ([]string, []string, bool) {
		t.Helper()
		sub, err := e.Neighborhood(ctx, q)
		if err != nil {
			t.Fatalf("Neighborhood(%+v): %v", q, err)
		}
		ns, es := neighborhoodIDs(t, sub)
		return ns, es, sub.Truncated
	}
	all := []string{"org:pseb", "commitment:c02", "commitment:c09", "commitment:c12", "country:pakistan",
		"meeting:it-roundtable", "org:moit", "project:pseb-tower", "role:anusha-board"}
	ns, es, tr := get(domain.NeighborhoodQuery{ID: "org:pseb"})
	if !slices.Equal(ns, all) || tr {
		t.Errorf("pseb depth 1 = %q (truncated %v), want %q", ns, tr, all)
	}
	wantEdges := []string{
		"commitment:c02|CONCERNS|project:pseb-tower", "commitment:c09|CONCERNS|org:pseb", "commitment:c09|MADE_AT|meeting:it-roundtable", "org:moit|IN_COUNTRY|country:pakistan", "org:moit|MADE|commitment:c09",
		"org:moit|PARTNER_IN|project:pseb-tower", "org:pseb|IN_COUNTRY|country:pakistan", "org:pseb|MADE|commitment:c02",
		"org:pseb|MADE|commitment:c12", "org:pseb|ORGANIZED|meeting:it-roundtable", "org:pseb|PARTNER_IN|project:pseb-tower",
		"org:pseb|PART_OF|org:moit", "role:anusha-board|AT|org:pseb",
	}
	if !slices.Equal(es, wantEdges) {
		t.Errorf("pseb depth 1 edges = %q, want %q (every edge between returned nodes, by ID)", es, wantEdges)
	}
	if ns, _, tr := get(domain.NeighborhoodQuery{ID: "org:pseb", Limit: 4}); !slices.Equal(ns, all[:4]) || !tr {
		t.Errorf("pseb limit 4 = %q (truncated %v), want %q truncated", ns, tr, all[:4])
	}
	if ns, _, tr := get(domain.NeighborhoodQuery{ID: "org:pseb", Limit: len(all)}); !slices.Equal(ns, all) || tr {
		t.Errorf("pseb limit %d = %q (truncated %v), want all, not truncated", len(all), ns, tr)
	}
	if ns, _, tr := get(domain.NeighborhoodQuery{ID: "org:pseb", Depth: 2, Limit: len(all)}); !slices.Equal(ns, all) || !tr {
		t.Errorf("pseb depth 2 limit %d = %q (truncated %v), want depth 1 and truncated", len(all), ns, tr)
	}
	ns, es, _ = get(domain.NeighborhoodQuery{ID: "org:pseb", Kinds: []domain.Kind{domain.KindCommitment}})
	if want := []string{"org:pseb", "commitment:c02", "commitment:c09", "commitment:c12"}; !slices.Equal(ns, want) || len(es) != 3 {
		t.Errorf("pseb commitments = %q %q, want %q and 3 edges", ns, es, want)
	}
	ns, _, _ = get(domain.NeighborhoodQuery{ID: "org:pseb", RelTypes: []domain.RelType{domain.RelMade}})
	if want := []string{"org:pseb", "commitment:c02", "commitment:c12"}; !slices.Equal(ns, want) {
		t.Errorf("pseb MADE = %q, want %q", ns, want)
	}
	// Depth 2 lists depth 1 first, and the derived path-only edges never appear.
	ns, es, _ = get(domain.NeighborhoodQuery{ID: "org:pseb", Depth: 2, Limit: 2000})
	if !slices.Equal(ns[:len(all)], all) || len(ns) <= len(all) {
		t.Errorf("pseb depth 2 = %q, want the depth 1 nodes first, then more", ns)
	}
	for _, id := range es {
		for _, pt := range domain.PathRelTypes {
			if strings.Contains(id, "|"+string(pt)+"|") {
				t.Errorf("neighborhood has path-only edge %s", id)
			}
		}
	}
}

func testNeighborhoodReference(t *testing.T, e domain.Explorer, ref *refGraph, ds *domain.Dataset) {
	ctx := context.Background()
	opts := []domain.NeighborhoodQuery{
		{},
		{Depth: 2, Limit: 25},
		{Depth: 3, Limit: 2000},
		{Depth: 2, Kinds: []domain.Kind{domain.KindPerson, domain.KindOrganization, domain.KindMeeting, domain.KindCommitment}},
		{Depth: 2, RelTypes: []domain.RelType{domain.RelMade, domain.RelMadeTo, domain.RelParticipatedIn}, Limit: 10},
	}
	truncated := 0
	for i, n := range ds.Nodes() {
		for k, o := range opts {
			if (i+k)%3 != 0 {
				continue
			}
			q := o
			q.ID = n.NodeID()
			sub, err := e.Neighborhood(ctx, q)
			if err != nil {
				t.Errorf("Neighborhood(%+v): %v", q, err)
				continue
			}
			ns, es := neighborhoodIDs(t, sub)
			wn, we, wt := ref.refNeighborhood(q)
			if !slices.Equal(ns, wn) || !slices.Equal(es, we) || sub.Truncated != wt {
				t.Errorf("Neighborhood(%+v)\n got %q %q %v\nwant %q %q %v", q, ns, es, sub.Truncated, wn, we, wt)
			}
			if wt {
				truncated++
			}
		}
	}
	if truncated == 0 && len(ds.Nodes()) > 100 {
		t.Error("no neighborhood was truncated: the limits are not exercised")
	}
}

func testNeighborhoodErrors(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	cases := []struct {
		q           domain.NeighborhoodQuery
		code, field string
	}{
		{domain.NeighborhoodQuery{ID: "org:ghost"}, domain.ENOTFOUND, "id"},
		{domain.NeighborhoodQuery{}, domain.EINVALID, "id"},
		{domain.NeighborhoodQuery{ID: "org:moit", Depth: domain.MaxNeighborhoodDepth + 1}, domain.EINVALID, "depth"},
		{domain.NeighborhoodQuery{ID: "org:moit", Limit: domain.MaxNeighborhoodLimit + 1}, domain.EINVALID, "limit"},
		{domain.NeighborhoodQuery{ID: "org:moit", Limit: -1}, domain.EINVALID, "limit"},
		{domain.NeighborhoodQuery{ID: "org:moit", Kinds: []domain.Kind{"ALIEN"}}, domain.EINVALID, "kinds"},
		{domain.NeighborhoodQuery{ID: "org:moit", RelTypes: []domain.RelType{domain.RelCommittedTo}}, domain.EINVALID, "relTypes"},
		{domain.NeighborhoodQuery{ID: "org:moit", RelTypes: []domain.RelType{"KNOWS"}}, domain.EINVALID, "relTypes"},
	}
	for _, c := range cases {
		_, err := e.Neighborhood(ctx, c.q)
		wantCode(t, fmt.Sprintf("Neighborhood(%+v)", c.q), err, c.code, c.field)
	}
}

// eventStrings renders events as "date kind id" ("-" for undated, with the text).
func eventStrings(evs []domain.TimelineEvent) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		d := ev.Date.Value
		if d == "" {
			d = "-" + ev.Date.Text
		}
		out[i] = d + " " + string(ev.Kind) + " " + ev.Node.NodeID()
	}
	return out
}

func testTimeline(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	get := func(q domain.TimelineQuery) []domain.TimelineEvent {
		t.Helper()
		evs, err := e.Timeline(ctx, q)
		if err != nil {
			t.Fatalf("Timeline(%+v): %v", q, err)
		}
		return evs
	}
	evs := get(domain.TimelineQuery{ActorID: ptr("org:moit")})
	want := []string{
		"2013-06 ROLE_START role:anusha-minister",
		"2014-02 MEETING meeting:jcc-2",
		"2016-05-10 COMMITMENT commitment:c03",
		"2018-05-31 ROLE_END role:anusha-minister",
		"2019-11-05 COMMITMENT commitment:c11",
		"- COMMITMENT commitment:c05",
		"- COMMITMENT commitment:c09",
	}
	if got := eventStrings(evs); !slices.Equal(got, want) {
		t.Errorf("moit timeline = %q, want %q", got, want)
	}
	if evs[0].Label != "Ánúsha Rehman, Minister of State for IT at Ministry of Information Technology and Telecommunication" ||
		evs[1].Label != "2nd JCC meeting" || evs[2].Label != "Provide tax holidays to Chinese IT companies" {
		t.Errorf("labels %q, %q, %q", evs[0].Label, evs[1].Label, evs[2].Label)
	}
	// A person: roles with an unknown start are undated starts and no end; the
	// undated meeting keeps its relative date; figures stated are events.
	evs = get(domain.TimelineQuery{ActorID: ptr("person:anusha-rehman")})
	want = []string{
		"2013-06 ROLE_START role:anusha-minister",
		"2016 FIGURE figure:it-exports",
		"2018-05-31 ROLE_END role:anusha-minister",
		"- COMMITMENT commitment:c08",
		"-on Tuesday MEETING meeting:it-roundtable",
		"- ROLE_START role:anusha-board",
	}
	if got := eventStrings(evs); !slices.Equal(got, want) {
		t.Errorf("anusha timeline = %q, want %q", got, want)
	}
	// A series: its meetings and the commitments made at them; on one start day
	// finer precision first, then ID.
	evs = get(domain.TimelineQuery{Series: ptr("JCC")})
	want = []string{
		"2013-08-27 COMMITMENT commitment:c01", "2013-08-27 MEETING meeting:jcc-1",
		"2014 COMMITMENT commitment:c04", "2014 MEETING meeting:jcc-3",
		"2014-02 COMMITMENT commitment:c06", "2014-02 MEETING meeting:jcc-2",
		"2019-11-05 COMMITMENT commitment:c10", "2019-11-05 COMMITMENT commitment:c11", "2019-11-05 MEETING meeting:jcc-it-session",
		"2021-09-23 MEETING meeting:jcc-10",
	}
	if got := eventStrings(evs); !slices.Equal(got, want) {
		t.Errorf("JCC timeline = %q, want %q", got, want)
	}
	// Actor and series together.
	evs = get(domain.TimelineQuery{Series: ptr("JCC"), ActorID: ptr("country:china")})
	want = []string{"2013-08-27 COMMITMENT commitment:c01", "2014 COMMITMENT commitment:c04", "2019-11-05 COMMITMENT commitment:c10"}
	if got := eventStrings(evs); !slices.Equal(got, want) {
		t.Errorf("JCC timeline of China = %q, want %q", got, want)
	}
	// A date range leaves undated events out and keeps dates that may fall in it.
	evs = get(domain.TimelineQuery{From: ptr("2014-01-15"), To: ptr("2016-05-10")})
	want = []string{
		"2014 COMMITMENT commitment:c04", "2014 MEETING meeting:jcc-3",
		"2014-02 COMMITMENT commitment:c06", "2014-02 MEETING meeting:jcc-2",
		"2016 FIGURE figure:it-exports",
		"2016-05-10 COMMITMENT commitment:c02", "2016-05-10 COMMITMENT commitment:c03", "2016-05-10 COMMITMENT commitment:c12",
	}
	if got := eventStrings(evs); !slices.Equal(got, want) {
		t.Errorf("2014-01-15..2016-05-10 = %q, want %q", got, want)
	}
	// Everything: each event once, in order.
	evs = get(domain.TimelineQuery{})
	if !slices.IsSortedFunc(evs, timeline.Compare) {
		t.Error("the whole timeline is not in order")
	}
	if n := len(evs); n != 6+12+4+2+3 { // meetings, commitments, role starts, known role ends, figures
		t.Errorf("the whole timeline has %d events, want %d", n, 6+12+4+2+3)
	}
	// First keeps the earliest events in timeline order, whatever selects them.
	for _, first := range []int{1, 5, len(evs) - 1, len(evs), len(evs) + 3} {
		got := get(domain.TimelineQuery{First: first})
		if n := min(first, len(evs)); !slices.Equal(eventStrings(got), eventStrings(evs[:n])) {
			t.Errorf("first %d = %q, want %q", first, eventStrings(got), eventStrings(evs[:n]))
		}
	}
	moit := get(domain.TimelineQuery{ActorID: ptr("org:moit"), From: ptr("2014-01-01"), First: 2})
	if got, want := eventStrings(moit), []string{"2014-02 MEETING meeting:jcc-2", "2016-05-10 COMMITMENT commitment:c03"}; !slices.Equal(got, want) {
		t.Errorf("moit from 2014, first 2 = %q, want %q", got, want)
	}
}

func testTimelineErrors(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	cases := []struct {
		q           domain.TimelineQuery
		code, field string
	}{
		{domain.TimelineQuery{ActorID: ptr("person:ghost")}, domain.ENOTFOUND, "actorId"},
		{domain.TimelineQuery{ActorID: ptr("meeting:jcc-1")}, domain.EINVALID, "actorId"},
		{domain.TimelineQuery{From: ptr("2014-13-01")}, domain.EINVALID, "from"},
		{domain.TimelineQuery{To: ptr("yesterday")}, domain.EINVALID, "to"},
		{domain.TimelineQuery{First: domain.MaxTimelineFirst + 1}, domain.EINVALID, "first"},
		{domain.TimelineQuery{First: -1}, domain.EINVALID, "first"},
	}
	for _, c := range cases {
		_, err := e.Timeline(ctx, c.q)
		wantCode(t, fmt.Sprintf("Timeline(%+v)", c.q), err, c.code, c.field)
	}
}

// statStrings renders groups as "key=count".
func statStrings(gs []domain.StatGroup) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = fmt.Sprintf("%s=%d", g.Key, g.Count)
	}
	return out
}

func testCommitmentStats(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	get := func(g domain.CommitmentGroup, f domain.CommitmentFilter) []domain.StatGroup {
		t.Helper()
		gs, err := e.CommitmentStats(ctx, g, f, 0)
		if err != nil {
			t.Fatalf("CommitmentStats(%s, %+v): %v", g, f, err)
		}
		return gs
	}
	cases := []struct {
		group domain.CommitmentGroup
		f     domain.CommitmentFilter
		want  []string
	}{
		{domain.GroupKind, domain.CommitmentFilter{}, []string{"PLEDGE=6", "AGREEMENT=1", "ANNOUNCEMENT=1", "ASSURANCE=1", "DECISION=1", "REQUEST=1", "TARGET=1"}},
		{domain.GroupStatus, domain.CommitmentFilter{}, []string{"AGREED=5", "PROPOSED=3", "CANCELLED=1", "DELIVERED=1", "IN_PROGRESS=1", "STALLED=1"}},
		// Through projects, as the pillar filter matches; "" holds the rest.
		{domain.GroupPillar, domain.CommitmentFilter{}, []string{"pillar:cpec-it=6", "=5", "pillar:dp-skills=1"}},
		{domain.GroupProgramme, domain.CommitmentFilter{}, []string{"programme:cpec=7", "=3", "programme:digital-pakistan=2"}},
		{domain.GroupYear, domain.CommitmentFilter{}, []string{"=3", "2016=3", "2014=2", "2019=2", "2013=1", "2018=1"}},
		{domain.GroupMeeting, domain.CommitmentFilter{Series: ptr("JCC")}, []string{"meeting:jcc-it-session=2", "meeting:jcc-1=1", "meeting:jcc-2=1", "meeting:jcc-3=1"}},
		{domain.GroupSeries, domain.CommitmentFilter{}, []string{"=7", "JCC=5"}},
		// Each maker counts the commitment.
		{domain.GroupActor, domain.CommitmentFilter{Kinds: []domain.CommitmentKind{domain.CommitmentPledge}},
			[]string{"org:pseb=2", "country:china=1", "country:pakistan=1", "org:chinese-embassy=1", "org:moit=1", "org:ndrc=1", "person:anusha-rehman=1"}},
		{domain.GroupKind, domain.CommitmentFilter{MadeByID: ptr("person:li-wei")}, []string{}},
	}
	for _, c := range cases {
		if got := statStrings(get(c.group, c.f)); !slices.Equal(got, c.want) {
			t.Errorf("CommitmentStats(%s, %+v) = %q, want %q", c.group, c.f, got, c.want)
		}
	}
	gs := get(domain.GroupKind, domain.CommitmentFilter{})
	want := []domain.AmountSum{{Currency: "USD", Min: 44e6, Max: 44e6, Count: 1}}
	if gs[0].Key != "PLEDGE" || gs[0].Label != "PLEDGE" || !reflect.DeepEqual(gs[0].Amounts, want) || len(gs[1].Amounts) != 0 {
		t.Errorf("PLEDGE group = %+v, want amounts %+v", gs[0], want)
	}
	gs = get(domain.GroupPillar, domain.CommitmentFilter{})
	if gs[0].Label != "Information technology" || gs[1].Label != "" {
		t.Errorf("pillar labels %q, %q", gs[0].Label, gs[1].Label)
	}
	// first keeps the largest groups, in the same order.
	for _, first := range []int{1, 3, 6, 7, 100} {
		all := get(domain.GroupKind, domain.CommitmentFilter{})
		gs, err := e.CommitmentStats(ctx, domain.GroupKind, domain.CommitmentFilter{}, first)
		if err != nil {
			t.Fatalf("CommitmentStats(KIND, first %d): %v", first, err)
		}
		if want := all[:min(first, len(all))]; !reflect.DeepEqual(gs, want) {
			t.Errorf("CommitmentStats(KIND, first %d) = %q, want %q", first, statStrings(gs), statStrings(want))
		}
	}
	_, err := e.CommitmentStats(ctx, "COLOUR", domain.CommitmentFilter{}, 0)
	wantCode(t, "CommitmentStats(COLOUR)", err, domain.EINVALID, "groupBy")
	_, err = e.CommitmentStats(ctx, domain.GroupKind, domain.CommitmentFilter{From: ptr("2019-02-30")}, 0)
	wantCode(t, "CommitmentStats(bad from)", err, domain.EINVALID, "filter.from")
	for _, first := range []int{-1, domain.MaxStatGroups + 1} {
		_, err = e.CommitmentStats(ctx, domain.GroupKind, domain.CommitmentFilter{}, first)
		wantCode(t, "CommitmentStats(first out of range)", err, domain.EINVALID, "first")
	}
}

// matchStrings renders matches as "before>after" ("-" for nil).
func matchStrings(ms []domain.CommitmentMatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		b, a := "-", "-"
		if m.Before != nil {
			b = strings.TrimPrefix(m.Before.ID, "commitment:")
		}
		if m.After != nil {
			a = strings.TrimPrefix(m.After.ID, "commitment:")
		}
		out[i] = b + ">" + a
	}
	return out
}

func checkComparison(t *testing.T, what string, c *domain.MeetingComparison, a, b string, nw, re, dr []string) {
	t.Helper()
	if c == nil || c.A == nil || c.B == nil || c.A.ID != a || c.B.ID != b {
		t.Fatalf("%s: comparison %+v, want %s against %s", what, c, a, b)
	}
	if got := matchStrings(c.New); !slices.Equal(got, nw) {
		t.Errorf("%s: new %q, want %q", what, got, nw)
	}
	if got := matchStrings(c.Reaffirmed); !slices.Equal(got, re) {
		t.Errorf("%s: reaffirmed %q, want %q", what, got, re)
	}
	if got := matchStrings(c.Dropped); !slices.Equal(got, dr) {
		t.Errorf("%s: dropped %q, want %q", what, got, dr)
	}
}

func testCompareMeetings(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	c, err := e.CompareMeetings(ctx, "meeting:tds-1", "meeting:tds-2")
	if err != nil {
		t.Fatal(err)
	}
	// Two later commitments restating one earlier commitment both count as reaffirmed.
	checkComparison(t, "tds-1→tds-2", c, "meeting:tds-1", "meeting:tds-2",
		[]string{"->b2"}, []string{"a1>b1", "a3>b3", "a1>b4"}, []string{"a2>-"})
	// c1 could restate b1 or b4, c2 only b1: the match stays one to one.
	c, err = e.CompareMeetings(ctx, "meeting:tds-2", "meeting:tds-3")
	if err != nil {
		t.Fatal(err)
	}
	checkComparison(t, "tds-2→tds-3", c, "meeting:tds-2", "meeting:tds-3",
		[]string{"->c3"}, []string{"b4>c1", "b1>c2"}, []string{"b2>-", "b3>-"})
	// Any two meetings compare, in either order.
	c, err = e.CompareMeetings(ctx, "meeting:tds-3", "meeting:side")
	if err != nil {
		t.Fatal(err)
	}
	checkComparison(t, "tds-3→side", c, "meeting:tds-3", "meeting:side",
		[]string{}, []string{"c1>s1"}, []string{"c2>-", "c3>-"})
	_, err = e.CompareMeetings(ctx, "meeting:tds-1", "meeting:nope")
	wantCode(t, "CompareMeetings(unknown b)", err, domain.ENOTFOUND, "b")
	_, err = e.CompareMeetings(ctx, "org:moit", "meeting:tds-1")
	wantCode(t, "CompareMeetings(organization)", err, domain.EINVALID, "a")
}

func testChangesSincePrevious(t *testing.T, e domain.Explorer) {
	ctx := context.Background()
	for _, id := range []string{"meeting:tds-1", "meeting:side"} {
		c, err := e.ChangesSincePrevious(ctx, id)
		if err != nil || c != nil {
			t.Errorf("ChangesSincePrevious(%s) = %+v, %v; want nil (no previous meeting)", id, c, err)
		}
	}
	c, err := e.ChangesSincePrevious(ctx, "meeting:tds-3")
	if err != nil {
		t.Fatal(err)
	}
	checkComparison(t, "since tds-2", c, "meeting:tds-2", "meeting:tds-3",
		[]string{"->c3"}, []string{"b4>c1", "b1>c2"}, []string{"b2>-", "b3>-"})
	_, err = e.ChangesSincePrevious(ctx, "meeting:tds-9")
	wantCode(t, "ChangesSincePrevious(unknown)", err, domain.ENOTFOUND, "meetingId")
	_, err = e.ChangesSincePrevious(ctx, "commitment:a1")
	wantCode(t, "ChangesSincePrevious(commitment)", err, domain.EINVALID, "meetingId")
}

func testSeriesStats(t *testing.T, e domain.Explorer) {
	gs, err := e.CommitmentStats(context.Background(), domain.GroupSeries, domain.CommitmentFilter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := statStrings(gs), []string{"TDS=10", "=1"}; !slices.Equal(got, want) {
		t.Fatalf("series groups %q, want %q", got, want)
	}
	want := []domain.AmountSum{
		{Currency: "PKR", Min: 5, Max: 5, Count: 1},
		{Currency: "USD", Min: 100 + 4e9 + 1e9, Max: 100 + 5e9 + 1e9, Approximate: true, Ranged: true, Count: 3},
	}
	if !reflect.DeepEqual(gs[0].Amounts, want) {
		t.Errorf("TDS amounts %+v, want %+v", gs[0].Amounts, want)
	}
	gs, err = e.CommitmentStats(context.Background(), domain.GroupMeeting, domain.CommitmentFilter{Kinds: []domain.CommitmentKind{domain.CommitmentPledge}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := statStrings(gs), []string{"meeting:tds-2=2", "meeting:tds-3=2", "meeting:side=1", "meeting:tds-1=1"}; !slices.Equal(got, want) {
		t.Errorf("pledges by meeting %q, want %q", got, want)
	}
	if gs[0].Amounts[0].Min != 5e9 || gs[0].Amounts[0].Max != 6e9 || gs[0].Label != "meeting:tds-2" {
		t.Errorf("tds-2 pledges %+v", gs[0])
	}
}

// testSyntheticPaths compares Paths with the reference on synthetic data and
// checks that an unbounded search is refused rather than run.
func testSyntheticPaths(t *testing.T, e domain.Explorer, ds *domain.Dataset) {
	ref := newRefGraph(ds)
	var actors []string
	for _, n := range ds.Nodes() {
		if n.NodeKind().IsActor() || n.NodeKind() == domain.KindProject || n.NodeKind() == domain.KindMeeting {
			actors = append(actors, n.NodeID())
		}
	}
	compared, found := 0, 0
	for i := 0; i < len(actors); i += 17 {
		for j := 5; j < len(actors); j += 23 {
			q := domain.PathQuery{From: actors[i], To: actors[j], MaxHops: 3, First: 10}
			comparePaths(t, e, ref, q, "synthetic")
			compared++
			if len(ref.refPaths(q)) > 0 {
				found++
			}
		}
	}
	if compared < 30 || found < 10 {
		t.Errorf("compared %d queries, %d with paths: too few to mean much", compared, found)
	}
}

func testSyntheticComparisons(t *testing.T, e domain.Explorer, ds *domain.Dataset) {
	ctx := context.Background()
	at := map[string][]string{}
	for _, c := range ds.Commitments {
		at[c.MadeAtID] = append(at[c.MadeAtID], c.ID)
	}
	compared, fresh, reaffirmed, dropped := 0, 0, 0, 0
	for _, m := range ds.Meetings {
		c, err := e.ChangesSincePrevious(ctx, m.ID)
		if err != nil {
			t.Fatalf("ChangesSincePrevious(%s): %v", m.ID, err)
		}
		if c == nil {
			continue
		}
		compared++
		if c.B.ID != m.ID || c.A.Series != m.Series || c.A.ID == m.ID {
			t.Errorf("%s compared with %s", m.ID, c.A.ID)
		}
		if len(c.New)+len(c.Reaffirmed) != len(at[m.ID]) {
			t.Errorf("%s: %d new + %d reaffirmed, %d commitments made there", m.ID, len(c.New), len(c.Reaffirmed), len(at[m.ID]))
		}
		matchedBefore := map[string]bool{}
		for _, r := range c.Reaffirmed {
			if !meetingdiff.Reaffirms(r.Before, r.After) || r.Before.MadeAtID != c.A.ID || r.After.MadeAtID != m.ID {
				t.Errorf("%s: %s does not reaffirm %s", m.ID, r.After.ID, r.Before.ID)
			}
			matchedBefore[r.Before.ID] = true
		}
		for _, n := range c.New {
			if n.Before != nil || n.After.MadeAtID != m.ID {
				t.Errorf("%s: bad new entry %+v", m.ID, n)
			}
		}
		for _, d := range c.Dropped {
			if d.After != nil || d.Before.MadeAtID != c.A.ID || matchedBefore[d.Before.ID] {
				t.Errorf("%s: bad dropped entry %+v", m.ID, d)
			}
		}
		if len(matchedBefore)+len(c.Dropped) != len(at[c.A.ID]) {
			t.Errorf("%s: %d matched + %d dropped of %d earlier commitments", m.ID, len(matchedBefore), len(c.Dropped), len(at[c.A.ID]))
		}
		fresh += len(c.New)
		reaffirmed += len(c.Reaffirmed)
		dropped += len(c.Dropped)
	}
	if compared < 5 || fresh == 0 || reaffirmed == 0 || dropped == 0 {
		t.Errorf("%d comparisons, %d new, %d reaffirmed, %d dropped: the synthetic series exercise too little",
			compared, fresh, reaffirmed, dropped)
	}
}

// testSyntheticStats checks every grouping against a brute-force count.
func testSyntheticStats(t *testing.T, e domain.Explorer, ds *domain.Dataset) {
	byID := map[string]domain.Node{}
	for _, n := range ds.Nodes() {
		byID[n.NodeID()] = n
	}
	// keys returns the groups of c, brute force from the documented semantics.
	keys := func(g domain.CommitmentGroup, c *domain.Commitment) []string {
		set := map[string]bool{}
		switch g {
		case domain.GroupPillar, domain.GroupProgramme:
			for _, id := range c.ConcernIDs {
				for _, p := range ds.Pillars {
					inPillar := p.ID == id
					for _, pr := range ds.Projects {
						inPillar = inPillar || pr.ID == id && slices.Contains(pr.PillarIDs, p.ID)
					}
					if inPillar && g == domain.GroupPillar {
						set[p.ID] = true
					}
					if inPillar && g == domain.GroupProgramme {
						set[p.ProgrammeID] = true
					}
				}
				for _, pr := range ds.Projects {
					if pr.ID == id && g == domain.GroupProgramme {
						for _, p := range pr.ProgrammeIDs {
							set[p] = true
						}
					}
				}
				if byID[id].NodeKind() == domain.KindProgramme && g == domain.GroupProgramme {
					set[id] = true
				}
			}
		case domain.GroupMeeting:
			set[c.MadeAtID] = true
		case domain.GroupSeries:
			if m, ok := byID[c.MadeAtID].(*domain.Meeting); ok {
				set[m.Series] = true
			}
		case domain.GroupKind:
			set[string(c.Kind)] = true
		case domain.GroupStatus:
			set[string(c.Status)] = true
		case domain.GroupActor:
			for _, a := range c.MadeByIDs {
				set[a] = true
			}
		case domain.GroupYear:
			if c.Date.Known() {
				set[c.Date.Value[:4]] = true
			}
		}
		delete(set, "")
		if len(set) == 0 {
			return []string{""}
		}
		out := make([]string, 0, len(set))
		for k := range set {
			out = append(out, k)
		}
		return out
	}
	filters := []domain.CommitmentFilter{{}, {Statuses: []domain.CommitmentStatus{domain.StatusAgreed, domain.StatusDelivered}}, {From: ptr("2016-01-01")}}
	for _, g := range domain.CommitmentGroups {
		for fi, f := range filters {
			want := map[string]int{}
			amounts := map[string][]*domain.Commitment{}
			for _, c := range ds.Commitments {
				if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, c.Status) || f.From != nil && !c.Date.Within(*f.From, "") {
					continue
				}
				for _, k := range keys(g, c) {
					want[k]++
					amounts[k] = append(amounts[k], c)
				}
			}
			gs, err := e.CommitmentStats(context.Background(), g, f, 0)
			if err != nil {
				t.Fatalf("CommitmentStats(%s): %v", g, err)
			}
			if len(gs) != len(want) {
				t.Errorf("%s filter %d: %d groups, want %d", g, fi, len(gs), len(want))
			}
			for i, sg := range gs {
				if sg.Count != want[sg.Key] {
					t.Errorf("%s filter %d: group %q counts %d, want %d", g, fi, sg.Key, sg.Count, want[sg.Key])
				}
				if wa := stats.SumAmounts(amounts[sg.Key]); !reflect.DeepEqual(sg.Amounts, wa) {
					t.Errorf("%s filter %d: group %q amounts %+v, want %+v", g, fi, sg.Key, sg.Amounts, wa)
				}
				if i > 0 && (gs[i-1].Count < sg.Count || gs[i-1].Count == sg.Count && gs[i-1].Key >= sg.Key) {
					t.Errorf("%s: groups out of order at %q", g, sg.Key)
				}
			}
		}
	}
}

func testSyntheticTimeline(t *testing.T, e domain.Explorer, ds *domain.Dataset) {
	ctx := context.Background()
	all, err := e.Timeline(ctx, domain.TimelineQuery{First: domain.MaxTimelineFirst})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == domain.MaxTimelineFirst {
		t.Fatalf("the synthetic timeline fills a whole page of %d: the checks below need all of it", len(all))
	}
	if !slices.IsSortedFunc(all, timeline.Compare) {
		t.Error("timeline out of order")
	}
	undated := false
	for _, ev := range all {
		if !ev.Date.Known() {
			undated = true
		} else if undated {
			t.Fatalf("dated event %s after an undated one", ev.Node.NodeID())
		}
	}
	ranged, err := e.Timeline(ctx, domain.TimelineQuery{From: ptr("2016-03-01"), To: ptr("2018-06-30"), First: domain.MaxTimelineFirst})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range all {
		if ev.Date.Within("2016-03-01", "2018-06-30") {
			n++
		}
	}
	if len(ranged) != n || n == 0 {
		t.Errorf("ranged timeline has %d events, want %d", len(ranged), n)
	}
	for _, p := range ds.Persons[:20] {
		evs, err := e.Timeline(ctx, domain.TimelineQuery{ActorID: &p.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			if !involves(ev.Node, p.ID) {
				t.Errorf("timeline of %s has %s, which does not involve it", p.ID, ev.Node.NodeID())
			}
		}
	}
}

// involves reports whether a timeline node involves the actor.
func involves(n domain.Node, actor string) bool {
	switch n := n.(type) {
	case *domain.Meeting:
		if n.BodyID == actor || slices.Contains(n.OrganizerIDs, actor) {
			return true
		}
		return slices.ContainsFunc(n.Participants, func(p domain.Participation) bool { return p.ActorID == actor })
	case *domain.Commitment:
		return slices.Contains(n.MadeByIDs, actor) || slices.Contains(n.MadeToIDs, actor)
	case *domain.Role:
		return n.PersonID == actor || n.OrganizationID == actor
	case *domain.Figure:
		return slices.Contains(n.SaidByIDs, actor)
	}
	return false
}

func testExplorerCancelled(t *testing.T, e domain.Explorer) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Paths(ctx, domain.PathQuery{From: "org:moit", To: "org:pseb"}); err == nil {
		t.Error("Paths ignored a cancelled context")
	}
	if _, err := e.Neighborhood(ctx, domain.NeighborhoodQuery{ID: "org:moit"}); err == nil {
		t.Error("Neighborhood ignored a cancelled context")
	}
	if _, err := e.Timeline(ctx, domain.TimelineQuery{}); err == nil {
		t.Error("Timeline ignored a cancelled context")
	}
	if _, err := e.CommitmentStats(ctx, domain.GroupKind, domain.CommitmentFilter{}, 0); err == nil {
		t.Error("CommitmentStats ignored a cancelled context")
	}
}

// testExplorerConcurrent runs explorations from several goroutines (meaningful
// under -race) and checks they agree with a sequential run.
func testExplorerConcurrent(t *testing.T, e domain.Explorer, ds *domain.Dataset) {
	ctx := context.Background()
	from, to := ds.Organizations[0].ID, ds.Persons[len(ds.Persons)-1].ID
	want, err := e.Paths(ctx, domain.PathQuery{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 8 {
		wg.Go(func() {
			for range 5 {
				got, err := e.Paths(ctx, domain.PathQuery{From: from, To: to})
				if err != nil {
					errs <- err
				} else if !slices.Equal(pathStrings(got), pathStrings(want)) {
					errs <- fmt.Errorf("concurrent Paths differ: %q vs %q", pathStrings(got), pathStrings(want))
				}
				if _, err := e.Neighborhood(ctx, domain.NeighborhoodQuery{ID: from, Depth: 2}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
