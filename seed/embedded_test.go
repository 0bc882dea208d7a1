package seed

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// realSeedsDir returns the directory of the real articles, failing the test with
// a clear message when it cannot be found.
func realSeedsDir(t *testing.T) string {
	t.Helper()
	dir, err := FindSeedsDir()
	if err != nil {
		t.Fatalf("the article texts are needed to check the dataset's quotes: %v; set %s to the directory holding 000_*.txt … 004_*.txt", err, SeedsDirEnv)
	}
	return dir
}

// loadEmbedded loads the bundled dataset with every check on.
func loadEmbedded(t *testing.T) (*domain.Dataset, string) {
	t.Helper()
	dir := realSeedsDir(t)
	ds, err := Load(context.Background(), Files, Options{SeedsDir: dir})
	if err != nil {
		t.Fatalf("the bundled dataset (seed/data) does not load:\n%v", err)
	}
	return ds, dir
}

func TestEmbeddedDatasetValid(t *testing.T) {
	ds, dir := loadEmbedded(t)
	info, err := Info()
	if err != nil {
		t.Fatalf("Info: %v", err)
	}
	if info.Version == "" || ds.Version != info.Version {
		t.Errorf("dataset version %q, dataset.yaml says %q", ds.Version, info.Version)
	}
	for _, n := range ds.Nodes() {
		if n.NodeKind() != domain.KindSource && len(n.NodeEvidence()) == 0 {
			t.Errorf("%s has no evidence", n.NodeID())
		}
		if m, ok := n.(*domain.Meeting); ok {
			for i, p := range m.Participants {
				if len(p.Evidence) == 0 {
					t.Errorf("%s participant %d (%s) has no evidence", m.ID, i, p.ActorID)
				}
			}
			for i, d := range m.DocumentsSigned {
				if len(d.Evidence) == 0 {
					t.Errorf("%s documentsSigned %d has no evidence", m.ID, i)
				}
			}
		}
	}
	// The dataset is read from the articles: each one is a Source of it.
	articles, err := articleFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	for _, a := range articles {
		if !slices.ContainsFunc(ds.Sources, func(s *domain.Source) bool { return s.File == a }) {
			t.Errorf("article %s is not the file of any Source in seed/data/sources.yaml", a)
		}
	}
}

func TestEmbeddedFilesAreKnown(t *testing.T) {
	entries, err := fs.ReadDir(Files, "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := kindFiles[e.Name()]; !ok && e.Name() != datasetFile {
			t.Errorf("seed/data/%s is not a known data file", e.Name())
		}
	}
}

func TestPathPrefix(t *testing.T) {
	if got := pathPrefix(Files, Options{}); got != "seed/" {
		t.Errorf("prefix for Files = %q, want seed/ so errors read seed/data/…", got)
	}
	if got := pathPrefix(Files, Options{PathPrefix: "x/"}); got != "x/" {
		t.Errorf("prefix for Files with PathPrefix x/ = %q", got)
	}
	if got := pathPrefix(fixture(t), Options{}); got != "" {
		t.Errorf("prefix for another file system = %q, want none", got)
	}
}

func TestCoverage(t *testing.T) {
	ds, dir := loadEmbedded(t)
	md, err := os.ReadFile("COVERAGE.md")
	if err != nil {
		t.Fatalf("seed/COVERAGE.md maps every sentence of every article to records; it is required: %v", err)
	}
	if err := CheckCoverage(md, ds, dir); err != nil {
		t.Fatalf("seed/COVERAGE.md is out of step with the articles or the data:\n%v", err)
	}
}
