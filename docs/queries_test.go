package docs

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
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
		if _, err := readSidecar(filepath.Join("queries", e.File)); err != nil {
			t.Errorf("%s: %v", e.File, err)
		}
		if e.Title == "" || e.Summary == "" || len(e.Expect) == 0 {
			t.Errorf("%s: its sidecar needs a title, a summary and expect snippets: %+v", e.File, e)
		}
		if strings.Contains(e.Query, "# expect") {
			t.Errorf("%s: test expectations belong in the sidecar, not in what users see", e.File)
		}
		ops = append(ops, e.Operations...)
	}
	if !slices.Contains(ops, "JccCommitments") || !slices.Contains(ops, "Search") {
		t.Errorf("operations = %v", ops)
	}
}
