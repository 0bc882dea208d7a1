package memory

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// Order of each relation's result lists (stable, ties broken by ID ascending):
//
//	PERSON_ROLES, ORG_ROLES                by the role's start date (unknown last)
//	ORG_CHILDREN, COUNTRY_ACTORS           by normalised label
//	COMMITMENTS_MADE, COMMITMENTS_RECEIVED,
//	MEETING_COMMITMENTS, CONCERNED_BY      by date (unknown last)
//	ACTOR_MEETINGS                         by date (unknown last)
//	FIGURES_STATED, FIGURES_ABOUT          by as-of date (unknown last)
//	MEETING_PREVIOUS, MEETING_NEXT         zero or one meeting
//	PILLAR_PROJECTS, PROGRAMME_PROJECTS,
//	PROJECTS_PARTNERED, PROGRAMME_CHILDREN by normalised name
//	PROGRAMME_PILLARS                      by pillar number (unknown last)
//	SOURCE_CLAIMS                          by kind (in the order of domain.Kinds), then ID
//
// Dates compare as their values ("2018" < "2018-01" < "2018-01-05"). Meetings of a
// series are ordered by sequence, then date, then ID (unknown sequence and date
// last); previous and next follow that order. PROGRAMME_PROJECTS holds the
// projects in the programme directly or through one of its pillars. CONCERNED_BY
// holds the commitments naming the node among their concerns (no propagation; the
// commitment filter's pillar and programme fields propagate).

// nodeDate returns the date that orders a node in relation lists.
func nodeDate(n domain.Node) domain.PartialDate {
	switch n := n.(type) {
	case *domain.Role:
		return n.From
	case *domain.Meeting:
		return n.Date
	case *domain.Commitment:
		return n.Date
	case *domain.Figure:
		return n.AsOf
	case *domain.Source:
		return n.Published
	}
	return domain.PartialDate{}
}

func byDate(a, b domain.Node) int {
	return cmp.Or(compareDate(nodeDate(a), nodeDate(b)), strings.Compare(a.NodeID(), b.NodeID()))
}

func byKind(a, b domain.Node) int {
	return cmp.Or(cmp.Compare(slices.Index(domain.Kinds, a.NodeKind()), slices.Index(domain.Kinds, b.NodeKind())),
		strings.Compare(a.NodeID(), b.NodeID()))
}

func byPillarNumber(a, b domain.Node) int {
	pa, _ := a.(*domain.Pillar)
	pb, _ := b.(*domain.Pillar)
	var na, nb *int
	if pa != nil {
		na = pa.Number
	}
	if pb != nil {
		nb = pb.Number
	}
	return cmp.Or(compareIntPtr(na, nb), strings.Compare(a.NodeID(), b.NodeID()))
}

// relOrder returns the comparator of a relation's lists, nil for the lists
// ordered by normalised label, then ID.
func relOrder(r domain.Traversal) func(a, b domain.Node) int {
	switch r {
	case domain.TraverseOrgChildren, domain.TraverseCountryActors, domain.TraversePillarProjects,
		domain.TraverseProgrammeProjects, domain.TraverseProgrammeChildren, domain.TraverseProjectsPartnered:
		return nil
	case domain.TraverseProgrammePillars:
		return byPillarNumber
	case domain.TraverseSourceClaims:
		return byKind
	}
	return byDate
}

// compareInSeries orders the meetings of one series.
func compareInSeries(a, b *domain.Meeting) int {
	return cmp.Or(compareIntPtr(a.Sequence, b.Sequence), compareDate(a.Date, b.Date), strings.Compare(a.ID, b.ID))
}

// buildRelations fills ix.rel for every relation in domain.Traversals; byLabel
// holds the nodes' normalised labels by ID.
func (ix *index) buildRelations(byLabel map[string]string) {
	for _, r := range domain.Traversals {
		ix.rel[r] = map[string][]domain.Node{}
	}
	add := func(r domain.Traversal, parent string, child domain.Node) {
		if parent != "" {
			ix.rel[r][parent] = append(ix.rel[r][parent], child)
		}
	}
	series := map[string][]*domain.Meeting{}
	var ids []string
	for _, n := range ix.byID {
		for _, rt := range domain.ReverseTraversalsOf(n.NodeKind()) {
			ids = rt.Field.AppendIDs(ids[:0], n)
			for _, id := range ids {
				add(rt.Traversal, id, n)
			}
		}
		switch n := n.(type) {
		case *domain.Meeting:
			if n.Series != "" {
				series[n.Series] = append(series[n.Series], n)
			}
		case *domain.Project:
			// A programme's projects include those in one of its pillars.
			for _, p := range n.PillarIDs {
				if pl, ok := ix.byID[p].(*domain.Pillar); ok {
					add(domain.TraverseProgrammeProjects, pl.ProgrammeID, n)
				}
			}
		}
		for _, ev := range domain.Claims(n) {
			add(domain.TraverseSourceClaims, ev.SourceID, n)
		}
	}
	for _, ms := range series {
		slices.SortFunc(ms, compareInSeries)
		for i, m := range ms {
			if i > 0 {
				add(domain.TraverseMeetingPrevious, m.ID, ms[i-1])
			}
			if i+1 < len(ms) {
				add(domain.TraverseMeetingNext, m.ID, ms[i+1])
			}
		}
	}
	// Sort the relations side by side: each has its own map.
	rels := slices.Collect(maps.Keys(ix.rel))
	parallelChunks(len(rels), func(_, lo, hi int) {
		for _, r := range rels[lo:hi] {
			sortRelation(ix.rel[r], relOrder(r), byLabel)
		}
	})
}

// sortRelation sorts each list of byParent in the given order (when nil, by
// label in byLabel, each child's looked up once, then ID), drops repeated
// children and moves the lists into one array.
func sortRelation(byParent map[string][]domain.Node, order func(a, b domain.Node) int, byLabel map[string]string) {
	type labelled struct {
		label string
		node  domain.Node
	}
	var buf []labelled
	total := 0
	for parent, children := range byParent {
		if order == nil {
			buf = buf[:0]
			for _, n := range children {
				buf = append(buf, labelled{byLabel[n.NodeID()], n})
			}
			slices.SortFunc(buf, func(a, b labelled) int {
				return cmp.Or(strings.Compare(a.label, b.label), strings.Compare(a.node.NodeID(), b.node.NodeID()))
			})
			for i := range buf {
				children[i] = buf[i].node
			}
		} else {
			slices.SortFunc(children, order)
		}
		children = slices.CompactFunc(children, func(a, b domain.Node) bool { return a.NodeID() == b.NodeID() })
		byParent[parent] = children
		total += len(children)
	}
	// Move the lists into one array without the slack of their appends;
	// each list's capacity ends at its length, so an append by a caller
	// copies instead of overwriting the next list.
	flat := make([]domain.Node, 0, total)
	for parent, children := range byParent {
		at := len(flat)
		flat = append(flat, children...)
		byParent[parent] = flat[at:len(flat):len(flat)]
	}
}
