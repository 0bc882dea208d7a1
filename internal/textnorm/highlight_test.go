package textnorm

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// marked renders text with its spans in [brackets].
func marked(text string, spans []Span) string {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		b.WriteString(text[at:s.Start])
		b.WriteString("[" + text[s.Start:s.End] + "]")
		at = s.End
	}
	b.WriteString(text[at:])
	return b.String()
}

func TestMatchSpans(t *testing.T) {
	cases := []struct{ text, query, want string }{
		{"Ánúsha Rehman", "anusha", "[Ánúsha] Rehman"},
		{"Ánúsha Rehman", "rehman anusha", "[Ánúsha] [Rehman]"},
		{"Minister Anusha Rehman said", "Anusa", "Minister [Anusha] Rehman said"}, // one typo
		{"Anusha Rehman", "Anxsa", "Anusha Rehman"},                               // two typos in five runes
		{"The E-Corridor plan", "ecorridor", "The [E-Corridor] plan"},
		{"The E-Corridor plan", "e-corridor", "The [E-Corridor] plan"},
		{"The E-Corridor plan", "corridor", "The E-[Corridor] plan"},
		{"The E-Corridor plan", "e corridor", "The [E-Corridor] plan"},
		{"Pakistan Software Export Board (PSEB)", "pseb", "Pakistan Software Export Board ([PSEB])"},
		{"Pakistan Software Export Board", "Pakistan Soft", "[Pakistan] [Software] Export Board"}, // last word as a prefix
		{"software soft", "soft pakistan", "software [soft]"},                                     // only the last word is a prefix
		{"Pakistan's IT exports", "pakistans", "[Pakistan's] IT exports"},
		{`"We will push," he said.`, "push", `"We will [push]," he said.`},
		{"中巴经济走廊 corridor", "中巴经济走廊", "[中巴经济走廊] corridor"},
		{"nothing here", "zebra", "nothing here"},
		{"anything", "...", "anything"},
	}
	for _, c := range cases {
		if got := marked(c.text, MatchSpans(c.text, c.query)); got != c.want {
			t.Errorf("MatchSpans(%q, %q) = %s, want %s", c.text, c.query, got, c.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	short := "IT is the 7th pillar"
	if got, spans := Excerpt(short, []Span{{10, 13}}, 40); got != short || !slices.Equal(spans, []Span{{10, 13}}) {
		t.Errorf("short text: %q %v", got, spans)
	}
	long := strings.Repeat("lorem ipsum dolor ", 10) + "the Digital Corridor " + strings.Repeat("sit amet consectetur ", 10)
	spans := MatchSpans(long, "digital")
	got, gs := Excerpt(long, spans, 60)
	if !strings.HasPrefix(got, Ellipsis) || !strings.HasSuffix(got, Ellipsis) {
		t.Errorf("excerpt %q lacks ellipses at both ends", got)
	}
	if n := utf8.RuneCountInString(got); n > 60+2 {
		t.Errorf("excerpt %q has %d runes, want about 60", got, n)
	}
	if len(gs) != 1 || got[gs[0].Start:gs[0].End] != "Digital" {
		t.Errorf("excerpt %q spans %v, want one on Digital", got, gs)
	}
	if strings.Contains(got, "lorem ipsum dolor lorem ipsum dolor lorem ipsum dolor lorem") {
		t.Errorf("excerpt %q does not start near the match", got)
	}
	// Every span of the excerpt lies on a rune boundary and on matched text.
	for _, s := range gs {
		if !utf8.ValidString(got[s.Start:s.End]) {
			t.Errorf("span %v cuts a rune in %q", s, got)
		}
	}
	// A match near the start: no leading ellipsis; spans past the window are dropped.
	text := "Digital " + strings.Repeat("word ", 40) + "digital"
	got, gs = Excerpt(text, MatchSpans(text, "digital"), 30)
	if strings.HasPrefix(got, Ellipsis) || !strings.HasSuffix(got, Ellipsis) || len(gs) != 1 || gs[0] != (Span{0, 7}) {
		t.Errorf("excerpt %q spans %v", got, gs)
	}
	// Multi-byte text keeps offsets on rune boundaries after the ellipsis shift.
	text = strings.Repeat("Ánúsha ", 30) + "Rehman " + strings.Repeat("Ánúsha ", 30)
	got, gs = Excerpt(text, MatchSpans(text, "rehman"), 40)
	if len(gs) != 1 || got[gs[0].Start:gs[0].End] != "Rehman" {
		t.Errorf("excerpt %q spans %v, want one on Rehman", got, gs)
	}
}
