package neo4j

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The offline Cypher linter: tools/cypherlint/lint.js runs Neo4j's own Cypher 5
// language support (@neo4j-cypher/language-support) over statements, with the
// vocabulary generated into testdata/vocabulary.json.

var cypherlintDir = filepath.Join("..", "..", "tools", "cypherlint")

type lintDiagnostic struct {
	Severity   string `json:"severity"`
	Message    string `json:"message"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Deprecated bool   `json:"deprecated"`
	Text       string `json:"text"`
}

type lintResult struct {
	Name        string           `json:"name"`
	Parameters  []string         `json:"parameters"`
	Diagnostics []lintDiagnostic `json:"diagnostics"`
}

type lintReport struct {
	Statements int `json:"statements"`
	// Cached counts the results taken from the linter's cache.
	Cached  int          `json:"cached"`
	Results []lintResult `json:"results"`
}

type namedStatement struct {
	Name      string `json:"name"`
	Statement string `json:"statement"`
}

var npmOnce sync.Once

// lintCacheDir is where the linter keeps the results of statements it has
// analysed, keyed by everything that decides them, so a rerun analyses only new
// or changed statements. In CI (CI=true), or with CYPHERLINT_CACHE=off, there is
// no cache: every statement is analysed.
func lintCacheDir() string {
	if os.Getenv("CI") == "true" || os.Getenv("CYPHERLINT_CACHE") == "off" {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "corridor", "cypherlint")
}

// lint runs the linter over statements. A missing node is a failure, not a skip;
// missing node modules are installed from the committed lockfile first.
func lint(t *testing.T, stmts []namedStatement) lintReport {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is required to lint Cypher offline (install Node 20): %v", err)
	}
	npmOnce.Do(func() {
		if _, err := os.Stat(filepath.Join(cypherlintDir, "node_modules", "@neo4j-cypher", "language-support")); err == nil {
			return
		}
		npm, err := exec.LookPath("npm")
		if err != nil {
			t.Fatalf("npm is required to install the Cypher linter: %v", err)
		}
		cmd := exec.Command(npm, "ci", "--prefix", cypherlintDir, "--no-audit", "--no-fund")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci --prefix %s: %v\n%s", cypherlintDir, err, out)
		}
	})
	in, err := json.Marshal(stmts)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join(cypherlintDir, "lint.js"), "--json", "--vocabulary", vocabularyPath}
	if dir := lintCacheDir(); dir != "" {
		args = append(args, "--cache", dir)
	}
	cmd := exec.Command(node, args...)
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		t.Fatalf("cypherlint: %v\n%s", err, stderr.String())
	}
	var report lintReport
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("cypherlint output: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	failed := slices.ContainsFunc(report.Results, func(r lintResult) bool { return len(r.Diagnostics) > 0 })
	if failed != (err != nil) {
		t.Errorf("cypherlint exit status %v does not match its diagnostics", err)
	}
	return report
}

// TestCypherLint checks every statement the adapter can send against Neo4j's
// Cypher 5 grammar, semantic analysis, function and procedure catalogue and the
// graph's vocabulary; any error or warning (deprecations included) fails. It also
// checks that the linter's parameter list (from the Cypher grammar) agrees with
// the adapter's, which the fake runner holds every call to.
func TestCypherLint(t *testing.T) {
	var stmts []namedStatement
	for _, name := range statementNames() {
		stmts = append(stmts, namedStatement{Name: name, Statement: statements[name]})
	}
	report := lint(t, stmts)
	if report.Statements != len(stmts) || len(report.Results) != len(stmts) {
		t.Fatalf("linted %d statements, sent %d", report.Statements, len(stmts))
	}
	for _, r := range report.Results {
		for _, d := range r.Diagnostics {
			t.Errorf("%s:%d:%d: %s: %s [%s]", r.Name, d.Line, d.Column, d.Severity, d.Message, d.Text)
		}
		want := paramNames(statements[r.Name])
		if want == nil {
			want = []string{}
		}
		if !slices.Equal(r.Parameters, want) {
			t.Errorf("%s: the linter reads parameters %q, the adapter %q", r.Name, r.Parameters, want)
		}
	}
	t.Logf("linted %d statements (%d results from the cache %s)", len(report.Results), report.Cached, lintCacheDir())
}

// TestCypherLintCatchesMistakes shows that the linter is not a rubber stamp: each
// of these statements has one mistake and each is reported.
func TestCypherLintCatchesMistakes(t *testing.T) {
	bad := map[string]struct{ statement, want string }{
		"syntax error":       {"CYPHER 5 MATCH (n:Commitment RETURN n", "Invalid input"},
		"unknown function":   {"CYPHER 5 MATCH (n:Commitment) RETURN toUpperCase(n.statement) AS s", "Function toUpperCase is not present"},
		"misspelt rel type":  {"CYPHER 5 MATCH (a:Node)-[:MADE_TOO]->(n:Commitment) RETURN n", "MADE_TOO is not present"},
		"misspelt property":  {"CYPHER 5 MATCH (n:Person) RETURN n.nme AS name", "nme is not present"},
		"wrong direction":    {"CYPHER 5 MATCH (n:Commitment)-[:MADE]->(a:Person) RETURN a", "has no"},
		"deprecated id()":    {"CYPHER 5 MATCH (n:Person) RETURN id(n) AS i", "deprecated"},
		"Neo4j 4 constraint": {"CYPHER 5 CREATE CONSTRAINT ON (n:Person) ASSERT n.id IS UNIQUE", "ON and ASSERT"},
		"unanalysable":       {"CYPHER 5 MATCH (n:Person) RETURN {x: [(n)-[:NATIONAL_OF]->(c:Country) | c.id]} AS m", "semantic analysis failed"},
	}
	var stmts []namedStatement
	for name, b := range bad {
		stmts = append(stmts, namedStatement{Name: name, Statement: b.statement})
	}
	report := lint(t, stmts)
	for _, r := range report.Results {
		var msgs []string
		for _, d := range r.Diagnostics {
			msgs = append(msgs, d.Message)
		}
		if !strings.Contains(strings.Join(msgs, "\n"), bad[r.Name].want) {
			t.Errorf("%s: linter reported %q, want a message with %q", r.Name, msgs, bad[r.Name].want)
		}
	}
	if len(report.Results) != len(bad) {
		t.Errorf("%d results for %d statements", len(report.Results), len(bad))
	}
}

// docsCypher returns the ```cypher blocks of docs/neo4j.md.
func docsCypher(t *testing.T) []namedStatement {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "neo4j.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []namedStatement
	for i, block := range regexp.MustCompile("(?s)```cypher\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
		out = append(out, namedStatement{Name: fmt.Sprintf("docs/neo4j.md block %d", i+1), Statement: block[1]})
	}
	if len(out) < 3 {
		t.Fatalf("docs/neo4j.md holds %d Cypher examples, want at least 3", len(out))
	}
	return out
}

// TestCypherLintDocs lints the examples of docs/neo4j.md that researchers paste
// into Neo4j Browser, and checks that the page names every constraint and index
// the migrations create.
func TestCypherLintDocs(t *testing.T) {
	report := lint(t, docsCypher(t))
	for _, r := range report.Results {
		for _, d := range r.Diagnostics {
			t.Errorf("%s:%d:%d: %s: %s [%s]", r.Name, d.Line, d.Column, d.Severity, d.Message, d.Text)
		}
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "neo4j.md"))
	if err != nil {
		t.Fatal(err)
	}
	nameRE := regexp.MustCompile(`CREATE (?:\w+ )?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS`)
	for _, name := range migrationNames {
		for _, m := range nameRE.FindAllStringSubmatch(stmt(name), -1) {
			if !strings.Contains(string(b), "`"+m[1]+"`") {
				t.Errorf("docs/neo4j.md does not list %s (migration %s)", m[1], name)
			}
		}
	}
}
