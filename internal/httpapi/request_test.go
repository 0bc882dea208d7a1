package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// recordHandler answers {"data":{}} and keeps what the GraphQL handler received.
type recordHandler struct {
	mu          sync.Mutex
	contentType string
	body        string
	rawQuery    string
}

func (h *recordHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	h.contentType, h.body, h.rawQuery = r.Header.Get("Content-Type"), string(b), r.URL.RawQuery
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"data":{}}`)
}

func TestRequestChecks(t *testing.T) {
	rec := &recordHandler{}
	srv := newTestServer(t, DefaultConfig(), Deps{GraphQL: rec})
	cases := []struct {
		name, method, contentType, body, query string
		status                                 int
		msg                                    string
	}{
		{"query", "POST", "application/json", `{"query":"{a}"}`, "", 200, ""},
		{"charset", "POST", "application/json; charset=utf-8", `{"query":"{a}","variables":null}`, "", 200, ""},
		{"graphql+json", "POST", "application/graphql+json", `{"query":"{a}"}`, "", 200, ""},
		{"surrogate pair", "POST", "application/json", `{"query":"{a}","variables":{"t":"\ud83d\ude00"}}`, "", 200, ""},
		{"escaped backslash then u", "POST", "application/json", `{"query":"{a}","variables":{"t":"\\udc00"}}`, "", 200, ""},
		{"GET query", "GET", "", "", "query=%7Ba%7D", 200, ""},
		{"batch", "POST", "application/json", ` [{"query":"{a}"},{"query":"{b}"}]`, "", 400, "batched requests (a JSON array of operations) are not supported"},
		{"invalid UTF-8", "POST", "application/json", "{\"query\":\"{search(text:\\\"\xff\xfe\\\"){score}}\"}", "", 400, "not valid UTF-8"},
		{"lone low surrogate", "POST", "application/json", `{"query":"{a}","variables":{"t":"\udc00"}}`, "", 400, "lone UTF-16 surrogate escape (\\udc00)"},
		{"lone high surrogate", "POST", "application/json", `{"query":"{a}","variables":{"t":"\uD800x"}}`, "", 400, "lone UTF-16 surrogate escape (\\uD800)"},
		{"high then high", "POST", "application/json", `{"query":"{a}","variables":{"t":"\ud800\ud800"}}`, "", 400, "lone UTF-16 surrogate"},
		{"text/plain", "POST", "text/plain", `{"query":"{a}"}`, "", 415, "Content-Type must be application/json"},
		{"form", "POST", "application/x-www-form-urlencoded", `query=%7Ba%7D`, "", 415, "Content-Type must be application/json"},
		{"no content type", "POST", "", `{"query":"{a}"}`, "", 415, "Content-Type must be application/json"},
		{"latin-1", "POST", "application/json; charset=iso-8859-1", `{"query":"{a}"}`, "", 415, "must be UTF-8"},
		{"empty", "POST", "application/json", ``, "", 400, "the request body is empty"},
		{"not JSON", "POST", "application/json", `query {a}`, "", 400, "not a JSON object"},
		{"two objects", "POST", "application/json", `{"query":"{a}"}{"query":"{b}"}`, "", 400, "not a JSON object"},
		{"query not a string", "POST", "application/json", `{"query":42}`, "", 400, "query and operationName must be strings"},
		{"variables not an object", "POST", "application/json", `{"query":"{a}","variables":[1]}`, "", 400, "not a GraphQL request"},
		{"PUT", "PUT", "application/json", `{"query":"{a}"}`, "", 405, "method PUT is not allowed"},
		{"GET mutation", "GET", "", "", "query=" + url.QueryEscape("mutation { x }"), 405, "GET serves queries only: send mutation operations by POST"},
		{"GET invalid UTF-8", "GET", "", "", "query=%7Bsearch(text:%22%FF%22)%7D", 400, "not valid UTF-8"},
		{"GET bad variables", "GET", "", "", "query=%7Ba%7D&variables=%5B1%5D", 400, "variables parameter must be a JSON object"},
		{"GET lone surrogate", "GET", "", "", "query=%7Ba%7D&variables=" + url.QueryEscape(`{"t":"\udfff"}`), 400, "lone UTF-16 surrogate"},
	}
	for _, c := range cases {
		var body io.Reader
		if c.body != "" {
			body = strings.NewReader(c.body)
		}
		req, _ := http.NewRequest(c.method, srv.URL+"/graphql?"+c.query, body)
		if c.contentType != "" {
			req.Header.Set("Content-Type", c.contentType)
		}
		resp, got := do(t, req)
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.name, resp.StatusCode, c.status, got)
			continue
		}
		if c.status == 200 {
			continue
		}
		var doc struct {
			Errors []struct {
				Message    string
				Extensions map[string]string
			}
		}
		if err := json.Unmarshal([]byte(got), &doc); err != nil || len(doc.Errors) != 1 {
			t.Errorf("%s: not one GraphQL error: %s", c.name, got)
			continue
		}
		if e := doc.Errors[0]; e.Extensions["code"] != CodeBadRequest || !strings.Contains(e.Message, c.msg) {
			t.Errorf("%s: error %+v, want code %s and %q", c.name, e, CodeBadRequest, c.msg)
		}
	}
	// The GraphQL transport gets the body as sent, as application/json.
	req := mustReq(t, http.MethodPost, srv.URL+"/graphql", `{"query":"{b}"}`)
	req.Header.Set("Content-Type", "application/graphql+json")
	do(t, req)
	if rec.contentType != "application/json" || rec.body != `{"query":"{b}"}` {
		t.Errorf("handler got %q %q", rec.contentType, rec.body)
	}
}

func TestAllowlist(t *testing.T) {
	const allowed = "query About { about { version } }"
	rec := &recordHandler{}
	cfg := DefaultConfig()
	cfg.AllowlistOnly = true
	srv := newTestServer(t, cfg, Deps{GraphQL: rec, Allowlist: map[string]string{QueryHash(allowed): allowed}})
	post := func(body string) (int, string) {
		resp, b := do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", body))
		return resp.StatusCode, b
	}
	q, _ := json.Marshal(allowed)
	if st, b := post(`{"query":` + string(q) + `}`); st != 200 {
		t.Fatalf("allowed query: %d %s", st, b)
	}
	for _, body := range []string{
		`{"query":"{ about { version } }"}`,
		`{"query":"query About { about { version } } "}`, // the exact text only
		`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + QueryHash("{x}") + `"}}}`,
	} {
		if st, b := post(body); st != http.StatusForbidden || !strings.Contains(b, `"code":"FORBIDDEN"`) || !strings.Contains(b, "allowlisted") {
			t.Errorf("%s: %d %s", body, st, b)
		}
	}
	// An allowed query by hash alone: the handler gets the text filled in.
	hashOnly := `{"operationName":"About","extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + QueryHash(allowed) + `"}}}`
	if st, b := post(hashOnly); st != 200 {
		t.Fatalf("allowed hash: %d %s", st, b)
	}
	var got map[string]any
	_ = json.Unmarshal([]byte(rec.body), &got)
	if got["query"] != allowed || got["operationName"] != "About" || got["extensions"] == nil {
		t.Errorf("handler got %s", rec.body)
	}
	ext := url.QueryEscape(`{"persistedQuery":{"version":1,"sha256Hash":"` + QueryHash(allowed) + `"}}`)
	if resp, b := do(t, mustReq(t, http.MethodGet, srv.URL+"/graphql?extensions="+ext, "")); resp.StatusCode != 200 {
		t.Fatalf("allowed hash by GET: %d %s", resp.StatusCode, b)
	}
	if v, _ := url.ParseQuery(rec.rawQuery); v.Get("query") != allowed || v.Get("extensions") == "" {
		t.Errorf("handler got GET %q", rec.rawQuery)
	}
}

func TestAllowlistOffServesAnything(t *testing.T) {
	srv := newTestServer(t, DefaultConfig(), Deps{Allowlist: map[string]string{}})
	if resp, b := do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", `{"query":"{x}"}`)); resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
}

func TestObserve(t *testing.T) {
	type obs struct {
		route  string
		status int
		code   string
	}
	var mu sync.Mutex
	var seen []obs
	srv := newTestServer(t, DefaultConfig(), Deps{Observe: func(route string, status int, code string, _ time.Duration) {
		mu.Lock()
		seen = append(seen, obs{route, status, code})
		mu.Unlock()
	}})
	do(t, mustReq(t, http.MethodGet, srv.URL+"/healthz", ""))
	do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", `{"query":"{a}"}`))
	do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", `[]`))
	do(t, mustReq(t, http.MethodGet, srv.URL+"/nothing-here", ""))
	mu.Lock()
	defer mu.Unlock()
	want := []obs{{"GET /healthz", 200, ""}, {"/graphql", 200, ""}, {"/graphql", 400, CodeBadRequest}, {"", 404, ""}}
	if len(seen) != len(want) {
		t.Fatalf("observed %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("observation %d = %v, want %v", i, seen[i], want[i])
		}
	}
}

// FuzzDecodePOST sends any body through the POST checks: what they accept is
// one JSON object of valid UTF-8 without lone surrogate escapes, so decoding it
// adds no U+FFFD that the body did not spell; batches are always refused.
func FuzzDecodePOST(f *testing.F) {
	for _, s := range []string{`{"query":"{a}"}`, `[{"query":"{a}"}]`, "{\"query\":\"\xff\"}", `{"query":"\ud800"}`,
		`{"query":"\ud83d\ude00"}`, `{"query":"\\ud800"}`, `{"variables":{"a":[1,{"b":null}]},"extensions":{"persistedQuery":{"sha256Hash":"x"}}}`, ` `, `{"query":1}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		_, err := decodePOST("application/json", []byte(body))
		if strings.HasPrefix(strings.TrimLeft(body, " \t\r\n"), "[") && err == nil {
			t.Fatalf("batch accepted: %q", body)
		}
		if err != nil {
			if err.status != 400 || err.code != CodeBadRequest || err.msg == "" {
				t.Fatalf("refusal %+v", err)
			}
			return
		}
		if !utf8.ValidString(body) {
			t.Fatalf("invalid UTF-8 accepted: %q", body)
		}
		var v any
		if json.Unmarshal([]byte(body), &v) != nil {
			t.Fatalf("accepted body does not decode: %q", body)
		}
		spelled := strings.Count(body, "\uFFFD") + strings.Count(strings.ToLower(body), `\ufffd`)
		if n := countReplacements(v); n > spelled {
			t.Fatalf("decoding added %d U+FFFD (body spells %d): %q", n, spelled, body)
		}
	})
}

func countReplacements(v any) int {
	switch v := v.(type) {
	case string:
		return strings.Count(v, "\uFFFD")
	case []any:
		n := 0
		for _, e := range v {
			n += countReplacements(e)
		}
		return n
	case map[string]any:
		n := 0
		for k, e := range v {
			n += strings.Count(k, "\uFFFD") + countReplacements(e)
		}
		return n
	}
	return 0
}

func TestReadQueries(t *testing.T) {
	dir := t.TempDir()
	for name, q := range map[string]string{"a.graphql": "query A { a }", "b.graphql": "query B { b }", "c.txt": "query C { c }"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(q), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	qs, err := ReadQueries(dir)
	if err != nil || len(qs) != 2 {
		t.Fatalf("ReadQueries = %q, %v; want the two .graphql files", qs, err)
	}
	if al := Allowlist(qs...); al[QueryHash("query A { a }")] != "query A { a }" || len(al) != 2 {
		t.Fatalf("Allowlist = %v", al)
	}
	if _, err := ReadQueries(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no *.graphql files") {
		t.Fatalf("empty dir: %v", err)
	}
}

func TestWriteOperation(t *testing.T) {
	tests := map[string]string{
		"mutation { x }":                          "mutation",
		"subscription { s }":                      "subscription",
		"query A { a } mutation B { b }":          "mutation",
		"fragment F on Q { a } mutation { b }":    "mutation",
		"{ a }":                                   "",
		"query mutation { a }":                    "",
		"{ mutation }":                            "",
		"fragment F on Mutation { a } { ...F }":   "",
		"query Q($a: In = {mutation: 1}) { a }":   "",
		"# mutation { x }\n{ a }":                 "",
		`{ a(x: "mutation") } query { mutation }`: "",
		"mutation":                                "mutation",
	}
	for q, want := range tests {
		if got := writeOperation(q); got != want {
			t.Errorf("writeOperation(%q) = %q, want %q", q, got, want)
		}
	}
}
