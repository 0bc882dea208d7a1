package e2e

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// doublingFragments is the 1.6 KB query that pinned a core for good under
// gqlgen's own complexity walk: n fragments, each spreading the next twice, so
// the last one is expanded 2^n times.
func doublingFragments(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Query { about { datasetVersion } }", n)
	return b.String()
}

// hostileBound is how long a refusal may take here. Each is measured at about
// 10–30 ms on a busy 2-core machine; the bound is over 100 times that, so it
// only fails when the work is no longer bounded (before the fix, the doubling
// fragments never finished and 20,000 copies of a field took 28 s).
const hostileBound = 5 * time.Second

// TestHostileDocuments sends the documents that used to cost seconds, or
// forever, to the real binary with the default limits: each is refused with
// COMPLEXITY_LIMIT_EXCEEDED naming the limit, quickly, and the server keeps
// serving. Several at once leave it serving too.
func TestHostileDocuments(t *testing.T) {
	s := startServer(t)
	chain := new(strings.Builder)
	chain.WriteString("{ ...F0 }")
	for i := range 3000 {
		fmt.Fprintf(chain, " fragment F%d on Query { about { datasetVersion } ...F%d }", i, i+1)
	}
	chain.WriteString(" fragment F3000 on Query { about { datasetVersion } }")
	directives := new(strings.Builder)
	directives.WriteString("{ about")
	for i := range 10000 {
		fmt.Fprintf(directives, " @d%d", i)
	}
	directives.WriteString(" { datasetVersion } }")

	cases := []struct {
		name, query, says string
	}{
		// 40 levels (the 1.6 KB query) fit the fragment limit: the complexity
		// limit refuses them; 70 do not.
		{"40 doubling fragments", doublingFragments(40), "complexity over 5000"},
		{"70 doubling fragments", doublingFragments(70), "more than 200 fragments"},
		{"20,000 copies of one field", "{ " + strings.Repeat("about { datasetVersion } ", 20000) + "}", "more than 300 fields"},
		{"a chain of 3,000 fragments", chain.String(), "more than 200 fragments"},
		{"10,000 unknown directives", directives.String(), "more than 50 directives"},
		{"2,001 tokens", "{ search(text: \"x\", kinds: [" + strings.Repeat("PERSON ", 2000) + "]) { score } }", "more than 2000 tokens"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			r := s.query(t, c.query, nil)
			took := time.Since(start)
			if r.Code() != "COMPLEXITY_LIMIT_EXCEEDED" || len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, c.says) {
				t.Errorf("%d bytes: %d %.300s; want one COMPLEXITY_LIMIT_EXCEEDED error saying %q", len(c.query), r.Status, r.Raw, c.says)
			}
			if len(r.Raw) > 1024 {
				t.Errorf("a %d-byte answer to a refusal", len(r.Raw))
			}
			if took > hostileBound {
				t.Errorf("refused after %v; the bound is %v", took, hostileBound)
			}
			t.Logf("%d bytes refused in %v", len(c.query), took)
			s.stillServes(t, c.name)
		})
	}

	// Every such query at once, twice over (before, two of them took both
	// cores for good): all refused, and an ordinary query is served meanwhile.
	var wg sync.WaitGroup
	for range 2 {
		for _, c := range cases {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if r := s.query(t, c.query, nil); r.Code() != "COMPLEXITY_LIMIT_EXCEEDED" {
					t.Errorf("%s, concurrently: %.200s", c.name, r.Raw)
				}
			}()
		}
	}
	start := time.Now()
	s.stillServes(t, "a dozen hostile queries at once")
	wg.Wait()
	if took := time.Since(start); took > hostileBound {
		t.Errorf("a dozen hostile queries at once took %v; the bound is %v", took, hostileBound)
	}
}

// TestManyErrorsCapped sends a document within the limits that validation
// answers with one error per pair of conflicting fields (11,175 of them): the
// answer carries the first 50 and one TOO_MANY_ERRORS error counting the rest.
func TestManyErrorsCapped(t *testing.T) {
	s := startServer(t)
	var b strings.Builder
	b.WriteString("{ ")
	for i := range 150 {
		fmt.Fprintf(&b, `node(id: "x%d") { id } `, i)
	}
	b.WriteString("}")
	start := time.Now()
	r := s.query(t, b.String(), nil)
	took := time.Since(start)
	if len(r.Errors) != 51 {
		t.Fatalf("%d errors, want 50 and a last one counting the rest: %.300s", len(r.Errors), r.Raw)
	}
	last := r.Errors[50]
	if last.Extensions["code"] != "TOO_MANY_ERRORS" || last.Extensions["dropped"] != float64(150*149/2-50) {
		t.Errorf("last error %+v, want TOO_MANY_ERRORS with %d dropped", last, 150*149/2-50)
	}
	if took > hostileBound || len(r.Raw) > 64<<10 {
		t.Errorf("answered in %v with %d bytes", took, len(r.Raw))
	}
	s.stillServes(t, "11,175 conflicts")
}
