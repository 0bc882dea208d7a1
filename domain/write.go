package domain

import (
	"cmp"
	"context"
	"strings"
	"time"
)

// Curation: the write side of the graph. Researchers add the next meeting,
// correct a title, attach a new source, merge two records of one actor. Every
// write is validated with the rules of the seed loader (no claim without evidence,
// no dangling reference, known enum values, unique well-formed IDs), is atomic
// (all of it is stored and served, or none), is recorded in the audit trail, and
// marks what it creates or changes as OriginCurated so that re-seeding never
// undoes it.

// Writer is the port of curation. actor is the name of the principal who writes
// (an API key's name); the adapter records it in the audit trail. Callers check
// the principal's role before calling: a Writer does no authorisation.
//
// Errors: a record that breaks a rule is EINVALID, as Problems naming each field
// path ("madeBy[0]", "evidence[1].quote"); an unknown ID is ENOTFOUND; a store
// failure is EINTERNAL.
type Writer interface {
	// Create adds a new node. Its ID must be new (also not the ID of a node merged
	// away). It returns the node as stored.
	Create(ctx context.Context, actor string, n Node) (Node, error)
	// Update replaces the node with n's ID by n (a whole record: read it, change
	// it, write it back). It returns the node as stored.
	Update(ctx context.Context, actor string, n Node) (Node, error)
	// Delete removes a node. A node other records refer to cannot be deleted
	// (EINVALID on "id", naming them): unlink or delete them first. A deleted
	// seed record stays deleted when the seed is synced again.
	Delete(ctx context.Context, actor string, id string) error
	// Link adds a relationship (see Link for which record holds it) and returns
	// the changed record. Linking twice is EINVALID.
	Link(ctx context.Context, actor string, l Link) (Node, error)
	// Unlink removes a relationship and returns the changed record. Unlinking a
	// relationship that does not exist is ENOTFOUND; removing a required one
	// (a commitment's last maker) is EINVALID.
	Unlink(ctx context.Context, actor string, l Link) (Node, error)
	// AttachEvidence adds a piece of evidence to a node's own evidence and
	// returns the node.
	AttachEvidence(ctx context.Context, actor string, id string, ev Evidence) (Node, error)
	// Merge folds the node mergedID into survivorID, two records of the same
	// actor (both PERSON, both ORGANIZATION or both COUNTRY): the merged node's
	// name and aliases become aliases of the survivor, its evidence is added, every
	// reference to it is moved to the survivor, and a tombstone makes its ID
	// resolve to the survivor (Store.Nodes) and keeps it from being reused.
	Merge(ctx context.Context, actor string, survivorID, mergedID string) (*MergeResult, error)
	// ImportBatch writes many records in one step, all or nothing: they are
	// validated with the seed loader's rules against the stored graph, then
	// committed and served together, or not at all (with b.DryRun, only
	// validated). A record with an existing ID replaces it; the ID of a merged node
	// is refused. Problems name the batch part as their field (ImportPartJSON…) and
	// give line, column, record and field in their message.
	ImportBatch(ctx context.Context, actor string, b ImportBatch) (ImportResult, error)
}

// ImportBatch is one bulk import: a JSON dataset document, or CSV tables of nodes
// and (optionally) edges in the layout the CSV export writes.
type ImportBatch struct {
	// JSON is a dataset document: {"persons": [...], "commitments": [...], ...}.
	JSON []byte
	// NodesCSV and EdgesCSV are the two CSV tables (EdgesCSV may be empty).
	NodesCSV, EdgesCSV []byte
	// DryRun validates the batch and reports what it would change, writing nothing.
	DryRun bool
	// JSONName, NodesName and EdgesName are what problem messages call the
	// parts (their file names, say); empty ones are called by their part name
	// (ImportPartJSON…), which problems always give as their field.
	JSONName, NodesName, EdgesName string
}

// Name returns what messages call the part (ImportPartJSON, ImportPartNodesCSV
// or ImportPartEdgesCSV) of b.
func (b ImportBatch) Name(part string) string {
	var name string
	switch part {
	case ImportPartJSON:
		name = b.JSONName
	case ImportPartNodesCSV:
		name = b.NodesName
	case ImportPartEdgesCSV:
		name = b.EdgesName
	}
	return cmp.Or(name, part)
}

// Part returns the part that messages call name ("" when none is).
func (b ImportBatch) Part(name string) string {
	for _, part := range []string{ImportPartJSON, ImportPartNodesCSV, ImportPartEdgesCSV} {
		if b.Name(part) == name {
			return part
		}
	}
	return ""
}

// Import batch parts, the names problems give as their field.
const (
	ImportPartJSON     = "json"
	ImportPartNodesCSV = "nodesCsv"
	ImportPartEdgesCSV = "edgesCsv"
)

// Check reports an EINVALID error unless b holds exactly one of a JSON document
// or a nodes table (edges only beside nodes).
func (b ImportBatch) Check() error {
	switch {
	case len(b.JSON) > 0 && (len(b.NodesCSV) > 0 || len(b.EdgesCSV) > 0):
		return FieldErrorf(EINVALID, ImportPartJSON, "send either a JSON document or CSV tables, not both")
	case len(b.JSON) == 0 && len(b.NodesCSV) == 0 && len(b.EdgesCSV) > 0:
		return FieldErrorf(EINVALID, ImportPartNodesCSV, "an edges table needs its nodes table")
	case len(b.JSON) == 0 && len(b.NodesCSV) == 0:
		return FieldErrorf(EINVALID, ImportPartJSON, "nothing to import: send a JSON document or a nodes table")
	}
	return nil
}

// ImportResult counts what an import did (or would do, on a dry run).
type ImportResult struct {
	// Added counts new records, Replaced records whose ID existed.
	Added, Replaced int
	// DryRun is true when nothing was written.
	DryRun bool
}

// Link is a relationship to add or remove: From -Type-> To, with the direction of
// the RelType constants (e.g. (Actor)-MADE->(Commitment)). The record holding the
// relationship is changed: the commitment for MADE, MADE_TO, MADE_AT and CONCERNS,
// the meeting for MEETING_OF, ORGANIZED and PARTICIPATED_IN, the person for
// NATIONAL_OF, the organization for IN_COUNTRY and PART_OF (or the programme), the
// role for HOLDS and AT, the project for IN_PILLAR, IN_PROGRAMME and PARTNER_IN,
// the pillar for PILLAR_OF, the figure for STATED and ABOUT. A relationship held
// in a single field (NATIONAL_OF, MADE_AT…) replaces the value there.
type Link struct {
	Type RelType
	From string
	To   string
	// Capacity is the role a participant attended in (PARTICIPATED_IN only).
	Capacity string
	// Evidence supports a participation (PARTICIPATED_IN only, required there);
	// other relationships rest on their record's evidence.
	Evidence []Evidence
}

// MergeResult is what Merge changed.
type MergeResult struct {
	// Survivor is the surviving node, with the merged node's names as aliases.
	Survivor Node
	// Changed lists every other record whose references were moved, by ID.
	Changed []Node
	// Tombstone records that the merged ID now resolves to the survivor.
	Tombstone Tombstone
}

// Tombstone says that the node with ID was merged into SurvivorID.
type Tombstone struct {
	ID         string
	SurvivorID string
}

// AuditAction says what kind of write an audit entry records.
type AuditAction string

// Audit actions.
const (
	AuditCreate   AuditAction = "CREATE"
	AuditUpdate   AuditAction = "UPDATE"
	AuditDelete   AuditAction = "DELETE"
	AuditLink     AuditAction = "LINK"
	AuditUnlink   AuditAction = "UNLINK"
	AuditEvidence AuditAction = "ATTACH_EVIDENCE"
	AuditMerge    AuditAction = "MERGE"
	AuditImport   AuditAction = "IMPORT"
	AuditSeed     AuditAction = "SEED"
)

// AuditEntry records one node changed by one write. A write that changes several
// nodes (a merge, an import) records one entry per node, all with its Write number.
type AuditEntry struct {
	// Seq numbers entries in the order they were recorded, from 1.
	Seq uint64
	// Write numbers the write (one transaction) the entry belongs to.
	Write uint64
	// At is when the write was committed (UTC).
	At time.Time
	// Actor is the name of the principal who wrote.
	Actor  string
	Action AuditAction
	// NodeID is the node changed.
	NodeID string
	// Before and After are the node as JSON (internal/nodejson's form: its kind
	// and the record) before and after the write; Before is empty for a
	// creation, After for a deletion.
	Before []byte
	After  []byte
}

// AuditQuery selects audit entries, newest first.
type AuditQuery struct {
	// First is the page size: DefaultPageSize when 0, at most MaxPageSize.
	First int
	// After is the cursor of the last entry of the previous page ("" = newest).
	After string
	// NodeID keeps only the entries about one node ("" = all).
	NodeID string
}

// AuditPage is one page of the audit trail.
type AuditPage struct {
	Entries []AuditEntry
	// Cursors holds the cursor of each entry.
	Cursors     []string
	HasNextPage bool
}

// AuditLog reads the audit trail (for admins).
type AuditLog interface {
	// Audit returns entries newest first. A malformed cursor or page size is EINVALID.
	Audit(ctx context.Context, q AuditQuery) (*AuditPage, error)
}

// Problems is every problem found in one rejected write. Each is an *Error with a
// field path; errors.As finds the first, so ErrorCode and ErrorField work on it.
type Problems []*Error

// Error lists the problems, one per line.
func (p Problems) Error() string {
	msgs := make([]string, len(p))
	for i, e := range p {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the problems for errors.Is and errors.As.
func (p Problems) Unwrap() []error {
	out := make([]error, len(p))
	for i, e := range p {
		out[i] = e
	}
	return out
}
