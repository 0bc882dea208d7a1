package e2e

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/web/webtest"
)

// Keys of the abuse tests' servers; the tests check that no log line holds one.
const (
	readerKey = "reader-key-0123456789abcdef"
	editorKey = "editor-key-0123456789abcdef"
	apiKeys   = "bot:reader:" + readerKey + ",ana:editor:" + editorKey
)

// goodQuery is an ordinary read: after every attack, it must still succeed.
const goodQuery = `{ about { datasetVersion } commitments(first: 1) { totalCount } }`

// raw sends one request as given and decodes the GraphQL-shaped answer.
func (s *server) raw(t testing.TB, method, path, contentType string, body []byte, header ...string) *gqlResponse {
	t.Helper()
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return s.do(t, req)
}

// stillServes checks that an ordinary query succeeds.
func (s *server) stillServes(t *testing.T, after string) {
	t.Helper()
	r := s.query(t, goodQuery, nil)
	if r.Status != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"totalCount":`) {
		t.Fatalf("after %s the server no longer serves: %d %s", after, r.Status, r.Raw)
	}
}

func jsonBody(q string) []byte {
	b, _ := json.Marshal(map[string]any{"query": q})
	return b
}

// nest returns a query nested depth fields deep through Meeting.next.
func nest(depth int) string {
	return `{ meetings(first: 1) { edges { node { ` + strings.Repeat("next { ", depth) + "id" + strings.Repeat(" }", depth) + ` } } } }`
}

// TestAbuse sends hostile requests to the real binary with the default limits:
// each gets a clean coded error (or, for injection strings, an ordinary answer)
// and the server keeps serving.
func TestAbuse(t *testing.T) {
	s := startServer(t, "CORRIDOR_API_KEYS="+apiKeys)
	before := s.query(t, goodQuery, nil)
	if len(before.Errors) > 0 {
		t.Fatalf("good query fails from the start: %s", before.Raw)
	}

	aliases := new(strings.Builder)
	aliases.WriteString("{")
	for i := range 50 {
		fmt.Fprintf(aliases, " a%d: about { datasetVersion }", i)
	}
	aliases.WriteString(" }")
	pages := new(strings.Builder)
	pages.WriteString("{")
	for i := range 10 {
		fmt.Fprintf(pages, " c%d: commitments(first: 100) { edges { node { madeBy { commitmentsMade { madeTo { id } } } } } }", i)
	}
	pages.WriteString(" }")
	huge := bytes.Repeat([]byte(" "), 2<<20)
	copy(huge, `{"query":"{ about { datasetVersion } }"}`)

	post := func(q string) []byte { return jsonBody(q) }
	cases := []struct {
		name        string
		method      string
		contentType string
		path        string
		body        []byte
		header      []string
		status      int
		code        string
	}{
		{"depth bomb", "POST", "application/json", "/graphql", post(nest(30)), nil, 422, "BAD_USER_INPUT"},
		{"alias bomb", "POST", "application/json", "/graphql", post(aliases.String()), nil, 422, "BAD_USER_INPUT"},
		{"fragment cycle", "POST", "application/json", "/graphql",
			post(`query { ...A } fragment A on Query { ...B } fragment B on Query { about { datasetVersion } ...A }`), nil, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"fragment fan-out", "POST", "application/json", "/graphql",
			post(`{ ...F1 } fragment F1 on Query { a: about { ...F2 } b: about { ...F2 } } fragment F2 on About { x: datasetVersion y: datasetVersion z: datasetVersion }`), nil, 200, ""},
		{"huge page", "POST", "application/json", "/graphql", post(`{ commitments(first: 100000) { totalCount } }`), nil, 200, "BAD_USER_INPUT"},
		{"huge search", "POST", "application/json", "/graphql", post(`{ search(text: "cpec", first: 100000) { score } }`), nil, 200, "BAD_USER_INPUT"},
		{"complexity", "POST", "application/json", "/graphql", post(pages.String()), nil, 200, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"JSON batch", "POST", "application/json", "/graphql", []byte(`[{"query":"{ about { datasetVersion } }"},{"query":"{ about { datasetVersion } }"}]`), nil, 400, "BAD_REQUEST"},
		{"text/plain", "POST", "text/plain", "/graphql", post(goodQuery), nil, 415, "BAD_REQUEST"},
		{"form", "POST", "application/x-www-form-urlencoded", "/graphql", []byte("query=" + url.QueryEscape(goodQuery)), nil, 415, "BAD_REQUEST"},
		{"multipart", "POST", "multipart/form-data; boundary=x", "/graphql", []byte("--x\r\n\r\n{}\r\n--x--"), nil, 415, "BAD_REQUEST"},
		{"no content type", "POST", "", "/graphql", post(goodQuery), nil, 415, "BAD_REQUEST"},
		{"GET mutation", "GET", "", "/graphql?query=" + url.QueryEscape(`mutation { x }`), nil, nil, 405, "BAD_REQUEST"},
		{"DELETE", "DELETE", "", "/graphql", nil, nil, 405, "BAD_REQUEST"},
		{"invalid UTF-8", "POST", "application/json", "/graphql", []byte("{\"query\":\"{ search(text: \\\"\xc3\x28\\\") { score } }\"}"), nil, 400, "BAD_REQUEST"},
		{"lone surrogate", "POST", "application/json", "/graphql",
			[]byte(`{"query":"query($t: String!) { search(text: $t) { score } }","variables":{"t":"\udc00"}}`), nil, 400, "BAD_REQUEST"},
		{"invalid UTF-8 by GET", "GET", "", "/graphql?query=%7Bsearch(text:%22%FF%22)%7Bscore%7D%7D", nil, nil, 400, "BAD_REQUEST"},
		{"not JSON", "POST", "application/json", "/graphql", []byte(`{"query": "{ about`), nil, 400, "BAD_REQUEST"},
		{"oversized body", "POST", "application/json", "/graphql", huge, nil, 413, "BAD_REQUEST"},
		{"parse error", "POST", "application/json", "/graphql", post(`{ about { `), nil, 422, "GRAPHQL_PARSE_FAILED"},
		{"wrong key", "POST", "application/json", "/graphql", post(goodQuery), []string{"Authorization", "Bearer " + readerKey + "x"}, 401, "UNAUTHENTICATED"},
		{"unknown persisted query", "POST", "application/json", "/graphql",
			[]byte(`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + strings.Repeat("ab", 32) + `"}}}`), nil, 200, "PERSISTED_QUERY_NOT_FOUND"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := s.raw(t, c.method, c.path, c.contentType, c.body, c.header...)
			if r.Status != c.status || r.Code() != c.code {
				t.Errorf("status %d code %q, want %d %q: %.300s", r.Status, r.Code(), c.status, c.code, r.Raw)
			}
			if c.code != "" && (len(r.Errors) == 0 || r.Errors[0].Message == "") {
				t.Errorf("no error message: %s", r.Raw)
			}
			s.stillServes(t, c.name)
		})
	}

	// Injection strings are data: searches and filters answer normally, and
	// nothing is deleted.
	injections := []string{`' OR 1=1`, `' OR '1'='1' --`, `}) MATCH (n) DETACH DELETE n //`, `"}) RETURN 1 //`,
		`*:* OR title:x~`, `title:(a OR b)^10 AND *`, `\`, `%' OR 1=1 --`, `<script>alert(1)</script>`, "\u0000"}
	for _, inj := range injections {
		vars := map[string]any{"t": inj, "id": inj}
		r := s.query(t, `query($t: String!, $id: ID!) {
		  search(text: $t) { score node { id } }
		  commitments(filter: { text: $t }) { totalCount }
		  node(id: $id) { id }
		  nodes(ids: [$id]) { id }
		}`, vars)
		// Text with no letter or digit is BAD_USER_INPUT for search; anything
		// else is an ordinary answer.
		if r.Status != 200 || (len(r.Errors) > 0 && (r.Code() != "BAD_USER_INPUT" || strings.ContainsAny(inj, "abcdefghijklmnopqrstuvwxyz0123456789"))) {
			t.Errorf("injection %q: %d %s", inj, r.Status, r.Raw)
		}
		r = s.query(t, `query($t: String!) { actors(filter: { text: $t }) { totalCount } }`, vars)
		if r.Status != 200 || (len(r.Errors) > 0 && r.Code() != "BAD_USER_INPUT") {
			t.Errorf("injection %q in an actor filter: %d %s", inj, r.Status, r.Raw)
		}
	}
	after := s.query(t, goodQuery, nil)
	if string(after.Data) != string(before.Data) {
		t.Errorf("data changed under attack: %s, was %s", after.Data, before.Data)
	}

	// The metrics saw the refusals by code, and the keys never reached the logs.
	resp, err := http.Get(s.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`corridor_graphql_errors_total{code="BAD_REQUEST"}`, `corridor_graphql_errors_total{code="UNAUTHENTICATED"} 1`,
		`corridor_http_requests_total{route="/graphql",status="415"} 4`, `corridor_store_calls_total{method="Search",outcome="ok"}`} {
		if !bytes.Contains(metrics, []byte(want)) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(s.Logs(), readerKey) || strings.Contains(s.Logs(), editorKey) {
		t.Errorf("the logs hold an API key")
	}
}

// TestRateLimitUnderAbuse sends a bounded burst of hostile and ordinary requests
// from one client: past its burst it gets 429 with Retry-After, other clients
// and the probes are unaffected, and after the wait it is served again.
func TestRateLimitUnderAbuse(t *testing.T) {
	s := startServer(t, "CORRIDOR_API_KEYS="+apiKeys, "CORRIDOR_RATE_LIMIT=5", "CORRIDOR_RATE_BURST=10")
	bodies := [][]byte{jsonBody(nest(30)), []byte(`[{"query":"{ about { datasetVersion } }"}]`), jsonBody(goodQuery), []byte("{\"query\":\"\xff\"}")}
	limited, retryAfter := 0, 0
	for i := range 60 {
		r := s.raw(t, "POST", "/graphql", "application/json", bodies[i%len(bodies)])
		switch r.Status {
		case http.StatusTooManyRequests:
			limited++
			if r.Code() != "RATE_LIMITED" {
				t.Errorf("429 with code %q: %s", r.Code(), r.Raw)
			}
		case 200, 400, 422:
		default:
			t.Errorf("request %d: status %d: %s", i, r.Status, r.Raw)
		}
	}
	// Retry-After of a limited request, read directly.
	req, _ := http.NewRequest("POST", s.URL+"/graphql", bytes.NewReader(jsonBody(goodQuery)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		limited++
		retryAfter, _ = strconv.Atoi(resp.Header.Get("Retry-After"))
	}
	// 60 requests against a burst of 10 at 5/s: most are refused however slow the machine.
	if limited < 20 || retryAfter < 1 {
		t.Fatalf("%d of 61 requests limited, Retry-After %d; want most limited and Retry-After >= 1", limited, retryAfter)
	}
	if r, err := http.Get(s.URL + "/healthz"); err != nil || r.StatusCode != 200 {
		t.Fatalf("healthz limited too: %v", err)
	}
	// Another client, a key, has its own bucket.
	r := s.raw(t, "POST", "/graphql", "application/json", jsonBody(goodQuery), "Authorization", "Bearer "+readerKey)
	if r.Status != 200 || len(r.Errors) > 0 {
		t.Fatalf("a key's client limited by the IP's bucket: %d %s", r.Status, r.Raw)
	}
	time.Sleep(time.Duration(retryAfter) * time.Second)
	s.stillServes(t, "the rate limit's wait")
}

// TestRequireKeyForReads: with CORRIDOR_REQUIRE_KEY_FOR_READS, reads and exports
// need a valid key; the key's holder is logged, the key never is.
func TestRequireKeyForReads(t *testing.T) {
	s := startServer(t, "CORRIDOR_API_KEYS="+apiKeys, "CORRIDOR_REQUIRE_KEY_FOR_READS=true")
	if r := s.query(t, goodQuery, nil); r.Status != 401 || r.Code() != "UNAUTHENTICATED" {
		t.Fatalf("read without key: %d %s", r.Status, r.Raw)
	}
	if r := s.get(t, goodQuery); r.Status != 401 || r.Code() != "UNAUTHENTICATED" {
		t.Fatalf("GET without key: %d %s", r.Status, r.Raw)
	}
	if resp, err := http.Get(s.URL + "/export/json"); err != nil || resp.StatusCode != 401 {
		t.Fatalf("export without key: %v %v", resp.StatusCode, err)
	}
	for _, key := range []string{readerKey, editorKey} {
		r := s.raw(t, "POST", "/graphql", "application/json", jsonBody(goodQuery), "Authorization", "Bearer "+key)
		if r.Status != 200 || len(r.Errors) > 0 {
			t.Fatalf("read with a key: %d %s", r.Status, r.Raw)
		}
	}
	if r := s.raw(t, "POST", "/graphql", "application/json", jsonBody(goodQuery), "Authorization", "Bearer "+editorKey[1:]); r.Status != 401 {
		t.Fatalf("wrong key: %d %s", r.Status, r.Raw)
	}
	for _, path := range []string{"/healthz", "/readyz", "/schema.graphql", "/"} {
		if resp, err := http.Get(s.URL + path); err != nil || resp.StatusCode != 200 {
			t.Errorf("%s needs a key: %v", path, err)
		}
	}
	logs := s.Logs()
	if !strings.Contains(logs, "key:bot") || !strings.Contains(logs, "key:ana") {
		t.Errorf("the logs do not name the keys' holders:\n%s", logs)
	}
	if strings.Contains(logs, readerKey) || strings.Contains(logs, editorKey) || strings.Contains(logs, editorKey[1:]) {
		t.Errorf("the logs hold an API key")
	}
}

// TestAllowlistOnly: only the bundled example queries run, in full or by hash.
func TestAllowlistOnly(t *testing.T) {
	s := startServer(t, "CORRIDOR_ALLOWLIST_ONLY=true")
	example, err := os.ReadFile("../docs/queries/search.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if r := s.query(t, string(example), nil); r.Status != 200 || len(r.Errors) > 0 {
		t.Fatalf("example query refused: %d %s", r.Status, r.Raw)
	}
	sum := sha256.Sum256(example)
	hashOnly := `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}}`
	if r := s.raw(t, "POST", "/graphql", "application/json", []byte(hashOnly)); r.Status != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), "anusha-rehman") {
		t.Fatalf("example by hash: %d %s", r.Status, r.Raw)
	}
	if r := s.query(t, goodQuery, nil); r.Status != 403 || r.Code() != "FORBIDDEN" {
		t.Fatalf("other query: %d %s", r.Status, r.Raw)
	}
	if r := s.get(t, goodQuery); r.Status != 403 {
		t.Fatalf("other query by GET: %d %s", r.Status, r.Raw)
	}
	// The playground still works: its introspection query is refused, so it
	// loads the SDL, and its example tabs are on the list.
	webtest.RunPlaygroundCheck(t, s.URL, webtest.Options{
		Expect:         []string{`"id":"meeting:jcc-10"`},
		ExpectExplorer: []string{"commitments", "about"},
		SchemaSource:   "sdl",
	})
}

// TestIntrospectionOff: introspection refused, the SDL still served, and the
// playground loads its schema from /schema.graphql and runs a query.
func TestIntrospectionOff(t *testing.T) {
	s := startServer(t, "CORRIDOR_INTROSPECTION=false")
	r := s.query(t, `{ __schema { queryType { name } } }`, nil)
	if len(r.Errors) == 0 || strings.Contains(string(r.Data), "Query") {
		t.Fatalf("introspection answered: %s", r.Raw)
	}
	resp, err := http.Get(s.URL + "/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sdl, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(sdl, []byte("type Query")) {
		t.Fatalf("/schema.graphql = %d", resp.StatusCode)
	}
	s.stillServes(t, "an introspection query")
	webtest.RunPlaygroundCheck(t, s.URL, webtest.Options{
		Query:          "query About {\n  about {\n    datasetVersion\n  }\n}\n",
		Expect:         []string{`"datasetVersion"`},
		ExpectExplorer: []string{"commitments", "about"},
		SchemaSource:   "sdl",
	})
}

// TestExportsShareTheRateLimit: downloads count against the client's bucket like
// queries do, so the export endpoint is no way around the limit.
func TestExportsShareTheRateLimit(t *testing.T) {
	s := startServer(t, "CORRIDOR_RATE_LIMIT=0.1", "CORRIDOR_RATE_BURST=2")
	if r := s.raw(t, "GET", "/export/json?ids=country:china", "", nil); r.Status != 200 {
		t.Fatalf("first export: %d %s", r.Status, r.Raw)
	}
	if r := s.query(t, goodQuery, nil); r.Status != 200 {
		t.Fatalf("query: %d %s", r.Status, r.Raw)
	}
	r := s.raw(t, "GET", "/export/graphml", "", nil)
	if r.Status != http.StatusTooManyRequests || r.Code() != "RATE_LIMITED" {
		t.Fatalf("export past the burst: %d %s", r.Status, r.Raw)
	}
}
