package domain

// RelType is the type of a relationship, in UPPER_SNAKE as stored in Neo4j.
type RelType string

// Relationship types. Each is held in a field of a node record: RelFields
// (schema.go) declares which, and the kinds at its ends.
const (
	RelNationalOf     RelType = "NATIONAL_OF"
	RelInCountry      RelType = "IN_COUNTRY"
	RelPartOf         RelType = "PART_OF"
	RelHolds          RelType = "HOLDS"
	RelAt             RelType = "AT"
	RelMeetingOf      RelType = "MEETING_OF"
	RelOrganized      RelType = "ORGANIZED"
	RelParticipatedIn RelType = "PARTICIPATED_IN"
	RelMade           RelType = "MADE"
	RelMadeTo         RelType = "MADE_TO"
	RelMadeAt         RelType = "MADE_AT"
	RelConcerns       RelType = "CONCERNS"
	RelInPillar       RelType = "IN_PILLAR"
	RelInProgramme    RelType = "IN_PROGRAMME"
	RelPartnerIn      RelType = "PARTNER_IN"
	RelPillarOf       RelType = "PILLAR_OF"
	RelStated         RelType = "STATED"
	RelAbout          RelType = "ABOUT"
)

// Edge is one relationship of the graph in generic form, for traversal, visualisation
// and export. Its ID is stable: "<from>|<TYPE>|<to>".
type Edge struct {
	ID   string
	Type RelType
	From string
	To   string
	// Label is a short display text (a participant's capacity, a role's title).
	Label    string
	Evidence []Evidence
}

func edge(t RelType, from, to, label string, ev []Evidence) Edge {
	return Edge{ID: from + "|" + string(t) + "|" + to, Type: t, From: from, To: to, Label: label, Evidence: ev}
}

// Edges returns the relationships a node record defines (in both directions of
// storage, e.g. a commitment yields its MADE edges from its makers), in the
// order of RelFields. Every edge carries the evidence of the claim it comes from.
func Edges(n Node) []Edge {
	var es []Edge
	if n.NodeID() == "" {
		return nil
	}
	for _, r := range RelFieldsOf(n.NodeKind()) {
		es = r.refs.appendEdges(es, n, r)
	}
	return es
}

// Claims returns every piece of evidence a node holds, including that of its
// participations and signed documents.
func Claims(n Node) []Evidence {
	ev := append([]Evidence(nil), n.NodeEvidence()...)
	if m, ok := n.(*Meeting); ok {
		for _, p := range m.Participants {
			ev = append(ev, p.Evidence...)
		}
		for _, d := range m.DocumentsSigned {
			ev = append(ev, d.Evidence...)
		}
	}
	return ev
}
