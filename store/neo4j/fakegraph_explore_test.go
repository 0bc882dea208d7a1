package neo4j

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// The fake graph's answers to the explore statements (cypher/explore). Each is
// evaluated here from the statement's parameters over the relationships the
// seed stores (one per domain.Edges edge whose ends exist) and the properties of
// the seeded nodes, as the statement's Cypher reads them, independently of the
// adapter's Go and of the memory store: the contract suite run through the seam
// then checks the adapter's combination of Cypher and shared domain code.

// fakeRel is a stored relationship seen from one of its ends.
type fakeRel struct {
	typ   domain.RelType
	other string
	out   bool // the relationship leaves this end
}

// relationships returns every node's stored relationships, both directions.
func relationships(ds *domain.Dataset) map[string][]fakeRel {
	ids := map[string]bool{}
	for _, n := range ds.Nodes() {
		ids[n.NodeID()] = true
	}
	adj := map[string][]fakeRel{}
	for _, n := range ds.Nodes() {
		for _, e := range domain.Edges(n) {
			if ids[e.From] && ids[e.To] {
				adj[e.From] = append(adj[e.From], fakeRel{typ: e.Type, other: e.To, out: true})
				adj[e.To] = append(adj[e.To], fakeRel{typ: e.Type, other: e.From, out: false})
			}
		}
	}
	return adj
}

// props returns the stored properties of a node.
func (g *fakeGraph) props(id string) map[string]any {
	return g.proj[id]["node"].(dbtype.Node).Props
}

// linked returns the other ends of id's relationships of type t in one direction
// (out: leaving id), in a stable order.
func (g *fakeGraph) linked(id string, t domain.RelType, out bool) []string {
	var ids []string
	for _, r := range g.adj[id] {
		if r.typ == t && r.out == out {
			ids = append(ids, r.other)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// linkedKind is linked restricted to nodes of kind k.
func (g *fakeGraph) linkedKind(id string, t domain.RelType, out bool, k domain.Kind) []string {
	return slices.DeleteFunc(g.linked(id, t, out), func(o string) bool { return g.byID[o].NodeKind() != k })
}

func (g *fakeGraph) explore(name string, params map[string]any) ([]*neo4j.Record, error) {
	switch name {
	case "explore.expand":
		return g.expand(params)
	case "explore.level":
		return g.level(params)
	case "explore.timeline":
		return g.timeline(params)
	case "explore.stats":
		return g.stats(params)
	}
	g.t.Errorf("fake graph: no answer for statement %s", name)
	return nil, fmt.Errorf("fake graph: no answer for %s", name)
}

// strs reads a list parameter of strings; null is nil.
func (g *fakeGraph) strs(params map[string]any, name string) []string {
	v := params[name]
	if v == nil {
		return nil
	}
	xs, ok := v.([]string)
	if !ok {
		g.t.Errorf("fake graph: parameter %s is %T, not a list of strings", name, v)
	}
	return xs
}

// str reads a string parameter; null is "" and ok false.
func (g *fakeGraph) str(params map[string]any, name string) (string, bool) {
	v := params[name]
	if v == nil {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		g.t.Errorf("fake graph: parameter %s is %T, not a string", name, v)
	}
	return s, ok
}

// limit reads the $limit parameter, which must be a positive integer.
func (g *fakeGraph) limit(params map[string]any) int {
	n, ok := params["limit"].(int64)
	if !ok || n < 1 {
		g.t.Errorf("fake graph: limit %v is not a positive integer", params["limit"])
	}
	return int(n)
}

// expand answers explore.expand: per frontier node, its neighbours over the
// allowed types and, with $derived, the HOLDS/AT/MADE/MADE_TO ends of a Role or
// Commitment neighbour; distinct (frontier, node) rows, at most $limit.
func (g *fakeGraph) expand(params map[string]any) ([]*neo4j.Record, error) {
	ids, types := g.strs(params, "ids"), g.strs(params, "types")
	derived, ok := params["derived"].(bool)
	if !ok {
		g.t.Errorf("fake graph: derived is %T", params["derived"])
	}
	limit := g.limit(params)
	var out []*neo4j.Record
	for _, id := range ids {
		if _, ok := g.byID[id]; !ok {
			continue
		}
		var ms, xs []string
		for _, r := range g.adj[id] {
			if slices.Contains(types, string(r.typ)) && !slices.Contains(ms, r.other) {
				ms = append(ms, r.other)
			}
		}
		for _, m := range ms {
			if k := g.byID[m].NodeKind(); !derived || (k != domain.KindRole && k != domain.KindCommitment) {
				continue
			}
			for _, r := range g.adj[m] {
				switch r.typ {
				case domain.RelHolds, domain.RelAt, domain.RelMade, domain.RelMadeTo:
					if !slices.Contains(xs, r.other) {
						xs = append(xs, r.other)
					}
				}
			}
		}
		var reached []string
		for _, n := range slices.Concat(ms, xs) {
			if !slices.Contains(reached, n) {
				reached = append(reached, n)
			}
		}
		for _, n := range reached {
			if len(out) == limit {
				return out, nil
			}
			out = append(out, rec("id", id, "neighbour", n, "kind", int64(slices.Index(domain.Kinds, g.byID[n].NodeKind()))))
		}
	}
	return out, nil
}

// level answers explore.level: the distinct unseen neighbours of the level over
// the allowed types and labels, the $limit smallest IDs, with their records.
func (g *fakeGraph) level(params map[string]any) ([]*neo4j.Record, error) {
	ids, seen, types, labels := g.strs(params, "ids"), g.strs(params, "seen"), g.strs(params, "types"), g.strs(params, "labels")
	limit := g.limit(params)
	var found []string
	for _, id := range ids {
		for _, r := range g.adj[id] {
			n := r.other
			if !slices.Contains(types, string(r.typ)) || slices.Contains(seen, n) || slices.Contains(found, n) {
				continue
			}
			if labels != nil && !slices.Contains(labels, label(g.byID[n].NodeKind())) && !slices.Contains(labels, labelNode) {
				continue
			}
			found = append(found, n)
		}
	}
	slices.Sort(found)
	var out []*neo4j.Record
	for _, n := range found[:min(limit, len(found))] {
		out = append(out, rec("id", n, "node", g.proj[n]))
	}
	return out, nil
}

// fakeEvent is one row of explore.timeline before ordering.
type fakeEvent struct {
	id, kind             string
	kindRank             int
	value, start, end    any
	person, organization any
}

// timeline answers explore.timeline from the stored relationships and date
// properties: selection by actor and series, the date range, the order and the limit.
func (g *fakeGraph) timeline(params map[string]any) ([]*neo4j.Record, error) {
	actor, byActor := g.str(params, "actorId")
	series, bySeries := g.str(params, "series")
	from, hasFrom := g.str(params, "from")
	to, hasTo := g.str(params, "to")
	limit := g.limit(params)
	linkedTo := func(id string, t domain.RelType, out bool) bool {
		return slices.Contains(g.linked(id, t, out), actor)
	}
	nameOf := func(ids []string) any {
		if len(ids) == 0 {
			return nil
		}
		return g.props(ids[0])["name"]
	}
	var evs []fakeEvent
	add := func(id, kind string, rank int, prop string, person, org any) {
		p := g.props(id)
		evs = append(evs, fakeEvent{id: id, kind: kind, kindRank: rank, value: p[prop], start: p[prop+"Start"], end: p[prop+"End"], person: person, organization: org})
	}
	for _, n := range g.ds.Nodes() {
		id := n.NodeID()
		p := g.props(id)
		switch n.NodeKind() {
		case domain.KindMeeting:
			if (!byActor || linkedTo(id, domain.RelMeetingOf, true) || linkedTo(id, domain.RelOrganized, false) || linkedTo(id, domain.RelParticipatedIn, false)) &&
				(!bySeries || p["series"] == series) {
				add(id, "MEETING", 0, "date", nil, nil)
			}
		case domain.KindCommitment:
			inSeries := slices.ContainsFunc(g.linkedKind(id, domain.RelMadeAt, true, domain.KindMeeting), func(m string) bool { return g.props(m)["series"] == series })
			if (!byActor || linkedTo(id, domain.RelMade, false) || linkedTo(id, domain.RelMadeTo, true)) && (!bySeries || inSeries) {
				add(id, "COMMITMENT", 1, "date", nil, nil)
			}
		case domain.KindRole:
			if bySeries || (byActor && !linkedTo(id, domain.RelHolds, false) && !linkedTo(id, domain.RelAt, true)) {
				continue
			}
			person, org := nameOf(g.linked(id, domain.RelHolds, false)), nameOf(g.linked(id, domain.RelAt, true))
			add(id, "ROLE_START", 2, "validFrom", person, org)
			if p["validTo"] != nil || p["validToText"] != nil {
				add(id, "ROLE_END", 3, "validTo", person, org)
			}
		case domain.KindFigure:
			if !bySeries && (!byActor || linkedTo(id, domain.RelStated, false)) {
				add(id, "FIGURE", 4, "asOf", nil, nil)
			}
		}
	}
	evs = slices.DeleteFunc(evs, func(e fakeEvent) bool {
		if !hasFrom && !hasTo {
			return false
		}
		return e.start == nil || (hasFrom && e.end.(string) < from) || (hasTo && e.start.(string) > to)
	})
	precision := func(v any) int {
		s, _ := v.(string)
		switch len(s) {
		case 10:
			return 0
		case 7:
			return 1
		case 4:
			return 2
		}
		return 3
	}
	slices.SortFunc(evs, func(a, b fakeEvent) int {
		if (a.start == nil) != (b.start == nil) {
			if a.start == nil {
				return 1
			}
			return -1
		}
		as, _ := a.start.(string)
		bs, _ := b.start.(string)
		return cmp.Or(strings.Compare(as, bs), cmp.Compare(precision(a.value), precision(b.value)),
			strings.Compare(a.id, b.id), cmp.Compare(a.kindRank, b.kindRank))
	})
	var out []*neo4j.Record
	for _, e := range evs[:min(limit, len(evs))] {
		out = append(out, rec("kind", e.kind, "person", e.person, "organization", e.organization, "node", g.proj[e.id]))
	}
	return out, nil
}

// stats answers explore.stats: the commitments the filter parameters select
// (as filters/commitments.cypher, through filterPredicate), grouped by $group
// along the stored relationships, with counts and amounts, in no particular order.
func (g *fakeGraph) stats(params map[string]any) ([]*neo4j.Record, error) {
	group, _ := g.str(params, "group")
	var preds []func(domain.Node) bool
	for p, v := range params {
		if p == "group" || v == nil {
			continue
		}
		pred, ok := g.filterPredicate("commitments", p, v)
		if !ok {
			g.t.Errorf("fake graph: explore.stats: filter parameter %s = %v is not emulated", p, v)
			return nil, fmt.Errorf("fake graph: unsupported parameter %s", p)
		}
		preds = append(preds, pred)
	}
	type groupKey struct{ key, label string }
	counts := map[groupKey]int64{}
	amounts := map[groupKey][]any{}
	for _, n := range g.ds.Nodes() {
		if n.NodeKind() != domain.KindCommitment || slices.ContainsFunc(preds, func(p func(domain.Node) bool) bool { return !p(n) }) {
			continue
		}
		id := n.NodeID()
		p := g.props(id)
		var pairs [][2]any
		nodePairs := func(ids []string, prop string) {
			for _, k := range ids {
				pairs = append(pairs, [2]any{k, g.props(k)[prop]})
			}
		}
		concerned := func(k domain.Kind) []string { return g.linkedKind(id, domain.RelConcerns, true, k) }
		pillarsOf := func(projects []string) (out []string) {
			for _, pr := range projects {
				out = append(out, g.linkedKind(pr, domain.RelInPillar, true, domain.KindPillar)...)
			}
			return out
		}
		programmesOf := func(ids []string, t domain.RelType) (out []string) {
			for _, x := range ids {
				out = append(out, g.linkedKind(x, t, true, domain.KindProgramme)...)
			}
			return out
		}
		switch group {
		case "PILLAR":
			nodePairs(concerned(domain.KindPillar), "name")
			nodePairs(pillarsOf(concerned(domain.KindProject)), "name")
		case "PROGRAMME":
			nodePairs(concerned(domain.KindProgramme), "name")
			nodePairs(programmesOf(concerned(domain.KindPillar), domain.RelPillarOf), "name")
			nodePairs(programmesOf(concerned(domain.KindProject), domain.RelInProgramme), "name")
			nodePairs(programmesOf(pillarsOf(concerned(domain.KindProject)), domain.RelPillarOf), "name")
		case "MEETING":
			nodePairs(g.linkedKind(id, domain.RelMadeAt, true, domain.KindMeeting), "title")
		case "SERIES":
			for _, m := range g.linkedKind(id, domain.RelMadeAt, true, domain.KindMeeting) {
				pairs = append(pairs, [2]any{g.props(m)["series"], g.props(m)["series"]})
			}
		case "ACTOR":
			nodePairs(g.linked(id, domain.RelMade, false), "name")
		case "KIND", "STATUS":
			v := p[strings.ToLower(group)]
			pairs = append(pairs, [2]any{v, v})
		case "YEAR":
			if d, ok := p["date"].(string); ok {
				pairs = append(pairs, [2]any{d[:4], d[:4]})
			}
		default:
			g.t.Errorf("fake graph: explore.stats: group %q", group)
		}
		var keys []groupKey
		for _, pr := range pairs {
			k, _ := pr[0].(string)
			l, _ := pr[1].(string)
			if k != "" && !slices.Contains(keys, groupKey{k, l}) {
				keys = append(keys, groupKey{k, l})
			}
		}
		if len(keys) == 0 {
			keys = []groupKey{{"", ""}}
		}
		for _, k := range keys {
			counts[k]++
			if _, ok := amounts[k]; !ok {
				amounts[k] = []any{}
			}
			if p["amountValue"] != nil {
				amounts[k] = append(amounts[k], []any{p["amountCurrency"], p["amountValue"], p["amountMaxValue"], p["amountApproximate"]})
			}
		}
	}
	var out []*neo4j.Record
	for k, c := range counts {
		out = append(out, rec("key", k.key, "label", k.label, "commitments", c, "amounts", amounts[k]))
	}
	return out, nil
}
