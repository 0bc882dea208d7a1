package neo4j

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// call is one statement the fake runner received.
type call struct {
	mode   accessMode
	inTx   bool
	stmt   string
	params map[string]any
}

// fakeRunner records every statement and answers with respond. It fails the test
// when a statement's parameters differ from the $names it uses, or when the
// statement is not one of the adapter's.
type fakeRunner struct {
	t         testing.TB
	mu        sync.Mutex
	calls     []call
	txs       int
	respond   func(c call) ([]*neo4j.Record, error)
	verifyErr error
	closed    bool
}

func newFake(t *testing.T, respond func(c call) ([]*neo4j.Record, error)) (*Store, *fakeRunner) {
	f := &fakeRunner{t: t, respond: respond}
	return &Store{r: f}, f
}

// nameOf returns the name of a statement text, or "" for an unknown text.
func nameOf(text string) string {
	for name, s := range statements {
		if s == text {
			return name
		}
	}
	return ""
}

func (f *fakeRunner) record(c call) ([]*neo4j.Record, error) {
	f.t.Helper()
	if nameOf(c.stmt) == "" {
		f.t.Errorf("statement is not one of the adapter's:\n%s", c.stmt)
	}
	var keys []string
	for k := range c.params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := paramNames(c.stmt); !slices.Equal(keys, want) {
		f.t.Errorf("statement %s sent with parameters %q, uses %q", nameOf(c.stmt), keys, want)
	}
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.mu.Unlock()
	if f.respond == nil {
		return nil, nil
	}
	return f.respond(c)
}

func (f *fakeRunner) run(ctx context.Context, mode accessMode, stmt string, params map[string]any) ([]*neo4j.Record, error) {
	return f.record(call{mode: mode, stmt: stmt, params: params})
}

func (f *fakeRunner) writeTx(ctx context.Context, work func(tx txRunner) error) error {
	f.mu.Lock()
	f.txs++
	f.mu.Unlock()
	return work(fakeTx{f})
}

func (f *fakeRunner) verify(ctx context.Context) error { return f.verifyErr }

func (f *fakeRunner) close(ctx context.Context) error { f.closed = true; return nil }

// names returns the names of the statements received, in order.
func (f *fakeRunner) names() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, len(f.calls))
	for i, c := range f.calls {
		out[i] = nameOf(c.stmt)
	}
	return out
}

type fakeTx struct{ f *fakeRunner }

func (t fakeTx) run(ctx context.Context, stmt string, params map[string]any) ([]*neo4j.Record, error) {
	return t.f.record(call{mode: writeAccess, inTx: true, stmt: stmt, params: params})
}

// rec builds a driver record.
func rec(kv ...any) *neo4j.Record {
	r := &neo4j.Record{}
	for i := 0; i < len(kv); i += 2 {
		r.Keys = append(r.Keys, kv[i].(string))
		r.Values = append(r.Values, kv[i+1])
	}
	return r
}

// dropNils removes null properties: Neo4j never returns a property set to null.
func dropNils(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if v == nil {
			continue
		}
		if xs, ok := v.([]string); ok {
			// The driver returns lists as []any.
			ys := make([]any, len(xs))
			for i, x := range xs {
				ys[i] = x
			}
			v = ys
		}
		out[k] = v
	}
	return out
}

var elementSeq int

func elementID() string {
	elementSeq++
	return fmt.Sprintf("4:fake:%d", elementSeq)
}

// projection builds what fragments/node.cypher returns for a record seeded by
// the adapter: the node, its owned relationships, signed documents and evidence,
// built with the driver's own types, lists shuffled (the adapter must sort by position).
func projection(n domain.Node, rnd *rand.Rand) map[string]any {
	e := encode(n)
	props := dropNils(e.node.props)
	props["id"] = e.node.id
	node := dbtype.Node{ElementId: elementID(), Labels: []string{labelNode, label(n.NodeKind())}, Props: props}
	var out, in, signed, evidence []any
	for _, r := range e.rels {
		rel := dbtype.Relationship{ElementId: elementID(), Type: string(r.typ), Props: dropNils(map[string]any{
			"position": int64(r.position), "evidence": r.evidence, "capacity": nullable(r.capacity)})}
		switch {
		case slices.Contains(ownedOut, r.typ):
			out = append(out, []any{rel, r.to})
		case slices.Contains(ownedIn, r.typ):
			in = append(in, []any{rel, r.from})
		}
	}
	for _, d := range e.documents {
		rel := dbtype.Relationship{ElementId: elementID(), Type: relSigned, Props: dropNils(map[string]any{
			"position": int64(d.position), "evidence": d.evidence})}
		doc := dbtype.Node{ElementId: elementID(), Labels: []string{labelDocument}, Props: dropNils(map[string]any{
			"id": d.id, "description": nullable(d.description), "count": intOrNil(d.count)})}
		signed = append(signed, []any{rel, doc})
	}
	for _, ev := range e.evidence {
		node := dbtype.Node{ElementId: elementID(), Labels: []string{labelEvidence}, Props: dropNils(map[string]any{
			"id": ev.id, "quote": ev.quote, "attribution": ev.attribution, "speaker": nullable(ev.speaker),
			"claim": ev.claim, "position": int64(ev.position)})}
		evidence = append(evidence, []any{node, ev.source})
	}
	for _, xs := range [][]any{out, in, signed, evidence} {
		rnd.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	}
	return map[string]any{"node": node, "out": orEmpty(out), "in": orEmpty(in), "signed": orEmpty(signed), "evidence": orEmpty(evidence)}
}

func orEmpty(xs []any) []any {
	if xs == nil {
		return []any{}
	}
	return xs
}

func intp(i int) *int { return &i }

func floatp(f float64) *float64 { return &f }

func evs(owner string, n int) []domain.Evidence {
	var out []domain.Evidence
	for i := range n {
		out = append(out, domain.Evidence{SourceID: fmt.Sprintf("source:s%d", i+1), Quote: fmt.Sprintf("%s quote %d", owner, i),
			Attribution: domain.Attributions[i%len(domain.Attributions)], SpeakerID: fmt.Sprintf("person:speaker-%d", i)})
	}
	return out
}

func fullMeta(id string) domain.Meta {
	return domain.Meta{ID: id, Evidence: evs(id, 2), Origin: domain.OriginCurated, Note: "note on " + id}
}

// fullSamples returns one record of every kind with every field set (a test
// checks that no field is left zero, so a new domain field must be added here).
func fullSamples() []domain.Node {
	return []domain.Node{
		&domain.Person{Meta: fullMeta("person:ana"), Name: "Ánúsha Rehman", Aliases: []string{"Mrs. Anusha Rehman", "Minister Rehman"}, NationalityID: "country:pk"},
		&domain.Organization{Meta: fullMeta("org:moit"), Name: "Ministry of IT", Aliases: []string{"IT Ministry", "MoITT"}, Acronym: "MoIT",
			Type: domain.OrgMinistry, CountryID: "country:pk", ParentID: "org:government"},
		&domain.Country{Meta: fullMeta("country:pk"), Name: "Pakistan", Aliases: []string{"Islamic Republic of Pakistan"}, ISO: "PK"},
		&domain.Role{Meta: fullMeta("role:ana-minister"), PersonID: "person:ana", Title: "Minister of State for IT",
			OrganizationID: "org:moit", From: domain.PartialDate{Value: "2013-06", Text: "in June 2013"}, To: domain.PartialDate{Value: "2018", Text: "until 2018"}},
		&domain.Meeting{Meta: fullMeta("meeting:jcc-10"), Title: "10th JCC", Series: "JCC", Sequence: intp(10), BodyID: "org:jcc",
			Date: domain.PartialDate{Value: "2021-09-23", Text: "on Thursday"}, Location: "Beijing", Format: domain.FormatVideoLink,
			OrganizerIDs: []string{"org:ndrc", "org:planning"},
			Participants: []domain.Participation{
				{ActorID: "person:ning", Capacity: "co-chair", Evidence: evs("ning", 1)},
				{ActorID: "person:asad", Capacity: "co-chair", Evidence: evs("asad", 2)},
				{ActorID: "person:ning", Capacity: "speaker", Evidence: evs("ning-2", 1)},
			},
			DocumentsSigned: []domain.SignedDocuments{
				{Description: "MoUs on IT cooperation", Count: intp(5), Evidence: evs("mous", 2)},
				{Description: "a protocol", Count: intp(1), Evidence: evs("protocol", 1)},
			}},
		&domain.Commitment{Meta: fullMeta("commitment:c1"), Statement: "Make IT the 7th pillar", Kind: domain.CommitmentDecision,
			Status: domain.StatusAgreed, MadeByIDs: []string{"country:pk", "country:cn"}, MadeToIDs: []string{"org:investors", "org:ccpit"},
			MadeAtID: "meeting:jcc-10", Date: domain.PartialDate{Value: "2019-11", Text: "last month"},
			ConcernIDs: []string{"pillar:cpec-it", "programme:cpec", "project:e-corridor"},
			Amount:     &domain.Amount{Value: 4e9, MaxValue: floatp(5e9), Currency: "USD", Approximate: true}},
		&domain.Project{Meta: fullMeta("project:e-corridor"), Name: "E-Corridor", Aliases: []string{"E Corridor", "Digital corridor"},
			Description: "fibre link", Location: "Islamabad", Status: domain.ProjectInProgress,
			PillarIDs: []string{"pillar:cpec-it", "pillar:cpec-energy"}, ProgrammeIDs: []string{"programme:cpec", "programme:dp"},
			PartnerIDs: []string{"org:moit", "org:pseb"}},
		&domain.Programme{Meta: fullMeta("programme:cpec"), Name: "China-Pakistan Economic Corridor", Aliases: []string{"the corridor"},
			Acronym: "CPEC", Description: "flagship of BRI", PartOfID: "programme:bri"},
		&domain.Pillar{Meta: fullMeta("pillar:cpec-it"), Name: "Information technology", ProgrammeID: "programme:cpec", Number: intp(7),
			Description: "the 7th pillar"},
		&domain.Figure{Meta: fullMeta("figure:exports"), SubjectID: "country:pk", Metric: "IT exports", Value: 2e9, MaxValue: floatp(2.5e9),
			Unit: "USD", Approximate: true, AsOf: domain.PartialDate{Value: "2016", Text: "last year"},
			SaidByIDs: []string{"person:ana", "org:moit"}},
		&domain.Source{Meta: fullMeta("source:s1"), Title: "E-Corridor launched", Publisher: "Daily Times",
			Published: domain.PartialDate{Value: "2016-05-10", Text: "today"}, URL: "https://example.org/a", File: "001.txt"},
	}
}

// minimalSamples returns one record of every kind with only its ID set.
func minimalSamples() []domain.Node {
	var out []domain.Node
	for _, k := range domain.Kinds {
		id := k.Prefix() + ":min"
		m := domain.Meta{ID: id, Origin: domain.OriginSeed}
		var n domain.Node
		switch k {
		case domain.KindPerson:
			n = &domain.Person{Meta: m}
		case domain.KindOrganization:
			n = &domain.Organization{Meta: m}
		case domain.KindCountry:
			n = &domain.Country{Meta: m}
		case domain.KindRole:
			n = &domain.Role{Meta: m}
		case domain.KindMeeting:
			n = &domain.Meeting{Meta: m}
		case domain.KindCommitment:
			n = &domain.Commitment{Meta: m}
		case domain.KindProject:
			n = &domain.Project{Meta: m}
		case domain.KindProgramme:
			n = &domain.Programme{Meta: m}
		case domain.KindPillar:
			n = &domain.Pillar{Meta: m}
		case domain.KindFigure:
			n = &domain.Figure{Meta: m}
		case domain.KindSource:
			n = &domain.Source{Meta: m}
		}
		out = append(out, n)
	}
	return out
}
