package storetest

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/nodejson"
)

// WritableStore is a store that curators write to: what RunWriter tests.
type WritableStore interface {
	domain.Store
	domain.Writer
	domain.AuditLog
}

// RunWriter runs the writer contract every writable store passes: each subtest
// opens a fresh store over Fixture with open, writes through domain.Writer and
// reads back through Nodes and Audit. It checks, as subtests:
//   - Create, Update, Delete, Link/Unlink, AttachEvidence, Merge and ImportBatch:
//     the happy path (the records returned and read back, origin CURATED) and the
//     rejections, each with its code and field path;
//   - Rejections: every rejected write (bad record, dangling reference, existing
//     or merged ID, deleting a referenced node, a bad link, a bad import) leaves
//     every record and the audit trail exactly as they were;
//   - Audit: who, what, before and after, newest first, one write number for all
//     entries of one write, paging by cursor, filtering by node, bad arguments.
func RunWriter(t *testing.T, open func(t *testing.T, ds *domain.Dataset) WritableStore) {
	t.Helper()
	fresh := func(t *testing.T) WritableStore {
		t.Helper()
		s := open(t, Fixture())
		if s == nil {
			t.Fatal("open returned a nil store")
		}
		return s
	}
	t.Run("Create", func(t *testing.T) { testCreate(t, fresh(t)) })
	t.Run("Update", func(t *testing.T) { testUpdate(t, fresh(t)) })
	t.Run("Delete", func(t *testing.T) { testDelete(t, fresh(t)) })
	t.Run("LinkUnlink", func(t *testing.T) { testLinkUnlink(t, fresh(t)) })
	t.Run("AttachEvidence", func(t *testing.T) { testAttachEvidence(t, fresh(t)) })
	t.Run("Merge", func(t *testing.T) { testMerge(t, fresh(t)) })
	t.Run("ImportBatch", func(t *testing.T) { testImportBatch(t, fresh(t)) })
	t.Run("Rejections", func(t *testing.T) { testRejections(t, fresh(t)) })
	t.Run("Audit", func(t *testing.T) { testAudit(t, fresh(t)) })
}

// wEvidence is a valid piece of evidence for new records.
var wEvidence = domain.Evidence{SourceID: srcGamma, Quote: "a curator's quote", Attribution: domain.AttributionArticle}

func newPerson(id, name string) *domain.Person {
	return &domain.Person{Meta: domain.Meta{ID: id, Evidence: []domain.Evidence{wEvidence}}, Name: name, NationalityID: "country:china"}
}

// get reads one record through Nodes (nil when absent).
func get(t *testing.T, s domain.Store, id string) domain.Node {
	t.Helper()
	ns, err := s.Nodes(context.Background(), []string{id})
	if err != nil {
		t.Fatalf("Nodes(%s): %v", id, err)
	}
	if len(ns) != 1 {
		t.Fatalf("Nodes(%s) returned %d records", id, len(ns))
	}
	if domain.IsNil(ns[0]) {
		return nil
	}
	return ns[0]
}

// must reads a record that must exist, as a copy the test may change (stores
// may share the records they serve with their readers).
func must[T domain.Node](t *testing.T, s domain.Store, id string) T {
	t.Helper()
	n := get(t, s, id)
	if n != nil {
		c, err := nodejson.Clone(n)
		if err != nil {
			t.Fatalf("copying %s: %v", id, err)
		}
		n = c
	}
	v, ok := n.(T)
	if !ok {
		t.Fatalf("%s is %T, want %T", id, n, v)
	}
	return v
}

// wantErr checks an error's code and field path.
func wantErr(t *testing.T, what string, err error, code, field string) {
	t.Helper()
	if domain.ErrorCode(err) != code || domain.ErrorField(err) != field {
		t.Errorf("%s: error %v: code %q field %q, want %q on %q", what, err, domain.ErrorCode(err), domain.ErrorField(err), code, field)
	}
}

func wantOrigin(t *testing.T, n domain.Node) {
	t.Helper()
	if m := domain.MetaOf(n); m == nil || m.Origin != domain.OriginCurated {
		t.Errorf("%s: origin is not CURATED", n.NodeID())
	}
}

func testCreate(t *testing.T, s WritableStore) {
	ctx := context.Background()
	got, err := s.Create(ctx, "alice", newPerson("person:new-curator-pick", "Zhang Wei"))
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	wantOrigin(t, got)
	p := must[*domain.Person](t, s, "person:new-curator-pick")
	if p.Name != "Zhang Wei" || p.NationalityID != "country:china" || len(p.Evidence) != 1 || p.Evidence[0] != wEvidence {
		t.Errorf("read back %+v", p)
	}
	wantOrigin(t, p)
	_, err = s.Create(ctx, "alice", newPerson("person:new-curator-pick", "Again"))
	wantErr(t, "existing ID", err, domain.EINVALID, "id")
	bare := newPerson("person:no-evidence", "No Evidence")
	bare.Evidence = nil
	_, err = s.Create(ctx, "alice", bare)
	wantErr(t, "no evidence", err, domain.EINVALID, "evidence")
	dangling := newPerson("person:dangling", "Dangling")
	dangling.NationalityID = "country:atlantis"
	_, err = s.Create(ctx, "alice", dangling)
	wantErr(t, "dangling nationality", err, domain.EINVALID, "nationality")
	_, err = s.Create(ctx, "alice", nil)
	wantErr(t, "nil record", err, domain.EINVALID, "node")
	for _, id := range []string{"person:no-evidence", "person:dangling"} {
		if get(t, s, id) != nil {
			t.Errorf("a rejected create stored %s", id)
		}
	}
	// A new meeting may not take a number of its series already held.
	m := &domain.Meeting{Meta: domain.Meta{ID: "meeting:jcc-dup", Evidence: []domain.Evidence{wEvidence}},
		Title: "Another first JCC", Series: "JCC", Sequence: intp(1), BodyID: "org:jcc"}
	_, err = s.Create(ctx, "alice", m)
	wantErr(t, "meeting number taken", err, domain.EINVALID, "sequence")
	m.Sequence = intp(11)
	if _, err := s.Create(ctx, "alice", m); err != nil {
		t.Errorf("Create meeting 11: %v", err)
	}
}

func testUpdate(t *testing.T, s WritableStore) {
	ctx := context.Background()
	li := must[*domain.Person](t, s, "person:li-wei")
	li.Name = "Li Wei (corrected)"
	li.NationalityID = "country:china"
	got, err := s.Update(ctx, "bob", li)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	wantOrigin(t, got)
	if p := must[*domain.Person](t, s, "person:li-wei"); p.Name != "Li Wei (corrected)" || p.NationalityID != "country:china" {
		t.Errorf("read back %+v", p)
	}
	_, err = s.Update(ctx, "bob", newPerson("person:nobody", "Nobody"))
	wantErr(t, "unknown ID", err, domain.ENOTFOUND, "id")
	org := &domain.Organization{Meta: domain.Meta{ID: "person:li-wei", Evidence: []domain.Evidence{wEvidence}}, Name: "Not a person"}
	_, err = s.Update(ctx, "bob", org)
	wantErr(t, "another kind", err, domain.EINVALID, "id")
	// Clearing an optional field writes the absence.
	li = must[*domain.Person](t, s, "person:li-wei")
	li.NationalityID = ""
	if _, err := s.Update(ctx, "bob", li); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if p := must[*domain.Person](t, s, "person:li-wei"); p.NationalityID != "" {
		t.Errorf("nationality %q kept after clearing it", p.NationalityID)
	}
}

func testDelete(t *testing.T, s WritableStore) {
	ctx := context.Background()
	if err := s.Delete(ctx, "alice", "figure:mobile-subscribers"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if get(t, s, "figure:mobile-subscribers") != nil {
		t.Error("a deleted record is still served")
	}
	err := s.Delete(ctx, "alice", "figure:mobile-subscribers")
	wantErr(t, "deleted twice", err, domain.ENOTFOUND, "id")
	err = s.Delete(ctx, "alice", "org:pseb")
	wantErr(t, "referenced", err, domain.EINVALID, "id")
	if err == nil || !strings.Contains(err.Error(), "referred to by") || !strings.Contains(err.Error(), "commitment:c02") || !strings.Contains(err.Error(), "role:anusha-board") {
		t.Errorf("refusal %v does not name the referrers", err)
	}
	if get(t, s, "org:pseb") == nil {
		t.Error("a refused delete removed the record")
	}
	// A source quoted by evidence is referenced too.
	err = s.Delete(ctx, "alice", srcGamma)
	wantErr(t, "quoted source", err, domain.EINVALID, "id")
	// Once its referrers are gone, a record can go.
	if err := s.Delete(ctx, "alice", "commitment:c12"); err != nil {
		t.Fatalf("Delete c12: %v", err)
	}
	c02 := must[*domain.Commitment](t, s, "commitment:c02")
	if !slices.Contains(c02.MadeByIDs, "org:pseb") {
		t.Fatalf("fixture changed: c02 made by %v", c02.MadeByIDs)
	}
}

func testLinkUnlink(t *testing.T, s WritableStore) {
	ctx := context.Background()
	made := domain.Link{Type: domain.RelMade, From: "person:li-wei", To: "commitment:c05"}
	got, err := s.Link(ctx, "alice", made)
	if err != nil {
		t.Fatalf("Link: %v", err)
	}
	if c, ok := got.(*domain.Commitment); !ok || !slices.Equal(c.MadeByIDs, []string{"org:moit", "person:li-wei"}) {
		t.Errorf("Link returned %+v", got)
	}
	wantOrigin(t, got)
	if c := must[*domain.Commitment](t, s, "commitment:c05"); !slices.Equal(c.MadeByIDs, []string{"org:moit", "person:li-wei"}) {
		t.Errorf("read back made by %v", c.MadeByIDs)
	}
	_, err = s.Link(ctx, "alice", made)
	wantErr(t, "linked twice", err, domain.EINVALID, "type")
	_, err = s.Link(ctx, "alice", domain.Link{Type: domain.RelMade, From: srcAlpha, To: "commitment:c05"})
	wantErr(t, "a source as maker", err, domain.EINVALID, "madeBy[2]")
	_, err = s.Link(ctx, "alice", domain.Link{Type: domain.RelMade, From: "person:li-wei", To: "commitment:nope"})
	wantErr(t, "unknown holder", err, domain.ENOTFOUND, "to")
	_, err = s.Link(ctx, "alice", domain.Link{Type: domain.RelNationalOf, From: "org:moit", To: "country:china"})
	wantErr(t, "wrong holder kind", err, domain.EINVALID, "from")
	_, err = s.Link(ctx, "alice", domain.Link{Type: domain.RelParticipatedIn, From: "person:li-wei", To: "meeting:jcc-10"})
	wantErr(t, "participation without evidence", err, domain.EINVALID, "evidence")

	part := domain.Link{Type: domain.RelParticipatedIn, From: "person:li-wei", To: "meeting:jcc-10", Capacity: "observer", Evidence: []domain.Evidence{wEvidence}}
	if _, err := s.Link(ctx, "alice", part); err != nil {
		t.Fatalf("Link participation: %v", err)
	}
	m := must[*domain.Meeting](t, s, "meeting:jcc-10")
	if len(m.Participants) != 1 || m.Participants[0].ActorID != "person:li-wei" || m.Participants[0].Capacity != "observer" ||
		!slices.Equal(m.Participants[0].Evidence, []domain.Evidence{wEvidence}) {
		t.Errorf("participants %+v", m.Participants)
	}
	// A single-valued relationship replaces the value.
	if _, err := s.Link(ctx, "alice", domain.Link{Type: domain.RelNationalOf, From: "person:li-wei", To: "country:pakistan"}); err != nil {
		t.Fatalf("Link nationality: %v", err)
	}
	if p := must[*domain.Person](t, s, "person:li-wei"); p.NationalityID != "country:pakistan" {
		t.Errorf("nationality %q", p.NationalityID)
	}

	if _, err := s.Unlink(ctx, "alice", part); err != nil {
		t.Fatalf("Unlink participation: %v", err)
	}
	if m := must[*domain.Meeting](t, s, "meeting:jcc-10"); len(m.Participants) != 0 {
		t.Errorf("participants after unlink %+v", m.Participants)
	}
	_, err = s.Unlink(ctx, "alice", part)
	wantErr(t, "unlinked twice", err, domain.ENOTFOUND, "type")
	if _, err := s.Unlink(ctx, "alice", made); err != nil {
		t.Fatalf("Unlink: %v", err)
	}
	_, err = s.Unlink(ctx, "alice", domain.Link{Type: domain.RelMade, From: "org:moit", To: "commitment:c05"})
	wantErr(t, "last maker", err, domain.EINVALID, "madeBy")
	if c := must[*domain.Commitment](t, s, "commitment:c05"); !slices.Equal(c.MadeByIDs, []string{"org:moit"}) {
		t.Errorf("made by %v after unlinking", c.MadeByIDs)
	}
}

func testAttachEvidence(t *testing.T, s WritableStore) {
	ctx := context.Background()
	got, err := s.AttachEvidence(ctx, "alice", "org:jcc", wEvidence)
	if err != nil {
		t.Fatalf("AttachEvidence: %v", err)
	}
	wantOrigin(t, got)
	o := must[*domain.Organization](t, s, "org:jcc")
	if len(o.Evidence) != 2 || o.Evidence[1] != wEvidence {
		t.Errorf("evidence %+v", o.Evidence)
	}
	_, err = s.AttachEvidence(ctx, "alice", "org:jcc", wEvidence)
	wantErr(t, "attached twice", err, domain.EINVALID, "evidence")
	_, err = s.AttachEvidence(ctx, "alice", "org:jcc", domain.Evidence{SourceID: "source:nope", Quote: "q", Attribution: domain.AttributionArticle})
	wantErr(t, "unknown source", err, domain.EINVALID, "evidence[2].source")
	_, err = s.AttachEvidence(ctx, "alice", "org:nope", wEvidence)
	wantErr(t, "unknown node", err, domain.ENOTFOUND, "id")
}

func testMerge(t *testing.T, s WritableStore) {
	ctx := context.Background()
	dup := newPerson("person:ambassador-yao", "Ambassador Yao")
	dup.Aliases = []string{"H.E. Yao"}
	for _, n := range []domain.Node{dup, newPerson("person:yao-x1", "Yao X1"), newPerson("person:yao-x2", "Yao X2")} {
		if _, err := s.Create(ctx, "alice", n); err != nil {
			t.Fatalf("Create %s: %v", n.NodeID(), err)
		}
	}
	if _, err := s.Link(ctx, "alice", domain.Link{Type: domain.RelMade, From: dup.ID, To: "commitment:c10"}); err != nil {
		t.Fatal(err)
	}
	// x2 into x1, then x1 into the duplicate: x2 follows.
	if _, err := s.Merge(ctx, "alice", "person:yao-x1", "person:yao-x2"); err != nil {
		t.Fatalf("Merge x2: %v", err)
	}
	if _, err := s.Merge(ctx, "alice", dup.ID, "person:yao-x1"); err != nil {
		t.Fatalf("Merge x1: %v", err)
	}
	res, err := s.Merge(ctx, "alice", "person:yao-jing", dup.ID)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	surv, ok := res.Survivor.(*domain.Person)
	if !ok || surv.ID != "person:yao-jing" || !slices.Contains(surv.Aliases, "Ambassador Yao") || !slices.Contains(surv.Aliases, "H.E. Yao") ||
		!slices.Contains(surv.Aliases, "Yao X1") || !slices.Contains(surv.Evidence, wEvidence) {
		t.Errorf("survivor %+v", res.Survivor)
	}
	wantOrigin(t, res.Survivor)
	if res.Tombstone != (domain.Tombstone{ID: dup.ID, SurvivorID: "person:yao-jing"}) {
		t.Errorf("tombstone %+v", res.Tombstone)
	}
	if ids := nodeIDs(res.Changed); !slices.Equal(ids, []string{"commitment:c10"}) {
		t.Errorf("changed %v, want [commitment:c10]", ids)
	}
	c10 := must[*domain.Commitment](t, s, "commitment:c10")
	if !slices.Equal(c10.MadeByIDs, []string{"country:china", "person:yao-jing"}) {
		t.Errorf("c10 made by %v", c10.MadeByIDs)
	}
	for _, id := range []string{dup.ID, "person:yao-x1", "person:yao-x2"} {
		if n := get(t, s, id); n == nil || n.NodeID() != "person:yao-jing" {
			t.Errorf("Nodes(%s) = %v, want the survivor", id, n)
		}
	}
	_, err = s.Create(ctx, "alice", newPerson(dup.ID, "Reused"))
	wantErr(t, "merged ID reused", err, domain.EINVALID, "id")
	_, err = s.Update(ctx, "alice", newPerson("person:yao-x2", "Reused"))
	wantErr(t, "merged ID updated", err, domain.ENOTFOUND, "id")
	if err == nil || !strings.Contains(err.Error(), "person:yao-jing") {
		t.Errorf("update of a merged ID: %v, want it to say where it went", err)
	}
	_, err = s.Merge(ctx, "alice", "person:yao-jing", "person:yao-jing")
	wantErr(t, "into itself", err, domain.EINVALID, "merged")
	_, err = s.Merge(ctx, "alice", "person:yao-jing", "org:ndrc")
	wantErr(t, "another kind", err, domain.EINVALID, "merged")
	_, err = s.Merge(ctx, "alice", "commitment:c01", "commitment:c02")
	wantErr(t, "not actors", err, domain.EINVALID, "survivor")
	_, err = s.Merge(ctx, "alice", "person:yao-jing", "person:nobody")
	wantErr(t, "unknown merged", err, domain.ENOTFOUND, "merged")
	// Merging moves references held everywhere: roles, participations, evidence speakers.
	if _, err := s.Merge(ctx, "alice", "org:ndrc", "org:chinese-embassy"); err != nil {
		t.Fatalf("Merge embassy: %v", err)
	}
	if r := must[*domain.Role](t, s, "role:yao-ambassador"); r.OrganizationID != "org:ndrc" {
		t.Errorf("role at %q after the merge", r.OrganizationID)
	}
	if c := must[*domain.Commitment](t, s, "commitment:c11"); !slices.Equal(c.MadeByIDs, []string{"org:ndrc"}) {
		t.Errorf("c11 made by %v", c.MadeByIDs)
	}
}

func testImportBatch(t *testing.T, s WritableStore) {
	ctx := context.Background()
	doc := `{"persons": [
  {"id": "person:imported", "name": "Imported Person", "nationality": "country:china",
   "evidence": [{"source": "source:gamma", "quote": "imported", "attribution": "ARTICLE"}]},
  {"id": "person:li-wei", "name": "Li Wei (imported)", "nationality": "country:china",
   "evidence": [{"source": "source:gamma", "quote": "Mr Li", "attribution": "ARTICLE"}]}]}`
	dry, err := s.ImportBatch(ctx, "admin", domain.ImportBatch{JSON: []byte(doc), DryRun: true})
	if err != nil || dry != (domain.ImportResult{Added: 1, Replaced: 1, DryRun: true}) {
		t.Fatalf("dry run: %+v, %v", dry, err)
	}
	if get(t, s, "person:imported") != nil {
		t.Error("a dry run wrote a record")
	}
	bad := strings.Replace(doc, `"nationality": "country:china",
   "evidence": [{"source": "source:gamma", "quote": "Mr Li"`, `"nationality": "country:chna",
   "evidence": [{"source": "source:gamma", "quote": "Mr Li"`, 1)
	_, err = s.ImportBatch(ctx, "admin", domain.ImportBatch{JSON: []byte(bad)})
	wantErr(t, "dangling import", err, domain.EINVALID, domain.ImportPartJSON)
	if err == nil || !strings.Contains(err.Error(), "json:4:") || !strings.Contains(err.Error(), "person:li-wei") {
		t.Errorf("import error %v does not locate the problem", err)
	}
	if get(t, s, "person:imported") != nil || must[*domain.Person](t, s, "person:li-wei").Name != "Li Wei" {
		t.Error("a rejected import wrote part of its records")
	}
	res, err := s.ImportBatch(ctx, "admin", domain.ImportBatch{JSON: []byte(doc)})
	if err != nil || res != (domain.ImportResult{Added: 1, Replaced: 1}) {
		t.Fatalf("import: %+v, %v", res, err)
	}
	if p := must[*domain.Person](t, s, "person:imported"); p.Name != "Imported Person" {
		t.Errorf("imported %+v", p)
	} else {
		wantOrigin(t, p)
	}
	if p := must[*domain.Person](t, s, "person:li-wei"); p.Name != "Li Wei (imported)" {
		t.Errorf("replaced %+v", p)
	}
	// CSV tables, in the layout of the CSV export.
	nodes := "id,kind,name,evidence_sources,evidence_quotes,evidence_attributions\n" +
		"person:from-csv,PERSON,From Csv,source:alpha,a csv quote,ARTICLE\n"
	edges := "source,target,type\nperson:from-csv,country:pakistan,NATIONAL_OF\n"
	res, err = s.ImportBatch(ctx, "admin", domain.ImportBatch{NodesCSV: []byte(nodes), EdgesCSV: []byte(edges)})
	if err != nil || res.Added != 1 {
		t.Fatalf("CSV import: %+v, %v", res, err)
	}
	if p := must[*domain.Person](t, s, "person:from-csv"); p.NationalityID != "country:pakistan" {
		t.Errorf("CSV import read back %+v", p)
	}
	// A merged ID cannot come back through an import.
	if _, err := s.Merge(ctx, "admin", "person:li-wei", "person:imported"); err != nil {
		t.Fatal(err)
	}
	_, err = s.ImportBatch(ctx, "admin", domain.ImportBatch{JSON: []byte(doc)})
	wantErr(t, "merged ID imported", err, domain.EINVALID, "id")
	_, err = s.ImportBatch(ctx, "admin", domain.ImportBatch{})
	wantErr(t, "empty batch", err, domain.EINVALID, domain.ImportPartJSON)
}

// snapshot is every fixture record as JSON and the length of the audit trail.
type snapshot struct {
	records map[string]string
	audit   int
}

func takeSnapshot(t *testing.T, s WritableStore, ids []string) snapshot {
	t.Helper()
	ns, err := s.Nodes(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	snap := snapshot{records: map[string]string{}, audit: len(allAudit(t, s, ""))}
	for i, n := range ns {
		if domain.IsNil(n) {
			snap.records[ids[i]] = "<nil>"
			continue
		}
		b, err := nodejson.Encode(n)
		if err != nil {
			t.Fatal(err)
		}
		snap.records[ids[i]] = string(b)
	}
	return snap
}

func testRejections(t *testing.T, s WritableStore) {
	ctx := context.Background()
	var ids []string
	for _, n := range Fixture().Nodes() {
		ids = append(ids, n.NodeID())
	}
	ids = append(ids, "person:rejected", "person:rejected-2")
	before := takeSnapshot(t, s, ids)
	noEvidence := must[*domain.Commitment](t, s, "commitment:c01")
	noEvidence.Evidence = nil
	dangling := must[*domain.Project](t, s, "project:e-corridor")
	dangling.PartnerIDs = append(dangling.PartnerIDs, "org:nope")
	cycle := must[*domain.Organization](t, s, "org:moit")
	cycle.ParentID = "org:pseb"
	importDoc := `{"persons": [
  {"id": "person:rejected", "name": "R", "evidence": [{"source": "source:gamma", "quote": "q", "attribution": "ARTICLE"}]},
  {"id": "person:rejected-2", "name": "R2", "nationality": "country:nope", "evidence": [{"source": "source:gamma", "quote": "q", "attribution": "ARTICLE"}]}]}`
	rejected := map[string]func() error{
		"create existing": func() error { _, err := s.Create(ctx, "eve", newPerson("person:yao-jing", "Yao")); return err },
		"create dangling": func() error {
			p := newPerson("person:rejected", "R")
			p.NationalityID = "country:nope"
			_, err := s.Create(ctx, "eve", p)
			return err
		},
		"update without claims": func() error { _, err := s.Update(ctx, "eve", noEvidence); return err },
		"update dangling":       func() error { _, err := s.Update(ctx, "eve", dangling); return err },
		"update parent cycle":   func() error { _, err := s.Update(ctx, "eve", cycle); return err },
		"delete referenced":     func() error { return s.Delete(ctx, "eve", "country:pakistan") },
		"link dangling": func() error {
			_, err := s.Link(ctx, "eve", domain.Link{Type: domain.RelConcerns, From: "commitment:c01", To: "project:nope"})
			return err
		},
		"unlink last maker": func() error {
			_, err := s.Unlink(ctx, "eve", domain.Link{Type: domain.RelMade, From: "person:yao-jing", To: "commitment:c07"})
			return err
		},
		"evidence bad quote": func() error {
			_, err := s.AttachEvidence(ctx, "eve", "org:jcc", domain.Evidence{SourceID: srcAlpha, Attribution: domain.AttributionArticle})
			return err
		},
		"merge kinds": func() error { _, err := s.Merge(ctx, "eve", "person:yao-jing", "country:china"); return err },
		"import half bad": func() error {
			_, err := s.ImportBatch(ctx, "eve", domain.ImportBatch{JSON: []byte(importDoc)})
			return err
		},
	}
	for name, write := range rejected {
		if err := write(); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%s: error %v, want EINVALID", name, err)
		}
	}
	after := takeSnapshot(t, s, ids)
	for _, id := range ids {
		if before.records[id] != after.records[id] {
			t.Errorf("%s changed by rejected writes:\n%s\n→\n%s", id, before.records[id], after.records[id])
		}
	}
	if after.audit != before.audit {
		t.Errorf("rejected writes added %d audit entries", after.audit-before.audit)
	}
}

// allAudit reads the whole audit trail (of one node when id is set), newest first.
func allAudit(t *testing.T, s domain.AuditLog, id string) []domain.AuditEntry {
	t.Helper()
	var out []domain.AuditEntry
	q := domain.AuditQuery{First: domain.MaxPageSize, NodeID: id}
	for {
		page, err := s.Audit(context.Background(), q)
		if err != nil {
			t.Fatalf("Audit: %v", err)
		}
		out = append(out, page.Entries...)
		if !page.HasNextPage {
			return out
		}
		q.After = page.Cursors[len(page.Cursors)-1]
	}
}

func testAudit(t *testing.T, s WritableStore) {
	ctx := context.Background()
	start := len(allAudit(t, s, ""))
	if _, err := s.Create(ctx, "alice", newPerson("person:audited", "Audited")); err != nil {
		t.Fatal(err)
	}
	p := must[*domain.Person](t, s, "person:audited")
	p.Name = "Audited (corrected)"
	if _, err := s.Update(ctx, "bob", p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Link(ctx, "carol", domain.Link{Type: domain.RelMade, From: "person:audited", To: "commitment:c05"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Merge(ctx, "dave", "person:yao-jing", "person:audited"); err != nil {
		t.Fatal(err)
	}
	all := allAudit(t, s, "")
	if len(all)-start != 6 {
		t.Fatalf("%d new audit entries, want 6 (create, update, link, merge of 3 records)", len(all)-start)
	}
	for i := 1; i < len(all); i++ {
		if all[i].Seq >= all[i-1].Seq || all[i].Write > all[i-1].Write {
			t.Errorf("entries not newest first: seq %d (write %d) after %d (write %d)", all[i].Seq, all[i].Write, all[i-1].Seq, all[i-1].Write)
		}
	}
	merge := all[:3]
	var mergedNodes []string
	for _, e := range merge {
		mergedNodes = append(mergedNodes, e.NodeID)
		if e.Action != domain.AuditMerge || e.Actor != "dave" || e.Write != merge[0].Write || e.At.IsZero() {
			t.Errorf("merge entry %+v", e)
		}
	}
	slices.Sort(mergedNodes)
	if !slices.Equal(mergedNodes, []string{"commitment:c05", "person:audited", "person:yao-jing"}) {
		t.Errorf("merge entries about %v", mergedNodes)
	}
	for _, e := range merge {
		if e.NodeID == "person:audited" && (len(e.Before) == 0 || len(e.After) != 0) {
			t.Errorf("the merged record's entry has before %q after %q, want before only", e.Before, e.After)
		}
	}
	link, upd, create := all[3], all[4], all[5]
	if link.Action != domain.AuditLink || link.Actor != "carol" || link.NodeID != "commitment:c05" || link.Write == merge[0].Write {
		t.Errorf("link entry %+v", link)
	}
	if upd.Action != domain.AuditUpdate || upd.Actor != "bob" || !bytes.Contains(upd.Before, []byte(`"Name":"Audited"`)) ||
		!bytes.Contains(upd.After, []byte(`"Name":"Audited (corrected)"`)) {
		t.Errorf("update entry %+v (before %s, after %s)", upd, upd.Before, upd.After)
	}
	if create.Action != domain.AuditCreate || create.Actor != "alice" || len(create.Before) != 0 || len(create.After) == 0 {
		t.Errorf("create entry %+v", create)
	}
	if n, err := nodejson.Decode(upd.After); err != nil || n.NodeID() != "person:audited" {
		t.Errorf("after does not decode as the record: %v, %v", n, err)
	}
	// One node's entries, paged one at a time.
	var seen []domain.AuditAction
	q := domain.AuditQuery{First: 1, NodeID: "person:audited"}
	for range 10 {
		page, err := s.Audit(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Entries) != 1 || len(page.Cursors) != 1 || page.Entries[0].NodeID != "person:audited" {
			t.Fatalf("page %+v", page)
		}
		seen = append(seen, page.Entries[0].Action)
		if !page.HasNextPage {
			break
		}
		q.After = page.Cursors[0]
	}
	if want := []domain.AuditAction{domain.AuditMerge, domain.AuditUpdate, domain.AuditCreate}; !slices.Equal(seen, want) {
		t.Errorf("entries of person:audited %v, want %v", seen, want)
	}
	_, err := s.Audit(ctx, domain.AuditQuery{After: "not-a-cursor"})
	wantErr(t, "bad cursor", err, domain.EINVALID, "after")
	_, err = s.Audit(ctx, domain.AuditQuery{First: domain.MaxPageSize + 1})
	wantErr(t, "page too large", err, domain.EINVALID, "first")
}
