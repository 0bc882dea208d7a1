// Package sourcetext places evidence quotes in the text of their source: where a
// quote lies (comparing as the seed's quote check does, after whitespace
// normalisation) and the sentence around it. The explorer's reader view and
// evidence panel show a passage with only that sentence by default, because the
// articles are not Corridor's to republish (seed/LICENSE.md); Dir reads the texts
// of the seed articles from the seeds directory.
package sourcetext

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
)

// Dir reads the texts of sources from a directory of article files, by their
// Source.File name (the seeds directory, CORRIDOR_SEEDS_DIR). Texts are read once
// and kept; a file that is absent is remembered as absent.
type Dir struct {
	root  string
	mu    sync.Mutex
	texts map[string]*string // file name → text, nil when absent
}

// NewDir returns a Dir over root. An empty root has no texts.
func NewDir(root string) *Dir {
	return &Dir{root: root, texts: map[string]*string{}}
}

// plainName accepts the file names the seed accepts for Source.File: no
// directories, nothing hidden.
var plainName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// SourceText implements domain.SourceTexts: the text of the file s names, when it
// is in the directory.
func (d *Dir) SourceText(ctx context.Context, s *domain.Source) (string, bool, error) {
	if d == nil || d.root == "" || s == nil || !plainName.MatchString(s.File) {
		return "", false, nil
	}
	if err := ctx.Err(); err != nil {
		return "", false, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.texts[s.File]; ok {
		if t == nil {
			return "", false, nil
		}
		return *t, true, nil
	}
	b, err := os.ReadFile(filepath.Join(d.root, s.File))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.texts[s.File] = nil
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("sourcetext: reading %s: %w", s.File, err)
	}
	text := string(b)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	d.texts[s.File] = &text
	return text, true, nil
}

// Locate returns the byte range of text that quote stands for, comparing as the
// seed's quote check does: every run of whitespace counts as one space, and the
// ends are trimmed. The first occurrence wins; false when the text does not hold
// the quote.
func Locate(text, quote string) (domain.TextRange, bool) {
	return collapse(text).locate(quote)
}

// collapsed is a text with every run of whitespace as one space and the ends
// trimmed (norm), and for each byte of norm the offset of the byte of the text it
// comes from (a collapsed space maps to the first whitespace of its run).
type collapsed struct {
	text, norm string
	at         []int
}

// collapse returns text collapsed: made once per text, it locates any number of
// quotes.
func collapse(text string) collapsed {
	var b strings.Builder
	b.Grow(len(text))
	at := make([]int, 0, len(text))
	space := false
	for i, r := range text {
		if unicode.IsSpace(r) {
			if b.Len() > 0 && !space {
				space = true
				b.WriteByte(' ')
				at = append(at, i)
			}
			continue
		}
		space = false
		n := b.Len()
		b.WriteRune(r)
		for j := n; j < b.Len(); j++ {
			at = append(at, i+j-n)
		}
	}
	s := b.String()
	if strings.HasSuffix(s, " ") {
		s, at = s[:len(s)-1], at[:len(at)-1]
	}
	return collapsed{text: text, norm: s, at: at}
}

// locate is Locate over a collapsed text.
func (c collapsed) locate(quote string) (domain.TextRange, bool) {
	q := Key(quote)
	if q == "" {
		return domain.TextRange{}, false
	}
	i := strings.Index(c.norm, q)
	if i < 0 {
		return domain.TextRange{}, false
	}
	last := i + len(q) - 1 // the last byte of the quote in norm
	_, size := utf8.DecodeRuneInString(c.text[c.at[last]:])
	return domain.TextRange{Start: c.at[i], End: c.at[last] + size}, true
}

// MaxContext bounds the context Sentence returns on each side of the quote, in
// bytes: a sentence that runs on longer is cut at a word and marked with "…".
const MaxContext = 300

// Sentence returns the sentence or sentences of text that hold the range r: from
// the start of the sentence where r starts to the end of the sentence where it
// ends. Sentences end at ".", "!" or "?" (followed by any closing quotation mark
// or bracket, then whitespace) unless the word before is a common abbreviation or
// an initial, and at paragraph breaks (a blank line); a single line break is
// whitespace like any other. Each side is cut to
// MaxContext bytes at a word boundary; cut reports on which sides that happened.
func Sentence(text string, r domain.TextRange) (s domain.TextRange, cutStart, cutEnd bool) {
	start := r.Start
	for start > 0 && !boundaryBefore(text, start) {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	end := r.End
	for end < len(text) && !boundaryAfter(text, end) {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	if r.Start-start > MaxContext {
		start = wordStart(text, r.Start-MaxContext)
		cutStart = true
	}
	if end-r.End > MaxContext {
		end = wordEnd(text, r.End+MaxContext)
		cutEnd = true
	}
	// Leading and trailing whitespace is not part of the sentence.
	for start < r.Start {
		c, size := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(c) {
			break
		}
		start += size
	}
	for end > r.End {
		c, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(c) {
			break
		}
		end -= size
	}
	return domain.TextRange{Start: start, End: end}, cutStart, cutEnd
}

// boundaryBefore reports whether a sentence may start at byte i of text: after
// a paragraph break (a blank line), or after a sentence's end and whitespace.
func boundaryBefore(text string, i int) bool {
	j, lines := i, 0
	for j > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsSpace(c) {
			break
		}
		if c == '\n' {
			lines++
		}
		j -= size
	}
	return lines >= 2 || (j < i && sentenceEnd(text, j))
}

// boundaryAfter reports whether a sentence ends at byte i of text: before a
// paragraph break, or after a sentence's end and before whitespace or the end of
// the text.
func boundaryAfter(text string, i int) bool {
	j, lines := i, 0
	for j < len(text) {
		c, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(c) {
			break
		}
		if c == '\n' {
			lines++
		}
		j += size
	}
	return lines >= 2 || ((j > i || j == len(text)) && sentenceEnd(text, i))
}

// closers may follow a sentence's final punctuation.
const closers = `"'”’»)]`

// sentenceEnd reports whether text[:j] ends a sentence: with ".", "!" or "?" and
// any closing marks, where a full stop does not end an abbreviation or an initial.
func sentenceEnd(text string, j int) bool {
	for j > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:j])
		if !strings.ContainsRune(closers, c) {
			break
		}
		j -= size
	}
	if j == 0 {
		return false
	}
	switch text[j-1] {
	case '!', '?':
		return true
	case '.':
		return !abbreviation(text[:j-1])
	}
	return false
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "no": true,
	"jr": true, "sr": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "gen": true,
	"lt": true, "col": true, "gov": true, "sen": true, "rep": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "approx": true, "engr": true,
}

// abbreviation reports whether the word that ends s (before a full stop) is an
// abbreviation or a single capital letter (an initial, as in "A. Khan" or "U.S.").
func abbreviation(s string) bool {
	k := len(s)
	for k > 0 {
		c, size := utf8.DecodeLastRuneInString(s[:k])
		if !(unicode.IsLetter(c) || c == '.') {
			break
		}
		k -= size
	}
	word := s[k:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		c, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(c)
	}
	return abbreviations[strings.ToLower(word)] || strings.Contains(word, ".")
}

// wordStart moves i forward to the start of a word (past a partial word and the
// whitespace after it); wordEnd moves i back to the end of a word.
func wordStart(text string, i int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for i < len(text) {
		c, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(c) {
			break
		}
		i += size
	}
	for i < len(text) {
		c, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(c) {
			break
		}
		i += size
	}
	return i
}

func wordEnd(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	for i > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(c) {
			break
		}
		i -= size
	}
	for i > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(c) {
			break
		}
		i -= size
	}
	return i
}

// Passage is one distinct quote of a source, placed in the source's text.
type Passage struct {
	// Quote is the quote as first given.
	Quote string
	// Key is the quote after whitespace normalisation: quotes with the same key
	// are one passage.
	Key string
	// Found is set when the text holds the quote; Position, Context, CutStart and
	// CutEnd are set only then.
	Found bool
	// Position is the quote's byte range in the text.
	Position domain.TextRange
	// Context is the byte range of the sentence or sentences around the quote;
	// CutStart and CutEnd say that it was cut short on that side (see Sentence).
	Context          domain.TextRange
	CutStart, CutEnd bool
}

// Key returns the passage key of a quote: the quote after whitespace
// normalisation.
func Key(quote string) string { return strings.Join(strings.Fields(quote), " ") }

// Passages returns one Passage per distinct quote (by Key), those the text holds
// first, in the order of the text (then by length, longest first), then the
// others in the order given. With no text (text == ""), no quote is found.
func Passages(text string, quotes []string) []Passage {
	var found, missing []Passage
	seen := map[string]bool{}
	c := collapse(text)
	for _, q := range quotes {
		k := Key(q)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		p := Passage{Quote: q, Key: k}
		if r, ok := c.locate(q); ok {
			p.Found, p.Position = true, r
			p.Context, p.CutStart, p.CutEnd = Sentence(text, r)
			found = append(found, p)
			continue
		}
		missing = append(missing, p)
	}
	slices.SortStableFunc(found, func(a, b Passage) int {
		if c := cmp.Compare(a.Position.Start, b.Position.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.Position.End, a.Position.End)
	})
	return append(found, missing...)
}
