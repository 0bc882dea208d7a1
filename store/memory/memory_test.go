package memory_test

import (
	"context"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/memory"
	"github.com/corridor-kg/corridor/store/storetest"
)

// MustOpen returns a memory store over ds, failing the test on error.
func MustOpen(tb testing.TB, ds *domain.Dataset) *memory.Store {
	tb.Helper()
	s, err := memory.New(ds)
	if err != nil {
		tb.Fatalf("memory.New: %v", err)
	}
	return s
}

func TestNewAcceptsFixture(t *testing.T) {
	MustOpen(t, storetest.Fixture())
}

func TestNewRejects(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(ds *domain.Dataset)
		want   string
	}{
		{"nil dataset", nil, "nil dataset"},
		{"duplicate ID within a kind", func(ds *domain.Dataset) {
			dup := *ds.Persons[0]
			ds.Persons = append(ds.Persons, &dup)
		}, "duplicate ID"},
		{"ID with another kind's prefix", func(ds *domain.Dataset) {
			ds.Organizations[0].ID = ds.Persons[0].ID
		}, "prefix"},
		{"empty ID", func(ds *domain.Dataset) { ds.Countries[0].ID = "" }, "no ID"},
		{"nil node", func(ds *domain.Dataset) { ds.Figures = append(ds.Figures, nil) }, "nil"},
		{"dangling nationality", func(ds *domain.Dataset) { ds.Persons[0].NationalityID = "country:atlantis" }, "country:atlantis"},
		{"dangling parent", func(ds *domain.Dataset) { ds.Organizations[1].ParentID = "org:nowhere" }, "org:nowhere"},
		{"dangling maker", func(ds *domain.Dataset) { ds.Commitments[0].MadeByIDs = []string{"person:ghost"} }, "person:ghost"},
		{"dangling meeting", func(ds *domain.Dataset) { ds.Commitments[0].MadeAtID = "meeting:jcc-99" }, "meeting:jcc-99"},
		{"dangling concern", func(ds *domain.Dataset) { ds.Commitments[0].ConcernIDs = []string{"project:ghost"} }, "project:ghost"},
		{"dangling participant", func(ds *domain.Dataset) { ds.Meetings[0].Participants[0].ActorID = "person:ghost" }, "person:ghost"},
		{"dangling evidence source", func(ds *domain.Dataset) { ds.Roles[0].Evidence[0].SourceID = "source:ghost" }, "source:ghost"},
		{"evidence citing a non-source", func(ds *domain.Dataset) { ds.Roles[0].Evidence[0].SourceID = "person:yao-jing" }, "person:yao-jing"},
		{"dangling speaker", func(ds *domain.Dataset) { ds.Roles[0].Evidence[0].SpeakerID = "person:ghost" }, "person:ghost"},
		{"dangling participation evidence", func(ds *domain.Dataset) {
			ds.Meetings[0].Participants[0].Evidence[0].SourceID = "source:ghost"
		}, "source:ghost"},
		{"wrong kind for role holder", func(ds *domain.Dataset) { ds.Roles[0].PersonID = "org:moit" }, "org:moit"},
		{"wrong kind for meeting", func(ds *domain.Dataset) { ds.Commitments[0].MadeAtID = "org:jcc" }, "org:jcc"},
		{"wrong kind for parent", func(ds *domain.Dataset) { ds.Organizations[1].ParentID = "country:china" }, "country:china"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ds *domain.Dataset
			if c.break_ != nil {
				ds = storetest.Fixture()
				c.break_(ds)
			}
			_, err := memory.New(ds)
			if err == nil {
				t.Fatal("New accepted a broken dataset")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
		})
	}
}

func TestContextCancelled(t *testing.T) {
	s := MustOpen(t, storetest.Fixture())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Nodes(ctx, []string{"org:moit"}); err == nil {
		t.Error("Nodes ignored a cancelled context")
	}
	if _, err := s.Commitments(ctx, domain.CommitmentFilter{}, domain.Order{}, domain.PageArgs{First: 10}); err == nil {
		t.Error("Commitments ignored a cancelled context")
	}
	if _, err := s.Search(ctx, domain.SearchQuery{Text: "ministry"}); err == nil {
		t.Error("Search ignored a cancelled context")
	}
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, ds *domain.Dataset) domain.Store { return MustOpen(t, ds) })
}

func TestExplorerContract(t *testing.T) {
	storetest.RunExplorer(t, func(t *testing.T, ds *domain.Dataset) domain.Explorer { return MustOpen(t, ds) })
}

// TestPorts: the memory store reads, explores and tells its revisions; it
// cannot write and keeps no audit trail.
func TestPorts(t *testing.T) {
	s := MustOpen(t, storetest.Fixture())
	p := s.Ports()
	if p.Store != domain.Store(s) || p.Explorer != domain.Explorer(s) || p.Revisions != domain.Revisioner(s) {
		t.Errorf("Ports = %+v, want the store as Store, Explorer and Revisions", p)
	}
	if p.Writer != nil || p.Audit != nil {
		t.Errorf("Ports = %+v: the memory store cannot write and keeps no trail", p)
	}
}
