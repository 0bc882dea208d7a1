package domain

// RelType is the type of a relationship, in UPPER_SNAKE as stored in Neo4j.
type RelType string

// Relationship types. Each is derived from a field of a node record (see Edges).
const (
	RelNationalOf     RelType = "NATIONAL_OF"     // (Person)->(Country)
	RelInCountry      RelType = "IN_COUNTRY"      // (Organization)->(Country)
	RelPartOf         RelType = "PART_OF"         // (Organization)->(Organization), (Programme)->(Programme)
	RelHolds          RelType = "HOLDS"           // (Person)->(Role)
	RelAt             RelType = "AT"              // (Role)->(Organization)
	RelMeetingOf      RelType = "MEETING_OF"      // (Meeting)->(Organization) whose meeting it is
	RelOrganized      RelType = "ORGANIZED"       // (Actor)->(Meeting)
	RelParticipatedIn RelType = "PARTICIPATED_IN" // (Actor)->(Meeting)
	RelMade           RelType = "MADE"            // (Actor)->(Commitment)
	RelMadeTo         RelType = "MADE_TO"         // (Commitment)->(Actor)
	RelMadeAt         RelType = "MADE_AT"         // (Commitment)->(Meeting)
	RelConcerns       RelType = "CONCERNS"        // (Commitment)->(Project|Pillar|Programme|Organization|…)
	RelInPillar       RelType = "IN_PILLAR"       // (Project)->(Pillar)
	RelInProgramme    RelType = "IN_PROGRAMME"    // (Project)->(Programme)
	RelPartnerIn      RelType = "PARTNER_IN"      // (Actor)->(Project)
	RelPillarOf       RelType = "PILLAR_OF"       // (Pillar)->(Programme)
	RelStated         RelType = "STATED"          // (Actor)->(Figure)
	RelAbout          RelType = "ABOUT"           // (Figure)->(any)
)

// RelTypes lists every relationship type.
var RelTypes = []RelType{RelNationalOf, RelInCountry, RelPartOf, RelHolds, RelAt, RelMeetingOf,
	RelOrganized, RelParticipatedIn, RelMade, RelMadeTo, RelMadeAt, RelConcerns, RelInPillar,
	RelInProgramme, RelPartnerIn, RelPillarOf, RelStated, RelAbout}

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
// storage, e.g. a commitment yields its MADE edges from its makers). Every edge
// carries the evidence of the claim it comes from.
func Edges(n Node) []Edge {
	var es []Edge
	add := func(t RelType, from, to, label string, ev []Evidence) {
		if from != "" && to != "" {
			es = append(es, edge(t, from, to, label, ev))
		}
	}
	switch n := n.(type) {
	case *Person:
		add(RelNationalOf, n.ID, n.NationalityID, "", n.Evidence)
	case *Organization:
		add(RelInCountry, n.ID, n.CountryID, "", n.Evidence)
		add(RelPartOf, n.ID, n.ParentID, "", n.Evidence)
	case *Role:
		add(RelHolds, n.PersonID, n.ID, n.Title, n.Evidence)
		add(RelAt, n.ID, n.OrganizationID, "", n.Evidence)
	case *Meeting:
		add(RelMeetingOf, n.ID, n.BodyID, "", n.Evidence)
		for _, o := range n.OrganizerIDs {
			add(RelOrganized, o, n.ID, "", n.Evidence)
		}
		for _, p := range n.Participants {
			add(RelParticipatedIn, p.ActorID, n.ID, p.Capacity, p.Evidence)
		}
	case *Commitment:
		for _, a := range n.MadeByIDs {
			add(RelMade, a, n.ID, string(n.Kind), n.Evidence)
		}
		for _, a := range n.MadeToIDs {
			add(RelMadeTo, n.ID, a, "", n.Evidence)
		}
		add(RelMadeAt, n.ID, n.MadeAtID, "", n.Evidence)
		for _, c := range n.ConcernIDs {
			add(RelConcerns, n.ID, c, "", n.Evidence)
		}
	case *Project:
		for _, p := range n.PillarIDs {
			add(RelInPillar, n.ID, p, "", n.Evidence)
		}
		for _, p := range n.ProgrammeIDs {
			add(RelInProgramme, n.ID, p, "", n.Evidence)
		}
		for _, a := range n.PartnerIDs {
			add(RelPartnerIn, a, n.ID, "", n.Evidence)
		}
	case *Programme:
		add(RelPartOf, n.ID, n.PartOfID, "", n.Evidence)
	case *Pillar:
		add(RelPillarOf, n.ID, n.ProgrammeID, "", n.Evidence)
	case *Figure:
		for _, a := range n.SaidByIDs {
			add(RelStated, a, n.ID, "", n.Evidence)
		}
		add(RelAbout, n.ID, n.SubjectID, "", n.Evidence)
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
