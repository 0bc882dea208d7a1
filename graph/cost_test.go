package graph

import (
	"context"
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	gqlgencomplexity "github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/corridor-kg/corridor/docs"
	"github.com/corridor-kg/corridor/graph/generated"
)

// countingSchema counts the calls to Complexity: the work of a cost walk.
type countingSchema struct {
	graphql.ExecutableSchema
	calls int
}

func (c *countingSchema) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	c.calls++
	return c.ExecutableSchema.Complexity(ctx, typeName, field, child, args)
}

func executableSchema() graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}, Complexity: complexity()})
}

// validDoc parses and validates q against the schema, as the handler does
// before pricing it.
func validDoc(t testing.TB, es graphql.ExecutableSchema, q string) *ast.QueryDocument {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, q)
	}
	if errs := validator.ValidateWithRules(es.Schema(), doc, nil); len(errs) > 0 {
		t.Fatalf("validate: %v\n%s", errs, q)
	}
	return doc
}

// readmeQueries returns the ```graphql blocks of the README.
func readmeQueries(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// costCases are queries that exercise every way a cost is made: connections
// with and without first (from a variable too), interface fields, fragments
// spread more than once, inline fragments, introspection, the explore fields.
var costCases = []struct {
	query string
	vars  map[string]any
}{
	{`{ about { datasetVersion } }`, nil},
	{`query($n: Int) { commitments(first: $n) { edges { node { statement madeBy { name } } } } }`, map[string]any{"n": 7}},
	{`query($n: Int) { commitments(first: $n) { totalCount } }`, nil},
	{`{ node(id: "x") { id ... on Person { roles { title organization { name } } } ... on Meeting { participants { actor { name } } } } }`, nil},
	{`{ nodes(ids: ["a", "b", "c"]) { id ... on Actor { commitmentsMade { statement } } } }`, nil},
	{`{ ...Q ...Q a: meetings(first: 3) { ...M } b: meetings { ...M } } fragment Q on Query { about { datasetVersion } }
	  fragment M on MeetingConnection { edges { node { title commitments { ...C } } } } fragment C on Commitment { statement madeTo { name } }`, nil},
	{`{ search(text: "jcc", first: 5) { score node { id ... on Actor { name aliases } } } }`, nil},
	{`{ paths(from: "a", to: "b", maxHops: 3, first: 2) { nodes { id } } neighborhood(id: "a", limit: 50) { nodes { id } edges { id } } }`, nil},
	{`{ commitmentStats(groupBy: KIND, first: 4) { key count } timeline(first: 10) { label node { id } } }`, nil},
	{`{ __schema { types { name } } __typename }`, nil},
}

// TestCostMatchesGqlgen checks that the walk prices every case, every bundled
// example, the README's queries and GraphiQL's introspection query exactly as
// gqlgen's own complexity.Calculate does.
func TestCostMatchesGqlgen(t *testing.T) {
	es := executableSchema()
	ctx := context.Background()
	type query struct {
		name, text string
		vars       map[string]any
	}
	var queries []query
	for i, c := range costCases {
		queries = append(queries, query{fmt.Sprintf("case %d", i), c.query, c.vars})
	}
	for _, e := range docs.Examples() {
		queries = append(queries, query{e.File, e.Query, nil})
	}
	for i, q := range readmeQueries(t) {
		queries = append(queries, query{fmt.Sprintf("README %d", i), q, nil})
	}
	intro, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	queries = append(queries, query{"introspection", string(intro), nil})
	for _, q := range queries {
		doc := validDoc(t, es, q.text)
		for _, op := range doc.Operations {
			want := gqlgencomplexity.Calculate(ctx, es, op, q.vars)
			got, over := operationCost(ctx, es, op, q.vars, math.MaxInt-1)
			if got != want || over {
				t.Errorf("%s: cost %d (over %v), gqlgen's walk gives %d", q.name, got, over, want)
			}
		}
	}
}

// doublingFragments returns {...F0} where each of n fragments spreads the next
// twice: 2^n expansions of the last one.
func doublingFragments(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Query { about { datasetVersion } }", n)
	return b.String()
}

// TestCostFragmentBomb prices fragments that double at each of 60 levels: each
// fragment is priced once (a Complexity call per field as written, not per
// expansion), and the price is over the limit.
func TestCostFragmentBomb(t *testing.T) {
	es := &countingSchema{ExecutableSchema: executableSchema()}
	doc := validDoc(t, es, doublingFragments(60))
	cost, over := operationCost(context.Background(), es, doc.Operations[0], nil, DefaultMaxComplexity)
	if !over || cost != DefaultMaxComplexity+1 {
		t.Errorf("cost %d over %v, want over the limit (reported as limit+1)", cost, over)
	}
	if es.calls > 2 {
		t.Errorf("%d Complexity calls for 2 fields as written, want at most 2", es.calls)
	}
	// Exact below the limit: 2^10 copies of about { datasetVersion } cost 2 each.
	doc = validDoc(t, es, doublingFragments(10))
	if cost, over := operationCost(context.Background(), es, doc.Operations[0], nil, 1<<20); over || cost != 2<<10 {
		t.Errorf("10 doublings: cost %d over %v, want %d", cost, over, 2<<10)
	}
}

// TestCostStopsAtLimit checks that a walk stops pricing the rest of a selection
// once its total is over the limit.
func TestCostStopsAtLimit(t *testing.T) {
	es := &countingSchema{ExecutableSchema: executableSchema()}
	q := "{ " + strings.Repeat("commitments { edges { node { statement } } } ", 50) + "}"
	doc := validDoc(t, es, q)
	if _, over := operationCost(context.Background(), es, doc.Operations[0], nil, DefaultMaxComplexity); !over {
		t.Fatal("50 pages of 100 are not over the limit")
	}
	// One page costs 1+100*(1+1+1)=301 and makes 4 calls; the limit is passed at
	// the 17th.
	if es.calls > 17*4 {
		t.Errorf("%d Complexity calls, want the walk to stop after the 17th page (%d)", es.calls, 17*4)
	}
}

// TestListCostSaturates checks that a list's price never wraps around.
func TestListCostSaturates(t *testing.T) {
	if got := listCost(4, 1<<62); got != math.MaxInt {
		t.Errorf("listCost(4, 2^62) = %d, want MaxInt", got)
	}
	if got := listCost(100, math.MaxInt); got != math.MaxInt {
		t.Errorf("listCost(100, MaxInt) = %d, want MaxInt", got)
	}
	if got := listCost(0, math.MaxInt); got != 1 {
		t.Errorf("listCost(0, MaxInt) = %d, want 1", got)
	}
	if got := listCost(3, 5); got != 16 {
		t.Errorf("listCost(3, 5) = %d, want 16", got)
	}
}

// TestBundledQueriesWithinLimits reports the cost and document counts of every
// bundled example, README query and GraphiQL's introspection query, and checks
// that each uses at most a third of every default limit.
func TestBundledQueriesWithinLimits(t *testing.T) {
	es := executableSchema()
	cfg := DefaultConfig()
	queries := map[string]string{}
	for _, e := range docs.Examples() {
		queries[e.File] = e.Query
	}
	for i, q := range readmeQueries(t) {
		queries[fmt.Sprintf("README query %d", i+1)] = q
	}
	intro, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	queries["GraphiQL introspection"] = string(intro)
	for name, q := range queries {
		c := countDocument(q, cfg.Document)
		doc := validDoc(t, es, q)
		cost := 0
		for _, op := range doc.Operations {
			n, _ := operationCost(context.Background(), es, op, nil, cfg.MaxComplexity)
			cost = max(cost, n)
		}
		t.Logf("%-42s cost %5d  tokens %4d  fields %3d  fragments %2d  directives %d", name, cost, c.tokens, c.fields, c.fragments, c.directives)
		third := DocumentLimits{Tokens: cfg.Document.Tokens / 3, Fields: cfg.Document.Fields / 3,
			Fragments: cfg.Document.Fragments / 3, Directives: cfg.Document.Directives / 3}
		if what, limit, over := third.over(c); over {
			t.Errorf("%s: more than a third of the %s limit (%d)", name, what, limit*3)
		}
		if cost > cfg.MaxComplexity {
			t.Errorf("%s: cost %d over the default limit %d", name, cost, cfg.MaxComplexity)
		}
	}
}

// BenchmarkComplexity prices documents with gqlgen's walk (complexity.Calculate,
// what extension.FixedComplexityLimit runs) and with operationCost: the JCC
// example, GraphiQL's introspection query, and fragments doubling 16 and 22
// times (each extra level doubles gqlgen's work; 40 never finished).
func BenchmarkComplexity(b *testing.B) {
	es := executableSchema()
	jcc, err := os.ReadFile("../docs/queries/jcc-commitments.graphql")
	if err != nil {
		b.Fatal(err)
	}
	intro, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		b.Fatal(err)
	}
	docs := []struct{ name, query string }{
		{"jcc", string(jcc)}, {"introspection", string(intro)},
		{"doubling-16", doublingFragments(16)}, {"doubling-22", doublingFragments(22)},
	}
	ctx := context.Background()
	for _, d := range docs {
		op := validDoc(b, es, d.query).Operations[0]
		b.Run(d.name+"/gqlgen", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				gqlgencomplexity.Calculate(ctx, es, op, nil)
			}
		})
		b.Run(d.name+"/memo", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				operationCost(ctx, es, op, nil, DefaultMaxComplexity)
			}
		})
	}
}
