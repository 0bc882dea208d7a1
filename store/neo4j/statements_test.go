package neo4j

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

const statementsDir = "testdata/statements"

var deprecatedID = regexp.MustCompile(`\bid\(`)

// TestStatementsUpToDate keeps testdata/statements/<name>.cypher — every statement
// the adapter can send, as sent — in step with the embedded files and whitelists.
func TestStatementsUpToDate(t *testing.T) {
	if updating() {
		if err := os.RemoveAll(statementsDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(statementsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range statementNames() {
			if err := os.WriteFile(filepath.Join(statementsDir, name+".cypher"), []byte(statements[name]+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	files, err := filepath.Glob(filepath.Join(statementsDir, "*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".cypher")
		onDisk = append(onDisk, name)
		want, ok := statements[name]
		if !ok {
			t.Errorf("%s: no such statement any more (run go test ./store/neo4j -run Statements -update)", f)
			continue
		}
		got, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want+"\n" {
			t.Errorf("%s is stale (run go test ./store/neo4j -run Statements -update)", f)
		}
	}
	for _, name := range statementNames() {
		if !slices.Contains(onDisk, name) {
			t.Errorf("statement %s is missing from %s (run go test ./store/neo4j -run Statements -update)", name, statementsDir)
		}
	}
}

// TestStatementsShape checks what every statement must be: prefixed CYPHER 5,
// without string interpolation leftovers, SKIP or the deprecated id().
func TestStatementsShape(t *testing.T) {
	for _, name := range statementNames() {
		s := statements[name]
		if !strings.HasPrefix(s, "CYPHER 5") {
			t.Errorf("%s does not start with CYPHER 5", name)
		}
		for _, bad := range []string{"{{", "%s", "%v", " SKIP ", "\t"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if deprecatedID.MatchString(s) {
			t.Errorf("%s uses the deprecated id() function", name)
		}
	}
	// Every connection has a statement per whitelisted order and direction.
	count := 0
	for list, spec := range lists {
		if _, ok := spec.keys[spec.defaultField]; !ok {
			t.Errorf("%s: default order %s is not whitelisted", list, spec.defaultField)
		}
		for field := range spec.keys {
			for _, desc := range []bool{false, true} {
				count++
				name := listStatementName(list, domain.Order{Field: field, Desc: desc})
				s := stmt(name)
				dir := "ASC"
				if desc {
					dir = "DESC"
				}
				if !strings.Contains(s, "ORDER BY key IS NULL, key "+dir+", n.id") || !strings.Contains(s, "LIMIT $limit") {
					t.Errorf("%s: no keyset ORDER BY … %s", name, dir)
				}
			}
		}
	}
	if count != 26 {
		t.Errorf("%d list statements, want 26 (actors 2, meetings 3, commitments 4, projects 2, sources 2 fields, both ways)", count)
	}
	for _, r := range domain.Traversals {
		s := stmt(relatedStatementName(r))
		if !strings.Contains(s, "UNWIND $ids AS id") {
			t.Errorf("related statement of %s does not take every parent at once", r)
		}
	}
}

// TestMigrations checks that the migration creates, idempotently, a uniqueness
// constraint on id for every label and the full-text index Search uses.
func TestMigrations(t *testing.T) {
	var all string
	for _, name := range migrationNames {
		s := stmt(name)
		all += s + "\n"
		if strings.Contains(s, "CREATE") && !strings.Contains(s, "IF NOT EXISTS") {
			t.Errorf("%s is not idempotent: %s", name, s)
		}
	}
	labels := []string{labelNode, labelEvidence, labelDocument, labelDataset, labelTombstone, labelCuration}
	for _, k := range domain.Kinds {
		labels = append(labels, label(k))
	}
	for _, l := range labels {
		if !regexp.MustCompile(`FOR \(n:` + l + `\) REQUIRE n\.id IS UNIQUE`).MatchString(all) {
			t.Errorf("no uniqueness constraint on %s.id", l)
		}
	}
	if !strings.Contains(all, "CREATE FULLTEXT INDEX corridor_search") || !strings.Contains(stmt("search"), "'corridor_search'") {
		t.Error("the full-text index Search queries is not created by the migration")
	}
	if len(migrationNames) < len(labels) || !slices.IsSorted(migrationNames) {
		t.Errorf("migrations %q", migrationNames)
	}
}

func TestParamNames(t *testing.T) {
	got := paramNames("CYPHER 5 MATCH (n {id: $id}) WHERE $id IS NULL OR n.x IN $xs_2 RETURN $limit")
	if want := []string{"id", "limit", "xs_2"}; !slices.Equal(got, want) {
		t.Errorf("paramNames = %q, want %q", got, want)
	}
}

func TestFill(t *testing.T) {
	got := fill("a\n  x {{p}} y\n  {{p}}", "{{p}}", "1\n2")
	if want := "a\n  x 1\n  2 y\n  1\n  2"; got != want {
		t.Errorf("fill = %q, want %q", got, want)
	}
	if got := splitStatements("// c\nCYPHER 5 A;\nCYPHER 5 B\nC;\n"); !slices.Equal(got, []string{"CYPHER 5 A", "CYPHER 5 B\nC"}) {
		t.Errorf("splitStatements = %q", got)
	}
}
