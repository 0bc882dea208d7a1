package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// bundledExample matches the module keys Vite gives the example queries in
// the bundle, e.g. "../../docs/queries/jcc-commitments.graphql".
var bundledExample = regexp.MustCompile(`"[^"]*/([^"/]+\.graphql)":`)

// TestDistHasTheExampleQueries keeps the committed build in step with
// docs/queries: every example is in the bundle with its current text, and
// the bundle has no other. Run web/build.sh when it fails.
func TestDistHasTheExampleQueries(t *testing.T) {
	files, err := filepath.Glob("../docs/queries/*.graphql")
	if err != nil {
		t.Fatal(err)
	}
	var bundle strings.Builder
	for name, text := range textFiles(t) {
		if strings.HasPrefix(name, "assets/index-") && strings.HasSuffix(name, ".js") {
			bundle.WriteString(text)
		}
	}
	js := bundle.String()
	if js == "" {
		t.Fatal("no assets/index-*.js in dist")
	}

	inBundle := map[string]bool{}
	for _, m := range bundledExample.FindAllStringSubmatch(js, -1) {
		inBundle[m[1]] = true
	}
	for _, f := range files {
		name := filepath.Base(f)
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !inBundle[name] {
			t.Errorf("docs/queries/%s is not in web/dist: run web/build.sh", name)
			continue
		}
		if !containsStringLiteral(js, string(text)) {
			t.Errorf("web/dist has an old version of docs/queries/%s: run web/build.sh", name)
		}
		delete(inBundle, name)
	}
	for name := range inBundle {
		t.Errorf("web/dist has the example %s, which docs/queries does not: run web/build.sh", name)
	}
}

// containsStringLiteral reports whether js holds text as a template literal
// or a double-quoted string literal, the two forms esbuild writes.
func containsStringLiteral(js, text string) bool {
	tmpl := strings.NewReplacer("\\", "\\\\", "`", "\\`", "${", "\\${").Replace(text)
	if strings.Contains(js, "`"+tmpl+"`") {
		return true
	}
	quoted, _ := json.Marshal(text)
	return strings.Contains(js, string(quoted))
}

func TestContainsStringLiteral(t *testing.T) {
	js := "const a=`query A {\n  x(s: \"\\\\d\") # \\`tick\\` \\${y}\n}\n`,b=\"query B { y }\";"
	if !containsStringLiteral(js, "query A {\n  x(s: \"\\d\") # `tick` ${y}\n}\n") {
		t.Error("template literal not found")
	}
	if !containsStringLiteral(js, "query B { y }") {
		t.Error("quoted string not found")
	}
	if containsStringLiteral(js, "query A {\n  x\n}\n") {
		t.Error("found text that is not there")
	}
}
