package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/memory"
)

// BenchmarkJCCQuery runs the JCC example query through the handler in process
// (no network) over the bundled dataset: "uncached" pays for validation (the
// parsed query is cached), execution, loaders and JSON encoding on every request;
// "cached" answers the repeated request from the response cache.
func BenchmarkJCCQuery(b *testing.B) {
	ds, err := seed.Load(context.Background(), seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	store, err := memory.New(ds)
	if err != nil {
		b.Fatal(err)
	}
	q, err := os.ReadFile("../docs/queries/jcc-commitments.graphql")
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"query": string(q)})
	for _, bc := range []struct {
		name string
		size int
	}{{"uncached", -1}, {"cached", DefaultResponseCacheSize}} {
		b.Run(bc.name, func(b *testing.B) {
			cfg := quietConfig()
			cfg.ResponseCacheSize = bc.size
			benchRequests(b, NewHandler(store.Ports(), cfg), body)
		})
	}
}

// benchRequests posts body to h b.N times, failing on any error.
func benchRequests(b *testing.B, h http.Handler, body []byte) {
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("status %d: %s", w.Code, w.Body.String())
		}
	}
}
