package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/memory"
	"github.com/corridor-kg/corridor/store/storetest"
)

// gqlError is one error of a GraphQL response.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// gqlResponse is a GraphQL response with its data left raw.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// code returns the extensions.code of the first error ("" when there is none).
func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// decode unmarshals the data into v, failing the test on errors in the response.
func (r gqlResponse) decode(t *testing.T, v any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode data %s: %v", r.Data, err)
	}
}

// fixtureStore opens the memory store over the contract suite's fixture.
func fixtureStore(t testing.TB) *memory.Store {
	t.Helper()
	s, err := memory.New(storetest.Fixture())
	if err != nil {
		t.Fatalf("memory.New: %v", err)
	}
	return s
}

// quietConfig is the default configuration with logs discarded.
func quietConfig() Config {
	c := DefaultConfig()
	c.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	return c
}

// mustServe starts the handler over ports in an httptest server closed at cleanup.
func mustServe(t *testing.T, ports domain.Ports, cfg Config) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(NewHandler(ports, cfg))
	t.Cleanup(srv.Close)
	return srv
}

// post sends a GraphQL request as JSON and decodes the response.
func post(t *testing.T, srv *httptest.Server, query string, vars map[string]any) gqlResponse {
	t.Helper()
	return postBody(t, srv, map[string]any{"query": query, "variables": vars})
}

// postBody sends any JSON body and decodes the GraphQL response.
func postBody(t *testing.T, srv *httptest.Server, body map[string]any) gqlResponse {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Post(srv.URL, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer res.Body.Close()
	return readResponse(t, res)
}

func readResponse(t *testing.T, res *http.Response) gqlResponse {
	t.Helper()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	var r gqlResponse
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("status %d, body %s: %v", res.StatusCode, raw, err)
	}
	return r
}

// newTestLogger returns a logger writing text records to w.
func newTestLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, nil))
}
