package neo4j

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/rank"
	"github.com/corridor-kg/corridor/store/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Tests through the adapter's seam (runner.go): the store runs over a fake runner
// that records every statement and answers with records built from the driver's
// own types. What Neo4j itself does with the statements is checked offline by the
// linter and against a live server by TestContract.

func allIDs(ds *domain.Dataset) []string {
	var ids []string
	for _, n := range ds.Nodes() {
		ids = append(ids, n.NodeID())
	}
	return ids
}

// TestSeamMapsEveryKind reads every record of the fixture through Nodes, Related,
// the connections and Search, and checks each comes back equal to the record the
// adapter wrote, whatever the store call.
func TestSeamMapsEveryKind(t *testing.T) {
	ds := storetest.Fixture()
	s, f, g := openFake(t, ds)
	ctx := context.Background()
	seen := map[domain.Kind]bool{}
	for _, n := range ds.Nodes() {
		seen[n.NodeKind()] = true
	}
	if len(seen) != len(domain.Kinds) {
		t.Fatalf("the fixture holds %d kinds, want all %d", len(seen), len(domain.Kinds))
	}
	same := func(what string, got domain.Node) {
		t.Helper()
		if got == nil {
			t.Errorf("%s: nil node", what)
			return
		}
		if want := g.byID[got.NodeID()]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %s came back as\n %#v\nwant %#v", what, got.NodeID(), got, want)
		}
	}

	ids := append(allIDs(ds), "person:nobody")
	ns, err := s.Nodes(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range ns[:len(ns)-1] {
		if n == nil || n.NodeID() != ids[i] {
			t.Fatalf("Nodes: position %d holds %v, want %s", i, n, ids[i])
		}
		same("Nodes", n)
	}
	if ns[len(ns)-1] != nil {
		t.Errorf("Nodes: unknown ID gave %v", ns[len(ns)-1])
	}

	for _, rel := range domain.Traversals {
		got, err := s.Related(ctx, allIDs(ds), rel)
		if err != nil {
			t.Fatalf("Related %s: %v", rel, err)
		}
		want, _ := g.mem.Related(ctx, allIDs(ds), rel)
		for i := range got {
			if !slices.Equal(storeIDs(got[i]), storeIDs(want[i])) {
				t.Errorf("Related %s of %s = %q, want %q", rel, ids[i], storeIDs(got[i]), storeIDs(want[i]))
			}
			for _, n := range got[i] {
				same("Related "+string(rel), n)
			}
		}
	}

	all := domain.PageArgs{First: domain.MaxPageSize}
	actors, err := s.Actors(ctx, domain.ActorFilter{}, domain.Order{}, all)
	must(t, err)
	meetings, err := s.Meetings(ctx, domain.MeetingFilter{}, domain.Order{}, all)
	must(t, err)
	commitments, err := s.Commitments(ctx, domain.CommitmentFilter{}, domain.Order{}, all)
	must(t, err)
	projects, err := s.Projects(ctx, domain.ProjectFilter{}, domain.Order{}, all)
	must(t, err)
	sources, err := s.Sources(ctx, domain.SourceFilter{}, domain.Order{}, all)
	must(t, err)
	listed := slices.Concat(actors.Items, asNodes(meetings.Items), asNodes(commitments.Items),
		asNodes(projects.Items), asNodes(sources.Items))
	if len(listed) == 0 {
		t.Fatal("the connections listed nothing")
	}
	for _, n := range listed {
		same("connection", n)
	}

	for _, n := range ds.Nodes() {
		if n.Label() == "" {
			continue
		}
		hits, err := s.Search(ctx, domain.SearchQuery{Text: n.Label(), First: domain.MaxPageSize})
		if err != nil {
			t.Fatalf("Search(%q): %v", n.Label(), err)
		}
		found := false
		for _, h := range hits {
			same("Search", h.Node)
			found = found || h.Node.NodeID() == n.NodeID()
		}
		if !found && len(rank.Fields(n)) > 0 {
			t.Errorf("Search(%q) does not find %s", n.Label(), n.NodeID())
		}
	}
	for _, c := range f.calls {
		if c.mode != readAccess || c.inTx {
			t.Errorf("read %s sent as %s (in a transaction: %v)", nameOf(c.stmt), c.mode, c.inTx)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func storeIDs(ns []domain.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.NodeID()
	}
	return out
}

// TestSeamTemporalAndNulls reads properties as Neo4j may hold them after a
// curator's edit in Neo4j Browser: a DATE value, explicit nulls, lists as []any.
// Any other temporal value where a string belongs is a malformed record: an
// INTERNAL error that does not show the value.
func TestSeamTemporalAndNulls(t *testing.T) {
	m := &domain.Meeting{Meta: domain.Meta{ID: "meeting:m", Origin: domain.OriginCurated}, Title: "JCC",
		Date: domain.PartialDate{Value: "2021-09-23"}}
	raw := projection(m, rand.New(rand.NewPCG(1, 1)))
	node := raw["node"].(dbtype.Node)
	node.Props["date"] = dbtype.Date(time.Date(2021, 9, 23, 0, 0, 0, 0, time.UTC))
	node.Props["location"] = nil
	node.Props["sequence"] = nil
	s, _ := newFake(t, func(c call) ([]*neo4j.Record, error) {
		return []*neo4j.Record{rec("id", "meeting:m", "node", raw)}, nil
	})
	ns, err := s.Nodes(context.Background(), []string{"meeting:m"})
	if err != nil {
		t.Fatal(err)
	}
	got := ns[0].(*domain.Meeting)
	if got.Date.Value != "2021-09-23" || got.Location != "" || got.Sequence != nil || got.Title != "JCC" {
		t.Errorf("meeting decoded as %#v", got)
	}

	for name, v := range map[string]any{
		"duration":  dbtype.Duration{Days: 3},
		"datetime":  time.Date(2021, 9, 23, 10, 0, 0, 0, time.UTC),
		"localtime": dbtype.LocalTime(time.Date(0, 1, 1, 10, 0, 0, 0, time.UTC)),
		"point":     dbtype.Point2D{X: 1, Y: 2, SpatialRefId: 7203},
	} {
		node.Props["date"] = v
		_, err := s.Nodes(context.Background(), []string{"meeting:m"})
		if domain.ErrorCode(err) != domain.EINTERNAL || domain.ErrorMessage(err) != msgFailed {
			t.Errorf("%s in a date property: error %v, want INTERNAL %q", name, err, msgFailed)
		}
	}
}

// pageRecord is an empty connection page.
func pageRecord() *neo4j.Record {
	return rec("total", int64(0), "remaining", int64(0), "rows", []any{})
}

// emptyAnswers answers every read statement with an empty result of its shape.
func emptyAnswers(c call) ([]*neo4j.Record, error) {
	name := nameOf(c.stmt)
	switch {
	case strings.HasPrefix(name, "list."):
		return []*neo4j.Record{pageRecord()}, nil
	case name == "programmes", name == "pillars":
		return []*neo4j.Record{rec("nodes", []any{})}, nil
	case name == "info":
		kv := []any{"version", nil, "evidence", int64(0), "relationships", int64(0)}
		for _, k := range domain.Kinds {
			kv = append(kv, string(k), int64(0))
		}
		return []*neo4j.Record{rec(kv...)}, nil
	}
	return nil, nil
}

// everyRead calls every read of the Store port once, with text in every string
// argument, and returns the first error.
func everyRead(ctx context.Context, s *Store, text string) error {
	p := &text
	pg := domain.PageArgs{First: 5}
	_, err := s.Nodes(ctx, []string{text, "person:x"})
	errs := []error{err}
	for _, r := range domain.Traversals {
		_, err := s.Related(ctx, []string{text}, r)
		errs = append(errs, err)
	}
	_, err = s.Search(ctx, domain.SearchQuery{Text: text + " pakistan", Kinds: []domain.Kind{domain.KindPerson}})
	errs = append(errs, err)
	_, err = s.Actors(ctx, domain.ActorFilter{CountryID: p, Text: p}, domain.Order{}, pg)
	errs = append(errs, err)
	_, err = s.Meetings(ctx, domain.MeetingFilter{Series: p, ParticipantID: p, Text: p}, domain.Order{Field: "TITLE", Desc: true}, pg)
	errs = append(errs, err)
	_, err = s.Commitments(ctx, domain.CommitmentFilter{MadeByID: p, MadeToID: p, MeetingID: p, Series: p, ProjectID: p,
		PillarID: p, ProgrammeID: p, ConcernsID: p, Text: p}, domain.Order{Field: "STATEMENT"}, pg)
	errs = append(errs, err)
	_, err = s.Projects(ctx, domain.ProjectFilter{PillarID: p, ProgrammeID: p, Text: p}, domain.Order{}, pg)
	errs = append(errs, err)
	_, err = s.Sources(ctx, domain.SourceFilter{Publisher: p, Text: p}, domain.Order{}, pg)
	errs = append(errs, err)
	_, err = s.Programmes(ctx)
	errs = append(errs, err)
	_, err = s.Pillars(ctx)
	errs = append(errs, err)
	_, err = s.Info(ctx)
	errs = append(errs, err)
	return errors.Join(errs...)
}

// TestSeamReadRouting checks that every read goes to readers, outside any
// write transaction, one statement per store call.
func TestSeamReadRouting(t *testing.T) {
	s, f := newFake(t, emptyAnswers)
	if err := everyRead(context.Background(), s, "org:moit"); err != nil {
		t.Fatal(err)
	}
	// Nodes, every relation, Search, five connections, Programmes, Pillars, Info.
	if want := 1 + len(domain.Traversals) + 1 + 5 + 3; len(f.calls) != want {
		t.Errorf("%d statements for %d store calls: %q", len(f.calls), want, f.names())
	}
	for _, c := range f.calls {
		if c.mode != readAccess || c.inTx {
			t.Errorf("%s sent as %s (in a transaction: %v), want a read routed to readers", nameOf(c.stmt), c.mode, c.inTx)
		}
	}
	if f.txs != 0 {
		t.Errorf("reads opened %d write transactions", f.txs)
	}
}

// TestSeamWriteRouting checks that migrations and wipes are writes and that a
// seed is one managed write transaction.
func TestSeamWriteRouting(t *testing.T) {
	ctx := context.Background()
	s, f := newFake(t, func(c call) ([]*neo4j.Record, error) {
		if nameOf(c.stmt) == "seed.wipe" {
			return []*neo4j.Record{rec("deleted", int64(0))}, nil
		}
		return nil, nil
	})
	must(t, s.Migrate(ctx))
	if got := f.names(); !slices.Equal(got, migrationNames) {
		t.Errorf("Migrate ran %q, want the migrations in order %q", got, migrationNames)
	}
	must(t, s.Wipe(ctx))
	for _, c := range f.calls {
		if c.mode != writeAccess || c.inTx {
			t.Errorf("%s sent as %s, want a write routed to the leader", nameOf(c.stmt), c.mode)
		}
	}
	if f.txs != 0 {
		t.Errorf("migrate and wipe opened %d explicit transactions", f.txs)
	}

	db := newFakeDB(t)
	s, f = newFake(t, db.respond)
	if _, err := s.Seed(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if f.txs != 1 {
		t.Errorf("Seed opened %d transactions, want 1", f.txs)
	}
	for _, c := range f.calls {
		if !c.inTx || c.mode != writeAccess {
			t.Errorf("seed statement %s ran outside the seed's write transaction", nameOf(c.stmt))
		}
	}
}

// TestSeamOneStatementPerCall checks the round-trip bound: a store call is one
// statement whatever the number of parents, and a nested GraphQL query through
// the real handler costs one statement per level, whatever the number of objects.
func TestSeamOneStatementPerCall(t *testing.T) {
	ctx := context.Background()
	ds := syntheticDataset(t, 3000)
	s, f, _ := openFake(t, ds)
	var parents []string
	for _, m := range ds.Meetings {
		parents = append(parents, m.ID)
	}
	if len(parents) < 100 {
		t.Fatalf("only %d meetings in the synthetic graph", len(parents))
	}
	parents = parents[:100]
	lists, err := s.Related(ctx, parents, domain.TraverseMeetingCommitments)
	must(t, err)
	children := 0
	for _, l := range lists {
		children += len(l)
	}
	if len(f.calls) != 1 || children == 0 {
		t.Fatalf("Related over 100 parents: %d statements (%q), %d children; want 1 statement", len(f.calls), f.names(), children)
	}
	if got := f.calls[0].params["ids"].([]string); !slices.Equal(got, parents) {
		t.Errorf("ids parameter holds %d parents, want the 100", len(got))
	}

	// One level each: the meetings page, their commitments, the makers, the makers' roles.
	const query = `{ meetings(first: 100) { edges { node { commitments { madeBy { ... on Person { roles { title } } } } } } } }`
	want := []string{"list.meetings.DATE_ASC", "nodes", "related.meeting_commitments", "related.person_roles"}
	for _, size := range []int{300, 1500} {
		ds := syntheticDataset(t, size)
		s, f, _ := openFake(t, ds)
		srv := httptest.NewServer(handlerOver(s))
		resp := postGraphQL(t, srv.URL, query)
		srv.Close()
		if len(resp.Errors) > 0 {
			t.Fatalf("size %d: errors %v", size, resp.Errors)
		}
		if !strings.Contains(resp.raw, `"title"`) {
			t.Fatalf("size %d: the query reached no role: %.300s", size, resp.raw)
		}
		got := f.names()
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("size %d: statements %q, want one per level %q", size, got, want)
		}
	}
}

// TestSeamErrors checks that driver errors become coded domain errors whose
// text holds neither the statement nor the server's message, in the store and
// through the GraphQL handler.
func TestSeamErrors(t *testing.T) {
	const secret = "MATCH (n:Secret) WHERE n.password = 'hunter2'"
	cases := []struct {
		name string
		err  error
		msg  string
	}{
		{"syntax", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "Invalid input 'X': expected " + secret}, msgFailed},
		{"transient", &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: secret}, msgFailed},
		{"unauthorized", &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized", Msg: secret}, msgUnavailable},
		{"connectivity", &neo4j.ConnectivityError{Inner: errors.New("dial tcp 10.0.0.7:7687: " + secret)}, msgUnavailable},
		{"usage", &neo4j.UsageError{Message: "driver closed: " + secret}, msgUnavailable},
		{"timeout", fmt.Errorf("%s: %w", secret, context.DeadlineExceeded), msgFailed},
		{"other", errors.New(secret), msgFailed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newFake(t, func(c call) ([]*neo4j.Record, error) { return nil, tc.err })
			_, err := s.Commitments(context.Background(), domain.CommitmentFilter{}, domain.Order{}, domain.PageArgs{First: 3})
			if domain.ErrorCode(err) != domain.EINTERNAL || domain.ErrorMessage(err) != tc.msg {
				t.Errorf("error %v: code %q message %q, want INTERNAL %q", err, domain.ErrorCode(err), domain.ErrorMessage(err), tc.msg)
			}
			if err != nil && (strings.Contains(err.Error(), "Secret") || strings.Contains(err.Error(), "MATCH")) {
				t.Errorf("error text shows the driver's message: %v", err)
			}
			if !errors.Is(err, tc.err) && !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error %v does not wrap the driver's error for logs", err)
			}
			var n4 *neo4j.Neo4jError
			if errors.As(tc.err, &n4) && !strings.Contains(err.Error(), n4.Code) {
				t.Errorf("error %v does not name the server's code", err)
			}

			srv := httptest.NewServer(handlerOver(s))
			defer srv.Close()
			resp := postGraphQL(t, srv.URL, `{ commitments(first: 3) { edges { node { id statement } } } }`)
			if len(resp.Errors) == 0 || resp.Errors[0].Extensions["code"] != domain.EINTERNAL {
				t.Errorf("GraphQL errors %v, want code INTERNAL", resp.Errors)
			}
			for _, leak := range []string{"Secret", "hunter2", "MATCH", "CYPHER", "Neo.", "10.0.0.7"} {
				if strings.Contains(resp.raw, leak) {
					t.Errorf("GraphQL response shows %q: %s", leak, resp.raw)
				}
			}
		})
	}

	// A record of the wrong shape is an INTERNAL error too.
	s, _ := newFake(t, func(c call) ([]*neo4j.Record, error) {
		return []*neo4j.Record{rec("id", "person:x", "node", "not a map")}, nil
	})
	if _, err := s.Nodes(context.Background(), []string{"person:x"}); domain.ErrorCode(err) != domain.EINTERNAL {
		t.Errorf("malformed record: %v", err)
	}
	// Ping maps the driver's connectivity check the same way.
	s, f := newFake(t, nil)
	f.verifyErr = &neo4j.ConnectivityError{Inner: errors.New(secret)}
	if err := s.Ping(context.Background()); domain.ErrorMessage(err) != msgUnavailable || strings.Contains(err.Error(), "Secret") {
		t.Errorf("Ping: %v", err)
	}
}

var skipRE = regexp.MustCompile(`(?i)\bSKIP\b|\bOFFSET\b`)

// TestSeamKeysetPagination pages through every connection under every order,
// one item and two items at a time, and checks that the pages concatenate to the
// whole list, that no statement skips rows by offset, and that each page after
// the first sends the previous cursor's key and ID as parameters.
func TestSeamKeysetPagination(t *testing.T) {
	for _, name := range statementNames() {
		if skipRE.MatchString(statements[name]) {
			t.Errorf("statement %s pages by offset (SKIP)", name)
		}
	}
	ds := storetest.Fixture()
	s, f, _ := openFake(t, ds)
	ctx := context.Background()
	type lister func(o domain.Order, p domain.PageArgs) (ids, cursors []string, next bool, err error)
	listers := map[string]lister{
		"actors": func(o domain.Order, p domain.PageArgs) ([]string, []string, bool, error) {
			pg, err := s.Actors(ctx, domain.ActorFilter{}, o, p)
			return pageIDs(pg, err)
		},
		"meetings": func(o domain.Order, p domain.PageArgs) ([]string, []string, bool, error) {
			pg, err := s.Meetings(ctx, domain.MeetingFilter{}, o, p)
			return pageIDs(pg, err)
		},
		"commitments": func(o domain.Order, p domain.PageArgs) ([]string, []string, bool, error) {
			pg, err := s.Commitments(ctx, domain.CommitmentFilter{}, o, p)
			return pageIDs(pg, err)
		},
		"projects": func(o domain.Order, p domain.PageArgs) ([]string, []string, bool, error) {
			pg, err := s.Projects(ctx, domain.ProjectFilter{}, o, p)
			return pageIDs(pg, err)
		},
		"sources": func(o domain.Order, p domain.PageArgs) ([]string, []string, bool, error) {
			pg, err := s.Sources(ctx, domain.SourceFilter{}, o, p)
			return pageIDs(pg, err)
		},
	}
	for list, spec := range lists {
		for field := range spec.keys {
			for _, desc := range []bool{false, true} {
				o := domain.Order{Field: field, Desc: desc}
				whole, _, _, err := listers[list](o, domain.PageArgs{First: domain.MaxPageSize})
				must(t, err)
				for _, size := range []int{1, 2} {
					var got []string
					after := ""
					for range len(whole) + 1 {
						f.calls = nil
						ids, cursors, next, err := listers[list](o, domain.PageArgs{First: size, After: after})
						must(t, err)
						got = append(got, ids...)
						if after != "" {
							c, err := domain.DecodeCursor(after, o, domain.FilterHash(filterOf(list)))
							must(t, err)
							if p := f.calls[0].params; p["afterId"] != c.ID || !sameKey(p["afterKey"], c.Keys[0]) {
								t.Errorf("%s %s: cursor %+v sent as afterId %v afterKey %v", list, o, c, p["afterId"], p["afterKey"])
							}
						}
						if !next {
							break
						}
						after = cursors[len(cursors)-1]
					}
					if !slices.Equal(got, whole) {
						t.Errorf("%s %s in pages of %d: %q, want %q", list, o, size, got, whole)
					}
				}
			}
		}
	}
}

func filterOf(list string) any {
	switch list {
	case "actors":
		return domain.ActorFilter{}
	case "meetings":
		return domain.MeetingFilter{}
	case "commitments":
		return domain.CommitmentFilter{}
	case "projects":
		return domain.ProjectFilter{}
	}
	return domain.SourceFilter{}
}

func sameKey(param any, key *string) bool {
	switch v := param.(type) {
	case nil:
		return key == nil
	case string:
		return key != nil && v == *key
	case int64:
		return key != nil && fmt.Sprint(v) == *key
	}
	return false
}

func pageIDs[T domain.Node](pg *domain.Page[T], err error) ([]string, []string, bool, error) {
	if err != nil {
		return nil, nil, false, err
	}
	return storeIDs(asNodes(pg.Items)), pg.Cursors, pg.HasNextPage, nil
}

// TestWipeInBatches checks that Wipe repeats its bounded delete until a batch
// deletes nothing, each time as a write.
func TestWipeInBatches(t *testing.T) {
	left := []int64{wipeBatch, wipeBatch, 5, 0}
	s, f := newFake(t, func(c call) ([]*neo4j.Record, error) {
		n := left[0]
		left = left[1:]
		return []*neo4j.Record{rec("deleted", n)}, nil
	})
	must(t, s.Wipe(context.Background()))
	if len(f.calls) != 4 || len(left) != 0 {
		t.Errorf("Wipe ran %d statements, want 4 batches", len(f.calls))
	}
	for _, c := range f.calls {
		if c.mode != writeAccess || c.params["batch"] != int64(wipeBatch) {
			t.Errorf("wipe batch sent as %s with %v", c.mode, c.params)
		}
	}
}
