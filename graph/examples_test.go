package graph

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/docs"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/memory"
)

// TestExampleQueries runs every query of docs/queries (the playground's
// examples) against the bundled dataset: each must explain itself in leading
// comments, pass the default limits, return no error, and hold every expect
// snippet of its sidecar (docs.Example.Expect) in its compact JSON response.
func TestExampleQueries(t *testing.T) {
	examples := docs.Examples()
	if len(examples) < 5 {
		t.Fatalf("example queries: %d", len(examples))
	}
	ds, err := seed.Load(context.Background(), seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		t.Fatalf("load the bundled dataset: %v", err)
	}
	store, err := memory.New(ds)
	if err != nil {
		t.Fatalf("memory.New: %v", err)
	}
	srv := mustServe(t, store.Ports(), quietConfig())
	for _, ex := range examples {
		f, src, expects := ex.File, ex.Query, ex.Expect
		t.Run(f, func(t *testing.T) {
			if !strings.HasPrefix(src, "# ") {
				t.Errorf("%s does not start with a comment saying what it shows", f)
			}
			if len(expects) == 0 {
				t.Errorf("%s has no expect snippets in its sidecar", f)
			}
			r := post(t, srv, src, nil)
			var data map[string]any
			r.decode(t, &data)
			for field, v := range data {
				if v == nil {
					t.Errorf("%s: %s is null", f, field)
				}
			}
			if countItems(data) == 0 {
				t.Errorf("%s found nothing: %s", f, r.Data)
			}
			compact, err := json.Marshal(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range expects {
				if !strings.Contains(string(compact), e) {
					t.Errorf("%s: response lacks %s", f, e)
				}
			}
		})
	}
}

// countItems counts the elements of every list in a decoded JSON value.
func countItems(v any) int {
	switch v := v.(type) {
	case []any:
		n := len(v)
		for _, x := range v {
			n += countItems(x)
		}
		return n
	case map[string]any:
		n := 0
		for _, x := range v {
			n += countItems(x)
		}
		return n
	}
	return 0
}
