package neo4j

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// The Cypher the adapter sends lives in cypher/*.cypher, embedded in the binary.
// Most files are whole statements; a few hold fragments ({{node}}, {{after}}) or
// templates whose variants the adapter builds from whitelists (ORDER BY keys per
// connection, node labels, relationship types). Every assembled statement has a
// name; a test writes them all to testdata/statements/<name>.cypher and lints them.
//
//go:embed cypher
var cypherFS embed.FS

// orderKey is one sortable field of a connection: the Cypher expression of its key
// (a literal of the whitelist, never user input) and whether the key is an integer.
type orderKey struct {
	expr    string
	numeric bool
}

// listSpec describes a connection: its filter file, default order field and the
// whitelist of order fields.
type listSpec struct {
	name         string
	defaultField string
	keys         map[string]orderKey
}

// Connections and their order whitelists. Keys compare as the memory store's do:
// normalised labels (sortLabel), PartialDate values, sequences as integers, enums
// by name.
var lists = map[string]listSpec{
	"actors": {"actors", "NAME", map[string]orderKey{
		"NAME": {expr: "n.sortLabel"},
		"KIND": {expr: "CASE WHEN n:Person THEN 'PERSON' WHEN n:Organization THEN 'ORGANIZATION' WHEN n:Country THEN 'COUNTRY' END"},
	}},
	"meetings": {"meetings", "DATE", map[string]orderKey{
		"DATE":     {expr: "n.date"},
		"TITLE":    {expr: "n.sortLabel"},
		"SEQUENCE": {expr: "n.sequence", numeric: true},
	}},
	"commitments": {"commitments", "DATE", map[string]orderKey{
		"DATE":      {expr: "n.date"},
		"KIND":      {expr: "n.kind"},
		"STATUS":    {expr: "n.status"},
		"STATEMENT": {expr: "n.sortLabel"},
	}},
	"projects": {"projects", "NAME", map[string]orderKey{
		"NAME":   {expr: "n.sortLabel"},
		"STATUS": {expr: "n.status"},
	}},
	"sources": {"sources", "PUBLISHED", map[string]orderKey{
		"PUBLISHED": {expr: "n.published"},
		"TITLE":     {expr: "n.sortLabel"},
	}},
}

// listStatementName names the statement of a connection under one order.
func listStatementName(list string, o domain.Order) string {
	return "list." + list + "." + o.String()
}

// relatedStatementName names the statement answering a relation.
func relatedStatementName(r domain.Traversal) string {
	return "related." + strings.ToLower(string(r))
}

// seedNodesStatementName names the upsert statement of one node kind.
func seedNodesStatementName(k domain.Kind) string { return "seed.nodes." + label(k) }

// seedRelsStatementName names the statement creating relationships of one type.
func seedRelsStatementName(t domain.RelType) string { return "seed.rels." + string(t) }

// statements maps every statement name to its text. It is built once from the
// embedded files; a malformed file is a programming error caught by the tests.
// migrationNames lists the migration statements in the order they run.
var statements, migrationNames = mustBuildStatements()

// stmt returns the statement with the given name; it panics on an unknown name,
// which only a programming error can cause.
func stmt(name string) string {
	s, ok := statements[name]
	if !ok {
		panic("neo4j: unknown statement " + name)
	}
	return s
}

func readCypher(name string) string {
	b, err := cypherFS.ReadFile("cypher/" + name)
	if err != nil {
		panic(fmt.Sprintf("neo4j: embedded cypher/%s: %v", name, err))
	}
	return string(b)
}

// stripComments removes whole-line // comments and trailing blank lines, so every
// statement starts with its CYPHER 5 prefix.
func stripComments(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		out = append(out, strings.TrimRight(line, " \t"))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// fill replaces a {{placeholder}} with text; continuation lines of a multi-line
// text are indented like the placeholder's line.
func fill(s, placeholder, text string) string {
	text = strings.TrimSpace(text)
	var out []string
	for _, line := range strings.Split(s, "\n") {
		indented := text
		if strings.Contains(line, placeholder) {
			indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
			indented = strings.ReplaceAll(text, "\n", "\n"+indent)
		}
		out = append(out, strings.ReplaceAll(line, placeholder, indented))
	}
	return strings.Join(out, "\n")
}

// kindRankExpr orders nodes by kind in the order of domain.Kinds.
func kindRankExpr() string {
	var b strings.Builder
	b.WriteString("CASE")
	for i, k := range domain.Kinds {
		fmt.Fprintf(&b, " WHEN n:%s THEN %d", label(k), i)
	}
	b.WriteString(" END")
	return b.String()
}

var placeholderRE = regexp.MustCompile(`\{\{[a-zA-Z]+\}\}`)

// finish strips comments, expands the node fragment and checks that nothing is
// left to fill and that the statement carries its CYPHER 5 prefix.
func finish(name, s string) string {
	s = stripComments(s)
	s = fill(s, "{{node}}", stripComments(readCypher("fragments/node.cypher")))
	s = fill(s, "{{kindRank}}", kindRankExpr())
	if p := placeholderRE.FindString(s); p != "" {
		panic(fmt.Sprintf("neo4j: statement %s: unfilled %s", name, p))
	}
	if !strings.HasPrefix(s, "CYPHER 5") {
		panic(fmt.Sprintf("neo4j: statement %s does not start with CYPHER 5", name))
	}
	return s
}

func mustBuildStatements() (map[string]string, []string) {
	m := map[string]string{}
	var migrations []string
	add := func(name, text string) {
		if _, dup := m[name]; dup {
			panic("neo4j: duplicate statement " + name)
		}
		m[name] = finish(name, text)
	}
	for _, name := range []string{"nodes", "programmes", "pillars", "info", "search", "audit"} {
		add(name, readCypher("read/"+name+".cypher"))
	}
	for _, r := range domain.Traversals {
		add(relatedStatementName(r), readCypher("related/"+strings.ToLower(string(r))+".cypher"))
	}
	for _, name := range []string{"expand", "level", "timeline"} {
		add("explore."+name, readCypher("explore/"+name+".cypher"))
	}
	add("explore.stats", fill(stripComments(readCypher("explore/stats.cypher")), "{{match}}",
		stripComments(readCypher("filters/commitments.cypher"))))
	template := stripComments(readCypher("list.cypher"))
	after := stripComments(readCypher("fragments/after.cypher"))
	for _, spec := range lists {
		match := stripComments(readCypher("filters/" + spec.name + ".cypher"))
		for field, key := range spec.keys {
			for _, desc := range []bool{false, true} {
				dir, cmp := "ASC", ">"
				if desc {
					dir, cmp = "DESC", "<"
				}
				s := fill(template, "{{match}}", match)
				s = fill(s, "{{after}}", fill(after, "{{cmp}}", cmp))
				s = fill(s, "{{key}}", key.expr)
				s = fill(s, "{{dir}}", dir)
				add(listStatementName(spec.name, domain.Order{Field: field, Desc: desc}), s)
			}
		}
	}
	for _, name := range []string{"curated", "clear", "evidence", "documents", "dataset", "wipe"} {
		add("seed."+name, readCypher("seed/"+name+".cypher"))
	}
	for _, name := range []string{"fetch", "delete", "tombstones", "audit"} {
		add("write."+name, readCypher("write/"+name+".cypher"))
	}
	nodes := readCypher("seed/nodes.cypher")
	for _, k := range domain.Kinds {
		add(seedNodesStatementName(k), fill(nodes, "{{label}}", label(k)))
	}
	rels := readCypher("seed/relationships.cypher")
	for _, t := range domain.RelTypes {
		add(seedRelsStatementName(t), fill(rels, "{{type}}", string(t)))
	}
	files, err := fs.Glob(cypherFS, "cypher/migrations/*.cypher")
	if err != nil {
		panic(err)
	}
	sort.Strings(files)
	for _, f := range files {
		base := strings.TrimSuffix(path.Base(f), ".cypher")
		for i, part := range splitStatements(readCypher(strings.TrimPrefix(f, "cypher/"))) {
			name := fmt.Sprintf("migrate.%s.%02d", base, i+1)
			add(name, part)
			migrations = append(migrations, name)
		}
	}
	return m, migrations
}

// splitStatements splits a migration file on semicolons that end a line.
func splitStatements(s string) []string {
	var out []string
	for _, part := range strings.Split(stripComments(s), ";\n") {
		part = strings.TrimSuffix(strings.TrimSpace(part), ";")
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

var paramRE = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// paramNames returns the distinct $parameters a statement uses, sorted.
func paramNames(s string) []string {
	var names []string
	for _, m := range paramRE.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// statementNames returns every statement name, sorted.
func statementNames() []string {
	names := make([]string, 0, len(statements))
	for n := range statements {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
