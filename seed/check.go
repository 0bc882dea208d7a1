package seed

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
)

// MaxQuoteLength is the longest evidence quote accepted, in characters after
// whitespace normalisation: a quote must read in a tooltip.
const MaxQuoteLength = 300

// checkRefs reports references to missing nodes or to nodes of the wrong kind.
func (l *loader) checkRefs() {
	for _, ref := range l.refs {
		loc, ok := l.nodes[ref.id]
		if !ok && l.stored != nil {
			if n := l.stored.Node(ref.id); n != nil {
				loc, ok = nodeLoc{kind: n.NodeKind()}, true
			}
		}
		var msg string
		switch {
		case !ok:
			msg = fmt.Sprintf("%q does not exist; expected the ID of %s", ref.id, ref.what)
			if s := l.nearestID(ref.id, ref.kinds); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
		case len(ref.kinds) > 0 && !slices.Contains(ref.kinds, loc.kind):
			msg = fmt.Sprintf("%q is of kind %s; expected the ID of %s", ref.id, loc.kind, ref.what)
		default:
			continue
		}
		l.errorAt(ref.file, ref.at, ref.record, ref.field, msg)
	}
}

// nearestID suggests an existing ID of one of kinds (any kind when none) close to id.
func (l *loader) nearestID(id string, kinds []domain.Kind) string {
	var cands []string
	for c, loc := range l.nodes {
		if len(kinds) == 0 || slices.Contains(kinds, loc.kind) {
			cands = append(cands, c)
		}
	}
	slices.Sort(cands) // deterministic among ties
	return nearest(id, cands)
}

// checkGraph reports cycles of parents and of programmes, and two meetings
// with the same number in one series.
func (l *loader) checkGraph() {
	orgParent := map[string]string{}
	for _, o := range l.ds.Organizations {
		orgParent[o.ID] = o.ParentID
	}
	progParent := map[string]string{}
	for _, p := range l.ds.Programmes {
		progParent[p.ID] = p.PartOfID
	}
	l.checkCycles(orgParent, "parent", func(n domain.Node) (string, bool) {
		o, ok := n.(*domain.Organization)
		if !ok {
			return "", false
		}
		return o.ParentID, true
	})
	l.checkCycles(progParent, "partOf", func(n domain.Node) (string, bool) {
		p, ok := n.(*domain.Programme)
		if !ok {
			return "", false
		}
		return p.PartOfID, true
	})

	type slot struct {
		series string
		seq    int
	}
	seen := map[slot]string{}
	for _, m := range l.ds.Meetings {
		if m.Series == "" || m.Sequence == nil {
			continue
		}
		k := slot{m.Series, *m.Sequence}
		other, dup := seen[k]
		if !dup && l.stored != nil {
			// A stored meeting holds the number unless this load replaces it.
			if id := l.stored.MeetingNumbered(m.Series, *m.Sequence); id != "" && id != m.ID {
				if _, replaced := l.nodes[id]; !replaced {
					other, dup = id, true
				}
			}
		}
		if dup {
			loc := l.nodes[m.ID]
			l.errorAt(loc.file, loc.at, m.ID, "sequence",
				fmt.Sprintf("%s meeting number %d is already %s; one meeting per number in a series", m.Series, *m.Sequence, other))
			continue
		}
		seen[k] = m.ID
	}
}

// checkCycles reports every node whose chain of parents leads back to itself.
// Parents outside the map are looked up in the stored graph with storedParent.
func (l *loader) checkCycles(parent map[string]string, field string, storedParent func(domain.Node) (string, bool)) {
	parentOf := func(id string) string {
		if p, ok := parent[id]; ok {
			return p
		}
		if l.stored != nil {
			if n := l.stored.Node(id); n != nil {
				p, _ := storedParent(n)
				return p
			}
		}
		return ""
	}
	ids := make([]string, 0, len(parent))
	for id := range parent {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		cur := parent[id]
		for steps := 0; cur != "" && steps <= len(parent)+maxStoredDepth; steps++ {
			if cur == id {
				loc := l.nodes[id]
				l.errorAt(loc.file, loc.at, id, field,
					fmt.Sprintf("following %s from here leads back to %s: a cycle", field, id))
				break
			}
			cur = parentOf(cur)
		}
	}
}

// checkQuotes reads every source's article from seedsDir and checks that each
// quote is in it. Quotes that are too long are reported whether or not the
// texts are read.
func (l *loader) checkQuotes(ctx context.Context, seedsDir string) error {
	texts := map[string]string{} // source ID → normalised text
	names := map[string]string{} // source ID → file name
	for _, id := range sortedKeys(l.sources) {
		s := l.sources[id]
		data, err := os.ReadFile(filepath.Join(seedsDir, s.name))
		if errors.Is(err, fs.ErrNotExist) {
			l.errorAt(s.file, s.at, s.record, "file",
				fmt.Sprintf("%q is not in the seeds directory %s", s.name, seedsDir))
			continue
		} else if err != nil {
			return fmt.Errorf("seed: reading source text %s: %w", s.name, err)
		}
		texts[id] = Normalize(string(data))
		names[id] = s.name
	}
	l.storedTexts(seedsDir, texts, names)
	for _, q := range l.quotes {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("seed: checking quotes: %w", err)
		}
		text, ok := texts[q.sourceID]
		if !ok {
			continue // the missing source or file is reported already
		}
		quote := Normalize(q.quote)
		if strings.Contains(text, quote) {
			continue
		}
		l.errorAt(q.file, q.at, q.record, q.field,
			fmt.Sprintf("not found in %s (after whitespace normalisation)%s", names[q.sourceID], quoteHint(text, quote)))
	}
	return nil
}

// checkQuoteLengths reports quotes too long for a tooltip.
func (l *loader) checkQuoteLengths() {
	for _, q := range l.quotes {
		if n := utf8.RuneCountInString(Normalize(q.quote)); n > MaxQuoteLength {
			l.errorAt(q.file, q.at, q.record, q.field,
				fmt.Sprintf("%d characters; keep quotes to at most %d (the smallest excerpt that proves the claim)", n, MaxQuoteLength))
		}
	}
}

// quoteHint explains where a quote parts from the text: it finds the longest
// start of the quote that the text holds, and says whether straight quotation
// marks would match as curly ones.
func quoteHint(text, quote string) string {
	if strings.Contains(straighten(text), straighten(quote)) {
		return "; it matches if its quotation marks and apostrophes are written as in the text (’ ‘ “ ” are not ' \")"
	}
	// Containment of a prefix is monotone in its length: binary search the longest.
	runes := []rune(quote)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(text, string(runes[:mid])) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo < 10 {
		return ""
	}
	matched := string(runes[:lo])
	i := strings.Index(text, matched)
	after := []rune(text[i+len(matched):])
	if len(after) > 30 {
		after = after[:30]
	}
	return fmt.Sprintf("; the text has %q and then %q, the quote goes on with %q",
		tail(matched, 40), string(after), head(string(runes[lo:]), 30))
}

// straighten replaces curly quotation marks and apostrophes with straight ones.
var straighten = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace

// head returns at most n leading runes of s; tail at most n trailing runes.
func head(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
