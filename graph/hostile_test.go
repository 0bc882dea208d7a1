package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// hostileDocuments returns documents built to make gqlparser's validation as
// slow as lim lets them: each is within every limit, so it is parsed and
// validated. Overlapping-fields validation compares every pair of fields with
// one response name (and merges their selections), and walks every fragment
// from every fragment, so the shapes repeat response names, conflict on
// arguments, and chain or multiply fragments.
func hostileDocuments(lim DocumentLimits) map[string]string {
	rep := func(s string, n int) string { return strings.Repeat(s+" ", max(n, 0)) }
	f, g := lim.Fields, lim.Fragments
	docs := map[string]string{
		// One field repeated: every pair is compared, selections merged.
		"same field": "{ " + rep("about { datasetVersion }", f/2) + "}",
		// One leaf repeated.
		"same leaf": "{ about { " + rep("datasetVersion", f-1) + "} }",
		// One alias, same arguments: compared pairwise, arguments included.
		"same arguments": "{ " + rep(`a: node(id: "x") { id }`, f/2) + "}",
		// Nested repeats under a list.
		"nested repeats": "{ meetings { edges { node { " + rep("participants { actor { id name } }", f/4-4) + "} } } }",
		// A fragment spread from many places.
		"one fragment spread often": "{ " + rep("...F", g-1) + "} fragment F on Query { " + rep("about { datasetVersion }", (f-1)/2) + " }",
		// Directives on one field.
		"directives": "{ about " + rep("@include(if: true)", lim.Directives) + "{ datasetVersion } }",
	}
	// One alias, other arguments: every pair is a conflict, and an error.
	var b strings.Builder
	for i := range min(f/2, (lim.Tokens-2)/10) {
		fmt.Fprintf(&b, `a: node(id: "x%d") { id } `, i)
	}
	docs["conflicting arguments"] = "{ " + b.String() + "}"

	// Fragments that conflict with each other, pair by pair.
	n := g / 2
	per := max(f/(n+1)/2, 1)
	b.Reset()
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "...F%d ", i)
	}
	b.WriteString("} ")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { %s} ", i, rep(fmt.Sprintf(`a: node(id: "%d") { id }`, i), per))
	}
	docs["conflicting fragments"] = b.String()

	// A chain of fragments, each spreading the next: the walker starts again at
	// every fragment.
	b.Reset()
	b.WriteString("{ ...F0 } ")
	n = (g - 2) / 2 // n+1 definitions and n+1 spreads
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { %s...F%d } ", i, rep("about { datasetVersion }", per), i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { about { datasetVersion } }", n)
	docs["fragment chain"] = b.String()

	// Many fragments spread once each.
	b.Reset()
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "...F%d ", i)
	}
	b.WriteString("} ")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { %s} ", i, rep("about { datasetVersion }", per))
	}
	docs["many fragments"] = b.String()

	// Fragments spreading the next one twice: 2^n expansions of the last.
	docs["doubling fragments"] = doublingFragments((g - 2) / 3)
	return docs
}

// TestHostileDocumentsWithinLimits checks that the hostile documents reach
// validation at the default limits (so BenchmarkHostileDocuments measures what
// gets through), and that their answers are small: no more errors than the cap.
func TestHostileDocumentsWithinLimits(t *testing.T) {
	cfg := quietConfig()
	h := NewHandler(fixtureStore(t).Ports(), cfg)
	docs := hostileDocuments(cfg.Document)
	names := slices.Sorted(maps.Keys(docs))
	for _, name := range names {
		q := docs[name]
		if what, _, over := cfg.Document.over(countDocument(q, cfg.Document)); over {
			t.Errorf("%s: over the %s limit; it would not reach validation", name, what)
			continue
		}
		w := serveQuery(h, q)
		var resp gqlResponse
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatalf("%s: %v: %s", name, err, w.Body.String())
		}
		if len(resp.Errors) > cfg.MaxErrors+1 {
			t.Errorf("%s: %d errors, want at most %d", name, len(resp.Errors), cfg.MaxErrors+1)
		}
		t.Logf("%-26s %5d bytes: %d errors, %d bytes of answer", name, len(q), len(resp.Errors), w.Body.Len())
	}
}

// TestErrorCap checks that an answer with more errors than MaxErrors keeps the
// first ones and ends with one TOO_MANY_ERRORS error counting the others.
func TestErrorCap(t *testing.T) {
	cfg := quietConfig()
	cfg.MaxErrors = 5
	h := NewHandler(fixtureStore(t).Ports(), cfg)
	// 20 fields with one response name and other arguments: 190 conflicts.
	var b strings.Builder
	for i := range 20 {
		fmt.Fprintf(&b, `a: node(id: "x%d") { id } `, i)
	}
	w := serveQuery(h, "{ "+b.String()+"}")
	var resp gqlResponse
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Errors) != 6 {
		t.Fatalf("%d errors, want 5 and the note: %s", len(resp.Errors), w.Body.String())
	}
	for _, e := range resp.Errors[:5] {
		if e.Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("kept error %+v, want a validation error", e)
		}
	}
	last := resp.Errors[5]
	if last.Extensions["code"] != CodeTooManyErrors || last.Extensions["dropped"] != float64(190-5) ||
		!strings.Contains(last.Message, "185 more errors were dropped") {
		t.Errorf("last error %+v, want TOO_MANY_ERRORS with 185 dropped", last)
	}

	// Under the cap, answers are left alone.
	cfg.MaxErrors = 200
	w = serveQuery(NewHandler(fixtureStore(t).Ports(), cfg), "{ "+b.String()+"}")
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Errors) != 190 {
		t.Errorf("%d errors under a cap of 200, want all 190", len(resp.Errors))
	}
}

// serveQuery posts query to h and returns the recorded answer.
func serveQuery(h http.Handler, query string) *httptest.ResponseRecorder {
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// BenchmarkHostileDocuments sends each hostile document through the handler at
// the default limits, each time with a new comment so that the query cache never
// answers: lexing, parsing, validation, complexity and the answer, every time.
// The slowest is the worst case a client can make the server validate.
func BenchmarkHostileDocuments(b *testing.B) {
	cfg := quietConfig()
	cfg.ResponseCacheSize = -1
	store := fixtureStore(b)
	h := NewHandler(store.Ports(), cfg)
	docs := hostileDocuments(cfg.Document)
	names := slices.Sorted(maps.Keys(docs))
	for _, name := range names {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				if w := serveQuery(h, fmt.Sprintf("# %d\n%s", i, docs[name])); w.Body.Len() == 0 {
					b.Fatal("empty answer")
				}
			}
		})
	}
}
