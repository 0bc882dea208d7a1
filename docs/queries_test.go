package docs

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestExamples(t *testing.T) {
	files, err := filepath.Glob("queries/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example files: %v", err)
	}
	ex := Examples()
	if len(ex) != len(files) {
		t.Fatalf("%d examples embedded, %d files", len(ex), len(files))
	}
	var ops []string
	for _, e := range ex {
		b, err := os.ReadFile(filepath.Join("queries", e.File))
		if err != nil || string(b) != e.Query {
			t.Errorf("%s: embedded text differs from the file (%v)", e.File, err)
		}
		if len(e.Operations) == 0 {
			t.Errorf("%s: no named operation", e.File)
		}
		ops = append(ops, e.Operations...)
	}
	if !slices.Contains(ops, "JccCommitments") || !slices.Contains(ops, "Search") {
		t.Errorf("operations = %v", ops)
	}
}
