package durable_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/durable"
)

// datasetJSON writes ds as a JSON dataset document (seed.LoadJSON's format).
func datasetJSON(tb testing.TB, ds *domain.Dataset) []byte {
	tb.Helper()
	doc := map[string][]any{}
	for _, n := range ds.Nodes() {
		var rec any
		if err := seed.Encode(n).Decode(&rec); err != nil {
			tb.Fatal(err)
		}
		key := strings.ToLower(string(n.NodeKind())) + "s"
		if n.NodeKind() == domain.KindCountry {
			key = "countries"
		}
		doc[key] = append(doc[key], rec)
	}
	data, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// BenchmarkImport100k imports a synthetic dataset of about 100,000 records from
// one JSON document into an empty store: parse, validate, one bbolt transaction,
// one index build and swap.
func BenchmarkImport100k(b *testing.B) {
	ds := synth.Generate(1, 100_000)
	data := datasetJSON(b, ds)
	b.SetBytes(int64(len(data)))
	b.ReportMetric(float64(len(ds.Nodes())), "records")
	for b.Loop() {
		b.StopTimer()
		s, err := durable.Open(context.Background(), durable.Options{Path: filepath.Join(b.TempDir(), "corridor.db")})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.Import(context.Background(), "bench", func(g seed.Graph) (*domain.Dataset, error) {
			return seed.LoadJSON(context.Background(), "synth.json", data, g, seed.ImportOptions{})
		})
		if err != nil {
			b.Fatal(err)
		}
		if res.Added != len(ds.Nodes()) {
			b.Fatalf("added %d of %d", res.Added, len(ds.Nodes()))
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkWriteSeed measures one Update on the bundled seed: validation, the
// commit (an fsync) and the index rebuild.
func BenchmarkWriteSeed(b *testing.B) {
	s := MustOpen(b, bundled(b))
	p := newPerson("person:bench", "Bench")
	if _, err := s.Create(context.Background(), "bench", p); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Update(context.Background(), "bench", p); err != nil {
			b.Fatal(err)
		}
	}
}
