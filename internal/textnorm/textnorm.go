// Package textnorm normalises text for search and matching: names, titles and
// statements are compared ignoring case, diacritics, hyphens and punctuation.
//
// The rules, applied by Normalize:
//   - the text is decomposed (Unicode NFD) and combining marks are dropped, so
//     "Ánúsha" becomes "anusha"; a few letters that do not decompose are folded
//     by hand (ß → ss, ø → o, ł → l, æ → ae, œ → oe, đ → d, ı → i);
//   - letters are lower-cased; letters and digits are kept;
//   - hyphens (-, U+2010, U+2011, the soft hyphen) and apostrophes join the words
//     around them: "E-Corridor" → "ecorridor", "Pakistan's" → "pakistans";
//     en and em dashes separate words like other punctuation;
//   - every other character (punctuation, symbols, spaces) separates words, and
//     runs of separators collapse into one space; the result is trimmed.
//
// Because a hyphenated word may also be written as two words, NormalizeSplit
// treats hyphens as separators instead ("E-Corridor" → "e corridor"), and Forms
// returns both forms: an index that stores both matches "ecorridor",
// "e-corridor" and "e corridor" alike.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folds maps letters that have no canonical decomposition to ASCII.
var folds = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'đ': "d", 'Đ': "d", 'ı': "i", 'ħ': "h", 'þ': "th",
}

// isHyphen reports whether r is a hyphen (not an en or em dash).
func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011' || r == '\u00ad'
}

// isApostrophe reports whether r is an apostrophe or a character used as one.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '´':
		return true
	}
	return false
}

// normalize implements Normalize (splitHyphens=false) and NormalizeSplit (true).
func normalize(s string, splitHyphens bool) string {
	// An invalid byte separates words. It becomes a space before
	// normalisation: norm.NFD leaves the character after an invalid byte
	// undecomposed ("\xf6ā" kept its macron), so the result changed when
	// normalised again.
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pendingSpace && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pendingSpace = false
			// Lower-case first, so that a capital folds as its small letter does (Ħ → ħ → h).
			r = unicode.ToLower(r)
			if f, ok := folds[r]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(r)
			}
		case isApostrophe(r) || (isHyphen(r) && !splitHyphens):
			continue
		default:
			pendingSpace = true
		}
	}
	return b.String()
}

// Normalize returns s lower-cased, without diacritics, with hyphens and
// apostrophes removed (joining words) and other punctuation and whitespace
// collapsed into single spaces. See the package comment for the rules.
func Normalize(s string) string { return normalize(s, false) }

// NormalizeSplit is Normalize except that hyphens separate words instead of
// joining them: "E-Corridor" → "e corridor". Apostrophes still join.
func NormalizeSplit(s string) string { return normalize(s, true) }

// Forms returns the distinct normalised forms of s: Normalize(s) and, when it
// differs, NormalizeSplit(s). Empty forms are left out.
func Forms(s string) []string {
	joined, split := Normalize(s), NormalizeSplit(s)
	switch {
	case joined == "":
		return nil
	case joined == split:
		return []string{joined}
	}
	return []string{joined, split}
}

// Tokens returns the words of Normalize(s).
func Tokens(s string) []string { return strings.Fields(Normalize(s)) }

// AllTokens returns the distinct words of every form of s (joined and split), in
// order of first appearance: "E-Corridor plan" → ["ecorridor", "plan", "e", "corridor"].
func AllTokens(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range Forms(s) {
		for _, w := range strings.Fields(f) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Distance returns the Levenshtein edit distance between a and b, counted in
// runes (insertions, deletions and substitutions each cost 1).
func Distance(a, b string) int {
	return BoundedDistance(a, b, -1)
}

// BoundedDistance returns the Levenshtein distance between a and b if it is at
// most max, and max+1 otherwise (a negative max means no bound). Bounding lets
// callers reject distant words without filling the whole table.
func BoundedDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if max >= 0 && len(ra)-len(rb) > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if max >= 0 && rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	d := prev[len(rb)]
	if max >= 0 && d > max {
		return max + 1
	}
	return d
}

// MaxTypos returns how many edits a query word of n runes tolerates: 0 below 4
// runes, 1 from 4, 2 from 8.
func MaxTypos(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}
