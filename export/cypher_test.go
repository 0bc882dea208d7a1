package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
)

// cypherStatement is one statement of a script, split by cypherLex.
type cypherStatement struct {
	// skeleton is the statement with every string literal replaced by '' and
	// comments removed: what Neo4j would parse as code.
	skeleton string
	// literals are the decoded values of the string literals, in order.
	literals []string
}

// cypherLex splits a script into statements the way Cypher's grammar reads it:
// string literals in single or double quotes with backslash escapes, // and /* */
// comments, `quoted` names, and ";" ending a statement outside all of them. It is
// written independently of CypherString, as a check on it.
func cypherLex(script string) ([]cypherStatement, error) {
	var out []cypherStatement
	var cur cypherStatement
	var code strings.Builder
	flush := func() {
		cur.skeleton = strings.TrimSpace(code.String())
		if cur.skeleton != "" {
			out = append(out, cur)
		}
		cur = cypherStatement{}
		code.Reset()
	}
	for i := 0; i < len(script); {
		c := script[i]
		switch {
		case c == '\'' || c == '"':
			v, n, err := cypherDecodeLiteral(script[i:])
			if err != nil {
				return nil, fmt.Errorf("at byte %d: %w", i, err)
			}
			cur.literals = append(cur.literals, v)
			code.WriteString("''")
			i += n
		case strings.HasPrefix(script[i:], "//"):
			end := strings.IndexByte(script[i:], '\n')
			if end < 0 {
				end = len(script) - i
			}
			i += end
		case strings.HasPrefix(script[i:], "/*"):
			end := strings.Index(script[i+2:], "*/")
			if end < 0 {
				return nil, fmt.Errorf("unterminated comment at byte %d", i)
			}
			i += end + 4
		case c == '`':
			end := strings.IndexByte(script[i+1:], '`')
			if end < 0 {
				return nil, fmt.Errorf("unterminated `name` at byte %d", i)
			}
			code.WriteString(script[i : i+end+2])
			i += end + 2
		case c == ';':
			flush()
			i++
		default:
			code.WriteByte(c)
			i++
		}
	}
	if strings.TrimSpace(code.String()) != "" {
		return nil, fmt.Errorf("the script ends without ';': %q", code.String())
	}
	return out, nil
}

// cypherDecodeLiteral decodes the string literal at the start of s and returns
// its value and length.
func cypherDecodeLiteral(s string) (string, int, error) {
	quote := s[0]
	var b strings.Builder
	for i := 1; i < len(s); {
		c := s[i]
		switch c {
		case quote:
			return b.String(), i + 1, nil
		case '\\':
			if i+1 >= len(s) {
				return "", 0, fmt.Errorf("dangling backslash")
			}
			e := s[i+1]
			simple := map[byte]string{'\\': `\`, '\'': `'`, '"': `"`, 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t"}
			if v, ok := simple[e]; ok {
				b.WriteString(v)
				i += 2
				continue
			}
			digits := map[byte]int{'u': 4, 'U': 8}[e]
			if digits == 0 || i+2+digits > len(s) {
				return "", 0, fmt.Errorf("bad escape \\%c", e)
			}
			r, err := strconv.ParseUint(s[i+2:i+2+digits], 16, 32)
			if err != nil {
				return "", 0, fmt.Errorf("bad escape %q", s[i:i+2+digits])
			}
			b.WriteRune(rune(r))
			i += 2 + digits
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", 0, fmt.Errorf("unterminated string literal")
}

// hostile are strings built to escape a literal, some found in the wild.
var hostile = []string{
	"",
	`' }) DETACH DELETE n //`,
	`\' }) DETACH DELETE n //`,
	`\\' }) DETACH DELETE n //`,
	`\u0027 }) DETACH DELETE n //`,
	`\\u0027`,
	`" }) DETACH DELETE n //`,
	"`a` `b",
	"; MATCH (n) DETACH DELETE n; //",
	"/* comment */ // comment",
	"ends with a backslash \\",
	"\\",
	"line\nbreak\r\nand\ttab\bback\fform",
	"nul \x00 esc \x1b del \x7f c1 \u0085 ls \u2028 ps \u2029 bom \ufeff",
	"invalid \xff\xfe\xfd utf-8 \xc3",
	"“curly” ‘quotes’ — 中巴经济走廊 پاکستان 🇵🇰",
}

func TestCypherString(t *testing.T) {
	cases := map[string]string{
		"plain":        `'plain'`,
		"it's":         `'it\'s'`,
		`say "hi"`:     `'say \"hi\"'`,
		`back\slash`:   `'back\\slash'`,
		`\u0027`:       `'\\u0027'`,
		"a\nb\rc\td":   `'a\nb\rc\td'`,
		"nul\x00":      `'nul\u0000'`,
		"ls\u2028":     `'ls\u2028'`,
		"bad\xff":      `'bad\uFFFD'`,
		"“中文”":         `'“中文”'`,
		"`tick`; // x": "'`tick`; // x'",
	}
	for in, want := range cases {
		if got := CypherString(in); got != want {
			t.Errorf("CypherString(%q) = %s, want %s", in, got, want)
		}
	}
	for _, s := range hostile {
		checkCypherLiteral(t, s)
	}
}

// checkCypherLiteral checks that the literal for s is one whole literal (nothing
// in s ends it early), holds no raw line break or control character, and
// decodes to s (invalid UTF-8 as U+FFFD).
func checkCypherLiteral(t *testing.T, s string) {
	t.Helper()
	lit := CypherString(s)
	v, n, err := cypherDecodeLiteral(lit)
	if err != nil || n != len(lit) {
		t.Errorf("CypherString(%q) = %s: not one literal (%v, %d of %d bytes)", s, lit, err, n, len(lit))
		return
	}
	if v != validUTF8(s) {
		t.Errorf("CypherString(%q) = %s decodes to %q", s, lit, v)
	}
	for _, r := range lit {
		if r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 {
			t.Errorf("CypherString(%q) = %s holds the raw character %U", s, lit, r)
		}
	}
	if !utf8.ValidString(lit) {
		t.Errorf("CypherString(%q) = %q is not UTF-8", s, lit)
	}
}

func FuzzCypherString(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCypherLiteral(t, s) })
}

// Statement shapes of the script (after cypherLex: literals are ”).
var (
	cypherValueRE = `(''|-?[0-9]+(\.[0-9]+)?|true|false|\[''(, '')*\])`
	cypherShapes  = []*regexp.Regexp{
		regexp.MustCompile(`^CREATE CONSTRAINT corridor_node_id IF NOT EXISTS FOR \(n:Node\) REQUIRE n\.id IS UNIQUE$`),
		regexp.MustCompile(`^MERGE \(d:Dataset \{id: ''\}\) SET d\.version = '', d\.exported_at = '', d\.generator = ''$`),
		regexp.MustCompile(`^MERGE \(n:Node \{id: ''\}\) SET n:(Person|Organization|Country|Role|Meeting|Commitment|Project|Programme|Pillar|Figure|Source), n \+= \{kind: '', label: ''(, [a-z_]+: ` + cypherValueRE + `)*\}$`),
		regexp.MustCompile(`^MATCH \(a:Node \{id: ''\}\) MATCH \(b:Node \{id: ''\}\) MERGE \(a\)-\[r:[A-Z_]+\]->\(b\) SET r \+= \{edge_id: ''(, [a-z_]+: ` + cypherValueRE + `)*\}$`),
	}
)

func TestCypherScript(t *testing.T) {
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		t.Run(name, func(t *testing.T) {
			script := string(mustWrite(t, "cypher", g))
			stmts, err := cypherLex(script)
			if err != nil {
				t.Fatalf("the script does not lex: %v", err)
			}
			if want := 2 + len(g.Nodes) + len(g.Edges); len(stmts) != want {
				t.Fatalf("%d statements, want %d (constraint, dataset, %d nodes, %d edges)", len(stmts), want, len(g.Nodes), len(g.Edges))
			}
			for i, st := range stmts {
				shape := min(i, 2)
				if i >= 2+len(g.Nodes) {
					shape = 3
				}
				if !cypherShapes[shape].MatchString(st.skeleton) {
					t.Fatalf("statement %d has an unexpected shape:\n%s", i, st.skeleton)
				}
			}
			if v := stmts[1].literals; v[1] != validUTF8(g.Version) {
				t.Errorf("dataset version literal = %q, want %q", v[1], g.Version)
			}
			for i, n := range g.Nodes {
				st := stmts[2+i]
				if st.literals[0] != n.NodeID() || st.literals[1] != string(n.NodeKind()) || st.literals[2] != validUTF8(n.Label()) {
					t.Errorf("node statement %d: literals %q…, want %s", i, st.literals[:3], n.NodeID())
				}
				if label := cypherLabels[n.NodeKind()]; !strings.Contains(st.skeleton, "SET n:"+label+",") {
					t.Errorf("node %s: statement lacks label %s: %s", n.NodeID(), label, st.skeleton)
				}
				// Every text value of the node is one of the statement's literals.
				r := newRow()
				r.fill(n)
				for j, c := range nodeColumns {
					if r[j].set && c.typ == tString && !containsString(st.literals, validUTF8(r[j].str)) {
						t.Errorf("node %s: %s value %q is not a literal of its statement", n.NodeID(), c.name, r[j].str)
					}
				}
				for _, ev := range nodeEvidence(n) {
					if !containsString(st.literals, validUTF8(ev.Quote)) {
						t.Errorf("node %s: quote %q is not a literal of its statement", n.NodeID(), ev.Quote)
					}
				}
			}
			for i, e := range g.Edges {
				st := stmts[2+len(g.Nodes)+i]
				if st.literals[0] != e.From || st.literals[1] != e.To || st.literals[2] != e.ID {
					t.Errorf("edge statement %d: literals %q, want %s", i, st.literals[:3], e.ID)
				}
				if !strings.Contains(st.skeleton, "[r:"+string(e.Type)+"]") {
					t.Errorf("edge %s: statement lacks type %s: %s", e.ID, e.Type, st.skeleton)
				}
				for _, ev := range e.Evidence {
					if !containsString(st.literals, validUTF8(ev.Quote)) {
						t.Errorf("edge %s: quote %q is not a literal of its statement", e.ID, ev.Quote)
					}
				}
			}
			// Whatever the data says, no statement does anything but the above.
			for _, st := range stmts {
				for _, bad := range []string{"DELETE", "Evil", "CREATE (", "DROP", "CALL"} {
					if strings.Contains(st.skeleton, bad) {
						t.Errorf("statement code contains %q: %s", bad, st.skeleton)
					}
				}
			}
		})
	}
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestCypherRejectsUnknownTypes(t *testing.T) {
	g := nastyGraph()
	g.Edges = append([]domain.Edge(nil), g.Edges...)
	g.Edges[0].Type = "MADE]->(x) DETACH DELETE x //"
	var buf bytes.Buffer
	if err := WriteCypher(t.Context(), &buf, g, Options{}); err == nil {
		t.Error("a relationship type outside domain.RelTypes was written")
	}
	if strings.Contains(buf.String(), "DETACH") {
		t.Error("the bad relationship type reached the output")
	}
}

// TestCypherLint checks every statement of the seed and hostile scripts with
// Neo4j's own Cypher 5 parser and semantic analysis (tools/cypherlint), against
// the export's labels, relationship types and property keys. It needs Node.js and
// the linter's node modules (scripts/test.sh installs both).
func TestCypherLint(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is required to lint the Cypher export (scripts/test.sh installs it): %v", err)
	}
	lint, err := filepath.Abs(filepath.Join("..", "tools", "cypherlint", "lint.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(lint), "node_modules")); err != nil {
		t.Fatalf("the Cypher linter's node modules are missing (npm ci --prefix tools/cypherlint): %v", err)
	}
	vocab := map[string][]string{
		"labels":            {cypherNodeLabel, cypherDatasetLabel},
		"relationshipTypes": nil,
		"propertyKeys":      {"id", "kind", "label", "version", "exported_at", "generator", "edge_id"},
	}
	for _, k := range domain.Kinds {
		vocab["labels"] = append(vocab["labels"], cypherLabels[k])
	}
	for _, r := range domain.RelTypes {
		vocab["relationshipTypes"] = append(vocab["relationshipTypes"], string(r))
	}
	for _, c := range append(append([]column(nil), nodeColumns...), evidenceColumns...) {
		vocab["propertyKeys"] = append(vocab["propertyKeys"], c.name)
	}
	dir := t.TempDir()
	vocabFile := filepath.Join(dir, "vocabulary.json")
	b, _ := json.Marshal(vocab)
	if err := os.WriteFile(vocabFile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	type named struct {
		Name      string `json:"name"`
		Statement string `json:"statement"`
	}
	// The linter takes a fraction of a second per statement, so it checks every
	// statement of the hostile script and, of the seed's, the first of each
	// shape: per node label and per relationship type (the shape test above
	// holds every other statement to these shapes).
	var input []named
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		script := string(mustWrite(t, "cypher", g))
		seen := map[string]bool{}
		for i, st := range splitCypher(t, script) {
			shape := st
			if i >= 2 && i < 2+len(g.Nodes) {
				shape = string(g.Nodes[i-2].NodeKind())
			} else if i >= 2+len(g.Nodes) {
				shape = string(g.Edges[i-2-len(g.Nodes)].Type)
			}
			if name == "seed" && seen[shape] {
				continue
			}
			seen[shape] = true
			input = append(input, named{Name: fmt.Sprintf("%s-%d", name, i), Statement: "CYPHER 5 " + st})
		}
	}
	b, _ = json.Marshal(input)
	cmd := exec.Command(node, lint, "--vocabulary", vocabFile)
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", bytes.TrimSpace(out))
	if err != nil {
		t.Errorf("cypherlint found problems (%v):\n%s", err, out)
	}
	if !bytes.Contains(out, []byte(fmt.Sprintf("%d statements, 0 with diagnostics", len(input)))) {
		t.Errorf("cypherlint did not check the %d statements:\n%s", len(input), out)
	}
}

// splitCypher splits a script into its raw statements (without the ";"),
// dropping comment lines.
func splitCypher(t *testing.T, script string) []string {
	t.Helper()
	var out []string
	start := 0
	for i := 0; i < len(script); {
		switch c := script[i]; {
		case c == '\'' || c == '"':
			_, n, err := cypherDecodeLiteral(script[i:])
			if err != nil {
				t.Fatal(err)
			}
			i += n
		case strings.HasPrefix(script[i:], "//"):
			end := strings.IndexByte(script[i:], '\n')
			script = script[:i] + script[i+end:]
		case c == ';':
			if st := strings.TrimSpace(script[start:i]); st != "" {
				out = append(out, st)
			}
			i++
			start = i
		default:
			i++
		}
	}
	return out
}
