// Package docs embeds the example queries of docs/queries, so that the server
// knows them at run time: their operation names label the metrics, and their
// hashes make up the allowlist of CORRIDOR_ALLOWLIST_ONLY.
//
// Each example is a pair of files: <name>.graphql, exactly what the playground
// shows and sends, and the sidecar <name>.json with what the playground's
// examples menu and the tests need but a user should not read in the editor:
//
//	{"title": "JCC commitments", "summary": "…", "expect": ["\"id\":\"meeting:jcc-10\"", …]}
//
// title is the example's readable name (GraphiQL titles a tab after the
// operation name, which cannot hold spaces), summary one line about it, and
// expect the snippets its compact JSON answer must hold (graph and e2e tests).
package docs

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

//go:embed queries/*.graphql queries/*.json
var queries embed.FS

// Example is one bundled example query.
type Example struct {
	// File is the file's name, e.g. "jcc-commitments.graphql".
	File string
	// Query is the file's exact text, comments included: what the playground sends.
	Query string
	// Operations are the names of the operations the query defines.
	Operations []string
	// Title is the readable name from the sidecar, e.g. "JCC commitments".
	Title string
	// Summary is the sidecar's one line about the example.
	Summary string
	// Expect lists the snippets the compact JSON answer must hold.
	Expect []string
}

// sidecar is the JSON file beside an example.
type sidecar struct {
	Title   string   `json:"title"`
	Summary string   `json:"summary"`
	Expect  []string `json:"expect"`
}

var opName = regexp.MustCompile(`(?m)^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)`)

// Examples returns the bundled example queries, ordered by file name. An
// example whose sidecar is missing or unreadable has no title and no
// expectations (TestExamples fails on it).
func Examples() []Example {
	files, _ := fs.Glob(queries, "queries/*.graphql")
	sort.Strings(files)
	out := make([]Example, 0, len(files))
	for _, f := range files {
		b, err := queries.ReadFile(f)
		if err != nil {
			continue
		}
		e := Example{File: path.Base(f), Query: string(b)}
		for _, m := range opName.FindAllStringSubmatch(e.Query, -1) {
			e.Operations = append(e.Operations, m[1])
		}
		if s, err := readSidecar(f); err == nil {
			e.Title, e.Summary, e.Expect = s.Title, s.Summary, s.Expect
		}
		out = append(out, e)
	}
	return out
}

// readSidecar reads the JSON file beside an example's .graphql file.
func readSidecar(graphqlFile string) (sidecar, error) {
	var s sidecar
	name := strings.TrimSuffix(graphqlFile, ".graphql") + ".json"
	b, err := queries.ReadFile(name)
	if err != nil {
		return s, fmt.Errorf("docs: sidecar of %s: %w", graphqlFile, err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return s, fmt.Errorf("docs: %s: %w", name, err)
	}
	return s, nil
}
