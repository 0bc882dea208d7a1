package storetest

import "github.com/corridor-kg/corridor/domain"

// SeriesFixtureVersion is the version of the SeriesFixture dataset.
const SeriesFixtureVersion = "series-fixture-1"

// SeriesFixture returns a small hand-made dataset for meeting comparisons and
// commitment statistics, built fresh on each call: three meetings of the series
// "TDS" (sequences 1, 2, 3) and one meeting outside any series, with commitments
// that are new, reaffirmed (one of them by two later commitments) and dropped
// between consecutive meetings, and amounts in two currencies, one a range, one
// approximate.
//
//	tds-1: a1 PLEDGE   by moit        about {x}       USD 100
//	       a2 REQUEST  by ndrc        about {y}
//	       a3 AGREEMENT by pk, cn     about {x, y}    PKR 5
//	tds-2: b1 PLEDGE   by moit, psb   about {x}       USD 4..5 bn, approximate  reaffirms a1
//	       b2 REQUEST  by ndrc        about {y, x}    new (other concerns than a2)
//	       b3 AGREEMENT by cn         about {y, x}    reaffirms a3 (same set, a maker in common)
//	       b4 PLEDGE   by emb, moit   about {x}       USD 1 bn                  reaffirms a1 too
//	       dropped: a2
//	tds-3: c1 PLEDGE   by moit        about {x}       candidates b1, b4 → b4
//	       c2 PLEDGE   by psb         about {x}       candidate b1 only → b1
//	       c3 AGREEMENT by pk         about {x, y}    new (no maker in common with b3)
//	       dropped: b2, b3
//	side:  s1 PLEDGE   by moit        about {x}       made at a meeting outside the series
func SeriesFixture() *domain.Dataset {
	const src = "source:series"
	m := func(id, quote string) domain.Meta { return meta(id, src, quote) }
	ds := &domain.Dataset{Version: SeriesFixtureVersion}
	ds.Sources = []*domain.Source{{Meta: domain.Meta{ID: src, Origin: domain.OriginSeed}, Title: "Dialogue minutes", Publisher: "Minutes", Published: date("2020")}}
	ds.Countries = []*domain.Country{
		{Meta: m("country:pk", "Pakistan"), Name: "Pakistan", ISO: "PK"},
		{Meta: m("country:cn", "China"), Name: "China", ISO: "CN"},
	}
	ds.Organizations = []*domain.Organization{
		{Meta: m("org:moit", "MoIT"), Name: "Ministry of IT", Type: domain.OrgMinistry, CountryID: "country:pk"},
		{Meta: m("org:psb", "PSB"), Name: "Pakistan Software Board", Type: domain.OrgAgency, CountryID: "country:pk"},
		{Meta: m("org:ndrc", "NDRC"), Name: "NDRC", Type: domain.OrgAgency, CountryID: "country:cn"},
		{Meta: m("org:emb", "Embassy"), Name: "Embassy of China", Type: domain.OrgEmbassy, CountryID: "country:cn"},
		{Meta: m("org:tds", "TDS"), Name: "Tech Dialogue Secretariat", Type: domain.OrgCommittee},
	}
	ds.Programmes = []*domain.Programme{{Meta: m("programme:cpec", "CPEC"), Name: "CPEC"}}
	ds.Pillars = []*domain.Pillar{{Meta: m("pillar:y", "IT pillar"), Name: "IT", ProgrammeID: "programme:cpec"}}
	ds.Projects = []*domain.Project{{Meta: m("project:x", "Tech park"), Name: "Tech park", Status: domain.ProjectPlanned, PillarIDs: []string{"pillar:y"}}}
	meeting := func(id string, seq int, d string) *domain.Meeting {
		return &domain.Meeting{Meta: m(id, id), Title: id, Series: "TDS", Sequence: intp(seq), BodyID: "org:tds", Date: date(d), Format: domain.FormatInPerson}
	}
	ds.Meetings = []*domain.Meeting{
		meeting("meeting:tds-1", 1, "2018-03-01"),
		meeting("meeting:tds-2", 2, "2019-03"),
		meeting("meeting:tds-3", 3, "2020"),
		{Meta: m("meeting:side", "side event"), Title: "Side event", Date: date("2019-06-01"), Format: domain.FormatUnknown},
	}
	c := func(id string, kind domain.CommitmentKind, at string, by, concerns []string, amount *domain.Amount) *domain.Commitment {
		mt := map[string]string{"meeting:tds-1": "2018-03-01", "meeting:tds-2": "2019-03", "meeting:tds-3": "2020", "meeting:side": "2019-06-01"}
		return &domain.Commitment{Meta: m(id, id), Statement: "Statement " + id, Kind: kind, Status: domain.StatusAgreed,
			MadeByIDs: by, MadeAtID: at, Date: date(mt[at]), ConcernIDs: concerns, Amount: amount}
	}
	x, y := "project:x", "pillar:y"
	ds.Commitments = []*domain.Commitment{
		c("commitment:a1", domain.CommitmentPledge, "meeting:tds-1", []string{"org:moit"}, []string{x}, &domain.Amount{Value: 100, Currency: "USD"}),
		c("commitment:a2", domain.CommitmentRequest, "meeting:tds-1", []string{"org:ndrc"}, []string{y}, nil),
		c("commitment:a3", domain.CommitmentAgreement, "meeting:tds-1", []string{"country:pk", "country:cn"}, []string{x, y}, &domain.Amount{Value: 5, Currency: "PKR"}),
		c("commitment:b1", domain.CommitmentPledge, "meeting:tds-2", []string{"org:moit", "org:psb"}, []string{x}, &domain.Amount{Value: 4e9, MaxValue: ptr(5e9), Currency: "USD", Approximate: true}),
		c("commitment:b2", domain.CommitmentRequest, "meeting:tds-2", []string{"org:ndrc"}, []string{y, x}, nil),
		c("commitment:b3", domain.CommitmentAgreement, "meeting:tds-2", []string{"country:cn"}, []string{y, x}, nil),
		c("commitment:b4", domain.CommitmentPledge, "meeting:tds-2", []string{"org:emb", "org:moit"}, []string{x}, &domain.Amount{Value: 1e9, Currency: "USD"}),
		c("commitment:c1", domain.CommitmentPledge, "meeting:tds-3", []string{"org:moit"}, []string{x}, nil),
		c("commitment:c2", domain.CommitmentPledge, "meeting:tds-3", []string{"org:psb"}, []string{x}, nil),
		c("commitment:c3", domain.CommitmentAgreement, "meeting:tds-3", []string{"country:pk"}, []string{x, y}, nil),
		c("commitment:s1", domain.CommitmentPledge, "meeting:side", []string{"org:moit"}, []string{x}, nil),
	}
	return ds
}
