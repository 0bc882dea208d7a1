package export

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// storeOnly gives Load the store of st and nothing else, so it must read it
// page by page as it reads a store without a NodeLister.
func storeOnly(st domain.Store) Ports { return Ports{Store: st} }

// edgeIDs returns the sorted edge IDs of g.
func edgeIDs(g *Snapshot) []string {
	ids := make([]string, len(g.Edges))
	for i, e := range g.Edges {
		ids[i] = e.ID
	}
	return ids
}

// sortedNodeIDs returns the node IDs of g in order.
func sortedNodeIDs(g *Snapshot) []string {
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.NodeID()
	}
	return ids
}

func TestLoadWholeGraph(t *testing.T) {
	ctx := context.Background()
	want := mustSeedGraph(t)
	st := mustSeedStore(t)
	for name, s := range map[string]Ports{"node lister": seedPorts(st), "store only": storeOnly(st)} {
		g, err := Load(ctx, s, Filter{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g.Version != want.Version {
			t.Errorf("%s: version %q, want %q", name, g.Version, want.Version)
		}
		if !slices.Equal(sortedNodeIDs(g), sortedNodeIDs(want)) {
			t.Errorf("%s: %d nodes, want the dataset's %d", name, len(g.Nodes), len(want.Nodes))
		}
		if !slices.Equal(edgeIDs(g), edgeIDs(want)) {
			t.Errorf("%s: %d edges, want the dataset's %d", name, len(g.Edges), len(want.Edges))
		}
	}
}

func TestLoadKindsAndIDsMatchApply(t *testing.T) {
	ctx := context.Background()
	whole := mustSeedGraph(t)
	st := mustSeedStore(t)
	for _, f := range []Filter{
		{Kinds: []domain.Kind{domain.KindPerson, domain.KindOrganization}},
		{Kinds: []domain.Kind{domain.KindCommitment, domain.KindSource}},
		{IDs: []string{"meeting:jcc-10", "org:jcc"}},
		{IDs: []string{"meeting:jcc-10", "org:jcc"}, Kinds: []domain.Kind{domain.KindMeeting}},
		{IDs: []string{"meeting:jcc-10", "org:jcc", "person:ning-jizhe"}, RelTypes: []domain.RelType{domain.RelParticipatedIn}},
	} {
		want, err := f.Apply(whole)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Load(ctx, storeOnly(st), f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sortedNodeIDs(got), sortedNodeIDs(want)) || !slices.Equal(edgeIDs(got), edgeIDs(want)) {
			t.Errorf("%+v: Load gave %d nodes, %d edges; Apply %d, %d", f, len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
		}
		if len(got.Nodes) == 0 {
			t.Errorf("%+v: nothing kept", f)
		}
	}
}

// TestIDsWithRelationTypesIsTheDrawing checks what the explorer relies on to
// export its canvas: the canvas draws a neighbourhood's nodes and, of its edges,
// those of the types the user keeps; ids (those nodes), kinds (theirs, so no
// cited source is added) and relationTypes (those types) export exactly that.
func TestIDsWithRelationTypesIsTheDrawing(t *testing.T) {
	ctx := context.Background()
	st := mustSeedStore(t)
	sub, err := st.Neighborhood(ctx, domain.NeighborhoodQuery{ID: "meeting:jcc-10", Depth: 1, Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	keep := []domain.RelType{domain.RelParticipatedIn, domain.RelMadeAt, domain.RelOrganized}
	var ids, wantNodes, wantEdges []string
	var kinds []domain.Kind
	for _, n := range sub.Nodes {
		ids = append(ids, n.NodeID())
		wantNodes = append(wantNodes, n.NodeID())
		if !slices.Contains(kinds, n.NodeKind()) {
			kinds = append(kinds, n.NodeKind())
		}
	}
	for _, e := range sub.Edges {
		if slices.Contains(keep, e.Type) {
			wantEdges = append(wantEdges, e.ID)
		}
	}
	slices.Sort(wantNodes)
	slices.Sort(wantEdges)
	if len(wantEdges) < 5 || len(wantEdges) == len(sub.Edges) {
		t.Fatalf("the case keeps %d of %d edges: pick types that keep some and drop some", len(wantEdges), len(sub.Edges))
	}
	q := url.Values{"ids": {strings.Join(ids, ",")}, "relationTypes": {"PARTICIPATED_IN,MADE_AT,ORGANIZED"}}
	for _, k := range kinds {
		q.Add("kinds", string(k))
	}
	f, err := ParseFilter(q)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load(ctx, seedPorts(st), f)
	if err != nil {
		t.Fatal(err)
	}
	if got := sortedNodeIDs(g); !slices.Equal(got, wantNodes) {
		t.Errorf("nodes = %v, want the drawing's %v", got, wantNodes)
	}
	if got := edgeIDs(g); !slices.Equal(got, wantEdges) {
		t.Errorf("edges = %v, want the drawing's %v", got, wantEdges)
	}
}

// The neighbourhood filter is Explorer.Neighborhood: kinds restrict the
// traversal, relation types the edges, and the limit truncates.
func TestLoadAroundIsTheNeighborhood(t *testing.T) {
	ctx := context.Background()
	st := mustSeedStore(t)
	cases := []Filter{
		{Around: "meeting:jcc-10", Depth: 2},
		{Around: "meeting:jcc-10", Depth: 2, Kinds: []domain.Kind{domain.KindCommitment, domain.KindPillar}},
		{Around: "meeting:jcc-10", Depth: 2, RelTypes: []domain.RelType{domain.RelMadeAt, domain.RelConcerns}},
		{Around: "meeting:jcc-10", Depth: 3, Limit: 5},
	}
	for _, f := range cases {
		sub, err := st.Neighborhood(ctx, f.neighborhoodQuery())
		if err != nil {
			t.Fatal(err)
		}
		g, err := Load(ctx, seedPorts(st), f)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, n := range sub.Nodes {
			want = append(want, n.NodeID())
		}
		var got []string
		for _, n := range g.Nodes {
			if n.NodeKind() != domain.KindSource || slices.Contains(want, n.NodeID()) {
				got = append(got, n.NodeID())
			}
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%+v: nodes %v, want the neighbourhood's %v", f, got, want)
		}
		var wantEdges []string
		for _, e := range sub.Edges {
			wantEdges = append(wantEdges, e.ID)
		}
		if !slices.Equal(edgeIDs(g), wantEdges) {
			t.Errorf("%+v: edges %v, want %v", f, edgeIDs(g), wantEdges)
		}
		if g.Truncated != sub.Truncated {
			t.Errorf("%+v: truncated %v, want %v", f, g.Truncated, sub.Truncated)
		}
		hasSources := slices.ContainsFunc(g.Nodes, func(n domain.Node) bool { return n.NodeKind() == domain.KindSource })
		if wantSources := len(f.Kinds) == 0; hasSources != wantSources {
			t.Errorf("%+v: cited sources kept = %v, want %v", f, hasSources, wantSources)
		}
	}
	if g, _ := Load(ctx, seedPorts(st), cases[3]); !g.Truncated || len(g.Nodes) < 5 {
		t.Errorf("limit 5: truncated %v with %d nodes; want truncated", g.Truncated, len(g.Nodes))
	}
}

func TestLoadErrors(t *testing.T) {
	st := mustSeedStore(t)
	cases := []struct {
		name  string
		f     Filter
		code  string
		field string
	}{
		{"unknown around", Filter{Around: "person:nobody"}, domain.ENOTFOUND, "around"},
		{"unknown id", Filter{IDs: []string{"person:nobody"}}, domain.ENOTFOUND, "ids"},
		{"unknown id around", Filter{Around: "meeting:jcc-10", IDs: []string{"person:nobody"}}, domain.ENOTFOUND, "ids"},
		{"deep", Filter{Around: "meeting:jcc-10", Depth: MaxDepth + 1}, domain.EINVALID, "depth"},
		{"limit", Filter{Around: "meeting:jcc-10", Limit: MaxLimit + 1}, domain.EINVALID, "limit"},
		{"relation type", Filter{Around: "meeting:jcc-10", RelTypes: []domain.RelType{"LIKES"}}, domain.EINVALID, "relationTypes"},
		{"path-only type", Filter{Around: "meeting:jcc-10", RelTypes: []domain.RelType{domain.RelCommittedTo}}, domain.EINVALID, "relationTypes"},
		{"limit alone", Filter{Limit: 3}, domain.EINVALID, "limit"},
		{"relation types alone", Filter{RelTypes: []domain.RelType{domain.RelMade}}, domain.EINVALID, "relationTypes"},
		{"ids, unknown type", Filter{IDs: []string{"meeting:jcc-10"}, RelTypes: []domain.RelType{"LIKES"}}, domain.EINVALID, "relationTypes"},
		{"ids, path-only type", Filter{IDs: []string{"meeting:jcc-10"}, RelTypes: []domain.RelType{domain.RelCommittedTo}}, domain.EINVALID, "relationTypes"},
	}
	for _, c := range cases {
		_, err := Load(context.Background(), seedPorts(st), c.f)
		var de *domain.Error
		if !errors.As(err, &de) || de.Code != c.code || de.Field != c.field {
			t.Errorf("%s: error = %v, want code %s on %s", c.name, err, c.code, c.field)
		}
	}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler(seedPorts(mustSeedStore(t))))
	defer srv.Close()
	version := mustSeed(t).Version
	get := func(path string, q url.Values) (*http.Response, errorBody) {
		t.Helper()
		res, err := http.Get(srv.URL + path + "?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body errorBody
		if res.StatusCode != http.StatusOK {
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil || len(body.Errors) != 1 {
				t.Fatalf("%s: error body %+v: %v", path, body, err)
			}
		}
		return res, body
	}
	res, _ := get("/export/json", url.Values{"around": {"meeting:jcc-10"}, "limit": {"3"}})
	if res.StatusCode != http.StatusOK || res.Header.Get(VersionHeader) != version || res.Header.Get(TruncatedHeader) != "true" {
		t.Errorf("limited export: %d, version %q, truncated %q", res.StatusCode, res.Header.Get(VersionHeader), res.Header.Get(TruncatedHeader))
	}
	if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="corridor-`+version+`.json"` {
		t.Errorf("Content-Disposition = %q", cd)
	}
	res, _ = get("/export/json", nil)
	if res.Header.Get(TruncatedHeader) != "" {
		t.Error("the whole graph is marked truncated")
	}
	for _, c := range []struct {
		path   string
		q      url.Values
		status int
		code   string
		field  string
	}{
		{"/export/pdf", nil, 404, domain.ENOTFOUND, "format"},
		{"/export/json", url.Values{"colour": {"red"}}, 400, domain.EINVALID, "colour"},
		{"/export/json", url.Values{"kinds": {"WIDGET"}}, 400, domain.EINVALID, "kinds"},
		{"/export/json", url.Values{"around": {"meeting:jcc-10"}, "depth": {"0"}}, 400, domain.EINVALID, "depth"},
		{"/export/json", url.Values{"around": {"meeting:jcc-10"}, "depth": {"two"}}, 400, domain.EINVALID, "depth"},
		{"/export/json", url.Values{"depth": {"2"}}, 400, domain.EINVALID, "depth"},
		{"/export/json", url.Values{"around": {"meeting:jcc-10"}, "limit": {"0"}}, 400, domain.EINVALID, "limit"},
		{"/export/json", url.Values{"around": {"meeting:jcc-10"}, "relationTypes": {"MADE,LIKES"}}, 400, domain.EINVALID, "relationTypes"},
		{"/export/json", url.Values{"around": {"person:nobody"}}, 404, domain.ENOTFOUND, "around"},
	} {
		res, body := get(c.path, c.q)
		if res.StatusCode != c.status || body.Errors[0].Extensions.Code != c.code || body.Errors[0].Extensions.Field != c.field {
			t.Errorf("%s?%s: %d %+v, want %d %s on %s", c.path, c.q.Encode(), res.StatusCode, body.Errors, c.status, c.code, c.field)
		}
	}
}

// countingLister records AllNodes calls of the lister it wraps.
type countingLister struct {
	NodeLister
	calls int
}

func (c *countingLister) AllNodes(ctx context.Context) ([]domain.Node, error) {
	c.calls++
	return c.NodeLister.AllNodes(ctx)
}

// decorator hides every method but domain.Store's, as the metrics decorator does.
type decorator struct{ domain.Store }

// TestLoadUsesTheLister: the whole graph comes from Ports.Lister in one call even
// when the store is a decorator that cannot list, as the server wires it.
func TestLoadUsesTheLister(t *testing.T) {
	st := mustSeedStore(t)
	lister := &countingLister{NodeLister: st}
	g, err := Load(context.Background(), Ports{Store: decorator{st}, Lister: lister}, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if lister.calls != 1 {
		t.Errorf("AllNodes called %d times beside the decorator, want 1", lister.calls)
	}
	if want := mustSeedGraph(t); len(g.Nodes) != len(want.Nodes) {
		t.Errorf("%d nodes, want %d", len(g.Nodes), len(want.Nodes))
	}
}
