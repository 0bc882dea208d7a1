package storetest

import "github.com/corridor-kg/corridor/domain"

// FixtureVersion is the version of the Fixture dataset.
const FixtureVersion = "fixture-1"

// Fixture source IDs.
const (
	srcAlpha = "source:alpha"
	srcBeta  = "source:beta"
	srcGamma = "source:gamma"
)

func ev(src, quote string) []domain.Evidence {
	return []domain.Evidence{{SourceID: src, Quote: quote, Attribution: domain.AttributionArticle}}
}

func meta(id, src, quote string) domain.Meta {
	return domain.Meta{ID: id, Evidence: ev(src, quote), Origin: domain.OriginSeed}
}

func date(v string) domain.PartialDate { return domain.PartialDate{Value: v} }

func intp(i int) *int { return &i }

// Fixture returns the small dataset the contract suite runs on, built fresh on each
// call. It holds: persons (one named with diacritics, "Ánúsha Rehman"; one without
// nationality), organizations with acronyms and parents, two countries, roles with
// dated and open periods, a JCC meeting series with sequences 1..3 plus an
// unsequenced session and an undated meeting outside any series, commitments with
// repeated and unknown dates, projects under pillars under programmes (and one
// directly under a programme), figures, and three sources (one undated).
func Fixture() *domain.Dataset {
	ds := &domain.Dataset{Version: FixtureVersion}
	ds.Sources = []*domain.Source{
		{Meta: domain.Meta{ID: srcAlpha, Origin: domain.OriginSeed}, Title: "E-Corridor launched in Islamabad", Publisher: "Daily Times", Published: date("2016-05-10"), File: "alpha.txt"},
		{Meta: domain.Meta{ID: srcBeta, Origin: domain.OriginSeed}, Title: "JCC approves IT pillar", Publisher: "Dawn", Published: date("2019-11"), File: "beta.txt"},
		{Meta: domain.Meta{ID: srcGamma, Origin: domain.OriginSeed}, Title: "An interview with investors", Publisher: "daily times", Published: domain.PartialDate{Text: "recently"}, File: "gamma.txt"},
	}
	ds.Countries = []*domain.Country{
		{Meta: meta("country:pakistan", srcAlpha, "Pakistan"), Name: "Pakistan", Aliases: []string{"Islamic Republic of Pakistan"}, ISO: "PK"},
		{Meta: meta("country:china", srcAlpha, "China"), Name: "China", Aliases: []string{"People's Republic of China"}, ISO: "CN"},
	}
	ds.Persons = []*domain.Person{
		{Meta: meta("person:anusha-rehman", srcAlpha, "Minister of State for IT"), Name: "Ánúsha Rehman", Aliases: []string{"Minister Rehman"}, NationalityID: "country:pakistan"},
		{Meta: meta("person:yao-jing", srcBeta, "Ambassador Yao Jing"), Name: "Yao Jing", NationalityID: "country:china"},
		{Meta: meta("person:ahsan-iqbal", srcBeta, "Ahsan Iqbal"), Name: "Ahsan Iqbal", NationalityID: "country:pakistan"},
		{Meta: meta("person:li-wei", srcGamma, "Mr Li"), Name: "Li Wei"},
	}
	ds.Organizations = []*domain.Organization{
		{Meta: meta("org:moit", srcAlpha, "IT Ministry"), Name: "Ministry of Information Technology and Telecommunication", Aliases: []string{"IT Ministry"}, Acronym: "MoIT", Type: domain.OrgMinistry, CountryID: "country:pakistan"},
		{Meta: meta("org:pseb", srcAlpha, "PSEB"), Name: "Pakistan Software Export Board", Acronym: "PSEB", Type: domain.OrgAgency, CountryID: "country:pakistan", ParentID: "org:moit"},
		{Meta: meta("org:planning-ministry", srcBeta, "Ministry of Planning"), Name: "Ministry of Planning, Development & Reforms", Type: domain.OrgMinistry, CountryID: "country:pakistan"},
		{Meta: meta("org:ndrc", srcBeta, "NDRC"), Name: "National Development and Reform Commission", Acronym: "NDRC", Type: domain.OrgAgency, CountryID: "country:china"},
		{Meta: meta("org:chinese-embassy", srcBeta, "Chinese Embassy"), Name: "Embassy of China in Pakistan", Type: domain.OrgEmbassy, CountryID: "country:china"},
		{Meta: meta("org:jcc", srcBeta, "JCC"), Name: "CPEC Joint Cooperation Committee", Acronym: "JCC", Type: domain.OrgCommittee},
		{Meta: meta("org:jcc-it-group", srcBeta, "working group on IT"), Name: "JCC Working Group on IT", Type: domain.OrgWorkingGroup, ParentID: "org:jcc"},
		{Meta: meta("org:chinese-investors", srcAlpha, "Chinese investors"), Name: "Chinese investors", Type: domain.OrgGroup, CountryID: "country:china"},
	}
	ds.Roles = []*domain.Role{
		{Meta: meta("role:anusha-minister", srcAlpha, "Minister of State for IT"), PersonID: "person:anusha-rehman", Title: "Minister of State for IT", OrganizationID: "org:moit", From: date("2013-06"), To: date("2018-05-31")},
		{Meta: meta("role:anusha-board", srcGamma, "board member"), PersonID: "person:anusha-rehman", Title: "Board member", OrganizationID: "org:pseb"},
		{Meta: meta("role:yao-ambassador", srcBeta, "Ambassador"), PersonID: "person:yao-jing", Title: "Ambassador", OrganizationID: "org:chinese-embassy", From: date("2017-03")},
		{Meta: meta("role:ahsan-minister", srcBeta, "Minister for Planning"), PersonID: "person:ahsan-iqbal", Title: "Minister for Planning", OrganizationID: "org:planning-ministry", From: date("2013"), To: date("2018")},
	}
	ds.Programmes = []*domain.Programme{
		{Meta: meta("programme:bri", srcBeta, "Belt and Road"), Name: "Belt and Road Initiative", Acronym: "BRI"},
		{Meta: meta("programme:cpec", srcBeta, "CPEC"), Name: "China-Pakistan Economic Corridor", Acronym: "CPEC", PartOfID: "programme:bri"},
		{Meta: meta("programme:digital-pakistan", srcAlpha, "Digital Pakistan"), Name: "Digital Pakistan"},
	}
	ds.Pillars = []*domain.Pillar{
		{Meta: meta("pillar:cpec-it", srcBeta, "IT as the seventh pillar"), Name: "Information technology", ProgrammeID: "programme:cpec", Number: intp(7)},
		{Meta: meta("pillar:cpec-energy", srcBeta, "energy"), Name: "Energy", ProgrammeID: "programme:cpec", Number: intp(1)},
		{Meta: meta("pillar:dp-skills", srcAlpha, "skills"), Name: "Digital skills", ProgrammeID: "programme:digital-pakistan"},
	}
	ds.Projects = []*domain.Project{
		{Meta: meta("project:e-corridor", srcAlpha, "E-Corridor"), Name: "E-Corridor", Description: "Optical fibre link between China and Pakistan", Status: domain.ProjectInProgress, PillarIDs: []string{"pillar:cpec-it"}, PartnerIDs: []string{"org:moit"}},
		{Meta: meta("project:pseb-tower", srcAlpha, "PSEB IT Tower"), Name: "PSEB IT Tower", Description: "Software park in Islamabad", Status: domain.ProjectPlanned, PillarIDs: []string{"pillar:cpec-it"}, PartnerIDs: []string{"org:pseb", "org:moit"}},
		{Meta: meta("project:fibre-cable", srcBeta, "fibre cable"), Name: "Cross-border fibre cable", Aliases: []string{"Khunjerab fibre"}, Status: domain.ProjectCompleted, ProgrammeIDs: []string{"programme:cpec"}},
		{Meta: meta("project:skills-hub", srcAlpha, "skills hub"), Name: "Digital Skills Hub", Status: domain.ProjectProposed, PillarIDs: []string{"pillar:dp-skills"}},
	}
	ds.Meetings = []*domain.Meeting{
		{Meta: meta("meeting:jcc-1", srcBeta, "first JCC"), Title: "1st JCC meeting", Series: "JCC", Sequence: intp(1), BodyID: "org:jcc", Date: date("2013-08-27"), Format: domain.FormatInPerson,
			OrganizerIDs: []string{"org:planning-ministry"},
			Participants: []domain.Participation{
				{ActorID: "person:ahsan-iqbal", Capacity: "head of delegation", Evidence: ev(srcBeta, "Ahsan Iqbal led")},
				{ActorID: "org:ndrc", Capacity: "co-chair", Evidence: ev(srcBeta, "NDRC co-chaired")},
			}},
		{Meta: meta("meeting:jcc-2", srcBeta, "second JCC"), Title: "2nd JCC meeting", Series: "JCC", Sequence: intp(2), BodyID: "org:jcc", Date: date("2014-02"), Format: domain.FormatInPerson,
			Participants: []domain.Participation{{ActorID: "org:moit", Capacity: "member", Evidence: ev(srcBeta, "MoIT attended")}}},
		{Meta: meta("meeting:jcc-3", srcBeta, "third JCC"), Title: "3rd JCC meeting", Series: "JCC", Sequence: intp(3), BodyID: "org:jcc", Date: date("2014"), Format: domain.FormatUnknown},
		{Meta: meta("meeting:jcc-10", srcBeta, "10th JCC"), Title: "10th JCC meeting", Series: "JCC", Sequence: intp(10), BodyID: "org:jcc", Date: date("2021-09-23"), Format: domain.FormatVideoLink},
		{Meta: meta("meeting:jcc-it-session", srcBeta, "IT working group session"), Title: "JCC IT working group session", Series: "JCC", BodyID: "org:jcc-it-group", Date: date("2019-11-05"), Format: domain.FormatVideoLink,
			Participants:    []domain.Participation{{ActorID: "person:yao-jing", Capacity: "guest", Evidence: ev(srcGamma, "Yao Jing joined")}},
			DocumentsSigned: []domain.SignedDocuments{{Description: "two MoUs", Count: intp(2), Evidence: ev(srcGamma, "two MoUs were signed")}}},
		{Meta: meta("meeting:it-roundtable", srcAlpha, "roundtable"), Title: "IT investors roundtable", Date: domain.PartialDate{Text: "on Tuesday"}, Format: domain.FormatInPerson,
			OrganizerIDs: []string{"org:pseb"},
			Participants: []domain.Participation{
				{ActorID: "person:anusha-rehman", Capacity: "chief guest", Evidence: ev(srcAlpha, "Anusha Rehman, chief guest")},
				{ActorID: "org:chinese-investors", Capacity: "audience", Evidence: ev(srcAlpha, "Chinese investors")},
			}},
	}
	usd := func(v float64) *domain.Amount { return &domain.Amount{Value: v, Currency: "USD"} }
	c := func(id string, kind domain.CommitmentKind, status domain.CommitmentStatus, statement, d, at string, by, to, concerns []string, quote, src string) *domain.Commitment {
		return &domain.Commitment{Meta: meta(id, src, quote), Statement: statement, Kind: kind, Status: status,
			MadeByIDs: by, MadeToIDs: to, MadeAtID: at, Date: date(d), ConcernIDs: concerns}
	}
	ds.Commitments = []*domain.Commitment{
		c("commitment:c01", domain.CommitmentPledge, domain.StatusAgreed, "Build the E-Corridor optical fibre link", "2013-08-27", "meeting:jcc-1",
			[]string{"country:pakistan", "country:china"}, nil, []string{"project:e-corridor"}, "both the sides agreed", srcBeta),
		c("commitment:c02", domain.CommitmentPledge, domain.StatusProposed, "Set up the PSEB IT Tower in Islamabad", "2016-05-10", "",
			[]string{"org:pseb"}, []string{"org:chinese-investors"}, []string{"project:pseb-tower"}, "PSEB will set up", srcAlpha),
		c("commitment:c03", domain.CommitmentAssurance, domain.StatusAgreed, "Provide tax holidays to Chinese IT companies", "2016-05-10", "",
			[]string{"org:moit"}, []string{"org:chinese-investors"}, []string{"pillar:cpec-it"}, "tax holidays", srcAlpha),
		c("commitment:c04", domain.CommitmentDecision, domain.StatusAgreed, "Make IT the seventh pillar of the CPEC long-term plan", "2014", "meeting:jcc-3",
			[]string{"country:pakistan", "country:china"}, nil, []string{"pillar:cpec-it", "programme:cpec"}, "seventh pillar", srcBeta),
		c("commitment:c05", domain.CommitmentTarget, domain.StatusInProgress, "Train ten thousand IT graduates", "", "",
			[]string{"org:moit"}, nil, []string{"pillar:dp-skills"}, "ten thousand graduates", srcAlpha),
		c("commitment:c06", domain.CommitmentRequest, domain.StatusProposed, "Request Chinese support for the e-corridor", "2014-02", "meeting:jcc-2",
			[]string{"person:ahsan-iqbal"}, []string{"org:ndrc"}, []string{"project:e-corridor"}, "sought support", srcBeta),
		c("commitment:c07", domain.CommitmentAnnouncement, domain.StatusDelivered, "Announce completion of the cross-border cable", "2018-07-13", "",
			[]string{"person:yao-jing"}, []string{"country:pakistan"}, []string{"project:fibre-cable"}, "the fibre cable is now operational", srcGamma),
		c("commitment:c08", domain.CommitmentPledge, domain.StatusStalled, "Expand the Digital Pakistan skills programme", "", "",
			[]string{"person:anusha-rehman"}, nil, []string{"programme:digital-pakistan"}, "expand the programme", srcAlpha),
		c("commitment:c09", domain.CommitmentPledge, domain.StatusAgreed, "Hold an annual IT investment forum", "", "meeting:it-roundtable",
			[]string{"org:moit", "org:ndrc"}, nil, []string{"org:pseb"}, "annual forum", srcAlpha),
		c("commitment:c10", domain.CommitmentAgreement, domain.StatusCancelled, "Share satellite data", "2019-11-05", "meeting:jcc-it-session",
			[]string{"country:china"}, []string{"country:pakistan"}, nil, "satellite data", srcGamma),
		c("commitment:c11", domain.CommitmentPledge, domain.StatusAgreed, "Fund the PSEB tower feasibility study", "2019-11-05", "meeting:jcc-it-session",
			[]string{"org:chinese-embassy"}, []string{"org:moit"}, []string{"project:pseb-tower"}, "feasibility study", srcBeta),
		c("commitment:c12", domain.CommitmentPledge, domain.StatusProposed, "Open a software export office in Beijing", "2016-05-10", "",
			[]string{"org:pseb"}, nil, nil, "office in Beijing", srcAlpha),
	}
	ds.Commitments[0].Amount = usd(44e6)
	ds.Figures = []*domain.Figure{
		{Meta: domain.Meta{ID: "figure:it-exports", Evidence: append(ev(srcAlpha, "USD 2 billion"), ev(srcBeta, "2 billion dollars")...), Origin: domain.OriginSeed},
			SubjectID: "country:pakistan", Metric: "IT services exports", Value: 2e9, Unit: "USD", AsOf: date("2016"), SaidByIDs: []string{"person:anusha-rehman"}},
		{Meta: meta("figure:mobile-subscribers", srcBeta, "161 million"), SubjectID: "country:pakistan", Metric: "Mobile subscribers", Value: 161e6, Unit: "subscribers", AsOf: date("2019-11")},
		{Meta: meta("figure:jcc-projects", srcBeta, "22 projects"), SubjectID: "programme:cpec", Metric: "Projects under way", Value: 22, Unit: "projects", Approximate: true, SaidByIDs: []string{"person:ahsan-iqbal", "org:planning-ministry"}},
	}
	return ds
}
