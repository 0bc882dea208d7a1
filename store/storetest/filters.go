package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// filterCase is a filter and the IDs it selects (any order) or the error it causes.
type filterCase struct {
	name   string
	filter any
	want   []string
	// code and field, when set, name the expected error instead.
	code, field string
}

var filterCases = map[string][]filterCase{
	"actors": {
		{name: "kinds person", filter: domain.ActorFilter{Kinds: []domain.Kind{domain.KindPerson}},
			want: []string{"person:ahsan-iqbal", "person:anusha-rehman", "person:li-wei", "person:yao-jing"}},
		{name: "kinds country+person", filter: domain.ActorFilter{Kinds: []domain.Kind{domain.KindCountry, domain.KindPerson}},
			want: []string{"country:china", "country:pakistan", "person:ahsan-iqbal", "person:anusha-rehman", "person:li-wei", "person:yao-jing"}},
		{name: "country", filter: domain.ActorFilter{CountryID: ptr("country:pakistan")},
			want: []string{"country:pakistan", "person:ahsan-iqbal", "person:anusha-rehman", "org:moit", "org:pseb", "org:planning-ministry"}},
		{name: "org types", filter: domain.ActorFilter{OrgTypes: []domain.OrgType{domain.OrgMinistry}},
			want: []string{"org:moit", "org:planning-ministry"}},
		{name: "org types and country", filter: domain.ActorFilter{OrgTypes: []domain.OrgType{domain.OrgAgency}, CountryID: ptr("country:china")},
			want: []string{"org:ndrc"}},
		{name: "country and kinds", filter: domain.ActorFilter{CountryID: ptr("country:china"), Kinds: []domain.Kind{domain.KindPerson}},
			want: []string{"person:yao-jing"}},
		{name: "text without diacritics", filter: domain.ActorFilter{Text: ptr("anusha")}, want: []string{"person:anusha-rehman"}},
		{name: "text acronym", filter: domain.ActorFilter{Text: ptr("MOIT")}, want: []string{"org:moit"}},
		{name: "text alias", filter: domain.ActorFilter{Text: ptr("republic of")}, want: []string{"country:china", "country:pakistan"}},
		{name: "text substring", filter: domain.ActorFilter{Text: ptr("develop")},
			want: []string{"org:ndrc", "org:planning-ministry"}},
		{name: "non-actor kind", filter: domain.ActorFilter{Kinds: []domain.Kind{domain.KindRole}}, code: domain.EINVALID},
	},
	"meetings": {
		{name: "series", filter: domain.MeetingFilter{Series: ptr("JCC")},
			want: []string{"meeting:jcc-1", "meeting:jcc-2", "meeting:jcc-3", "meeting:jcc-10", "meeting:jcc-it-session"}},
		{name: "from", filter: domain.MeetingFilter{From: ptr("2014-01-01")},
			want: []string{"meeting:jcc-2", "meeting:jcc-3", "meeting:jcc-10", "meeting:jcc-it-session"}},
		{name: "to", filter: domain.MeetingFilter{To: ptr("2014-01-31")},
			want: []string{"meeting:jcc-1", "meeting:jcc-3"}},
		{name: "from and to inside a month", filter: domain.MeetingFilter{From: ptr("2014-02-10"), To: ptr("2014-02-20")},
			want: []string{"meeting:jcc-2", "meeting:jcc-3"}},
		{name: "participant organizer", filter: domain.MeetingFilter{ParticipantID: ptr("org:pseb")}, want: []string{"meeting:it-roundtable"}},
		{name: "participant", filter: domain.MeetingFilter{ParticipantID: ptr("person:yao-jing")}, want: []string{"meeting:jcc-it-session"}},
		{name: "participant and from", filter: domain.MeetingFilter{ParticipantID: ptr("person:ahsan-iqbal"), From: ptr("2014-01-01")}, want: []string{}},
		{name: "body is not a participant", filter: domain.MeetingFilter{ParticipantID: ptr("org:jcc")}, want: []string{}},
		{name: "text", filter: domain.MeetingFilter{Text: ptr("working-group")}, want: []string{"meeting:jcc-it-session"}},
		{name: "series and text", filter: domain.MeetingFilter{Series: ptr("JCC"), Text: ptr("meeting")},
			want: []string{"meeting:jcc-1", "meeting:jcc-2", "meeting:jcc-3", "meeting:jcc-10"}},
		{name: "bad from", filter: domain.MeetingFilter{From: ptr("2014-13-01")}, code: domain.EINVALID, field: "filter.from"},
		{name: "bad to", filter: domain.MeetingFilter{To: ptr("yesterday")}, code: domain.EINVALID, field: "filter.to"},
	},
	"commitments": {
		{name: "made by", filter: domain.CommitmentFilter{MadeByID: ptr("country:china")},
			want: []string{"commitment:c01", "commitment:c04", "commitment:c10"}},
		{name: "made to", filter: domain.CommitmentFilter{MadeToID: ptr("org:chinese-investors")},
			want: []string{"commitment:c02", "commitment:c03"}},
		{name: "meeting", filter: domain.CommitmentFilter{MeetingID: ptr("meeting:jcc-it-session")},
			want: []string{"commitment:c10", "commitment:c11"}},
		{name: "series", filter: domain.CommitmentFilter{Series: ptr("JCC")},
			want: []string{"commitment:c01", "commitment:c04", "commitment:c06", "commitment:c10", "commitment:c11"}},
		{name: "project", filter: domain.CommitmentFilter{ProjectID: ptr("project:e-corridor")},
			want: []string{"commitment:c01", "commitment:c06"}},
		{name: "pillar includes its projects", filter: domain.CommitmentFilter{PillarID: ptr("pillar:cpec-it")},
			want: []string{"commitment:c01", "commitment:c02", "commitment:c03", "commitment:c04", "commitment:c06", "commitment:c11"}},
		{name: "programme includes its pillars and projects", filter: domain.CommitmentFilter{ProgrammeID: ptr("programme:cpec")},
			want: []string{"commitment:c01", "commitment:c02", "commitment:c03", "commitment:c04", "commitment:c06", "commitment:c07", "commitment:c11"}},
		{name: "programme through a pillar", filter: domain.CommitmentFilter{ProgrammeID: ptr("programme:digital-pakistan")},
			want: []string{"commitment:c05", "commitment:c08"}},
		{name: "concerns is direct", filter: domain.CommitmentFilter{ConcernsID: ptr("pillar:cpec-it")},
			want: []string{"commitment:c03", "commitment:c04"}},
		{name: "concerns an organization", filter: domain.CommitmentFilter{ConcernsID: ptr("org:pseb")}, want: []string{"commitment:c09"}},
		{name: "kinds", filter: domain.CommitmentFilter{Kinds: []domain.CommitmentKind{domain.CommitmentRequest, domain.CommitmentTarget}},
			want: []string{"commitment:c05", "commitment:c06"}},
		{name: "statuses", filter: domain.CommitmentFilter{Statuses: []domain.CommitmentStatus{domain.StatusAgreed}},
			want: []string{"commitment:c01", "commitment:c03", "commitment:c04", "commitment:c09", "commitment:c11"}},
		{name: "from", filter: domain.CommitmentFilter{From: ptr("2016-01-01")},
			want: []string{"commitment:c02", "commitment:c03", "commitment:c07", "commitment:c10", "commitment:c11", "commitment:c12"}},
		{name: "to", filter: domain.CommitmentFilter{To: ptr("2014-01-01")}, want: []string{"commitment:c01", "commitment:c04"}},
		{name: "from and to", filter: domain.CommitmentFilter{From: ptr("2014-02-15"), To: ptr("2014-02-15")},
			want: []string{"commitment:c04", "commitment:c06"}},
		{name: "text in statement, hyphenated", filter: domain.CommitmentFilter{Text: ptr("E-Corridor")},
			want: []string{"commitment:c01", "commitment:c06"}},
		{name: "text in evidence quote", filter: domain.CommitmentFilter{Text: ptr("operational")}, want: []string{"commitment:c07"}},
		{name: "text ignores case", filter: domain.CommitmentFilter{Text: ptr("BEIJING")}, want: []string{"commitment:c12"}},
		{name: "made by and status", filter: domain.CommitmentFilter{MadeByID: ptr("org:moit"), Statuses: []domain.CommitmentStatus{domain.StatusAgreed}},
			want: []string{"commitment:c03", "commitment:c09"}},
		{name: "pillar and made to", filter: domain.CommitmentFilter{PillarID: ptr("pillar:cpec-it"), MadeToID: ptr("org:chinese-investors")},
			want: []string{"commitment:c02", "commitment:c03"}},
		{name: "series and from", filter: domain.CommitmentFilter{Series: ptr("JCC"), From: ptr("2019-01-01")},
			want: []string{"commitment:c10", "commitment:c11"}},
		{name: "made by and concerns", filter: domain.CommitmentFilter{MadeByID: ptr("org:moit"), ConcernsID: ptr("pillar:cpec-it")},
			want: []string{"commitment:c03"}},
		{name: "made by and made to", filter: domain.CommitmentFilter{MadeByID: ptr("org:pseb"), MadeToID: ptr("org:chinese-investors")},
			want: []string{"commitment:c02"}},
		{name: "made by and meeting", filter: domain.CommitmentFilter{MadeByID: ptr("country:china"), MeetingID: ptr("meeting:jcc-it-session")},
			want: []string{"commitment:c10"}},
		{name: "made by and series", filter: domain.CommitmentFilter{MadeByID: ptr("country:china"), Series: ptr("JCC")},
			want: []string{"commitment:c01", "commitment:c04", "commitment:c10"}},
		{name: "made by and project", filter: domain.CommitmentFilter{MadeByID: ptr("country:pakistan"), ProjectID: ptr("project:e-corridor")},
			want: []string{"commitment:c01"}},
		{name: "made by and programme", filter: domain.CommitmentFilter{MadeByID: ptr("org:moit"), ProgrammeID: ptr("programme:digital-pakistan")},
			want: []string{"commitment:c05"}},
		{name: "meeting and kind", filter: domain.CommitmentFilter{MeetingID: ptr("meeting:jcc-it-session"), Kinds: []domain.CommitmentKind{domain.CommitmentPledge}},
			want: []string{"commitment:c11"}},
		{name: "unknown maker", filter: domain.CommitmentFilter{MadeByID: ptr("person:nobody")}, want: []string{}},
		{name: "bad from", filter: domain.CommitmentFilter{From: ptr("2019-02-30")}, code: domain.EINVALID, field: "filter.from"},
		{name: "bad to", filter: domain.CommitmentFilter{To: ptr("2019")}, code: domain.EINVALID, field: "filter.to"},
	},
	"projects": {
		{name: "pillar", filter: domain.ProjectFilter{PillarID: ptr("pillar:cpec-it")}, want: []string{"project:e-corridor", "project:pseb-tower"}},
		{name: "programme directly or through a pillar", filter: domain.ProjectFilter{ProgrammeID: ptr("programme:cpec")},
			want: []string{"project:e-corridor", "project:fibre-cable", "project:pseb-tower"}},
		{name: "statuses", filter: domain.ProjectFilter{Statuses: []domain.ProjectStatus{domain.ProjectCompleted, domain.ProjectPlanned}},
			want: []string{"project:fibre-cable", "project:pseb-tower"}},
		{name: "text in name or description", filter: domain.ProjectFilter{Text: ptr("fibre")},
			want: []string{"project:e-corridor", "project:fibre-cable"}},
		{name: "text in alias", filter: domain.ProjectFilter{Text: ptr("khunjerab")}, want: []string{"project:fibre-cable"}},
		{name: "pillar and text", filter: domain.ProjectFilter{PillarID: ptr("pillar:cpec-it"), Text: ptr("islamabad")},
			want: []string{"project:pseb-tower"}},
		{name: "programme and status", filter: domain.ProjectFilter{ProgrammeID: ptr("programme:cpec"), Statuses: []domain.ProjectStatus{domain.ProjectInProgress}},
			want: []string{"project:e-corridor"}},
	},
	"sources": {
		{name: "publisher is exact", filter: domain.SourceFilter{Publisher: ptr("Daily Times")}, want: []string{"source:alpha"}},
		{name: "publisher", filter: domain.SourceFilter{Publisher: ptr("Dawn")}, want: []string{"source:beta"}},
		{name: "text", filter: domain.SourceFilter{Text: ptr("interview")}, want: []string{"source:gamma"}},
		{name: "text split hyphen", filter: domain.SourceFilter{Text: ptr("e corridor")}, want: []string{"source:alpha"}},
	},
}

func testFilters(t *testing.T, s domain.Store) {
	ctx := context.Background()
	for _, l := range listers {
		t.Run(l.name, func(t *testing.T) {
			cases := filterCases[l.name]
			if len(cases) == 0 {
				t.Fatalf("no filter cases for %s", l.name)
			}
			for _, c := range cases {
				got, err := l.fetch(ctx, s, c.filter, domain.Order{}, domain.PageArgs{First: domain.MaxPageSize})
				if c.code != "" {
					wantCode(t, fmt.Sprintf("%s filter %q", l.name, c.name), err, c.code, c.field)
					continue
				}
				if err != nil {
					t.Errorf("%s filter %q: %v", l.name, c.name, err)
					continue
				}
				if g, w := sorted(got.ids), sorted(c.want); !equalIDs(g, w) || got.total != len(c.want) {
					t.Errorf("%s filter %q = %q (total %d), want %q", l.name, c.name, g, got.total, w)
				}
			}
		})
	}
}

func equalIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
