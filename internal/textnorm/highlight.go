package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Ellipsis marks where Excerpt cut a text.
const Ellipsis = "…"

// SnippetRunes is the longest snippet of a search hit, in runes (both stores).
const SnippetRunes = 160

// MatchSpans returns the spans of the words of text that match a word of query the
// way search matches them: after normalisation, a text word matches a query word
// when they are equal, when the query word is the last of the query and begins the
// text word, or when the query word has 4 runes or more and the text word is within
// MaxTypos edits of it. A hyphenated word matches as a whole ("E-Corridor" for
// "ecorridor", or "e corridor" whose words match all its parts) or, when they
// match better, by its parts ("Corridor" for "corridor"). Spans are in text
// order and never overlap; words are runs of letters, digits, combining marks,
// apostrophes and hyphens, so a span never holds punctuation or spaces.
func MatchSpans(text, query string) []Span {
	words, last := queryWords(query)
	if len(words) == 0 {
		return nil
	}
	// level rates how a text word matches: 2 equal or prefix, 1 within the typo
	// tolerance, 0 not at all.
	level := func(s string) int {
		w := Normalize(s)
		best := 0
		for _, q := range words {
			if w == "" {
				break
			}
			if w == q || last[q] && strings.HasPrefix(w, q) {
				return 2
			}
			if k := MaxTypos(utf8.RuneCountInString(q)); k > 0 && BoundedDistance(q, w, k) <= k {
				best = 1
			}
		}
		return best
	}
	var spans []Span
	for _, wd := range wordSpans(text) {
		whole := level(text[wd.Start:wd.End])
		parts := hyphenParts(text, wd)
		levels := make([]int, len(parts))
		bestPart, matched := 0, 0
		for i, p := range parts {
			levels[i] = level(text[p.Start:p.End])
			bestPart = max(bestPart, levels[i])
			if levels[i] > 0 {
				matched++
			}
		}
		// The whole word when it matches at least as well as its parts, or when
		// every part matches; else the parts that match.
		if whole > 0 && whole >= bestPart || len(parts) > 0 && matched == len(parts) {
			spans = append(spans, wd)
			continue
		}
		for i, p := range parts {
			if levels[i] > 0 {
				spans = append(spans, p)
			}
		}
	}
	return spans
}

// queryWords returns the distinct words of every form of the query, and which of
// them end a form (those may match as prefixes).
func queryWords(query string) ([]string, map[string]bool) {
	last := map[string]bool{}
	for _, f := range Forms(query) {
		ws := strings.Fields(f)
		last[ws[len(ws)-1]] = true
	}
	return AllTokens(query), last
}

// isWordRune reports whether r belongs to a word for MatchSpans.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || isApostrophe(r) || isHyphen(r)
}

// wordSpans returns the words of text, trimmed of leading and trailing hyphens and
// apostrophes.
func wordSpans(text string) []Span {
	var out []Span
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		s, e := start, end
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:])
			if !isApostrophe(r) && !isHyphen(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[:e])
			if !isApostrophe(r) && !isHyphen(r) {
				break
			}
			e -= n
		}
		if s < e {
			out = append(out, Span{s, e})
		}
		start = -1
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
	}
	flush(len(text))
	return out
}

// hyphenParts splits a word span at its hyphens; nil when it has none.
func hyphenParts(text string, wd Span) []Span {
	var out []Span
	start := wd.Start
	for i, r := range text[wd.Start:wd.End] {
		if isHyphen(r) {
			if wd.Start+i > start {
				out = append(out, Span{start, wd.Start + i})
			}
			start = wd.Start + i + utf8.RuneLen(r)
		}
	}
	if start == wd.Start {
		return nil
	}
	if start < wd.End {
		out = append(out, Span{start, wd.End})
	}
	return out
}

// Excerpt returns text whole when it holds at most maxRunes runes; otherwise a
// window of about maxRunes runes that starts a little before the first span, cut
// at spaces where it can be, with Ellipsis where text was left out. It returns the
// spans that lie wholly inside the window, shifted to the excerpt's offsets.
func Excerpt(text string, spans []Span, maxRunes int) (string, []Span) {
	if utf8.RuneCountInString(text) <= maxRunes {
		return text, spans
	}
	focus := 0
	if len(spans) > 0 {
		focus = spans[0].Start
	}
	// Start up to a quarter of the window before the focus, at a word start.
	start := backRunes(text, focus, maxRunes/4)
	if start > 0 {
		if sp := strings.IndexByte(text[start:focus], ' '); sp >= 0 {
			start += sp + 1
		}
	}
	end := forwardRunes(text, start, maxRunes)
	if end < len(text) {
		if sp := strings.LastIndexByte(text[start:end], ' '); sp > 0 && start+sp > focus {
			end = start + sp
		}
	}
	body := strings.TrimSpace(text[start:end])
	lead := strings.Index(text[start:end], body) + start
	var b strings.Builder
	shift := -lead
	if lead > 0 {
		b.WriteString(Ellipsis)
		shift += len(Ellipsis)
	}
	b.WriteString(body)
	if lead+len(body) < len(text) {
		b.WriteString(Ellipsis)
	}
	var out []Span
	for _, s := range spans {
		if s.Start >= lead && s.End <= lead+len(body) {
			out = append(out, Span{s.Start + shift, s.End + shift})
		}
	}
	return b.String(), out
}

// Snippet returns the excerpt of text (see Excerpt) that shows the words matching
// query (see MatchSpans), and their spans in it.
func Snippet(text, query string, maxRunes int) (string, []Span) {
	return Excerpt(text, MatchSpans(text, query), maxRunes)
}

// backRunes returns the byte offset n runes before i in text (0 at the start).
func backRunes(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// forwardRunes returns the byte offset n runes after i in text (len(text) at the end).
func forwardRunes(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}
