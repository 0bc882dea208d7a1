package export

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

func TestFromDatasetSeed(t *testing.T) {
	ds := mustSeed(t)
	g := FromDataset(ds)
	if g.Version == "" || g.Version != ds.Version {
		t.Errorf("version = %q, want the dataset's %q", g.Version, ds.Version)
	}
	if len(g.Nodes) != len(ds.Nodes()) {
		t.Errorf("%d nodes, want %d", len(g.Nodes), len(ds.Nodes()))
	}
	if !slices.IsSortedFunc(g.Nodes, func(a, b domain.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) }) {
		t.Error("nodes are not sorted by ID")
	}
	if !slices.IsSortedFunc(g.Edges, func(a, b domain.Edge) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("edges are not sorted by ID")
	}
	// Every distinct edge domain.Edges derives is there exactly once.
	want := map[string]bool{}
	for _, n := range ds.Nodes() {
		for _, e := range domain.Edges(n) {
			want[e.ID] = true
		}
	}
	if len(g.Edges) != len(want) || len(want) == 0 {
		t.Errorf("%d edges, want %d distinct derived edges", len(g.Edges), len(want))
	}
	ids := nodeIDs(g)
	seen := map[string]bool{}
	for _, e := range g.Edges {
		if seen[e.ID] {
			t.Errorf("edge %s appears twice", e.ID)
		}
		seen[e.ID] = true
		if !ids[e.From] || !ids[e.To] {
			t.Errorf("edge %s has an endpoint outside the graph", e.ID)
		}
		if len(e.Evidence) == 0 {
			t.Errorf("edge %s has no evidence", e.ID)
		}
	}
	if err := g.check(); err != nil {
		t.Error(err)
	}
}

func TestFromDatasetMergesDuplicatesAndDropsDangling(t *testing.T) {
	evA := domain.Evidence{SourceID: "source:s", Quote: "a", Attribution: domain.AttributionArticle}
	evB := domain.Evidence{SourceID: "source:s", Quote: "b", Attribution: domain.AttributionArticle}
	ds := &domain.Dataset{
		Version:   "t",
		Sources:   []*domain.Source{{Meta: domain.Meta{ID: "source:s"}, Title: "S"}},
		Countries: []*domain.Country{{Meta: domain.Meta{ID: "country:pk"}, Name: "Pakistan"}},
		Persons:   []*domain.Person{{Meta: domain.Meta{ID: "person:p"}, Name: "P"}},
		Meetings: []*domain.Meeting{{Meta: domain.Meta{ID: "meeting:m"}, Title: "M",
			Participants: []domain.Participation{
				{ActorID: "person:p", Capacity: "host", Evidence: []domain.Evidence{evA}},
				{ActorID: "person:p", Evidence: []domain.Evidence{evA, evB}},
				{ActorID: "person:missing", Evidence: []domain.Evidence{evA}},
			}}},
	}
	g := FromDataset(ds)
	if len(g.Edges) != 1 {
		t.Fatalf("edges = %v, want the one PARTICIPATED_IN edge", g.Edges)
	}
	e := g.Edges[0]
	if e.ID != "person:p|PARTICIPATED_IN|meeting:m" || e.Label != "host" {
		t.Errorf("edge = %+v", e)
	}
	if len(e.Evidence) != 2 || e.Evidence[0] != evA || e.Evidence[1] != evB {
		t.Errorf("merged evidence = %+v, want a then b once each", e.Evidence)
	}
	// Merging must not write into the dataset's own slices.
	if got := ds.Meetings[0].Participants[0].Evidence; len(got) != 1 {
		t.Errorf("the dataset's evidence was changed: %+v", got)
	}
}

// bfs is an independent reference for the neighbourhood filter.
func bfs(g *Snapshot, start string, depth int) map[string]bool {
	dist := map[string]int{start: 0}
	queue := []string{start}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if dist[n] == depth {
			continue
		}
		for _, e := range g.Edges {
			var m string
			switch n {
			case e.From:
				m = e.To
			case e.To:
				m = e.From
			default:
				continue
			}
			if _, ok := dist[m]; !ok {
				dist[m] = dist[n] + 1
				queue = append(queue, m)
			}
		}
	}
	out := map[string]bool{}
	for id := range dist {
		out[id] = true
	}
	return out
}

func TestFilterAround(t *testing.T) {
	g := mustSeedGraph(t)
	const center = "meeting:jcc-10"
	if !nodeIDs(g)[center] {
		t.Fatalf("the seed has no %s", center)
	}
	st := mustSeedStore(t)
	prev := 0
	for depth := 1; depth <= MaxDepth; depth++ {
		sub, err := Load(context.Background(), seedPorts(st), Filter{Around: center, Depth: depth})
		if err != nil {
			t.Fatal(err)
		}
		near := bfs(g, center, depth)
		got := nodeIDs(sub)
		for id := range near {
			if !got[id] {
				t.Errorf("depth %d: %s is %d hops or less away but missing", depth, id, depth)
			}
		}
		for id := range got {
			if !near[id] && domain.KindOfID(id) != domain.KindSource {
				t.Errorf("depth %d: %s is kept but is not within %d hops", depth, id, depth)
			}
		}
		// Sources cited by the kept nodes and edges are kept, and no others.
		cited := map[string]bool{}
		for _, n := range sub.Nodes {
			if near[n.NodeID()] {
				for _, ev := range nodeEvidence(n) {
					cited[ev.SourceID] = true
				}
			}
		}
		for _, e := range sub.Edges {
			for _, ev := range e.Evidence {
				cited[ev.SourceID] = true
			}
			if !near[e.From] && !near[e.To] {
				t.Errorf("depth %d: edge %s is between nodes outside the neighbourhood", depth, e.ID)
			}
		}
		for id := range got {
			if domain.KindOfID(id) == domain.KindSource && !near[id] && !cited[id] {
				t.Errorf("depth %d: source %s kept but not cited", depth, id)
			}
		}
		for id := range cited {
			if !got[id] {
				t.Errorf("depth %d: cited source %s missing", depth, id)
			}
		}
		// Every edge of g among kept nodes is kept.
		want := 0
		for _, e := range g.Edges {
			if got[e.From] && got[e.To] {
				want++
			}
		}
		if len(sub.Edges) != want {
			t.Errorf("depth %d: %d edges, want %d", depth, len(sub.Edges), want)
		}
		if err := sub.check(); err != nil {
			t.Error(err)
		}
		if sub.Truncated || sub.Version != g.Version {
			t.Errorf("depth %d: truncated %v, version %q; want whole, %q", depth, sub.Truncated, sub.Version, g.Version)
		}
		if len(sub.Nodes) < prev {
			t.Errorf("depth %d keeps fewer nodes (%d) than depth %d (%d)", depth, len(sub.Nodes), depth-1, prev)
		}
		prev = len(sub.Nodes)
	}
	if prev <= 1 || prev >= len(g.Nodes)+1 {
		t.Errorf("depth %d kept %d of %d nodes", MaxDepth, prev, len(g.Nodes))
	}
}

func TestFilterKindsAndIDs(t *testing.T) {
	g := mustSeedGraph(t)
	sub, err := Filter{Kinds: []domain.Kind{domain.KindPerson, domain.KindOrganization}}.Apply(g)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, n := range g.Nodes {
		if n.NodeKind() == domain.KindPerson || n.NodeKind() == domain.KindOrganization {
			want++
		}
	}
	if len(sub.Nodes) != want || want == 0 {
		t.Errorf("%d nodes, want %d persons and organizations", len(sub.Nodes), want)
	}
	for _, n := range sub.Nodes {
		if k := n.NodeKind(); k != domain.KindPerson && k != domain.KindOrganization {
			t.Errorf("kept %s of kind %s", n.NodeID(), k)
		}
	}
	if err := sub.check(); err != nil {
		t.Error(err)
	}

	// IDs and kinds combine; sources come along unless kinds leaves them out.
	sub, err = g.Subgraph("meeting:jcc-10", "org:jcc")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []domain.Kind
	for _, n := range sub.Nodes {
		kinds = append(kinds, n.NodeKind())
	}
	if !slices.Contains(kinds, domain.KindSource) || len(sub.Nodes) < 3 {
		t.Errorf("subgraph kinds = %v, want the two nodes and their sources", kinds)
	}
	sub, err = Filter{IDs: []string{"meeting:jcc-10", "org:jcc"}, Kinds: []domain.Kind{domain.KindMeeting}}.Apply(g)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub.Nodes) != 1 || sub.Nodes[0].NodeID() != "meeting:jcc-10" || len(sub.Edges) != 0 {
		t.Errorf("ids ∩ kinds = %d nodes, %d edges; want meeting:jcc-10 alone", len(sub.Nodes), len(sub.Edges))
	}
}

func TestFilterErrors(t *testing.T) {
	g := mustSeedGraph(t)
	cases := []struct {
		name  string
		f     Filter
		code  string
		field string
	}{
		{"unknown kind", Filter{Kinds: []domain.Kind{"WIDGET"}}, domain.EINVALID, "kinds"},
		{"negative depth", Filter{Around: "meeting:jcc-10", Depth: -1}, domain.EINVALID, "depth"},
		{"depth alone", Filter{Depth: 1}, domain.EINVALID, "depth"},
		{"around needs a store", Filter{Around: "meeting:jcc-10", Depth: 1}, domain.EINVALID, "around"},
		{"unknown id", Filter{IDs: []string{"meeting:jcc-10", "person:nobody"}}, domain.ENOTFOUND, "ids"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.f.Apply(g)
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != c.code || de.Field != c.field {
				t.Errorf("error = %v, want code %s on %s", err, c.code, c.field)
			}
		})
	}
	if sub, err := (Filter{}).Apply(g); err != nil || sub != g {
		t.Errorf("the zero filter = %v, %v; want g itself", sub, err)
	}
}
