// Package docs embeds the example queries of docs/queries, so that the server
// knows them at run time: their operation names label the metrics, and their
// hashes make up the allowlist of CORRIDOR_ALLOWLIST_ONLY.
package docs

import (
	"embed"
	"io/fs"
	"path"
	"regexp"
	"sort"
)

//go:embed queries/*.graphql
var queries embed.FS

// Example is one bundled example query.
type Example struct {
	// File is the file's name, e.g. "jcc-commitments.graphql".
	File string
	// Query is the file's exact text, comments included: what the playground sends.
	Query string
	// Operations are the names of the operations the query defines.
	Operations []string
}

var opName = regexp.MustCompile(`(?m)^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)`)

// Examples returns the bundled example queries, ordered by file name.
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
		out = append(out, e)
	}
	return out
}
