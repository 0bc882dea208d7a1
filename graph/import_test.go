package graph

import (
	"net/http"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/export/exporttest"
)

const importRecords = `mutation($json: String, $nodes: String, $edges: String, $dry: Boolean) {
  importRecords(json: $json, nodesCsv: $nodes, edgesCsv: $edges, dryRun: $dry) { added replaced dryRun } }`

// importDoc is a JSON dataset document of two persons; the second names an
// unknown country on line 4 when bad is set.
func importDoc(bad bool) string {
	country := "country:china"
	if bad {
		country = "country:chna"
	}
	return `{"persons": [
  {"id": "person:imp-a", "name": "A", "nationality": "country:china", "evidence": [{"source": "` + testSource + `", "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}]},
  {"id": "person:imp-b", "name": "B",
   "nationality": "` + country + `", "evidence": [{"source": "` + testSource + `", "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}]}]}`
}

// stored returns which of ids resolve on the handler's store.
func stored(t *testing.T, h http.Handler, ids ...string) []bool {
	t.Helper()
	var got struct{ Nodes []*struct{ ID string } }
	as(t, h, "", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}).decode(t, &got)
	out := make([]bool, len(got.Nodes))
	for i, n := range got.Nodes {
		out[i] = n != nil
	}
	return out
}

func TestImportRecordsMutation(t *testing.T) {
	h, _ := curatedHandler(t)
	vars := map[string]any{"json": importDoc(false)}
	if r := as(t, h, domain.RoleEditor, importRecords, vars); r.code() != domain.EFORBIDDEN {
		t.Errorf("import with an editor key: %+v, want FORBIDDEN", r.Errors)
	}
	if r := as(t, h, "", importRecords, vars); r.code() != domain.EUNAUTHORIZED {
		t.Errorf("import without a key: %+v, want UNAUTHENTICATED", r.Errors)
	}

	// A bad record rejects the batch, naming the part, line and column.
	r := as(t, h, domain.RoleAdmin, importRecords, map[string]any{"json": importDoc(true)})
	if r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != domain.ImportPartJSON ||
		!strings.Contains(r.Errors[0].Message, "json:4:") || !strings.Contains(r.Errors[0].Message, "person:imp-b: nationality") {
		t.Fatalf("bad import: %+v", r.Errors)
	}
	if got := stored(t, h, "person:imp-a", "person:imp-b"); got[0] || got[1] {
		t.Fatalf("a rejected import stored records: %v", got)
	}

	// A dry run reports and writes nothing.
	var res struct {
		ImportRecords struct {
			Added, Replaced int
			DryRun          bool
		}
	}
	as(t, h, domain.RoleAdmin, importRecords, map[string]any{"json": importDoc(false), "dry": true}).decode(t, &res)
	if res.ImportRecords.Added != 2 || !res.ImportRecords.DryRun {
		t.Errorf("dry run: %+v", res.ImportRecords)
	}
	if got := stored(t, h, "person:imp-a"); got[0] {
		t.Fatal("a dry run stored a record")
	}

	as(t, h, domain.RoleAdmin, importRecords, vars).decode(t, &res)
	if res.ImportRecords.Added != 2 || res.ImportRecords.Replaced != 0 || res.ImportRecords.DryRun {
		t.Errorf("import: %+v", res.ImportRecords)
	}
	if got := stored(t, h, "person:imp-a", "person:imp-b"); !got[0] || !got[1] {
		t.Fatalf("imported records missing: %v", got)
	}
	var audit struct {
		AuditLog struct {
			Edges []struct {
				Node struct{ Action, Actor, NodeID string }
			}
		}
	}
	as(t, h, domain.RoleAdmin, `{ auditLog(node: "person:imp-b") { edges { node { action actor nodeId } } } }`, nil).decode(t, &audit)
	if e := audit.AuditLog.Edges; len(e) != 1 || e[0].Node.Action != "IMPORT" || e[0].Node.Actor != "key-"+string(domain.RoleAdmin) {
		t.Errorf("audit of the import: %+v", e)
	}

	// The same records again replace themselves.
	as(t, h, domain.RoleAdmin, importRecords, vars).decode(t, &res)
	if res.ImportRecords.Added != 0 || res.ImportRecords.Replaced != 2 {
		t.Errorf("second import: %+v", res.ImportRecords)
	}

	// Both kinds of input at once, or none, are refused.
	if r := as(t, h, domain.RoleAdmin, importRecords, map[string]any{"json": importDoc(false), "nodes": "id,kind\n"}); r.code() != domain.EINVALID {
		t.Errorf("JSON and CSV together: %+v", r.Errors)
	}
	if r := as(t, h, domain.RoleAdmin, importRecords, map[string]any{}); r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != domain.ImportPartJSON {
		t.Errorf("empty import: %+v", r.Errors)
	}
}

func TestImportRecordsCSV(t *testing.T) {
	h, _ := curatedHandler(t)
	// The CSV tables of the export of one new person and its country, less the
	// country's row: the nationality edge then points at the stored country.
	ds := &domain.Dataset{}
	ds.Add(&domain.Country{Meta: domain.Meta{ID: "country:china"}, Name: "China"})
	p := &domain.Person{Name: "Csv Import", NationalityID: "country:china", Meta: domain.Meta{ID: "person:csv-imp",
		Evidence: []domain.Evidence{{SourceID: testSource, Quote: "Chinese Ambassador to Pakistan Yao Jing", Attribution: domain.AttributionArticle}}}}
	ds.Add(p)
	nodesCSV, edgesCSV := exporttest.CSVTables(t, ds)
	var nodes string
	for _, line := range strings.SplitAfter(string(nodesCSV), "\n") {
		if !strings.HasPrefix(line, "country:china,") {
			nodes += line
		}
	}
	edges := string(edgesCSV)
	if !strings.Contains(edges, "NATIONAL_OF") {
		t.Fatalf("edges.csv has no nationality:\n%s", edges)
	}
	var res struct{ ImportRecords struct{ Added int } }
	as(t, h, domain.RoleAdmin, importRecords, map[string]any{"nodes": nodes, "edges": edges}).decode(t, &res)
	if res.ImportRecords.Added != 1 {
		t.Fatalf("CSV import: %+v", res.ImportRecords)
	}
	var got struct {
		Node struct{ Nationality struct{ ID string } }
	}
	if r := as(t, h, "", `{ node(id: "person:csv-imp") { ... on Person { nationality { id } } } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("reading the imported person: %+v", r.Errors)
	} else {
		r.decode(t, &got)
	}
	if got.Node.Nationality.ID != "country:china" {
		t.Errorf("imported person's nationality: %+v", got.Node)
	}
	// A bad row names the table and line.
	bad := strings.Replace(nodes, "PERSON", "PERSN", 1)
	r := as(t, h, domain.RoleAdmin, importRecords, map[string]any{"nodes": bad})
	if r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != domain.ImportPartNodesCSV || !strings.Contains(r.Errors[0].Message, "nodesCsv:2:") {
		t.Errorf("bad CSV: %+v", r.Errors)
	}
}
