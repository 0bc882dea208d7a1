package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// writeGraph is a database the write-side fake keeps: it applies the adapter's
// seed and curation statements (seed/*.cypher, write/*.cypher) by interpreting
// their parameters as the Cypher does, keeping nodes, relationships, evidence,
// documents, tombstones and audit entries; it answers the reads the writer
// contract makes (nodes, audit, info) and write.fetch from what it holds, with
// records built from the driver's own types. Transactions are real: a write
// transaction works on a copy that replaces the state only when the work
// returns nil. Any other statement fails the test.
type writeGraph struct {
	t  testing.TB
	mu sync.Mutex // held from the start to the end of a write transaction
	// state is what is committed; tx the copy a transaction changes.
	state, tx *wgState
	// txLog holds the names of the statements of each write transaction.
	txLog [][]string
	// failOn makes the named statement fail with err (driver errors).
	failOn string
	err    error
}

type wgState struct {
	nodes    map[string]*wgNode
	rels     []wgRel
	evidence map[string]*wgEvidence
	docs     map[string]*wgDoc
	tombs    map[string]any // ID → survivor (nil for a deletion)
	audit    []map[string]any
	curation map[string]any // the :Curation node's properties (nil: none)
	version  string
}

type wgNode struct {
	labels []string
	props  map[string]any
}

type wgRel struct {
	typ      string
	from, to string
	props    map[string]any
}

type wgEvidence struct {
	owner, source string
	props         map[string]any
}

type wgDoc struct {
	meeting  string
	props    map[string]any
	relProps map[string]any
}

func (s *wgState) clone() *wgState {
	c := &wgState{nodes: map[string]*wgNode{}, evidence: map[string]*wgEvidence{}, docs: map[string]*wgDoc{},
		tombs: maps.Clone(s.tombs), audit: slices.Clone(s.audit), curation: maps.Clone(s.curation), version: s.version}
	for id, n := range s.nodes {
		c.nodes[id] = &wgNode{labels: slices.Clone(n.labels), props: maps.Clone(n.props)}
	}
	for _, r := range s.rels {
		c.rels = append(c.rels, wgRel{typ: r.typ, from: r.from, to: r.to, props: maps.Clone(r.props)})
	}
	for id, e := range s.evidence {
		c.evidence[id] = &wgEvidence{owner: e.owner, source: e.source, props: maps.Clone(e.props)}
	}
	for id, d := range s.docs {
		c.docs[id] = &wgDoc{meeting: d.meeting, props: maps.Clone(d.props), relProps: maps.Clone(d.relProps)}
	}
	return c
}

// openWriteFake returns a Store over an empty write graph, its runner and the graph.
func openWriteFake(t *testing.T) (*Store, *writeRunner, *writeGraph) {
	g := &writeGraph{t: t, state: &wgState{nodes: map[string]*wgNode{}, evidence: map[string]*wgEvidence{},
		docs: map[string]*wgDoc{}, tombs: map[string]any{}}}
	f := &fakeRunner{t: t, respond: g.respond}
	r := &writeRunner{fakeRunner: f, g: g}
	return &Store{r: r}, r, g
}

// openSeededWriteFake returns a Store over a write graph seeded with ds by the
// adapter's own Seed.
func openSeededWriteFake(t *testing.T, ds *domain.Dataset) (*Store, *writeRunner, *writeGraph) {
	s, r, g := openWriteFake(t)
	if _, err := s.Seed(context.Background(), ds); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	return s, r, g
}

// writeRunner is the fake runner with transactions that commit or roll back.
type writeRunner struct {
	*fakeRunner
	g *writeGraph
}

func (r *writeRunner) writeTx(ctx context.Context, work func(tx txRunner) error) error {
	r.mu.Lock()
	r.txs++
	r.mu.Unlock()
	r.g.mu.Lock()
	defer r.g.mu.Unlock()
	r.g.tx = r.g.state.clone()
	r.g.txLog = append(r.g.txLog, nil)
	err := work(fakeTx{r.fakeRunner})
	if err == nil {
		r.g.state = r.g.tx
	}
	r.g.tx = nil
	return err
}

func (g *writeGraph) respond(c call) ([]*neo4j.Record, error) {
	name := nameOf(c.stmt)
	write := strings.HasPrefix(name, "seed.") || strings.HasPrefix(name, "write.")
	st := g.tx
	if c.inTx {
		g.txLog[len(g.txLog)-1] = append(g.txLog[len(g.txLog)-1], name)
	} else {
		g.mu.Lock()
		defer g.mu.Unlock()
		st = g.state
	}
	switch {
	case write && (!c.inTx || c.mode != writeAccess):
		g.t.Errorf("%s sent outside a write transaction", name)
	case !write && name != "info" && (c.inTx || c.mode != readAccess):
		g.t.Errorf("read %s not routed to readers", name)
	}
	if name == g.failOn {
		return nil, g.err
	}
	str := func(k string) string { s, _ := c.params[k].(string); return s }
	ids, _ := c.params["ids"].([]string)
	switch {
	case name == "seed.curated":
		var out []any
		for _, id := range ids {
			n := st.nodes[id]
			_, tomb := st.tombs[id]
			if tomb || (n != nil && n.props["origin"] == string(domain.OriginCurated)) {
				out = append(out, id)
			}
		}
		return []*neo4j.Record{rec("curated", orEmpty(out))}, nil
	case strings.HasPrefix(name, "seed.nodes."):
		rows := rowsOf(c)
		for _, r := range rows {
			id := r["id"].(string)
			n := st.nodes[id]
			if n == nil {
				n = &wgNode{labels: []string{labelNode}, props: map[string]any{"id": id}}
				st.nodes[id] = n
			}
			if l := strings.TrimPrefix(name, "seed.nodes."); !slices.Contains(n.labels, l) {
				n.labels = append(n.labels, l)
			}
			for k, v := range r["props"].(map[string]any) {
				if v == nil {
					delete(n.props, k)
				} else {
					n.props[k] = v
				}
			}
		}
		return written(len(rows)), nil
	case name == "seed.clear":
		n := 0
		for _, id := range ids {
			if st.nodes[id] != nil {
				n++
				st.dropOwned(id)
			}
		}
		return []*neo4j.Record{rec("cleared", int64(n))}, nil
	case name == "seed.evidence":
		n := 0
		for _, r := range rowsOf(c) {
			owner, source := r["owner"].(string), r["source"].(string)
			if st.nodes[owner] == nil || !st.has(source, label(domain.KindSource)) {
				continue
			}
			props := map[string]any{}
			for _, k := range []string{"quote", "attribution", "speaker", "claim", "position"} {
				if r[k] != nil {
					props[k] = r[k]
				}
			}
			st.evidence[r["id"].(string)] = &wgEvidence{owner: owner, source: source, props: props}
			n++
		}
		return written(n), nil
	case name == "seed.documents":
		n := 0
		for _, r := range rowsOf(c) {
			m := r["meeting"].(string)
			if !st.has(m, label(domain.KindMeeting)) {
				continue
			}
			st.docs[r["id"].(string)] = &wgDoc{meeting: m,
				props:    dropNils(map[string]any{"description": r["description"], "count": r["count"]}),
				relProps: dropNils(map[string]any{"position": r["position"], "evidence": r["evidence"]})}
			n++
		}
		return written(n), nil
	case strings.HasPrefix(name, "seed.rels."):
		typ := strings.TrimPrefix(name, "seed.rels.")
		n := 0
		for _, r := range rowsOf(c) {
			from, to := r["from"].(string), r["to"].(string)
			if st.nodes[from] == nil || st.nodes[to] == nil {
				continue
			}
			props := dropNils(map[string]any{"position": r["position"], "evidence": r["evidence"], "capacity": r["capacity"]})
			i := slices.IndexFunc(st.rels, func(x wgRel) bool {
				return x.typ == typ && x.from == from && x.to == to && x.props["position"] == r["position"]
			})
			if i >= 0 {
				st.rels[i].props = props
			} else {
				st.rels = append(st.rels, wgRel{typ: typ, from: from, to: to, props: props})
			}
			n++
		}
		return written(n), nil
	case name == "seed.dataset":
		st.version = str("version")
		return []*neo4j.Record{rec("version", st.version)}, nil
	case name == "info":
		kv := []any{"version", nullable(st.version)}
		counts := map[string]int64{}
		for _, n := range st.nodes {
			for _, l := range n.labels {
				counts[l]++
			}
		}
		for _, k := range domain.Kinds {
			kv = append(kv, string(k), counts[label(k)])
		}
		return []*neo4j.Record{rec(append(kv, "evidence", int64(len(st.evidence)), "relationships", int64(len(st.rels)))...)}, nil
	case name == "nodes":
		var out []*neo4j.Record
		for _, id := range ids {
			target := id
			if to, ok := st.tombs[id].(string); ok {
				target = to
			}
			if st.nodes[target] != nil {
				out = append(out, rec("id", id, "node", st.projection(target)))
			}
		}
		return out, nil
	case name == "write.fetch":
		return g.fetch(st, c), nil
	case name == "write.delete":
		n := 0
		for _, id := range ids {
			if st.nodes[id] == nil {
				continue
			}
			n++
			st.dropOwned(id) // then DETACH: every relationship left
			st.rels = slices.DeleteFunc(st.rels, func(r wgRel) bool { return r.from == id || r.to == id })
			delete(st.nodes, id)
		}
		return []*neo4j.Record{rec("deleted", int64(n))}, nil
	case name == "write.tombstones":
		rows := rowsOf(c)
		for _, r := range rows {
			st.tombs[r["id"].(string)] = r["survivor"]
		}
		return written(len(rows)), nil
	case name == "write.audit":
		if st.curation == nil {
			return nil, nil // MATCH finds no lock node: no row
		}
		entries := c.params["entries"].([]any)
		w, _ := st.curation["writes"].(int64)
		base, _ := st.curation["entries"].(int64)
		st.curation["writes"], st.curation["entries"] = w+1, base+int64(len(entries))
		delete(st.curation, "locked")
		for i, e := range entries {
			e := e.(map[string]any)
			st.audit = append(st.audit, dropNils(map[string]any{"seq": base + int64(i) + 1, "writeSeq": w + 1,
				"at": c.params["at"], "actor": c.params["actor"], "action": c.params["action"],
				"nodeId": e["nodeId"], "before": e["before"], "after": e["after"]}))
		}
		return written(len(entries)), nil
	case name == "audit":
		node, _ := c.params["nodeId"].(string)
		before, _ := c.params["before"].(int64)
		var out []*neo4j.Record
		for i := len(st.audit) - 1; i >= 0 && int64(len(out)) < c.params["limit"].(int64); i-- {
			a := st.audit[i]
			if (node == "" || a["nodeId"] == node) && (before == 0 || a["seq"].(int64) < before) {
				out = append(out, rec("a", dbtype.Node{ElementId: elementID(), Labels: []string{labelAudit}, Props: a}))
			}
		}
		return out, nil
	}
	g.t.Errorf("write graph: no answer for statement %s", name)
	return nil, fmt.Errorf("write graph: no answer for %s", name)
}

// has reports whether a node with the ID and label exists.
func (s *wgState) has(id, l string) bool {
	n := s.nodes[id]
	return n != nil && slices.Contains(n.labels, l)
}

// dropOwned removes what seed/clear.cypher removes: the record's evidence,
// documents and the relationships it owns.
func (s *wgState) dropOwned(id string) {
	for e, ev := range s.evidence {
		if ev.owner == id {
			delete(s.evidence, e)
		}
	}
	for d, doc := range s.docs {
		if doc.meeting == id {
			delete(s.docs, d)
		}
	}
	s.rels = slices.DeleteFunc(s.rels, func(r wgRel) bool { return s.owner(r) == id })
}

// owner returns the ID of the record owning a relationship.
func (s *wgState) owner(r wgRel) string {
	if slices.Contains(ownedIn, domain.RelType(r.typ)) {
		return r.to
	}
	return r.from
}

// projection builds what fragments/node.cypher returns for a stored node.
func (s *wgState) projection(id string) map[string]any {
	n := s.nodes[id]
	node := dbtype.Node{ElementId: elementID(), Labels: slices.Clone(n.labels), Props: dropNils(n.props)}
	var out, in, signed, evidence []any
	for _, r := range s.rels {
		rel := dbtype.Relationship{ElementId: elementID(), Type: r.typ, Props: dropNils(r.props)}
		switch {
		case r.from == id && slices.Contains(ownedOut, domain.RelType(r.typ)):
			out = append(out, []any{rel, r.to})
		case r.to == id && slices.Contains(ownedIn, domain.RelType(r.typ)):
			in = append(in, []any{rel, r.from})
		}
	}
	for _, d := range slices.Sorted(maps.Keys(s.docs)) {
		if doc := s.docs[d]; doc.meeting == id {
			props := maps.Clone(doc.props)
			props["id"] = d
			signed = append(signed, []any{dbtype.Relationship{ElementId: elementID(), Type: relSigned, Props: doc.relProps},
				dbtype.Node{ElementId: elementID(), Labels: []string{labelDocument}, Props: props}})
		}
	}
	for _, e := range slices.Sorted(maps.Keys(s.evidence)) {
		if ev := s.evidence[e]; ev.owner == id {
			props := dropNils(ev.props)
			props["id"] = e
			evidence = append(evidence, []any{dbtype.Node{ElementId: elementID(), Labels: []string{labelEvidence}, Props: props}, ev.source})
		}
	}
	return map[string]any{"node": node, "out": orEmpty(out), "in": orEmpty(in), "signed": orEmpty(signed), "evidence": orEmpty(evidence)}
}

// refersTo reports whether the record n refers to x, as write.fetch's referrers
// subquery matches it.
func (s *wgState) refersTo(n, x string) bool {
	for _, r := range s.rels {
		if s.owner(r) == n && (r.from == x || r.to == x) && r.from != r.to {
			return true
		}
	}
	for _, ev := range s.evidence {
		if ev.owner == n && (ev.source == x || ev.props["speaker"] == x) {
			return true
		}
	}
	return false
}

// fetch answers write.fetch: it takes the lock and reads as the statement does.
func (g *writeGraph) fetch(st *wgState, c call) []*neo4j.Record {
	if st.curation == nil {
		st.curation = map[string]any{"id": "curation"}
	}
	st.curation["locked"] = true
	ids := c.params["ids"].([]string)
	found := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if found[id] || st.nodes[id] == nil {
			return
		}
		found[id] = true
		for _, r := range st.rels {
			if r.typ == string(domain.RelPartOf) && r.from == id {
				walk(r.to)
			}
		}
	}
	for _, id := range ids {
		if st.nodes[id] == nil {
			continue
		}
		walk(id)
		for _, r := range st.rels { // the records it refers to
			switch {
			case st.owner(r) != id:
			case r.from == id:
				found[r.to] = true
			default:
				found[r.from] = true
			}
		}
		for _, ev := range st.evidence {
			if ev.owner != id {
				continue
			}
			found[ev.source] = st.nodes[ev.source] != nil
			if sp, ok := ev.props["speaker"].(string); ok && st.nodes[sp] != nil {
				found[sp] = true
			}
		}
	}
	var nodes []any
	for _, id := range slices.Sorted(maps.Keys(found)) {
		nodes = append(nodes, st.projection(id))
	}
	var tombs []any
	for id, to := range st.tombs {
		if s, ok := to.(string); ok && (slices.Contains(ids, id) || slices.Contains(ids, s)) {
			tombs = append(tombs, map[string]any{"id": id, "survivor": s})
		}
	}
	var referrers []any
	for _, x := range c.params["referred"].([]string) {
		if st.nodes[x] == nil {
			continue
		}
		var records []any
		for _, n := range slices.Sorted(maps.Keys(st.nodes)) {
			if st.refersTo(n, x) {
				records = append(records, st.projection(n))
			}
		}
		if len(records) > 0 {
			referrers = append(referrers, map[string]any{"id": x, "records": records})
		}
	}
	var numbered []any
	for _, sl := range c.params["slots"].([]any) {
		sl := sl.(map[string]any)
		for _, id := range slices.Sorted(maps.Keys(st.nodes)) {
			p := st.nodes[id].props
			if st.has(id, label(domain.KindMeeting)) && p["series"] == sl["series"] && p["sequence"] == sl["sequence"] {
				numbered = append(numbered, map[string]any{"series": sl["series"], "sequence": sl["sequence"], "id": id})
			}
		}
	}
	return []*neo4j.Record{rec("nodes", orEmpty(nodes), "tombstones", orEmpty(tombs), "referrers", orEmpty(referrers), "numbered", orEmpty(numbered))}
}

// snapshot returns the committed state as comparable text.
func (g *writeGraph) snapshot() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	st := g.state
	var b strings.Builder
	for _, id := range slices.Sorted(maps.Keys(st.nodes)) {
		fmt.Fprintf(&b, "node %s %v %v\n", id, st.nodes[id].labels, sortedProps(st.nodes[id].props))
	}
	rels := slices.Clone(st.rels)
	slices.SortFunc(rels, func(a, b wgRel) int {
		return cmp.Or(strings.Compare(a.from, b.from), strings.Compare(a.typ, b.typ), strings.Compare(a.to, b.to),
			cmp.Compare(a.props["position"].(int64), b.props["position"].(int64)))
	})
	for _, r := range rels {
		fmt.Fprintf(&b, "rel %s-%s->%s %v\n", r.from, r.typ, r.to, sortedProps(r.props))
	}
	for _, id := range slices.Sorted(maps.Keys(st.evidence)) {
		e := st.evidence[id]
		fmt.Fprintf(&b, "evidence %s %s %s %v\n", id, e.owner, e.source, sortedProps(e.props))
	}
	for _, id := range slices.Sorted(maps.Keys(st.docs)) {
		fmt.Fprintf(&b, "document %s %s %v\n", id, st.docs[id].meeting, sortedProps(st.docs[id].props))
	}
	fmt.Fprintf(&b, "tombstones %v\naudit %d\n", st.tombs, len(st.audit))
	return b.String()
}

func sortedProps(m map[string]any) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		if t, ok := v.(time.Time); ok {
			v = t.Format(time.RFC3339Nano)
		}
		parts = append(parts, fmt.Sprintf("%s=%v", k, v))
	}
	return strings.Join(parts, " ")
}
