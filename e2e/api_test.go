package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/docs"
)

// sharedSrv serves the read-only tests; TestMain stops it after the run.
var sharedSrv *server

func sharedServer(t *testing.T) *server {
	t.Helper()
	if sharedSrv == nil {
		sharedSrv = startServer(&keepAlive{t})
	}
	return sharedSrv
}

// keepAlive lets the shared server outlive the test that started it.
type keepAlive struct{ *testing.T }

// Cleanup drops the function: TestMain stops the shared server.
func (k *keepAlive) Cleanup(func()) {}

func TestRootFields(t *testing.T) {
	s := sharedServer(t)
	var d struct {
		About struct {
			ServiceVersion string                `json:"serviceVersion"`
			DatasetVersion string                `json:"datasetVersion"`
			Sources        []struct{ ID string } `json:"sources"`
		} `json:"about"`
		Actors      struct{ TotalCount int }             `json:"actors"`
		Meetings    struct{ TotalCount int }             `json:"meetings"`
		Commitments struct{ TotalCount int }             `json:"commitments"`
		Projects    struct{ TotalCount int }             `json:"projects"`
		Sources     struct{ TotalCount int }             `json:"sources"`
		Programmes  []struct{ ID string }                `json:"programmes"`
		Pillars     []struct{ ID string }                `json:"pillars"`
		Search      []struct{ Node struct{ ID string } } `json:"search"`
		Node        *struct{ ID string }                 `json:"node"`
		Nodes       []*struct{ ID string }               `json:"nodes"`
	}
	s.query(t, `{
	  about { serviceVersion datasetVersion sources { id } }
	  actors { totalCount } meetings { totalCount } commitments { totalCount }
	  projects { totalCount } sources { totalCount }
	  programmes { id } pillars { id }
	  search(text: "cpec") { node { id } }
	  node(id: "pillar:cpec-it") { id }
	  nodes(ids: ["pillar:cpec-it", "person:nobody-at-all"]) { id }
	}`, nil).mustData(t, &d)
	if d.About.DatasetVersion == "" || d.About.ServiceVersion == "" {
		t.Errorf("about without versions: %+v", d.About)
	}
	if len(d.About.Sources) != 5 || d.Sources.TotalCount != 5 {
		t.Errorf("sources: about lists %d, sources() counts %d; want the 5 articles", len(d.About.Sources), d.Sources.TotalCount)
	}
	for name, n := range map[string]int{"actors": d.Actors.TotalCount, "meetings": d.Meetings.TotalCount,
		"commitments": d.Commitments.TotalCount, "projects": d.Projects.TotalCount,
		"programmes": len(d.Programmes), "pillars": len(d.Pillars), "search": len(d.Search)} {
		if n == 0 {
			t.Errorf("%s is empty", name)
		}
	}
	if d.Node == nil || d.Node.ID != "pillar:cpec-it" {
		t.Errorf("node(pillar:cpec-it) = %+v", d.Node)
	}
	if len(d.Nodes) != 2 || d.Nodes[0] == nil || d.Nodes[1] != nil {
		t.Errorf("nodes with one unknown ID = %+v, want [found, null]", d.Nodes)
	}
	if d.Search[0].Node.ID != "programme:cpec" {
		t.Errorf("search(cpec) ranks %s first, want the CPEC programme (exact acronym)", d.Search[0].Node.ID)
	}
}

func TestGETTransport(t *testing.T) {
	s := sharedServer(t)
	var d struct {
		About struct{ DatasetVersion string }
	}
	s.get(t, `{ about { datasetVersion } }`).mustData(t, &d)
	if d.About.DatasetVersion == "" {
		t.Fatal("GET query returned no dataset version")
	}
}

// TestEveryQuoteIsInItsSource walks every claim the API serves through
// Source.claims and checks each quote against the article file, end to end.
func TestEveryQuoteIsInItsSource(t *testing.T) {
	s := sharedServer(t)
	dir := seedsDir(t)
	var d struct {
		Sources struct {
			Edges []struct {
				Node struct {
					ID     string
					File   string
					Claims []struct {
						Quote       string
						Attribution string
						Node        struct{ ID string }
					}
				}
			}
		}
	}
	s.query(t, `{ sources(first: 100) { edges { node { id file claims { quote attribution node { id } } } } } }`, nil).mustData(t, &d)
	total := 0
	for _, e := range d.Sources.Edges {
		text, err := os.ReadFile(filepath.Join(dir, e.Node.File))
		if err != nil {
			t.Fatalf("%s: %v", e.Node.ID, err)
		}
		norm := normalize(string(text))
		if len(e.Node.Claims) == 0 {
			t.Errorf("%s has no claims", e.Node.ID)
		}
		for _, c := range e.Node.Claims {
			total++
			if !strings.Contains(norm, normalize(c.Quote)) {
				t.Errorf("%s: quote for %s not in %s: %q", e.Node.ID, c.Node.ID, e.Node.File, c.Quote)
			}
			if !slices.Contains([]string{"DIRECT_QUOTE", "REPORTED", "ANONYMOUS", "ARTICLE"}, c.Attribution) {
				t.Errorf("bad attribution %q", c.Attribution)
			}
		}
	}
	if total < 50 {
		t.Errorf("only %d claims served; the dataset should hold far more", total)
	}
}

func TestCommitmentsCarryEvidenceAndMakers(t *testing.T) {
	s := sharedServer(t)
	var d struct {
		Commitments struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID, Statement, Kind, Status string
					MadeBy                      []struct{ ID, Name string }
					Evidence                    []struct {
						Quote  string
						Source struct{ ID string }
					}
				}
			}
		}
	}
	s.query(t, `{ commitments(first: 100) { totalCount edges { node { id statement kind status
	  madeBy { id name } evidence { quote source { id } } } } } }`, nil).mustData(t, &d)
	if d.Commitments.TotalCount != len(d.Commitments.Edges) {
		t.Fatalf("totalCount %d but %d edges on a 100-page", d.Commitments.TotalCount, len(d.Commitments.Edges))
	}
	mutual := 0
	for _, e := range d.Commitments.Edges {
		n := e.Node
		if n.Statement == "" || len(n.MadeBy) == 0 || len(n.Evidence) == 0 {
			t.Errorf("%s lacks statement, maker or evidence: %+v", n.ID, n)
		}
		if len(n.MadeBy) >= 2 {
			mutual++
		}
	}
	if mutual == 0 {
		t.Error("no mutual commitment (madeBy both parties) served")
	}
}

func TestJCCMeeting(t *testing.T) {
	s := sharedServer(t)
	var d struct {
		Meetings struct {
			Edges []struct {
				Node struct {
					ID, Title, Series, Location, Format string
					Sequence                            int
					Date                                struct {
						Value     *string
						Precision string
					}
					Body         struct{ ID string }
					Organizers   []struct{ ID string }
					Participants []struct {
						Actor    struct{ ID string }
						Evidence []struct{ Quote string }
					}
					Commitments []struct{ ID string }
				}
			}
		}
	}
	s.query(t, `{ meetings(filter: {series: "JCC"}) { edges { node { id title series sequence location format
	  date { value precision } body { id } organizers { id }
	  participants { actor { id } evidence { quote } } commitments { id } } } } }`, nil).mustData(t, &d)
	if len(d.Meetings.Edges) != 1 {
		t.Fatalf("JCC meetings = %d, want 1", len(d.Meetings.Edges))
	}
	m := d.Meetings.Edges[0].Node
	if m.ID != "meeting:jcc-10" || m.Sequence != 10 || m.Body.ID != "org:jcc" || m.Format != "VIDEO_LINK" || m.Location == "" {
		t.Errorf("jcc-10 = %+v", m)
	}
	if m.Date.Value != nil || m.Date.Precision != "UNKNOWN" {
		t.Errorf("jcc-10 date should be unknown (the article says only 'on Thursday'): %+v", m.Date)
	}
	if len(m.Organizers) != 2 || len(m.Participants) == 0 || len(m.Commitments) < 3 {
		t.Errorf("jcc-10 organizers %d, participants %d, commitments %d", len(m.Organizers), len(m.Participants), len(m.Commitments))
	}
	for _, p := range m.Participants {
		if len(p.Evidence) == 0 {
			t.Errorf("participation of %s without evidence", p.Actor.ID)
		}
	}
}

func TestBadInput(t *testing.T) {
	s := sharedServer(t)
	cases := []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"malformed cursor", `{ commitments(after: "not-a-cursor") { totalCount } }`, nil, "BAD_USER_INPUT"},
		{"page too large", `{ commitments(first: 101) { totalCount } }`, nil, "BAD_USER_INPUT"},
		{"negative page", `{ actors(first: -1) { totalCount } }`, nil, "BAD_USER_INPUT"},
		{"bad enum in variables", `query($k: [CommitmentKind!]) { commitments(filter: {kind: $k}) { totalCount } }`, map[string]any{"k": []string{"PROMISE"}}, "BAD_USER_INPUT"},
		{"bad date", `{ meetings(filter: {from: "2019-13-45"}) { totalCount } }`, nil, "BAD_USER_INPUT"},
		{"bad date in variables", `query($d: Date) { meetings(filter: {from: $d}) { totalCount } }`, map[string]any{"d": "yesterday"}, "BAD_USER_INPUT"},
		{"unknown field", `{ commitments { nope } }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		{"syntax error", `{ commitments { `, nil, "GRAPHQL_PARSE_FAILED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := s.query(t, c.query, c.vars)
			if r.Code() != c.code {
				t.Fatalf("code = %q, want %q: %s", r.Code(), c.code, r.Raw)
			}
		})
	}
	t.Run("cursor reused with another filter", func(t *testing.T) {
		var d struct {
			Commitments struct{ PageInfo struct{ EndCursor string } }
		}
		s.query(t, `{ commitments(first: 2) { pageInfo { endCursor } } }`, nil).mustData(t, &d)
		r := s.query(t, `query($a: String) { commitments(first: 2, after: $a, filter: {kind: [PLEDGE]}) { totalCount } }`,
			map[string]any{"a": d.Commitments.PageInfo.EndCursor})
		if r.Code() != "BAD_USER_INPUT" {
			t.Fatalf("code = %q: %s", r.Code(), r.Raw)
		}
		r = s.query(t, `query($a: String) { commitments(first: 2, after: $a, orderBy: {field: KIND, direction: DESC}) { totalCount } }`,
			map[string]any{"a": d.Commitments.PageInfo.EndCursor})
		if r.Code() != "BAD_USER_INPUT" {
			t.Fatalf("another order: code = %q: %s", r.Code(), r.Raw)
		}
	})
	t.Run("unknown id is null", func(t *testing.T) {
		r := s.query(t, `{ node(id: "person:does-not-exist") { id } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"node":null`) {
			t.Fatalf("got %s", r.Raw)
		}
	})
}

// TestPaginationAcrossPages walks every list with small pages under each order
// and checks the pages add up to the whole list: no duplicates, no gaps, even
// where sort keys repeat or are null (most dates are unknown).
func TestPaginationAcrossPages(t *testing.T) {
	s := sharedServer(t)
	lists := []struct{ field, order string }{
		{"commitments", `{field: DATE, direction: ASC}`},
		{"commitments", `{field: DATE, direction: DESC}`},
		{"commitments", `{field: KIND, direction: ASC}`},
		{"commitments", `{field: STATUS, direction: DESC}`},
		{"meetings", `{field: DATE, direction: ASC}`},
		{"meetings", `{field: SEQUENCE, direction: DESC}`},
		{"actors", `{field: NAME, direction: ASC}`},
		{"actors", `{field: KIND, direction: DESC}`},
		{"projects", `{field: STATUS, direction: ASC}`},
		{"sources", `{field: PUBLISHED, direction: ASC}`},
	}
	type page struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Node   struct{ ID string }
		}
	}
	fetch := func(field, order string, first int, after *string) page {
		var d map[string]page
		s.query(t, `query($first: Int, $after: String) { `+field+`(first: $first, after: $after, orderBy: `+order+`) {
		  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
			map[string]any{"first": first, "after": after}).mustData(t, &d)
		return d[field]
	}
	for _, l := range lists {
		whole := fetch(l.field, l.order, 100, nil)
		var want []string
		for _, e := range whole.Edges {
			want = append(want, e.Node.ID)
		}
		if len(want) != whole.TotalCount || len(want) == 0 {
			t.Fatalf("%s %s: %d items, totalCount %d", l.field, l.order, len(want), whole.TotalCount)
		}
		for _, size := range []int{1, 2, 3, 7} {
			var got []string
			var after *string
			for pages := 0; ; pages++ {
				if pages > len(want)+1 {
					t.Fatalf("%s %s size %d: pagination does not end", l.field, l.order, size)
				}
				p := fetch(l.field, l.order, size, after)
				for _, e := range p.Edges {
					got = append(got, e.Node.ID)
				}
				if !p.PageInfo.HasNextPage {
					break
				}
				after = p.PageInfo.EndCursor
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s %s size %d:\n got %v\nwant %v", l.field, l.order, size, got, want)
			}
		}
	}
}

func TestCORSOverRealServer(t *testing.T) {
	t.Run("unset", func(t *testing.T) {
		s := sharedServer(t)
		req, _ := http.NewRequest(http.MethodOptions, s.URL+"/graphql", nil)
		req.Header.Set("Origin", "https://viz.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if h := resp.Header.Get("Access-Control-Allow-Origin"); h != "" {
			t.Fatalf("CORS header with CORRIDOR_CORS_ORIGINS unset: %q", h)
		}
	})
	t.Run("configured", func(t *testing.T) {
		s := startServer(t, "CORRIDOR_CORS_ORIGINS=https://viz.example")
		req, _ := http.NewRequest(http.MethodOptions, s.URL+"/graphql", nil)
		req.Header.Set("Origin", "https://viz.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		// Browsers send the list lower-cased and comma-joined (Fetch spec); rs/cors expects that form.
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if h := resp.Header.Get("Access-Control-Allow-Origin"); h != "https://viz.example" {
			t.Fatalf("Allow-Origin = %q", h)
		}
		if h := strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")); !strings.Contains(h, "authorization") {
			t.Fatalf("Allow-Headers = %q", h)
		}
	})
}

func TestHealthSchemaAndPlayground(t *testing.T) {
	s := sharedServer(t)
	for path, want := range map[string]string{
		"/healthz":        `"ok"`,
		"/readyz":         `"ready"`,
		"/schema.graphql": "type Query",
		"/":               `id="graphiql"`,
	} {
		resp, err := http.Get(s.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s = %d, want body containing %q", path, resp.StatusCode, want)
		}
		if resp.Header.Get("X-Request-ID") == "" {
			t.Errorf("GET %s: no X-Request-ID", path)
		}
	}
}

func TestBodyLimitOverRealServer(t *testing.T) {
	s := sharedServer(t)
	big := `{"query":"{ about { datasetVersion } }","variables":{"pad":"` + strings.Repeat("x", 1<<20) + `"}}`
	resp, err := http.Post(s.URL+"/graphql", "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status = %d, want 413", resp.StatusCode)
	}
}

func TestGracefulShutdown(t *testing.T) {
	s := startServer(t)
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.exited:
		if s.err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", s.err, s.Logs())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit within 10s of SIGTERM")
	}
	logs := s.Logs()
	if !strings.Contains(logs, "shutting down") || !strings.Contains(logs, "stopped") {
		t.Fatalf("logs do not show a graceful stop:\n%s", logs)
	}
	if !strings.Contains(logs, "request_id=") {
		t.Errorf("request logs carry no request_id:\n%s", logs)
	}
}

// TestRefusesInvalidData points the quote check at altered article texts: the
// server must refuse to start, naming the file, line, record and field.
func TestRefusesInvalidData(t *testing.T) {
	src := seedsDir(t)
	bad := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		// Corrupt one article: every quote from it must now fail.
		if strings.HasPrefix(e.Name(), "003_") {
			b = []byte(strings.ReplaceAll(string(b), "Ning", "Nxng"))
		}
		if err := os.WriteFile(filepath.Join(bad, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := corridorCmd(t, "serve", "CORRIDOR_SEEDS_DIR="+bad, "PORT="+itoa(freePort(t)))
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("server started on invalid data:\n%s", out)
	}
	msg := string(out)
	for _, want := range []string{"seed/data/", ".yaml:", "quote", "003_988f5363594ffcb5.txt"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error output lacks %q:\n%s", want, msg)
		}
	}
}

func TestExampleQueries(t *testing.T) {
	s := sharedServer(t)
	examples := docs.Examples()
	if len(examples) < 3 {
		t.Fatalf("example queries: %d", len(examples))
	}
	for _, ex := range examples {
		t.Run(ex.File, func(t *testing.T) {
			expects := ex.Expect
			if len(expects) == 0 {
				t.Fatalf("%s has no expect snippets in its sidecar saying what it promises", ex.File)
			}
			r := s.query(t, ex.Query, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %s", r.Raw)
			}
			var compact any
			_ = json.Unmarshal(r.Data, &compact)
			data, _ := json.Marshal(compact)
			for _, e := range expects {
				if !strings.Contains(string(data), e) {
					t.Errorf("response lacks %s", e)
				}
			}
		})
	}
}
