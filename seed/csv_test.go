package seed_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/export/exporttest"
	"github.com/corridor-kg/corridor/seed"
)

func bundled(t *testing.T) *domain.Dataset {
	t.Helper()
	ds, err := seed.Load(context.Background(), seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestLoadCSVRoundTrip reads the CSV export of the bundled dataset back: every
// record comes back with its fields and relationships (speakers, which the
// tables do not hold, aside).
func TestLoadCSVRoundTrip(t *testing.T) {
	ds := bundled(t)
	nodes, edges := exporttest.CSVTables(t, ds)
	got, err := seed.LoadCSV(context.Background(), "nodes.csv", nodes, "edges.csv", edges, nil, seed.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]domain.Node{}
	for _, n := range got.Nodes() {
		byID[n.NodeID()] = n
	}
	if len(byID) != len(ds.Nodes()) {
		t.Errorf("read %d records back, exported %d", len(byID), len(ds.Nodes()))
	}
	speakers := 0
	defer func() {
		if speakers == 0 {
			t.Error("no evidence of the seed has a speaker: the speakers' round trip went untested")
		}
	}()
	for _, want := range ds.Nodes() {
		n := byID[want.NodeID()]
		if n == nil {
			t.Errorf("%s missing", want.NodeID())
			continue
		}
		// The tables hold a meeting's evidence and its documents' in one list.
		wantEv := len(want.NodeEvidence())
		if m, ok := want.(*domain.Meeting); ok {
			for _, d := range m.DocumentsSigned {
				wantEv += len(d.Evidence)
			}
		}
		if n.Label() != want.Label() || len(n.NodeEvidence()) != wantEv {
			t.Errorf("%s: label %q evidence %d, want %q %d", want.NodeID(), n.Label(), len(n.NodeEvidence()), want.Label(), wantEv)
		}
		if _, meeting := want.(*domain.Meeting); !meeting && len(n.NodeEvidence()) == wantEv {
			for i, ev := range want.NodeEvidence() {
				if got := n.NodeEvidence()[i]; got != ev {
					t.Errorf("%s: evidence %d read back as %+v, want %+v", want.NodeID(), i, got, ev)
				}
				if ev.SpeakerID != "" {
					speakers++
				}
			}
		}
		wantEdges, gotEdges := edgeIDs(want), edgeIDs(n)
		if !slices.Equal(gotEdges, wantEdges) {
			t.Errorf("%s: edges %v, want %v", want.NodeID(), gotEdges, wantEdges)
		}
		if c, ok := want.(*domain.Commitment); ok {
			gc := n.(*domain.Commitment)
			if gc.Kind != c.Kind || gc.Status != c.Status || (c.Amount == nil) != (gc.Amount == nil) || gc.Date != c.Date {
				t.Errorf("%s: %+v, want %+v", c.ID, gc, c)
			}
		}
		if m, ok := want.(*domain.Meeting); ok {
			gm := n.(*domain.Meeting)
			if len(gm.Participants) != len(m.Participants) || len(gm.DocumentsSigned) != len(m.DocumentsSigned) || !eqIntPtr(gm.Sequence, m.Sequence) {
				t.Errorf("%s: %+v, want %+v", m.ID, gm, m)
			}
		}
	}
}

func eqIntPtr(a, b *int) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }

func edgeIDs(n domain.Node) []string {
	var ids []string
	for _, e := range domain.Edges(n) {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestLoadCSVErrorsNameFileLineColumn(t *testing.T) {
	ds := bundled(t)
	nodes, edges := exporttest.CSVTables(t, ds)
	// A bad enum value in nodes.csv, and an edge to a missing node in edges.csv.
	badNodes := bytes.Replace(nodes, []byte(",PLEDGE,"), []byte(",VOW,"), 1)
	lines := strings.Split(string(edges), "\r\n")
	line := slices.IndexFunc(lines, func(s string) bool { return strings.Contains(s, "|MADE|") })
	fields := strings.Split(lines[line], ",")
	lines[line] = strings.Replace(lines[line], fields[1]+",", "person:ghost,", 1)
	badEdges := []byte(strings.Join(lines, "\r\n"))
	_, err := seed.LoadCSV(context.Background(), "nodes.csv", badNodes, "edges.csv", badEdges, nil, seed.ImportOptions{})
	var verrs seed.ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("error = %v, want ValidationErrors", err)
	}
	var sawNodes, sawEdges bool
	for _, e := range verrs {
		if e.File == "nodes.csv" && e.Field == "kind" && strings.Contains(e.Message, `"VOW" is not one of`) && e.Line > 1 && e.Column > 1 {
			sawNodes = true
		}
		if e.File == "edges.csv" && e.Line == line+1 && e.Column > 1 && strings.Contains(e.Message, `"person:ghost" does not exist`) {
			sawEdges = true
		}
	}
	if !sawNodes || !sawEdges {
		t.Errorf("want a positioned error in nodes.csv (%v) and in edges.csv line %d (%v); got:\n%v", sawNodes, line+1, sawEdges, err)
	}
	_, err = seed.LoadCSV(context.Background(), "nodes.csv", []byte("id,kind\n\"unterminated"), "", nil, nil, seed.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "nodes.csv:2:") {
		t.Errorf("malformed CSV: %v", err)
	}
}
