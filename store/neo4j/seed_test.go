package neo4j

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// fakeDB emulates what the seed statements do to a database (seed/*.cypher), so
// the seed's logic — idempotence, curated records left alone, every row written
// or the transaction fails — is tested through the seam.
type fakeDB struct {
	t        testing.TB
	mu       sync.Mutex
	nodes    map[string]fakeNode
	evidence map[string]string // evidence ID → owner
	docs     map[string]string // document ID → meeting
	rels     map[string]bool   // from|TYPE|to|position
	version  string
}

type fakeNode struct {
	label string
	props map[string]any
}

func newFakeDB(t testing.TB) *fakeDB {
	return &fakeDB{t: t, nodes: map[string]fakeNode{}, evidence: map[string]string{}, docs: map[string]string{}, rels: map[string]bool{}}
}

func rowsOf(c call) []map[string]any {
	var out []map[string]any
	rows, _ := c.params["rows"].([]any)
	for _, r := range rows {
		out = append(out, r.(map[string]any))
	}
	return out
}

func written(n int) []*neo4j.Record { return []*neo4j.Record{rec("written", int64(n))} }

func (db *fakeDB) respond(c call) ([]*neo4j.Record, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	name := nameOf(c.stmt)
	switch {
	case name == "seed.curated":
		var curated []any
		for _, id := range c.params["ids"].([]string) {
			if n, ok := db.nodes[id]; ok && n.props["origin"] == string(domain.OriginCurated) {
				curated = append(curated, id)
			}
		}
		return []*neo4j.Record{rec("curated", orEmpty(curated))}, nil
	case strings.HasPrefix(name, "seed.nodes."):
		l := strings.TrimPrefix(name, "seed.nodes.")
		rows := rowsOf(c)
		for _, r := range rows {
			id := r["id"].(string)
			props := maps.Clone(db.nodes[id].props)
			if props == nil {
				props = map[string]any{"id": id}
			}
			for k, v := range r["props"].(map[string]any) {
				if v == nil {
					delete(props, k)
				} else {
					props[k] = v
				}
			}
			db.nodes[id] = fakeNode{label: l, props: props}
		}
		return written(len(rows)), nil
	case name == "seed.clear":
		ids := c.params["ids"].([]string)
		for ev, owner := range db.evidence {
			if slices.Contains(ids, owner) {
				delete(db.evidence, ev)
			}
		}
		for d, m := range db.docs {
			if slices.Contains(ids, m) {
				delete(db.docs, d)
			}
		}
		for key := range db.rels {
			p := strings.Split(key, "|")
			t := domain.RelType(p[1])
			if (slices.Contains(ownedOut, t) && slices.Contains(ids, p[0])) || (slices.Contains(ownedIn, t) && slices.Contains(ids, p[2])) {
				delete(db.rels, key)
			}
		}
		return []*neo4j.Record{rec("cleared", int64(len(ids)))}, nil
	case name == "seed.evidence":
		n := 0
		for _, r := range rowsOf(c) {
			owner := r["owner"].(string)
			_, ok1 := db.nodes[owner]
			src, ok2 := db.nodes[r["source"].(string)]
			if ok1 && ok2 && src.label == "Source" {
				db.evidence[r["id"].(string)] = owner
				n++
			}
		}
		return written(n), nil
	case name == "seed.documents":
		n := 0
		for _, r := range rowsOf(c) {
			if m, ok := db.nodes[r["meeting"].(string)]; ok && m.label == "Meeting" {
				db.docs[r["id"].(string)] = r["meeting"].(string)
				n++
			}
		}
		return written(n), nil
	case strings.HasPrefix(name, "seed.rels."):
		t := strings.TrimPrefix(name, "seed.rels.")
		n := 0
		for _, r := range rowsOf(c) {
			from, to := r["from"].(string), r["to"].(string)
			_, ok1 := db.nodes[from]
			_, ok2 := db.nodes[to]
			if ok1 && ok2 {
				db.rels[strings.Join([]string{from, t, to, string(rune('0' + r["position"].(int64)))}, "|")] = true
				n++
			}
		}
		return written(n), nil
	case name == "seed.dataset":
		db.version = c.params["version"].(string)
		return []*neo4j.Record{rec("version", db.version)}, nil
	case name == "info":
		kv := []any{"version", db.version, "evidence", int64(len(db.evidence)), "relationships", int64(len(db.rels))}
		for _, k := range domain.Kinds {
			n := 0
			for _, node := range db.nodes {
				if node.label == label(k) {
					n++
				}
			}
			kv = append(kv, string(k), int64(n))
		}
		return []*neo4j.Record{rec(kv...)}, nil
	}
	db.t.Errorf("fake database: unexpected statement %s", name)
	return nil, nil
}

// seedFixture seeds the contract fixture into a fresh fake database.
func seedFixture(t *testing.T) (*Store, *fakeRunner, *fakeDB, Counts) {
	t.Helper()
	db := newFakeDB(t)
	s, f := newFake(t, db.respond)
	c, err := s.Seed(context.Background(), storetest.Fixture())
	must(t, err)
	return s, f, db, c
}

// TestSeedIdempotent seeds the fixture twice: the same counts, every record once,
// every statement an UNWIND over rows with MERGE.
func TestSeedIdempotent(t *testing.T) {
	ctx := context.Background()
	ds := storetest.Fixture()
	s, f, _, first := seedFixture(t)
	for _, name := range f.names() {
		st := stmt(name)
		if strings.HasPrefix(name, "seed.nodes.") || strings.HasPrefix(name, "seed.rels.") || name == "seed.evidence" || name == "seed.documents" {
			if !strings.Contains(st, "UNWIND $rows AS row") || !strings.Contains(st, "MERGE") {
				t.Errorf("%s is not an UNWIND … MERGE upsert:\n%s", name, st)
			}
		}
	}
	second, err := s.Seed(ctx, ds)
	must(t, err)
	if !equalCounts(first, second) {
		t.Errorf("seeding twice changed the counts:\n%v\nthen\n%v", first, second)
	}
	want := countKinds(ds)
	for _, k := range domain.Kinds {
		if first.Nodes[k] != want[k] {
			t.Errorf("%s: %d seeded, the dataset holds %d", k, first.Nodes[k], want[k])
		}
	}
	if first.Version != ds.Version || first.Evidence == 0 || first.Relationships == 0 {
		t.Errorf("counts %+v", first)
	}
	out := first.String()
	for _, k := range domain.Kinds {
		if !strings.Contains(out, string(k)) {
			t.Errorf("printed counts lack %s:\n%s", k, out)
		}
	}
	if f.txs != 2 {
		t.Errorf("two seeds opened %d transactions, want 2", f.txs)
	}
}

func equalCounts(a, b Counts) bool {
	return a.Version == b.Version && maps.Equal(a.Nodes, b.Nodes) && a.Evidence == b.Evidence &&
		a.Relationships == b.Relationships && slices.Equal(a.Curated, b.Curated)
}

func countKinds(ds *domain.Dataset) map[domain.Kind]int {
	m := map[domain.Kind]int{}
	for _, n := range ds.Nodes() {
		m[n.NodeKind()]++
	}
	return m
}

// TestSeedKeepsCurated curates a record in the database between two seeds: the
// second seed reports it and leaves it, its evidence and its relationships alone.
func TestSeedKeepsCurated(t *testing.T) {
	ctx := context.Background()
	ds := storetest.Fixture()
	s, f, db, before := seedFixture(t)
	const id = "org:moit"
	n := db.nodes[id]
	n.props["origin"] = string(domain.OriginCurated)
	n.props["name"] = "Ministry of IT & Telecom (curated)"
	f.calls = nil
	after, err := s.Seed(ctx, ds)
	must(t, err)
	if !slices.Equal(after.Curated, []string{id}) {
		t.Errorf("Curated = %q, want [%s]", after.Curated, id)
	}
	if db.nodes[id].props["name"] != "Ministry of IT & Telecom (curated)" {
		t.Errorf("the seed overwrote the curated name: %v", db.nodes[id].props["name"])
	}
	if before.Evidence != after.Evidence || before.Relationships != after.Relationships {
		t.Errorf("curated record's evidence or relationships changed: %v → %v", before, after)
	}
	for _, c := range f.calls {
		if ids, ok := c.params["ids"].([]string); ok && nameOf(c.stmt) == "seed.clear" && slices.Contains(ids, id) {
			t.Errorf("seed.clear dropped what the curated record owns")
		}
		for _, r := range rowsOf(c) {
			if r["id"] == id || r["owner"] == id {
				t.Errorf("%s wrote the curated record: %v", nameOf(c.stmt), r)
			}
		}
	}
	if !strings.Contains(after.String(), "left alone (curated): "+id) {
		t.Errorf("printed counts do not say the curated record was left alone:\n%s", after)
	}
}

// TestSeedFailsOnMissingReference checks that a row that writes nothing (a
// reference to a node neither in the dataset nor the database) fails the
// transaction function, so the driver rolls the whole seed back.
func TestSeedFailsOnMissingReference(t *testing.T) {
	ds := storetest.Fixture()
	ds.Commitments[0].MadeToIDs = append(ds.Commitments[0].MadeToIDs, "org:nowhere")
	db := newFakeDB(t)
	s, f := newFake(t, db.respond)
	_, err := s.Seed(context.Background(), ds)
	if err == nil || !strings.Contains(err.Error(), "MADE_TO") || !strings.Contains(err.Error(), "references to nodes") {
		t.Errorf("Seed with a dangling reference: %v", err)
	}
	if names := f.names(); slices.Contains(names, "seed.dataset") {
		t.Errorf("the seed went on after a failed statement: %q", names)
	}
}

// syntheticDataset returns a deterministic synthetic graph of about 1.1 n nodes.
func syntheticDataset(t testing.TB, n int) *domain.Dataset {
	t.Helper()
	return synth.Generate(42, n)
}

// handlerOver is the GraphQL handler over a store, with quiet logs and generous
// loader waits (so every key of a level lands in one batch on a busy machine).
func handlerOver(s *Store) http.Handler {
	cfg := graph.DefaultConfig()
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg.LoaderWait, cfg.LoaderMaxWait = 50*time.Millisecond, 5*time.Second
	cfg.ResponseCacheSize = -1
	return graph.NewHandler(s.Ports(), cfg)
}

type gqlResult struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	raw string
}

// postGraphQL posts a query to a GraphQL endpoint and decodes the answer.
func postGraphQL(t testing.TB, url, query string) gqlResult {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	resp, err := http.Post(url, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var r gqlResult
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("not a GraphQL response (%d): %s", resp.StatusCode, b)
	}
	r.raw = string(b)
	return r
}
