package neo4j

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/writeplan"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Curation on Neo4j (docs/neo4j.md, "Curation"): every write is one managed
// write transaction. It takes the curation lock and reads the records the write
// refers to (write.fetch), plans the change with the shared curation logic over
// them (store/writeplan), validates it with the seed loader's rules, and then, in
// the same transaction, deletes records (write.delete), puts records with the
// seed statements (origin CURATED), records tombstones (write.tombstones) and the
// audit entries (write.audit). A rejected write returns its error from the
// transaction function, so nothing of it is committed.

var (
	_ domain.Writer   = (*Store)(nil)
	_ domain.AuditLog = (*Store)(nil)
)

// maxFetchRounds bounds the reads of one write: validation may ask for records
// the first read did not bring (the references of a record a merge rewrites, an
// ancestor beyond a chain), which the next round fetches.
const maxFetchRounds = 16

// errRollback ends a write transaction without committing it (a dry run).
var errRollback = errors.New("neo4j: rolled back")

// wants is what a write reads: records by ID (with the tombstones of those IDs),
// the referrers of some IDs, and the meetings holding some numbers.
type wants struct {
	ids, referred []string
	slots         []slot
}

func (w wants) empty() bool { return len(w.ids) == 0 && len(w.referred) == 0 && len(w.slots) == 0 }

// slot is a meeting number in a series.
type slot struct {
	series   string
	sequence int
}

// view is writeplan.Records over the records fetched in a write's transaction. A
// question about something not fetched yet is answered "none" and recorded, so
// that the write fetches it and plans again.
type view struct {
	nodes     map[string]domain.Node // nil: fetched, absent
	tombs     map[string]string      // merged ID → survivor
	referrers map[string][]domain.Node
	slots     map[slot]string // "": fetched, no meeting
	missing   wants
}

func newView() *view {
	return &view{nodes: map[string]domain.Node{}, tombs: map[string]string{},
		referrers: map[string][]domain.Node{}, slots: map[slot]string{}}
}

func (v *view) Node(id string) domain.Node {
	n, ok := v.nodes[id]
	if !ok && !slices.Contains(v.missing.ids, id) {
		v.missing.ids = append(v.missing.ids, id)
	}
	return n
}

func (v *view) MeetingNumbered(series string, sequence int) string {
	k := slot{series, sequence}
	id, ok := v.slots[k]
	if !ok && !slices.Contains(v.missing.slots, k) {
		v.missing.slots = append(v.missing.slots, k)
	}
	return id
}

func (v *view) Tombstone(id string) (string, bool) {
	v.Node(id) // tombstones come with the records asked for
	to, ok := v.tombs[id]
	return to, ok
}

func (v *view) MergedInto(id string) []string {
	v.Node(id) // tombstones pointing at id come with it
	return writeplan.MergedInto(v.tombs, id)
}

func (v *view) Referrers(ids []string) map[string][]domain.Node {
	out := map[string][]domain.Node{}
	for _, id := range ids {
		refs, ok := v.referrers[id]
		if !ok && !slices.Contains(v.missing.referred, id) {
			v.missing.referred = append(v.missing.referred, id)
		}
		out[id] = refs
	}
	return out
}

// fetch runs write.fetch for w and adds what it read to v.
func (v *view) fetch(ctx context.Context, tx txRunner, w wants) error {
	slots := make([]any, len(w.slots))
	for i, s := range w.slots {
		slots[i] = map[string]any{"series": s.series, "sequence": int64(s.sequence)}
	}
	recs, err := tx.run(ctx, stmt("write.fetch"), map[string]any{
		"ids": orNone(w.ids), "referred": orNone(w.referred), "slots": slots})
	if err != nil {
		return fmt.Errorf("write.fetch: %w", err)
	}
	if len(recs) != 1 {
		return badRecord("write.fetch returned %d rows", len(recs))
	}
	rec := recs[0]
	for _, id := range w.ids {
		v.nodes[id] = nil
	}
	for _, id := range w.referred {
		v.referrers[id] = nil
	}
	for _, s := range w.slots {
		v.slots[s] = ""
	}
	raw, _ := rec.Get("nodes")
	nodes, err := decodeNodes(raw)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		v.nodes[n.NodeID()] = n
	}
	rows, err := mapsOf(rec, "tombstones")
	if err != nil {
		return err
	}
	for _, m := range rows {
		id, _ := m["id"].(string)
		to, _ := m["survivor"].(string)
		if id == "" || to == "" {
			return badRecord("tombstone %v", m)
		}
		v.tombs[id] = to
	}
	if rows, err = mapsOf(rec, "referrers"); err != nil {
		return err
	}
	for _, m := range rows {
		id, _ := m["id"].(string)
		refs, err := decodeNodes(m["records"])
		if err != nil {
			return err
		}
		v.referrers[id] = refs
		for _, n := range refs {
			v.nodes[n.NodeID()] = n
		}
	}
	if rows, err = mapsOf(rec, "numbered"); err != nil {
		return err
	}
	for _, m := range rows {
		series, _ := m["series"].(string)
		seq, _ := m["sequence"].(int64)
		id, _ := m["id"].(string)
		v.slots[slot{series, int(seq)}] = id
	}
	return nil
}

// mapsOf returns the list of maps in a record's field.
func mapsOf(rec *neo4j.Record, key string) ([]map[string]any, error) {
	raw, _ := rec.Get(key)
	xs, ok := raw.([]any)
	if !ok {
		return nil, badRecord("%s is %T", key, raw)
	}
	out := make([]map[string]any, len(xs))
	for i, x := range xs {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, badRecord("%s[%d] is %T", key, i, x)
		}
		out[i] = m
	}
	return out, nil
}

func orNone(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// plan computes a write's change from the records it reads.
type plan func(r writeplan.Records) (writeplan.Change, error)

// write runs one curation write in one transaction: fetch, plan, validate, then
// delete, put, tombstones and audit. It returns the change and the records put,
// as stored. With dryRun, it stops after validation and commits nothing.
func (s *Store) write(ctx context.Context, actor string, first wants, p plan, dryRun bool) (writeplan.Change, []domain.Node, error) {
	var (
		change writeplan.Change
		put    []domain.Node
	)
	err := s.r.writeTx(ctx, func(tx txRunner) error {
		v := newView()
		w := first
		for round := 0; ; round++ {
			if round == maxFetchRounds {
				return fmt.Errorf("write needs more than %d reads", maxFetchRounds)
			}
			if err := v.fetch(ctx, tx, w); err != nil {
				return err
			}
			v.missing = wants{}
			c, err := p(v)
			if err == nil {
				put, err = writeplan.Validate(ctx, v, c.Put, c.Del, seed.ValidateOptions{SeedsDir: s.seedsDir})
			}
			if err == nil {
				err = writeplan.CheckDeletable(v, put, c.Del)
			}
			if !v.missing.empty() {
				w = v.missing
				continue
			}
			if err != nil {
				return err
			}
			change = c
			break
		}
		if dryRun {
			return errRollback
		}
		return s.commit(ctx, tx, actor, v, change, put)
	})
	switch {
	case errors.Is(err, errRollback):
		return change, put, nil
	case err != nil:
		return writeplan.Change{}, nil, s.internal("write", err)
	}
	return change, put, nil
}

// commit writes a planned, validated change inside the write's transaction.
func (s *Store) commit(ctx context.Context, tx txRunner, actor string, v *view, c writeplan.Change, put []domain.Node) error {
	run := func(name string, params map[string]any) ([]*neo4j.Record, error) {
		recs, err := tx.run(ctx, stmt(name), params)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return recs, nil
	}
	if len(c.Del) > 0 {
		if _, err := run("write.delete", map[string]any{"ids": c.Del}); err != nil {
			return err
		}
	}
	if err := putRecords(put, run); err != nil {
		return err
	}
	var tombs []any
	merged := map[string]bool{}
	for _, t := range c.Tombs {
		merged[t.ID] = true
		tombs = append(tombs, map[string]any{"id": t.ID, "survivor": t.SurvivorID})
	}
	for _, id := range c.Del {
		if !merged[id] {
			tombs = append(tombs, map[string]any{"id": id, "survivor": nil})
		}
	}
	if len(tombs) > 0 {
		if _, err := run("write.tombstones", map[string]any{"rows": tombs}); err != nil {
			return err
		}
	}
	entries := writeplan.Entries(actor, c.Action, put, c.Del, func(id string) domain.Node { return v.nodes[id] })
	rows := make([]any, len(entries))
	for i, e := range entries {
		rows[i] = map[string]any{"nodeId": e.NodeID, "before": bytesOrNil(e.Before), "after": bytesOrNil(e.After)}
	}
	recs, err := run("write.audit", map[string]any{"entries": rows, "actor": actor, "action": string(c.Action),
		"at": time.Now().UTC()})
	if err != nil {
		return err
	}
	if n, _ := getInt(firstRecord(recs), "written"); int(n) != len(rows) {
		return badRecord("%d of %d audit entries written", n, len(rows))
	}
	return nil
}

func firstRecord(recs []*neo4j.Record) *neo4j.Record {
	if len(recs) == 0 {
		return &neo4j.Record{}
	}
	return recs[0]
}

func bytesOrNil(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}

// idsOf returns a record's ID and every ID it refers to.
func idsOf(n domain.Node) []string {
	if domain.IsNil(n) {
		return nil
	}
	return append([]string{n.NodeID()}, writeplan.RefsOf(n)...)
}

// one runs a write that changes one record and returns it as stored.
func (s *Store) one(ctx context.Context, actor string, w wants, p plan) (domain.Node, error) {
	_, put, err := s.write(ctx, actor, w, p, false)
	if err != nil {
		return nil, err
	}
	return put[0], nil
}

// Create implements domain.Writer.
func (s *Store) Create(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	return s.one(ctx, actor, wants{ids: idsOf(n)}, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Create(r, n) })
}

// Update implements domain.Writer.
func (s *Store) Update(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	return s.one(ctx, actor, wants{ids: idsOf(n)}, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Update(r, n) })
}

// Delete implements domain.Writer.
func (s *Store) Delete(ctx context.Context, actor string, id string) error {
	_, _, err := s.write(ctx, actor, wants{ids: []string{id}, referred: []string{id}},
		func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Delete(r, id) }, false)
	return err
}

// Link implements domain.Writer.
func (s *Store) Link(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return s.one(ctx, actor, wants{ids: []string{l.From, l.To}}, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Link(r, l, true) })
}

// Unlink implements domain.Writer.
func (s *Store) Unlink(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return s.one(ctx, actor, wants{ids: []string{l.From, l.To}}, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Link(r, l, false) })
}

// AttachEvidence implements domain.Writer.
func (s *Store) AttachEvidence(ctx context.Context, actor string, id string, ev domain.Evidence) (domain.Node, error) {
	ids := []string{id, ev.SourceID}
	if ev.SpeakerID != "" {
		ids = append(ids, ev.SpeakerID)
	}
	return s.one(ctx, actor, wants{ids: ids}, func(r writeplan.Records) (writeplan.Change, error) { return writeplan.AttachEvidence(r, id, ev) })
}

// Merge implements domain.Writer.
func (s *Store) Merge(ctx context.Context, actor string, survivorID, mergedID string) (*domain.MergeResult, error) {
	c, put, err := s.write(ctx, actor, wants{ids: []string{survivorID, mergedID}, referred: []string{mergedID}},
		func(r writeplan.Records) (writeplan.Change, error) { return writeplan.Merge(r, survivorID, mergedID) }, false)
	if err != nil {
		return nil, err
	}
	return &domain.MergeResult{Survivor: put[0], Changed: put[1:], Tombstone: c.Tombs[0]}, nil
}

// ImportBatch implements domain.Writer: the batch is parsed and validated by
// the seed loader against the records it refers to, fetched in the write's
// transaction, and written in that transaction, or not at all.
func (s *Store) ImportBatch(ctx context.Context, actor string, b domain.ImportBatch) (domain.ImportResult, error) {
	if err := b.Check(); err != nil {
		return domain.ImportResult{}, err
	}
	var added, replaced int
	p := func(r writeplan.Records) (writeplan.Change, error) {
		ds, err := writeplan.LoadBatch(ctx, b, r, s.seedsDir)
		if err != nil {
			return writeplan.Change{}, writeplan.ImportProblems(err, b)
		}
		var c writeplan.Change
		c, added, replaced, err = writeplan.Imported(r, ds)
		return c, err
	}
	_, _, err := s.write(ctx, actor, wants{}, p, b.DryRun)
	if err != nil {
		return domain.ImportResult{}, err
	}
	return domain.ImportResult{Added: added, Replaced: replaced, DryRun: b.DryRun}, nil
}

// Audit implements domain.AuditLog with one statement per page.
func (s *Store) Audit(ctx context.Context, q domain.AuditQuery) (*domain.AuditPage, error) {
	first, before, err := q.Page()
	if err != nil {
		return nil, err
	}
	params := map[string]any{"nodeId": nullable(q.NodeID), "before": nil, "limit": int64(first + 1)}
	if before > 0 {
		params["before"] = int64(before)
	}
	recs, err := s.read(ctx, "audit", params)
	if err != nil {
		return nil, err
	}
	page := &domain.AuditPage{}
	for _, rec := range recs {
		if len(page.Entries) == first {
			page.HasNextPage = true
			break
		}
		raw, _ := rec.Get("a")
		e, err := decodeAudit(raw)
		if err != nil {
			return nil, s.internal("audit", err)
		}
		page.Entries = append(page.Entries, e)
		page.Cursors = append(page.Cursors, domain.AuditCursor(e.Seq))
	}
	return page, nil
}

// decodeAudit decodes an (:Audit) node.
func decodeAudit(raw any) (domain.AuditEntry, error) {
	n, ok := raw.(dbtype.Node)
	if !ok {
		return domain.AuditEntry{}, badRecord("audit entry is %T", raw)
	}
	p := n.Props
	seq, _ := p["seq"].(int64)
	write, _ := p["writeSeq"].(int64)
	at, _ := p["at"].(time.Time)
	e := domain.AuditEntry{Seq: uint64(seq), Write: uint64(write), At: at.UTC()}
	e.Actor, _ = p["actor"].(string)
	action, _ := p["action"].(string)
	e.Action = domain.AuditAction(action)
	e.NodeID, _ = p["nodeId"].(string)
	if b, ok := p["before"].(string); ok {
		e.Before = []byte(b)
	}
	if a, ok := p["after"].(string); ok {
		e.After = []byte(a)
	}
	if seq <= 0 || write <= 0 || at.IsZero() || e.NodeID == "" {
		return domain.AuditEntry{}, badRecord("audit entry %v", p)
	}
	return e, nil
}
