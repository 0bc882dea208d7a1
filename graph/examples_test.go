package graph

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/memory"
)

// TestExampleQueries runs every query of docs/queries (the playground's example
// tabs) against the bundled dataset: each must explain itself in leading comments,
// pass the default limits, return no error, and find something.
func TestExampleQueries(t *testing.T) {
	files, err := filepath.Glob("../docs/queries/*.graphql")
	if err != nil || len(files) < 5 {
		t.Fatalf("example queries: %v, %v", files, err)
	}
	ds, err := seed.Load(context.Background(), seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		t.Fatalf("load the bundled dataset: %v", err)
	}
	store, err := memory.New(ds)
	if err != nil {
		t.Fatalf("memory.New: %v", err)
	}
	srv := mustServe(t, store, quietConfig())
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(src), "# ") {
				t.Errorf("%s does not start with a comment saying what it shows", f)
			}
			r := post(t, srv, string(src), nil)
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
