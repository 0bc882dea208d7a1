// Package synth generates synthetic Corridor datasets for load tests, N+1 tests and
// benchmarks: deterministic for a seed, referentially valid, and shaped like the
// real graph.
//
// Per 1,000 requested nodes a dataset holds about 300 persons, 150 organizations,
// 40 meetings, 350 commitments, 60 projects and 100 figures, plus roughly 80 roles,
// 20 sources and a handful of countries, programmes and pillars (so the total is
// about 1.1 n). Degrees are skewed as in the real data: the first countries
// ("Pakistan", "China") and the first organizations (ministries) make, receive and
// attend far more than the rest. Meetings form several series ("JCC" and others)
// numbered 1, 2, 3… in date order, with some meetings outside any series; some dates
// are partial or unknown. About a third of the commitments made at a series meeting
// restate one made at the previous meeting of the series (same kind and concerns,
// a maker in common), as JCC meetings reaffirm earlier decisions. Every record carries evidence citing a synthetic source.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// Proportions per requested node.
const (
	perPerson     = 0.30
	perOrg        = 0.15
	perMeeting    = 0.04
	perCommitment = 0.35
	perProject    = 0.06
	perFigure     = 0.10
	perRole       = 0.08
	perSource     = 0.02
)

// gen holds the generator's state while it builds one dataset.
type gen struct {
	r  *rand.Rand
	ds *domain.Dataset
	// actors holds the actor IDs by group, in creation order (skew favours the first).
	countries, orgs, persons []string
	quote                    int
}

// Generate returns a synthetic dataset of roughly n nodes (at least one of each
// kind). The same seed and n always give the same dataset.
func Generate(seed int64, n int) *domain.Dataset {
	g := &gen{
		r:  rand.New(rand.NewPCG(uint64(seed), 0x636f727269646f72)), // "corridor"
		ds: &domain.Dataset{Version: fmt.Sprintf("synth-%d-%d", seed, n)},
	}
	count := func(per float64) int { return max(1, int(math.Round(per*float64(n)))) }
	g.sources(count(perSource))
	g.countriesN(min(40, 3+n/250))
	g.programmes(min(12, 2+n/500))
	g.organizations(count(perOrg))
	g.personsN(count(perPerson))
	g.roles(count(perRole))
	g.projects(count(perProject))
	g.meetings(count(perMeeting))
	g.commitments(count(perCommitment))
	g.figures(count(perFigure))
	g.restatements(seed)
	return g.ds
}

// skewed returns an index in [0, n) biased towards 0: the first items get most links.
func (g *gen) skewed(n int) int {
	return min(n-1, int(float64(n)*math.Pow(g.r.Float64(), 3)))
}

// pick returns one of xs uniformly.
func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// evidence returns one or two pieces of evidence citing synthetic sources.
func (g *gen) evidence() []domain.Evidence {
	var ev []domain.Evidence
	for range 1 + g.r.IntN(2) {
		g.quote++
		e := domain.Evidence{
			SourceID:    g.ds.Sources[g.skewed(len(g.ds.Sources))].ID,
			Quote:       fmt.Sprintf("synthetic quote %d", g.quote),
			Attribution: pick(g, domain.Attributions),
		}
		if (e.Attribution == domain.AttributionDirectQuote || e.Attribution == domain.AttributionReported) && len(g.persons) > 0 {
			e.SpeakerID = g.persons[g.r.IntN(len(g.persons))]
		}
		ev = append(ev, e)
	}
	return ev
}

func (g *gen) meta(id string) domain.Meta {
	return domain.Meta{ID: id, Evidence: g.evidence(), Origin: domain.OriginSeed}
}

// date returns a random date between 2013 and 2024 with a random precision;
// unknownShare of the dates are unknown.
func (g *gen) date(unknownShare float64) domain.PartialDate {
	if g.r.Float64() < unknownShare {
		return domain.PartialDate{Text: pick(g, []string{"", "recently", "on Tuesday", "last year"})}
	}
	y, m, d := 2013+g.r.IntN(12), 1+g.r.IntN(12), 1+g.r.IntN(28)
	switch p := g.r.IntN(10); {
	case p < 7:
		return domain.PartialDate{Value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}
	case p < 9:
		return domain.PartialDate{Value: fmt.Sprintf("%04d-%02d", y, m)}
	}
	return domain.PartialDate{Value: fmt.Sprintf("%04d", y)}
}

// unique appends a number to name when it was already used.
func unique(seen map[string]int, name string) string {
	seen[name]++
	if c := seen[name]; c > 1 {
		return fmt.Sprintf("%s %d", name, c)
	}
	return name
}

var publishers = []string{"Daily Times", "Dawn", "The News", "Xinhua", "Business Recorder", "ProPakistani"}

func (g *gen) sources(n int) {
	for i := range n {
		g.ds.Sources = append(g.ds.Sources, &domain.Source{
			Meta:      domain.Meta{ID: fmt.Sprintf("source:s%06d", i), Origin: domain.OriginSeed},
			Title:     fmt.Sprintf("%s %s report %d", pick(g, adjectives), pick(g, fields), i),
			Publisher: pick(g, publishers),
			Published: g.date(0.15),
			File:      fmt.Sprintf("synthetic-%06d.txt", i),
		})
	}
}

func (g *gen) countriesN(n int) {
	for i := range n {
		name := fmt.Sprintf("Country %d", i)
		iso := fmt.Sprintf("%c%c", 'A'+i/26%26, 'A'+i%26)
		switch i {
		case 0:
			name, iso = "Pakistan", "PK"
		case 1:
			name, iso = "China", "CN"
		}
		id := fmt.Sprintf("country:c%03d", i)
		g.ds.Countries = append(g.ds.Countries, &domain.Country{Meta: g.meta(id), Name: name, ISO: iso})
		g.countries = append(g.countries, id)
	}
}

func (g *gen) programmes(n int) {
	for i := range n {
		p := &domain.Programme{Meta: g.meta(fmt.Sprintf("programme:p%03d", i)),
			Name: fmt.Sprintf("%s %s Programme %d", pick(g, adjectives), pick(g, fields), i)}
		switch i {
		case 0:
			p.Name, p.Acronym = "Belt and Road Initiative", "BRI"
		case 1:
			p.Name, p.Acronym, p.PartOfID = "China-Pakistan Economic Corridor", "CPEC", g.ds.Programmes[0].ID
		default:
			if g.r.IntN(2) == 0 {
				p.PartOfID = g.ds.Programmes[g.r.IntN(i)].ID
			}
		}
		g.ds.Programmes = append(g.ds.Programmes, p)
		for j := range 1 + g.r.IntN(3) {
			pl := &domain.Pillar{Meta: g.meta(fmt.Sprintf("pillar:p%03d-%d", i, j)), ProgrammeID: p.ID,
				Name: fmt.Sprintf("%s pillar", pick(g, fields))}
			if g.r.IntN(4) > 0 {
				pl.Number = ptr(j + 1)
			}
			g.ds.Pillars = append(g.ds.Pillars, pl)
		}
	}
}

func ptr[T any](v T) *T { return &v }

var (
	adjectives = []string{"National", "Digital", "Federal", "Joint", "Strategic", "Provincial", "Pak-China", "Silk Road", "Regional", "Technical"}
	fields     = []string{"Information Technology", "Telecommunication", "Software", "Broadband", "Cyber Security", "E-Commerce", "Skills", "Innovation", "Fibre Optic", "Data"}
	orgNouns   = map[domain.OrgType]string{domain.OrgMinistry: "Ministry", domain.OrgAgency: "Board", domain.OrgCompany: "Company",
		domain.OrgAssociation: "Association", domain.OrgForum: "Forum", domain.OrgCommittee: "Committee", domain.OrgEmbassy: "Embassy", domain.OrgGroup: "Investors"}
	orgTypes = []domain.OrgType{domain.OrgAgency, domain.OrgCompany, domain.OrgCompany, domain.OrgAssociation, domain.OrgForum, domain.OrgCommittee, domain.OrgEmbassy, domain.OrgGroup}
)

// acronym returns the initials of the capitalised words of name.
func acronym(name string) string {
	var a []byte
	start := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		if start && c >= 'A' && c <= 'Z' {
			a = append(a, c)
		}
		start = c == ' ' || c == '-'
	}
	return string(a)
}

func (g *gen) organizations(n int) {
	seen := map[string]int{}
	ministries := max(1, n/20)
	for i := range n {
		t := domain.OrgMinistry
		if i >= ministries {
			t = pick(g, orgTypes)
		}
		name := unique(seen, fmt.Sprintf("%s %s %s", pick(g, adjectives), pick(g, fields), orgNouns[t]))
		if t == domain.OrgMinistry {
			name = unique(seen, fmt.Sprintf("Ministry of %s", pick(g, fields)))
		}
		o := &domain.Organization{Meta: g.meta(fmt.Sprintf("org:o%06d", i)), Name: name, Type: t}
		if g.r.IntN(2) == 0 {
			o.Acronym = acronym(name)
		}
		if g.r.IntN(4) == 0 {
			o.Aliases = []string{pick(g, fields) + " " + orgNouns[t]}
		}
		if t != domain.OrgCommittee || g.r.IntN(2) == 0 {
			o.CountryID = g.countries[g.skewed(len(g.countries))]
		}
		if i > 0 && g.r.IntN(10) < 3 {
			o.ParentID = g.orgs[g.skewed(i)]
		}
		g.ds.Organizations = append(g.ds.Organizations, o)
		g.orgs = append(g.orgs, o.ID)
	}
}

var (
	firstNames = []string{"Anusha", "Ahsan", "Yao", "Khalid", "Li", "Wang", "Ayesha", "Zhang", "Bilal", "Fatima", "Chen", "Imran", "Liu", "Sadia", "Hu", "Ánúsha", "Zoë", "José"}
	lastNames  = []string{"Rehman", "Iqbal", "Jing", "Siddiqui", "Wei", "Hong", "Khan", "Ming", "Ahmed", "Malik", "Yang", "Qureshi", "Zhou", "Haque", "Núñez"}
	titles     = []string{"Minister", "Minister of State", "Secretary", "Ambassador", "Chairman", "Managing Director", "Director General", "Vice Minister", "Spokesperson"}
)

func (g *gen) personsN(n int) {
	seen := map[string]int{}
	for i := range n {
		name := unique(seen, pick(g, firstNames)+" "+pick(g, lastNames))
		p := &domain.Person{Meta: g.meta(fmt.Sprintf("person:p%06d", i)), Name: name}
		if g.r.IntN(5) == 0 {
			p.Aliases = []string{pick(g, []string{"Mr. ", "Ms. ", "Dr. "}) + name}
		}
		if g.r.IntN(10) < 8 {
			p.NationalityID = g.countries[g.skewed(len(g.countries))]
		}
		g.ds.Persons = append(g.ds.Persons, p)
		g.persons = append(g.persons, p.ID)
	}
}

func (g *gen) roles(n int) {
	for i := range n {
		from := g.date(0.3)
		var to domain.PartialDate
		if from.Known() && g.r.IntN(2) == 0 {
			to = domain.PartialDate{Value: fmt.Sprintf("%04d", 2014+g.r.IntN(11))}
			if to.Value < from.Value[:4] {
				to.Value = from.Value[:4]
			}
		}
		g.ds.Roles = append(g.ds.Roles, &domain.Role{
			Meta:           g.meta(fmt.Sprintf("role:r%06d", i)),
			PersonID:       g.persons[g.r.IntN(len(g.persons))],
			Title:          pick(g, titles),
			OrganizationID: g.orgs[g.skewed(len(g.orgs))],
			From:           from, To: to,
		})
	}
}

// actor returns a skewed pick among all actors: countries and the first
// organizations (ministries) most often, persons uniformly.
func (g *gen) actor() string {
	switch p := g.r.IntN(10); {
	case p < 3:
		return g.countries[g.skewed(len(g.countries))]
	case p < 7:
		return g.orgs[g.skewed(len(g.orgs))]
	}
	return g.persons[g.r.IntN(len(g.persons))]
}

// actors returns between lo and hi distinct actors.
func (g *gen) actors(lo, hi int) []string {
	var out []string
	for range lo + g.r.IntN(hi-lo+1) {
		if a := g.actor(); !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

var projectStatuses = []domain.ProjectStatus{domain.ProjectProposed, domain.ProjectPlanned, domain.ProjectInProgress, domain.ProjectCompleted, domain.ProjectStalled, domain.ProjectUnknown}

func (g *gen) projects(n int) {
	seen := map[string]int{}
	for i := range n {
		p := &domain.Project{
			Meta:        g.meta(fmt.Sprintf("project:p%06d", i)),
			Name:        unique(seen, fmt.Sprintf("%s %s %s", pick(g, adjectives), pick(g, fields), pick(g, []string{"Park", "Corridor", "Centre", "Link", "Hub", "Programme"}))),
			Description: fmt.Sprintf("A synthetic %s project", pick(g, fields)),
			Location:    pick(g, []string{"Islamabad", "Lahore", "Karachi", "Gwadar", "Beijing", ""}),
			Status:      pick(g, projectStatuses),
			PartnerIDs:  g.actors(0, 3),
		}
		if g.r.IntN(4) > 0 {
			p.PillarIDs = []string{g.ds.Pillars[g.skewed(len(g.ds.Pillars))].ID}
		} else {
			p.ProgrammeIDs = []string{g.ds.Programmes[g.skewed(len(g.ds.Programmes))].ID}
		}
		g.ds.Projects = append(g.ds.Projects, p)
	}
}

// series names the meeting series; the first is the busiest.
var series = []string{"JCC", "IT Working Group", "Digital Silk Road Forum", "Cyber Dialogue"}

func (g *gen) meetings(n int) {
	// The body of most series is a committee (any organization when there is none).
	var committees []string
	for _, o := range g.ds.Organizations {
		if o.Type == domain.OrgCommittee {
			committees = append(committees, o.ID)
		}
	}
	if len(committees) == 0 {
		committees = g.orgs
	}
	bodies := map[string]string{}
	seq := map[string]int{}
	var ms []*domain.Meeting
	for i := range n {
		m := &domain.Meeting{
			Meta:   g.meta(fmt.Sprintf("meeting:m%06d", i)),
			Date:   g.date(0.1),
			Format: pick(g, domain.MeetingFormats),
		}
		if g.r.IntN(10) < 7 {
			m.Series = series[g.skewed(len(series))]
			if bodies[m.Series] == "" && g.r.IntN(4) > 0 {
				bodies[m.Series] = committees[g.r.IntN(len(committees))]
			}
			m.BodyID = bodies[m.Series]
		}
		m.OrganizerIDs = g.actors(0, 2)
		for _, a := range g.actors(2, 6) {
			m.Participants = append(m.Participants, domain.Participation{ActorID: a, Capacity: pick(g, []string{"host", "guest", "head of delegation", "member", ""}), Evidence: g.evidence()})
		}
		if g.r.IntN(4) == 0 {
			m.DocumentsSigned = []domain.SignedDocuments{{Description: "memoranda of understanding", Count: ptr(1 + g.r.IntN(5)), Evidence: g.evidence()}}
		}
		ms = append(ms, m)
	}
	// Number the meetings of each series in date order (unknown dates last).
	order := slices.Clone(ms)
	slices.SortStableFunc(order, func(a, b *domain.Meeting) int {
		switch {
		case a.Date.Value == b.Date.Value:
			return 0
		case a.Date.Value == "":
			return 1
		case b.Date.Value == "":
			return -1
		case a.Date.Value < b.Date.Value:
			return -1
		}
		return 1
	})
	for _, m := range order {
		if m.Series == "" {
			m.Title = fmt.Sprintf("%s meeting on %s", pick(g, adjectives), pick(g, fields))
			continue
		}
		seq[m.Series]++
		if g.r.IntN(10) > 0 {
			m.Sequence = ptr(seq[m.Series])
		}
		m.Title = fmt.Sprintf("%s meeting %d", m.Series, seq[m.Series])
	}
	g.ds.Meetings = ms
}

func (g *gen) commitments(n int) {
	for i := range n {
		c := &domain.Commitment{
			Meta:      g.meta(fmt.Sprintf("commitment:c%06d", i)),
			Kind:      pick(g, domain.CommitmentKinds),
			Status:    pick(g, domain.CommitmentStatuses),
			MadeByIDs: g.actors(1, 2),
			MadeToIDs: g.actors(0, 2),
			Date:      g.date(0.15),
		}
		if g.r.IntN(2) == 0 {
			m := g.ds.Meetings[g.r.IntN(len(g.ds.Meetings))]
			c.MadeAtID, c.Date = m.ID, m.Date
		}
		for range 1 + g.r.IntN(3) {
			var id string
			switch g.r.IntN(4) {
			case 0:
				id = g.ds.Projects[g.skewed(len(g.ds.Projects))].ID
			case 1:
				id = g.ds.Pillars[g.skewed(len(g.ds.Pillars))].ID
			case 2:
				id = g.ds.Programmes[g.skewed(len(g.ds.Programmes))].ID
			default:
				id = g.orgs[g.skewed(len(g.orgs))]
			}
			if !slices.Contains(c.ConcernIDs, id) {
				c.ConcernIDs = append(c.ConcernIDs, id)
			}
		}
		c.Statement = fmt.Sprintf("%s %s cooperation in %s", pick(g, []string{"Expand", "Launch", "Fund", "Support", "Review", "Establish"}), pick(g, adjectives), pick(g, fields))
		if g.r.IntN(5) == 0 {
			c.Amount = &domain.Amount{Value: float64(1+g.r.IntN(500)) * 1e6, Currency: "USD", Approximate: g.r.IntN(2) == 0}
		}
		g.ds.Commitments = append(g.ds.Commitments, c)
	}
}

func (g *gen) figures(n int) {
	for i := range n {
		f := &domain.Figure{
			Meta:   g.meta(fmt.Sprintf("figure:f%06d", i)),
			Metric: pick(g, fields) + " " + pick(g, []string{"exports", "subscribers", "investment", "graduates", "companies"}),
			Value:  float64(1 + g.r.IntN(1000)),
			Unit:   pick(g, []string{"USD million", "people", "companies", "percent"}),
			AsOf:   g.date(0.2),
		}
		if g.r.IntN(3) == 0 {
			f.SubjectID = g.ds.Programmes[g.skewed(len(g.ds.Programmes))].ID
		} else {
			f.SubjectID = g.countries[g.skewed(len(g.countries))]
		}
		if g.r.IntN(4) > 0 {
			f.SaidByIDs = g.actors(1, 2)
		}
		g.ds.Figures = append(g.ds.Figures, f)
	}
}

// restatements makes about 30% of the commitments made at a series meeting restate
// a commitment of the previous meeting of the series: same kind, same concerns,
// one of its makers (plus, sometimes, the commitment's own first maker). Meetings
// of a series are ordered as stores order them: by sequence, then date, then ID,
// unknown values last. It draws from its own random stream, so everything else in
// the dataset is as it would be without it.
func (g *gen) restatements(seed int64) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x7265616666697264)) // "reaffird"
	bySeries := map[string][]*domain.Meeting{}
	for _, m := range g.ds.Meetings {
		if m.Series != "" {
			bySeries[m.Series] = append(bySeries[m.Series], m)
		}
	}
	at := map[string][]*domain.Commitment{}
	for _, c := range g.ds.Commitments {
		if c.MadeAtID != "" {
			at[c.MadeAtID] = append(at[c.MadeAtID], c)
		}
	}
	for _, s := range series {
		ms := bySeries[s]
		slices.SortFunc(ms, func(a, b *domain.Meeting) int {
			if c := compareLast(a.Sequence == nil, b.Sequence == nil); c != 0 {
				return c
			}
			if a.Sequence != nil && *a.Sequence != *b.Sequence {
				return *a.Sequence - *b.Sequence
			}
			if c := compareLast(a.Date.Value == "", b.Date.Value == ""); c != 0 {
				return c
			}
			if c := strings.Compare(a.Date.Value, b.Date.Value); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
		for i := 1; i < len(ms); i++ {
			prev := at[ms[i-1].ID]
			if len(prev) == 0 {
				continue
			}
			for _, c := range at[ms[i].ID] {
				if r.IntN(10) >= 3 {
					continue
				}
				p := prev[r.IntN(len(prev))]
				makers := []string{p.MadeByIDs[r.IntN(len(p.MadeByIDs))]}
				if own := c.MadeByIDs[0]; r.IntN(2) == 0 && own != makers[0] {
					makers = append(makers, own)
				}
				c.Kind, c.MadeByIDs = p.Kind, makers
				c.ConcernIDs = slices.Clone(p.ConcernIDs)
				c.Statement = "Reaffirm: " + p.Statement
			}
		}
	}
}

// compareLast orders a known value (false) before an unknown one (true).
func compareLast(aUnknown, bUnknown bool) int {
	switch {
	case aUnknown == bUnknown:
		return 0
	case aUnknown:
		return 1
	}
	return -1
}
