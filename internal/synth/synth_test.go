package synth_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
)

func TestDeterministic(t *testing.T) {
	a, b := synth.Generate(42, 1000), synth.Generate(42, 1000)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Generate(42, 1000) differs between two calls")
	}
	c := synth.Generate(43, 1000)
	if reflect.DeepEqual(a, c) {
		t.Error("Generate with seeds 42 and 43 gave the same dataset")
	}
}

func TestValid(t *testing.T) {
	for _, n := range []int{0, 1, 10, 100, 1000, 5000} {
		ds := synth.Generate(int64(n), n)
		if _, err := memory.New(ds); err != nil {
			t.Errorf("Generate(_, %d) is not a valid dataset: %v", n, err)
		}
		for _, node := range ds.Nodes() {
			if node.NodeKind() != domain.KindSource && len(node.NodeEvidence()) == 0 {
				t.Errorf("n=%d: %s has no evidence", n, node.NodeID())
			}
		}
		for _, c := range ds.Commitments {
			if len(c.MadeByIDs) == 0 {
				t.Errorf("n=%d: %s has no maker", n, c.ID)
			}
		}
	}
}

func TestCounts(t *testing.T) {
	const n = 2000
	ds := synth.Generate(7, n)
	within := func(name string, got int, per float64) {
		t.Helper()
		want := per * n
		if float64(got) < 0.9*want || float64(got) > 1.1*want {
			t.Errorf("%s: %d, want about %.0f", name, got, want)
		}
	}
	within("persons", len(ds.Persons), 0.30)
	within("organizations", len(ds.Organizations), 0.15)
	within("meetings", len(ds.Meetings), 0.04)
	within("commitments", len(ds.Commitments), 0.35)
	within("projects", len(ds.Projects), 0.06)
	within("figures", len(ds.Figures), 0.10)
	total := len(ds.Nodes())
	if total < n || total > n*13/10 {
		t.Errorf("total %d nodes, want roughly %d", total, n)
	}
	for _, k := range domain.Kinds {
		found := slices.ContainsFunc(ds.Nodes(), func(x domain.Node) bool { return x.NodeKind() == k })
		if !found {
			t.Errorf("no node of kind %s", k)
		}
	}
}

func TestShape(t *testing.T) {
	ds := synth.Generate(1, 2000)
	s, err := memory.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// Skewed degrees: the busiest actor makes many times the median's commitments.
	var actors []string
	for _, n := range ds.Nodes() {
		if n.NodeKind().IsActor() {
			actors = append(actors, n.NodeID())
		}
	}
	made, err := s.Related(ctx, actors, domain.TraverseCommitmentsMade)
	if err != nil {
		t.Fatal(err)
	}
	degrees := make([]int, len(made))
	for i, m := range made {
		degrees[i] = len(m)
	}
	slices.Sort(degrees)
	top, median := degrees[len(degrees)-1], degrees[len(degrees)/2]
	if top < 20 || top < 10*max(1, median) {
		t.Errorf("commitments made: top actor %d, median %d; want a skewed distribution", top, median)
	}
	// Meeting series with sequences, and meetings outside any series.
	jcc, err := s.Meetings(ctx, domain.MeetingFilter{Series: ptr("JCC")}, domain.Order{Field: "SEQUENCE"}, domain.PageArgs{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	if jcc.TotalCount < 5 || jcc.Items[0].Sequence == nil || *jcc.Items[0].Sequence != 1 {
		t.Errorf("JCC series: %d meetings, first %+v", jcc.TotalCount, jcc.Items[0].Sequence)
	}
	loose := 0
	for _, m := range ds.Meetings {
		if m.Series == "" {
			loose++
		}
	}
	if loose == 0 {
		t.Error("every meeting belongs to a series")
	}
	// Repeated and unknown dates occur in commitments.
	unknown, dates := 0, map[string]int{}
	for _, c := range ds.Commitments {
		if !c.Date.Known() {
			unknown++
		}
		dates[c.Date.Value]++
	}
	if unknown == 0 || len(dates) == len(ds.Commitments) {
		t.Errorf("commitment dates: %d unknown, %d distinct of %d", unknown, len(dates), len(ds.Commitments))
	}
}

func ptr[T any](v T) *T { return &v }

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		synth.Generate(1, 10000)
	}
}
