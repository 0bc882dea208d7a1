package seed

import (
	"context"
	"errors"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// importError checks an import's error: ValidationErrors, each naming one of
// the files given, with a message and a line within the file.
func importError(t *testing.T, err error, files map[string][]byte) {
	t.Helper()
	var verrs ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("import error is not ValidationErrors: %v", err)
	}
	for _, e := range verrs {
		data, ok := files[e.File]
		if !ok || e.Message == "" {
			t.Fatalf("error naming no given file or without a message: %#v", e)
		}
		if lines := lineCount(data); e.Line < 0 || e.Line > lines {
			t.Fatalf("error at line %d of a %d-line file: %#v", e.Line, lines, e)
		}
	}
}

// FuzzLoadJSON feeds arbitrary bytes to LoadJSON, the import of a JSON dataset
// document, against the bundled seed as the stored graph: it must never panic and
// must return a dataset or located ValidationErrors, never both.
func FuzzLoadJSON(f *testing.F) {
	f.Add([]byte(`{"persons": [{"id": "person:a", "name": "A", "nationality": "country:china", "evidence": [{"source": "source:pakistan-invites-china-digital", "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}]}]}`))
	f.Add([]byte(`{"commitments": [{"id": "commitment:x", "statement": "s", "kind": "PLEDGE", "madeBy": ["person:yao-jing"], "amount": {"value": 1e400, "currency": "USD"}}]}`))
	f.Add([]byte(`{"persons": [1, null, {"id": 3}], "nope": {}}`))
	f.Add([]byte(`[{"id": "x"}]`))
	f.Add([]byte("{\"persons\": [{\"id\": \"person:\xff\"}]}"))
	f.Add([]byte(`{"meetings": [{"id": "meeting:m", "participants": [{"actor": "person:yao-jing", "evidence": 3}], "sequence": -1}]}`))
	stored := bundledGraph(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := LoadJSON(context.Background(), "in.json", data, stored, ImportOptions{})
		if (ds == nil) == (err == nil) {
			t.Fatalf("LoadJSON returned dataset %v and error %v: want exactly one", ds != nil, err)
		}
		if err != nil {
			importError(t, err, map[string][]byte{"in.json": data})
		}
	})
}

// FuzzLoadCSV feeds arbitrary nodes and edges tables to LoadCSV, with the same
// promises as FuzzLoadJSON.
func FuzzLoadCSV(f *testing.F) {
	header := "id,kind,name,aliases,evidence_quotes,evidence_sources,evidence_attributions,evidence_speakers\n"
	f.Add([]byte(header+"person:a,PERSON,A,,Chinese Ambassador to Pakistan Yao Jing,source:pakistan-invites-china-digital,ARTICLE,\n"),
		[]byte("id,source,target,type,label\nx,person:a,country:china,NATIONAL_OF,\n"))
	f.Add([]byte(header+"person:a,PERSON,A,B; C,q | r,source:s,ARTICLE | DIRECT_QUOTE,person:x\n"), []byte(nil))
	f.Add([]byte("id,kind\n\"unterminated"), []byte("id,source\n"))
	f.Add([]byte("id,kind,statement,amount_value\ncommitment:c,COMMITMENT,s,NaN\n"), []byte("id,source,target,type\ne,commitment:c,person:yao-jing,MADE\n"))
	f.Add([]byte("\xef\xbb\xbfid,kind\r\nperson:b,PERSON\r\n"), []byte("id,source,target,type\n,,,\n"))
	stored := bundledGraph(f)
	f.Fuzz(func(t *testing.T, nodes, edges []byte) {
		ds, err := LoadCSV(context.Background(), "nodes.csv", nodes, "edges.csv", edges, stored, ImportOptions{})
		if (ds == nil) == (err == nil) {
			t.Fatalf("LoadCSV returned dataset %v and error %v: want exactly one", ds != nil, err)
		}
		if err != nil {
			importError(t, err, map[string][]byte{"nodes.csv": nodes, "edges.csv": edges})
		}
	})
}

// bundledGraph returns the bundled seed as a stored graph for imports.
func bundledGraph(f *testing.F) Graph {
	f.Helper()
	ds, err := Load(context.Background(), Files, Options{SkipQuoteCheck: true})
	if err != nil {
		f.Fatal(err)
	}
	g := datasetGraph{byID: map[string]domain.Node{}}
	for _, n := range ds.Nodes() {
		g.byID[n.NodeID()] = n
	}
	return g
}

// datasetGraph is a dataset as the stored graph of an import.
type datasetGraph struct{ byID map[string]domain.Node }

func (g datasetGraph) Node(id string) domain.Node { return g.byID[id] }

func (g datasetGraph) MeetingNumbered(series string, seq int) string {
	for id, n := range g.byID {
		if m, ok := n.(*domain.Meeting); ok && m.Series == series && m.Sequence != nil && *m.Sequence == seq {
			return id
		}
	}
	return ""
}
