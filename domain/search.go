package domain

import "strings"

// What search and text filters read of a node, and how search ranks a match. Every
// store applies these rules, so that they find and rank alike.

// Search fields, as reported in SearchHit.Field.
const (
	SearchFieldName      = "NAME"
	SearchFieldAlias     = "ALIAS"
	SearchFieldAcronym   = "ACRONYM"
	SearchFieldTitle     = "TITLE"
	SearchFieldStatement = "STATEMENT"
	SearchFieldQuote     = "QUOTE"
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

// SearchField is one searchable text of a node.
type SearchField struct {
	// Field is what the text is: one of the SearchField… constants.
	Field string
	// Text is the text as written.
	Text string
	// Weight scales the score of a match in this field.
	Weight float64
}

// SearchFields lists the searchable fields of a node in tie-break order (of two
// equal matches in one node, the earlier field is reported): names, acronyms and
// aliases; titles; statements; then each distinct quote of the node's claims.
// Blank texts are left out.
func SearchFields(n Node) []SearchField {
	var fs []SearchField
	add := func(field, text string, weight float64) {
		if strings.TrimSpace(text) != "" {
			fs = append(fs, SearchField{Field: field, Text: text, Weight: weight})
		}
	}
	aliases := func(as []string) {
		for _, a := range as {
			add(SearchFieldAlias, a, weightName)
		}
	}
	switch n := n.(type) {
	case *Person:
		add(SearchFieldName, n.Name, weightName)
		aliases(n.Aliases)
	case *Organization:
		add(SearchFieldName, n.Name, weightName)
		add(SearchFieldAcronym, n.Acronym, weightName)
		aliases(n.Aliases)
	case *Country:
		add(SearchFieldName, n.Name, weightName)
		add(SearchFieldAcronym, n.ISO, weightName)
		aliases(n.Aliases)
	case *Meeting:
		add(SearchFieldTitle, n.Title, weightName)
	case *Source:
		add(SearchFieldTitle, n.Title, weightName)
	case *Programme:
		add(SearchFieldName, n.Name, weightName)
		add(SearchFieldAcronym, n.Acronym, weightName)
		aliases(n.Aliases)
	case *Pillar:
		add(SearchFieldName, n.Name, weightName)
	case *Project:
		add(SearchFieldName, n.Name, weightName)
		aliases(n.Aliases)
	case *Role:
		add(SearchFieldTitle, n.Title, weightMinor)
	case *Figure:
		add(SearchFieldTitle, n.Metric, weightMinor)
	case *Commitment:
		add(SearchFieldStatement, n.Statement, weightStatement)
	}
	seen := map[string]bool{}
	for _, ev := range Claims(n) {
		if !seen[ev.Quote] {
			seen[ev.Quote] = true
			add(SearchFieldQuote, ev.Quote, weightQuote)
		}
	}
	return fs
}

// Score rates a match of this field, whose normalised forms are forms, against a
// query whose normalised forms are qforms, every query word having matched a word
// of the field with dist typos in all. It reports the score and whether the query
// equals the field.
func (f SearchField) Score(forms, qforms []string, dist int) (score float64, exact bool) {
	prefix := false
	for _, q := range qforms {
		for _, ff := range forms {
			exact = exact || ff == q
			prefix = prefix || strings.HasPrefix(ff, q)
		}
	}
	var base float64
	switch {
	case exact && f.Field == SearchFieldAcronym:
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

// TextFields returns the fields the text filter of a connection searches in a
// node: names, acronyms and aliases of actors; meeting and source titles;
// commitment statements and the quotes of their evidence; project names,
// descriptions and aliases. Other kinds have none.
func TextFields(n Node) []string {
	switch n := n.(type) {
	case *Person:
		return append([]string{n.Name}, n.Aliases...)
	case *Organization:
		return append([]string{n.Name, n.Acronym}, n.Aliases...)
	case *Country:
		return append([]string{n.Name}, n.Aliases...)
	case *Meeting:
		return []string{n.Title}
	case *Commitment:
		fs := []string{n.Statement}
		for _, ev := range n.Evidence {
			fs = append(fs, ev.Quote)
		}
		return fs
	case *Project:
		return append([]string{n.Name, n.Description}, n.Aliases...)
	case *Source:
		return []string{n.Title}
	}
	return nil
}

// PageSize checks the query's page size and kinds, and returns the number of hits
// to return: First, or DefaultPageSize when First is 0. (The text is checked by
// the stores, which normalise it.)
func (q SearchQuery) PageSize() (int, error) {
	first := q.First
	if first == 0 {
		first = DefaultPageSize
	}
	if first < 0 || first > MaxPageSize {
		return 0, FieldErrorf(EINVALID, "first", "first must be between 0 and %d, got %d", MaxPageSize, q.First)
	}
	for _, k := range q.Kinds {
		if !Valid(k, Kinds) {
			return 0, FieldErrorf(EINVALID, "kinds", "unknown node kind %q", k)
		}
	}
	return first, nil
}
