// Package rank says what search reads of a node and how it rates a match, for
// both stores, so that they find and rank alike (domain.Store.Search).
package rank

import (
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// Match levels and their base scores. A hit's score is its level's base times its
// field's weight, less a point per typo for fuzzy hits.
const (
	scoreExact        = 100 // the whole query equals the field
	scoreExactAcronym = 90  // the whole query equals an acronym
	scorePrefix       = 70  // the field starts with the query
	scoreAllTokens    = 50  // every query word is a word of the field (the last may be a prefix)
	scoreFuzzy        = 30  // every query word is within the typo tolerance of a word of the field
)

// Field weights: names, aliases, acronyms and titles of actors, meetings, sources,
// programmes, pillars and projects count fully; role titles and figure metrics less;
// commitment statements less, evidence quotes least.
const (
	weightName      = 1.0
	weightMinor     = 0.6
	weightStatement = 0.4
	weightQuote     = 0.25
)

// Field is one searchable text of a node.
type Field struct {
	// Field is what the text is: one of the domain.SearchField… constants.
	Field string
	// Text is the text as written.
	Text string
	// Weight scales the score of a match in this field.
	Weight float64
}

// Fields lists the searchable fields of a node in tie-break order (of two
// equal matches in one node, the earlier field is reported): names, acronyms and
// aliases; titles; statements; then each distinct quote of the node's claims.
// Blank texts are left out.
func Fields(n domain.Node) []Field {
	var fs []Field
	add := func(field, text string, weight float64) {
		if strings.TrimSpace(text) != "" {
			fs = append(fs, Field{Field: field, Text: text, Weight: weight})
		}
	}
	aliases := func(as []string) {
		for _, a := range as {
			add(domain.SearchFieldAlias, a, weightName)
		}
	}
	switch n := n.(type) {
	case *domain.Person:
		add(domain.SearchFieldName, n.Name, weightName)
		aliases(n.Aliases)
	case *domain.Organization:
		add(domain.SearchFieldName, n.Name, weightName)
		add(domain.SearchFieldAcronym, n.Acronym, weightName)
		aliases(n.Aliases)
	case *domain.Country:
		add(domain.SearchFieldName, n.Name, weightName)
		add(domain.SearchFieldAcronym, n.ISO, weightName)
		aliases(n.Aliases)
	case *domain.Meeting:
		add(domain.SearchFieldTitle, n.Title, weightName)
	case *domain.Source:
		add(domain.SearchFieldTitle, n.Title, weightName)
	case *domain.Programme:
		add(domain.SearchFieldName, n.Name, weightName)
		add(domain.SearchFieldAcronym, n.Acronym, weightName)
		aliases(n.Aliases)
	case *domain.Pillar:
		add(domain.SearchFieldName, n.Name, weightName)
	case *domain.Project:
		add(domain.SearchFieldName, n.Name, weightName)
		aliases(n.Aliases)
	case *domain.Role:
		add(domain.SearchFieldTitle, n.Title, weightMinor)
	case *domain.Figure:
		add(domain.SearchFieldTitle, n.Metric, weightMinor)
	case *domain.Commitment:
		add(domain.SearchFieldStatement, n.Statement, weightStatement)
	}
	seen := map[string]bool{}
	for _, ev := range domain.Claims(n) {
		if !seen[ev.Quote] {
			seen[ev.Quote] = true
			add(domain.SearchFieldQuote, ev.Quote, weightQuote)
		}
	}
	return fs
}

// Score rates a match of this field, whose normalised forms are forms, against a
// query whose normalised forms are qforms, every query word having matched a word
// of the field with dist typos in all. It reports the score and whether the query
// equals the field.
func (f Field) Score(forms, qforms []string, dist int) (score float64, exact bool) {
	prefix := false
	for _, q := range qforms {
		for _, ff := range forms {
			exact = exact || ff == q
			prefix = prefix || strings.HasPrefix(ff, q)
		}
	}
	var base float64
	switch {
	case exact && f.Field == domain.SearchFieldAcronym:
		base = scoreExactAcronym
	case exact:
		base = scoreExact
	case prefix:
		base = scorePrefix
	case dist == 0:
		base = scoreAllTokens
	default:
		base = scoreFuzzy - float64(dist)
	}
	return base * f.Weight, exact
}
