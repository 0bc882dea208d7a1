package writeplan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
	"github.com/corridor-kg/corridor/store/writeplan"
)

// mapRecords is writeplan.Records over a map, as a store holding every record in
// memory would give it.
type mapRecords struct {
	nodes map[string]domain.Node
	tombs map[string]string
}

func fixtureRecords() mapRecords {
	r := mapRecords{nodes: map[string]domain.Node{}, tombs: map[string]string{}}
	for _, n := range storetest.Fixture().Nodes() {
		r.nodes[n.NodeID()] = n
	}
	return r
}

func (r mapRecords) Node(id string) domain.Node { return r.nodes[id] }

func (r mapRecords) MeetingNumbered(series string, seq int) string {
	for id, n := range r.nodes {
		if m, ok := n.(*domain.Meeting); ok && m.Series == series && m.Sequence != nil && *m.Sequence == seq {
			return id
		}
	}
	return ""
}

func (r mapRecords) Tombstone(id string) (string, bool) { to, ok := r.tombs[id]; return to, ok }

func (r mapRecords) MergedInto(id string) []string { return writeplan.MergedInto(r.tombs, id) }

func (r mapRecords) Referrers(ids []string) map[string][]domain.Node {
	return writeplan.ReferrersIn(r.nodes, ids)
}

func TestReplaceIDFoldsRepeats(t *testing.T) {
	r := fixtureRecords()
	// jcc-1's participants: Ahsan Iqbal and the NDRC; replacing the NDRC by Ahsan
	// Iqbal leaves one participation holding both pieces of evidence.
	m := r.nodes["meeting:jcc-1"].(*domain.Meeting)
	out, changed := writeplan.ReplaceID(m, "org:ndrc", "person:ahsan-iqbal")
	if !changed {
		t.Fatal("not changed")
	}
	got := out.(*domain.Meeting)
	if len(got.Participants) != 1 || len(got.Participants[0].Evidence) != 2 {
		t.Errorf("participants %+v", got.Participants)
	}
	if len(m.Participants) != 2 {
		t.Error("ReplaceID changed the stored record in place")
	}
	c := r.nodes["commitment:c09"] // made by the MoIT and the NDRC
	out, _ = writeplan.ReplaceID(c, "org:ndrc", "org:moit")
	if by := out.(*domain.Commitment).MadeByIDs; !slices.Equal(by, []string{"org:moit"}) {
		t.Errorf("made by %v", by)
	}
	if _, changed := writeplan.ReplaceID(c, "person:nobody", "org:moit"); changed {
		t.Error("a record without the ID changed")
	}
}

func TestCheckDeletableCountsTheChange(t *testing.T) {
	r := fixtureRecords()
	// Nothing refers to commitment:c12.
	if err := writeplan.CheckDeletable(r, nil, []string{"commitment:c12"}); err != nil {
		t.Errorf("unreferenced: %v", err)
	}
	// figure:it-exports is said by Anusha Rehman: deleting her is refused, naming
	// every referrer, unless the same change rewrites them.
	err := writeplan.CheckDeletable(r, nil, []string{"person:anusha-rehman"})
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "figure:it-exports") || !strings.Contains(err.Error(), "role:anusha-minister") {
		t.Errorf("referenced: %v", err)
	}
	// A record put by the change that refers to a deleted one refuses it too.
	f := &domain.Figure{Meta: domain.Meta{ID: "figure:new", Evidence: []domain.Evidence{{SourceID: "source:alpha", Quote: "q", Attribution: domain.AttributionArticle}}},
		SubjectID: "commitment:c12", Metric: "m", Value: 1}
	err = writeplan.CheckDeletable(r, []domain.Node{f}, []string{"commitment:c12"})
	if err == nil || !strings.Contains(err.Error(), "figure:new") {
		t.Errorf("referred to by a record put: %v", err)
	}
	// A referrer the change rewrites without the reference no longer counts.
	role := *r.nodes["role:anusha-board"].(*domain.Role)
	role.OrganizationID = "org:moit"
	c02 := *r.nodes["commitment:c02"].(*domain.Commitment)
	c02.MadeByIDs = []string{"org:moit"}
	c12 := *r.nodes["commitment:c12"].(*domain.Commitment)
	c12.MadeByIDs = []string{"org:moit"}
	proj := *r.nodes["project:pseb-tower"].(*domain.Project)
	proj.PartnerIDs = []string{"org:moit"}
	rnd := *r.nodes["meeting:it-roundtable"].(*domain.Meeting)
	rnd.OrganizerIDs = nil
	c09 := *r.nodes["commitment:c09"].(*domain.Commitment)
	c09.ConcernIDs = nil
	err = writeplan.CheckDeletable(r, []domain.Node{&role, &c02, &c12, &proj, &rnd, &c09}, []string{"org:pseb"})
	if err != nil {
		t.Errorf("every referrer rewritten: %v", err)
	}
}

func TestMergeFollowsEarlierMerges(t *testing.T) {
	r := fixtureRecords()
	r.tombs["person:old-1"] = "person:li-wei"
	r.tombs["person:old-2"] = "person:li-wei"
	r.tombs["person:other"] = "person:yao-jing"
	c, err := writeplan.Merge(r, "person:yao-jing", "person:li-wei")
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Tombstone{{ID: "person:li-wei", SurvivorID: "person:yao-jing"},
		{ID: "person:old-1", SurvivorID: "person:yao-jing"}, {ID: "person:old-2", SurvivorID: "person:yao-jing"}}
	if !slices.Equal(c.Tombs, want) || !slices.Equal(c.Del, []string{"person:li-wei"}) {
		t.Errorf("tombstones %v, deleted %v", c.Tombs, c.Del)
	}
	if s := c.Put[0].(*domain.Person); !slices.Contains(s.Aliases, "Li Wei") || domain.MetaOf(s).Origin != domain.OriginCurated {
		t.Errorf("survivor %+v", s)
	}
	if r.nodes["person:yao-jing"].(*domain.Person).Aliases != nil {
		t.Error("Merge changed the stored survivor in place")
	}
}
