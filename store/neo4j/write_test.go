package neo4j

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestWriterContractSeam runs the writer contract through the seam: the adapter
// seeds the fake database, then every write's statements are applied by the
// fake (fakewrite_test.go) and read back through Nodes and Audit.
func TestWriterContractSeam(t *testing.T) {
	storetest.RunWriter(t, func(t *testing.T, ds *domain.Dataset) storetest.WritableStore {
		s, _, _ := openSeededWriteFake(t, ds)
		return s
	})
}

var wev = domain.Evidence{SourceID: "source:gamma", Quote: "a curator's quote", Attribution: domain.AttributionArticle}

func curatedPerson(id, name string) *domain.Person {
	return &domain.Person{Meta: domain.Meta{ID: id, Evidence: []domain.Evidence{wev}}, Name: name, NationalityID: "country:china"}
}

// sampleWrites are one write of each kind over storetest.Fixture, in an order in
// which each succeeds, with the number of write.fetch rounds each needs.
func sampleWrites(s *Store) []struct {
	name   string
	rounds int
	do     func(ctx context.Context) error
} {
	ign := func(_ any, err error) error { return err }
	return []struct {
		name   string
		rounds int
		do     func(ctx context.Context) error
	}{
		{"create", 1, func(ctx context.Context) error {
			return ign(s.Create(ctx, "a", curatedPerson("person:dup-yao", "Ambassador Yao")))
		}},
		{"update", 1, func(ctx context.Context) error {
			return ign(s.Update(ctx, "a", curatedPerson("person:li-wei", "Li Wei")))
		}},
		{"link", 1, func(ctx context.Context) error {
			return ign(s.Link(ctx, "a", domain.Link{Type: domain.RelMade, From: "person:dup-yao", To: "commitment:c10"}))
		}},
		{"unlink", 1, func(ctx context.Context) error {
			return ign(s.Unlink(ctx, "a", domain.Link{Type: domain.RelMadeTo, From: "commitment:c10", To: "country:pakistan"}))
		}},
		{"evidence", 1, func(ctx context.Context) error { return ign(s.AttachEvidence(ctx, "a", "org:jcc", wev)) }},
		// The survivor and the moved commitment bring references of their own to check.
		{"merge", 2, func(ctx context.Context) error { return ign(s.Merge(ctx, "a", "person:yao-jing", "person:dup-yao")) }},
		{"delete", 1, func(ctx context.Context) error { return s.Delete(ctx, "a", "figure:mobile-subscribers") }},
		// Nothing (the lock), what the loader asks for, the batch's own IDs.
		{"import", 3, func(ctx context.Context) error {
			return ign(s.ImportBatch(ctx, "a", domain.ImportBatch{JSON: []byte(`{"persons": [{"id": "person:imported", "name": "I",
  "nationality": "country:china", "evidence": [{"source": "source:gamma", "quote": "q", "attribution": "ARTICLE"}]}]}`)}))
		}},
	}
}

// TestWriteOneTransaction checks that every write is one write transaction that
// starts by taking the lock and reading (write.fetch, as many rounds as the
// write needs) and ends with its audit entries, every statement routed as a
// write inside it; and that a rejected write is one transaction that only read.
func TestWriteOneTransaction(t *testing.T) {
	ctx := context.Background()
	s, r, g := openSeededWriteFake(t, storetest.Fixture())
	for _, w := range sampleWrites(s) {
		txs, calls := r.txs, len(r.calls)
		if err := w.do(ctx); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if r.txs != txs+1 {
			t.Errorf("%s: %d transactions, want 1", w.name, r.txs-txs)
		}
		log := g.txLog[len(g.txLog)-1]
		fetches := 0
		for i, name := range log {
			if name == "write.fetch" {
				fetches++
				if i != fetches-1 {
					t.Errorf("%s: write.fetch after a write: %q", w.name, log)
				}
			}
		}
		if fetches != w.rounds || log[len(log)-1] != "write.audit" {
			t.Errorf("%s: statements %q, want %d write.fetch first and write.audit last", w.name, log, w.rounds)
		}
		for _, c := range r.calls[calls:] {
			if !c.inTx || c.mode != writeAccess {
				t.Errorf("%s: %s sent outside the write transaction", w.name, nameOf(c.stmt))
			}
		}
	}

	g.mu.Lock()
	lock := maps.Clone(g.state.curation)
	g.mu.Unlock()
	if _, held := lock["locked"]; held || lock["writes"] != int64(len(sampleWrites(s))) {
		t.Errorf("the lock node after %d writes: %v, want as many writes and no lock held", len(sampleWrites(s)), lock)
	}

	before := g.snapshot()
	rejected := map[string]func() error{
		"create existing":   func() error { _, err := s.Create(ctx, "a", curatedPerson("person:li-wei", "x")); return err },
		"delete referenced": func() error { return s.Delete(ctx, "a", "country:pakistan") },
		"dangling link": func() error {
			_, err := s.Link(ctx, "a", domain.Link{Type: domain.RelConcerns, From: "commitment:c01", To: "project:nope"})
			return err
		},
		"dry run": func() error {
			_, err := s.ImportBatch(ctx, "a", domain.ImportBatch{DryRun: true, JSON: []byte(`{"persons": [{"id": "person:dry", "name": "D",
  "evidence": [{"source": "source:gamma", "quote": "q", "attribution": "ARTICLE"}]}]}`)})
			if err == nil {
				err = domain.Errorf(domain.EINVALID, "dry run")
			}
			return err
		},
	}
	for name, write := range rejected {
		txs := r.txs
		if err := write(); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
		if r.txs != txs+1 {
			t.Errorf("%s: %d transactions, want 1", name, r.txs-txs)
		}
		for _, stmt := range g.txLog[len(g.txLog)-1] {
			if stmt != "write.fetch" {
				t.Errorf("%s: a rejected write sent %s", name, stmt)
			}
		}
	}
	if after := g.snapshot(); after != before {
		t.Errorf("rejected writes changed the database:\n%s", diffLines(before, after))
	}
}

// diffLines lists the lines of b not in a and of a not in b.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for _, l := range bl {
		if !slices.Contains(al, l) {
			out = append(out, "+ "+l)
		}
	}
	for _, l := range al {
		if !slices.Contains(bl, l) {
			out = append(out, "- "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestWriteDriverErrors makes each statement of each write fail in turn: the
// write is an INTERNAL error without the driver's text, and the database is as
// before (the transaction rolled back).
func TestWriteDriverErrors(t *testing.T) {
	const secret = "MATCH (n:Secret) WHERE n.password = 'hunter2'"
	ctx := context.Background()
	s, _, g := openSeededWriteFake(t, storetest.Fixture())
	for _, w := range sampleWrites(s) {
		// The statements this write sends, from a dry pass on a copy.
		probe, _, pg := openSeededWriteFake(t, storetest.Fixture())
		pg.state = g.state.clone()
		for _, pw := range sampleWrites(probe) {
			if pw.name == w.name {
				if err := pw.do(ctx); err != nil {
					t.Fatalf("%s on the probe: %v", w.name, err)
				}
			}
		}
		stmts := slices.Compact(slices.Clone(pg.txLog[len(pg.txLog)-1]))
		for _, failing := range stmts {
			before := g.snapshot()
			g.failOn, g.err = failing, &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: secret}
			err := w.do(ctx)
			g.failOn = ""
			if domain.ErrorCode(err) != domain.EINTERNAL || domain.ErrorMessage(err) != msgFailed {
				t.Errorf("%s failing at %s: %v, want INTERNAL %q", w.name, failing, err, msgFailed)
			}
			if err != nil && (strings.Contains(err.Error(), "Secret") || strings.Contains(err.Error(), "MATCH")) {
				t.Errorf("%s failing at %s: the error shows the driver's text: %v", w.name, failing, err)
			}
			var n4 *neo4j.Neo4jError
			if !errors.As(err, &n4) {
				t.Errorf("%s failing at %s: %v does not wrap the driver's error for logs", w.name, failing, err)
			}
			if after := g.snapshot(); after != before {
				t.Errorf("%s failing at %s changed the database:\n%s", w.name, failing, diffLines(before, after))
			}
		}
		if len(stmts) < 2 {
			t.Errorf("%s: only %q sent", w.name, stmts)
		}
		if err := w.do(ctx); err != nil {
			t.Fatalf("%s after the failures: %v", w.name, err)
		}
	}
}

// TestWriteInjection sends hostile strings through every string a write takes
// (IDs, names, quotes, capacities, the actor): every statement is byte-identical
// to its file and the strings travel only as parameters.
func TestWriteInjection(t *testing.T) {
	onDisk := statementsOnDisk(t)
	rnd := rand.New(rand.NewPCG(21, 22))
	ctx := context.Background()
	for i := range 40 {
		text := hostileText(rnd)
		s, r, _ := openSeededWriteFake(t, storetest.Fixture())
		calls := len(r.calls)
		id := fmt.Sprintf("person:p%d", i)
		p := curatedPerson(id, text)
		p.Aliases = []string{text}
		p.Evidence = append(p.Evidence, domain.Evidence{SourceID: "source:gamma", Quote: text, Attribution: domain.AttributionArticle})
		if _, err := s.Create(ctx, text, p); err != nil {
			t.Fatalf("%q: Create: %v", text, err)
		}
		if _, err := s.Link(ctx, text, domain.Link{Type: domain.RelParticipatedIn, From: id, To: "meeting:jcc-10", Capacity: text,
			Evidence: []domain.Evidence{{SourceID: "source:gamma", Quote: text, Attribution: domain.AttributionArticle}}}); err != nil {
			t.Fatalf("%q: Link: %v", text, err)
		}
		errs := []error{
			func() error { _, err := s.Create(ctx, text, curatedPerson(text, text)); return err }(),
			func() error { _, err := s.Update(ctx, text, curatedPerson(text, text)); return err }(),
			s.Delete(ctx, text, text),
			func() error {
				_, err := s.Link(ctx, text, domain.Link{Type: domain.RelMade, From: text, To: "commitment:c01"})
				return err
			}(),
			func() error { _, err := s.AttachEvidence(ctx, text, text, wev); return err }(),
			func() error { _, err := s.Merge(ctx, text, "person:yao-jing", text); return err }(),
		}
		for _, err := range errs {
			if code := domain.ErrorCode(err); code != domain.EINVALID && code != domain.ENOTFOUND {
				t.Errorf("%q: %v, want a coded client error", text, err)
			}
		}
		if _, err := s.Audit(ctx, domain.AuditQuery{NodeID: text}); err != nil {
			t.Errorf("%q: Audit: %v", text, err)
		}
		if !onlyAsParameters(t, text, r.calls[calls:], onDisk) {
			t.Errorf("%q never reached the database as a parameter", text)
		}
		if got := mustNode(t, s, id).(*domain.Person); got.Name != text || !slices.Contains(got.Aliases, text) {
			t.Errorf("%q: stored %+v", text, got)
		}
	}
}

func mustNode(t *testing.T, s *Store, id string) domain.Node {
	t.Helper()
	ns, err := s.Nodes(context.Background(), []string{id})
	if err != nil || ns[0] == nil {
		t.Fatalf("Nodes(%s): %v, %v", id, ns, err)
	}
	return ns[0]
}

// TestSeedAfterCuration seeds again after curators changed, deleted and merged
// seed records: the seed leaves all three as the curators left them.
func TestSeedAfterCuration(t *testing.T) {
	ctx := context.Background()
	ds := storetest.Fixture()
	s, _, g := openSeededWriteFake(t, ds)
	if _, err := s.Update(ctx, "a", curatedPerson("person:li-wei", "Li Wei (curated)")); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "a", "figure:mobile-subscribers"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Merge(ctx, "a", "org:ndrc", "org:chinese-embassy"); err != nil {
		t.Fatal(err)
	}
	before := g.snapshot()
	counts, err := s.Seed(ctx, storetest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"person:li-wei", "figure:mobile-subscribers", "org:chinese-embassy"} {
		if !slices.Contains(counts.Curated, id) {
			t.Errorf("seed did not leave %s alone: %v", id, counts.Curated)
		}
	}
	g.mu.Lock()
	_, deleted := g.state.nodes["figure:mobile-subscribers"]
	_, merged := g.state.nodes["org:chinese-embassy"]
	g.mu.Unlock()
	if deleted || merged {
		t.Errorf("seeding again brought back a deleted (%v) or merged (%v) record", deleted, merged)
	}
	if p := mustNode(t, s, "person:li-wei").(*domain.Person); p.Name != "Li Wei (curated)" {
		t.Errorf("seeding again undid an update: %q", p.Name)
	}
	if n := mustNode(t, s, "org:chinese-embassy"); n.NodeID() != "org:ndrc" {
		t.Errorf("the merged ID resolves to %s", n.NodeID())
	}
	if after := g.snapshot(); after != before {
		t.Errorf("seeding the same dataset again changed the database:\n%s", diffLines(before, after))
	}
}

// TestMutationsOverSeam sends curation mutations through the GraphQL handler
// over the Neo4j store (--store neo4j): they write, instead of answering that the
// store is read-only, and auditLog reads the trail back.
func TestMutationsOverSeam(t *testing.T) {
	s, _, _ := openSeededWriteFake(t, storetest.Fixture())
	h := handlerOver(s)
	send := func(role domain.AccessRole, query string, vars map[string]any) gqlResult {
		t.Helper()
		b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req = req.WithContext(domain.WithPrincipal(req.Context(), domain.Principal{Name: "key-" + string(role), Role: role}))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		var r gqlResult
		if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
			t.Fatalf("not a GraphQL response: %s", w.Body.String())
		}
		r.raw = w.Body.String()
		return r
	}
	in := map[string]any{"id": "person:zhang-wei", "name": "Zhang Wei", "nationalityId": "country:china",
		"evidence": []any{map[string]any{"sourceId": "source:gamma", "quote": "a quote", "attribution": "ARTICLE"}}}
	r := send(domain.RoleEditor, `mutation($in: PersonInput!) { createPerson(input: $in) { id name nationality { id } } }`, map[string]any{"in": in})
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"nationality":{"id":"country:china"}`) {
		t.Fatalf("createPerson: %s", r.raw)
	}
	delete(in, "nationalityId")
	in["id"] = "person:dangling"
	in["nationalityId"] = "country:atlantis"
	r = send(domain.RoleEditor, `mutation($in: PersonInput!) { createPerson(input: $in) { id } }`, map[string]any{"in": in})
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != domain.EINVALID {
		t.Errorf("a dangling reference: %s", r.raw)
	}
	r = send(domain.RoleAdmin, `{ auditLog(first: 5) { edges { node { actor action nodeId } } } }`, nil)
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `{"actor":"key-editor","action":"CREATE","nodeId":"person:zhang-wei"}`) {
		t.Errorf("auditLog: %s", r.raw)
	}
}
