package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/durable"
)

// curatedHandler opens a durable store over the bundled seed in t.TempDir() and
// returns the GraphQL handler over it.
func curatedHandler(t *testing.T) (http.Handler, *durable.Store) {
	t.Helper()
	ctx := context.Background()
	ds, err := seed.Load(ctx, seed.Files, seed.Options{SkipQuoteCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := durable.Open(ctx, durable.Options{Path: filepath.Join(t.TempDir(), "corridor.db"), Seed: ds})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return NewHandler(s.Ports(), quietConfig()), s
}

// as sends a GraphQL request to h with role's principal (none when role is "")
// in the request's context.
func as(t *testing.T, h http.Handler, role domain.AccessRole, query string, vars map[string]any) gqlResponse {
	t.Helper()
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if role != "" {
		req = req.WithContext(domain.WithPrincipal(req.Context(), domain.Principal{Name: "key-" + string(role), Role: role}))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return readResponse(t, rec.Result())
}

const (
	createPerson = `mutation($in: PersonInput!) { createPerson(input: $in) { id name aliases nationality { id } evidence { quote source { id } } } }`
	updatePerson = `mutation($in: PersonInput!) { updatePerson(input: $in) { id name aliases } }`
	testSource   = "source:pakistan-invites-china-digital"
)

// liWei is a valid person input.
func liWei() map[string]any {
	return map[string]any{
		"id": "person:li-wei", "name": "Li Wei", "nationalityId": "country:china",
		"evidence": []any{map[string]any{"sourceId": testSource, "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}},
	}
}

func TestMutationRoles(t *testing.T) {
	h, _ := curatedHandler(t)
	vars := map[string]any{"in": liWei()}
	for role, code := range map[domain.AccessRole]string{"": domain.EUNAUTHORIZED, domain.RoleReader: domain.EFORBIDDEN} {
		if got := as(t, h, role, createPerson, vars).code(); got != code {
			t.Errorf("createPerson as %q: code %q, want %q", role, got, code)
		}
	}
	// Delete and merge need admin; the audit log too.
	for _, q := range []string{
		`mutation { deleteNode(id: "person:yao-jing") }`,
		`mutation { mergeNodes(survivor: "person:yao-jing", merged: "person:li-wei") { mergedId } }`,
		`{ auditLog { edges { cursor } } }`,
	} {
		if got := as(t, h, domain.RoleEditor, q, nil).code(); got != domain.EFORBIDDEN {
			t.Errorf("%s as editor: code %q, want FORBIDDEN", q, got)
		}
	}
	// Nothing was written.
	if got := as(t, h, "", `{ node(id: "person:li-wei") { id } }`, nil); string(got.Data) != `{"node":null}` {
		t.Errorf("after refused writes: %s %v", got.Data, got.Errors)
	}
}

func TestMutationsWriteAndAudit(t *testing.T) {
	h, s := curatedHandler(t)
	var created struct {
		CreatePerson struct {
			ID          string
			Name        string
			Nationality struct{ ID string }
			Evidence    []struct{ Quote string }
		}
	}
	as(t, h, domain.RoleEditor, createPerson, map[string]any{"in": liWei()}).decode(t, &created)
	if p := created.CreatePerson; p.ID != "person:li-wei" || p.Nationality.ID != "country:china" || len(p.Evidence) != 1 {
		t.Fatalf("created: %+v", p)
	}

	// Update: a whole record.
	in := liWei()
	in["aliases"] = []any{"Wei Li"}
	var updated struct{ UpdatePerson struct{ Aliases []string } }
	as(t, h, domain.RoleEditor, updatePerson, map[string]any{"in": in}).decode(t, &updated)
	if !slices.Equal(updated.UpdatePerson.Aliases, []string{"Wei Li"}) {
		t.Errorf("updated aliases: %v", updated.UpdatePerson.Aliases)
	}

	// Link the person as maker of a commitment.
	c := firstCommitment(t, s)
	var linked struct {
		Link struct{ MadeBy []struct{ ID string } }
	}
	as(t, h, domain.RoleEditor, `mutation($c: ID!) { link(input: {type: MADE, from: "person:li-wei", to: $c}) { ... on Commitment { madeBy { id } } } }`,
		map[string]any{"c": c.ID}).decode(t, &linked)
	if !slices.ContainsFunc(linked.Link.MadeBy, func(a struct{ ID string }) bool { return a.ID == "person:li-wei" }) {
		t.Errorf("linked commitment's makers: %+v", linked.Link.MadeBy)
	}

	// Attach evidence.
	var attached struct {
		AttachEvidence struct{ Evidence []struct{ Quote string } }
	}
	as(t, h, domain.RoleEditor, `mutation { attachEvidence(id: "person:li-wei", evidence: {sourceId: "`+testSource+`", quote: "another quote", attribution: ARTICLE}) { evidence { quote } } }`, nil).decode(t, &attached)
	if n := len(attached.AttachEvidence.Evidence); n != 2 {
		t.Errorf("evidence after attach: %d pieces", n)
	}

	// Delete is refused while the commitment refers to the person.
	r := as(t, h, domain.RoleAdmin, `mutation { deleteNode(id: "person:li-wei") }`, nil)
	if r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != "id" {
		t.Errorf("delete of a referenced node: %+v", r.Errors)
	}

	// Merge: the old ID resolves to the survivor.
	var merged struct {
		MergeNodes struct {
			Survivor struct{ ID string }
			Changed  []struct{ ID string }
			MergedID string
		}
	}
	as(t, h, domain.RoleAdmin, `mutation { mergeNodes(survivor: "person:yao-jing", merged: "person:li-wei") { survivor { id } changed { id } mergedId } }`, nil).decode(t, &merged)
	if m := merged.MergeNodes; m.Survivor.ID != "person:yao-jing" || m.MergedID != "person:li-wei" || len(m.Changed) != 1 || m.Changed[0].ID != c.ID {
		t.Errorf("merge: %+v", m)
	}
	var resolved struct{ Node struct{ ID string } }
	as(t, h, "", `{ node(id: "person:li-wei") { id } }`, nil).decode(t, &resolved)
	if resolved.Node.ID != "person:yao-jing" {
		t.Errorf("merged ID resolves to %q", resolved.Node.ID)
	}
	// Updating the merged ID says where the record went.
	if r := as(t, h, domain.RoleEditor, updatePerson, map[string]any{"in": liWei()}); r.code() != domain.EINVALID ||
		!strings.Contains(r.Errors[0].Message, `"person:li-wei" was merged into "person:yao-jing"`) {
		t.Errorf("update of a merged ID: %+v", r.Errors)
	}

	// The audit log, newest first, names the key; filtered by node (the link is
	// recorded on the commitment, which holds it); paged.
	var audit struct {
		AuditLog struct {
			Edges []struct {
				Cursor string
				Node   struct {
					Action, Actor, NodeID string
					Before, After         *string
				}
			}
			PageInfo struct{ HasNextPage bool }
		}
	}
	as(t, h, domain.RoleAdmin, `{ auditLog(first: 2, node: "person:li-wei") { edges { cursor node { action actor nodeId before after } } pageInfo { hasNextPage } } }`, nil).decode(t, &audit)
	e := audit.AuditLog.Edges
	if len(e) != 2 || e[0].Node.Action != "MERGE" || e[1].Node.Action != "ATTACH_EVIDENCE" || !audit.AuditLog.PageInfo.HasNextPage {
		t.Fatalf("audit page: %+v", audit.AuditLog)
	}
	if e[1].Node.Actor != "key-editor" || e[1].Node.Before == nil || !strings.Contains(*e[1].Node.After, "another quote") {
		t.Errorf("audit entry: %+v", e[1].Node)
	}
	var next struct {
		AuditLog struct {
			Edges []struct{ Node struct{ Action string } }
		}
	}
	as(t, h, domain.RoleAdmin, `query($after: String) { auditLog(first: 10, after: $after, node: "person:li-wei") { edges { node { action } } } }`,
		map[string]any{"after": e[1].Cursor}).decode(t, &next)
	var actions []string
	for _, x := range next.AuditLog.Edges {
		actions = append(actions, x.Node.Action)
	}
	if !slices.Equal(actions, []string{"UPDATE", "CREATE"}) {
		t.Errorf("audit, next page: %v", actions)
	}
}

func TestMutationValidationWritesNothing(t *testing.T) {
	h, _ := curatedHandler(t)
	in := liWei()
	in["nationalityId"] = "country:atlantis"
	in["evidence"] = []any{map[string]any{"sourceId": "source:ghost", "quote": "q", "attribution": "ARTICLE"}}
	r := as(t, h, domain.RoleEditor, createPerson, map[string]any{"in": in})
	if len(r.Errors) < 2 {
		t.Fatalf("want one error per problem, got %+v", r.Errors)
	}
	var fields []string
	for _, e := range r.Errors {
		if e.Extensions["code"] != domain.EINVALID {
			t.Errorf("error %+v: want BAD_USER_INPUT", e)
		}
		f, _ := e.Extensions["field"].(string)
		fields = append(fields, f)
	}
	slices.Sort(fields)
	if !slices.Equal(fields, []string{"evidence[0].source", "nationality"}) {
		t.Errorf("problem fields: %v", fields)
	}
	// A bad partial date is caught before the store, with its path.
	src := `mutation { createSource(input: {id: "source:new", title: "T", file: "t.txt", published: "2019-13"}) { id } }`
	if r := as(t, h, domain.RoleEditor, src, nil); r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != "published" {
		t.Errorf("bad date: %+v", r.Errors)
	}
	// Updating an unknown node is NOT_FOUND.
	if r := as(t, h, domain.RoleEditor, updatePerson, map[string]any{"in": liWei()}); r.code() != domain.ENOTFOUND {
		t.Errorf("update of an unknown node: %+v", r.Errors)
	}
	var got struct{ Nodes []*struct{ ID string } }
	as(t, h, "", `{ nodes(ids: ["person:li-wei", "source:new"]) { id } }`, nil).decode(t, &got)
	if got.Nodes[0] != nil || got.Nodes[1] != nil {
		t.Errorf("a rejected write stored something: %+v", got.Nodes)
	}
}

func TestMutationNeedsWritableStore(t *testing.T) {
	h := NewHandler(fixtureStore(t).Ports(), quietConfig())
	r := as(t, h, domain.RoleAdmin, createPerson, map[string]any{"in": liWei()})
	if r.code() != domain.EINTERNAL || !strings.Contains(r.Errors[0].Message, "read-only") {
		t.Errorf("write to a read-only store: %+v", r.Errors)
	}
}

// TestPortsDecideAbilities: the handler uses the ports it is given, not what the
// store's type could do. A writable store given without its Writer and Audit
// answers as a read-only store without a trail, and nothing is written.
func TestPortsDecideAbilities(t *testing.T) {
	ctx := context.Background()
	_, s := curatedHandler(t)
	h := NewHandler(domain.Ports{Store: s, Explorer: s}, quietConfig())
	before, err := s.Audit(ctx, domain.AuditQuery{First: 1})
	if err != nil || len(before.Entries) != 1 {
		t.Fatalf("the seeded trail: %v", err)
	}
	const readOnly = "this server's store is read-only: curation needs a writable store (--store memory with a data directory)"
	for _, c := range []struct {
		query string
		vars  map[string]any
	}{
		{createPerson, map[string]any{"in": liWei()}},
		{`mutation { deleteNode(id: "person:yao-jing") }`, nil},
		{`mutation { mergeNodes(survivor: "org:ministry-of-it-and-telecom", merged: "org:telephone-industry-of-pakistan") { survivor { id } } }`, nil},
	} {
		r := as(t, h, domain.RoleAdmin, c.query, c.vars)
		if r.code() != domain.EINTERNAL || r.Errors[0].Message != readOnly {
			t.Errorf("%s without a Writer: %+v, want INTERNAL %q", c.query, r.Errors, readOnly)
		}
	}
	// Roles are still checked first.
	if r := as(t, h, domain.RoleEditor, `mutation { deleteNode(id: "person:yao-jing") }`, nil); r.code() != domain.EFORBIDDEN {
		t.Errorf("editor deleting without a Writer: %+v, want %s", r.Errors, domain.EFORBIDDEN)
	}
	r := as(t, h, domain.RoleAdmin, `{ auditLog { edges { cursor } } }`, nil)
	if r.code() != domain.EINTERNAL || r.Errors[0].Message != "this server's store keeps no audit trail" {
		t.Errorf("auditLog without an AuditLog: %+v", r.Errors)
	}
	// Reads and exploration still work, and nothing was written.
	var got struct {
		Nodes        []*struct{ ID string }
		Neighborhood struct{ Truncated bool }
	}
	as(t, h, "", `{ nodes(ids: ["person:li-wei", "person:yao-jing", "org:telephone-industry-of-pakistan"]) { id } neighborhood(id: "org:telephone-industry-of-pakistan") { truncated } }`, nil).decode(t, &got)
	if got.Nodes[0] != nil || got.Nodes[1] == nil || got.Nodes[2] == nil || got.Nodes[2].ID != "org:telephone-industry-of-pakistan" {
		t.Errorf("a write went through without a Writer: %+v", got.Nodes)
	}
	after, err := s.Audit(ctx, domain.AuditQuery{First: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Entries) != 1 || after.Entries[0].Seq != before.Entries[0].Seq {
		t.Errorf("the audit trail grew without a Writer")
	}
}

// firstCommitment returns a commitment of s with at least two makers.
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

func TestMutationUnlinkAndDelete(t *testing.T) {
	h, s := curatedHandler(t)
	c := firstCommitment(t, s)
	maker := c.MadeByIDs[0]
	var unlinked struct {
		Unlink struct{ MadeBy []struct{ ID string } }
	}
	as(t, h, domain.RoleEditor, `mutation($a: ID!, $c: ID!) { unlink(input: {type: MADE, from: $a, to: $c}) { ... on Commitment { madeBy { id } } } }`,
		map[string]any{"a": maker, "c": c.ID}).decode(t, &unlinked)
	if len(unlinked.Unlink.MadeBy) != len(c.MadeByIDs)-1 ||
		slices.ContainsFunc(unlinked.Unlink.MadeBy, func(a struct{ ID string }) bool { return a.ID == maker }) {
		t.Errorf("makers after unlink: %+v", unlinked.Unlink.MadeBy)
	}

	var src struct{ CreateSource struct{ ID string } }
	as(t, h, domain.RoleEditor, `mutation { createSource(input: {id: "source:new", title: "T", file: "t.txt", published: "2019-03"}) { id published { value precision } } }`, nil).decode(t, &src)
	var del struct{ DeleteNode string }
	as(t, h, domain.RoleAdmin, `mutation { deleteNode(id: "source:new") }`, nil).decode(t, &del)
	if del.DeleteNode != "source:new" {
		t.Errorf("deleteNode returned %q", del.DeleteNode)
	}
	if r := as(t, h, "", `{ node(id: "source:new") { id } }`, nil); string(r.Data) != `{"node":null}` {
		t.Errorf("after delete: %s", r.Data)
	}
	if r := as(t, h, domain.RoleAdmin, `mutation { deleteNode(id: "source:new") }`, nil); r.code() != domain.ENOTFOUND {
		t.Errorf("deleting twice: %+v", r.Errors)
	}
}

func TestUpdateMeetingKeepsParticipants(t *testing.T) {
	h, _ := curatedHandler(t)
	const read = `{ node(id: "meeting:jcc-10") { ... on Meeting { title format location participants { capacity }
		evidence { quote attribution source { id } } } } }`
	type meeting struct {
		Title, Format, Location string
		Participants            []struct{ Capacity *string }
		Evidence                []struct {
			Quote, Attribution string
			Source             struct{ ID string }
		}
	}
	var before struct{ Node meeting }
	as(t, h, "", read, nil).decode(t, &before)
	if len(before.Node.Participants) == 0 {
		t.Fatalf("meeting:jcc-10 has no participants: %+v", before.Node)
	}
	var ev []any
	for _, e := range before.Node.Evidence {
		ev = append(ev, map[string]any{"sourceId": e.Source.ID, "quote": e.Quote, "attribution": e.Attribution})
	}
	in := map[string]any{"id": "meeting:jcc-10", "title": before.Node.Title, "format": before.Node.Format, "location": "Islamabad (corrected)", "evidence": ev}
	as(t, h, domain.RoleEditor, `mutation($in: MeetingInput!) { updateMeeting(input: $in) { id } }`, map[string]any{"in": in}).decode(t, &struct{}{})
	var after struct{ Node meeting }
	as(t, h, "", read, nil).decode(t, &after)
	if after.Node.Location != "Islamabad (corrected)" || len(after.Node.Participants) != len(before.Node.Participants) {
		t.Errorf("after update: location %q, %d participants (were %d)", after.Node.Location, len(after.Node.Participants), len(before.Node.Participants))
	}
}

func TestCreateCommitment(t *testing.T) {
	h, _ := curatedHandler(t)
	in := map[string]any{
		"id": "commitment:new-it-park", "statement": "China will fund an IT park in Islamabad.",
		"kind": "PLEDGE", "status": "PROPOSED", "madeByIds": []any{"country:china"}, "madeToIds": []any{"country:pakistan"},
		"date": "2019-03", "amount": map[string]any{"value": 4, "maxValue": 5, "currency": "USD", "approximate": true},
		"evidence": []any{map[string]any{"sourceId": testSource, "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}},
	}
	const create = `mutation($in: CommitmentInput!) { createCommitment(input: $in) {
		id madeBy { id } madeTo { id } date { value precision } amount { value maxValue currency approximate } } }`
	var got struct {
		CreateCommitment struct {
			ID             string
			MadeBy, MadeTo []struct{ ID string }
			Date           struct{ Value, Precision string }
			Amount         struct {
				Value, MaxValue float64
				Currency        string
				Approximate     bool
			}
		}
	}
	as(t, h, domain.RoleEditor, create, map[string]any{"in": in}).decode(t, &got)
	c := got.CreateCommitment
	if c.ID != "commitment:new-it-park" || len(c.MadeBy) != 1 || c.MadeBy[0].ID != "country:china" || len(c.MadeTo) != 1 ||
		c.Date.Value != "2019-03" || c.Date.Precision != "MONTH" ||
		c.Amount.Value != 4 || c.Amount.MaxValue != 5 || c.Amount.Currency != "USD" || !c.Amount.Approximate {
		t.Errorf("created commitment: %+v", c)
	}
	// No maker: a rule of the record, with its path; nothing stored.
	in["id"], in["madeByIds"] = "commitment:no-maker", []any{}
	r := as(t, h, domain.RoleEditor, create, map[string]any{"in": in})
	if r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != "madeBy" {
		t.Errorf("commitment without a maker: %+v", r.Errors)
	}
	if r := as(t, h, "", `{ node(id: "commitment:no-maker") { id } }`, nil); string(r.Data) != `{"node":null}` {
		t.Errorf("a rejected commitment was stored: %s", r.Data)
	}
}

func TestCreateAndCorrectRole(t *testing.T) {
	h, _ := curatedHandler(t)
	ev := []any{map[string]any{"sourceId": testSource, "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}}
	var country struct{ CreateCountry struct{ ID, Iso string } }
	as(t, h, domain.RoleEditor, `mutation($in: CountryInput!) { createCountry(input: $in) { id iso } }`,
		map[string]any{"in": map[string]any{"id": "country:nepal", "name": "Nepal", "iso": "NP", "evidence": ev}}).decode(t, &country)
	if country.CreateCountry.ID != "country:nepal" || country.CreateCountry.Iso != "NP" {
		t.Errorf("created country: %+v", country.CreateCountry)
	}

	in := map[string]any{"id": "role:yao-jing-envoy", "personId": "person:yao-jing", "title": "Ambasador",
		"organizationId": "org:embassy-of-china-in-pakistan", "from": "2017", "evidence": ev}
	const create = `mutation($in: RoleInput!) { createRole(input: $in) { id title person { id } from { value } } }`
	r := as(t, h, domain.RoleEditor, create, map[string]any{"in": in})
	var role struct {
		CreateRole struct {
			ID, Title string
			Person    struct{ ID string }
			From      struct{ Value string }
		}
	}
	r.decode(t, &role)
	if role.CreateRole.Person.ID != "person:yao-jing" || role.CreateRole.From.Value != "2017" {
		t.Errorf("created role: %+v", role.CreateRole)
	}
	in["title"] = "Ambassador"
	var fixed struct{ UpdateRole struct{ Title string } }
	as(t, h, domain.RoleEditor, `mutation($in: RoleInput!) { updateRole(input: $in) { title } }`, map[string]any{"in": in}).decode(t, &fixed)
	if fixed.UpdateRole.Title != "Ambassador" {
		t.Errorf("corrected title: %q", fixed.UpdateRole.Title)
	}
	// A bad date names its field.
	in["to"] = "2019-02-30"
	if r := as(t, h, domain.RoleEditor, `mutation($in: RoleInput!) { updateRole(input: $in) { title } }`, map[string]any{"in": in}); r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != "to" {
		t.Errorf("bad role end date: %+v", r.Errors)
	}
}

func TestCreateProgrammePillarProjectFigure(t *testing.T) {
	h, _ := curatedHandler(t)
	ev := []any{map[string]any{"sourceId": testSource, "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}}
	steps := []struct{ query, input string }{
		{`mutation($in: ProgrammeInput!) { createProgramme(input: $in) { id } }`, `{"id": "programme:digital-corridor", "name": "Digital Corridor", "acronym": "DC", "partOfId": "programme:cpec"}`},
		{`mutation($in: PillarInput!) { createPillar(input: $in) { id } }`, `{"id": "pillar:dc-cables", "name": "Cables", "programmeId": "programme:digital-corridor", "number": 1}`},
		{`mutation($in: ProjectInput!) { createProject(input: $in) { id } }`, `{"id": "project:new-cable", "name": "New cable", "status": "PLANNED", "pillarIds": ["pillar:dc-cables"], "partnerIds": ["country:china"]}`},
		{`mutation($in: FigureInput!) { createFigure(input: $in) { id } }`, `{"id": "figure:cable-length", "subjectId": "project:new-cable", "metric": "length", "value": 820, "unit": "km", "asOf": "2019", "saidByIds": ["person:yao-jing"]}`},
	}
	for _, st := range steps {
		var in map[string]any
		if err := json.Unmarshal([]byte(st.input), &in); err != nil {
			t.Fatal(err)
		}
		in["evidence"] = ev
		if r := as(t, h, domain.RoleEditor, st.query, map[string]any{"in": in}); len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", st.query, r.Errors)
		}
	}
	type part struct {
		ID      string
		Pillars []struct {
			Number   int
			Projects []struct {
				Status   string
				Partners []struct{ ID string }
			}
		}
	}
	var got struct {
		Node struct{ Parts []part }
	}
	as(t, h, "", `{ node(id: "programme:cpec") { ... on Programme { parts { id pillars { number projects { status partners { id } } } } } } }`, nil).decode(t, &got)
	i := slices.IndexFunc(got.Node.Parts, func(p part) bool { return p.ID == "programme:digital-corridor" })
	if i < 0 {
		t.Fatalf("programme:cpec's parts: %+v", got.Node.Parts)
	}
	p := got.Node.Parts[i]
	if len(p.Pillars) != 1 || p.Pillars[0].Number != 1 || len(p.Pillars[0].Projects) != 1 ||
		p.Pillars[0].Projects[0].Status != "PLANNED" || p.Pillars[0].Projects[0].Partners[0].ID != "country:china" {
		t.Errorf("the new programme's pillars: %+v", p.Pillars)
	}
	var fig struct {
		Node struct {
			Subject struct{ ID string }
			Value   float64
			Unit    string
		}
	}
	as(t, h, "", `{ node(id: "figure:cable-length") { ... on Figure { subject { id } value unit } } }`, nil).decode(t, &fig)
	if fig.Node.Subject.ID != "project:new-cable" || fig.Node.Value != 820 || fig.Node.Unit != "km" {
		t.Errorf("the new figure: %+v", fig.Node)
	}
}
