package domain

// Revisioner says when the data a store serves changes: Revision returns a
// different value after every change. The GraphQL response cache keys its
// answers on it, so a cached answer is never older than the data.
type Revisioner interface {
	Revision() uint64
}

// Ports are the abilities a store provides, each named so that callers receive
// what they use instead of probing a store for it. A nil port means the store
// does not provide that ability; Store is always set.
type Ports struct {
	// Store answers every read.
	Store Store
	// Explorer answers traversals (paths, neighbourhoods, timelines, roll-ups);
	// nil when the store cannot explore.
	Explorer Explorer
	// Writer applies curation; nil for a read-only store.
	Writer Writer
	// Audit reads the audit trail; nil when the store keeps none.
	Audit AuditLog
	// Revisions tells caches when the data changes; nil when the store cannot
	// say, and then nothing is cached.
	Revisions Revisioner
}
