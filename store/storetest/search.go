package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
)

// search runs a search and returns the hits' IDs.
func search(t *testing.T, s domain.Store, q domain.SearchQuery) ([]domain.SearchHit, []string) {
	t.Helper()
	hits, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		if h.Node == nil {
			t.Fatalf("Search(%q): hit %d has no node", q.Text, i)
		}
		ids[i] = h.Node.NodeID()
		if i > 0 && hits[i-1].Score < h.Score {
			t.Errorf("Search(%q): hit %d (%s, %v) scores above hit %d (%v)", q.Text, i, ids[i], h.Score, i-1, hits[i-1].Score)
		}
	}
	if dup := len(ids) - len(slices.Compact(sorted(ids))); dup > 0 {
		t.Errorf("Search(%q): %d duplicate hits in %q", q.Text, dup, ids)
	}
	for _, h := range hits {
		checkSnippet(t, q.Text, h)
	}
	return hits, ids
}

// checkSnippet checks what every hit's snippet satisfies: it is the matched text or
// an excerpt of it, and its highlights are ordered, disjoint ranges on rune
// boundaries of it, at least one of them.
func checkSnippet(t *testing.T, text string, h domain.SearchHit) {
	t.Helper()
	id := h.Node.NodeID()
	body := strings.TrimSuffix(strings.TrimPrefix(h.Snippet, "…"), "…")
	if h.Snippet == "" || !strings.Contains(h.Matched, body) {
		t.Errorf("Search(%q) %s: snippet %q is not an excerpt of the matched text %q", text, id, h.Snippet, h.Matched)
	}
	if len(h.Highlights) == 0 {
		t.Errorf("Search(%q) %s: snippet %q has no highlight", text, id, h.Snippet)
	}
	end := 0
	for _, r := range h.Highlights {
		if r.Start < end || r.End <= r.Start || r.End > len(h.Snippet) ||
			!utf8.ValidString(h.Snippet[r.Start:r.End]) || !utf8.ValidString(h.Snippet[:r.Start]) {
			t.Errorf("Search(%q) %s: highlight %v of %q is out of order, empty, out of bounds or cuts a rune", text, id, r, h.Snippet)
			return
		}
		end = r.End
	}
}

// highlighted returns the highlighted parts of a hit's snippet.
func highlighted(h domain.SearchHit) []string {
	var out []string
	for _, r := range h.Highlights {
		out = append(out, h.Snippet[r.Start:r.End])
	}
	return out
}

func testSearch(t *testing.T, s domain.Store) {
	// first checks that id is the first hit, with the given field and exactness.
	first := func(t *testing.T, text, id, field string, exact bool) {
		t.Helper()
		hits, ids := search(t, s, domain.SearchQuery{Text: text})
		if len(hits) == 0 || ids[0] != id {
			t.Errorf("Search(%q) = %q, want %s first", text, ids, id)
			return
		}
		if hits[0].Field != field || hits[0].Exact != exact || hits[0].Matched == "" {
			t.Errorf("Search(%q) first hit: field %q exact %v matched %q, want %q %v", text, hits[0].Field, hits[0].Exact, hits[0].Matched, field, exact)
		}
	}
	has := func(t *testing.T, text, id string, want bool) {
		t.Helper()
		_, ids := search(t, s, domain.SearchQuery{Text: text})
		if slices.Contains(ids, id) != want {
			t.Errorf("Search(%q) = %q; contains %s: %v, want %v", text, ids, id, !want, want)
		}
	}
	t.Run("CaseAndDiacritics", func(t *testing.T) {
		first(t, "Anusha", "person:anusha-rehman", "NAME", false)
		first(t, "anusha rehman", "person:anusha-rehman", "NAME", true)
		first(t, "ÁNÚSHA REHMAN", "person:anusha-rehman", "NAME", true)
		hits, _ := search(t, s, domain.SearchQuery{Text: "anusha"})
		if len(hits) > 0 && hits[0].Matched != "Ánúsha Rehman" {
			t.Errorf("Matched = %q, want the original text %q", hits[0].Matched, "Ánúsha Rehman")
		}
	})
	t.Run("Hyphens", func(t *testing.T) {
		for _, q := range []string{"E-Corridor", "e-corridor", "ecorridor", "e corridor", "E–Corridor!"} {
			first(t, q, "project:e-corridor", "NAME", true)
		}
		has(t, "cross border fibre", "project:fibre-cable", true)
		has(t, "crossborder fibre", "project:fibre-cable", true)
	})
	t.Run("Typos", func(t *testing.T) {
		has(t, "Anusa", "person:anusha-rehman", true)    // 5 letters, 1 edit
		has(t, "Rehmna", "person:anusha-rehman", false)  // 6 letters, 2 edits (transposition)
		has(t, "Anxsa", "person:anusha-rehman", false)   // 5 letters, 2 edits
		has(t, "Ambasador", "role:yao-ambassador", true) // 9 letters, 1 edit
		has(t, "Telecomunicaton", "org:moit", true)      // 15 letters, 2 edits
		has(t, "Telecomunicatin", "org:moit", true)      // 15 letters, 2 edits
		has(t, "Telecmunicatin", "org:moit", false)      // 14 letters, 3 edits
		has(t, "Yao", "person:yao-jing", true)           // exact short word
		has(t, "Yeo", "person:yao-jing", false)          // 3 letters: no typo allowed
		has(t, "Jing Yoa", "person:yao-jing", false)     // 3 letters, last word: prefix only
		first(t, "Pakistan Softwere Export Board", "org:pseb", "NAME", false)
	})
	t.Run("WordsAndPrefixes", func(t *testing.T) {
		has(t, "rehman anusha", "person:anusha-rehman", true)
		has(t, "anusha smith", "person:anusha-rehman", false)
		has(t, "Pakistan Soft", "org:pseb", true)
		has(t, "Pak Software", "org:pseb", false)
		has(t, "ambassador", "role:yao-ambassador", true)
		hits, ids := search(t, s, domain.SearchQuery{Text: "satellite"})
		if i := slices.Index(ids, "commitment:c10"); i < 0 || hits[i].Field != "STATEMENT" {
			t.Errorf("Search(satellite) = %q; want commitment:c10 matched on STATEMENT", ids)
		}
	})
	t.Run("Ranking", func(t *testing.T) {
		first(t, "PSEB", "org:pseb", "ACRONYM", true)
		first(t, "ndrc", "org:ndrc", "ACRONYM", true)
		first(t, "JCC", "org:jcc", "ACRONYM", true)
		// exact name above a prefix match of a title.
		hits, ids := search(t, s, domain.SearchQuery{Text: "e-corridor"})
		if i := slices.Index(ids, "source:alpha"); i < 1 || !(hits[0].Score > hits[i].Score) {
			t.Errorf("Search(e-corridor) = %q: want source:alpha (prefix) ranked strictly below the exact name", ids)
		}
		// acronym above a name it begins.
		_, ids = search(t, s, domain.SearchQuery{Text: "pseb"})
		if slices.Index(ids, "project:pseb-tower") < 1 {
			t.Errorf("Search(pseb) = %q: want project:pseb-tower after org:pseb", ids)
		}
		// prefix above all-tokens: "jcc working" begins the group's name, not the meetings'.
		_, ids = search(t, s, domain.SearchQuery{Text: "jcc working"})
		if len(ids) == 0 || ids[0] != "org:jcc-it-group" {
			t.Errorf("Search(jcc working) = %q, want org:jcc-it-group first", ids)
		}
	})
	t.Run("Kinds", func(t *testing.T) {
		hits, ids := search(t, s, domain.SearchQuery{Text: "pseb", Kinds: []domain.Kind{domain.KindProject, domain.KindCommitment}})
		for _, h := range hits {
			if k := h.Node.NodeKind(); k != domain.KindProject && k != domain.KindCommitment {
				t.Errorf("Search(pseb, kinds PROJECT/COMMITMENT) returned a %s", k)
			}
		}
		if !slices.Contains(ids, "project:pseb-tower") || !slices.Contains(ids, "commitment:c02") {
			t.Errorf("Search(pseb, kinds PROJECT/COMMITMENT) = %q", ids)
		}
	})
	t.Run("First", func(t *testing.T) {
		_, all := search(t, s, domain.SearchQuery{Text: "jcc"})
		if len(all) < 4 {
			t.Fatalf("Search(jcc) = %q, want at least 4 hits", all)
		}
		_, two := search(t, s, domain.SearchQuery{Text: "jcc", First: 2})
		if !slices.Equal(two, all[:2]) {
			t.Errorf("Search(jcc, first 2) = %q, want %q", two, all[:2])
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		// Words found only in evidence quotes: a commitment's, a meeting's
		// participation.
		for _, c := range []struct{ text, id, matched string }{
			{"operational", "commitment:c07", "the fibre cable is now operational"},
			{"sought", "commitment:c06", "sought support"},
			{"chief guest", "meeting:it-roundtable", "Anusha Rehman, chief guest"},
		} {
			hits, ids := search(t, s, domain.SearchQuery{Text: c.text})
			i := slices.Index(ids, c.id)
			if i < 0 || hits[i].Field != "QUOTE" || hits[i].Matched != c.matched {
				t.Errorf("Search(%q) = %q; want %s matched on QUOTE %q", c.text, ids, c.id, c.matched)
			}
		}
		// A name outranks a quote that mentions it.
		_, ids := search(t, s, domain.SearchQuery{Text: "Anusha Rehman"})
		if len(ids) == 0 || ids[0] != "person:anusha-rehman" {
			t.Errorf("Search(Anusha Rehman) = %q, want the person first", ids)
		}
	})
	t.Run("Highlights", func(t *testing.T) {
		for _, c := range []struct {
			text, id string
			want     []string
		}{
			{"anusha", "person:anusha-rehman", []string{"Ánúsha"}},
			{"rehman anusha", "person:anusha-rehman", []string{"Ánúsha", "Rehman"}},
			{"Pakistan Softwere Export Board", "org:pseb", []string{"Pakistan", "Software", "Export", "Board"}},
			{"e corridor", "project:e-corridor", []string{"E-Corridor"}},
			{"operational", "commitment:c07", []string{"operational"}},
		} {
			hits, ids := search(t, s, domain.SearchQuery{Text: c.text})
			i := slices.Index(ids, c.id)
			if i < 0 {
				t.Errorf("Search(%q) = %q, want %s", c.text, ids, c.id)
				continue
			}
			if got := highlighted(hits[i]); !slices.Equal(got, c.want) {
				t.Errorf("Search(%q) %s: snippet %q highlights %q, want %q", c.text, c.id, hits[i].Snippet, got, c.want)
			}
		}
	})
	t.Run("Blank", func(t *testing.T) {
		for _, text := range []string{"", "   "} {
			_, err := s.Search(context.Background(), domain.SearchQuery{Text: text})
			wantCode(t, "Search("+text+")", err, domain.EINVALID, "text")
		}
	})
}
