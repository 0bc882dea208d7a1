package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// relationCases lists, per relation, parents and their expected children in the
// order the suite expects (ties broken by ID ascending; unknown values last):
//
//	PERSON_ROLES, ORG_ROLES                                by the role's From date
//	COMMITMENTS_MADE, COMMITMENTS_RECEIVED, ACTOR_MEETINGS,
//	MEETING_COMMITMENTS, CONCERNED_BY                      by date
//	FIGURES_STATED, FIGURES_ABOUT                          by as-of date
//	ORG_CHILDREN, COUNTRY_ACTORS, PILLAR_PROJECTS,
//	PROGRAMME_PROJECTS, PROGRAMME_CHILDREN,
//	PROJECTS_PARTNERED                                     by normalised label
//	PROGRAMME_PILLARS                                      by pillar number
//	SOURCE_CLAIMS                                          by kind (order of domain.Kinds)
//	MEETING_PREVIOUS, MEETING_NEXT                         zero or one meeting
//
// Dates compare as values: "2014" < "2014-02" < "2014-02-10". A series is ordered by
// sequence, then date, then ID. ACTOR_MEETINGS includes meetings an actor organized,
// took part in, or whose body it is; PROGRAMME_PROJECTS the projects in the
// programme directly or through one of its pillars; CONCERNED_BY only the
// commitments naming the node itself.
var relationCases = map[domain.Traversal]map[string][]string{
	domain.TraversePersonRoles: {
		"person:anusha-rehman": {"role:anusha-minister", "role:anusha-board"},
		"person:yao-jing":      {"role:yao-ambassador"},
		"person:li-wei":        {},
	},
	domain.TraverseOrgRoles: {
		"org:moit":              {"role:anusha-minister"},
		"org:pseb":              {"role:anusha-board"},
		"org:planning-ministry": {"role:ahsan-minister"},
		"org:ndrc":              {},
	},
	domain.TraverseOrgChildren: {
		"org:moit": {"org:pseb"},
		"org:jcc":  {"org:jcc-it-group"},
		"org:pseb": {},
	},
	domain.TraverseCountryActors: {
		"country:pakistan": {"person:ahsan-iqbal", "person:anusha-rehman", "org:moit", "org:planning-ministry", "org:pseb"},
		"country:china":    {"org:chinese-investors", "org:chinese-embassy", "org:ndrc", "person:yao-jing"},
	},
	domain.TraverseCommitmentsMade: {
		"country:pakistan": {"commitment:c01", "commitment:c04"},
		"country:china":    {"commitment:c01", "commitment:c04", "commitment:c10"},
		"org:moit":         {"commitment:c03", "commitment:c05", "commitment:c09"},
		"person:li-wei":    {},
	},
	domain.TraverseCommitmentsReceived: {
		"country:pakistan":      {"commitment:c07", "commitment:c10"},
		"org:chinese-investors": {"commitment:c02", "commitment:c03"},
		"org:moit":              {"commitment:c11"},
		"country:china":         {},
	},
	domain.TraverseActorMeetings: {
		"org:jcc":               {"meeting:jcc-1", "meeting:jcc-3", "meeting:jcc-2", "meeting:jcc-10"},
		"org:pseb":              {"meeting:it-roundtable"},
		"org:planning-ministry": {"meeting:jcc-1"},
		"person:ahsan-iqbal":    {"meeting:jcc-1"},
		"person:yao-jing":       {"meeting:jcc-it-session"},
		"org:jcc-it-group":      {"meeting:jcc-it-session"},
		"country:china":         {},
	},
	domain.TraverseFiguresStated: {
		"person:anusha-rehman":  {"figure:it-exports"},
		"org:planning-ministry": {"figure:jcc-projects"},
		"person:ahsan-iqbal":    {"figure:jcc-projects"},
		"person:yao-jing":       {},
	},
	domain.TraverseFiguresAbout: {
		"country:pakistan": {"figure:it-exports", "figure:mobile-subscribers"},
		"programme:cpec":   {"figure:jcc-projects"},
		"country:china":    {},
	},
	domain.TraverseMeetingCommitments: {
		"meeting:jcc-it-session": {"commitment:c10", "commitment:c11"},
		"meeting:jcc-1":          {"commitment:c01"},
		"meeting:it-roundtable":  {"commitment:c09"},
	},
	domain.TraverseMeetingPrevious: {
		"meeting:jcc-1":          {},
		"meeting:jcc-2":          {"meeting:jcc-1"},
		"meeting:jcc-3":          {"meeting:jcc-2"},
		"meeting:jcc-10":         {"meeting:jcc-3"},
		"meeting:jcc-it-session": {"meeting:jcc-10"},
		"meeting:it-roundtable":  {},
	},
	domain.TraverseMeetingNext: {
		"meeting:jcc-1":          {"meeting:jcc-2"},
		"meeting:jcc-3":          {"meeting:jcc-10"},
		"meeting:jcc-10":         {"meeting:jcc-it-session"},
		"meeting:jcc-it-session": {},
		"meeting:it-roundtable":  {},
	},
	domain.TraverseConcernedBy: {
		"project:e-corridor": {"commitment:c01", "commitment:c06"},
		"pillar:cpec-it":     {"commitment:c04", "commitment:c03"},
		"org:pseb":           {"commitment:c09"},
		"programme:cpec":     {"commitment:c04"},
		"project:skills-hub": {},
	},
	domain.TraversePillarProjects: {
		"pillar:cpec-it":     {"project:e-corridor", "project:pseb-tower"},
		"pillar:dp-skills":   {"project:skills-hub"},
		"pillar:cpec-energy": {},
	},
	domain.TraverseProgrammeProjects: {
		"programme:cpec":             {"project:fibre-cable", "project:e-corridor", "project:pseb-tower"},
		"programme:digital-pakistan": {"project:skills-hub"},
		"programme:bri":              {},
	},
	domain.TraverseProgrammePillars: {
		"programme:cpec":             {"pillar:cpec-energy", "pillar:cpec-it"},
		"programme:digital-pakistan": {"pillar:dp-skills"},
		"programme:bri":              {},
	},
	domain.TraverseProgrammeChildren: {
		"programme:bri":  {"programme:cpec"},
		"programme:cpec": {},
	},
	domain.TraverseProjectsPartnered: {
		"org:moit":      {"project:e-corridor", "project:pseb-tower"},
		"org:pseb":      {"project:pseb-tower"},
		"country:china": {},
	},
	domain.TraverseSourceClaims: {
		"source:gamma": {"person:li-wei", "role:anusha-board", "meeting:jcc-it-session", "commitment:c07", "commitment:c10"},
	},
}

func testRelated(t *testing.T, s domain.Store, ds *domain.Dataset) {
	ctx := context.Background()
	for _, rel := range domain.Traversals {
		t.Run(string(rel), func(t *testing.T) {
			cases, ok := relationCases[rel]
			if !ok {
				t.Fatalf("the suite has no case for relation %s", rel)
			}
			// One call for every parent, plus an unknown one and a repeated one.
			var ids []string
			for id := range cases {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			ids = append(ids, "person:nobody", ids[0])
			got, err := s.Related(ctx, ids, rel)
			if err != nil {
				t.Fatalf("Related: %v", err)
			}
			if len(got) != len(ids) {
				t.Fatalf("Related returned %d lists for %d IDs", len(got), len(ids))
			}
			for i, id := range ids {
				want, known := cases[id]
				if !known {
					want = []string{}
				}
				if g := nodeIDs(got[i]); !slices.Equal(g, want) {
					t.Errorf("%s of %s = %q, want %q", rel, id, g, want)
				}
			}
		})
	}
	t.Run("SourceClaimsCoverEveryCitation", func(t *testing.T) {
		for _, src := range ds.Sources {
			var want []string
			for _, n := range ds.Nodes() {
				for _, ev := range domain.Claims(n) {
					if ev.SourceID == src.ID {
						want = append(want, n.NodeID())
						break
					}
				}
			}
			got, err := s.Related(ctx, []string{src.ID}, domain.TraverseSourceClaims)
			if err != nil {
				t.Fatalf("Related: %v", err)
			}
			if g := sorted(nodeIDs(got[0])); !slices.Equal(g, sorted(want)) {
				t.Errorf("claims of %s = %q, want %q", src.ID, g, sorted(want))
			}
		}
	})
	t.Run("UnknownRelation", func(t *testing.T) {
		_, err := s.Related(ctx, []string{"org:moit"}, domain.Traversal("NOPE"))
		wantCode(t, "Related(NOPE)", err, domain.EINVALID, "")
	})
}
