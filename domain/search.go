package domain

// What text filters read of a node, and the names of the fields a search hit
// reports. (What search reads of a node and how it ranks a match is
// internal/rank, which both stores use so that they find and rank alike.)

// Search fields, as reported in SearchHit.Field.
const (
	SearchFieldName      = "NAME"
	SearchFieldAlias     = "ALIAS"
	SearchFieldAcronym   = "ACRONYM"
	SearchFieldTitle     = "TITLE"
	SearchFieldStatement = "STATEMENT"
	SearchFieldQuote     = "QUOTE"
)

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
