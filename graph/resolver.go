package graph

import "github.com/corridor-kg/corridor/domain"

// Resolver is the root resolver: it holds what every field resolver needs. The
// per-request loaders travel in the context (see loaders.go).
type Resolver struct {
	store domain.Store
	cfg   Config
}
