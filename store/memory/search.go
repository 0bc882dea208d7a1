package memory

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// searchField is one searchable text of a node.
type searchField struct {
	domain.SearchField
	node  domain.Node
	forms []string
	// rank breaks ties between fields of one node (lower first).
	rank int
}

// searchIndex is an inverted index from normalised words to the fields holding them.
type searchIndex struct {
	fields []searchField
	// vocab holds every word, sorted, with its length in runes.
	vocab    []string
	vocabLen []int
	// vocabNumber marks the words made of digits only (numbers in quotes and
	// titles): a query word without digits is never within typo reach of one.
	vocabNumber []bool
	postings    map[string][]int32
}

// buildSearch indexes the searchable fields of the nodes.
func buildSearch(nodes []domain.Node) *searchIndex {
	si := &searchIndex{postings: map[string][]int32{}}
	for _, n := range nodes {
		for rank, sf := range domain.SearchFields(n) {
			f := searchField{SearchField: sf, node: n, forms: textnorm.Forms(sf.Text), rank: rank}
			if len(f.forms) == 0 {
				continue
			}
			i := int32(len(si.fields))
			si.fields = append(si.fields, f)
			for _, w := range textnorm.AllTokens(f.Text) {
				si.postings[w] = append(si.postings[w], i)
			}
		}
	}
	for w := range si.postings {
		si.vocab = append(si.vocab, w)
	}
	slices.Sort(si.vocab)
	si.vocabLen = make([]int, len(si.vocab))
	si.vocabNumber = make([]bool, len(si.vocab))
	for i, w := range si.vocab {
		si.vocabLen[i] = utf8.RuneCountInString(w)
		si.vocabNumber[i] = !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) })
	}
	return si
}

// wordMatches returns the vocabulary words a query word matches, with their edit
// distance: the word itself; for the last query word, every word it is a prefix of;
// for words of 4+ runes, words within 1 edit (2 from 8 runes).
func (si *searchIndex) wordMatches(ctx context.Context, w string, last bool) (map[string]int, error) {
	m := map[string]int{}
	if _, ok := si.postings[w]; ok {
		m[w] = 0
	}
	if last {
		for i := sort.SearchStrings(si.vocab, w); i < len(si.vocab) && strings.HasPrefix(si.vocab[i], w); i++ {
			m[si.vocab[i]] = 0
		}
	}
	n := utf8.RuneCountInString(w)
	hasDigit := strings.ContainsFunc(w, unicode.IsDigit)
	if k := textnorm.MaxTypos(n); k > 0 {
		for i, v := range si.vocab {
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			// Every rune of a number differs from a word without digits, so
			// their distance is at least the number's length, beyond k.
			if _, ok := m[v]; ok || abs(si.vocabLen[i]-n) > k || si.vocabNumber[i] && !hasDigit {
				continue
			}
			if d := textnorm.BoundedDistance(w, v, k); d <= k {
				m[v] = d
			}
		}
	}
	return m, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// candidates returns the fields in which every word of the query form matches
// some word, with the summed edit distance of the best matches.
func (si *searchIndex) candidates(ctx context.Context, form string) (map[int32]int, error) {
	words := strings.Fields(form)
	var acc map[int32]int
	for i, w := range words {
		matches, err := si.wordMatches(ctx, w, i == len(words)-1)
		if err != nil {
			return nil, err
		}
		best := map[int32]int{}
		for v, d := range matches {
			for _, f := range si.postings[v] {
				if old, ok := best[f]; !ok || d < old {
					best[f] = d
				}
			}
		}
		if acc == nil {
			acc = best
			continue
		}
		for f, d := range acc {
			if bd, ok := best[f]; ok {
				acc[f] = d + bd
			} else {
				delete(acc, f)
			}
		}
		if len(acc) == 0 {
			break
		}
	}
	return acc, nil
}

// searchNodes runs a search query.
func (ix *index) searchNodes(ctx context.Context, q domain.SearchQuery) ([]domain.SearchHit, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: search: %w", err)
	}
	qforms := textnorm.Forms(q.Text)
	if len(qforms) == 0 {
		return nil, domain.FieldErrorf(domain.EINVALID, "text", "search text must contain a letter or digit")
	}
	first, err := q.PageSize()
	if err != nil {
		return nil, err
	}
	si := ix.search
	// Best hit per node.
	best := map[string]domain.SearchHit{}
	bestRank := map[string]int{}
	for _, form := range qforms {
		cands, err := si.candidates(ctx, form)
		if err != nil {
			return nil, fmt.Errorf("memory: search: %w", err)
		}
		for fi, dist := range cands {
			f := &si.fields[fi]
			if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, f.node.NodeKind()) {
				continue
			}
			score, exact := f.Score(f.forms, qforms, dist)
			id := f.node.NodeID()
			old, seen := best[id]
			if seen && (old.Score > score || (old.Score == score && bestRank[id] <= f.rank)) {
				continue
			}
			best[id] = domain.SearchHit{Node: f.node, Score: score, Field: f.Field, Matched: f.Text, Exact: exact}
			bestRank[id] = f.rank
		}
	}
	hits := make([]domain.SearchHit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b domain.SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score),
			strings.Compare(ix.labels[a.Node.NodeID()], ix.labels[b.Node.NodeID()]),
			strings.Compare(a.Node.NodeID(), b.Node.NodeID()))
	})
	if len(hits) > first {
		hits = hits[:first]
	}
	for i := range hits {
		hits[i].Snippet, hits[i].Highlights = snippet(hits[i].Matched, q.Text)
	}
	return hits, nil
}

// snippet returns the excerpt of a hit's matched text and the ranges of it that
// match the query.
func snippet(text, query string) (string, []domain.TextRange) {
	s, spans := textnorm.Snippet(text, query, textnorm.SnippetRunes)
	out := make([]domain.TextRange, len(spans))
	for i, sp := range spans {
		out[i] = domain.TextRange(sp)
	}
	return s, out
}
