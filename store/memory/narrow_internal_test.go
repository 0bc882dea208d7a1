package memory

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
)

// TestNarrowedScans checks that lists and commitmentStats give the same
// answers whether a scan visits only the candidates or the whole list
// (narrowRatio decides between them by the candidates' share).
func TestNarrowedScans(t *testing.T) {
	ds := synth.Generate(3, 3000)
	s, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	hub, actor := ds.Countries[0].ID, ds.Persons[0].ID
	meeting, pillar, programme := ds.Meetings[0].ID, ds.Pillars[0].ID, ds.Programmes[0].ID
	series := ds.Meetings[0].Series
	filters := []domain.CommitmentFilter{
		{MadeByID: &hub}, {MadeByID: &actor}, {MadeToID: &hub}, {MeetingID: &meeting},
		{ConcernsID: &pillar}, {PillarID: &pillar}, {ProgrammeID: &programme}, {Series: &series},
		{MadeByID: &hub, Kinds: []domain.CommitmentKind{domain.CommitmentPledge}},
	}
	// answers lists every answer under the current narrowRatio.
	answers := func() []string {
		var out []string
		for _, f := range filters {
			pg, err := s.Commitments(ctx, f, domain.Order{Field: "STATEMENT", Desc: true}, domain.PageArgs{First: 100})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(pg.TotalCount, pg.HasNextPage, pg.Items, pg.Cursors))
			gs, err := s.CommitmentStats(ctx, domain.GroupActor, f, 0)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%+v", gs))
		}
		actors, err := s.Actors(ctx, domain.ActorFilter{CountryID: &hub}, domain.Order{}, domain.PageArgs{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		meetings, err := s.Meetings(ctx, domain.MeetingFilter{ParticipantID: &hub}, domain.Order{}, domain.PageArgs{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		projects, err := s.Projects(ctx, domain.ProjectFilter{ProgrammeID: &programme}, domain.Order{}, domain.PageArgs{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		return append(out, fmt.Sprint(actors.TotalCount, actors.Items), fmt.Sprint(meetings.TotalCount, meetings.Items),
			fmt.Sprint(projects.TotalCount, projects.Items))
	}
	defer func(r int) { narrowRatio = r }(narrowRatio)
	narrowRatio = 1 // visit the candidates whenever there are no more than nodes
	narrowed := answers()
	narrowRatio = 1 << 30 // visit every node
	scanned := answers()
	for i := range narrowed {
		if narrowed[i] != scanned[i] {
			t.Errorf("answer %d differs:\ncandidates only: %.300s\nwhole list:      %.300s", i, narrowed[i], scanned[i])
		}
	}
	if strings.HasPrefix(narrowed[0], "0 ") {
		t.Errorf("the hub made no commitment: the test checks little")
	}
}
