package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Desc    string   `xml:"desc"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Data        []gmlData `xml:"data"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []gmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string    `xml:"id,attr"`
			Source string    `xml:"source,attr"`
			Target string    `xml:"target,attr"`
			Data   []gmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

// dataMap returns the data of an element by attribute name, checking that every
// key is declared for the element's domain.
func dataMap(t *testing.T, doc *gmlDoc, domainFor string, data []gmlData) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, d := range data {
		found := false
		for _, k := range doc.Keys {
			if k.ID == d.Key {
				found = true
				if k.For != domainFor {
					t.Errorf("key %s is declared for %s but used on a %s", k.ID, k.For, domainFor)
				}
				m[k.Name] = d.Value
			}
		}
		if !found {
			t.Errorf("data key %s is not declared", d.Key)
		}
	}
	return m
}

// xmlSafe is what an XML export can hold of s: characters XML 1.0 forbids and
// invalid UTF-8 become U+FFFD.
func xmlSafe(s string) string {
	var b strings.Builder
	for _, r := range s { // each invalid byte decodes as one utf8.RuneError
		if !xmlChar(r) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestGraphMLContent(t *testing.T) {
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		t.Run(name, func(t *testing.T) {
			var doc gmlDoc
			if err := xml.Unmarshal(mustWrite(t, "graphml", g), &doc); err != nil {
				t.Fatalf("the GraphML does not parse: %v", err)
			}
			if doc.Graph.EdgeDefault != "directed" {
				t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
			}
			meta := dataMap(t, &doc, "graph", doc.Graph.Data)
			if meta["dataset_version"] != g.Version || meta["exported_at"] != testTime.Format(time.RFC3339) || meta["generator"] != "Corridor" {
				t.Errorf("graph data = %v", meta)
			}
			if !strings.Contains(doc.Desc, "dataset version "+g.Version) {
				t.Errorf("desc = %q, want the dataset version", doc.Desc)
			}
			if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
				t.Fatalf("%d nodes and %d edges, want %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Nodes), len(g.Edges))
			}
			ids := map[string]bool{}
			for i, n := range doc.Graph.Nodes {
				want := g.Nodes[i]
				ids[n.ID] = true
				if n.ID != want.NodeID() {
					t.Fatalf("node %d is %s, want %s", i, n.ID, want.NodeID())
				}
				d := dataMap(t, &doc, "node", n.Data)
				if d["kind"] != string(want.NodeKind()) || d["label"] != xmlSafe(want.Label()) {
					t.Errorf("node %s: kind %q label %q", n.ID, d["kind"], d["label"])
				}
				checkAttributes(t, n.ID, want, d, xmlSafe)
			}
			for i, e := range doc.Graph.Edges {
				want := g.Edges[i]
				if !ids[e.Source] || !ids[e.Target] {
					t.Errorf("edge %s: endpoint missing", e.ID)
				}
				d := dataMap(t, &doc, "edge", e.Data)
				if e.Source != want.From || e.Target != want.To || d["edge_id"] != want.ID || d["type"] != string(want.Type) || d["label"] != xmlSafe(want.Label) {
					t.Errorf("edge %d = %s→%s %v, want %+v", i, e.Source, e.Target, d, want)
				}
				checkEvidence(t, want.ID, want.Evidence, d, xmlSafe)
			}
		})
	}
}

// checkAttributes compares exported attributes (by column name) with the node.
func checkAttributes(t *testing.T, id string, n domain.Node, got map[string]string, safe func(string) string) {
	t.Helper()
	r := newRow()
	r.fill(n)
	for i, c := range nodeColumns {
		want := ""
		if r[i].set {
			want = safe(r[i].text())
		}
		if got[c.name] != want {
			t.Errorf("node %s: %s = %q, want %q", id, c.name, got[c.name], want)
		}
	}
	checkEvidence(t, id, nodeEvidence(n), got, safe)
}

// checkEvidence checks the evidence columns: aligned lists, one entry per quote.
func checkEvidence(t *testing.T, id string, evs []domain.Evidence, got map[string]string, safe func(string) string) {
	t.Helper()
	if len(evs) == 0 {
		if got["evidence_quotes"] != "" {
			t.Errorf("%s: evidence %q but none expected", id, got["evidence_quotes"])
		}
		return
	}
	quotes := strings.Split(got["evidence_quotes"], EvidenceSeparator)
	sources := strings.Split(got["evidence_sources"], EvidenceSeparator)
	atts := strings.Split(got["evidence_attributions"], EvidenceSeparator)
	if len(quotes) != len(evs) || len(sources) != len(evs) || len(atts) != len(evs) {
		t.Fatalf("%s: %d quotes, %d sources, %d attributions; want %d each", id, len(quotes), len(sources), len(atts), len(evs))
	}
	for i, ev := range evs {
		if quotes[i] != safe(ev.Quote) || sources[i] != ev.SourceID || atts[i] != string(ev.Attribution) {
			t.Errorf("%s: evidence %d = %q %q %q, want %+v", id, i, quotes[i], sources[i], atts[i], ev)
		}
		text, readable := got["evidence"] // the CSV tables have no readable column
		if readable && (!strings.Contains(text, safe(ev.Quote)) || !strings.Contains(text, "["+ev.SourceID+"]")) {
			t.Errorf("%s: readable evidence %q lacks quote %d or its source", id, text, i)
		}
	}
}

type gexfAttvalue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfDoc struct {
	XMLName xml.Name `xml:"http://www.gexf.net/1.2draft gexf"`
	Version string   `xml:"version,attr"`
	Meta    struct {
		LastModified string `xml:"lastmodifieddate,attr"`
		Creator      string `xml:"creator"`
		Description  string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class     string `xml:"class,attr"`
			Attribute []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes struct {
			Count int `xml:"count,attr"`
			Node  []struct {
				ID        string         `xml:"id,attr"`
				Label     string         `xml:"label,attr"`
				Attvalues []gexfAttvalue `xml:"attvalues>attvalue"`
			} `xml:"node"`
		} `xml:"nodes"`
		Edges struct {
			Count int `xml:"count,attr"`
			Edge  []struct {
				ID        string         `xml:"id,attr"`
				Source    string         `xml:"source,attr"`
				Target    string         `xml:"target,attr"`
				Label     string         `xml:"label,attr"`
				Attvalues []gexfAttvalue `xml:"attvalues>attvalue"`
			} `xml:"edge"`
		} `xml:"edges"`
	} `xml:"graph"`
}

func TestGEXFContent(t *testing.T) {
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		t.Run(name, func(t *testing.T) {
			var doc gexfDoc
			if err := xml.Unmarshal(mustWrite(t, "gexf", g), &doc); err != nil {
				t.Fatalf("the GEXF does not parse: %v", err)
			}
			if doc.Version != "1.2" || doc.Meta.Creator != "Corridor" || doc.Meta.LastModified != "2026-11-23" {
				t.Errorf("version %q, creator %q, date %q", doc.Version, doc.Meta.Creator, doc.Meta.LastModified)
			}
			if !strings.Contains(doc.Meta.Description, "dataset version "+xmlSafe(g.Version)) {
				t.Errorf("description %q lacks the dataset version", doc.Meta.Description)
			}
			if doc.Graph.DefaultEdgeType != "directed" {
				t.Errorf("defaultedgetype = %q", doc.Graph.DefaultEdgeType)
			}
			declared := map[string]map[string]bool{}
			for _, a := range doc.Graph.Attributes {
				declared[a.Class] = map[string]bool{}
				for _, at := range a.Attribute {
					declared[a.Class][at.ID] = true
				}
			}
			values := func(class string, avs []gexfAttvalue) map[string]string {
				m := map[string]string{}
				for _, av := range avs {
					if !declared[class][av.For] {
						t.Errorf("%s attribute %s is not declared", class, av.For)
					}
					m[av.For] = av.Value
				}
				return m
			}
			if doc.Graph.Nodes.Count != len(g.Nodes) || len(doc.Graph.Nodes.Node) != len(g.Nodes) ||
				doc.Graph.Edges.Count != len(g.Edges) || len(doc.Graph.Edges.Edge) != len(g.Edges) {
				t.Fatalf("nodes %d (count %d), edges %d (count %d); want %d and %d", len(doc.Graph.Nodes.Node), doc.Graph.Nodes.Count,
					len(doc.Graph.Edges.Edge), doc.Graph.Edges.Count, len(g.Nodes), len(g.Edges))
			}
			ids := map[string]bool{}
			for i, n := range doc.Graph.Nodes.Node {
				want := g.Nodes[i]
				ids[n.ID] = true
				v := values("node", n.Attvalues)
				if n.ID != want.NodeID() || n.Label != xmlSafe(want.Label()) || v["kind"] != string(want.NodeKind()) {
					t.Errorf("node %d = %s %q %q, want %s", i, n.ID, n.Label, v["kind"], want.NodeID())
				}
				checkAttributes(t, n.ID, want, v, xmlSafe)
			}
			for i, e := range doc.Graph.Edges.Edge {
				want := g.Edges[i]
				if !ids[e.Source] || !ids[e.Target] {
					t.Errorf("edge %s: endpoint missing", e.ID)
				}
				v := values("edge", e.Attvalues)
				if e.ID != want.ID || e.Source != want.From || e.Target != want.To || v["type"] != string(want.Type) {
					t.Errorf("edge %d = %s %s→%s %v, want %+v", i, e.ID, e.Source, e.Target, v, want)
				}
				label := want.Label
				if label == "" {
					label = string(want.Type)
				}
				if e.Label != xmlSafe(label) {
					t.Errorf("edge %s label %q, want %q", e.ID, e.Label, label)
				}
				checkEvidence(t, want.ID, want.Evidence, v, xmlSafe)
			}
		})
	}
}

func TestXMLEscaping(t *testing.T) {
	var buf bytes.Buffer
	s := newStream(t.Context(), &buf)
	s.xml("a&b<c>d\"e'f\ng\rh\ti\x00j\xffk “l” 中")
	if err := s.finish("test"); err != nil {
		t.Fatal(err)
	}
	want := "a&amp;b&lt;c&gt;d&quot;e&apos;f&#xA;g&#xD;h&#x9;i\uFFFDj\uFFFDk “l” 中"
	if buf.String() != want {
		t.Errorf("escaped = %q, want %q", buf.String(), want)
	}
}
