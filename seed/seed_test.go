package seed

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/corridor-kg/corridor/domain"
)

const (
	validDir  = "testdata/valid"
	seedsDir  = "testdata/seeds"
	validPath = "testdata/valid/" // PathPrefix used when loading the fixture
)

// fixture returns the valid fixture dataset as an in-memory file system.
func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	entries, err := os.ReadDir(validDir)
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	fsys := fstest.MapFS{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(validDir, e.Name()))
		if err != nil {
			t.Fatalf("reading fixture: %v", err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// patch replaces the single occurrence of old in a fixture file with new.
func patch(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	f, ok := fsys[file]
	if !ok {
		f = &fstest.MapFile{}
		fsys[file] = f
	}
	if old == "" {
		f.Data = append(f.Data, new...)
		return
	}
	if n := strings.Count(string(f.Data), old); n != 1 {
		t.Fatalf("fixture %s holds %q %d times, want once", file, old, n)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
}

// lineOf returns the 1-based line of the first occurrence of s in the file.
func lineOf(t *testing.T, fsys fstest.MapFS, file, s string) int {
	t.Helper()
	text := string(fsys[file].Data)
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in %s", s, file)
	}
	return strings.Count(text[:i], "\n") + 1
}

func loadFixture(fsys fstest.MapFS) (*domain.Dataset, error) {
	return Load(context.Background(), fsys, Options{SeedsDir: seedsDir, PathPrefix: validPath})
}

func TestLoadValid(t *testing.T) {
	ds, err := loadFixture(fixture(t))
	if err != nil {
		t.Fatalf("valid fixture: %v", err)
	}
	if ds.Version != "1.2.3-test" {
		t.Errorf("Version = %q, want 1.2.3-test (from dataset.yaml)", ds.Version)
	}
	byID := map[string]domain.Node{}
	for _, n := range ds.Nodes() {
		byID[n.NodeID()] = n
		if n.NodeKind() != domain.KindSource && len(n.NodeEvidence()) == 0 {
			t.Errorf("%s has no evidence", n.NodeID())
		}
	}
	counts := map[domain.Kind]int{}
	for _, n := range ds.Nodes() {
		counts[n.NodeKind()]++
	}
	wantCounts := map[domain.Kind]int{domain.KindSource: 2, domain.KindCountry: 2, domain.KindPerson: 2,
		domain.KindOrganization: 5, domain.KindRole: 2, domain.KindMeeting: 2, domain.KindCommitment: 3,
		domain.KindProject: 1, domain.KindProgramme: 2, domain.KindPillar: 1, domain.KindFigure: 1}
	for k, want := range wantCounts {
		if counts[k] != want {
			t.Errorf("%d %s records, want %d", counts[k], k, want)
		}
	}

	src := byID["source:article-101"].(*domain.Source)
	if src.Origin != domain.OriginSeed || src.File != "101_article.txt" || src.Publisher != "Test Daily" {
		t.Errorf("source mapped wrong: %+v", src)
	}
	if src.Published.Value != "2019-12-08" || src.Published.Precision() != domain.PrecisionDay {
		t.Errorf("source published = %+v, want 2019-12-08 with DAY precision", src.Published)
	}
	src2 := byID["source:article-102"].(*domain.Source)
	if src2.Published.Known() || src2.Published.Text != "today" || src2.URL != "https://example.org/jwg" {
		t.Errorf("source 102 published = %+v url %q, want unknown date with text \"today\"", src2.Published, src2.URL)
	}

	p := byID["person:anusha-rehman"].(*domain.Person)
	if p.Name != "Anusha Rehman" || p.NationalityID != "country:pakistan" || len(p.Aliases) != 1 || p.Note == "" {
		t.Errorf("person mapped wrong: %+v", p)
	}
	ev := p.Evidence[0]
	if ev.SourceID != "source:article-101" || ev.Attribution != domain.AttributionArticle || ev.Quote != "said Minister Anusha Rehman" {
		t.Errorf("evidence mapped wrong: %+v", ev)
	}

	org := byID["org:jwg-it"].(*domain.Organization)
	if org.Type != domain.OrgWorkingGroup || org.ParentID != "org:jcc" {
		t.Errorf("organization mapped wrong: %+v", org)
	}
	moit := byID["org:ministry-of-it"].(*domain.Organization)
	if moit.Acronym != "MoIT" || moit.CountryID != "country:pakistan" {
		t.Errorf("organization mapped wrong: %+v", moit)
	}

	role := byID["role:anusha-rehman-minister"].(*domain.Role)
	if role.From.Precision() != domain.PrecisionMonth || role.From.Value != "2019-12" ||
		role.To.Known() || role.To.Text != "until further notice" || role.PersonID != "person:anusha-rehman" {
		t.Errorf("role mapped wrong: %+v", role)
	}
	role2 := byID["role:ning-jizhe-deputy-head-ndrc"].(*domain.Role)
	if role2.To.Precision() != domain.PrecisionYear || role2.From.Precision() != domain.PrecisionUnknown {
		t.Errorf("role dates mapped wrong: from %+v to %+v", role2.From, role2.To)
	}

	m := byID["meeting:jcc-10"].(*domain.Meeting)
	if m.Series != "JCC" || m.Sequence == nil || *m.Sequence != 10 || m.BodyID != "org:jcc" ||
		m.Format != domain.FormatVideoLink || m.Location != "Beijing" || m.Date.Precision() != domain.PrecisionDay {
		t.Errorf("meeting mapped wrong: %+v", m)
	}
	if len(m.OrganizerIDs) != 1 || m.OrganizerIDs[0] != "org:ndrc" {
		t.Errorf("organizers = %v", m.OrganizerIDs)
	}
	if len(m.Participants) != 2 || m.Participants[0].ActorID != "person:ning-jizhe" ||
		m.Participants[0].Capacity != "chair" || len(m.Participants[0].Evidence) != 1 ||
		m.Participants[1].ActorID != "country:pakistan" || m.Participants[1].Capacity != "" {
		t.Errorf("participants mapped wrong: %+v", m.Participants)
	}
	if len(m.DocumentsSigned) != 1 || m.DocumentsSigned[0].Count == nil || *m.DocumentsSigned[0].Count != 5 ||
		m.DocumentsSigned[0].Description != "documents" || len(m.DocumentsSigned[0].Evidence) != 1 {
		t.Errorf("documents signed mapped wrong: %+v", m.DocumentsSigned)
	}
	m9 := byID["meeting:jcc-9"].(*domain.Meeting)
	if m9.Format != domain.FormatUnknown || m9.Date.Known() {
		t.Errorf("meeting without format or date: format %q date %+v, want UNKNOWN and unknown", m9.Format, m9.Date)
	}

	c := byID["commitment:investment-range"].(*domain.Commitment)
	if c.Amount == nil || c.Amount.Value != 4e9 || c.Amount.MaxValue == nil || *c.Amount.MaxValue != 5e9 ||
		c.Amount.Currency != "USD" || !c.Amount.Approximate || c.Kind != domain.CommitmentTarget {
		t.Errorf("commitment amount mapped wrong: %+v %+v", c, c.Amount)
	}
	if c.Evidence[0].SpeakerID != "org:ministry-of-it" || c.Evidence[0].Attribution != domain.AttributionAnonymous {
		t.Errorf("evidence speaker mapped wrong: %+v", c.Evidence[0])
	}
	jwg := byID["commitment:jwg-established"].(*domain.Commitment)
	if len(jwg.MadeByIDs) != 2 || jwg.MadeAtID != "meeting:jcc-10" || jwg.Date.Precision() != domain.PrecisionMonth ||
		jwg.Status != domain.StatusDelivered || jwg.Amount != nil || len(jwg.ConcernIDs) != 1 {
		t.Errorf("mutual commitment mapped wrong: %+v", jwg)
	}
	hp := byID["commitment:haripur-plant"].(*domain.Commitment)
	if hp.Date.Known() || hp.Date.Text != "on Tuesday" || len(hp.MadeToIDs) != 1 || len(hp.ConcernIDs) != 2 {
		t.Errorf("commitment mapped wrong: %+v", hp)
	}

	proj := byID["project:haripur-plant"].(*domain.Project)
	if proj.Status != domain.ProjectProposed || len(proj.PillarIDs) != 1 || len(proj.ProgrammeIDs) != 1 ||
		len(proj.PartnerIDs) != 1 || proj.Location != "Haripur" {
		t.Errorf("project mapped wrong: %+v", proj)
	}
	cpec := byID["programme:cpec"].(*domain.Programme)
	if cpec.PartOfID != "programme:bri" || cpec.Acronym != "CPEC" {
		t.Errorf("programme mapped wrong: %+v", cpec)
	}
	pil := byID["pillar:cpec-it"].(*domain.Pillar)
	if pil.Number == nil || *pil.Number != 7 || pil.ProgrammeID != "programme:cpec" {
		t.Errorf("pillar mapped wrong: %+v", pil)
	}
	fig := byID["figure:pakistan-mobile-subscribers"].(*domain.Figure)
	if fig.Value != 161000000 || fig.MaxValue != nil || fig.Unit != "subscribers" || fig.SubjectID != "country:pakistan" ||
		fig.AsOf.Precision() != domain.PrecisionYear || len(fig.SaidByIDs) != 0 {
		t.Errorf("figure mapped wrong: %+v", fig)
	}
}

// TestLoadErrors patches the valid fixture to break one rule per case and checks
// that the error names the file, the line, the record and the field.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string
		at       string // the expected line is the first line holding this text
		record   string
		field    string
		msg      string
	}{
		{
			name: "unknown field", file: "persons.yaml",
			old: "  nationality: country:china", new: "  nationalty: country:china",
			at: "nationalty", record: "person:ning-jizhe", field: "nationalty",
			msg: `unknown field "nationalty" (did you mean "nationality"?)`,
		},
		{
			name: "unknown field in evidence", file: "pillars.yaml",
			old: "      attribution: ARTICLE", new: "      atribution: ARTICLE",
			at: "atribution", record: "pillar:cpec-it", field: "evidence[0].atribution",
			msg: `unknown field "atribution"`,
		},
		{
			name: "malformed ID", file: "programmes.yaml",
			old: "id: programme:bri", new: "id: programme:Belt_Road",
			at: "programme:Belt_Road", record: "programme:Belt_Road", field: "id",
			msg: "lower-case ASCII letters and digits",
		},
		{
			name: "ID with another kind's prefix", file: "pillars.yaml",
			old: "id: pillar:cpec-it", new: "id: programme:cpec-it",
			at: "programme:cpec-it", record: "programme:cpec-it", field: "id",
			msg: `must start with "pillar:"`,
		},
		{
			name: "missing ID", file: "figures.yaml",
			old: "- id: figure:pakistan-mobile-subscribers\n  subject", new: "- subject",
			at: "- subject", record: "record #1", field: "id",
			msg: "missing; an ID of the form figure:<slug> is required",
		},
		{
			name: "ID that is a list", file: "pillars.yaml",
			old: "id: pillar:cpec-it", new: "id: [pillar:cpec-it]",
			at: "id: [pillar", record: "record #1", field: "id",
			msg: "expected a single value, found a list",
		},
		{
			name: "duplicate ID in one file", file: "programmes.yaml",
			old: "id: programme:bri", new: "id: programme:cpec",
			at: "id: programme:cpec\n  name: China", record: "programme:cpec", field: "id",
			msg: "duplicate ID: already defined at testdata/valid/programmes.yaml:1",
		},
		{
			name: "duplicate ID across files", file: "zz-extra/pillars.yaml",
			new: "- id: pillar:cpec-it\n  name: IT again\n  programme: programme:cpec\n  evidence:\n    - source: source:article-101\n      quote: CPEC\n      attribution: ARTICLE\n",
			at:  "pillar:cpec-it", record: "pillar:cpec-it", field: "id",
			msg: "duplicate ID: already defined at testdata/valid/",
		},
		{
			name: "missing reference", file: "commitments.yaml",
			old: "madeBy: [person:anusha-rehman]", new: "madeBy: [person:anusha-rehmann]",
			at: "anusha-rehmann", record: "commitment:haripur-plant", field: "madeBy[0]",
			msg: `"person:anusha-rehmann" does not exist; expected the ID of an actor (PERSON, ORGANIZATION or COUNTRY) (did you mean "person:anusha-rehman"?)`,
		},
		{
			name: "reference to the wrong kind", file: "persons.yaml",
			old: "nationality: country:china", new: "nationality: org:ndrc",
			at: "nationality: org:ndrc", record: "person:ning-jizhe", field: "nationality",
			msg: `"org:ndrc" is of kind ORGANIZATION; expected the ID of a Country`,
		},
		{
			name: "madeAt to a non-meeting", file: "commitments.yaml",
			old: "madeAt: meeting:jcc-10", new: "madeAt: org:jcc",
			at: "madeAt: org:jcc", record: "commitment:jwg-established", field: "madeAt",
			msg: "expected the ID of a Meeting",
		},
		{
			name: "evidence source not a source", file: "pillars.yaml",
			old: "source: source:article-101", new: "source: programme:cpec",
			at: "source: programme:cpec", record: "pillar:cpec-it", field: "evidence[0].source",
			msg: "expected the ID of a Source",
		},
		{
			name: "speaker not an actor", file: "projects.yaml",
			old: "speaker: person:anusha-rehman", new: "speaker: pillar:cpec-it",
			at: "speaker: pillar:cpec-it", record: "project:haripur-plant", field: "evidence[0].speaker",
			msg: "expected the ID of an actor",
		},
		{
			name: "concerns a missing node", file: "commitments.yaml",
			old: "concerns: [org:jwg-it]", new: "concerns: [project:nowhere]",
			at: "project:nowhere", record: "commitment:jwg-established", field: "concerns[0]",
			msg: `"project:nowhere" does not exist; expected the ID of a node`,
		},
		{
			name: "record without evidence", file: "programmes.yaml",
			old: "  acronym: BRI\n  evidence:\n    - source: source:article-101\n      quote: CPEC\n      attribution: ARTICLE\n", new: "  acronym: BRI\n",
			at: "id: programme:bri", record: "programme:bri", field: "evidence",
			msg: "missing; at least one evidence entry",
		},
		{
			name: "empty evidence list", file: "figures.yaml",
			old: "  evidence:\n    - source: source:article-101\n      quote: Pakistan has 161 million mobile subscribers.\n      attribution: ARTICLE\n", new: "  evidence: []\n",
			at: "evidence: []", record: "figure:pakistan-mobile-subscribers", field: "evidence",
			msg: "is empty; at least one evidence entry",
		},
		{
			name: "participation without evidence", file: "meetings.yaml",
			old: "    - actor: country:pakistan\n      evidence:\n        - source: source:article-102\n          quote: The two sides signed five documents.\n          attribution: ARTICLE\n",
			new: "    - actor: country:pakistan\n",
			at:  "actor: country:pakistan", record: "meeting:jcc-10", field: "participants[1].evidence",
			msg: "missing; at least one evidence entry",
		},
		{
			name: "signed documents without evidence", file: "meetings.yaml",
			old: "      count: 5\n      evidence:\n        - source: source:article-102\n          quote: The two sides signed five documents.\n          attribution: ARTICLE\n",
			new: "      count: 5\n",
			at:  "- description: documents", record: "meeting:jcc-10", field: "documentsSigned[0].evidence",
			msg: "missing; at least one evidence entry",
		},
		{
			name: "unknown enum value", file: "commitments.yaml",
			old: "kind: PLEDGE", new: "kind: PLEGDE",
			at: "PLEGDE", record: "commitment:haripur-plant", field: "kind",
			msg: `"PLEGDE" is not one of PLEDGE, AGREEMENT, ASSURANCE, REQUEST, TARGET, ANNOUNCEMENT, DECISION (did you mean PLEDGE?)`,
		},
		{
			name: "unknown attribution", file: "roles.yaml",
			old: "      attribution: ARTICLE\n- id: role:ning", new: "      attribution: QUOTED\n- id: role:ning",
			at: "QUOTED", record: "role:anusha-rehman-minister", field: "evidence[0].attribution",
			msg: `"QUOTED" is not one of DIRECT_QUOTE, REPORTED, ANONYMOUS, ARTICLE`,
		},
		{
			name: "missing organization type", file: "organizations.yaml",
			old: "  type: AGENCY\n", new: "",
			at: "id: org:ndrc", record: "org:ndrc", field: "type",
			msg: "missing; one of MINISTRY, DIVISION",
		},
		{
			name: "quote not in source", file: "commitments.yaml",
			old: "quote: “We will build a plant in Haripur,” said", new: "quote: “We will build a factory in Haripur,” said",
			at: "a factory in", record: "commitment:haripur-plant", field: "evidence[0].quote",
			msg: `not found in 101_article.txt (after whitespace normalisation); the text has "“We will build a " and then "plant in Haripur,”`,
		},
		{
			name: "quote with straight quotation marks", file: "persons.yaml",
			old: "quote: said Minister Anusha Rehman", new: `quote: 'Haripur," said Minister Anusha Rehman'`,
			at: `'Haripur,"`, record: "person:anusha-rehman", field: "evidence[0].quote",
			msg: "it matches if its quotation marks and apostrophes are written as in the text",
		},
		{
			name: "quote from the wrong source", file: "countries.yaml",
			old: "    - source: source:article-102\n      quote: China and Pakistan announced\n      attribution: ARTICLE\n- id: country:pakistan",
			new: "    - source: source:article-101\n      quote: China and Pakistan announced\n      attribution: ARTICLE\n- id: country:pakistan",
			at:  "quote: China and Pakistan", record: "country:china", field: "evidence[0].quote",
			msg: "not found in 101_article.txt",
		},
		{
			name: "quote too long", file: "figures.yaml",
			old: "quote: Pakistan has 161 million mobile subscribers.", new: "quote: " + strings.Repeat("word ", 70),
			at: "quote: word", record: "figure:pakistan-mobile-subscribers", field: "evidence[0].quote",
			msg: "keep quotes to at most 300",
		},
		{
			name: "source file not in seeds dir", file: "sources.yaml",
			old: "file: 102_article.txt", new: "file: 999_missing.txt",
			at: "999_missing", record: "source:article-102", field: "file",
			msg: `"999_missing.txt" is not in the seeds directory`,
		},
		{
			name: "source file with a path", file: "sources.yaml",
			old: "file: 102_article.txt", new: "file: ../valid/sources.yaml",
			at: "file: ../valid", record: "source:article-102", field: "file",
			msg: "must be a plain file name",
		},
		{
			name: "empty required name", file: "countries.yaml",
			old: "name: China", new: `name: ""`,
			at: `name: ""`, record: "country:china", field: "name",
			msg: "is empty; the country's name is required",
		},
		{
			name: "missing statement", file: "commitments.yaml",
			old: "  statement: Build a mobile phone plant in Haripur.\n", new: "",
			at: "id: commitment:haripur-plant", record: "commitment:haripur-plant", field: "statement",
			msg: "missing; the commitment in plain words is required",
		},
		{
			name: "missing metric", file: "figures.yaml",
			old: "  metric: mobile phone subscribers\n", new: "",
			at: "id: figure:", record: "figure:pakistan-mobile-subscribers", field: "metric",
			msg: "missing; what is measured is required",
		},
		{
			name: "empty madeBy", file: "commitments.yaml",
			old: "madeBy: [org:ministry-of-it]", new: "madeBy: []",
			at: "madeBy: []", record: "commitment:investment-range", field: "madeBy",
			msg: "is empty; at least one ID of an actor (PERSON, ORGANIZATION or COUNTRY) is required",
		},
		{
			name: "bad date", file: "meetings.yaml",
			old: "date: 2021-09-23", new: "date: 2021-13-23",
			at: "2021-13-23", record: "meeting:jcc-10", field: "date",
			msg: `date "2021-13-23" is not YYYY, YYYY-MM or YYYY-MM-DD`,
		},
		{
			name: "relative date in a date field", file: "commitments.yaml",
			old: "date: 2021-09", new: "date: last Thursday",
			at: "last Thursday", record: "commitment:jwg-established", field: "date",
			msg: "keep a relative date as text in dateText",
		},
		{
			name: "role ends before it starts", file: "roles.yaml",
			old: "  toText: until further notice", new: "  to: 2018",
			at: "to: 2018", record: "role:anusha-rehman-minister", field: "to",
			msg: "2018 is before from (2019-12)",
		},
		{
			name: "not a number", file: "figures.yaml",
			old: "value: 161000000", new: "value: 161 million",
			at: "161 million", record: "figure:pakistan-mobile-subscribers", field: "value",
			msg: `"161 million" is not a number`,
		},
		{
			name: "range upside down", file: "commitments.yaml",
			old: "maxValue: 5e9", new: "maxValue: 3e9",
			at: "maxValue: 3e9", record: "commitment:investment-range", field: "amount.maxValue",
			msg: "3e+09 is less than value (4e+09)",
		},
		{
			name: "bad currency", file: "commitments.yaml",
			old: "currency: USD", new: "currency: dollars",
			at: "currency: dollars", record: "commitment:investment-range", field: "amount.currency",
			msg: "not an ISO 4217 currency code",
		},
		{
			name: "bad ordinal", file: "pillars.yaml",
			old: "number: 7", new: "number: seventh",
			at: "number: seventh", record: "pillar:cpec-it", field: "number",
			msg: "not a whole number of at least 1",
		},
		{
			name: "not true or false", file: "commitments.yaml",
			old: "approximate: true", new: "approximate: maybe",
			at: "approximate: maybe", record: "commitment:investment-range", field: "amount.approximate",
			msg: `"maybe" is not true or false`,
		},
		{
			name: "text where a list belongs", file: "projects.yaml",
			old: "pillars: [pillar:cpec-it]", new: "pillars: pillar:cpec-it",
			at: "pillars: pillar", record: "project:haripur-plant", field: "pillars",
			msg: `expected a list, found "pillar:cpec-it"`,
		},
		{
			name: "list where a text belongs", file: "persons.yaml",
			old: "name: Ning Jizhe", new: "name: [Ning, Jizhe]",
			at: "name: [Ning", record: "person:ning-jizhe", field: "name",
			msg: "expected a single value, found a list",
		},
		{
			name: "repeated field", file: "countries.yaml",
			old: "  iso: PK\n", new: "  iso: PK\n  iso: PK\n",
			at: "  iso: PK\n  evidence", record: "country:pakistan", field: "iso",
			msg: "field given twice",
		},
		{
			name: "repeated reference", file: "commitments.yaml",
			old: "madeBy: [country:china, country:pakistan]", new: "madeBy: [country:china, country:china]",
			at: "madeBy: [country:china, country:china]", record: "commitment:jwg-established", field: "madeBy[1]",
			msg: `"country:china" is listed twice`,
		},
		{
			name: "participant listed twice", file: "meetings.yaml",
			old: "    - actor: country:pakistan", new: "    - actor: person:ning-jizhe",
			at: "    - actor: person:ning-jizhe\n      evidence", record: "meeting:jcc-10", field: "participants[1].actor",
			msg: `"person:ning-jizhe" already takes part in this meeting`,
		},
		{
			name: "two meetings with one number", file: "meetings.yaml",
			old: "sequence: 9", new: "sequence: 10",
			at: "id: meeting:jcc-9", record: "meeting:jcc-9", field: "sequence",
			msg: "JCC meeting number 10 is already meeting:jcc-10",
		},
		{
			name: "parent cycle", file: "organizations.yaml",
			old: "  acronym: JCC\n", new: "  acronym: JCC\n  parent: org:jwg-it\n",
			at: "id: org:jcc", record: "org:jcc", field: "parent",
			msg: "leads back to org:jcc: a cycle",
		},
		{
			name: "speaker on the article's own voice", file: "pillars.yaml",
			old: "      attribution: ARTICLE", new: "      attribution: ARTICLE\n      speaker: country:pakistan",
			at: "speaker: country:pakistan", record: "pillar:cpec-it", field: "evidence[0].speaker",
			msg: "ARTICLE is the article's own voice and has no speaker",
		},
		{
			name: "records out of order", file: "programmes.yaml",
			old: "id: programme:bri", new: "id: programme:zzz",
			at: "id: programme:cpec", record: "programme:cpec", field: "id",
			msg: `records are kept sorted by id; this one belongs before "programme:zzz"`,
		},
		{
			name: "bad url", file: "sources.yaml",
			old: "url: https://example.org/jwg", new: "url: example.org/jwg",
			at: "url: example", record: "source:article-102", field: "url",
			msg: "not an absolute http(s) URL",
		},
		{
			name: "missing dataset version", file: "dataset.yaml",
			old: `version: "1.2.3-test"` + "\n", new: "",
			at: "title:", record: "", field: "version",
			msg: "missing; the dataset version is required",
		},
		{
			name: "invalid YAML", file: "pillars.yaml",
			old: "  number: 7", new: "  number: 7\n    bad: [",
			at: "bad: [", record: "", field: "",
			msg: "not valid YAML",
		},
		{
			name: "record that is not a mapping", file: "programmes.yaml",
			old: "", new: "- just text\n",
			at: "- just text", record: "record #3", field: "",
			msg: `expected a record (a mapping starting with "id:"), found "just text"`,
		},
		{
			name: "YAML alias", file: "countries.yaml",
			old: "    - source: source:article-102\n      quote: China and Pakistan announced\n      attribution: ARTICLE\n- id: country:pakistan",
			new: "    - &ev\n      source: source:article-102\n      quote: China and Pakistan announced\n      attribution: ARTICLE\n- id: country:pakistan\n  evidence2: *ev",
			at:  "*ev", record: "", field: "",
			msg: "YAML aliases (*ev) are not supported",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture(t)
			patch(t, fsys, tt.file, tt.old, tt.new)
			line := lineOf(t, fsys, tt.file, tt.at)
			ds, err := loadFixture(fsys)
			if ds != nil {
				t.Errorf("Load returned a dataset along with an error")
			}
			var verrs ValidationErrors
			if !errors.As(err, &verrs) {
				t.Fatalf("Load error = %v, want ValidationErrors", err)
			}
			want := ValidationError{File: validPath + tt.file, Line: line, Record: tt.record, Field: tt.field}
			for _, e := range verrs {
				if e.File == want.File && e.Line == want.Line && e.Record == want.Record && e.Field == want.Field &&
					strings.Contains(e.Message, tt.msg) {
					prefix := fmt.Sprintf("%s:%d: ", want.File, want.Line)
					if !strings.HasPrefix(e.Error(), prefix) || !strings.Contains(e.Error(), tt.msg) {
						t.Errorf("Error() = %q, want it to start with %q", e.Error(), prefix)
					}
					if tt.record != "" && !strings.Contains(e.Error(), ": "+tt.record+": ") {
						t.Errorf("Error() = %q does not name the record", e.Error())
					}
					if tt.field != "" && !strings.Contains(e.Error(), ": "+tt.field+": ") {
						t.Errorf("Error() = %q does not name the field", e.Error())
					}
					return
				}
			}
			t.Errorf("no error %s:%d record %q field %q containing %q; got:\n%v", want.File, want.Line, tt.record, tt.field, tt.msg, err)
		})
	}
}

func TestLoadCollectsEveryError(t *testing.T) {
	fsys := fixture(t)
	patch(t, fsys, "commitments.yaml", "kind: PLEDGE", "kind: VOW")
	patch(t, fsys, "persons.yaml", "nationality: country:china", "nationality: country:chna")
	patch(t, fsys, "sources.yaml", "  title: Joint working group on IT established\n", "")
	_, err := loadFixture(fsys)
	var verrs ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("Load error = %v, want ValidationErrors", err)
	}
	for _, want := range []string{"commitments.yaml", "persons.yaml", "sources.yaml"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %s:\n%v", want, err)
		}
	}
	if len(verrs) != 3 {
		t.Errorf("got %d errors, want 3:\n%v", len(verrs), err)
	}
	for i := 1; i < len(verrs); i++ {
		if verrs[i-1].File > verrs[i].File {
			t.Errorf("errors not sorted by file: %v", err)
		}
	}
}

func TestLoadUnknownFile(t *testing.T) {
	fsys := fixture(t)
	fsys["people.yaml"] = &fstest.MapFile{Data: []byte("- id: person:x\n")}
	_, err := loadFixture(fsys)
	if err == nil || !strings.Contains(err.Error(), validPath+"people.yaml: unknown data file name; expected one of dataset.yaml, persons.yaml") {
		t.Errorf("Load error = %v, want the unknown file named", err)
	}
}

func TestLoadMissingDatasetFile(t *testing.T) {
	fsys := fixture(t)
	delete(fsys, "dataset.yaml")
	_, err := loadFixture(fsys)
	if err == nil || !strings.Contains(err.Error(), "dataset.yaml: missing") {
		t.Errorf("Load error = %v, want dataset.yaml reported missing", err)
	}
}

func TestLoadSkipQuoteCheck(t *testing.T) {
	fsys := fixture(t)
	patch(t, fsys, "pillars.yaml", "quote: activate IT as the 7th pillar of CPEC", "quote: words no article holds")
	patch(t, fsys, "sources.yaml", "file: 102_article.txt", "file: 999_missing.txt")
	if _, err := loadFixture(fsys); err == nil {
		t.Fatal("with the quote check, the bad quote and missing file were accepted")
	}
	ds, err := Load(context.Background(), fsys, Options{SkipQuoteCheck: true, SeedsDir: "/nonexistent"})
	if err != nil {
		t.Fatalf("with SkipQuoteCheck: %v", err)
	}
	if len(ds.Pillars) != 1 || ds.Pillars[0].Evidence[0].Quote != "words no article holds" {
		t.Errorf("pillars = %+v", ds.Pillars)
	}
}

func TestLoadCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Load(ctx, fixture(t), Options{SeedsDir: seedsDir})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a canceled context: %v, want context.Canceled", err)
	}
}

func TestLoadNoSeedsDir(t *testing.T) {
	t.Setenv(SeedsDirEnv, filepath.Join(t.TempDir(), "absent"))
	_, err := Load(context.Background(), fixture(t), Options{})
	if err == nil || !strings.Contains(err.Error(), SeedsDirEnv) || !errors.Is(err, ErrNoSeedsDir) {
		t.Errorf("Load without a seeds dir: %v, want ErrNoSeedsDir naming %s", err, SeedsDirEnv)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  a  b\t\tc \n", "a b c"},
		{"Anusha\u00a0Rehman", "Anusha Rehman"},
		{"line\r\nbreak\u2003and\u3000more", "line break and more"},
		{"“quoted” ’", "“quoted” ’"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindSeedsDir(t *testing.T) {
	t.Run("env", func(t *testing.T) {
		dir := t.TempDir()
		t.Setenv(SeedsDirEnv, dir)
		got, err := FindSeedsDir()
		if err != nil || got != dir {
			t.Errorf("FindSeedsDir() = %q, %v; want %q", got, err, dir)
		}
	})
	t.Run("env not a directory", func(t *testing.T) {
		t.Setenv(SeedsDirEnv, filepath.Join(t.TempDir(), "nope"))
		if _, err := FindSeedsDir(); err == nil {
			t.Error("FindSeedsDir accepted a missing directory")
		}
	})
	t.Run("ancestor", func(t *testing.T) {
		t.Setenv(SeedsDirEnv, "")
		root := t.TempDir()
		want := filepath.Join(root, "shared", "seeds")
		deep := filepath.Join(root, "main", "seed", "x")
		for _, d := range []string{want, deep} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		t.Chdir(deep)
		got, err := FindSeedsDir()
		if err != nil {
			t.Fatal(err)
		}
		if g, _ := filepath.EvalSymlinks(got); g != mustEval(t, want) {
			t.Errorf("FindSeedsDir() = %q, want %q", got, want)
		}
	})
	t.Run("sibling", func(t *testing.T) {
		t.Setenv(SeedsDirEnv, "")
		root := t.TempDir()
		want := filepath.Join(root, "shared", "seeds")
		wd := filepath.Join(root, "main")
		for _, d := range []string{want, wd} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		t.Chdir(wd)
		got, err := FindSeedsDir()
		if err != nil {
			t.Fatal(err)
		}
		if g, _ := filepath.EvalSymlinks(got); g != mustEval(t, want) {
			t.Errorf("FindSeedsDir() = %q, want %q", got, want)
		}
	})
}

func mustEval(t *testing.T, p string) string {
	t.Helper()
	e, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestReadInfo(t *testing.T) {
	info, err := ReadInfo(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if info != (DatasetInfo{Version: "1.2.3-test", Title: "Test dataset", License: "CC-BY-4.0"}) {
		t.Errorf("ReadInfo = %+v", info)
	}
	fsys := fixture(t)
	patch(t, fsys, "dataset.yaml", "license: CC-BY-4.0", "licence: CC-BY-4.0")
	if _, err := ReadInfo(fsys); err == nil || !strings.Contains(err.Error(), `unknown field "licence"`) {
		t.Errorf("ReadInfo with a typo: %v", err)
	}
}
