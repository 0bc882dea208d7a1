package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/web"
	"github.com/corridor-kg/corridor/web/internal/gqlstub"
	"github.com/corridor-kg/corridor/web/webtest"
)

// newServer serves the playground at / as Corridor's server does, with a
// stub GraphQL endpoint that knows Corridor's schema (../schema.graphqls,
// also served at /schema.graphql) and answers every query with a response
// the real server gave to the JCC example
// (testdata/jcc-commitments.response.json).
func newServer(t *testing.T, introspection bool) (*httptest.Server, *gqlstub.Stub) {
	t.Helper()
	return newServerAnswering(t, introspection, "testdata/jcc-commitments.response.json")
}

// newServerAnswering is newServer with the stub answering every query with the
// response in the given file.
func newServerAnswering(t *testing.T, introspection bool, answerFile string) (*httptest.Server, *gqlstub.Stub) {
	t.Helper()
	sdl, err := os.ReadFile("../schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	answer, err := os.ReadFile(answerFile)
	if err != nil {
		t.Fatal(err)
	}
	stub, err := gqlstub.New(string(sdl), string(answer))
	if err != nil {
		t.Fatal(err)
	}
	stub.Introspection = introspection
	mux := http.NewServeMux()
	mux.Handle("/graphql", stub)
	mux.HandleFunc("GET /schema.graphql", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(sdl)
	})
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	mux.HandleFunc("GET /README.md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Write(readme) // as the real server serves it
	})
	web.Mount(mux)
	srv := httptest.NewServer(mux) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	return srv, stub
}

var operationName = regexp.MustCompile(`(?m)^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)`)

// exampleTabs returns the tab titles the playground opens with: the operation
// names of the JCC commitments and welcome examples.
func exampleTabs(t *testing.T) []string {
	t.Helper()
	var titles []string
	for _, name := range []string{"jcc-commitments", "welcome"} {
		text, err := os.ReadFile("../docs/queries/" + name + ".graphql")
		if err != nil {
			t.Fatal(err)
		}
		m := operationName.FindSubmatch(text)
		if m == nil {
			t.Fatalf("%s.graphql has no named operation", name)
		}
		titles = append(titles, string(m[1]))
	}
	return titles
}

// TestPlaygroundInBrowser loads the playground in headless Chromium with no
// way off the machine, checks the example tabs and the Explorer, runs the
// first example through the UI and checks the response pane.
func TestPlaygroundInBrowser(t *testing.T) {
	srv, stub := newServer(t, true)
	opts := webtest.Options{
		Expect:         []string{`"id":"meeting:jcc-10"`, `"commitments":[{"id":"commitment:`},
		ExpectPane:     []string{`"data"`, `"meeting:jcc-10"`},
		ExpectExplorer: []string{"commitments", "meetings", "search"},
		SchemaSource:   "introspection",
	}
	if os.Getenv("UPDATE_SCREENSHOT") == "1" {
		opts.Screenshot = "../docs/playground.png"
	}
	res := webtest.RunPlaygroundCheck(t, srv.URL, opts)

	want := exampleTabs(t)
	if len(want) > 0 && !slices.Equal(res.Tabs, want) {
		t.Errorf("tabs = %q, want %q (is web/dist stale? run web/build.sh)", res.Tabs, want)
	}
	got := runs(t, stub)
	if len(got) != 1 {
		t.Fatalf("endpoint received %d queries, want 1", len(got))
	}
	if first, err := firstExample(); err == nil && strings.TrimSpace(got[0].Query) != strings.TrimSpace(first) {
		t.Errorf("the run sent %q, want the first example %q", got[0].Query, first)
	}
	assertWorkers(t, res)
	assertSameOrigin(t, srv.URL, res)
}

// TestPlaygroundExport runs the neighbourhood example and checks that the Export
// panel offers one same-origin download per format, with the node IDs of the
// answer (testdata/neighbourhood-jcc-10.response.json, from the real server).
func TestPlaygroundExport(t *testing.T) {
	const answer = "testdata/neighbourhood-jcc-10.response.json"
	srv, stub := newServerAnswering(t, true, answer)
	res := webtest.RunPlaygroundCheck(t, srv.URL, webtest.Options{
		Tab:         "NeighbourhoodJcc10",
		Expect:      []string{`"neighborhood"`},
		ExportPanel: true,
	})
	if got := runs(t, stub); len(got) != 1 || !strings.Contains(got[0].Query, "neighborhood(") {
		t.Errorf("endpoint received %+v, want the neighbourhood example", got)
	}
	ids := answerNodeIDs(t, answer)
	var want []string
	for _, f := range []string{"graphml", "gexf", "csv", "json", "cypher"} {
		want = append(want, "/export/"+f+"?ids="+strings.Join(ids, ","))
	}
	if !slices.Equal(res.ExportLinks, want) {
		t.Errorf("export links =\n%q\nwant\n%q", res.ExportLinks, want)
	}
	assertSameOrigin(t, srv.URL, res)
}

// answerNodeIDs returns the node IDs of a neighbourhood response, URL-encoded,
// in the order the Export panel lists them: nodes, then edge ends not among them.
func answerNodeIDs(t *testing.T, file string) []string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Data struct {
			Neighborhood struct {
				Nodes []struct{ ID string }
				Edges []struct{ Source, Target string }
			}
		}
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	var ids []string
	add := func(id string) {
		if e := url.QueryEscape(id); !slices.Contains(ids, e) {
			ids = append(ids, e)
		}
	}
	for _, n := range r.Data.Neighborhood.Nodes {
		add(n.ID)
	}
	for _, e := range r.Data.Neighborhood.Edges {
		add(e.Source)
		add(e.Target)
	}
	if len(ids) < 10 {
		t.Fatalf("%s holds only %d nodes", file, len(ids))
	}
	return ids
}

// TestPlaygroundSDLFallback disables introspection: the page must load the
// schema from /schema.graphql, and a query typed into the editor must run.
func TestPlaygroundSDLFallback(t *testing.T) {
	srv, stub := newServer(t, false)
	query := "query About {\n  about {\n    version\n  }\n}\n"
	res := webtest.RunPlaygroundCheck(t, srv.URL, webtest.Options{
		Query:          query,
		Expect:         []string{`"id":"meeting:jcc-10"`},
		ExpectExplorer: []string{"commitments", "about"},
		SchemaSource:   "sdl",
	})
	got := runs(t, stub)
	if len(got) != 1 || strings.TrimSpace(got[0].Query) != strings.TrimSpace(query) {
		t.Errorf("endpoint received %+v, want the typed query %q", got, query)
	}
	fetched := false
	for _, r := range res.Requests {
		if strings.HasSuffix(r, "/schema.graphql") {
			fetched = true
		}
	}
	if !fetched {
		t.Errorf("the page never fetched /schema.graphql; requests: %q", res.Requests)
	}
	assertWorkers(t, res)
	assertSameOrigin(t, srv.URL, res)
}

func firstExample() (string, error) {
	b, err := os.ReadFile("../docs/queries/jcc-commitments.graphql")
	return string(b), err
}

// assertWorkers checks that Monaco ran its workers from the bundled,
// same-origin scripts and did not fall back to the main thread.
func assertWorkers(t *testing.T, res webtest.Result) {
	t.Helper()
	if !slices.ContainsFunc(res.Workers, func(w string) bool { return strings.Contains(w, "/assets/graphql.worker-") }) {
		t.Errorf("no bundled GraphQL worker running; workers: %q", res.Workers)
	}
	for _, m := range res.Console {
		if strings.Contains(m, "Could not create web worker") || strings.Contains(m, "falling back") {
			t.Errorf("Monaco fell back to the main thread: %s", m)
		}
	}
}

// assertSameOrigin checks that every request went to the test server.
func assertSameOrigin(t *testing.T, base string, res webtest.Result) {
	t.Helper()
	if len(res.Requests) == 0 {
		t.Fatal("no requests recorded")
	}
	for _, r := range res.Requests {
		_, u, _ := strings.Cut(r, " ")
		if !strings.HasPrefix(u, base+"/") {
			t.Errorf("request to another origin: %s", r)
		}
	}
}

// runs returns the queries the stub received from runs in the editor: all but
// the Welcome panel's own request for the dataset version (the welcome
// example's text, sent without an operation name).
func runs(t *testing.T, stub *gqlstub.Stub) []gqlstub.Request {
	t.Helper()
	welcome, err := os.ReadFile("../docs/queries/welcome.graphql")
	if err != nil {
		t.Fatal(err)
	}
	var out []gqlstub.Request
	for _, r := range stub.Received() {
		if r.OperationName == "" && strings.TrimSpace(r.Query) == strings.TrimSpace(string(welcome)) {
			continue
		}
		out = append(out, r)
	}
	return out
}
