package memory

import (
	"reflect"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// Filter semantics follow the comments in domain/filter.go. Text filters match when
// a normalised form of the text (textnorm.Forms) is a substring of a normalised form
// of one of the fields; Series and Publisher match exactly (as stored).

// checkDates validates optional from/to filter dates.
func checkDates(from, to *string) (string, string, error) {
	var f, t string
	var err error
	if from != nil {
		if f, err = domain.ParseDate("filter.from", *from); err != nil {
			return "", "", err
		}
	}
	if to != nil {
		if t, err = domain.ParseDate("filter.to", *to); err != nil {
			return "", "", err
		}
	}
	return f, t, nil
}

// haystack joins every normalised form of a node's text fields with newlines, which
// no normalised query contains: a substring of it lies within one field.
func haystack(n domain.Node) string {
	var b strings.Builder
	for _, f := range domain.TextFields(n) {
		for _, form := range textnorm.Forms(f) {
			b.WriteString(form)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// textMatcher returns a predicate for an optional text filter over the base
// positions of a list (nil when not set).
func (ix *index) textMatcher(name listName, text *string) func(b int32) bool {
	if text == nil {
		return nil
	}
	qs := textnorm.Forms(*text)
	hay := ix.lists[name].hay
	return func(b int32) bool {
		if len(qs) == 0 {
			return true
		}
		for _, q := range qs {
			if strings.Contains(hay[b], q) {
				return true
			}
		}
		return false
	}
}

// actorQuery builds the query of Actors.
func (ix *index) actorQuery(f domain.ActorFilter) (query, error) {
	for _, k := range f.Kinds {
		if !k.IsActor() {
			return query{}, domain.FieldErrorf(domain.EINVALID, "filter.kinds", "%q is not an actor kind", k)
		}
	}
	for _, t := range f.OrgTypes {
		if !domain.Valid(t, domain.OrgTypes) {
			return query{}, domain.FieldErrorf(domain.EINVALID, "filter.orgTypes", "unknown organization type %q", t)
		}
	}
	q := query{list: listActors, filter: f, all: true, text: ix.textMatcher(listActors, f.Text)}
	if f.CountryID != nil {
		q.all = false
		q.candidates = ix.rel[domain.TraverseCountryActors][*f.CountryID]
		if c, ok := ix.byID[*f.CountryID]; ok {
			q.candidates = append(slices.Clip(q.candidates), c)
		}
	}
	q.match = func(n domain.Node) bool {
		if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, n.NodeKind()) {
			return false
		}
		switch n := n.(type) {
		case *domain.Person:
			if len(f.OrgTypes) > 0 || (f.CountryID != nil && n.NationalityID != *f.CountryID) {
				return false
			}
		case *domain.Organization:
			if (len(f.OrgTypes) > 0 && !slices.Contains(f.OrgTypes, n.Type)) || (f.CountryID != nil && n.CountryID != *f.CountryID) {
				return false
			}
		case *domain.Country:
			if len(f.OrgTypes) > 0 || (f.CountryID != nil && n.ID != *f.CountryID) {
				return false
			}
		default:
			return false
		}
		return true
	}
	return q, nil
}

// participated reports whether the actor organized or took part in the meeting.
func participated(m *domain.Meeting, actor string) bool {
	if slices.Contains(m.OrganizerIDs, actor) {
		return true
	}
	for _, p := range m.Participants {
		if p.ActorID == actor {
			return true
		}
	}
	return false
}

// meetingQuery builds the query of Meetings.
func (ix *index) meetingQuery(f domain.MeetingFilter) (query, error) {
	from, to, err := checkDates(f.From, f.To)
	if err != nil {
		return query{}, err
	}
	q := query{list: listMeetings, filter: f, all: true, text: ix.textMatcher(listMeetings, f.Text)}
	if f.ParticipantID != nil {
		q.all = false
		q.candidates = ix.rel[domain.TraverseActorMeetings][*f.ParticipantID]
	}
	q.match = func(n domain.Node) bool {
		m := n.(*domain.Meeting)
		return (f.Series == nil || m.Series == *f.Series) &&
			m.Date.Within(from, to) &&
			(f.ParticipantID == nil || participated(m, *f.ParticipantID))
	}
	return q, nil
}

// pillarScope returns the pillar and its projects: what a commitment may concern
// to match a pillar filter.
func (ix *index) pillarScope(pillar string) map[string]bool {
	scope := map[string]bool{pillar: true}
	for _, p := range ix.rel[domain.TraversePillarProjects][pillar] {
		scope[p.NodeID()] = true
	}
	return scope
}

// programmeScope returns the programme, its pillars and its projects (direct or
// through its pillars): what a commitment may concern to match a programme filter.
func (ix *index) programmeScope(programme string) map[string]bool {
	scope := map[string]bool{programme: true}
	for _, p := range ix.rel[domain.TraverseProgrammePillars][programme] {
		scope[p.NodeID()] = true
	}
	for _, p := range ix.rel[domain.TraverseProgrammeProjects][programme] {
		scope[p.NodeID()] = true
	}
	return scope
}

// concernsAny reports whether the commitment concerns a node of the scope.
func concernsAny(c *domain.Commitment, scope map[string]bool) bool {
	for _, id := range c.ConcernIDs {
		if scope[id] {
			return true
		}
	}
	return false
}

// commitmentQuery builds the query of Commitments. The candidate set comes from
// the first indexed field set (maker, addressee, meeting, concerned node, pillar,
// programme, series); the predicate then checks every field.
func (ix *index) commitmentQuery(f domain.CommitmentFilter) (query, error) {
	from, to, err := checkDates(f.From, f.To)
	if err != nil {
		return query{}, err
	}
	for _, k := range f.Kinds {
		if !domain.Valid(k, domain.CommitmentKinds) {
			return query{}, domain.FieldErrorf(domain.EINVALID, "filter.kind", "unknown commitment kind %q", k)
		}
	}
	for _, s := range f.Statuses {
		if !domain.Valid(s, domain.CommitmentStatuses) {
			return query{}, domain.FieldErrorf(domain.EINVALID, "filter.status", "unknown commitment status %q", s)
		}
	}
	var pillarScope, programmeScope map[string]bool
	if f.PillarID != nil {
		pillarScope = ix.pillarScope(*f.PillarID)
	}
	if f.ProgrammeID != nil {
		programmeScope = ix.programmeScope(*f.ProgrammeID)
	}
	q := query{list: listCommitments, filter: f, all: false, text: ix.textMatcher(listCommitments, f.Text)}
	switch {
	case f.MadeByID != nil:
		q.candidates = ix.rel[domain.TraverseCommitmentsMade][*f.MadeByID]
	case f.MadeToID != nil:
		q.candidates = ix.rel[domain.TraverseCommitmentsReceived][*f.MadeToID]
	case f.MeetingID != nil:
		q.candidates = ix.rel[domain.TraverseMeetingCommitments][*f.MeetingID]
	case f.ConcernsID != nil:
		q.candidates = ix.rel[domain.TraverseConcernedBy][*f.ConcernsID]
	case f.ProjectID != nil:
		q.candidates = ix.rel[domain.TraverseConcernedBy][*f.ProjectID]
	case pillarScope != nil:
		q.candidates = ix.concernedByAny(pillarScope)
	case programmeScope != nil:
		q.candidates = ix.concernedByAny(programmeScope)
	case f.Series != nil:
		for _, m := range ix.byKind[domain.KindMeeting] {
			if m.(*domain.Meeting).Series == *f.Series {
				q.candidates = append(q.candidates, ix.rel[domain.TraverseMeetingCommitments][m.NodeID()]...)
			}
		}
	default:
		q.all = true
	}
	q.match = func(n domain.Node) bool {
		c := n.(*domain.Commitment)
		if (f.MadeByID != nil && !slices.Contains(c.MadeByIDs, *f.MadeByID)) ||
			(f.MadeToID != nil && !slices.Contains(c.MadeToIDs, *f.MadeToID)) ||
			(f.MeetingID != nil && c.MadeAtID != *f.MeetingID) ||
			(f.ConcernsID != nil && !slices.Contains(c.ConcernIDs, *f.ConcernsID)) ||
			(f.ProjectID != nil && !slices.Contains(c.ConcernIDs, *f.ProjectID)) ||
			(pillarScope != nil && !concernsAny(c, pillarScope)) ||
			(programmeScope != nil && !concernsAny(c, programmeScope)) ||
			(len(f.Kinds) > 0 && !slices.Contains(f.Kinds, c.Kind)) ||
			(len(f.Statuses) > 0 && !slices.Contains(f.Statuses, c.Status)) ||
			!c.Date.Within(from, to) {
			return false
		}
		if f.Series != nil {
			m, ok := ix.byID[c.MadeAtID].(*domain.Meeting)
			if !ok || m.Series != *f.Series {
				return false
			}
		}
		return true
	}
	if reflect.ValueOf(f).IsZero() {
		q.match = nil // no filter: every commitment matches
	}
	return q, nil
}

// concernedByAny returns the commitments concerning any node of the scope.
func (ix *index) concernedByAny(scope map[string]bool) []domain.Node {
	var out []domain.Node
	for id := range scope {
		out = append(out, ix.rel[domain.TraverseConcernedBy][id]...)
	}
	return out
}

// projectQuery builds the query of Projects. A programme filter matches projects in
// the programme directly or through one of its pillars.
func (ix *index) projectQuery(f domain.ProjectFilter) (query, error) {
	for _, s := range f.Statuses {
		if !domain.Valid(s, domain.ProjectStatuses) {
			return query{}, domain.FieldErrorf(domain.EINVALID, "filter.status", "unknown project status %q", s)
		}
	}
	q := query{list: listProjects, filter: f, all: true, text: ix.textMatcher(listProjects, f.Text)}
	var inProgramme map[string]bool
	if f.ProgrammeID != nil {
		inProgramme = map[string]bool{}
		for _, p := range ix.rel[domain.TraverseProgrammeProjects][*f.ProgrammeID] {
			inProgramme[p.NodeID()] = true
		}
	}
	switch {
	case f.PillarID != nil:
		q.all = false
		q.candidates = ix.rel[domain.TraversePillarProjects][*f.PillarID]
	case f.ProgrammeID != nil:
		q.all = false
		q.candidates = ix.rel[domain.TraverseProgrammeProjects][*f.ProgrammeID]
	}
	q.match = func(n domain.Node) bool {
		p := n.(*domain.Project)
		return (f.PillarID == nil || slices.Contains(p.PillarIDs, *f.PillarID)) &&
			(inProgramme == nil || inProgramme[p.ID]) &&
			(len(f.Statuses) == 0 || slices.Contains(f.Statuses, p.Status))
	}
	return q, nil
}

// sourceQuery builds the query of Sources.
func (ix *index) sourceQuery(f domain.SourceFilter) (query, error) {
	return query{list: listSources, filter: f, all: true, text: ix.textMatcher(listSources, f.Text), match: func(n domain.Node) bool {
		s := n.(*domain.Source)
		return f.Publisher == nil || s.Publisher == *f.Publisher
	}}, nil
}
