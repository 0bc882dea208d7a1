package graph

import "github.com/corridor-kg/corridor/domain"

// Resolver is the root resolver: it holds what every field resolver needs. The
// ports are those the store provides (domain.Ports); a nil one makes the fields
// that need it answer that this server's store does not support them. The
// per-request loaders travel in the context (see loaders.go).
type Resolver struct {
	store    domain.Store
	explorer domain.Explorer // nil: no exploration fields
	writer   domain.Writer   // nil: read-only, no mutations
	audit    domain.AuditLog // nil: no audit trail
	cfg      Config
}
