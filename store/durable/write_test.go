package durable_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/durable"
)

// bundled loads the bundled dataset without the quote check.
func bundled(t testing.TB) *domain.Dataset {
	t.Helper()
	ds, err := seed.Load(context.Background(), seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// openAt opens the store file at path, seeded with ds when new.
func openAt(t testing.TB, path string, ds *domain.Dataset) *durable.Store {
	t.Helper()
	s, err := durable.Open(context.Background(), durable.Options{Path: path, Seed: ds})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func node(t testing.TB, s domain.Store, id string) domain.Node {
	t.Helper()
	ns, err := s.Nodes(context.Background(), []string{id})
	if err != nil {
		t.Fatal(err)
	}
	return ns[0]
}

var ev = domain.Evidence{SourceID: "source:pakistan-invites-china-digital", Quote: "Chinese Ambassador to Pakistan Yao Jing", Attribution: domain.AttributionArticle}

func newPerson(id, name string) *domain.Person {
	return &domain.Person{Meta: domain.Meta{ID: id, Evidence: []domain.Evidence{ev}}, Name: name, NationalityID: "country:china"}
}

func wantCode(t *testing.T, err error, code, field string) {
	t.Helper()
	if domain.ErrorCode(err) != code || domain.ErrorField(err) != field {
		t.Errorf("error %v: code %q field %q, want %q %q", err, domain.ErrorCode(err), domain.ErrorField(err), code, field)
	}
}

func TestCreateUpdateDeletePersist(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corridor.db")
	s := openAt(t, path, bundled(t))
	p := newPerson("person:li-wei", "Li Wei")
	got, err := s.Create(ctx, "alice", p)
	if err != nil {
		t.Fatal(err)
	}
	if metaOrigin(got) != domain.OriginCurated || node(t, s, p.ID) == nil {
		t.Fatalf("created %+v; served %v", got, node(t, s, p.ID))
	}
	_, err = s.Create(ctx, "alice", p)
	wantCode(t, err, domain.EINVALID, "id")

	bad := newPerson("person:no-evidence", "X")
	bad.Evidence = nil
	_, err = s.Create(ctx, "alice", bad)
	wantCode(t, err, domain.EINVALID, "evidence")
	bad = newPerson("person:dangling", "X")
	bad.NationalityID = "country:atlantis"
	_, err = s.Create(ctx, "alice", bad)
	wantCode(t, err, domain.EINVALID, "nationality")
	if node(t, s, "person:dangling") != nil {
		t.Error("a rejected create is served")
	}

	upd := newPerson(p.ID, "Li Wei (corrected)")
	if _, err := s.Update(ctx, "bob", upd); err != nil {
		t.Fatal(err)
	}
	_, err = s.Update(ctx, "bob", newPerson("person:nobody", "N"))
	wantCode(t, err, domain.ENOTFOUND, "id")

	// A seed record others refer to cannot go; an unreferenced one can.
	err = s.Delete(ctx, "bob", "country:china")
	wantCode(t, err, domain.EINVALID, "id")
	if err == nil || !strings.Contains(err.Error(), "referred to by") || !strings.Contains(err.Error(), "commitment:") {
		t.Errorf("delete error does not name a referrer: %v", err)
	}
	if err := s.Delete(ctx, "bob", p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ctx, "alice", newPerson("person:zhang-san", "Zhang San")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, bundled(t))
	defer s.Close()
	if node(t, s, p.ID) != nil || node(t, s, "person:zhang-san") == nil {
		t.Error("after reopening: the deleted person is back or the created one is missing")
	}
	page, err := s.Audit(ctx, domain.AuditQuery{NodeID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	var actions []domain.AuditAction
	for _, e := range page.Entries {
		actions = append(actions, e.Action)
	}
	if !slices.Equal(actions, []domain.AuditAction{domain.AuditDelete, domain.AuditUpdate, domain.AuditCreate}) {
		t.Errorf("audit of %s: %v", p.ID, actions)
	}
	upd2 := page.Entries[1]
	if upd2.Actor != "bob" || !strings.Contains(string(upd2.Before), `"Name":"Li Wei"`) || !strings.Contains(string(upd2.After), `"Name":"Li Wei (corrected)"`) {
		t.Errorf("update entry: %+v", upd2)
	}
}

func metaOrigin(n domain.Node) domain.Origin {
	data, _ := json.Marshal(n)
	var m struct{ Origin domain.Origin }
	_ = json.Unmarshal(data, &m)
	return m.Origin
}

func TestLinkUnlinkAndEvidence(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t, bundled(t))
	if _, err := s.Create(ctx, "alice", newPerson("person:li-wei", "Li Wei")); err != nil {
		t.Fatal(err)
	}
	c := firstCommitment(t, s)
	l := domain.Link{Type: domain.RelMade, From: "person:li-wei", To: c.ID}
	got, err := s.Link(ctx, "alice", l)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got.(*domain.Commitment).MadeByIDs, "person:li-wei") {
		t.Errorf("linked commitment: %+v", got)
	}
	made, _ := s.Related(ctx, []string{"person:li-wei"}, domain.TraverseCommitmentsMade)
	if len(made[0]) != 1 || made[0][0].NodeID() != c.ID {
		t.Errorf("commitments made by person:li-wei: %v", made[0])
	}
	_, err = s.Link(ctx, "alice", l)
	wantCode(t, err, domain.EINVALID, "type")
	_, err = s.Link(ctx, "alice", domain.Link{Type: domain.RelMade, From: "source:pakistan-invites-china-digital", To: c.ID})
	wantCode(t, err, domain.EINVALID, fmt.Sprintf("madeBy[%d]", len(c.MadeByIDs)+1))
	_, err = s.Link(ctx, "alice", domain.Link{Type: domain.RelParticipatedIn, From: "person:li-wei", To: "meeting:jcc-10"})
	wantCode(t, err, domain.EINVALID, "evidence")
	if _, err := s.Unlink(ctx, "alice", l); err != nil {
		t.Fatal(err)
	}
	_, err = s.Unlink(ctx, "alice", l)
	wantCode(t, err, domain.ENOTFOUND, "type")

	// Removing the last maker breaks a rule of the record.
	one := &domain.Commitment{}
	*one = *c
	for _, m := range c.MadeByIDs[1:] {
		if _, err := s.Unlink(ctx, "alice", domain.Link{Type: domain.RelMade, From: m, To: c.ID}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.Unlink(ctx, "alice", domain.Link{Type: domain.RelMade, From: c.MadeByIDs[0], To: c.ID})
	wantCode(t, err, domain.EINVALID, "madeBy")

	n, err := s.AttachEvidence(ctx, "alice", "person:li-wei", domain.Evidence{SourceID: "source:pakistan-invites-china-digital", Quote: "another quote", Attribution: domain.AttributionArticle})
	if err != nil || len(n.NodeEvidence()) != 2 {
		t.Fatalf("attach: %v, %v", n, err)
	}
	_, err = s.AttachEvidence(ctx, "alice", "person:li-wei", domain.Evidence{SourceID: "source:ghost", Quote: "q", Attribution: domain.AttributionArticle})
	wantCode(t, err, domain.EINVALID, "evidence[2].source")
}

func firstCommitment(t *testing.T, s domain.Store) *domain.Commitment {
	t.Helper()
	p, err := s.Commitments(context.Background(), domain.CommitmentFilter{}, domain.Order{}, domain.PageArgs{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Items {
		if len(c.MadeByIDs) >= 2 {
			return c
		}
	}
	t.Fatal("no commitment with two makers")
	return nil
}

func TestMerge(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corridor.db")
	s := openAt(t, path, bundled(t))
	dup := newPerson("person:yao-jing-2", "Yao  Jing, Ambassador")
	dup.Aliases = []string{"Ambassador Yao"}
	if _, err := s.Create(ctx, "alice", dup); err != nil {
		t.Fatal(err)
	}
	c := firstCommitment(t, s)
	if _, err := s.Link(ctx, "alice", domain.Link{Type: domain.RelMade, From: dup.ID, To: c.ID}); err != nil {
		t.Fatal(err)
	}
	_, err := s.Merge(ctx, "alice", "person:yao-jing", "country:china")
	wantCode(t, err, domain.EINVALID, "merged")
	res, err := s.Merge(ctx, "alice", "person:yao-jing", dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	surv := res.Survivor.(*domain.Person)
	if !slices.Contains(surv.Aliases, "Yao  Jing, Ambassador") || !slices.Contains(surv.Aliases, "Ambassador Yao") {
		t.Errorf("survivor aliases: %v", surv.Aliases)
	}
	if len(res.Changed) != 1 || res.Changed[0].NodeID() != c.ID ||
		!slices.Contains(res.Changed[0].(*domain.Commitment).MadeByIDs, "person:yao-jing") {
		t.Errorf("changed: %v", res.Changed)
	}
	if got := node(t, s, dup.ID); got == nil || got.NodeID() != "person:yao-jing" {
		t.Errorf("merged ID resolves to %v", got)
	}
	_, err = s.Create(ctx, "alice", newPerson(dup.ID, "Again"))
	wantCode(t, err, domain.EINVALID, "id")
	s.Close()

	// The merge survives a restart and a re-seed.
	s = openAt(t, path, nil)
	defer s.Close()
	res2, err := s.SyncSeed(ctx, bundled(t))
	if err != nil {
		t.Fatal(err)
	}
	if res2.Added != 0 || res2.Updated != 0 || res2.Deleted != 0 {
		t.Errorf("re-seed after a merge: %+v", res2)
	}
	if got := node(t, s, dup.ID); got == nil || got.NodeID() != "person:yao-jing" {
		t.Errorf("after reopen, merged ID resolves to %v", got)
	}
	if got := node(t, s, "person:yao-jing").(*domain.Person); !slices.Contains(got.Aliases, "Ambassador Yao") {
		t.Errorf("after re-seed, the survivor lost its aliases: %v", got.Aliases)
	}
}

func TestSeedSyncKeepsCuration(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t, bundled(t))
	// Curate: change one seed record, delete another (unreferenced) one.
	yao := node(t, s, "person:yao-jing").(*domain.Person)
	edited := *yao
	edited.Aliases = []string{"H.E. Yao Jing"}
	if _, err := s.Update(ctx, "alice", &edited); err != nil {
		t.Fatal(err)
	}
	victim := unreferenced(t, s)
	if err := s.Delete(ctx, "alice", victim); err != nil {
		t.Fatal(err)
	}
	// The next dataset version changes the same record and adds one.
	ds := bundled(t)
	ds.Version = "next"
	for _, p := range ds.Persons {
		if p.ID == "person:yao-jing" {
			p.Name = "Yao Jing (seed)"
		}
	}
	ds.Persons = append(ds.Persons, newPerson("person:new-in-seed", "New In Seed"))
	ds.Persons[len(ds.Persons)-1].Origin = domain.OriginSeed
	res, err := s.SyncSeed(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Updated != 0 || res.Kept != 2 {
		t.Errorf("sync: %+v, want 1 added, 0 updated, 2 kept", res)
	}
	if got := node(t, s, "person:yao-jing").(*domain.Person); got.Name != "Yao Jing" || got.Aliases[0] != "H.E. Yao Jing" {
		t.Errorf("curated record overwritten: %+v", got)
	}
	if node(t, s, victim) != nil || node(t, s, "person:new-in-seed") == nil {
		t.Error("deleted record came back, or the new seed record is missing")
	}
	if info, _ := s.Info(ctx); info.Version != "next" {
		t.Errorf("version %q", info.Version)
	}
	// Syncing the same dataset again changes nothing.
	if res, err := s.SyncSeed(ctx, ds); err != nil || res.Added+res.Updated+res.Deleted != 0 {
		t.Errorf("second sync: %+v, %v", res, err)
	}
}

// unreferenced returns a seed record no other record refers to.
func unreferenced(t *testing.T, s *durable.Store) string {
	t.Helper()
	for _, id := range []string{"figure:", "commitment:"} {
		for _, n := range bundled(t).Nodes() {
			if strings.HasPrefix(n.NodeID(), id) {
				return n.NodeID()
			}
		}
	}
	t.Fatal("no figure or commitment")
	return ""
}

func TestImportAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t, bundled(t))
	before, _ := s.Info(ctx)
	doc := `{"persons": [
	  {"id": "person:imp-a", "name": "A", "nationality": "country:china",
	   "evidence": [{"source": "source:pakistan-invites-china-digital", "quote": "q", "attribution": "ARTICLE"}]},
	  {"id": "person:imp-b", "name": "B", "nationality": "country:chna",
	   "evidence": [{"source": "source:pakistan-invites-china-digital", "quote": "q", "attribution": "ARTICLE"}]}]}`
	_, err := s.Import(ctx, "admin", func(g seed.Graph) (*domain.Dataset, error) {
		return seed.LoadJSON(ctx, "in.json", []byte(doc), g, seed.ImportOptions{})
	})
	if err == nil || !strings.Contains(err.Error(), "in.json:4:55: person:imp-b: nationality:") {
		t.Fatalf("import error = %v, want one at in.json:4:55", err)
	}
	if node(t, s, "person:imp-a") != nil {
		t.Error("a failed import left a record behind")
	}
	res, err := s.Import(ctx, "admin", func(g seed.Graph) (*domain.Dataset, error) {
		return seed.LoadJSON(ctx, "in.json", []byte(strings.Replace(doc, "chna", "china", 1)), g, seed.ImportOptions{})
	})
	if err != nil || res.Added != 2 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	after, _ := s.Info(ctx)
	if after.Counts[domain.KindPerson] != before.Counts[domain.KindPerson]+2 {
		t.Errorf("persons %d → %d", before.Counts[domain.KindPerson], after.Counts[domain.KindPerson])
	}
}
