package traverse

import (
	"context"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// TestNewOverPartOfAGraph builds an Index over some of the records of a
// graph, as the Neo4j store does over the records a query fetched: edges with
// an end outside the nodes are left out, stored and derived alike.
func TestNewOverPartOfAGraph(t *testing.T) {
	ctx := context.Background()
	p := &domain.Person{Meta: domain.Meta{ID: "person:a"}, Name: "A", NationalityID: "country:x"}
	r := &domain.Role{Meta: domain.Meta{ID: "role:a"}, Title: "Minister", PersonID: "person:a", OrganizationID: "org:m"}
	o := &domain.Organization{Meta: domain.Meta{ID: "org:m"}, Name: "M"}

	part, err := New([]domain.Node{r, p})
	if err != nil {
		t.Fatal(err)
	}
	if ids := []string{part.Nodes()[0].NodeID(), part.Nodes()[1].NodeID()}; ids[0] != "person:a" || ids[1] != "role:a" {
		t.Errorf("nodes %q, want ID order", ids)
	}
	sub, err := part.Neighborhood(ctx, domain.NeighborhoodQuery{ID: "person:a", Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(sub.Nodes) != 2 || len(sub.Edges) != 1 || sub.Edges[0].ID != "person:a|HOLDS|role:a" {
		t.Errorf("partial neighbourhood: %d nodes, edges %+v; want the HOLDS edge only", len(sub.Nodes), sub.Edges)
	}
	if _, err := part.Paths(ctx, domain.PathQuery{From: "person:a", To: "org:m"}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("path to a node outside the graph: %v, want NOT_FOUND", err)
	}

	whole, err := New([]domain.Node{o, r, p})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := whole.Paths(ctx, domain.PathQuery{From: "person:a", To: "org:m"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].String() != "person:a -HOLDS_ROLE_AT-> org:m" {
		t.Errorf("paths %v, want the one derived hop", ps)
	}
}
