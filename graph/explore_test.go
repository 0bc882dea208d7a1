package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/memory"
	"github.com/corridor-kg/corridor/store/storetest"
)

// The exploration fields are thin translations of domain.Explorer (whose answers
// the contract suite store/storetest checks): these tests check the translation —
// arguments reach the explorer, answers come back whole and in order, errors keep
// their code and name the GraphQL argument.

type gqlNode struct {
	ID       string `json:"id"`
	NodeKind string `json:"nodeKind"`
	Label    string `json:"label"`
}

type gqlEdge struct {
	ID         string  `json:"id"`
	Type       string  `json:"type"`
	Direction  string  `json:"direction"`
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	SourceNode gqlNode `json:"sourceNode"`
	TargetNode gqlNode `json:"targetNode"`
	Label      string  `json:"label"`
	Evidence   []struct {
		Quote  string `json:"quote"`
		Source struct{ ID string }
	} `json:"evidence"`
}

type gqlPath struct {
	Length int       `json:"length"`
	Nodes  []gqlNode `json:"nodes"`
	Edges  []gqlEdge `json:"edges"`
}

const pathFields = `length nodes { id nodeKind label } edges { id type direction source target sourceNode { id } targetNode { id } label evidence { quote source { id } } }`

// gqlPathString renders a GraphQL path as storetest renders domain paths.
func gqlPathString(p gqlPath) string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			e := p.Edges[i-1]
			if e.Direction == "FORWARD" {
				fmt.Fprintf(&b, " -%s-> ", e.Type)
			} else {
				fmt.Fprintf(&b, " <-%s- ", e.Type)
			}
		}
		b.WriteString(n.ID)
	}
	return b.String()
}

func TestPaths(t *testing.T) {
	store := fixtureStore(t)
	srv := mustServe(t, store.Ports(), quietConfig())
	var got struct{ Paths []gqlPath }
	post(t, srv, `{ paths(from: "person:anusha-rehman", to: "org:moit", maxHops: 2, throughHubs: true) { `+pathFields+` } }`, nil).decode(t, &got)
	var strs []string
	for _, p := range got.Paths {
		strs = append(strs, gqlPathString(p))
	}
	want := []string{
		"person:anusha-rehman -HOLDS_ROLE_AT-> org:moit",
		"person:anusha-rehman -NATIONAL_OF-> country:pakistan <-IN_COUNTRY- org:moit",
		"person:anusha-rehman -HOLDS_ROLE_AT-> org:pseb -PART_OF-> org:moit",
	}
	if !slices.Equal(strs, want) {
		t.Fatalf("paths = %q, want %q", strs, want)
	}
	hop := got.Paths[0].Edges[0]
	if hop.ID != "person:anusha-rehman|HOLDS_ROLE_AT|org:moit|role:anusha-minister" || hop.Label != "Minister of State for IT" ||
		hop.Source != "person:anusha-rehman" || hop.Target != "org:moit" || hop.SourceNode.ID != hop.Source || hop.TargetNode.ID != hop.Target ||
		len(hop.Evidence) != 1 || hop.Evidence[0].Quote != "Minister of State for IT" || hop.Evidence[0].Source.ID == "" {
		t.Errorf("HOLDS_ROLE_AT hop = %+v", hop)
	}
	if p := got.Paths[0]; p.Length != 1 || p.Nodes[0].NodeKind != "PERSON" || p.Nodes[0].Label == "" {
		t.Errorf("first path = %+v", p)
	}
	// Against the edge: the path goes moit→pakistan, the edge moit→pakistan's
	// reverse; source and target stay the edge's own, the label is its type in words.
	back := got.Paths[1].Edges[1]
	if back.Direction != "BACKWARD" || back.Source != "org:moit" || back.Target != "country:pakistan" ||
		back.ID != "org:moit|IN_COUNTRY|country:pakistan" || back.Label != "in country" {
		t.Errorf("backward hop = %+v", back)
	}

	// Every argument reaches the explorer: the answers equal its own.
	e := store.Ports().Explorer
	for _, c := range []struct {
		args string
		q    domain.PathQuery
	}{
		{`from: "person:anusha-rehman", to: "org:moit"`, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit"}},
		{`from: "person:anusha-rehman", to: "org:moit", maxHops: 3, first: 2`, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", MaxHops: 3, First: 2}},
		{`from: "person:anusha-rehman", to: "org:moit", avoid: ["role:anusha-minister"]`, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", Avoid: []string{"role:anusha-minister"}}},
		{`from: "person:anusha-rehman", to: "org:moit", via: [HOLDS, AT, PART_OF], maxHops: 3`, domain.PathQuery{From: "person:anusha-rehman", To: "org:moit", Via: []domain.RelType{domain.RelHolds, domain.RelAt, domain.RelPartOf}, MaxHops: 3}},
		{`from: "country:china", to: "org:pseb", throughHubs: true, first: 20, maxHops: 4`, domain.PathQuery{From: "country:china", To: "org:pseb", ThroughHubs: true, First: 20, MaxHops: 4}},
	} {
		var got struct{ Paths []gqlPath }
		post(t, srv, `{ paths(`+c.args+`) { `+pathFields+` } }`, nil).decode(t, &got)
		ps, err := e.Paths(context.Background(), c.q)
		if err != nil {
			t.Fatalf("Paths(%+v): %v", c.q, err)
		}
		var gs, ws []string
		for _, p := range got.Paths {
			gs = append(gs, gqlPathString(p))
		}
		for _, p := range ps {
			ws = append(ws, p.String())
		}
		if !slices.Equal(gs, ws) || len(ws) == 0 {
			t.Errorf("paths(%s) = %q, explorer %q", c.args, gs, ws)
		}
	}
}

func TestNeighborhood(t *testing.T) {
	// Room for limit 2000 with a full selection (TestExploreComplexity checks the cost).
	cfg := quietConfig()
	cfg.MaxComplexity = 1_000_000
	srv := mustServe(t, fixtureStore(t).Ports(), cfg)
	type subgraph struct {
		Nodes     []gqlNode
		Edges     []gqlEdge
		Truncated bool
	}
	get := func(args string) subgraph {
		t.Helper()
		var got struct{ Neighborhood subgraph }
		post(t, srv, `{ neighborhood(`+args+`) { nodes { id nodeKind label } edges { id type source target sourceNode { id } targetNode { id } label evidence { quote } } truncated } }`, nil).decode(t, &got)
		return got.Neighborhood
	}
	ids := func(g subgraph) (ns, es []string) {
		for _, n := range g.Nodes {
			ns = append(ns, n.ID)
		}
		for _, e := range g.Edges {
			es = append(es, e.ID)
		}
		return ns, es
	}
	all := []string{"org:pseb", "commitment:c02", "commitment:c09", "commitment:c12", "country:pakistan",
		"meeting:it-roundtable", "org:moit", "project:pseb-tower", "role:anusha-board"}
	g := get(`id: "org:pseb"`)
	ns, es := ids(g)
	if !slices.Equal(ns, all) || g.Truncated || len(es) != 13 {
		t.Errorf("pseb = %q %q (truncated %v), want %q and 13 edges", ns, es, g.Truncated, all)
	}
	inNodes := map[string]bool{}
	for _, n := range g.Nodes {
		inNodes[n.ID] = true
		if n.NodeKind == "" || n.Label == "" {
			t.Errorf("node %+v lacks a kind or label", n)
		}
	}
	for _, e := range g.Edges {
		if !inNodes[e.Source] || !inNodes[e.Target] || e.SourceNode.ID != e.Source || e.TargetNode.ID != e.Target ||
			e.ID != e.Source+"|"+e.Type+"|"+e.Target || e.Label == "" || len(e.Evidence) == 0 {
			t.Errorf("edge %+v is not ready for a visualisation", e)
		}
	}
	if g := get(`id: "org:pseb", limit: 4`); len(g.Nodes) != 4 || !g.Truncated {
		t.Errorf("limit 4: %d nodes, truncated %v; want 4, truncated", len(g.Nodes), g.Truncated)
	}
	if ns, _ := ids(get(`id: "org:pseb", relationTypes: [MADE]`)); !slices.Equal(ns, []string{"org:pseb", "commitment:c02", "commitment:c12"}) {
		t.Errorf("relationTypes MADE: %q", ns)
	}
	if ns, _ := ids(get(`id: "org:pseb", kinds: [COMMITMENT]`)); !slices.Equal(ns, []string{"org:pseb", "commitment:c02", "commitment:c09", "commitment:c12"}) {
		t.Errorf("kinds COMMITMENT: %q", ns)
	}
	if g := get(`id: "org:pseb", depth: 2, limit: 2000`); len(g.Nodes) <= len(all) {
		t.Errorf("depth 2: %d nodes, want more than depth 1's %d", len(g.Nodes), len(all))
	}
}

func TestTimeline(t *testing.T) {
	store := fixtureStore(t)
	srv := mustServe(t, store.Ports(), quietConfig())
	type event struct {
		Date struct {
			Value     *string
			Precision string
			Text      *string
		}
		Kind  string
		Node  gqlNode
		Label string
	}
	get := func(args string) []event {
		t.Helper()
		var got struct{ Timeline []event }
		post(t, srv, `{ timeline`+args+` { date { value precision text } kind node { id nodeKind label } label } }`, nil).decode(t, &got)
		return got.Timeline
	}
	str := func(evs []event) []string {
		var out []string
		for _, e := range evs {
			v := "-"
			if e.Date.Value != nil {
				v = *e.Date.Value
			}
			if e.Date.Text != nil {
				v += *e.Date.Text
			}
			out = append(out, v+" "+e.Kind+" "+e.Node.ID)
		}
		return out
	}
	evs := get(`(actor: "person:anusha-rehman")`)
	want := []string{
		"2013-06 ROLE_START role:anusha-minister",
		"2016 FIGURE figure:it-exports",
		"2018-05-31 ROLE_END role:anusha-minister",
		"- COMMITMENT commitment:c08",
		"-on Tuesday MEETING meeting:it-roundtable",
		"- ROLE_START role:anusha-board",
	}
	if got := str(evs); !slices.Equal(got, want) {
		t.Errorf("anusha timeline = %q, want %q", got, want)
	}
	for _, e := range evs {
		if e.Date.Value == nil && e.Date.Precision != "UNKNOWN" || e.Date.Value != nil && e.Date.Precision == "UNKNOWN" || e.Label == "" {
			t.Errorf("event %+v: date and precision disagree, or no label", e)
		}
	}
	if evs[0].Date.Precision != "MONTH" || evs[1].Date.Precision != "YEAR" || evs[2].Date.Precision != "DAY" {
		t.Errorf("precisions %s %s %s, want MONTH YEAR DAY", evs[0].Date.Precision, evs[1].Date.Precision, evs[2].Date.Precision)
	}
	// Every argument reaches the explorer.
	e := store.Ports().Explorer
	ptr := func(s string) *string { return &s }
	for _, c := range []struct {
		args string
		q    domain.TimelineQuery
	}{
		{``, domain.TimelineQuery{}},
		{`(series: "JCC")`, domain.TimelineQuery{Series: ptr("JCC")}},
		{`(series: "JCC", actor: "country:china")`, domain.TimelineQuery{Series: ptr("JCC"), ActorID: ptr("country:china")}},
		{`(from: "2014-01-01", to: "2019-12-31")`, domain.TimelineQuery{From: ptr("2014-01-01"), To: ptr("2019-12-31")}},
		{`(actor: "org:moit", first: 3)`, domain.TimelineQuery{ActorID: ptr("org:moit"), First: 3}},
	} {
		evs, err := e.Timeline(context.Background(), c.q)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, ev := range evs {
			v := ev.Date.Value
			if v == "" {
				v = "-"
			}
			want = append(want, v+ev.Date.Text+" "+string(ev.Kind)+" "+ev.Node.NodeID())
		}
		if got := str(get(c.args)); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("timeline%s = %q, explorer %q", c.args, got, want)
		}
	}
}

func TestCommitmentStats(t *testing.T) {
	store := fixtureStore(t)
	srv := mustServe(t, store.Ports(), quietConfig())
	e := store.Ports().Explorer
	type group struct {
		Key     *string
		Label   *string
		Node    *gqlNode
		Count   int
		Amounts []domain.AmountSum
	}
	for _, g := range domain.CommitmentGroups {
		for _, filter := range []string{"", `, filter: {status: [AGREED, PROPOSED]}`} {
			var got struct{ CommitmentStats []group }
			post(t, srv, `{ commitmentStats(groupBy: `+string(g)+filter+`) { key label node { id nodeKind label } count amounts { currency min max approximate ranged count } } }`, nil).decode(t, &got)
			f := domain.CommitmentFilter{}
			if filter != "" {
				f.Statuses = []domain.CommitmentStatus{domain.StatusAgreed, domain.StatusProposed}
			}
			want, err := e.CommitmentStats(context.Background(), g, f, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.CommitmentStats) != len(want) || len(want) == 0 {
				t.Fatalf("commitmentStats(%s%s): %d groups, explorer %d", g, filter, len(got.CommitmentStats), len(want))
			}
			for i, w := range want {
				gg := got.CommitmentStats[i]
				key, label := "", ""
				if gg.Key != nil {
					key = *gg.Key
				}
				if gg.Label != nil {
					label = *gg.Label
				}
				if key != w.Key || label != w.Label || gg.Count != w.Count || !slices.Equal(gg.Amounts, w.Amounts) {
					t.Errorf("commitmentStats(%s%s)[%d] = %+v, explorer %+v", g, filter, i, gg, w)
				}
				if (gg.Key == nil) != (w.Key == "") {
					t.Errorf("commitmentStats(%s)[%d]: key %v for %q; the empty key must be null", g, i, gg.Key, w.Key)
				}
				nodeGroup := g == domain.GroupPillar || g == domain.GroupProgramme || g == domain.GroupMeeting || g == domain.GroupActor
				if hasNode := gg.Node != nil; hasNode != (nodeGroup && w.Key != "") || hasNode && gg.Node.ID != w.Key {
					t.Errorf("commitmentStats(%s)[%d] (key %q): node %+v", g, i, w.Key, gg.Node)
				}
			}
		}
	}
}

// comparisonStrings renders a comparison as "new …", "reaffirmed after>before", "dropped …".
func comparisonStrings(c *domain.MeetingComparison) []string {
	out := []string{"before " + c.A.ID, "after " + c.B.ID}
	for _, m := range c.New {
		out = append(out, "new "+m.After.ID)
	}
	for _, m := range c.Reaffirmed {
		out = append(out, "reaffirmed "+m.After.ID+">"+m.Before.ID)
	}
	for _, m := range c.Dropped {
		out = append(out, "dropped "+m.Before.ID)
	}
	return out
}

type gqlComparison struct {
	Before     struct{ ID string }
	After      struct{ ID string }
	New        []struct{ ID string }
	Reaffirmed []struct {
		Commitment struct{ ID string }
		Reaffirms  struct{ ID string }
	}
	NoLongerMentioned []struct{ ID string }
}

const comparisonFields = `before { id } after { id } new { id } reaffirmed { commitment { id } reaffirms { id } } noLongerMentioned { id }`

func (c *gqlComparison) strings() []string {
	if c == nil {
		return nil
	}
	out := []string{"before " + c.Before.ID, "after " + c.After.ID}
	for _, m := range c.New {
		out = append(out, "new "+m.ID)
	}
	for _, m := range c.Reaffirmed {
		out = append(out, "reaffirmed "+m.Commitment.ID+">"+m.Reaffirms.ID)
	}
	for _, m := range c.NoLongerMentioned {
		out = append(out, "dropped "+m.ID)
	}
	return out
}

func TestMeetingComparison(t *testing.T) {
	store, err := memory.New(storetest.SeriesFixture())
	if err != nil {
		t.Fatal(err)
	}
	srv := mustServe(t, store.Ports(), quietConfig())
	e := store.Ports().Explorer

	var got struct{ CompareMeetings gqlComparison }
	post(t, srv, `{ compareMeetings(a: "meeting:tds-1", b: "meeting:tds-2") { `+comparisonFields+` } }`, nil).decode(t, &got)
	want := []string{"before meeting:tds-1", "after meeting:tds-2", "new commitment:b2",
		"reaffirmed commitment:b1>commitment:a1", "reaffirmed commitment:b3>commitment:a3", "reaffirmed commitment:b4>commitment:a1",
		"dropped commitment:a2"}
	if s := got.CompareMeetings.strings(); !slices.Equal(s, want) {
		t.Errorf("compareMeetings(tds-1, tds-2) = %q, want %q", s, want)
	}

	// Meeting.changesSincePrevious, for every meeting in one query, equals the
	// explorer's ChangesSincePrevious (null without a previous meeting).
	var list struct {
		Meetings struct {
			Nodes []struct {
				ID                   string
				ChangesSincePrevious *gqlComparison
			}
		}
	}
	post(t, srv, `{ meetings(first: 100) { nodes { id changesSincePrevious { `+comparisonFields+` } } } }`, nil).decode(t, &list)
	compared := 0
	for _, m := range list.Meetings.Nodes {
		c, err := e.ChangesSincePrevious(context.Background(), m.ID)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		if c != nil {
			want = comparisonStrings(c)
			compared++
		}
		if got := m.ChangesSincePrevious.strings(); !slices.Equal(got, want) {
			t.Errorf("%s.changesSincePrevious = %q, explorer %q", m.ID, got, want)
		}
	}
	if compared < 2 {
		t.Errorf("only %d meetings had a previous one: the fixture does not exercise changesSincePrevious", compared)
	}
}

func TestExploreErrors(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	for _, c := range []struct {
		query, code, field string
	}{
		{`{ paths(from: "person:nobody", to: "org:moit") { length } }`, domain.ENOTFOUND, "from"},
		{`{ paths(from: "org:moit", to: "org:nowhere") { length } }`, domain.ENOTFOUND, "to"},
		{`{ paths(from: "org:moit", to: "org:pseb", avoid: ["org:ghost"]) { length } }`, domain.ENOTFOUND, "avoid"},
		{`{ paths(from: "org:moit", to: "org:pseb", maxHops: 7) { length } }`, domain.EINVALID, "maxHops"},
		{`{ paths(from: "org:moit", to: "org:pseb", maxHops: 0) { length } }`, domain.EINVALID, "maxHops"},
		{`{ paths(from: "org:moit", to: "org:pseb", first: 21) { length } }`, domain.EINVALID, "first"},
		{`{ paths(from: "org:moit", to: "org:pseb", first: -1) { length } }`, domain.EINVALID, "first"},
		{`{ paths(from: "org:moit", to: "org:pseb", avoid: ["org:pseb"]) { length } }`, domain.EINVALID, "avoid"},
		{`{ paths(from: "org:moit", to: "org:pseb", via: [FRIEND_OF]) { length } }`, domain.EINVALID, ""},
		{`{ neighborhood(id: "org:ghost") { truncated } }`, domain.ENOTFOUND, "id"},
		{`{ neighborhood(id: "org:pseb", depth: 4) { truncated } }`, domain.EINVALID, "depth"},
		{`{ neighborhood(id: "org:pseb", limit: 0) { truncated } }`, domain.EINVALID, "limit"},
		{`{ neighborhood(id: "org:pseb", limit: 2001) { truncated } }`, domain.EINVALID, "limit"},
		{`{ neighborhood(id: "org:pseb", relationTypes: [COMMITTED_TO]) { truncated } }`, domain.EINVALID, "relationTypes"},
		{`{ timeline(actor: "person:ghost") { kind } }`, domain.ENOTFOUND, "actor"},
		{`{ timeline(actor: "meeting:jcc-10") { kind } }`, domain.EINVALID, "actor"},
		{`{ timeline(from: "2020-02-30") { kind } }`, domain.EINVALID, "from"},
		{`{ timeline(first: 1001) { kind } }`, domain.EINVALID, "first"},
		{`{ timeline(first: 0) { kind } }`, domain.EINVALID, "first"},
		{`{ commitmentStats(groupBy: KIND, filter: {to: "2020-1-1"}) { count } }`, domain.EINVALID, "filter.to"},
		{`{ compareMeetings(a: "meeting:jcc-1", b: "meeting:nope") { new { id } } }`, domain.ENOTFOUND, "b"},
		{`{ compareMeetings(a: "org:moit", b: "meeting:jcc-1") { new { id } } }`, domain.EINVALID, "a"},
	} {
		r := post(t, srv, c.query, nil)
		if r.code() != c.code {
			t.Errorf("%s: code %q, want %q (errors %+v)", c.query, r.code(), c.code, r.Errors)
			continue
		}
		if f, _ := r.Errors[0].Extensions["field"].(string); c.field != "" && f != c.field {
			t.Errorf("%s: field %q, want %q", c.query, f, c.field)
		}
		// Every root field here is non-null, so an error nulls the whole answer.
		if string(r.Data) != "null" {
			t.Errorf("%s: data %s, want null", c.query, r.Data)
		}
	}
}

func TestExploreWithoutExplorer(t *testing.T) {
	// The store explores, but the handler is given no Explorer.
	srv := mustServe(t, domain.Ports{Store: fixtureStore(t)}, quietConfig())
	for _, q := range []string{
		`{ paths(from: "org:moit", to: "org:pseb") { length } }`,
		`{ neighborhood(id: "org:pseb") { truncated } }`,
		`{ timeline { kind } }`,
		`{ commitmentStats(groupBy: KIND) { count } }`,
		`{ compareMeetings(a: "meeting:jcc-1", b: "meeting:jcc-2") { new { id } } }`,
	} {
		r := post(t, srv, q, nil)
		if r.code() != domain.EINTERNAL || !strings.Contains(r.Errors[0].Message, "does not support exploration") {
			t.Errorf("%s without an explorer: %+v, want INTERNAL saying exploration is not supported", q, r.Errors)
		}
	}
	// Fields that need no explorer still work over such a store.
	var got struct {
		Meetings struct{ Nodes []json.RawMessage }
	}
	post(t, srv, `{ meetings(first: 5) { nodes { id changesSincePrevious { new { id } } } } }`, nil).decode(t, &got)
	if len(got.Meetings.Nodes) == 0 {
		t.Error("no meetings over the store without an explorer")
	}
}

func TestExploreComplexity(t *testing.T) {
	srv := mustServe(t, fixtureStore(t).Ports(), quietConfig())
	const sel = `{ nodes { id label nodeKind } edges { id source target label evidence { quote source { title } } } truncated }`
	if r := post(t, srv, `{ neighborhood(id: "org:pseb", limit: 10) `+sel+` }`, nil); len(r.Errors) > 0 {
		t.Errorf("limit 10: %+v", r.Errors)
	}
	if r := post(t, srv, `{ neighborhood(id: "org:pseb", limit: 2000) `+sel+` }`, nil); r.code() != domain.ECOMPLEXITY {
		t.Errorf("limit 2000: code %q, want %s (the selection counts limit times)", r.code(), domain.ECOMPLEXITY)
	}
	const psel = `{ nodes { id label } edges { id type label evidence { quote source { title } } } }`
	four := func(args string) string {
		var b strings.Builder
		for _, a := range []string{"a", "b", "c", "d"} {
			b.WriteString(a + `: paths(from: "org:moit", to: "org:pseb"` + args + `) ` + psel + ` `)
		}
		return "{ " + b.String() + "}"
	}
	if r := post(t, srv, four(""), nil); len(r.Errors) > 0 {
		t.Errorf("four paths fields with the defaults: %+v", r.Errors)
	}
	if r := post(t, srv, four(", first: 20, maxHops: 6"), nil); r.code() != domain.ECOMPLEXITY {
		t.Errorf("four paths fields at their maximum: code %q, want %s", r.code(), domain.ECOMPLEXITY)
	}
}

// TestCommitmentStatsFirst: first keeps the largest groups; out of range is
// BAD_USER_INPUT naming it.
func TestCommitmentStatsFirst(t *testing.T) {
	h := NewHandler(fixtureStore(t).Ports(), quietConfig())
	var all, top struct{ CommitmentStats []struct{ Key string } }
	as(t, h, "", `{ commitmentStats(groupBy: KIND) { key } }`, nil).decode(t, &all)
	as(t, h, "", `{ commitmentStats(groupBy: KIND, first: 2) { key } }`, nil).decode(t, &top)
	if len(all.CommitmentStats) < 3 || len(top.CommitmentStats) != 2 ||
		top.CommitmentStats[0] != all.CommitmentStats[0] || top.CommitmentStats[1] != all.CommitmentStats[1] {
		t.Errorf("first 2 = %v, all = %v", top.CommitmentStats, all.CommitmentStats)
	}
	for _, first := range []int{0, domain.MaxStatGroups + 1} {
		r := as(t, h, "", `query($n: Int) { commitmentStats(groupBy: KIND, first: $n) { key } }`, map[string]any{"n": first})
		if r.code() != domain.EINVALID || r.Errors[0].Extensions["field"] != "first" {
			t.Errorf("first %d: %+v", first, r.Errors)
		}
	}
}
