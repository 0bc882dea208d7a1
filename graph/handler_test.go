package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
)

func TestNodeAndNodes(t *testing.T) {
	ds := storetest.Fixture()
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())

	for _, n := range ds.Nodes() {
		r := post(t, srv, `query($id: ID!) { node(id: $id) { id nodeKind label } }`, map[string]any{"id": n.NodeID()})
		var got struct {
			Node struct {
				ID, Label string
				Kind      string `json:"nodeKind"`
			}
		}
		r.decode(t, &got)
		if got.Node.ID != n.NodeID() || got.Node.Kind != string(n.NodeKind()) || got.Node.Label != n.Label() {
			t.Errorf("node(%s) = %+v, want kind %s label %q", n.NodeID(), got.Node, n.NodeKind(), n.Label())
		}
	}

	r := post(t, srv, `{ node(id: "person:nobody") { id } }`, nil)
	var unknown struct{ Node *struct{ ID string } }
	r.decode(t, &unknown)
	if unknown.Node != nil {
		t.Errorf("unknown node = %+v, want null", unknown.Node)
	}

	ids := []string{ds.Persons[0].ID, "org:nobody", ds.Meetings[0].ID}
	r = post(t, srv, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
	var many struct{ Nodes []*struct{ ID string } }
	r.decode(t, &many)
	if len(many.Nodes) != 3 || many.Nodes[0] == nil || many.Nodes[0].ID != ids[0] || many.Nodes[1] != nil ||
		many.Nodes[2] == nil || many.Nodes[2].ID != ids[2] {
		t.Errorf("nodes(%v) = %+v, want the first and last with null between", ids, many.Nodes)
	}
}

func TestSearch(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	r := post(t, srv, `{ search(text: "Anusha Rehmn", kinds: [PERSON]) { node { id nodeKind } score field matched exact } }`, nil)
	var got struct {
		Search []struct {
			Node struct {
				ID   string
				Kind string `json:"nodeKind"`
			}
			Score          float64
			Field, Matched string
			Exact          bool
		}
	}
	r.decode(t, &got)
	if len(got.Search) == 0 || got.Search[0].Node.ID != "person:anusha-rehman" {
		t.Fatalf("search for a misspelt name = %+v, want person:anusha-rehman first", got.Search)
	}
	for _, h := range got.Search {
		if h.Node.Kind != "PERSON" {
			t.Errorf("search restricted to PERSON returned %+v", h)
		}
	}
	if got.Search[0].Exact {
		t.Errorf("a misspelt query is not an exact match: %+v", got.Search[0])
	}
}

func TestConnections(t *testing.T) {
	ds := storetest.Fixture()
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())

	count := func(pred func(domain.Node) bool) int {
		n := 0
		for _, x := range ds.Nodes() {
			if pred(x) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name  string
		query string
		want  int
	}{
		{"actors", `{ actors(first: 100) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }`,
			count(func(n domain.Node) bool { return n.NodeKind().IsActor() })},
		{"persons", `{ actors(first: 100, filter: {kinds: [PERSON]}) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }`,
			len(ds.Persons)},
		{"jcc meetings", `{ meetings(first: 100, filter: {series: "JCC"}) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }`,
			count(func(n domain.Node) bool { m, ok := n.(*domain.Meeting); return ok && m.Series == "JCC" })},
		{"pledges", `{ commitments(first: 100, filter: {kind: [PLEDGE]}) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }`,
			count(func(n domain.Node) bool {
				c, ok := n.(*domain.Commitment)
				return ok && c.Kind == domain.CommitmentPledge
			})},
		{"projects", `{ projects(first: 100) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }`,
			len(ds.Projects)},
		{"sources", `{ sources(first: 100) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }`,
			len(ds.Sources)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got map[string]struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct{ ID string }
				}
				Nodes    []struct{ ID string }
				PageInfo struct{ HasNextPage bool }
			}
			post(t, srv, tc.query, nil).decode(t, &got)
			for _, c := range got {
				if c.TotalCount != tc.want || len(c.Edges) != tc.want || len(c.Nodes) != tc.want || c.PageInfo.HasNextPage {
					t.Errorf("totalCount %d, %d edges, %d nodes, hasNextPage %v; want %d items on one page",
						c.TotalCount, len(c.Edges), len(c.Nodes), c.PageInfo.HasNextPage, tc.want)
				}
				for i, e := range c.Edges {
					if e.Cursor == "" || e.Node.ID != c.Nodes[i].ID {
						t.Errorf("edge %d = %+v, node %+v", i, e, c.Nodes[i])
					}
				}
			}
		})
	}

	var lists struct {
		Programmes []struct{ ID string }
		Pillars    []struct {
			ID        string
			Programme struct{ ID string }
		}
	}
	post(t, srv, `{ programmes { id } pillars { id programme { id } } }`, nil).decode(t, &lists)
	if len(lists.Programmes) != len(ds.Programmes) || len(lists.Pillars) != len(ds.Pillars) {
		t.Errorf("got %d programmes and %d pillars, want %d and %d", len(lists.Programmes), len(lists.Pillars), len(ds.Programmes), len(ds.Pillars))
	}
	for _, p := range lists.Pillars {
		i := slices.IndexFunc(ds.Pillars, func(x *domain.Pillar) bool { return x.ID == p.ID })
		if i < 0 || ds.Pillars[i].ProgrammeID != p.Programme.ID {
			t.Errorf("pillar %s has programme %s", p.ID, p.Programme.ID)
		}
	}
}

// TestPagination walks commitments two at a time and checks every item comes once.
func TestPagination(t *testing.T) {
	ds := storetest.Fixture()
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	var seen []string
	after := any(nil)
	for page := 0; ; page++ {
		if page > len(ds.Commitments) {
			t.Fatal("pagination does not end")
		}
		var got struct {
			Commitments struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID string } }
				PageInfo   struct {
					HasNextPage, HasPreviousPage bool
					EndCursor                    *string
				}
			}
		}
		post(t, srv, `query($after: String) { commitments(first: 2, after: $after, orderBy: {field: DATE, direction: DESC}) {
			totalCount edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
			map[string]any{"after": after}).decode(t, &got)
		c := got.Commitments
		if c.TotalCount != len(ds.Commitments) {
			t.Errorf("totalCount = %d, want %d", c.TotalCount, len(ds.Commitments))
		}
		if c.PageInfo.HasPreviousPage != (page > 0) {
			t.Errorf("page %d: hasPreviousPage = %v", page, c.PageInfo.HasPreviousPage)
		}
		for _, e := range c.Edges {
			seen = append(seen, e.Node.ID)
		}
		if !c.PageInfo.HasNextPage {
			break
		}
		after = *c.PageInfo.EndCursor
	}
	var want []string
	for _, c := range ds.Commitments {
		want = append(want, c.ID)
	}
	sort.Strings(want)
	got := slices.Clone(seen)
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("pages held %v, want each of %v once", seen, want)
	}
}

func TestAbout(t *testing.T) {
	ds := storetest.Fixture()
	cfg := quietConfig()
	cfg.ServiceVersion, cfg.License = "1.2.3", "CC-BY-4.0"
	srv := mustServe(t, fixtureStore(t).Ports(), cfg)
	var got struct {
		About struct {
			ServiceVersion, DatasetVersion, License string
			Sources                                 []struct{ ID string }
			Counts                                  []struct {
				Kind  string
				Count int
			}
			Limits struct {
				MaxDepth, MaxAliases, MaxComplexity, MaxPageSize             int
				MaxTokens, MaxFields, MaxFragments, MaxDirectives, MaxErrors int
			}
		}
	}
	post(t, srv, `{ about { serviceVersion datasetVersion license sources { id } counts { kind count }
		limits { maxDepth maxAliases maxComplexity maxPageSize maxTokens maxFields maxFragments maxDirectives maxErrors } } }`, nil).decode(t, &got)
	a := got.About
	if a.ServiceVersion != "1.2.3" || a.DatasetVersion != ds.Version || a.License != "CC-BY-4.0" {
		t.Errorf("about = %+v", a)
	}
	if len(a.Sources) != len(ds.Sources) {
		t.Errorf("about.sources has %d, want %d", len(a.Sources), len(ds.Sources))
	}
	if len(a.Counts) != len(domain.Kinds) {
		t.Fatalf("about.counts = %+v, want one per kind", a.Counts)
	}
	byKind := map[domain.Kind]int{}
	for _, n := range ds.Nodes() {
		byKind[n.NodeKind()]++
	}
	for _, c := range a.Counts {
		if c.Count != byKind[domain.Kind(c.Kind)] {
			t.Errorf("count of %s = %d, want %d", c.Kind, c.Count, byKind[domain.Kind(c.Kind)])
		}
	}
	if a.Limits.MaxDepth != DefaultMaxDepth || a.Limits.MaxAliases != DefaultMaxAliases ||
		a.Limits.MaxComplexity != DefaultMaxComplexity || a.Limits.MaxPageSize != domain.MaxPageSize ||
		a.Limits.MaxTokens != DefaultMaxTokens || a.Limits.MaxFields != DefaultMaxFields ||
		a.Limits.MaxFragments != DefaultMaxFragments || a.Limits.MaxDirectives != DefaultMaxDirectives ||
		a.Limits.MaxErrors != DefaultMaxErrors {
		t.Errorf("limits = %+v", a.Limits)
	}
}

// TestGraphWalk follows fields both ways and checks them against the dataset.
func TestGraphWalk(t *testing.T) {
	ds := storetest.Fixture()
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())

	var got struct {
		Meetings struct {
			Nodes []struct {
				ID          string
				Commitments []struct {
					ID     string
					MadeAt struct{ ID string }
					MadeBy []struct {
						ID              string
						CommitmentsMade []struct{ ID string }
					}
				}
			}
		}
	}
	post(t, srv, `{ meetings(first: 100) { nodes { id commitments { id madeAt { id } madeBy { id commitmentsMade { id } } } } } }`, nil).decode(t, &got)
	if len(got.Meetings.Nodes) != len(ds.Meetings) {
		t.Fatalf("got %d meetings, want %d", len(got.Meetings.Nodes), len(ds.Meetings))
	}
	for _, m := range got.Meetings.Nodes {
		var want []string
		for _, c := range ds.Commitments {
			if c.MadeAtID == m.ID {
				want = append(want, c.ID)
			}
		}
		var ids []string
		for _, c := range m.Commitments {
			ids = append(ids, c.ID)
			if c.MadeAt.ID != m.ID {
				t.Errorf("commitment %s at %s says madeAt %s", c.ID, m.ID, c.MadeAt.ID)
			}
			for _, a := range c.MadeBy {
				if !slices.ContainsFunc(a.CommitmentsMade, func(x struct{ ID string }) bool { return x.ID == c.ID }) {
					t.Errorf("%s made %s, but its commitmentsMade is %v", a.ID, c.ID, a.CommitmentsMade)
				}
			}
		}
		sort.Strings(want)
		sort.Strings(ids)
		if !slices.Equal(ids, want) {
			t.Errorf("meeting %s commitments = %v, want %v", m.ID, ids, want)
		}
	}
}

func TestPersonRolesAsOf(t *testing.T) {
	ds := storetest.Fixture()
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	person := ds.Persons[0].ID
	for _, day := range []string{"2010-01-01", "2013-06-01", "2016-05-10", "2018-05-31", "2018-06-01", "2030-01-01"} {
		var got struct {
			Node struct {
				All, Held []struct{ ID string }
			}
		}
		post(t, srv, `query($id: ID!, $day: Date) { node(id: $id) { ... on Person { all: roles { id } held: roles(asOf: $day) { id } } } }`,
			map[string]any{"id": person, "day": day}).decode(t, &got)
		var want []string
		for _, r := range ds.Roles {
			if r.PersonID == person && (!r.From.Known() || r.From.Start() <= day) && (!r.To.Known() || r.To.End() >= day) {
				want = append(want, r.ID)
			}
		}
		var held []string
		for _, r := range got.Node.Held {
			held = append(held, r.ID)
		}
		sort.Strings(want)
		sort.Strings(held)
		if !slices.Equal(held, want) {
			t.Errorf("roles(asOf: %s) = %v, want %v", day, held, want)
		}
		if len(got.Node.All) < len(held) {
			t.Errorf("roles = %v has fewer than roles(asOf) = %v", got.Node.All, held)
		}
	}
}

func TestSourceClaims(t *testing.T) {
	ds := storetest.Fixture()
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	src := ds.Sources[0].ID
	var got struct {
		Node struct {
			Claims []struct {
				Node        struct{ ID string }
				Quote       string
				Attribution string
			}
		}
	}
	post(t, srv, `query($id: ID!) { node(id: $id) { ... on Source { claims { node { id } quote attribution } } } }`,
		map[string]any{"id": src}).decode(t, &got)
	var want, have []string
	for _, n := range ds.Nodes() {
		for _, ev := range domain.Claims(n) {
			if ev.SourceID == src {
				want = append(want, n.NodeID()+"|"+ev.Quote+"|"+string(ev.Attribution))
			}
		}
	}
	for _, c := range got.Node.Claims {
		have = append(have, c.Node.ID+"|"+c.Quote+"|"+c.Attribution)
	}
	sort.Strings(want)
	sort.Strings(have)
	if len(want) == 0 || !slices.Equal(have, want) {
		t.Errorf("claims of %s = %v, want %v", src, have, want)
	}
}

func TestErrorCodes(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())

	var first struct {
		Meetings struct{ PageInfo struct{ EndCursor string } }
	}
	post(t, srv, `{ meetings(first: 1, filter: {series: "JCC"}) { pageInfo { endCursor } } }`, nil).decode(t, &first)
	cursor := first.Meetings.PageInfo.EndCursor

	aliases := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "a%d: about { license } ", i)
		}
		return "{ " + b.String() + "}"
	}

	tests := []struct {
		name      string
		query     string
		vars      map[string]any
		code      string
		field     string
		dataNull  bool // the root field must come back null
		noMessage []string
	}{
		{name: "malformed cursor", query: `{ meetings(after: "not-a-cursor") { totalCount } }`, code: domain.EINVALID, field: "after"},
		{name: "cursor reused with another filter", query: `query($c: String) { meetings(after: $c, filter: {series: "other"}) { totalCount } }`,
			vars: map[string]any{"c": cursor}, code: domain.EINVALID, field: "after"},
		{name: "cursor reused with another order", query: `query($c: String) { meetings(after: $c, filter: {series: "JCC"}, orderBy: {field: TITLE}) { totalCount } }`,
			vars: map[string]any{"c": cursor}, code: domain.EINVALID, field: "after"},
		{name: "bad enum in variables", query: `query($k: [CommitmentKind!]) { commitments(filter: {kind: $k}) { totalCount } }`,
			vars: map[string]any{"k": []string{"PROMISE"}}, code: domain.EINVALID},
		{name: "enum in variables in the wrong case", query: `query($k: [CommitmentKind!]) { commitments(filter: {kind: $k}) { totalCount } }`,
			vars: map[string]any{"k": []string{"pledge"}}, code: domain.EINVALID, field: "filter.kind[0]"},
		{name: "bad enum literal", query: `{ commitments(filter: {kind: [PROMISE]}) { totalCount } }`, code: domain.EINVALID},
		{name: "bad order field in variables", query: `query($o: MeetingOrder) { meetings(orderBy: $o) { totalCount } }`,
			vars: map[string]any{"o": map[string]any{"field": "date"}}, code: domain.EINVALID, field: "orderBy.field"},
		{name: "bad date literal", query: `{ meetings(filter: {from: "2016-02-30"}) { totalCount } }`, code: domain.EINVALID, field: "filter.from"},
		{name: "bad date variable", query: `query($d: Date) { commitments(filter: {to: $d}) { totalCount } }`,
			vars: map[string]any{"d": "30/12/2016"}, code: domain.EINVALID, field: "filter.to"},
		{name: "bad asOf date", query: `{ node(id: "person:anusha-rehman") { ... on Person { roles(asOf: "2016") { id } } } }`,
			code: domain.EINVALID, field: "asOf"},
		{name: "first above the maximum", query: `{ commitments(first: 101) { totalCount } }`, code: domain.EINVALID, field: "first"},
		{name: "negative first", query: `{ actors(first: -1) { totalCount } }`, code: domain.EINVALID, field: "first"},
		{name: "search first above the maximum", query: `{ search(text: "x", first: 101) { score } }`, code: domain.EINVALID, field: "first"},
		{name: "more than 100 ids", query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
			vars: map[string]any{"ids": slices.Repeat([]string{"person:yao-jing"}, 101)}, code: domain.EINVALID, field: "ids"},
		{name: "non-actor kind in actor filter", query: `{ actors(filter: {kinds: [MEETING]}) { totalCount } }`, code: domain.EINVALID, field: "filter.kinds[0]"},
		{name: "depth 12", query: deepQuery(12), code: domain.EINVALID},
		{name: "31 aliases", query: aliases(31), code: domain.EINVALID},
		{name: "complexity", query: `{ a: meetings(first: 100) { nodes { id title label note series sequence location format nodeKind
			commitments { id statement madeBy { id name } madeTo { id name } concerns { id label } evidence { quote } } } }
			b: actors(first: 100) { nodes { id name aliases commitmentsMade { id statement madeBy { id name } madeTo { id name } }
			commitmentsReceived { id statement madeBy { id name } } meetings { id title participants { actor { id name } capacity } } } } }`,
			code: domain.ECOMPLEXITY},
		{name: "parse error", query: `{ meetings(first: 1 { totalCount } }`, code: "GRAPHQL_PARSE_FAILED"},
		{name: "unknown field", query: `{ meetings { count } }`, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "missing variable", query: `query($id: ID!) { node(id: $id) { id } }`, code: domain.EINVALID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, tc.vars)
			if len(r.Errors) == 0 {
				t.Fatalf("no error; data %s", r.Data)
			}
			if r.code() != tc.code {
				t.Errorf("code = %q, want %q (errors %+v)", r.code(), tc.code, r.Errors)
			}
			if tc.field != "" && r.Errors[0].Extensions["field"] != tc.field {
				t.Errorf("field = %v, want %q (errors %+v)", r.Errors[0].Extensions["field"], tc.field, r.Errors)
			}
			for _, e := range r.Errors {
				for k := range e.Extensions {
					if k != "code" && k != "field" {
						t.Errorf("extension %q leaked: %+v", k, e)
					}
				}
			}
		})
	}
}

// deepQuery returns a query whose deepest field is at the given level (≥ 3):
// node, then roles and person alternately, then a leaf.
func deepQuery(levels int) string {
	var open, close strings.Builder
	open.WriteString(`{ node(id: "person:anusha-rehman") { ... on Person { `)
	leaf := "name"
	for i := range levels - 2 {
		if i%2 == 0 {
			open.WriteString("roles { ")
			leaf = "title"
		} else {
			open.WriteString("person { ")
			leaf = "name"
		}
		close.WriteString(" }")
	}
	return open.String() + leaf + " __typename" + close.String() + " } } }"
}

func TestLimitsAtTheBoundary(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	if r := post(t, srv, deepQuery(11), nil); r.code() != domain.EINVALID || len(r.Errors) != 1 {
		t.Errorf("depth 11: code %q, errors %+v", r.code(), r.Errors)
	}
	// The same depth through a named fragment.
	viaFragment := strings.Replace(deepQuery(11), `... on Person {`, `...P } } fragment P on Person {`, 1)
	viaFragment = viaFragment[:len(viaFragment)-len(" } }")]
	if r := post(t, srv, viaFragment, nil); r.code() != domain.EINVALID || len(r.Errors) != 1 {
		t.Errorf("depth 11 through a fragment: code %q, errors %+v\n%s", r.code(), r.Errors, viaFragment)
	}
	// Depth exactly 10 (__typename adds none) is accepted.
	if r := post(t, srv, deepQuery(10), nil); len(r.Errors) > 0 {
		t.Errorf("depth 10: %+v", r.Errors)
	}

	aliases := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "a%d: __typename ", i)
		}
		return b.String()
	}
	if r := post(t, srv, "{ "+aliases(30)+"}", nil); len(r.Errors) > 0 {
		t.Errorf("30 aliases: %+v", r.Errors)
	}
	// 16 aliases in a fragment spread twice, plus one, are 33.
	twice := `query { ...A x: about { license } ...B } fragment A on Query { ` + aliases(16) + ` } fragment B on Query { ...A }`
	if r := post(t, srv, twice, nil); r.code() != domain.EINVALID {
		t.Errorf("33 aliases through fragments: code %q, errors %+v", r.code(), r.Errors)
	}
}

// TestLimitsConfigurable checks that Config sets the limits in force.
func TestLimitsConfigurable(t *testing.T) {
	cfg := quietConfig()
	cfg.MaxDepth, cfg.MaxAliases, cfg.MaxComplexity = 2, 1, 5
	srv := mustServe(t, fixtureStore(t).Ports(), cfg)
	cases := map[string]string{
		`{ node(id: "person:yao-jing") { ... on Person { nationality { name } } } }`: domain.EINVALID,
		`{ a: about { license } b: about { license } }`:                              domain.EINVALID,
		`{ meetings(first: 5) { totalCount } }`:                                      domain.ECOMPLEXITY,
	}
	for q, code := range cases {
		if r := post(t, srv, q, nil); r.code() != code {
			t.Errorf("%s: code %q, want %q (%+v)", q, r.code(), code, r.Errors)
		}
	}
	if r := post(t, srv, `{ about { license } }`, nil); len(r.Errors) > 0 {
		t.Errorf("a query within the limits failed: %+v", r.Errors)
	}
}

func TestGETAndPersistedQueries(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	query := `{ about { datasetVersion } }`

	res, err := http.Get(srv.URL + "?query=" + url.QueryEscape(query))
	if err != nil {
		t.Fatal(err)
	}
	var viaGet struct {
		About struct{ DatasetVersion string }
	}
	readResponse(t, res).decode(t, &viaGet)
	res.Body.Close()
	if viaGet.About.DatasetVersion != storetest.FixtureVersion {
		t.Errorf("GET: %+v", viaGet)
	}

	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	if r := postBody(t, srv, map[string]any{"extensions": ext}); r.code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Errorf("unknown persisted query: code %q, errors %+v", r.code(), r.Errors)
	}
	var first, second struct {
		About struct{ DatasetVersion string }
	}
	postBody(t, srv, map[string]any{"query": query, "extensions": ext}).decode(t, &first)
	postBody(t, srv, map[string]any{"extensions": ext}).decode(t, &second)
	if second.About.DatasetVersion != storetest.FixtureVersion {
		t.Errorf("persisted query by hash = %+v", second)
	}
}

func TestIntrospectionSwitch(t *testing.T) {
	on := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	var got struct {
		Schema struct{ Types []struct{ Name string } } `json:"__schema"`
	}
	post(t, on, `{ __schema { types { name } } }`, nil).decode(t, &got)
	if !slices.ContainsFunc(got.Schema.Types, func(x struct{ Name string }) bool { return x.Name == "Commitment" }) {
		t.Errorf("introspection lists no Commitment type")
	}

	cfg := quietConfig()
	cfg.DisableIntrospection = true
	off := mustServe(t, fixtureStore(t).Ports(), cfg)
	if r := post(t, off, `{ __schema { types { name } } }`, nil); len(r.Errors) == 0 {
		t.Errorf("introspection is on although disabled: %s", r.Data)
	}
}

// failingStore fails or panics in chosen methods and delegates the rest.
type failingStore struct {
	domain.Store
}

// Meetings fails with an error whose text must never reach a client.
func (failingStore) Meetings(context.Context, domain.MeetingFilter, domain.Order, domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
	return nil, fmt.Errorf("neo4j: connection refused by 10.1.2.3:7687")
}

// Programmes panics.
func (failingStore) Programmes(context.Context) ([]*domain.Programme, error) {
	panic("secret panic text")
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	var logs strings.Builder
	cfg := quietConfig()
	cfg.Logger = newTestLogger(&logs)
	srv := mustServe(t, domain.Ports{Store: failingStore{fixtureStore(t)}}, cfg)

	for _, q := range []string{`{ meetings { totalCount } }`, `{ programmes { id } }`} {
		r := post(t, srv, q, nil)
		if r.code() != domain.EINTERNAL {
			t.Errorf("%s: code %q, errors %+v", q, r.code(), r.Errors)
		}
		for _, e := range r.Errors {
			if strings.Contains(e.Message, "10.1.2.3") || strings.Contains(e.Message, "secret") || strings.Contains(e.Message, "goroutine") {
				t.Errorf("%s: internal text leaked: %q", q, e.Message)
			}
		}
	}
	out := logs.String()
	if !strings.Contains(out, "10.1.2.3") {
		t.Errorf("the internal error was not logged: %s", out)
	}
	if !strings.Contains(out, "secret panic text") || !strings.Contains(out, "goroutine") {
		t.Errorf("the panic was not logged with its stack: %s", out)
	}
}

// TestPartialDates checks each meeting's date against the domain's reading of it.
func TestPartialDates(t *testing.T) {
	ds := storetest.Fixture()
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	var got struct {
		Meetings struct {
			Nodes []struct {
				ID   string
				Date struct {
					Value, Text, Start, End *string
					Precision               string
				}
			}
		}
	}
	post(t, srv, `{ meetings(first: 100) { nodes { id date { value precision text start end } } } }`, nil).decode(t, &got)
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, m := range got.Meetings.Nodes {
		i := slices.IndexFunc(ds.Meetings, func(x *domain.Meeting) bool { return x.ID == m.ID })
		if i < 0 {
			t.Fatalf("unknown meeting %s", m.ID)
		}
		d := ds.Meetings[i].Date
		if str(m.Date.Value) != d.Value || m.Date.Precision != string(d.Precision()) || str(m.Date.Text) != d.Text ||
			str(m.Date.Start) != d.Start() || str(m.Date.End) != d.End() {
			t.Errorf("%s: date %+v, want %+v", m.ID, m.Date, d)
		}
		if (m.Date.Value == nil) != (d.Precision() == domain.PrecisionUnknown) {
			t.Errorf("%s: an unknown date must have a null value and UNKNOWN precision: %+v", m.ID, m.Date)
		}
	}
}

// introspectionQuery is the query GraphiQL sends (graphql-js getIntrospectionQuery
// with descriptions and input value deprecation).
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args(includeDeprecated: true) { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
}`

// TestPlaygroundIntrospection checks the playground's introspection query passes
// the default depth, alias and complexity limits.
func TestPlaygroundIntrospection(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	var got struct {
		Schema struct {
			QueryType struct{ Name string }
			Types     []struct{ Name string }
		} `json:"__schema"`
	}
	post(t, srv, introspectionQuery, nil).decode(t, &got)
	if got.Schema.QueryType.Name != "Query" || len(got.Schema.Types) < 40 {
		t.Errorf("introspection returned query type %q and %d types", got.Schema.QueryType.Name, len(got.Schema.Types))
	}
}
