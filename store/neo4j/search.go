package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/rank"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// Search works in two steps. Neo4j's full-text index finds candidates with one
// Lucene query built here from the normalised words of the text (exact-key,
// word, last-word prefix and fuzzy clauses, ~1 from 4 runes and ~2 from 8, with
// the kinds filter as a clause); the adapter then rates each candidate's fields
// by rank.Field.Score, exactly as the memory store does, so both stores
// rank alike: exact matches first (an acronym just below an exact name), then
// prefixes, all words, and fuzzy matches less a point per typo, weighted by field.

// luceneSpecial holds the characters Lucene's classic query parser treats as syntax.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// escapeLucene escapes every character of s that Lucene's query parser would read
// as syntax, and the operator words AND, OR and NOT, so s is matched as literal text.
func escapeLucene(s string) string {
	switch s {
	case "AND", "OR", "NOT":
		return `\` + s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// luceneQuery builds the full-text query for the normalised forms of a search
// text: for each form, the whole form as an exact key, or every word (the last
// also as a prefix, each also fuzzily by its length); restricted to kinds when given.
func luceneQuery(forms []string, ks []domain.Kind) string {
	var alts []string
	for _, form := range forms {
		alts = append(alts, "searchExact:"+escapeLucene(exactToken(form))+"^4")
		words := strings.Fields(form)
		var clauses []string
		for i, w := range words {
			ew := escapeLucene(w)
			terms := []string{"searchTokens:" + ew}
			if i == len(words)-1 {
				terms = append(terms, "searchTokens:"+ew+"*")
			}
			if k := textnorm.MaxTypos(utf8.RuneCountInString(w)); k > 0 {
				terms = append(terms, fmt.Sprintf("searchTokens:%s~%d", ew, k))
			}
			clauses = append(clauses, "("+strings.Join(terms, " OR ")+")")
		}
		alts = append(alts, "("+strings.Join(clauses, " AND ")+")")
	}
	q := "(" + strings.Join(alts, " OR ") + ")"
	if len(ks) > 0 {
		var kt []string
		for _, k := range ks {
			kt = append(kt, "searchKind:"+escapeLucene(strings.ToLower(string(k))))
		}
		q += " AND (" + strings.Join(kt, " OR ") + ")"
	}
	return q
}

// searchCandidates is how many candidates the index returns for a page of hits.
func searchCandidates(first int) int { return min(500, max(100, 10*first)) }

// Search implements domain.Store. Blank text (no letter or digit), an unknown
// kind or first outside 0..MaxPageSize is EINVALID; first 0 means the default page.
func (s *Store) Search(ctx context.Context, q domain.SearchQuery) ([]domain.SearchHit, error) {
	qforms := textnorm.Forms(q.Text)
	if len(qforms) == 0 {
		return nil, domain.FieldErrorf(domain.EINVALID, "text", "search text must contain a letter or digit")
	}
	first, err := q.PageSize()
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, "search", map[string]any{
		"lucene": luceneQuery(qforms, q.Kinds),
		"limit":  int64(searchCandidates(first)),
	})
	if err != nil {
		return nil, err
	}
	var hits []domain.SearchHit
	for _, rec := range recs {
		raw, _ := rec.Get("node")
		n, err := decodeNode(raw)
		if err != nil {
			return nil, s.internal("search", err)
		}
		if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, n.NodeKind()) {
			continue
		}
		if h, ok := rate(n, qforms); ok {
			hits = append(hits, h)
		}
	}
	slices.SortFunc(hits, func(a, b domain.SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score),
			strings.Compare(textnorm.Normalize(a.Node.Label()), textnorm.Normalize(b.Node.Label())),
			strings.Compare(a.Node.NodeID(), b.Node.NodeID()))
	})
	if len(hits) > first {
		hits = hits[:first]
	}
	for i := range hits {
		text, spans := textnorm.Snippet(hits[i].Matched, q.Text, textnorm.SnippetRunes)
		hits[i].Snippet = text
		for _, sp := range spans {
			hits[i].Highlights = append(hits[i].Highlights, domain.TextRange(sp))
		}
	}
	return hits, nil
}

// rate returns the best hit among a node's fields for the query forms, if any
// field matches every word of a form.
func rate(n domain.Node, qforms []string) (domain.SearchHit, bool) {
	var best domain.SearchHit
	found := false
	for _, f := range rank.Fields(n) {
		fforms := textnorm.Forms(f.Text)
		tokens := textnorm.AllTokens(f.Text)
		for _, form := range qforms {
			dist, ok := matchWords(strings.Fields(form), tokens)
			if !ok {
				continue
			}
			score, exact := f.Score(fforms, qforms, dist)
			if !found || score > best.Score {
				best = domain.SearchHit{Node: n, Score: score, Field: f.Field, Matched: f.Text, Exact: exact}
				found = true
			}
		}
	}
	return best, found
}

// matchWords reports whether every query word matches a field word (equal, a
// prefix for the last query word, or within the typo tolerance of its length),
// with the summed distance of the best matches.
func matchWords(words, tokens []string) (int, bool) {
	total := 0
	for i, w := range words {
		k := textnorm.MaxTypos(utf8.RuneCountInString(w))
		best := -1
		for _, t := range tokens {
			d := -1
			switch {
			case t == w, i == len(words)-1 && strings.HasPrefix(t, w):
				d = 0
			case k > 0:
				if bd := textnorm.BoundedDistance(w, t, k); bd <= k {
					d = bd
				}
			}
			if d >= 0 && (best < 0 || d < best) {
				best = d
			}
		}
		if best < 0 {
			return 0, false
		}
		total += best
	}
	return total, true
}
