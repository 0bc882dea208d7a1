package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"testing"
)

// BenchmarkJCCQueryHTTP measures the JCC example query end to end over HTTP
// against the real binary (client and server on one machine), with the response
// cache on (the default) and off.
func BenchmarkJCCQueryHTTP(b *testing.B) {
	b.Run("cached", func(b *testing.B) { benchJCC(b, "CORRIDOR_RESPONSE_CACHE=1000") })
	b.Run("uncached", func(b *testing.B) { benchJCC(b, "CORRIDOR_RESPONSE_CACHE=0") })
}

func benchJCC(b *testing.B, env string) {
	s := startServer(b, "CORRIDOR_LOG_LEVEL=error", "CORRIDOR_RATE_LIMIT=0", env)
	q, err := os.ReadFile("../docs/queries/jcc-commitments.graphql")
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"query": string(q)})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		resp, err := client.Post(s.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || n < 100 {
			b.Fatalf("status %d, %d bytes", resp.StatusCode, n)
		}
	}
}
