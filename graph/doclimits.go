package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"

	"github.com/corridor-kg/corridor/domain"
)

// DocumentLimits bound the size of a GraphQL document before it is parsed.
// gqlparser's validation cannot be interrupted and some of its rules are
// quadratic (overlapping fields compares every pair of fields that share a
// response name), so the only way to keep its worst case small is to keep its
// input small. The counts are lexical: one pass over the tokens, stopped at the
// first count over its limit, so refusing a hostile document costs at most the
// time to read that far.
type DocumentLimits struct {
	// Tokens is the most lexical tokens a document may have, each comment line
	// one token (as gqlparser's own token limit counts them).
	Tokens int
	// Fields is the most field selections, as written (a fragment spread many
	// times counts once; complexity counts the expansion).
	Fields int
	// Fragments is the most fragment definitions, fragment spreads and inline
	// fragments together.
	Fragments int
	// Directives is the most directive uses (@include, @skip and unknown ones).
	Directives int
}

// docCounts is what DocumentLimits count in a document.
type docCounts struct {
	tokens, fields, fragments, directives int
}

// over returns the first limit that c exceeds, by name, and its value.
func (l DocumentLimits) over(c docCounts) (what string, limit int, ok bool) {
	switch {
	case c.tokens > l.Tokens:
		return "tokens", l.Tokens, true
	case c.fields > l.Fields:
		return "fields", l.Fields, true
	case c.fragments > l.Fragments:
		return "fragments", l.Fragments, true
	case c.directives > l.Directives:
		return "directives", l.Directives, true
	}
	return "", 0, false
}

// countDocument counts query's tokens, field selections, fragments and
// directives, stopping as soon as one count exceeds its limit in l. A lexical
// error stops the count too: the parser then reports it, with its position.
//
// A field is a name inside a selection set (inside braces, outside any
// parentheses: braces within arguments are object values) that is not a
// directive's name (after @), an alias (the field's name follows the colon), a
// spread fragment's name (after ...) or an inline fragment's type condition
// (after "... on").
func countDocument(query string, l DocumentLimits) docCounts {
	var c docCounts
	lex := lexer.New(&ast.Source{Input: query})
	var braces, parens int
	var prev, prev2 lexer.Token
	for {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			return c
		}
		// Comments are tokens, as for the parser's own token limit.
		c.tokens++
		if tok.Kind == lexer.Comment {
			continue
		}
		switch tok.Kind {
		case lexer.BraceL:
			braces++
		case lexer.BraceR:
			braces--
		case lexer.ParenL:
			parens++
		case lexer.ParenR:
			parens--
		case lexer.At:
			c.directives++
		case lexer.Spread:
			c.fragments++
		case lexer.Name:
			switch {
			case braces == 0 && parens == 0:
				if tok.Value == "fragment" && prev.Kind != lexer.Name {
					c.fragments++
				}
			case parens > 0, prev.Kind == lexer.At, prev.Kind == lexer.Colon, prev.Kind == lexer.Spread:
			case prev.Kind == lexer.Name && prev.Value == "on" && prev2.Kind == lexer.Spread:
			default:
				c.fields++
			}
		}
		if _, _, over := l.over(c); over {
			return c
		}
		prev2, prev = prev, tok
	}
}

// documentLimit is the extension that refuses documents over the limits before
// gqlgen parses them. It runs before automatic persisted queries, so the queries
// they keep for hash-only requests are all within the limits, and it skips
// queries found in the query cache: those passed it when they were first parsed.
type documentLimit struct {
	limits DocumentLimits
	cache  graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = documentLimit{}

func (documentLimit) ExtensionName() string { return "CorridorDocumentLimit" }

func (documentLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses a document over a limit with
// COMPLEXITY_LIMIT_EXCEEDED, naming what it counted, the limit and its setting.
func (d documentLimit) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil
	}
	if _, ok := d.cache.Get(ctx, p.Query); ok {
		return nil
	}
	what, limit, over := d.limits.over(countDocument(p.Query, d.limits))
	if !over {
		return nil
	}
	// The count stopped at the first item over the limit: hence "more than".
	err := gqlerror.Errorf("The document has more than %d %s, the limit (%s): send smaller queries.",
		limit, what, documentSetting[what])
	err.Extensions = map[string]any{"code": domain.ECOMPLEXITY}
	return err
}

// documentSetting names the server setting of each document limit, for the
// error message.
var documentSetting = map[string]string{
	"tokens":     "CORRIDOR_MAX_TOKENS",
	"fields":     "CORRIDOR_MAX_FIELDS",
	"fragments":  "CORRIDOR_MAX_FRAGMENTS",
	"directives": "CORRIDOR_MAX_DIRECTIVES",
}

// withDefaults replaces zero limits by their defaults.
func (l DocumentLimits) withDefaults() DocumentLimits {
	if l.Tokens <= 0 {
		l.Tokens = DefaultMaxTokens
	}
	if l.Fields <= 0 {
		l.Fields = DefaultMaxFields
	}
	if l.Fragments <= 0 {
		l.Fragments = DefaultMaxFragments
	}
	if l.Directives <= 0 {
		l.Directives = DefaultMaxDirectives
	}
	return l
}
