package e2e

import (
	"bytes"
	"io"
	"net/http"
	"testing"
)

// TestResponseCacheOverRealServer sends one query twice to the binary as
// deployed (metrics on, durable store): the second answer comes from the response
// cache and is byte-identical.
func TestResponseCacheOverRealServer(t *testing.T) {
	s := sharedServer(t)
	body := []byte(`{"query":"query CacheProbe { node(id: \"person:yao-jing\") { id label } }"}`)
	var answers []string
	for i, want := range []string{"miss", "hit"} {
		resp, err := http.Post(s.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if got := resp.Header.Get("X-Corridor-Cache"); got != want {
			t.Errorf("request %d: X-Corridor-Cache = %q, want %q", i+1, got, want)
		}
		answers = append(answers, string(b))
	}
	if answers[0] != answers[1] {
		t.Errorf("cached answer differs:\n%s\n%s", answers[0], answers[1])
	}
}

// TestRefusalsCarryNoCacheHeader: a request the checks refuse (now looked up in
// the cache first) is no "miss": the header marks computed answers only.
func TestRefusalsCarryNoCacheHeader(t *testing.T) {
	s := sharedServer(t)
	for _, ct := range []string{"text/plain", "application/json"} {
		body := `{"query":"{ about { datasetVersion } }"}`
		if ct == "application/json" {
			body = `[` + body + `]` // a batch: 400
		}
		resp, err := http.Post(s.URL+"/graphql", ct, bytes.NewReader([]byte(body)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK || resp.Header.Get("X-Corridor-Cache") != "" {
			t.Errorf("%s: status %d, X-Corridor-Cache %q; want a refusal without it", ct, resp.StatusCode, resp.Header.Get("X-Corridor-Cache"))
		}
	}
}
