// Package graph is Corridor's GraphQL layer: the executor gqlgen generates from
// schema.graphqls (generated.go), thin resolvers that translate arguments and call
// the domain.Store port through per-request loaders, and NewHandler, which assembles
// the HTTP handler transport by transport and extension by extension.
package graph

// Regenerate with `go generate ./graph/...` (gqlgen finds ../gqlgen.yml by walking
// up from this directory and runs from the repository root).
//go:generate go run github.com/99designs/gqlgen generate
