package httpapi

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func newTestServer(t *testing.T, cfg Config, d Deps) *httptest.Server {
	t.Helper()
	if d.GraphQL == nil {
		d.GraphQL = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"data":{"len":` + itoa(int64(len(b))) + `}}`))
		})
	}
	if d.Log == nil {
		d.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := httptest.NewServer(New(cfg, d))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestCORSUnsetSendsNoHeaders(t *testing.T) {
	srv := newTestServer(t, DefaultConfig(), Deps{})
	req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://viz.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, _ := do(t, req)
	for k := range resp.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			t.Errorf("unexpected CORS header %s with CORS unset", k)
		}
	}
}

func TestCORSPreflight(t *testing.T) {
	cfg := DefaultConfig()
	cfg.CORSOrigins = []string{"https://viz.example"}
	srv := newTestServer(t, cfg, Deps{})

	req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://viz.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
	resp, _ := do(t, req)
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "https://viz.example" {
		t.Fatalf("Allow-Origin = %q", got)
	}
	allowed := strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers"))
	if !strings.Contains(allowed, "authorization") || !strings.Contains(allowed, "content-type") {
		t.Fatalf("Allow-Headers = %q", allowed)
	}

	req, _ = http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(`{}`))
	req.Header.Set("Origin", "https://viz.example")
	resp, _ = do(t, req)
	exposed := strings.ToLower(resp.Header.Get("Access-Control-Expose-Headers"))
	if !strings.Contains(exposed, "retry-after") || !strings.Contains(exposed, "x-request-id") {
		t.Fatalf("Expose-Headers = %q", exposed)
	}

	req, _ = http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(`{}`))
	req.Header.Set("Origin", "https://evil.example")
	resp, _ = do(t, req)
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Fatalf("foreign origin allowed: %q", got)
	}
}

func TestCORSWildcardMustBeAskedFor(t *testing.T) {
	cfg := DefaultConfig()
	cfg.CORSOrigins = []string{"*"}
	srv := newTestServer(t, cfg, Deps{})
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/healthz", nil)
	req.Header.Set("Origin", "https://anyone.example")
	resp, _ := do(t, req)
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Fatalf("Allow-Origin = %q, want *", got)
	}
}

func TestRequestID(t *testing.T) {
	srv := newTestServer(t, DefaultConfig(), Deps{})
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/healthz", nil)
	resp, _ := do(t, req)
	if len(resp.Header.Get("X-Request-ID")) != 16 {
		t.Fatalf("generated X-Request-ID = %q", resp.Header.Get("X-Request-ID"))
	}
	req.Header.Set("X-Request-ID", "client-abc.1")
	resp, _ = do(t, req)
	if got := resp.Header.Get("X-Request-ID"); got != "client-abc.1" {
		t.Fatalf("echoed X-Request-ID = %q", got)
	}
	req.Header.Set("X-Request-ID", "bad id with spaces")
	resp, _ = do(t, req)
	if got := resp.Header.Get("X-Request-ID"); strings.Contains(got, " ") || got == "" {
		t.Fatalf("unsafe X-Request-ID accepted: %q", got)
	}
}

func TestBodyLimit(t *testing.T) {
	cfg := DefaultConfig()
	cfg.BodyLimit = 100
	srv := newTestServer(t, cfg, Deps{})
	ok := `{"query":"` + strings.Repeat("a", 100-12) + `"}`
	resp, body := do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", ok))
	if resp.StatusCode != 200 || !strings.Contains(body, `"len":100`) {
		t.Fatalf("at limit: %d %s", resp.StatusCode, body)
	}
	resp, body = do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", ok+" "))
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"BAD_REQUEST"`) {
		t.Fatalf("over limit: %d %s", resp.StatusCode, body)
	}
	// Chunked (no Content-Length) bodies are measured too.
	req := mustReq(t, http.MethodPost, srv.URL+"/graphql", "")
	req.Body = io.NopCloser(strings.NewReader(strings.Repeat("b", 500)))
	req.ContentLength = -1
	resp, _ = do(t, req)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("chunked over limit: %d", resp.StatusCode)
	}
}

func TestRateLimit(t *testing.T) {
	cfg := DefaultConfig()
	cfg.RatePerSecond, cfg.RateBurst = 1, 3
	srv := newTestServer(t, cfg, Deps{Authenticate: oneKey})
	var codes []int
	var retry string
	for range 5 {
		resp, _ := do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", "{}"))
		codes = append(codes, resp.StatusCode)
		if resp.StatusCode == http.StatusTooManyRequests {
			retry = resp.Header.Get("Retry-After")
		}
	}
	if codes[0] != 200 || codes[2] != 200 || codes[3] != 429 || codes[4] != 429 {
		t.Fatalf("status codes = %v, want 3×200 then 429s", codes)
	}
	if retry != "1" {
		t.Fatalf("Retry-After = %q, want 1", retry)
	}
	// Another client (an API key) has its own bucket.
	req := mustReq(t, http.MethodPost, srv.URL+"/graphql", "{}")
	req.Header.Set("Authorization", "Bearer "+testKey)
	if resp, _ := do(t, req); resp.StatusCode != 200 {
		t.Fatalf("API-key client limited by the IP's bucket: %d", resp.StatusCode)
	}
	// An invalid key is no way around the IP's bucket.
	req.Header.Set("Authorization", "Bearer guessed-key-0000000")
	if resp, _ := do(t, req); resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("a guessed key escaped the IP's bucket: %d", resp.StatusCode)
	}
	// Health probes are never limited.
	if resp, _ := do(t, mustReq(t, http.MethodGet, srv.URL+"/healthz", "")); resp.StatusCode != 200 {
		t.Fatalf("healthz limited: %d", resp.StatusCode)
	}
}

func TestClientIPTrustedProxies(t *testing.T) {
	trusted, err := ParseTrustedProxies("10.0.0.0/8, 127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	c := clientResolver{trusted: trusted}
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.RemoteAddr = "127.0.0.1:5555"
	r.Header.Set("X-Forwarded-For", "203.0.113.9, 10.1.2.3")
	if got := c.ip(r); got != "203.0.113.9" {
		t.Fatalf("ip via trusted proxies = %q", got)
	}
	r.RemoteAddr = "198.51.100.7:5555"
	if got := c.ip(r); got != "198.51.100.7" {
		t.Fatalf("XFF believed from untrusted peer: %q", got)
	}
	if _, err := ParseTrustedProxies("not-an-ip"); err == nil {
		t.Fatal("bad proxy accepted")
	}
}

func TestReadyz(t *testing.T) {
	var fail bool
	srv := newTestServer(t, DefaultConfig(), Deps{Ready: func(context.Context) error {
		if fail {
			return errors.New("store down")
		}
		return nil
	}})
	if resp, _ := do(t, mustReq(t, http.MethodGet, srv.URL+"/readyz", "")); resp.StatusCode != 200 {
		t.Fatalf("readyz = %d", resp.StatusCode)
	}
	fail = true
	resp, body := do(t, mustReq(t, http.MethodGet, srv.URL+"/readyz", ""))
	if resp.StatusCode != 503 || strings.Contains(body, "store down") {
		t.Fatalf("readyz when down = %d %s", resp.StatusCode, body)
	}
}

func TestPanicRecovery(t *testing.T) {
	logs := &syncBuffer{}
	srv := newTestServer(t, DefaultConfig(), Deps{GraphQL: http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("secret internal detail")
	}), Log: slog.New(slog.NewTextHandler(logs, nil))})
	resp, body := do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", "{}"))
	if resp.StatusCode != 500 || !strings.Contains(body, `"INTERNAL"`) || strings.Contains(body, "secret") {
		t.Fatalf("panic answer = %d %s", resp.StatusCode, body)
	}
	// The log has the panic and its stack, with the request ID.
	if l := logs.String(); !strings.Contains(l, "secret internal detail") || !strings.Contains(l, "server_test.go") ||
		!strings.Contains(l, "request_id="+resp.Header.Get("X-Request-ID")) {
		t.Fatalf("panic log lacks the value, stack or request ID:\n%s", l)
	}
	// The server keeps serving.
	if resp, _ := do(t, mustReq(t, http.MethodGet, srv.URL+"/healthz", "")); resp.StatusCode != 200 {
		t.Fatal("server stopped serving after a panic")
	}
}

func TestTimeoutCancelsContext(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Timeout = 20 * time.Millisecond
	srv := newTestServer(t, cfg, Deps{GraphQL: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
			w.WriteHeader(http.StatusGatewayTimeout)
		case <-time.After(5 * time.Second):
			w.WriteHeader(200)
		}
	})})
	if resp, _ := do(t, mustReq(t, http.MethodPost, srv.URL+"/graphql", "{}")); resp.StatusCode != http.StatusGatewayTimeout {
		t.Fatalf("status = %d, want the handler to see its context cancelled", resp.StatusCode)
	}
}

func TestSchemaEndpoint(t *testing.T) {
	srv := newTestServer(t, DefaultConfig(), Deps{SDL: []byte("type Query { x: Int }")})
	resp, body := do(t, mustReq(t, http.MethodGet, srv.URL+"/schema.graphql", ""))
	if resp.StatusCode != 200 || body != "type Query { x: Int }" {
		t.Fatalf("schema = %d %q", resp.StatusCode, body)
	}
}

func mustReq(t *testing.T, method, url, body string) *http.Request {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// TestCacheSitsBetweenLimitsAndChecks: the response cache runs inside the rate
// limit, the key check and the body limit, and before the request checks (a
// request it answers is not checked again).
func TestCacheSitsBetweenLimitsAndChecks(t *testing.T) {
	cache := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Test-Cached") != "" {
				_, _ = w.Write([]byte(`{"data":{"cached":true}}`))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	cfg := DefaultConfig()
	cfg.BodyLimit, cfg.RatePerSecond, cfg.RateBurst = 64, 0.001, 4
	srv := newTestServer(t, cfg, Deps{GraphQLCache: cache, Authenticate: oneKey})
	send := func(body string, cached bool, header ...string) (int, string) {
		req := mustReq(t, http.MethodPost, srv.URL+"/graphql", body)
		if cached {
			req.Header.Set("X-Test-Cached", "1")
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, b := do(t, req)
		return resp.StatusCode, b
	}
	// A batch the checks refuse is answered by the cache when it has the answer.
	if st, b := send(`[{"query":"{a}"}]`, true); st != 200 || !strings.Contains(b, "cached") {
		t.Errorf("cached request: %d %s", st, b)
	}
	if st, _ := send(`[{"query":"{a}"}]`, false); st != 400 {
		t.Errorf("uncached batch: %d, want 400 from the checks", st)
	}
	// The body limit and the key check come first.
	if st, _ := send(`{"query":"`+strings.Repeat("a", 100)+`"}`, true); st != 413 {
		t.Errorf("oversized cached request: %d, want 413", st)
	}
	if st, _ := send(`{"query":"{a}"}`, true, "Authorization", "Bearer wrong-key-0123456789"); st != 401 {
		t.Errorf("cached request with a wrong key: %d, want 401", st)
	}
	// The burst of 4 is spent: the rate limit comes first too.
	if st, _ := send(`{"query":"{a}"}`, true); st != 429 {
		t.Errorf("rate-limited cached request: %d, want 429", st)
	}
}
