package sourcetext

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// article is a fixture written for these tests: paragraphs, a headline, an
// abbreviation, an initial, a decimal number, curly quotes and a line break
// inside a sentence.
const article = "Fixture headline about the corridor\n\n" +
	"Dr. Amina Q. Khan said the plant cost $25.4 billion. “We will open it\nsoon,” she said. Was it late? No.\n\n" +
	"A second paragraph has one sentence without a full stop"

func TestLocate(t *testing.T) {
	cases := []struct{ quote, want string }{
		{"Amina Q. Khan said", "Amina Q. Khan said"},
		{"We will open it soon,”", "We will open it\nsoon,”"},
		{"  We   will\topen ", "We will open"},
		{"cost $25.4 billion", "cost $25.4 billion"},
	}
	for _, c := range cases {
		r, ok := Locate(article, c.quote)
		if !ok {
			t.Errorf("Locate(%q): not found", c.quote)
			continue
		}
		if got := article[r.Start:r.End]; !strings.HasPrefix(got, strings.Fields(c.want)[0]) || strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(c.want), " ") {
			t.Errorf("Locate(%q) = %q, want %q", c.quote, got, c.want)
		}
	}
	for _, q := range []string{"", "   ", "not in the text", "will  opens"} {
		if _, ok := Locate(article, q); ok {
			t.Errorf("Locate(%q) found something", q)
		}
	}
}

func TestSentence(t *testing.T) {
	cases := []struct{ quote, want string }{
		// The abbreviation and the initial do not end the sentence; the decimal point neither.
		{"Q. Khan", "Dr. Amina Q. Khan said the plant cost $25.4 billion."},
		{"25.4", "Dr. Amina Q. Khan said the plant cost $25.4 billion."},
		// A closing quotation mark after the comma: the sentence goes on to "said.".
		{"open it soon", "“We will open it\nsoon,” she said."},
		{"late", "Was it late?"},
		// A quote over two sentences gets both.
		{"billion. “We will", "Dr. Amina Q. Khan said the plant cost $25.4 billion. “We will open it\nsoon,” she said."},
		// A paragraph break ends a sentence with no full stop; so does the end of the text.
		{"Fixture headline", "Fixture headline about the corridor"},
		{"without a full", "A second paragraph has one sentence without a full stop"},
	}
	for _, c := range cases {
		r, ok := Locate(article, c.quote)
		if !ok {
			t.Fatalf("Locate(%q): not found", c.quote)
		}
		s, cutStart, cutEnd := Sentence(article, r)
		if got := article[s.Start:s.End]; got != c.want || cutStart || cutEnd {
			t.Errorf("Sentence around %q = %q (cut %v %v), want %q", c.quote, got, cutStart, cutEnd, c.want)
		}
	}
}

func TestSentenceCutsLongSentences(t *testing.T) {
	long := strings.Repeat("word ", 200) + "the quote itself " + strings.Repeat("more ", 200) + "end."
	r, ok := Locate(long, "the quote itself")
	if !ok {
		t.Fatal("not found")
	}
	s, cutStart, cutEnd := Sentence(long, r)
	if !cutStart || !cutEnd {
		t.Errorf("cut = %v, %v; want both sides cut", cutStart, cutEnd)
	}
	if r.Start-s.Start > MaxContext || s.End-r.End > MaxContext {
		t.Errorf("context %d..%d around %d..%d exceeds %d bytes a side", s.Start, s.End, r.Start, r.End, MaxContext)
	}
	got := long[s.Start:s.End]
	if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || !strings.HasPrefix(got, "word") || !strings.HasSuffix(got, "more") {
		t.Errorf("context is not cut at words: %q…%q", got[:10], got[len(got)-10:])
	}
}

func TestPassages(t *testing.T) {
	quotes := []string{"Was it late?", "Dr. Amina", "not in the text", "Dr.  Amina", "Fixture headline"}
	ps := Passages(article, quotes)
	var got []string
	for _, p := range ps {
		got = append(got, p.Key)
		if p.Found != (p.Key != "not in the text") {
			t.Errorf("%q: found = %v", p.Key, p.Found)
		}
	}
	want := []string{"Fixture headline", "Dr. Amina", "Was it late?", "not in the text"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("passages = %q, want %q (text order, one per quote, unplaced last)", got, want)
	}
	if ps := Passages("", []string{"a", "b"}); len(ps) != 2 || ps[0].Found || ps[1].Found {
		t.Errorf("without a text: %+v", ps)
	}
}

func TestDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "001_fixture.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	d := NewDir(dir)
	ctx := context.Background()
	text, ok, err := d.SourceText(ctx, &domain.Source{File: "001_fixture.txt"})
	if err != nil || !ok || text != article {
		t.Errorf("SourceText = %q, %v, %v", text, ok, err)
	}
	for _, name := range []string{"absent.txt", "../001_fixture.txt", ".hidden", ""} {
		if _, ok, err := d.SourceText(ctx, &domain.Source{File: name}); ok || err != nil {
			t.Errorf("SourceText(%q) = %v, %v; want no text", name, ok, err)
		}
	}
	if _, ok, _ := NewDir("").SourceText(ctx, &domain.Source{File: "001_fixture.txt"}); ok {
		t.Error("an empty root has a text")
	}
}
