package neo4j

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/quick"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// hostile are fragments of Cypher and Lucene injection attempts.
var hostile = []string{
	`' OR 1=1`, `' OR '1'='1`, `"}) MATCH (n) DETACH DELETE n //`, `*:*`, `\`, `$ids`, "`Person`",
	`{{node}}`, `{{match}}`, `AND`, `OR`, `NOT`, `foo~2`, `a^4`, `(x)`, `[1 TO 9]`, `"quoted"`, `-x`,
	`+y`, `&&`, `||`, "\n// c\nMATCH (m) DELETE m", `CYPHER 5 DROP INDEX corridor_search`, `Ümlaut`,
	`%s`, `%v`, `searchKind:person`, `/regex/`, `?`, `!`, `x:y`, `}`, `;`, "\x00", "\u202e",
}

// hostileText composes a random hostile string.
func hostileText(rnd *rand.Rand) string {
	var parts []string
	for range 1 + rnd.IntN(3) {
		parts = append(parts, hostile[rnd.IntN(len(hostile))])
	}
	parts = append(parts, []string{"pakistan", "jcc", "e-corridor", "zq"}[rnd.IntN(4)])
	rnd.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	return strings.Join(parts, " ")
}

// TestInjectionOnlyParameters sends hostile strings through every string argument
// of every read and checks that each statement sent is byte for byte one of the
// embedded statements as written to testdata/statements, never containing the
// input, which travels only as parameters; and that the search's Lucene query is
// the escaped one the adapter builds from the normalised words.
func TestInjectionOnlyParameters(t *testing.T) {
	onDisk := statementsOnDisk(t)
	rnd := rand.New(rand.NewPCG(11, 12))
	ctx := context.Background()
	for i := range 150 {
		text := hostileText(rnd)
		s, f := newFake(t, emptyAnswers)
		if err := everyRead(ctx, s, text); err != nil && domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("%q: %v", text, err)
		}
		if len(f.calls) == 0 {
			t.Fatalf("%q: nothing sent", text)
		}
		sawText := onlyAsParameters(t, text, f.calls, onDisk)
		for _, c := range f.calls {
			if nameOf(c.stmt) == "search" {
				want := luceneQuery(textnorm.Forms(text+" pakistan"), []domain.Kind{domain.KindPerson})
				if c.params["lucene"] != want {
					t.Errorf("%q: lucene parameter %q, want %q", text, c.params["lucene"], want)
				}
			}
		}
		if !sawText {
			t.Errorf("%q never reached the database as a parameter", text)
		}
		if i == 0 {
			t.Logf("%q: %d statements, all embedded, input only in parameters", text, len(f.calls))
		}
	}
}

// statementsOnDisk reads every statement as written to testdata/statements.
func statementsOnDisk(t *testing.T) map[string]string {
	t.Helper()
	onDisk := map[string]string{}
	for _, name := range statementNames() {
		b, err := os.ReadFile(filepath.Join(statementsDir, name+".cypher"))
		if err != nil {
			t.Fatal(err)
		}
		onDisk[name] = strings.TrimSuffix(string(b), "\n")
	}
	return onDisk
}

// onlyAsParameters checks that every call sent a statement byte-identical to its
// file and not containing text, and reports whether text reached the database
// as a parameter (other than the search's Lucene query, built from it).
func onlyAsParameters(t *testing.T, text string, calls []call, onDisk map[string]string) bool {
	t.Helper()
	sawText := false
	for _, c := range calls {
		name := nameOf(c.stmt)
		if c.stmt != onDisk[name] {
			t.Fatalf("%q: statement %q is not byte-identical to %s/%s.cypher", text, name, statementsDir, name)
		}
		if strings.Contains(c.stmt, text) {
			t.Errorf("%q appears in statement %s", text, name)
		}
		for k, v := range c.params {
			switch v := v.(type) {
			case string:
				sawText = sawText || (v == text && k != "lucene")
			case []string:
				sawText = sawText || slices.Contains(v, text)
			}
		}
	}
	return sawText
}

// unescapeLucene undoes escapeLucene.
func unescapeLucene(s string) string {
	var b strings.Builder
	esc := false
	for _, r := range s {
		if !esc && r == '\\' {
			esc = true
			continue
		}
		esc = false
		b.WriteRune(r)
	}
	return b.String()
}

// unescapedSyntax reports whether s holds a Lucene syntax character or operator
// word that is not escaped.
func unescapedSyntax(s string) bool {
	if s == "AND" || s == "OR" || s == "NOT" {
		return true
	}
	esc := false
	for _, r := range s {
		switch {
		case esc:
			esc = false
		case r == '\\':
			esc = true
		case strings.ContainsRune(luceneSpecial, r):
			return true
		}
	}
	return esc
}

// TestEscapeLucene checks, over random and hostile strings, that escaping is
// reversible and leaves no syntax character or operator word unescaped.
func TestEscapeLucene(t *testing.T) {
	prop := func(s string) bool {
		e := escapeLucene(s)
		return unescapeLucene(e) == s && !unescapedSyntax(e)
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 2000}); err != nil {
		t.Error(err)
	}
	for _, s := range append(hostile, luceneSpecial, `a\*b`, `\\`) {
		if !prop(s) {
			t.Errorf("escapeLucene(%q) = %q", s, escapeLucene(s))
		}
	}
	for in, want := range map[string]string{`*:*`: `\*\:\*`, `AND`: `\AND`, `foo~2`: `foo\~2`, `a/b`: `a\/b`, `x`: `x`} {
		if got := escapeLucene(in); got != want {
			t.Errorf("escapeLucene(%q) = %q, want %q", in, got, want)
		}
	}
	// Text that normalises to no word is refused before any statement is sent.
	s, f := newFake(t, emptyAnswers)
	for _, text := range []string{`*:*`, `"}) //`, `&& || !`} {
		if _, err := s.Search(context.Background(), domain.SearchQuery{Text: text}); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("Search(%q): %v, want BAD_USER_INPUT", text, err)
		}
	}
	if len(f.calls) != 0 {
		t.Errorf("blank searches sent %q", f.names())
	}
}
