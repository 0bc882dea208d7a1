package e2e

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// exportSchemas are the XML schemas vendored for the export tests.
var exportSchemas = map[string]string{
	"graphml": filepath.Join("..", "export", "testdata", "xsd", "graphml", "graphml.xsd"),
	"gexf":    filepath.Join("..", "export", "testdata", "xsd", "gexf", "gexf.xsd"),
}

// download GETs an export and returns the response (body read) and the body.
func download(t *testing.T, s *server, pathQuery string) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Get(s.URL + pathQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s: reading the body: %v", pathQuery, err)
	}
	return res, b
}

// datasetFacts returns the dataset version and node count the API reports.
func datasetFacts(t *testing.T, s *server) (string, int) {
	t.Helper()
	var d struct {
		About struct {
			DatasetVersion string
			Counts         []struct{ Count int }
		}
	}
	s.query(t, `{ about { datasetVersion counts { count } } }`, nil).mustData(t, &d)
	total := 0
	for _, c := range d.About.Counts {
		total += c.Count
	}
	if d.About.DatasetVersion == "" || total == 0 {
		t.Fatalf("about: version %q, %d nodes", d.About.DatasetVersion, total)
	}
	return d.About.DatasetVersion, total
}

// xmlCounts counts the <node> and <edge> elements of an XML export.
func xmlCounts(t *testing.T, doc []byte) (nodes, edges int) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nodes, edges
		}
		if err != nil {
			t.Fatalf("parsing the XML export: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "node":
				nodes++
			case "edge":
				edges++
			}
		}
	}
}

// xmllintValid validates doc against schema with xmllint --nonet.
func xmllintValid(t *testing.T, schema string, doc []byte) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatalf("xmllint is required (apt-get install libxml2-utils): %v", err)
	}
	path := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--nonet", "--noout", "--schema", schema, path).CombinedOutput(); err != nil {
		t.Errorf("xmllint rejects the export against %s: %v\n%s", schema, err, out)
	}
}

// cytoscape is the Cytoscape.js elements document of the JSON export.
type cytoscape struct {
	Data struct {
		Version string `json:"version"`
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

// parseCytoscape decodes a JSON export and checks that every edge joins two of
// its nodes.
func parseCytoscape(t *testing.T, body []byte) (cytoscape, map[string]bool) {
	t.Helper()
	var doc cytoscape
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("the JSON export does not parse: %v", err)
	}
	ids := map[string]bool{}
	for _, n := range doc.Elements.Nodes {
		id, _ := n.Data["id"].(string)
		if id == "" || ids[id] {
			t.Errorf("node without an ID or repeated: %v", n.Data)
		}
		ids[id] = true
	}
	for _, e := range doc.Elements.Edges {
		src, _ := e.Data["source"].(string)
		tgt, _ := e.Data["target"].(string)
		if !ids[src] || !ids[tgt] {
			t.Errorf("edge %v joins nodes outside the export", e.Data["id"])
		}
	}
	return doc, ids
}

// readCSV returns the rows of a CSV member of the zip, header first.
func readCSV(t *testing.T, zr *zip.Reader, name string) [][]string {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("the zip has no %s: %v", name, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

func TestExportsOverRealServer(t *testing.T) {
	s := sharedServer(t)
	version, total := datasetFacts(t, s)

	get := func(format, query string) []byte {
		t.Helper()
		res, body := download(t, s, "/export/"+format+query)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s%s: %d %s", format, query, res.StatusCode, body)
		}
		if v := res.Header.Get("X-Corridor-Dataset-Version"); v != version {
			t.Errorf("%s: version header %q, want %q", format, v, version)
		}
		if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="corridor-`+version+`.`) {
			t.Errorf("%s: Content-Disposition %q lacks the version", format, cd)
		}
		if format != "csv" && !bytes.Contains(body, []byte(version)) {
			t.Errorf("%s: the file does not hold the dataset version %s", format, version)
		}
		return body
	}

	// JSON: Cytoscape.js elements; every node of the dataset.
	doc, _ := parseCytoscape(t, get("json", ""))
	if doc.Data.Version != version || len(doc.Elements.Nodes) != total {
		t.Errorf("json: version %q, %d nodes; want %q, %d", doc.Data.Version, len(doc.Elements.Nodes), version, total)
	}
	edges := len(doc.Elements.Edges)
	if edges == 0 {
		t.Fatal("json: no edges")
	}

	// GraphML and GEXF: valid against the vendored schemas, same counts.
	for _, format := range []string{"graphml", "gexf"} {
		body := get(format, "")
		xmllintValid(t, exportSchemas[format], body)
		if n, e := xmlCounts(t, body); n != total || e != edges {
			t.Errorf("%s: %d nodes, %d edges; want %d, %d", format, n, e, total, edges)
		}
	}

	// CSV: nodes.csv and edges.csv with evidence columns; the version in metadata.csv.
	body := get("csv", "")
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("csv: not a zip: %v", err)
	}
	nodes, edgeRows := readCSV(t, zr, "nodes.csv"), readCSV(t, zr, "edges.csv")
	for name, rows := range map[string][][]string{"nodes.csv": nodes, "edges.csv": edgeRows} {
		for _, col := range []string{"evidence_quotes", "evidence_sources", "evidence_attributions"} {
			if !slices.Contains(rows[0], col) {
				t.Errorf("%s has no %s column: %v", name, col, rows[0])
			}
		}
	}
	if len(nodes)-1 != total || len(edgeRows)-1 != edges {
		t.Errorf("csv: %d node rows, %d edge rows; want %d, %d", len(nodes)-1, len(edgeRows)-1, total, edges)
	}
	meta := readCSV(t, zr, "metadata.csv")
	if !slices.ContainsFunc(meta, func(r []string) bool { return slices.Equal(r, []string{"dataset_version", version}) }) {
		t.Errorf("metadata.csv lacks dataset_version %s: %v", version, meta)
	}

	// Cypher: one MERGE per node, one MATCH…MERGE per relationship, the version in a comment.
	script := string(get("cypher", ""))
	var nodeStmts, relStmts int
	for _, line := range strings.Split(script, "\n") {
		switch {
		case strings.HasPrefix(line, "MERGE (n:Node {id: "):
			nodeStmts++
		case strings.HasPrefix(line, "MATCH (a:Node {id: ") && strings.Contains(line, "MERGE (a)-[r:"):
			relStmts++
		}
	}
	if nodeStmts != total || relStmts != edges {
		t.Errorf("cypher: %d node and %d relationship statements; want %d, %d", nodeStmts, relStmts, total, edges)
	}
	if !strings.HasPrefix(script, "// ") || !strings.Contains(strings.SplitN(script, "\n", 2)[0], "dataset version "+version) {
		t.Errorf("cypher: the first comment does not name the dataset version: %.200s", script)
	}
}

func TestFilteredExportOverRealServer(t *testing.T) {
	s := sharedServer(t)
	_, total := datasetFacts(t, s)
	const centre = "meeting:jcc-10"

	_, whole := download(t, s, "/export/json")
	wholeDoc, _ := parseCytoscape(t, whole)
	adjacent := map[string]bool{centre: true}
	for _, e := range wholeDoc.Elements.Edges {
		src, tgt := e.Data["source"].(string), e.Data["target"].(string)
		if src == centre {
			adjacent[tgt] = true
		}
		if tgt == centre {
			adjacent[src] = true
		}
	}

	res, body := download(t, s, "/export/json?around="+centre+"&depth=1")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("filtered export: %d %s", res.StatusCode, body)
	}
	doc, ids := parseCytoscape(t, body)
	if !ids[centre] || len(ids) >= total || len(ids) < 3 {
		t.Fatalf("filtered export: %d of %d nodes, centre kept %v", len(ids), total, ids[centre])
	}
	if len(doc.Elements.Edges) >= len(wholeDoc.Elements.Edges) {
		t.Errorf("filtered export: %d edges, no fewer than the whole graph's %d", len(doc.Elements.Edges), len(wholeDoc.Elements.Edges))
	}
	// Every node is one hop from the centre, or a source cited by the evidence.
	for id := range ids {
		if !adjacent[id] && !strings.HasPrefix(id, "source:") {
			t.Errorf("filtered export holds %s, which is not one hop from %s", id, centre)
		}
	}
	for id := range adjacent {
		if !ids[id] {
			t.Errorf("filtered export lacks %s, one hop from %s", id, centre)
		}
	}
	// The same filter in GraphML stays valid and has the same size.
	_, gml := download(t, s, "/export/graphml?around="+centre+"&depth=1")
	xmllintValid(t, exportSchemas["graphml"], gml)
	if n, e := xmlCounts(t, gml); n != len(ids) || e != len(doc.Elements.Edges) {
		t.Errorf("filtered graphml: %d nodes, %d edges; json has %d, %d", n, e, len(ids), len(doc.Elements.Edges))
	}
}

func TestExportErrorsOverRealServer(t *testing.T) {
	s := sharedServer(t)
	cases := []struct {
		pathQuery string
		status    int
		code      string
		field     string
	}{
		{"/export/json?depth=2", 400, "BAD_USER_INPUT", "depth"},
		{"/export/json?around=meeting:jcc-10&depth=9", 400, "BAD_USER_INPUT", "depth"},
		{"/export/json?kinds=WIDGET", 400, "BAD_USER_INPUT", "kinds"},
		{"/export/json?colour=red", 400, "BAD_USER_INPUT", "colour"},
		{"/export/graphml?around=meeting:jcc-10&limit=100000", 400, "BAD_USER_INPUT", "limit"},
		{"/export/json?around=person:nobody", 404, "NOT_FOUND", "around"},
		{"/export/pdf", 404, "NOT_FOUND", "format"},
	}
	for _, c := range cases {
		res, body := download(t, s, c.pathQuery)
		var doc struct {
			Errors []struct {
				Message    string
				Extensions struct{ Code, Field string }
			}
		}
		if err := json.Unmarshal(body, &doc); err != nil || len(doc.Errors) != 1 {
			t.Errorf("%s: %d, body %s", c.pathQuery, res.StatusCode, body)
			continue
		}
		e := doc.Errors[0]
		if res.StatusCode != c.status || e.Extensions.Code != c.code || e.Extensions.Field != c.field || e.Message == "" {
			t.Errorf("%s: %d %+v; want %d %s on %s", c.pathQuery, res.StatusCode, e, c.status, c.code, c.field)
		}
	}
}

// TestExportCommand: `corridor export` writes the file GET /export/ serves for
// the same filter (the same nodes and edges), refuses a bad filter with the flag
// named, and while a server holds the store says where to download instead.
func TestExportCommand(t *testing.T) {
	dataDir := t.TempDir()
	out := filepath.Join(t.TempDir(), "jcc.json")
	cmdOut, err := corridorCmd(t, "export", "--format", "json", "--around", "meeting:jcc-10", "--depth", "2", "--limit", "50", out, "CORRIDOR_DATA_DIR="+dataDir).CombinedOutput()
	if err != nil || !strings.Contains(string(cmdOut), "exported ") {
		t.Fatalf("corridor export: %v\n%s", err, cmdOut)
	}
	file, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cmdDoc, cmdIDs := parseCytoscape(t, file)

	if out, err := corridorCmd(t, "export", "--format", "json", "--depth", "9", "--around", "meeting:jcc-10", "-", "CORRIDOR_DATA_DIR="+dataDir).CombinedOutput(); err == nil || !strings.Contains(string(out), "--depth") {
		t.Errorf("bad depth: %v\n%s", err, out)
	}

	s := startServer(t, "CORRIDOR_DATA_DIR="+dataDir)
	_, body := download(t, s, "/export/json?around=meeting:jcc-10&depth=2&limit=50")
	httpDoc, httpIDs := parseCytoscape(t, body)
	if len(cmdIDs) == 0 || !maps.Equal(cmdIDs, httpIDs) || len(cmdDoc.Elements.Edges) != len(httpDoc.Elements.Edges) {
		t.Errorf("CLI export: %d nodes, %d edges; HTTP: %d nodes, %d edges", len(cmdIDs), len(cmdDoc.Elements.Edges), len(httpIDs), len(httpDoc.Elements.Edges))
	}
	if out, err := corridorCmd(t, "export", "--format", "csv", filepath.Join(t.TempDir(), "x.zip"), "CORRIDOR_DATA_DIR="+dataDir).CombinedOutput(); err == nil || !strings.Contains(string(out), "GET /export/csv") {
		t.Errorf("export while the server runs: %v\n%s", err, out)
	}
}
