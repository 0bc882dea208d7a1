package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// revisionedStore is a counting store with a revision the test controls.
type revisionedStore struct {
	*countingStore
	rev atomic.Uint64
}

func (s *revisionedStore) Revision() uint64 { return s.rev.Load() }

// postCached sends a GraphQL request and returns the body and the cache header.
func postCached(t *testing.T, url, auth, query string) (string, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b), resp.Header.Get(CacheHeader)
}

func TestResponseCache(t *testing.T) {
	store := &revisionedStore{countingStore: &countingStore{Store: fixtureStore(t)}}
	store.rev.Store(1)
	srv := mustServe(t, domain.Ports{Store: store, Revisions: store}, quietConfig())
	const q = `{ about { datasetVersion } meetings(first: 2) { edges { node { id commitments { id } } } } }`

	first, h1 := postCached(t, srv.URL, "", q)
	calls := len(store.Calls())
	second, h2 := postCached(t, srv.URL, "", q)
	if h1 != "miss" || h2 != "hit" {
		t.Fatalf("cache headers %q then %q, want miss then hit", h1, h2)
	}
	if first != second {
		t.Fatalf("cached answer differs:\n%s\n%s", first, second)
	}
	if n := len(store.Calls()); n != calls {
		t.Errorf("a cached answer called the store %d times", n-calls)
	}

	// Another key is another entry; so is another revision of the data.
	if _, h := postCached(t, srv.URL, "Bearer other", q); h != "miss" {
		t.Errorf("another Authorization header: %q, want miss", h)
	}
	store.rev.Store(2)
	if _, h := postCached(t, srv.URL, "", q); h != "miss" {
		t.Errorf("after the data changed: %q, want miss", h)
	}
	if _, h := postCached(t, srv.URL, "", q); h != "hit" {
		t.Errorf("same request at the new revision: %q, want hit", h)
	}

	// Answers with errors are never kept.
	const bad = `{ meetings(first: 1000) { totalCount } }`
	for i := 0; i < 2; i++ {
		body, h := postCached(t, srv.URL, "", bad)
		if !strings.Contains(body, "BAD_USER_INPUT") || h != "miss" {
			t.Fatalf("bad request %d: header %q body %s", i, h, body)
		}
	}
}

func TestResponseCacheNeedsRevisions(t *testing.T) {
	// Without Revisions nothing is cached, even over a store that has them.
	store := &revisionedStore{countingStore: &countingStore{Store: fixtureStore(t)}}
	srv := mustServe(t, domain.Ports{Store: store}, quietConfig())
	for i := 0; i < 2; i++ {
		if _, h := postCached(t, srv.URL, "", `{ about { datasetVersion } }`); h != "" {
			t.Fatalf("request %d: cache header %q, want none", i, h)
		}
	}
	// Revisions may come from elsewhere than the store (a decorated store's inner one).
	srv = mustServe(t, domain.Ports{Store: store.countingStore, Revisions: store}, quietConfig())
	for i, want := range []string{"miss", "hit"} {
		if _, h := postCached(t, srv.URL, "", `{ about { datasetVersion } }`); h != want {
			t.Fatalf("Ports.Revisions, request %d: cache header %q, want %q", i, h, want)
		}
	}
	// Nor when the cache is turned off.
	cfg := quietConfig()
	cfg.ResponseCacheSize = -1
	srv = mustServe(t, domain.Ports{Store: store, Revisions: store}, cfg)
	if _, h := postCached(t, srv.URL, "", `{ about { datasetVersion } }`); h != "" {
		t.Fatalf("cache off: header %q, want none", h)
	}
}
