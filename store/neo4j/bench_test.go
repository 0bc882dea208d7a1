package neo4j

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/corridor-kg/corridor/docs"
	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph"
	"github.com/corridor-kg/corridor/seed"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Benchmarks of GraphQL requests through the real handler over the Neo4j store:
// BenchmarkNeo4j* against a live server (NEO4J_TEST_URI, as the contract tests;
// they wipe and seed it), BenchmarkSeam* over the fake runner, which runs
// anywhere and measures the adapter's own cost and its statement count. Each
// reports statements/req (statements sent per GraphQL request) and, live,
// transactions/req: each statement is one managed transaction from
// neo4j.ExecuteQuery, which pipelines BEGIN, RUN and PULL, so it is one network
// round trip plus its COMMIT.
//
//	NEO4J_TEST_URI=bolt://localhost:7687 NEO4J_TEST_USER=neo4j NEO4J_TEST_PASSWORD=corridor-dev \
//	  go test -run '^$' -bench 'Neo4j|Seam' ./store/neo4j/

// nestedQuery is the N+1 probe of graph/nplusone_test.go: four levels.
const nestedQuery = `{ meetings(first: 100) { edges { node { commitments { madeBy { ... on Person { roles { title } } } } } } } }`

// exampleQuery returns a bundled example query by file name.
func exampleQuery(b *testing.B, file string) string {
	for _, e := range docs.Examples() {
		if e.File == file {
			return e.Query
		}
	}
	b.Fatalf("no example %s", file)
	return ""
}

func bundledDataset(b *testing.B) *domain.Dataset {
	ds, err := seed.Load(context.Background(), seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	return ds
}

// countingRunner counts the statements a live store sends.
type countingRunner struct {
	runner
	statements atomic.Int64
}

func (c *countingRunner) run(ctx context.Context, mode accessMode, statement string, params map[string]any) ([]*neo4j.Record, error) {
	c.statements.Add(1)
	return c.runner.run(ctx, mode, statement, params)
}

// benchRequests posts query b.N times and reports statements per request.
func benchRequests(b *testing.B, s *Store, query string, statements func() int64) {
	// The handler's default loader waits, as served (the tests use longer ones).
	cfg := graph.DefaultConfig()
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(graph.NewHandler(s.Ports(), cfg))
	defer srv.Close()
	check := postGraphQL(b, srv.URL, query)
	if len(check.Errors) > 0 || len(check.Data) < 100 {
		b.Fatalf("the query fails or answers little: %.300s", check.raw)
	}
	before := statements()
	b.ResetTimer()
	for range b.N {
		r := postGraphQL(b, srv.URL, query)
		if len(r.Errors) > 0 {
			b.Fatal(r.Errors)
		}
	}
	b.StopTimer()
	perReq := float64(statements()-before) / float64(b.N)
	b.ReportMetric(perReq, "statements/req")
	if _, live := s.r.(*countingRunner); live {
		b.ReportMetric(perReq, "transactions/req")
	}
}

func benchLive(b *testing.B, ds *domain.Dataset, query string) {
	s := mustOpenLive(b, ds)
	c := &countingRunner{runner: s.r}
	s.r = c
	benchRequests(b, s, query, c.statements.Load)
}

func benchSeam(b *testing.B, ds *domain.Dataset, query string) {
	g := newFakeGraph(b, ds)
	f := &fakeRunner{t: b, respond: g.respond}
	s := &Store{r: f}
	benchRequests(b, s, query, func() int64 {
		f.mu.Lock()
		defer f.mu.Unlock()
		return int64(len(f.calls))
	})
}

// BenchmarkNeo4jJCC: every commitment made at each JCC meeting, on the bundled dataset.
func BenchmarkNeo4jJCC(b *testing.B) {
	liveConfig(b)
	benchLive(b, bundledDataset(b), exampleQuery(b, "jcc-commitments.graphql"))
}

// BenchmarkNeo4jNested: four levels over a synthetic graph of about 3,300 nodes.
func BenchmarkNeo4jNested(b *testing.B) {
	liveConfig(b)
	benchLive(b, syntheticDataset(b, 3000), nestedQuery)
}

// BenchmarkSeamJCC is BenchmarkNeo4jJCC over the fake runner.
func BenchmarkSeamJCC(b *testing.B) {
	benchSeam(b, bundledDataset(b), exampleQuery(b, "jcc-commitments.graphql"))
}

// BenchmarkSeamNested is BenchmarkNeo4jNested over the fake runner.
func BenchmarkSeamNested(b *testing.B) {
	benchSeam(b, syntheticDataset(b, 3000), nestedQuery)
}
