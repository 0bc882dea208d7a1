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
// against the real binary (client and server on one machine).
func BenchmarkJCCQueryHTTP(b *testing.B) {
	s := startServer(b, "CORRIDOR_LOG_LEVEL=error")
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
