package seed

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// mapGraph is a Graph over a loaded dataset.
type mapGraph map[string]domain.Node

func (g mapGraph) Node(id string) domain.Node { return g[id] }

func (g mapGraph) MeetingNumbered(series string, seq int) string {
	for _, n := range g {
		if m, ok := n.(*domain.Meeting); ok && m.Series == series && m.Sequence != nil && *m.Sequence == seq {
			return m.ID
		}
	}
	return ""
}

// storedFixture loads the valid fixture as the stored graph.
func storedFixture(t *testing.T) (*domain.Dataset, mapGraph) {
	t.Helper()
	ds, err := loadFixture(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	g := mapGraph{}
	for _, n := range ds.Nodes() {
		g[n.NodeID()] = n
	}
	return ds, g
}

// wantFieldError asserts err is ValidationErrors with an error on record and field
// whose message contains msg.
func wantFieldError(t *testing.T, err error, record, field, msg string) {
	t.Helper()
	var verrs ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("error = %v, want ValidationErrors", err)
	}
	for _, e := range verrs {
		if e.Record == record && e.Field == field && strings.Contains(e.Message, msg) {
			return
		}
	}
	t.Errorf("no error on %s %s containing %q; got:\n%v", record, field, msg, err)
}

func TestValidateNodesAcceptsStoredRecords(t *testing.T) {
	ds, g := storedFixture(t)
	for _, n := range ds.Nodes() {
		out, err := ValidateNodes(context.Background(), []domain.Node{n}, g, ValidateOptions{SeedsDir: seedsDir})
		if err != nil {
			t.Fatalf("%s: %v", n.NodeID(), err)
		}
		if len(out) != 1 || out[0].NodeID() != n.NodeID() || out[0].Label() != n.Label() {
			t.Errorf("%s: got %v", n.NodeID(), out)
		}
	}
}

func TestValidateNodesErrors(t *testing.T) {
	ds, g := storedFixture(t)
	c := *ds.Commitments[0]
	p := *ds.Persons[0]
	o := *ds.Organizations[0]
	m := *ds.Meetings[1]
	cases := []struct {
		name                string
		node                domain.Node
		record, field, want string
	}{
		{"claim without evidence", func() domain.Node { x := c; x.Evidence = nil; return &x }(),
			c.ID, "evidence", "at least one evidence entry"},
		{"dangling maker", func() domain.Node { x := c; x.MadeByIDs = []string{"person:anusha-rehmn"}; return &x }(),
			c.ID, "madeBy[0]", `"person:anusha-rehmn" does not exist`},
		{"maker of the wrong kind", func() domain.Node { x := c; x.MadeByIDs = []string{"source:article-101"}; return &x }(),
			c.ID, "madeBy[0]", "is of kind SOURCE"},
		{"unknown enum", func() domain.Node { x := c; x.Kind = "VOW"; return &x }(),
			c.ID, "kind", `"VOW" is not one of`},
		{"bad ID", func() domain.Node { x := p; x.ID = "person:Bad_Slug"; return &x }(),
			"person:Bad_Slug", "id", "lower-case"},
		{"missing name", func() domain.Node { x := p; x.Name = " "; return &x }(),
			p.ID, "name", "required"},
		{"quote not in the text", func() domain.Node {
			x := p
			x.Evidence = []domain.Evidence{{SourceID: "source:article-101", Quote: "words no article holds", Attribution: domain.AttributionArticle}}
			return &x
		}(), p.ID, "evidence[0].quote", "not found in"},
		{"cycle through stored parents", func() domain.Node {
			x := o // org:jcc; org:jwg-it sits under it
			x.ParentID = "org:jwg-it"
			return &x
		}(), o.ID, "parent", "cycle"},
		{"series number taken by a stored meeting", func() domain.Node {
			x := m
			x.ID = "meeting:jcc-11"
			ten := 10
			x.Sequence = &ten
			return &x
		}(), "meeting:jcc-11", "sequence", "already meeting:jcc-10"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ValidateNodes(context.Background(), []domain.Node{tc.node}, g, ValidateOptions{SeedsDir: seedsDir})
			wantFieldError(t, err, tc.record, tc.field, tc.want)
		})
	}
}

func TestValidateNodesBatchRefersToItself(t *testing.T) {
	_, g := storedFixture(t)
	src := &domain.Source{Meta: domain.Meta{ID: "source:new"}, Title: "A curated source"}
	ev := []domain.Evidence{{SourceID: src.ID, Quote: "anything: no text on disk", Attribution: domain.AttributionArticle}}
	p := &domain.Person{Meta: domain.Meta{ID: "person:new", Evidence: ev}, Name: "New Person", NationalityID: "country:china"}
	out, err := ValidateNodes(context.Background(), []domain.Node{p, src}, g, ValidateOptions{SeedsDir: seedsDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 {
		t.Fatalf("got %d nodes", len(out))
	}
	// Without the source in the batch the evidence dangles.
	_, err = ValidateNodes(context.Background(), []domain.Node{p}, g, ValidateOptions{})
	wantFieldError(t, err, "person:new", "evidence[0].source", `"source:new" does not exist`)
}

func TestLoadJSONPositions(t *testing.T) {
	_, g := storedFixture(t)
	doc := `{"version": "x",
 "persons": [
  {"id": "person:a", "name": "A", "nationality": "country:chna",
   "evidence": [{"source": "source:article-101", "quote": "q", "attribution": "ARTICLE"}]}],
 "peoples": []}`
	_, err := LoadJSON(context.Background(), "in.json", []byte(doc), g, ImportOptions{})
	var verrs ValidationErrors
	if !errors.As(err, &verrs) || len(verrs) != 2 {
		t.Fatalf("error = %v, want two ValidationErrors", err)
	}
	for _, want := range []string{
		`in.json:3:50: person:a: nationality: "country:chna" does not exist`,
		`in.json:5:2: peoples: unknown field "peoples"; allowed fields: version,`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not hold %q:\n%v", want, err)
		}
	}
	ds, err := LoadJSON(context.Background(), "in.json", []byte(strings.Replace(strings.Replace(doc, "chna", "china", 1), `"peoples": []`, `"countries": []`, 1)), g, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Version != "x" || len(ds.Persons) != 1 || ds.Persons[0].NationalityID != "country:china" {
		t.Errorf("dataset = %+v", ds)
	}
}
