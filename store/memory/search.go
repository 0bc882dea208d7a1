package memory

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/rank"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// searchField is one searchable text of a node, with its first normalised
// form (textnorm.Forms); the second, when the text has one, is in
// searchIndex.splits.
type searchField struct {
	text   string
	joined string
	// node is the node's position in searchIndex.nodes.
	node int32
	// kind numbers the field's Field and Weight in searchIndex.kinds.
	kind uint16
	// rank breaks ties between fields of one node (lower first); ranks past
	// the largest uint16 count as the largest.
	rank uint16
}

// searchIndex is an inverted index from normalised words to the fields holding
// them, kept in flat arrays: the vocabulary sorted, and the postings of word i
// (field numbers, ascending) at post[postOff[i]:postOff[i+1]].
type searchIndex struct {
	// nodes and labels hold the nodes and their normalised labels.
	nodes  []domain.Node
	labels []string
	fields []searchField
	// splits holds the second normalised form of the fields that have one
	// (hyphenated words split), by field number.
	splits map[int32]string
	// kinds holds the distinct Field and Weight pairs of the fields (Text unset).
	kinds []rank.Field
	// vocab holds every word, sorted, with its length in runes.
	vocab    []string
	vocabLen []int32
	// vocabNumber marks the words made of digits only (numbers in quotes and
	// titles): a query word without digits is never within typo reach of one.
	vocabNumber []bool
	postOff     []int32
	post        []int32
}

// forms returns the normalised forms of field i, in buf.
func (si *searchIndex) forms(i int32, buf *[2]string) []string {
	buf[0] = si.fields[i].joined
	if split, ok := si.splits[i]; ok {
		buf[1] = split
		return buf[:2]
	}
	return buf[:1]
}

// searchPart holds the fields of some nodes while the index is built, with
// each field's kind and second form ("" when none).
type searchPart struct {
	fields []searchField
	kinds  []rank.Field
	splits []string
}

// buildSearch indexes the searchable fields of the nodes, whose normalised
// labels are labels (same positions). The texts are normalised on every core,
// the words then posted in node order.
func buildSearch(nodes []domain.Node, labels []string) *searchIndex {
	si := &searchIndex{nodes: nodes, labels: labels, splits: map[int32]string{}}
	parts := make([]searchPart, runtime.GOMAXPROCS(0))
	parallelChunks(len(nodes), func(part, lo, hi int) {
		sp := &parts[part]
		for ni := lo; ni < hi; ni++ {
			for i, sf := range rank.Fields(nodes[ni]) {
				forms := textnorm.Forms(sf.Text)
				if len(forms) == 0 {
					continue
				}
				split := ""
				if len(forms) > 1 {
					split = forms[1]
				}
				joined := forms[0]
				if joined == labels[ni] {
					joined = labels[ni] // share the label's copy (names are labels)
				}
				sp.fields = append(sp.fields, searchField{text: sf.Text, joined: joined, node: int32(ni), rank: uint16(min(i, math.MaxUint16))})
				sp.kinds = append(sp.kinds, rank.Field{Field: sf.Field, Weight: sf.Weight})
				sp.splits = append(sp.splits, split)
			}
		}
	})
	total := 0
	for _, sp := range parts {
		total += len(sp.fields)
	}
	si.fields = make([]searchField, 0, total)
	postings := map[string][]int32{}
	kinds := map[rank.Field]uint16{}
	for p := range parts {
		sp := &parts[p]
		for j, f := range sp.fields {
			i := int32(len(si.fields))
			k, ok := kinds[sp.kinds[j]]
			if !ok {
				k = uint16(len(si.kinds))
				kinds[sp.kinds[j]] = k
				si.kinds = append(si.kinds, sp.kinds[j])
			}
			f.kind = k
			si.fields = append(si.fields, f)
			if sp.splits[j] != "" {
				si.splits[i] = sp.splits[j]
			}
			// The distinct words of the forms (those of textnorm.AllTokens,
			// without normalising the text again); a word already posted for
			// this field ends its postings with i.
			for _, form := range [2]string{f.joined, sp.splits[j]} {
				for _, w := range strings.Fields(form) {
					if ps := postings[w]; len(ps) == 0 || ps[len(ps)-1] != i {
						postings[w] = append(ps, i)
					}
				}
			}
		}
		*sp = searchPart{}
	}
	si.vocab = make([]string, 0, len(postings))
	total = 0
	for w, fs := range postings {
		si.vocab = append(si.vocab, w)
		total += len(fs)
	}
	slices.Sort(si.vocab)
	si.vocabLen = make([]int32, len(si.vocab))
	si.vocabNumber = make([]bool, len(si.vocab))
	si.postOff = make([]int32, len(si.vocab)+1)
	si.post = make([]int32, 0, total)
	for i, w := range si.vocab {
		si.vocabLen[i] = int32(utf8.RuneCountInString(w))
		si.vocabNumber[i] = !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) })
		si.post = append(si.post, postings[w]...)
		si.postOff[i+1] = int32(len(si.post))
	}
	return si
}

// word returns the number of a vocabulary word, or false.
func (si *searchIndex) word(w string) (int32, bool) {
	i, ok := slices.BinarySearch(si.vocab, w)
	return int32(i), ok
}

// postings returns the fields holding word i.
func (si *searchIndex) postings(i int32) []int32 { return si.post[si.postOff[i]:si.postOff[i+1]] }

// wordMatches returns the vocabulary words (by number) a query word matches,
// with their edit distance: the word itself; for the last query word, every
// word it is a prefix of; for words of 4+ runes, words within 1 edit (2 from 8
// runes).
func (si *searchIndex) wordMatches(ctx context.Context, w string, last bool) (map[int32]int, error) {
	m := map[int32]int{}
	if i, ok := si.word(w); ok {
		m[i] = 0
	}
	if last {
		for i := sort.SearchStrings(si.vocab, w); i < len(si.vocab) && strings.HasPrefix(si.vocab[i], w); i++ {
			m[int32(i)] = 0
		}
	}
	n := int32(utf8.RuneCountInString(w))
	hasDigit := strings.ContainsFunc(w, unicode.IsDigit)
	if k := textnorm.MaxTypos(int(n)); k > 0 {
		for i, v := range si.vocab {
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			// Every rune of a number differs from a word without digits, so
			// their distance is at least the number's length, beyond k.
			if _, ok := m[int32(i)]; ok || abs(int(si.vocabLen[i]-n)) > k || si.vocabNumber[i] && !hasDigit {
				continue
			}
			if d := textnorm.BoundedDistance(w, v, k); d <= k {
				m[int32(i)] = d
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
			for _, f := range si.postings(v) {
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
	// Best hit per node (by position in si.nodes).
	best := map[int32]domain.SearchHit{}
	bestRank := map[int32]uint16{}
	for _, form := range qforms {
		cands, err := si.candidates(ctx, form)
		if err != nil {
			return nil, fmt.Errorf("memory: search: %w", err)
		}
		for fi, dist := range cands {
			f := &si.fields[fi]
			n := si.nodes[f.node]
			if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, n.NodeKind()) {
				continue
			}
			sf := si.kinds[f.kind]
			var buf [2]string
			score, exact := sf.Score(si.forms(fi, &buf), qforms, dist)
			old, seen := best[f.node]
			if seen && (old.Score > score || (old.Score == score && bestRank[f.node] <= f.rank)) {
				continue
			}
			best[f.node] = domain.SearchHit{Node: n, Score: score, Field: sf.Field, Matched: f.text, Exact: exact}
			bestRank[f.node] = f.rank
		}
	}
	type hit struct {
		domain.SearchHit
		label string
	}
	hits := make([]hit, 0, len(best))
	for i, h := range best {
		hits = append(hits, hit{h, si.labels[i]})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.label, b.label),
			strings.Compare(a.Node.NodeID(), b.Node.NodeID()))
	})
	if len(hits) > first {
		hits = hits[:first]
	}
	out := make([]domain.SearchHit, len(hits))
	for i := range hits {
		out[i] = hits[i].SearchHit
		out[i].Snippet, out[i].Highlights = snippet(out[i].Matched, q.Text)
	}
	return out, nil
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
