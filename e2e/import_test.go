package e2e

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importDoc is a JSON dataset document of two persons; the second names an
// unknown country on line 4 when bad is set.
func importDoc(bad bool) string {
	country := "country:china"
	if bad {
		country = "country:chna"
	}
	ev := `"evidence": [{"source": "source:pakistan-invites-china-digital", "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}]`
	return `{"persons": [
  {"id": "person:imp-a", "name": "Imp A", "nationality": "country:china", ` + ev + `},
  {"id": "person:imp-b", "name": "Imp B",
   "nationality": "` + country + `", ` + ev + `}]}`
}

// TestImportCommand imports through `corridor import` into the embedded store: a
// bad record rejects the whole file with its path, line and column; a dry run
// writes nothing; the import then serves both records; CSV tables round-trip
// through the export.
func TestImportCommand(t *testing.T) {
	dataDir, dir := t.TempDir(), t.TempDir()
	file := filepath.Join(dir, "people.json")
	run := func(args ...string) (string, error) {
		out, err := corridorCmd(t, append(args, "CORRIDOR_DATA_DIR="+dataDir)...).CombinedOutput()
		return string(out), err
	}
	if err := os.WriteFile(file, []byte(importDoc(true)), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := run("import", file); err == nil || !strings.Contains(out, file+":4:") || !strings.Contains(out, "nothing written") {
		t.Fatalf("bad import: %v\n%s", err, out)
	}
	if err := os.WriteFile(file, []byte(importDoc(false)), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := run("import", "--dry-run", file); err != nil || !strings.Contains(out, "dry run") || !strings.Contains(out, "2 added") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if out, err := run("export", "--format", "json", "--ids", "person:imp-a", "-"); err == nil || !strings.Contains(out, "person:imp-a") {
		t.Fatalf("after a dry run, person:imp-a should be unknown to the export: %v\n%s", err, out)
	}
	if out, err := run("import", file); err != nil || !strings.Contains(out, "imported "+file+": 2 added, 0 replaced") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	// The CSV tables of an export import back, replacing the same records (the
	// two persons and the source their evidence cites, which the export adds).
	zipFile := filepath.Join(dir, "people.zip")
	if out, err := run("export", "--format", "csv", "--ids", "person:imp-a,person:imp-b", zipFile); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	csvDir := filepath.Join(dir, "csv")
	unzip(t, zipFile, csvDir)
	if out, err := run("import", csvDir); err != nil || !strings.Contains(out, "0 added, 3 replaced") {
		t.Fatalf("CSV import: %v\n%s", err, out)
	}

	s := startServer(t, "CORRIDOR_DATA_DIR="+dataDir)
	var got struct{ Nodes []*struct{ ID, Label string } }
	s.query(t, `{ nodes(ids: ["person:imp-a", "person:imp-b"]) { id label } }`, nil).mustData(t, &got)
	if len(got.Nodes) != 2 || got.Nodes[0] == nil || got.Nodes[1] == nil || got.Nodes[1].Label != "Imp B" {
		t.Errorf("imported persons: %+v", got.Nodes)
	}
}

// unzip extracts the files of the zip archive at path into dir.
func unzip(t *testing.T, path, dir string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Name)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
