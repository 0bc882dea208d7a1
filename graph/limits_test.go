package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func mustParse(t *testing.T, q string) *ast.QueryDocument {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		t.Fatalf("parse %s: %v", q, err)
	}
	return doc
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		query          string
		depth, aliases int
	}{
		{`{ a }`, 1, 0},
		{`{ a { b { c } } d }`, 3, 0},
		{`{ x: a { y: b } a }`, 2, 2},
		{`{ a: a { b } }`, 2, 0}, // an alias equal to the name is no alias
		{`{ __typename a { __typename } }`, 1, 0},
		{`{ __schema { types { fields { name } } } }`, 0, 0},
		{`{ a { ... on T { b { c } } } }`, 3, 0},
		{`{ a { ...F } } fragment F on T { b { x: c } }`, 3, 1},
		{`{ ...F ...F } fragment F on Q { x: a y: a }`, 1, 4},
		// A cycle (reported by NoFragmentCyclesRule) counts each lap once.
		{`{ ...F } fragment F on Q { a { ...G } } fragment G on T { b { ...F } }`, 2, 0},
	}
	for _, tc := range tests {
		doc := mustParse(t, tc.query)
		s := measure(doc, doc.Operations[0])
		if s.depth != tc.depth || s.aliases != tc.aliases {
			t.Errorf("%s: depth %d aliases %d, want %d and %d", tc.query, s.depth, s.aliases, tc.depth, tc.aliases)
		}
	}
}

// TestMeasureFragmentBomb checks that fragments spread each other exponentially are
// measured once each: 2^60 aliases are counted (saturated), not walked.
func TestMeasureFragmentBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("{ ...F60 } fragment F0 on Q { x: a }\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "fragment F%d on Q { ...F%d ...F%d }\n", i, i-1, i-1)
	}
	doc := mustParse(t, b.String())
	s := measure(doc, doc.Operations[0])
	if s.aliases != aliasCap || s.depth != 1 {
		t.Errorf("fragment bomb: depth %d aliases %d, want 1 and the cap %d", s.depth, s.aliases, aliasCap)
	}
}
