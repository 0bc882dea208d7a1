package graph

import (
	"encoding/json"
	"strings"
	"testing"

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
		// Comments are not tokens; the word fragment only counts as a definition.
		{"# fragment a b c\n{ fragment }", docCounts{tokens: 3, fields: 1}},
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
	h := NewHandler(fixtureStore(t), cfg)
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
