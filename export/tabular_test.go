package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// readZip returns the files of a zip by name.
func readZip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the CSV export is not a zip: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("reading %s: %v", f.Name, err)
		}
		if !f.Modified.Equal(testTime) {
			t.Errorf("%s modified %v, want the export time", f.Name, f.Modified)
		}
		files[f.Name] = data
	}
	return files
}

// readCSV parses a table into header-keyed records.
func readCSV(t *testing.T, name string, b []byte) ([]string, []map[string]string) {
	t.Helper()
	if !utf8.Valid(b) {
		t.Errorf("%s is not UTF-8", name)
	}
	if bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Errorf("%s starts with a byte-order mark", name)
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Errorf("%s lines do not end with CRLF", name)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s does not parse as CSV: %v", name, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", name)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return recs[0], rows
}

func TestCSVExport(t *testing.T) {
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		t.Run(name, func(t *testing.T) {
			files := readZip(t, mustWrite(t, "csv", g))
			for _, f := range []string{"nodes.csv", "edges.csv", "metadata.csv", "README.txt"} {
				if files[f] == nil {
					t.Fatalf("the zip has no %s (has %v)", f, slices.Collect(func(yield func(string) bool) {
						for k := range files {
							if !yield(k) {
								return
							}
						}
					}))
				}
			}
			_, meta := readCSV(t, "metadata.csv", files["metadata.csv"])
			kv := map[string]string{}
			for _, r := range meta {
				kv[r["key"]] = r["value"]
			}
			if kv["dataset_version"] != g.Version || kv["exported_at"] != testTime.Format(time.RFC3339) ||
				kv["nodes"] != strconv.Itoa(len(g.Nodes)) || kv["edges"] != strconv.Itoa(len(g.Edges)) {
				t.Errorf("metadata = %v", kv)
			}
			if !strings.Contains(string(files["README.txt"]), "dataset version "+g.Version) ||
				!strings.Contains(string(files["README.txt"]), "evidence_quotes") {
				t.Error("README.txt lacks the version or the column descriptions")
			}

			header, nodes := readCSV(t, "nodes.csv", files["nodes.csv"])
			for _, col := range []string{"id", "kind", "label", "name", "aliases", "date", "date_precision", "statement", "evidence_quotes", "evidence_sources", "evidence_attributions"} {
				if !slices.Contains(header, col) {
					t.Errorf("nodes.csv has no %s column: %v", col, header)
				}
			}
			if len(nodes) != len(g.Nodes) {
				t.Fatalf("nodes.csv has %d rows, want %d", len(nodes), len(g.Nodes))
			}
			ids := map[string]bool{}
			// With CRLF line ends, encoding/csv writes a line break in a field as CRLF
			// (a lone CR is dropped) and reads it back as LF.
			same := func(s string) string { return strings.ReplaceAll(validUTF8(s), "\r", "") }
			for i, r := range nodes {
				n := g.Nodes[i]
				ids[r["id"]] = true
				if r["id"] != n.NodeID() || r["kind"] != string(n.NodeKind()) || r["label"] != same(n.Label()) {
					t.Errorf("row %d = %s %s %q, want %s", i, r["id"], r["kind"], r["label"], n.NodeID())
				}
				checkAttributes(t, n.NodeID(), n, r, same)
			}

			header, edges := readCSV(t, "edges.csv", files["edges.csv"])
			if want := []string{"id", "source", "target", "type", "label", "evidence_quotes", "evidence_sources", "evidence_attributions", "evidence_speakers"}; !slices.Equal(header, want) {
				t.Errorf("edges.csv header = %v, want %v", header, want)
			}
			if len(edges) != len(g.Edges) {
				t.Fatalf("edges.csv has %d rows, want %d", len(edges), len(g.Edges))
			}
			for i, r := range edges {
				e := g.Edges[i]
				if !ids[r["source"]] || !ids[r["target"]] {
					t.Errorf("edge %s: endpoint not in nodes.csv", r["id"])
				}
				if r["id"] != e.ID || r["source"] != e.From || r["target"] != e.To || r["type"] != string(e.Type) || r["label"] != same(e.Label) {
					t.Errorf("edge row %d = %v, want %+v", i, r, e)
				}
				checkEvidence(t, e.ID, e.Evidence, r, same)
			}
		})
	}
}

// cyDoc is the Cytoscape.js elements JSON shape.
type cyDoc struct {
	FormatVersion string `json:"format_version"`
	GeneratedBy   string `json:"generated_by"`
	Data          struct {
		Version    string `json:"version"`
		ExportedAt string `json:"exported_at"`
	} `json:"data"`
	Elements struct {
		Nodes []struct {
			Data map[string]any `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data map[string]any `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

func TestJSONExport(t *testing.T) {
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		t.Run(name, func(t *testing.T) {
			b := mustWrite(t, "json", g)
			if !json.Valid(b) {
				t.Fatal("the export is not valid JSON")
			}
			var doc cyDoc
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatalf("decoding: %v", err)
			}
			if doc.FormatVersion != "1.0" || doc.GeneratedBy != "Corridor" || doc.Data.Version != g.Version || doc.Data.ExportedAt != testTime.Format(time.RFC3339) {
				t.Errorf("header = %q %q %q %q", doc.FormatVersion, doc.GeneratedBy, doc.Data.Version, doc.Data.ExportedAt)
			}
			if len(doc.Elements.Nodes) != len(g.Nodes) || len(doc.Elements.Edges) != len(g.Edges) {
				t.Fatalf("%d nodes and %d edges, want %d and %d", len(doc.Elements.Nodes), len(doc.Elements.Edges), len(g.Nodes), len(g.Edges))
			}
			ids := map[string]bool{}
			r := newRow()
			for i, el := range doc.Elements.Nodes {
				n, d := g.Nodes[i], el.Data
				ids[n.NodeID()] = true
				if d["id"] != n.NodeID() || d["kind"] != string(n.NodeKind()) || d["label"] != validUTF8(n.Label()) {
					t.Errorf("node %d = %v, want %s", i, d, n.NodeID())
				}
				r.fill(n)
				for j, c := range nodeColumns {
					v, present := d[c.name]
					if present != r[j].set {
						t.Errorf("node %s: %s present=%v, want %v", n.NodeID(), c.name, present, r[j].set)
						continue
					}
					if !present {
						continue
					}
					switch c.typ {
					case tInt, tDouble:
						if f, ok := v.(float64); !ok || strconv.FormatFloat(f, 'g', -1, 64) != r[j].str {
							t.Errorf("node %s: %s = %#v, want the number %s", n.NodeID(), c.name, v, r[j].str)
						}
					case tBool:
						if b, ok := v.(bool); !ok || strconv.FormatBool(b) != r[j].str {
							t.Errorf("node %s: %s = %#v, want the boolean %s", n.NodeID(), c.name, v, r[j].str)
						}
					case tList:
						if l, ok := v.([]any); !ok || len(l) != len(r[j].list) {
							t.Errorf("node %s: %s = %#v, want a list of %d", n.NodeID(), c.name, v, len(r[j].list))
						}
					default:
						if v != validUTF8(r[j].str) {
							t.Errorf("node %s: %s = %#v, want %q", n.NodeID(), c.name, v, r[j].str)
						}
					}
				}
				ev, ok := d["evidence"].([]any)
				if !ok || len(ev) != len(nodeEvidence(n)) {
					t.Errorf("node %s: evidence = %#v, want %d items", n.NodeID(), d["evidence"], len(nodeEvidence(n)))
				}
			}
			for i, el := range doc.Elements.Edges {
				e, d := g.Edges[i], el.Data
				src, _ := d["source"].(string)
				dst, _ := d["target"].(string)
				if !ids[src] || !ids[dst] {
					t.Errorf("edge %v: endpoint missing", d["id"])
				}
				if d["id"] != e.ID || src != e.From || dst != e.To || d["type"] != string(e.Type) {
					t.Errorf("edge %d = %v, want %+v", i, d, e)
				}
				ev, ok := d["evidence"].([]any)
				if !ok || len(ev) != len(e.Evidence) {
					t.Fatalf("edge %s: evidence = %#v", e.ID, d["evidence"])
				}
				for j, item := range ev {
					m, _ := item.(map[string]any)
					if m["quote"] != validUTF8(e.Evidence[j].Quote) || m["source"] != e.Evidence[j].SourceID || m["attribution"] != string(e.Evidence[j].Attribution) {
						t.Errorf("edge %s evidence %d = %v, want %+v", e.ID, j, m, e.Evidence[j])
					}
				}
			}
		})
	}
}
