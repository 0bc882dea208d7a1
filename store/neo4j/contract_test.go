package neo4j

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/memory"
	"github.com/corridor-kg/corridor/store/storetest"
)

// Tests against a live Neo4j 5 run when NEO4J_TEST_URI is set (with
// NEO4J_TEST_USER and NEO4J_TEST_PASSWORD, and NEO4J_TEST_DATABASE for another
// database than "neo4j"): `docker compose up -d neo4j` and
//
//	NEO4J_TEST_URI=bolt://localhost:7687 NEO4J_TEST_USER=neo4j NEO4J_TEST_PASSWORD=corridor-dev \
//	  go test ./store/neo4j/...
//
// They wipe the database first: never point them at data you want to keep.
// Without NEO4J_TEST_URI they skip, the project's one documented skip.

// liveConfig returns the test server's configuration, skipping the test when
// none is set.
func liveConfig(t testing.TB) Config {
	t.Helper()
	uri := os.Getenv("NEO4J_TEST_URI")
	if uri == "" {
		t.Skip("NEO4J_TEST_URI is not set: skipping the tests against a live Neo4j (e.g. NEO4J_TEST_URI=bolt://localhost:7687 with NEO4J_TEST_USER and NEO4J_TEST_PASSWORD)")
	}
	return Config{URI: uri, User: os.Getenv("NEO4J_TEST_USER"), Password: os.Getenv("NEO4J_TEST_PASSWORD"),
		Database: os.Getenv("NEO4J_TEST_DATABASE"), ConnectTimeout: 30 * time.Second}
}

// mustOpenLive opens the test server, wipes it, migrates and seeds ds; the store
// is closed at cleanup. The tests share one database, so none may run in
// parallel (t.Parallel) with another.
func mustOpenLive(t testing.TB, ds *domain.Dataset) *Store {
	t.Helper()
	cfg := liveConfig(t)
	ctx := context.Background()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open(%s): %v", cfg.URI, err)
	}
	t.Cleanup(func() {
		if err := s.Close(context.Background()); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	if err := s.Wipe(ctx); err != nil {
		t.Fatalf("Wipe: %v", err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	if _, err := s.Seed(ctx, ds); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	return s
}

// searchRecorder records the search queries the contract suite makes.
type searchRecorder struct {
	domain.Store
	mu      sync.Mutex
	queries []domain.SearchQuery
}

func (r *searchRecorder) Search(ctx context.Context, q domain.SearchQuery) ([]domain.SearchHit, error) {
	r.mu.Lock()
	r.queries = append(r.queries, q)
	r.mu.Unlock()
	return r.Store.Search(ctx, q)
}

// TestContract runs the contract suite every store passes against a live Neo4j,
// then checks that every search the suite made finds the same set of hits as the
// memory store (order may differ within equal scores), and runs the explorer and
// writer contracts.
func TestContract(t *testing.T) {
	var rec *searchRecorder
	storetest.Run(t, func(t *testing.T, ds *domain.Dataset) domain.Store {
		rec = &searchRecorder{Store: mustOpenLive(t, ds)}
		return rec
	})
	if rec == nil {
		return
	}
	t.Run("SearchParity", func(t *testing.T) {
		mem, err := memory.New(storetest.Fixture())
		if err != nil {
			t.Fatal(err)
		}
		searchParity(t, rec.Store, mem, rec.queries)
	})
	t.Run("Explorer", func(t *testing.T) {
		storetest.RunExplorer(t, func(t *testing.T, ds *domain.Dataset) domain.Explorer {
			return mustOpenLive(t, ds).Ports().Explorer
		})
	})
	t.Run("Writer", func(t *testing.T) {
		storetest.RunWriter(t, func(t *testing.T, ds *domain.Dataset) storetest.WritableStore { return mustOpenLive(t, ds) })
	})
}

// searchParity compares the hit sets of s and ref for each query the suite made
// that ref answers without error.
func searchParity(t *testing.T, s, ref domain.Store, queries []domain.SearchQuery) {
	ctx := context.Background()
	compared := 0
	for _, q := range queries {
		want, werr := ref.Search(ctx, q)
		got, gerr := s.Search(ctx, q)
		if werr != nil || gerr != nil {
			if domain.ErrorCode(werr) != domain.ErrorCode(gerr) {
				t.Errorf("Search(%+v): error %v, the memory store's %v", q, gerr, werr)
			}
			continue
		}
		compared++
		if g, w := hitSet(got), hitSet(want); !slices.Equal(g, w) {
			t.Errorf("Search(%+v) finds %q on Neo4j, %q in memory", q, g, w)
		}
	}
	t.Logf("%d searches of the contract suite compared", compared)
	if compared < 20 {
		t.Errorf("only %d searches compared: the suite's cases were not recorded", compared)
	}
}

func hitSet(hits []domain.SearchHit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.Node.NodeID()
	}
	slices.Sort(ids)
	return ids
}

// TestSearchParityOffline runs the parity check over the fake graph, where the
// full-text index is replaced by "every node is a candidate": the adapter's own
// ranking must then agree with the memory store's on every case of the suite.
func TestSearchParityOffline(t *testing.T) {
	ds := storetest.Fixture()
	s, _, g := openFake(t, ds)
	rec := &searchRecorder{Store: g.mem}
	t.Run("RecordSuite", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, _ *domain.Dataset) domain.Store { return rec })
	})
	searchParity(t, s, g.mem, rec.queries)
}

// TestLiveSeedIdempotent seeds a live Neo4j twice and checks the counts agree,
// then curates a record and checks a third seed leaves it alone.
func TestLiveSeedIdempotent(t *testing.T) {
	ds := storetest.Fixture()
	s := mustOpenLive(t, ds)
	ctx := context.Background()
	first, err := s.Seed(ctx, ds)
	must(t, err)
	second, err := s.Seed(ctx, ds)
	must(t, err)
	if !equalCounts(first, second) {
		t.Errorf("seeding twice changed the counts:\n%v\nthen\n%v", first, second)
	}
	if _, err := s.r.run(ctx, writeAccess, "CYPHER 5 MATCH (n:Node {id: $id}) SET n.origin = 'CURATED', n.name = $name",
		map[string]any{"id": "org:moit", "name": "Curated ministry"}); err != nil {
		t.Fatal(err)
	}
	third, err := s.Seed(ctx, ds)
	must(t, err)
	if !slices.Equal(third.Curated, []string{"org:moit"}) {
		t.Errorf("Curated = %q", third.Curated)
	}
	ns, err := s.Nodes(ctx, []string{"org:moit"})
	must(t, err)
	if o, ok := ns[0].(*domain.Organization); !ok || o.Name != "Curated ministry" || o.Origin != domain.OriginCurated {
		t.Errorf("the seed overwrote the curated record: %#v", ns[0])
	}
}
