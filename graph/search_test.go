package graph

import (
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/model"
)

// jsSlice slices s as JavaScript's String.prototype.slice does (UTF-16 indices).
func jsSlice(s string, start, end int) string {
	u := utf16.Encode([]rune(s))
	return string(utf16.Decode(u[start:end]))
}

func TestSearchSnippets(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	type hit struct {
		Node       struct{ ID string }
		Field      string
		Matched    string
		Snippet    string
		Highlights []struct{ Start, End int }
	}
	search := func(text string) []hit {
		t.Helper()
		var got struct{ Search []hit }
		post(t, srv, `query($t: String!) { search(text: $t) { node { id } field matched snippet highlights { start end } } }`,
			map[string]any{"t": text}).decode(t, &got)
		return got.Search
	}
	marked := func(h hit) []string {
		var out []string
		for _, r := range h.Highlights {
			out = append(out, jsSlice(h.Snippet, r.Start, r.End))
		}
		return out
	}
	for _, c := range []struct {
		text, id, field string
		want            []string
	}{
		// Accents: "Ánúsha" is 6 UTF-16 code units but 8 bytes.
		{"rehman anusha", "person:anusha-rehman", "NAME", []string{"Ánúsha", "Rehman"}},
		{"PSEB", "org:pseb", "ACRONYM", []string{"PSEB"}},
		{"operational", "commitment:c07", "QUOTE", []string{"operational"}},
	} {
		hits := search(c.text)
		i := slices.IndexFunc(hits, func(h hit) bool { return h.Node.ID == c.id })
		if i < 0 {
			t.Errorf("search(%q) = %+v, want %s", c.text, hits, c.id)
			continue
		}
		h := hits[i]
		if h.Field != c.field || h.Snippet == "" {
			t.Errorf("search(%q) %s: field %q snippet %q, want field %s", c.text, c.id, h.Field, h.Snippet, c.field)
		}
		if got := marked(h); !slices.Equal(got, c.want) {
			t.Errorf("search(%q) %s: highlights %q of %q, want %q", c.text, c.id, got, h.Snippet, c.want)
		}
	}
}

func TestUTF16Ranges(t *testing.T) {
	s := "a😀 Ánúsha b" // the emoji is 4 bytes and 2 UTF-16 units; Á and ú 2 bytes and 1 unit each
	start := len("a😀 ")
	rs := []domain.TextRange{{Start: 0, End: 1}, {Start: start, End: start + len("Ánúsha")}, {Start: 2, End: 3}, {Start: 5, End: 100}}
	got := utf16Ranges(s, rs)
	want := []*model.TextRange{{Start: 0, End: 1}, {Start: 4, End: 10}}
	if len(got) != len(want) || *got[0] != *want[0] || *got[1] != *want[1] {
		t.Fatalf("utf16Ranges = %+v, want %+v (ranges inside a rune or past the end dropped)", got, want)
	}
	if jsSlice(s, got[1].Start, got[1].End) != "Ánúsha" {
		t.Errorf("JavaScript slice of %v is %q", got[1], jsSlice(s, got[1].Start, got[1].End))
	}
	if r := utf16Ranges("x", nil); r == nil || len(r) != 0 {
		t.Errorf("no ranges = %#v, want an empty list (the field is non-null)", r)
	}
}
