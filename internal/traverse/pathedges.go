package traverse

import "github.com/corridor-kg/corridor/domain"

// PathEdges returns the path-only edges a record defines: a Role yields one
// HOLDS_ROLE_AT edge, a Commitment one COMMITTED_TO edge per (maker, addressee)
// pair and one COMMITTED_WITH edge per pair of makers (in listed order); an actor
// that is both maker and addressee gets no edge to itself. The record they pass
// through is their "via" node: their ID is "<from>|<TYPE>|<to>|<via>", stable and
// distinct for two roles or commitments linking the same pair.
func PathEdges(n domain.Node) []domain.Edge {
	var es []domain.Edge
	add := func(t domain.RelType, from, to, label string, via domain.Node) {
		if from != "" && to != "" && from != to {
			es = append(es, domain.Edge{ID: from + "|" + string(t) + "|" + to + "|" + via.NodeID(), Type: t,
				From: from, To: to, Label: label, Evidence: via.NodeEvidence()})
		}
	}
	switch n := n.(type) {
	case *domain.Role:
		add(domain.RelHoldsRoleAt, n.PersonID, n.OrganizationID, n.Title, n)
	case *domain.Commitment:
		for i, m := range n.MadeByIDs {
			for _, a := range n.MadeToIDs {
				add(domain.RelCommittedTo, m, a, n.Statement, n)
			}
			for _, o := range n.MadeByIDs[i+1:] {
				add(domain.RelCommittedWith, m, o, n.Statement, n)
			}
		}
	}
	return es
}
