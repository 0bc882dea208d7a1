package synth_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
)

// perThousand is the shape issue 5 asks of the generator: nodes of each kind
// per 1,000 requested nodes.
var perThousand = map[domain.Kind]float64{
	domain.KindPerson:       300,
	domain.KindOrganization: 150,
	domain.KindMeeting:      40,
	domain.KindCommitment:   350,
	domain.KindProject:      60,
	domain.KindFigure:       100,
}

// TestProportions holds every size to the per-1,000 counts within 5%, and the
// meetings to several series.
func TestProportions(t *testing.T) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			ds := synth.Generate(3, n)
			counts := map[domain.Kind]int{}
			for _, x := range ds.Nodes() {
				counts[x.NodeKind()]++
			}
			for k, per := range perThousand {
				want := per * float64(n) / 1000
				if got := float64(counts[k]); got < 0.95*want || got > 1.05*want {
					t.Errorf("%s: %d, want %.0f ± 5%%", k, counts[k], want)
				}
			}
			series := map[string]int{}
			for _, m := range ds.Meetings {
				series[m.Series]++
			}
			big := 0
			for s, c := range series {
				if s != "" && c >= len(ds.Meetings)/20 {
					big++
				}
			}
			if big < 3 || series[""] == 0 {
				t.Errorf("meetings by series %v: want at least 3 series with 5%% of the meetings each, and meetings outside any series", series)
			}
		})
	}
}

// TestSkewedDegrees checks that a few countries and ministries are hubs: at
// 100,000 nodes they have more than 1,000 links each (so thousands at 1M, where
// the same shares give ten times as many), the busiest country ten times the
// median one, while the median actor has a handful.
func TestSkewedDegrees(t *testing.T) {
	const n = 100_000
	ds := synth.Generate(5, n)
	degree := map[string]int{}
	for _, x := range ds.Nodes() {
		for _, e := range domain.Edges(x) {
			degree[e.From]++
			degree[e.To]++
		}
	}
	hubs := func(ids []string) (count int) {
		for _, id := range ids {
			if degree[id] > n/100 {
				count++
			}
		}
		return count
	}
	var countries, ministries, actors []string
	for _, c := range ds.Countries {
		countries = append(countries, c.ID)
		actors = append(actors, c.ID)
	}
	for _, o := range ds.Organizations {
		if o.Type == domain.OrgMinistry {
			ministries = append(ministries, o.ID)
		}
		actors = append(actors, o.ID)
	}
	for _, p := range ds.Persons {
		actors = append(actors, p.ID)
	}
	// Every country is busy at this size, but a few far more than the rest.
	cd := make([]int, len(countries))
	for i, id := range countries {
		cd[i] = degree[id]
	}
	slices.Sort(cd)
	if c, top, median := hubs(countries), cd[len(cd)-1], cd[len(cd)/2]; c < 3 || top < 10*median {
		t.Errorf("%d of %d countries have over %d links, the top %d, the median %d; want a top ten times the median",
			c, len(countries), n/100, top, median)
	}
	if m := hubs(ministries); m < 1 || m > 10 {
		t.Errorf("%d of %d ministries have over %d links; want a few", m, len(ministries), n/100)
	}
	actorDegrees := make([]int, len(actors))
	for i, id := range actors {
		actorDegrees[i] = degree[id]
	}
	slices.Sort(actorDegrees)
	if median, top := actorDegrees[len(actorDegrees)/2], actorDegrees[len(actorDegrees)-1]; median > 20 || top < 1000*max(median, 1) {
		t.Errorf("actor degrees: median %d, top %d; want a handful and a hub a thousand times larger", median, top)
	}
}
