package graph

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/corridor-kg/corridor/docs"
	"github.com/corridor-kg/corridor/domain"
)

// unlimited counts everything.
var unlimited = DocumentLimits{Tokens: 1 << 30, Fields: 1 << 30, Fragments: 1 << 30, Directives: 1 << 30}

func TestCountDocument(t *testing.T) {
	tests := []struct {
		query string
		want  docCounts
	}{
		{`{ a }`, docCounts{tokens: 3, fields: 1}},
		{`{ a b { c } }`, docCounts{tokens: 7, fields: 3}},
		// An alias and its field are one field; arguments and their object values
		// hold no fields.
		{`{ x: a(f: { b: 1, c: [d] }) { y: e } }`, docCounts{tokens: 24, fields: 2}},
		// Spreads, inline fragments (with and without a type condition) and
		// definitions are fragments; their names and type conditions are not fields.
		{`query Q { ...F ... on T { a } ... @include(if: true) { b } } fragment F on Q { c }`,
			docCounts{tokens: 30, fields: 3, fragments: 4, directives: 1}},
		// Variables and their defaults hold no fields; directives anywhere count.
		{`query ($v: In = { a: 1 }) @d { a(x: $v) @e @f }`, docCounts{tokens: 28, fields: 1, directives: 3}},
		// A comment is one token and holds nothing else; the word fragment only
		// counts as a definition.
		{"# fragment a b c\n{ fragment }", docCounts{tokens: 4, fields: 1}},
		{`query fragment { a }`, docCounts{tokens: 5, fields: 1}},
		// A lexical error stops the count: the parser reports it.
		{`{ a b "unterminated }`, docCounts{tokens: 3, fields: 2}},
	}
	for _, tc := range tests {
		if got := countDocument(tc.query, unlimited); got != tc.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.query, got, tc.want)
		}
	}
}

// TestCountDocumentStops checks that counting stops at the first item over a
// limit: a 1 MB document over the field limit is read only that far.
func TestCountDocumentStops(t *testing.T) {
	lim := DefaultConfig().Document
	q := "{ " + strings.Repeat("a ", 500_000) + "}"
	c := countDocument(q, lim)
	if c.fields != lim.Fields+1 || c.tokens != lim.Fields+2 {
		t.Errorf("counted %+v, want to stop at field %d", c, lim.Fields+1)
	}
}

// TestDocumentLimitsRefuse sends a document over each limit to the handler: it
// is refused with COMPLEXITY_LIMIT_EXCEEDED, naming the limit and its setting,
// before it is parsed (the syntax error at its end is never reported).
func TestDocumentLimitsRefuse(t *testing.T) {
	cfg := quietConfig()
	cfg.Document = DocumentLimits{Tokens: 100, Fields: 20, Fragments: 4, Directives: 3}
	h := NewHandler(fixtureStore(t).Ports(), cfg)
	tests := []struct{ query, setting string }{
		{"{ a(x: [" + strings.Repeat("1 ", 100) + "]) }", "more than 100 tokens, the limit (CORRIDOR_MAX_TOKENS)"},
		{"{ " + strings.Repeat("about ", 21), "more than 20 fields, the limit (CORRIDOR_MAX_FIELDS)"},
		{"{ " + strings.Repeat("...F ", 5), "more than 4 fragments, the limit (CORRIDOR_MAX_FRAGMENTS)"},
		{"{ about @a @b @c @d", "more than 3 directives, the limit (CORRIDOR_MAX_DIRECTIVES)"},
	}
	for _, tc := range tests {
		var resp gqlResponse
		w := serveQuery(h, tc.query+" } syntax error {{{")
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatal(err)
		}
		if len(resp.Errors) != 1 || resp.code() != domain.ECOMPLEXITY || !strings.Contains(resp.Errors[0].Message, tc.setting) {
			t.Errorf("%.40s…: %s, want one %s error saying %q", tc.query, w.Body.String(), domain.ECOMPLEXITY, tc.setting)
		}
	}
	// Within the limits, the same handler answers.
	if w := serveQuery(h, "{ about { datasetVersion } }"); !strings.Contains(w.Body.String(), `"datasetVersion"`) {
		t.Errorf("a small query: %s", w.Body.String())
	}
}

// astCounts counts, in a parsed document, what countDocument counts in its text:
// fields as written, fragment definitions, spreads and inline fragments, and
// directives wherever they stand.
func astCounts(doc *ast.QueryDocument) docCounts {
	var c docCounts
	var set func(ast.SelectionSet)
	set = func(s ast.SelectionSet) {
		for _, sel := range s {
			switch sel := sel.(type) {
			case *ast.Field:
				c.fields++
				c.directives += len(sel.Directives)
				set(sel.SelectionSet)
			case *ast.InlineFragment:
				c.fragments++
				c.directives += len(sel.Directives)
				set(sel.SelectionSet)
			case *ast.FragmentSpread:
				c.fragments++
				c.directives += len(sel.Directives)
			}
		}
	}
	for _, op := range doc.Operations {
		c.directives += len(op.Directives)
		for _, v := range op.VariableDefinitions {
			c.directives += len(v.Directives)
		}
		set(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		c.fragments++
		c.directives += len(f.Directives)
		set(f.SelectionSet)
	}
	return c
}

// FuzzCountDocument checks the lexical counts against the parser: for every
// document gqlparser parses, countDocument finds as many fields, fragments and
// directives as the parsed document holds.
func FuzzCountDocument(f *testing.F) {
	for _, e := range docs.Examples() {
		f.Add(e.Query)
	}
	for _, c := range costCases {
		f.Add(c.query)
	}
	f.Add(`query ($v: In = { a: 1 }) @d { x: a(x: $v, o: {b: [1, {c: 2}]}) @e @f { ... on T @g { b } ...F } } fragment F on T @h { c }`)
	f.Fuzz(func(t *testing.T, q string) {
		c := countDocument(q, unlimited)
		doc, err := parser.ParseQuery(&ast.Source{Input: q})
		if err != nil {
			return
		}
		want := astCounts(doc)
		want.tokens = c.tokens
		if c != want {
			t.Errorf("%q: counted %+v, the parsed document has %+v", q, c, want)
		}
		// The parser's token limit, which backs up ours, counts the same tokens.
		if c.tokens > 0 {
			if _, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: q}, c.tokens); err != nil {
				t.Errorf("%q: %d tokens counted, but the parser refuses it at that limit: %v", q, c.tokens, err)
			}
			// (A limit of 0 means none.)
			if _, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: q}, c.tokens-1); err == nil && c.tokens > 1 {
				t.Errorf("%q: %d tokens counted, but the parser takes it at one less", q, c.tokens)
			}
		}
	})
}
