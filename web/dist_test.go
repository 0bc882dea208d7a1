package web

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// loadingURL finds an absolute http(s) URL in a place where the browser
// would load it: an HTML src/href attribute, a CSS url() or @import, a
// dynamic or static import, a worker script, importScripts, fetch, or
// XMLHttpRequest.open. Such a URL would break the offline playground and is
// never allowed.
var loadingURL = regexp.MustCompile(`(?i)(?:` +
	`\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*|` +
	`url\(\s*["']?\s*|` +
	`@import\s+(?:url\(\s*)?["']?\s*|` +
	`\bimport\s*\(\s*["'` + "`" + `]\s*|` +
	`\bfrom\s*["']\s*|` +
	`\b(?:Shared)?Worker\s*\(\s*(?:new\s+URL\s*\(\s*)?["'` + "`" + `]\s*|` +
	`\bimportScripts\s*\(\s*["'` + "`" + `]\s*|` +
	`\bfetch\s*\(\s*["'` + "`" + `]\s*|` +
	`\.open\s*\(\s*["'][A-Z]+["']\s*,\s*["'` + "`" + `]\s*` +
	`)(?:https?:)?//[^\s"'` + "`" + `)]+`)

// anyURL finds every absolute http(s) URL.
var anyURL = regexp.MustCompile(`https?://[^\s"'` + "`" + `)<>\\,;]*`)

// allowedURLs are the absolute URLs the built bundle may contain, because
// the browser never loads them: XML namespaces, JSON Schema identifiers
// (compared as strings; Monaco's JSON worker has no schema request service
// configured), and links shown in messages or help texts. Each entry is a
// prefix of the URLs it allows.
var allowedURLs = []struct{ prefix, why string }{
	{"http://www.w3.org/", "XML namespace URIs (SVG, XLink, MathML, XHTML)"},
	{"http://json-schema.org/", "JSON Schema $schema identifiers"},
	{"https://json-schema.org/", "JSON Schema $schema identifiers"},
	{"https://react.dev/errors/", "React's error message links"},
	{"https://github.com/", "links in error messages and comments"},
	{"https://code.visualstudio.com/", "Monaco help links"},
	{"https://microsoft.com", "a Markdown link example in Monaco's code"},
	{"https://prettier.io/docs/", "link in a Prettier error message"},
	{"https://yarnpkg.com/en/docs/", "link in an error message"},
	{"https://en.wikipedia.org/wiki/", "link in a comment of a number parser"},
	{"https://commonmark.org/", "link in markdown-it's messages"},
	{"https://www.onegraph.com", "the Explorer's attribution link (turned off; never fetched)"},
	{"http://${", "linkify/markdown-it turning link text of schema descriptions into hrefs"},
}

// allowedExact are allowed only as they are: a bare scheme that Markdown
// renderers prepend to "www." links in schema descriptions.
var allowedExact = []string{"http://"}

func allowed(u string) bool {
	if slices.Contains(allowedExact, u) {
		return true
	}
	for _, a := range allowedURLs {
		if strings.HasPrefix(u, a.prefix) {
			return true
		}
	}
	return false
}

// textFiles returns the text files of dist (HTML, JS, CSS, JSON, SVG).
func textFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := fs.WalkDir(Dist(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch path.Ext(p) {
		case ".html", ".js", ".mjs", ".css", ".json", ".svg", ".map", ".txt":
			b, err := fs.ReadFile(Dist(), p)
			if err != nil {
				return err
			}
			files[p] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["index.html"]; !ok {
		t.Fatal("dist/index.html missing: run web/build.sh")
	}
	return files
}

// TestDistLoadsNothingFromOutside fails on any absolute URL that the
// browser would load, and on any absolute URL not in allowedURLs.
func TestDistLoadsNothingFromOutside(t *testing.T) {
	files := textFiles(t)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		text := files[name]
		for _, m := range loadingURL.FindAllString(text, -1) {
			t.Errorf("%s: loads an absolute URL: %q", name, m)
		}
		for _, u := range anyURL.FindAllString(text, -1) {
			if !allowed(u) {
				t.Errorf("%s: absolute URL not in the allowlist: %q", name, u)
			}
		}
	}
}

// TestURLScanners checks that the scanners catch what they must.
func TestURLScanners(t *testing.T) {
	bad := []string{
		`<script src="https://cdn.example/x.js">`,
		`<link rel=stylesheet href=https://fonts.googleapis.com/css?family=Roboto>`,
		`@font-face{src:url(https://fonts.gstatic.com/a.woff2)}`,
		`@import "https://cdn.example/a.css";`,
		`@import url(//cdn.example/a.css);`,
		`import("https://esm.sh/monaco-editor")`,
		`import x from "https://esm.sh/react"`,
		"new Worker(new URL(`https://esm.sh/w.js`))",
		`new SharedWorker('https://cdn.example/w.js')`,
		`importScripts("https://cdn.example/w.js")`,
		`fetch('https://api.example/x')`,
		`xhr.open("GET", "https://api.example/x")`,
	}
	for _, s := range bad {
		if !loadingURL.MatchString(s) {
			t.Errorf("loadingURL misses %q", s)
		}
	}
	good := []string{
		`createElementNS("http://www.w3.org/2000/svg","svg")`,
		`see https://react.dev/errors/418`,
		`<script type="module" src="/assets/index.js">`,
		`fetch("/graphql")`,
		`url(data:font/ttf;base64,AAAA)`,
	}
	for _, s := range good {
		if loadingURL.MatchString(s) {
			t.Errorf("loadingURL flags %q", s)
		}
	}
	if allowed("https://esm.sh/monaco-editor") || allowed("https://fonts.googleapis.com/css") || allowed("https://cdn.jsdelivr.net/") {
		t.Error("allowlist accepts a CDN")
	}
	if !allowed("http://www.w3.org/2000/svg") {
		t.Error("allowlist rejects the SVG namespace")
	}
}

// loads returns PageFiles(page) as a set.
func loads(t *testing.T, page string) map[string]bool {
	t.Helper()
	list, err := PageFiles(page)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, f := range list {
		set[f] = true
	}
	return set
}

// TestAppsAreSeparateBundles checks that the explorer loads none of the
// playground's code (GraphiQL, Monaco and its workers) and the playground none
// of the explorer's (Cytoscape.js, its fCoSE layout and the explorer's own
// modules), by strings found only in each.
func TestAppsAreSeparateBundles(t *testing.T) {
	files := textFiles(t)
	if _, ok := files[explorerPage]; !ok {
		t.Fatalf("dist/%s missing: run web/build.sh", explorerPage)
	}
	cases := []struct {
		page    string
		foreign []string
	}{
		{explorerPage, []string{"graphiql", "monaco", "codicon"}},
		{"index.html", []string{"fcose", "__________cytoscape", "how are they connected"}},
	}
	for _, c := range cases {
		got := loads(t, c.page)
		if len(got) < 3 {
			t.Errorf("%s loads only %v: the scan finds nothing", c.page, got)
		}
		for f := range got {
			text := strings.ToLower(files[f])
			for _, m := range c.foreign {
				if strings.Contains(text, m) {
					t.Errorf("%s loads %s, which holds %q: the other app's code", c.page, f, m)
				}
			}
		}
		t.Logf("%s loads %d files", c.page, len(got))
	}
	explorer, playground := loads(t, explorerPage), loads(t, "index.html")
	for f := range explorer {
		if playground[f] && !strings.HasPrefix(path.Base(f), "react-") && !strings.HasPrefix(path.Base(f), "preload-helper-") {
			t.Errorf("both apps load %s; only React and Vite's preload helper are shared", f)
		}
	}
}
