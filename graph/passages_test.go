package graph

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/sourcetext"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/memory"
)

// fixtureArticle writes, for the source, an article of its own quotes: each quote
// in a paragraph between a sentence before and a sentence after, in reverse order
// of the claims (so that the text's order is not the claims' order). It returns
// the text and the distinct quotes in the text's order: by where each first
// occurs (a short quote may occur first inside a longer one), longer first.
func fixtureArticle(t *testing.T, dir string, src *domain.Source, ds *domain.Dataset) (string, []string) {
	t.Helper()
	var quotes []string
	seen := map[string]bool{}
	for _, n := range ds.Nodes() {
		for _, ev := range domain.Claims(n) {
			if k := sourcetext.Key(ev.Quote); ev.SourceID == src.ID && !seen[k] {
				seen[k] = true
				quotes = append([]string{k}, quotes...)
			}
		}
	}
	var b strings.Builder
	b.WriteString("Fixture headline for " + src.ID + "\n\n")
	for i, q := range quotes {
		b.WriteString("A sentence before passage " + string(rune('A'+i%26)) + ". " + q + " And a sentence after.\n\n")
	}
	text := b.String()
	if err := os.WriteFile(filepath.Join(dir, src.File), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(quotes, func(a, b string) int {
		if c := cmp.Compare(strings.Index(text, a), strings.Index(text, b)); c != 0 {
			return c
		}
		return cmp.Compare(len(b), len(a))
	})
	return text, quotes
}

// TestSourcePassages checks Source.passages and Source.text over the bundled
// dataset with fixture articles this test writes: passages in the text's order,
// each with its sentence and the claims quoting it; the whole text only with
// ServeSourceText; no context without a text.
func TestSourcePassages(t *testing.T) {
	ctx := context.Background()
	ds, err := seed.Load(ctx, seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	store, err := memory.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	src := ds.Sources[0]
	dir := t.TempDir()
	text, quotes := fixtureArticle(t, dir, src, ds)

	const q = `query($id: ID!) { node(id: $id) { ... on Source {
		text
		claims { quote }
		passages { quote context highlight { start end } position { start end } claims { node { id } quote } }
	} } }`
	type passage struct {
		Quote     string
		Context   *string
		Highlight *struct{ Start, End int }
		Position  *struct{ Start, End int }
		Claims    []struct {
			Node  struct{ ID string }
			Quote string
		}
	}
	var out struct {
		Node struct {
			Text     *string
			Claims   []struct{ Quote string }
			Passages []passage
		}
	}
	run := func(cfg Config) {
		t.Helper()
		out.Node.Text, out.Node.Passages = nil, nil
		post(t, mustServe(t, store.Ports(), cfg), q, map[string]any{"id": src.ID}).decode(t, &out)
	}

	cfg := quietConfig()
	cfg.SourceTexts = sourcetext.NewDir(dir)
	run(cfg)
	if out.Node.Text != nil {
		t.Error("Source.text served without ServeSourceText")
	}
	if len(out.Node.Passages) != len(quotes) {
		t.Fatalf("%d passages, want one per distinct quote: %d", len(out.Node.Passages), len(quotes))
	}
	claims := 0
	for i, p := range out.Node.Passages {
		if sourcetext.Key(p.Quote) != quotes[i] {
			t.Errorf("passage %d is %q, want %q (the text's order)", i, p.Quote, quotes[i])
		}
		if p.Context == nil || p.Highlight == nil || p.Position == nil {
			t.Fatalf("passage %q is not placed: %+v", p.Quote, p)
		}
		ctxRunes := []rune(*p.Context) // the fixture is BMP-only: UTF-16 offsets are rune offsets
		if got := string(ctxRunes[p.Highlight.Start:p.Highlight.End]); sourcetext.Key(got) != quotes[i] {
			t.Errorf("highlight of passage %d is %q, want its quote", i, got)
		}
		if !strings.HasPrefix(*p.Context, "A sentence before") && !strings.HasPrefix(*p.Context, "Fixture headline") &&
			!strings.HasPrefix(*p.Context, sourcetext.Key(p.Quote)) {
			t.Errorf("context of passage %d does not start at a sentence: %q", i, *p.Context)
		}
		if got := string([]rune(text)[p.Position.Start:p.Position.End]); sourcetext.Key(got) != quotes[i] {
			t.Errorf("position of passage %d is %q in the text", i, got)
		}
		for _, c := range p.Claims {
			if sourcetext.Key(c.Quote) != quotes[i] || c.Node.ID == "" {
				t.Errorf("passage %d lists claim %+v", i, c)
			}
		}
		claims += len(p.Claims)
	}
	if claims != len(out.Node.Claims) {
		t.Errorf("passages hold %d claims, Source.claims %d", claims, len(out.Node.Claims))
	}

	cfg.ServeSourceText = true
	run(cfg)
	if out.Node.Text == nil || *out.Node.Text != text {
		t.Errorf("Source.text with ServeSourceText = %v, want the fixture article", out.Node.Text)
	}

	run(quietConfig()) // no texts at all, switch or not
	if out.Node.Text != nil || len(out.Node.Passages) != len(quotes) {
		t.Fatalf("without texts: text %v, %d passages", out.Node.Text, len(out.Node.Passages))
	}
	for _, p := range out.Node.Passages {
		if p.Context != nil || p.Highlight != nil || p.Position != nil {
			t.Errorf("passage %q placed without a text", p.Quote)
		}
	}
}
