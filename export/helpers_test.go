package export

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/memory"
)

// testTime is the export time the tests write, so outputs are comparable.
var testTime = time.Date(2026, 11, 23, 10, 30, 0, 0, time.UTC)

var (
	seedOnce    sync.Once
	seedDataset *domain.Dataset
	seedErr     error
)

// mustSeed returns the bundled dataset (loaded once for the whole package).
func mustSeed(t testing.TB) *domain.Dataset {
	t.Helper()
	seedOnce.Do(func() {
		seedDataset, seedErr = seed.Load(context.Background(), seed.Files, seed.Options{SkipQuoteCheck: true})
	})
	if seedErr != nil {
		t.Fatalf("loading the seed dataset: %v", seedErr)
	}
	return seedDataset
}

// mustSeedStore returns a memory store serving the bundled dataset.
func mustSeedStore(t testing.TB) *memory.Store {
	t.Helper()
	st, err := memory.New(mustSeed(t))
	if err != nil {
		t.Fatalf("memory store of the seed: %v", err)
	}
	return st
}

// seedPorts are the ports of a memory store as the server gives them to exports.
func seedPorts(st *memory.Store) Ports {
	return Ports{Store: st, Explorer: st, Lister: st}
}

// mustSeedGraph returns the whole seed dataset as a Snapshot.
func mustSeedGraph(t testing.TB) *Snapshot {
	t.Helper()
	return FromDataset(mustSeed(t))
}

// mustWrite writes g in the named format and returns the output.
func mustWrite(t testing.TB, format string, g *Snapshot) []byte {
	t.Helper()
	f, ok := Lookup(format)
	if !ok {
		t.Fatalf("no format %q", format)
	}
	var buf bytes.Buffer
	if err := f.Write(context.Background(), &buf, g, Options{ExportedAt: testTime}); err != nil {
		t.Fatalf("writing %s: %v", format, err)
	}
	return buf.Bytes()
}

// nodeIDs returns the set of node IDs of g.
func nodeIDs(g *Snapshot) map[string]bool {
	ids := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		ids[n.NodeID()] = true
	}
	return ids
}

// nastyGraph returns a small graph whose values hold everything an escaper
// must survive: quotes of every kind, backslashes, Cypher and XML syntax,
// line breaks, control characters, non-Latin scripts and invalid UTF-8.
func nastyGraph() *Snapshot {
	nasty := []string{
		`' }) DETACH DELETE n //`,
		`\u0027 }) MATCH (m) DETACH DELETE m //`,
		"`backtick` ]->(x) CREATE (y:Evil)",
		`ends with a backslash \`,
		`"double" and 'single' and “curly” and ‘curly’`,
		"line one\nline two\r\nline three\ttabbed",
		"control \x00\x01\x1b\x7f and U+2028 \u2028 here",
		"</data></node><node id=\"evil\"/> & <![CDATA[x]]>",
		"中巴经济走廊 — پاکستان",
		"invalid \xff\xfe utf-8",
		`; CREATE (z:Evil); //`,
	}
	src := &domain.Source{Meta: domain.Meta{ID: "source:nasty", Origin: domain.OriginSeed}, Title: nasty[4], Publisher: nasty[8], File: "nasty.txt"}
	ev := func(i int) []domain.Evidence {
		return []domain.Evidence{{SourceID: src.ID, Quote: nasty[i], Attribution: domain.AttributionArticle}}
	}
	seq := 7
	amountMax := 5e9
	ds := &domain.Dataset{
		Version: "nasty-'1'",
		Sources: []*domain.Source{src},
		Countries: []*domain.Country{
			{Meta: domain.Meta{ID: "country:x", Evidence: ev(0), Note: nasty[1]}, Name: nasty[0], Aliases: nasty[1:4], ISO: "XX"},
		},
		Persons: []*domain.Person{
			{Meta: domain.Meta{ID: "person:y", Evidence: ev(5)}, Name: nasty[2], Aliases: []string{nasty[5], nasty[6]}, NationalityID: "country:x"},
		},
		Meetings: []*domain.Meeting{
			{Meta: domain.Meta{ID: "meeting:z", Evidence: ev(7)}, Title: nasty[7], Series: nasty[10], Sequence: &seq,
				Date:         domain.PartialDate{Text: nasty[9]},
				Participants: []domain.Participation{{ActorID: "person:y", Capacity: nasty[3], Evidence: ev(6)}}},
		},
		Commitments: []*domain.Commitment{
			{Meta: domain.Meta{ID: "commitment:w", Evidence: ev(8)}, Statement: nasty[8], Kind: domain.CommitmentPledge,
				Status: domain.StatusAgreed, MadeByIDs: []string{"country:x", "person:y"}, MadeAtID: "meeting:z",
				Amount: &domain.Amount{Value: 4e9, MaxValue: &amountMax, Currency: "USD", Approximate: true}},
		},
	}
	return FromDataset(ds)
}
