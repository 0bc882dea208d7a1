// Package writeplan is the store-independent logic of curation writes
// (domain.Writer), shared by every writable store: from the records a write
// refers to, it computes what to put and delete, the tombstones and the audit
// entries, and it validates with the seed loader's rules. A store supplies a view
// of its records (Records), runs the write's plan (Create, Link, Merge…), checks
// it (Validate, CheckDeletable) and commits the Change in one transaction.
package writeplan

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/nodejson"
	"github.com/corridor-kg/corridor/seed"
)

// Records is what a write reads of the stored graph: the seed validator's view
// (Node, MeetingNumbered), the tombstones of merged IDs and who refers to a record.
type Records interface {
	seed.Graph
	// Tombstone returns the survivor a merged ID resolves to.
	Tombstone(id string) (survivor string, merged bool)
	// MergedInto returns the IDs whose tombstones point at id, sorted.
	MergedInto(id string) []string
	// Referrers returns, for each of ids, the stored records that refer to it
	// (RefsOf), sorted by ID.
	Referrers(ids []string) map[string][]domain.Node
}

// Change is one write: the records to put (new or replacing their ID's) and to
// delete, the tombstones to record, and the audit action of its entries.
type Change struct {
	Action domain.AuditAction
	Put    []domain.Node
	Del    []string
	Tombs  []domain.Tombstone
}

// Get returns the stored record with the ID, or ENOTFOUND on field (saying where
// a merged ID went).
func Get(r Records, id, field string) (domain.Node, error) {
	if n := r.Node(id); n != nil {
		return n, nil
	}
	if to, merged := r.Tombstone(id); merged {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, field, "%s was merged into %s; write to %s", id, to, to)
	}
	return nil, domain.FieldErrorf(domain.ENOTFOUND, field, "no node %s", id)
}

// Create plans the creation of n: its ID must be new and not the ID of a merged node.
func Create(r Records, n domain.Node) (Change, error) {
	if domain.IsNil(n) {
		return Change{}, domain.FieldErrorf(domain.EINVALID, "node", "no record given")
	}
	id := n.NodeID()
	if r.Node(id) != nil {
		return Change{}, domain.FieldErrorf(domain.EINVALID, "id", "%s exists already; update it instead", id)
	}
	if to, merged := r.Tombstone(id); merged {
		return Change{}, domain.FieldErrorf(domain.EINVALID, "id", "%s was merged into %s; IDs of merged nodes are not reused", id, to)
	}
	return Change{Action: domain.AuditCreate, Put: []domain.Node{Curated(Clone(n))}}, nil
}

// Update plans the replacement of the stored record with n's ID by n, of the same kind.
func Update(r Records, n domain.Node) (Change, error) {
	if domain.IsNil(n) {
		return Change{}, domain.FieldErrorf(domain.EINVALID, "node", "no record given")
	}
	old, err := Get(r, n.NodeID(), "id")
	if err != nil {
		return Change{}, err
	}
	if old.NodeKind() != n.NodeKind() {
		return Change{}, domain.FieldErrorf(domain.EINVALID, "id", "%s is a %s, not a %s", old.NodeID(), old.NodeKind(), n.NodeKind())
	}
	return Change{Action: domain.AuditUpdate, Put: []domain.Node{Curated(Clone(n))}}, nil
}

// Delete plans the deletion of a record (CheckDeletable refuses it while others
// refer to it).
func Delete(r Records, id string) (Change, error) {
	if _, err := Get(r, id, "id"); err != nil {
		return Change{}, err
	}
	return Change{Action: domain.AuditDelete, Del: []string{id}}, nil
}

// Link plans adding (add) or removing a relationship on the record holding it.
func Link(r Records, l domain.Link, add bool) (Change, error) {
	holderID, other, otherField := HolderOf(l)
	holderField := "from"
	if otherField == "from" {
		holderField = "to"
	}
	h, err := Get(r, holderID, holderField)
	if err != nil {
		return Change{}, err
	}
	if add && linkProps(l.Type) && len(l.Evidence) == 0 {
		return Change{}, domain.FieldErrorf(domain.EINVALID, "evidence", "a participation needs at least one evidence entry (source, quote, attribution)")
	}
	h = Clone(h)
	if err := applyLink(h, l, other, add); err != nil {
		return Change{}, err
	}
	action := domain.AuditLink
	if !add {
		action = domain.AuditUnlink
	}
	return Change{Action: action, Put: []domain.Node{Curated(h)}}, nil
}

// AttachEvidence plans adding a piece of evidence to a record's own evidence.
func AttachEvidence(r Records, id string, ev domain.Evidence) (Change, error) {
	n, err := Get(r, id, "id")
	if err != nil {
		return Change{}, err
	}
	if slices.Contains(n.NodeEvidence(), ev) {
		return Change{}, domain.FieldErrorf(domain.EINVALID, "evidence", "%s holds this evidence already", id)
	}
	n = Clone(n)
	m := metaPtr(n)
	m.Evidence = append(m.Evidence, ev)
	return Change{Action: domain.AuditEvidence, Put: []domain.Node{Curated(n)}}, nil
}

// Merge plans folding mergedID into survivorID, two actors of one kind: the
// survivor first in Put, then every other record whose references move, by ID;
// the merged record deleted; a tombstone for it first in Tombs, then one for each
// ID merged into it before.
func Merge(r Records, survivorID, mergedID string) (Change, error) {
	surv, err := Get(r, survivorID, "survivor")
	if err != nil {
		return Change{}, err
	}
	merged, err := Get(r, mergedID, "merged")
	if err != nil {
		return Change{}, err
	}
	switch {
	case survivorID == mergedID:
		return Change{}, domain.FieldErrorf(domain.EINVALID, "merged", "a node cannot be merged into itself")
	case !surv.NodeKind().IsActor():
		return Change{}, domain.FieldErrorf(domain.EINVALID, "survivor", "only actors (persons, organizations, countries) are merged; %s is a %s", survivorID, surv.NodeKind())
	case surv.NodeKind() != merged.NodeKind():
		return Change{}, domain.FieldErrorf(domain.EINVALID, "merged", "%s is a %s and %s a %s: only two records of the same kind are merged",
			mergedID, merged.NodeKind(), survivorID, surv.NodeKind())
	}
	put := []domain.Node{Curated(absorb(Clone(surv), merged))}
	for _, n := range r.Referrers([]string{mergedID})[mergedID] {
		if id := n.NodeID(); id == survivorID || id == mergedID {
			continue
		}
		if c, changed := ReplaceID(n, mergedID, survivorID); changed {
			put = append(put, Curated(c))
		}
	}
	tombs := []domain.Tombstone{{ID: mergedID, SurvivorID: survivorID}}
	for _, from := range r.MergedInto(mergedID) { // earlier merges into the merged node follow it
		tombs = append(tombs, domain.Tombstone{ID: from, SurvivorID: survivorID})
	}
	return Change{Action: domain.AuditMerge, Put: put, Del: []string{mergedID}, Tombs: tombs}, nil
}

// Imported plans writing the records of an import as curated records: an existing
// ID is replaced, the ID of a merged node refused. It returns how many records are
// new and how many replace stored ones.
func Imported(r Records, ds *domain.Dataset) (c Change, added, replaced int, err error) {
	var errs domain.Problems
	put := ds.Nodes()
	for _, n := range put {
		if to, merged := r.Tombstone(n.NodeID()); merged {
			errs = append(errs, domain.FieldErrorf(domain.EINVALID, "id", "%s was merged into %s; IDs of merged nodes are not reused", n.NodeID(), to))
		}
		if r.Node(n.NodeID()) != nil {
			replaced++
		} else {
			added++
		}
		Curated(n)
	}
	if len(errs) > 0 {
		return Change{}, 0, 0, errs
	}
	return Change{Action: domain.AuditImport, Put: put}, added, replaced, nil
}

// MergedInto returns the IDs that tombs (merged ID → survivor) points at id,
// sorted: Records.MergedInto for a store holding its tombstones in a map.
func MergedInto(tombs map[string]string, id string) []string {
	var out []string
	for from, to := range tombs {
		if to == id {
			out = append(out, from)
		}
	}
	slices.Sort(out)
	return out
}

// hidden is a view of Records with some records deleted.
type hidden struct {
	Records
	del map[string]bool
}

func (h hidden) Node(id string) domain.Node {
	if h.del[id] {
		return nil
	}
	return h.Records.Node(id)
}

func (h hidden) MeetingNumbered(series string, seq int) string {
	if id := h.Records.MeetingNumbered(series, seq); !h.del[id] {
		return id
	}
	return ""
}

// Validate checks put with the seed validator against r, with the records of
// del hidden, and returns the records as validated (defaults applied), in put's
// order and with their origin and note kept. Problems name each field path.
func Validate(ctx context.Context, r Records, put []domain.Node, del []string, opts seed.ValidateOptions) ([]domain.Node, error) {
	if len(put) == 0 {
		return put, nil
	}
	h := hidden{Records: r, del: map[string]bool{}}
	for _, id := range del {
		h.del[id] = true
	}
	valid, err := seed.ValidateNodes(ctx, put, h, opts)
	if err != nil {
		return nil, Problems(err)
	}
	// ValidateNodes returns the records kind by kind; keep the caller's order.
	byID := make(map[string]domain.Node, len(valid))
	for _, n := range valid {
		byID[n.NodeID()] = n
	}
	out := make([]domain.Node, len(put))
	for i, n := range put {
		v := byID[n.NodeID()]
		m := metaPtr(v)
		m.Origin, m.Note = metaPtr(n).Origin, metaPtr(n).Note
		out[i] = v
	}
	return out, nil
}

// Problems turns the seed validator's errors into domain Problems with field
// paths; any other error is wrapped as it is.
func Problems(err error) error {
	var verrs seed.ValidationErrors
	if !errors.As(err, &verrs) {
		return fmt.Errorf("validating: %w", err)
	}
	out := make(domain.Problems, len(verrs))
	for i, v := range verrs {
		msg := v.Message
		if v.Record != "" {
			msg = v.Record + ": " + msg
		}
		out[i] = &domain.Error{Code: domain.EINVALID, Field: v.Field, Message: msg}
	}
	return out
}

// ImportProblems turns the seed loader's errors over batch b into domain Problems
// whose field is the batch part (ImportPartJSON…) and whose message is the whole
// located error, with the part's name in b; other errors pass through.
func ImportProblems(err error, b domain.ImportBatch) error {
	var verrs seed.ValidationErrors
	if !errors.As(err, &verrs) {
		return err
	}
	out := make(domain.Problems, len(verrs))
	for i, v := range verrs {
		out[i] = &domain.Error{Code: domain.EINVALID, Field: b.Part(v.File), Message: v.Error()}
	}
	return out
}

// LoadBatch parses and validates an import batch against stored with the seed
// loader (messages call the parts by their names in b).
func LoadBatch(ctx context.Context, b domain.ImportBatch, stored seed.Graph, seedsDir string) (*domain.Dataset, error) {
	opts := seed.ImportOptions{SeedsDir: seedsDir}
	if len(b.JSON) > 0 {
		return seed.LoadJSON(ctx, b.Name(domain.ImportPartJSON), b.JSON, stored, opts)
	}
	return seed.LoadCSV(ctx, b.Name(domain.ImportPartNodesCSV), b.NodesCSV, b.Name(domain.ImportPartEdgesCSV), b.EdgesCSV, stored, opts)
}

// Entry is the audit entry of one record's change (before nil for a creation,
// after nil for a deletion), as nodejson.Encode encodes records.
func Entry(actor string, action domain.AuditAction, id string, before, after domain.Node) domain.AuditEntry {
	e := domain.AuditEntry{Actor: actor, Action: action, NodeID: id}
	if before != nil {
		e.Before, _ = nodejson.Encode(before)
	}
	if after != nil {
		e.After, _ = nodejson.Encode(after)
	}
	return e
}

// Entries returns the audit entries of a change, deletions first, then the
// records put, in order; before returns the stored record with an ID (nil when none).
func Entries(actor string, action domain.AuditAction, put []domain.Node, del []string, before func(id string) domain.Node) []domain.AuditEntry {
	var out []domain.AuditEntry
	for _, id := range del {
		if b := before(id); b != nil {
			out = append(out, Entry(actor, action, id, b, nil))
		}
	}
	for _, n := range put {
		out = append(out, Entry(actor, action, n.NodeID(), before(n.NodeID()), n))
	}
	return out
}
