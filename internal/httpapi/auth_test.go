package httpapi

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

const testKey = "s3cret-key-0123456789"

// oneKey knows testKey only, as the curator "ana" with the editor role.
func oneKey(token string) (domain.Principal, bool) {
	if token == testKey {
		return domain.Principal{Name: "ana", Role: domain.RoleEditor}, true
	}
	return domain.Principal{}, false
}

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// whoAmI answers with the principal the GraphQL handler sees.
var whoAmI = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	p, ok := domain.PrincipalFrom(r.Context())
	if !ok {
		_, _ = io.WriteString(w, `{"data":{"who":null}}`)
		return
	}
	_, _ = io.WriteString(w, `{"data":{"who":"`+p.Name+`:`+string(p.Role)+`"}}`)
})

func withKey(req *http.Request, key string) *http.Request {
	req.Header.Set("Authorization", "Bearer "+key)
	return req
}

func TestAPIKeys(t *testing.T) {
	logs := &syncBuffer{}
	srv := newTestServer(t, DefaultConfig(), Deps{GraphQL: whoAmI, Authenticate: oneKey,
		Log: slog.New(slog.NewJSONHandler(logs, nil))})
	url := srv.URL + "/graphql"

	// Reads stay open: no key, no principal.
	if resp, body := do(t, mustReq(t, http.MethodPost, url, `{"query":"{a}"}`)); resp.StatusCode != 200 || body != `{"data":{"who":null}}` {
		t.Fatalf("no key: %d %s", resp.StatusCode, body)
	}
	// A valid key puts its principal in the context.
	if resp, body := do(t, withKey(mustReq(t, http.MethodPost, url, `{"query":"{a}"}`), testKey)); resp.StatusCode != 200 || body != `{"data":{"who":"ana:editor"}}` {
		t.Fatalf("valid key: %d %s", resp.StatusCode, body)
	}
	// A wrong key is refused, whatever the request.
	for _, auth := range []string{"Bearer " + testKey + "x", "Bearer ", "Basic " + testKey, "bearer wrong"} {
		req := mustReq(t, http.MethodPost, url, `{"query":"{a}"}`)
		req.Header.Set("Authorization", auth)
		resp, body := do(t, req)
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `"code":"UNAUTHENTICATED"`) ||
			!strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("Authorization %q: %d %s", auth, resp.StatusCode, body)
		}
	}
	// The scheme is case-insensitive.
	req := mustReq(t, http.MethodPost, url, `{"query":"{a}"}`)
	req.Header.Set("Authorization", "bearer "+testKey)
	if resp, body := do(t, req); resp.StatusCode != 200 || !strings.Contains(body, "ana") {
		t.Errorf("lower-case scheme: %d %s", resp.StatusCode, body)
	}

	// The logs name the key's holder, never a key.
	if !strings.Contains(logs.String(), `"client":"key:ana"`) {
		t.Errorf("logs do not name the key's holder:\n%s", logs)
	}
	if strings.Contains(logs.String(), "s3cret") {
		t.Errorf("logs hold a key:\n%s", logs)
	}
}

func TestRequireKeyForReads(t *testing.T) {
	cfg := DefaultConfig()
	cfg.RequireKeyForReads = true
	srv := newTestServer(t, cfg, Deps{GraphQL: whoAmI, Authenticate: oneKey})
	url := srv.URL + "/graphql"
	resp, body := do(t, mustReq(t, http.MethodPost, url, `{"query":"{a}"}`))
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `"message":"this server requires an API key for every request: send Authorization: Bearer <key>"`) ||
		!strings.Contains(body, `"code":"UNAUTHENTICATED"`) {
		t.Fatalf("no key: %d %s", resp.StatusCode, body)
	}
	if resp, _ := do(t, mustReq(t, http.MethodGet, url+"?query=%7Ba%7D", "")); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("GET without key: %d", resp.StatusCode)
	}
	if resp, body := do(t, withKey(mustReq(t, http.MethodPost, url, `{"query":"{a}"}`), testKey)); resp.StatusCode != 200 || !strings.Contains(body, "ana") {
		t.Fatalf("valid key: %d %s", resp.StatusCode, body)
	}
	// Probes and the schema stay open.
	for _, path := range []string{"/healthz", "/readyz", "/schema.graphql"} {
		if resp, _ := do(t, mustReq(t, http.MethodGet, srv.URL+path, "")); resp.StatusCode != 200 {
			t.Errorf("%s without key: %d", path, resp.StatusCode)
		}
	}
}

func TestNoKeysConfigured(t *testing.T) {
	srv := newTestServer(t, DefaultConfig(), Deps{GraphQL: whoAmI})
	resp, body := do(t, withKey(mustReq(t, http.MethodPost, srv.URL+"/graphql", `{"query":"{a}"}`), testKey))
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "UNAUTHENTICATED") {
		t.Fatalf("a key with none configured: %d %s", resp.StatusCode, body)
	}
}
