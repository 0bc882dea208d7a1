package memory

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// index is an immutable snapshot of the whole graph with every lookup structure the
// store's reads need. A write (a later addition) builds a new index and swaps it in.
type index struct {
	// rev is the revision under which the index was published (Store.publish).
	rev     uint64
	version string
	byID    map[string]domain.Node
	// byKind holds the nodes of each kind sorted by ID.
	byKind map[domain.Kind][]domain.Node
	// graph is the traversal index of Explorer (explore_graph.go).
	graph *exploreIndex
	// rel answers Related: relation → parent ID → children, already in their documented order.
	rel map[domain.Traversal]map[string][]domain.Node
	// lists holds, per connection, its nodes, their sort keys and sorted orders (lists.go).
	lists map[listName]*list
	// programmes and pillars in the order Programmes and Pillars return them.
	programmes []*domain.Programme
	pillars    []*domain.Pillar
	search     *searchIndex
}

// buildIndex validates ds and indexes it.
func buildIndex(ds *domain.Dataset) (*index, error) {
	if ds == nil {
		return nil, fmt.Errorf("memory: nil dataset")
	}
	ix := &index{
		version: ds.Version,
		byKind:  map[domain.Kind][]domain.Node{},
		rel:     map[domain.Traversal]map[string][]domain.Node{},
	}
	nodes := slices.Clone(ds.Nodes()) // without the slack of its appends
	for i, n := range nodes {
		if domain.IsNil(n) {
			return nil, fmt.Errorf("memory: dataset node %d is nil", i)
		}
		id := n.NodeID()
		if id == "" {
			return nil, fmt.Errorf("memory: a %s has no ID", n.NodeKind())
		}
		if k := domain.KindOfID(id); k != n.NodeKind() {
			return nil, fmt.Errorf("memory: ID %q does not have the prefix of kind %s", id, n.NodeKind())
		}
	}
	// Normalising text is the costliest part of the first pass: do it on every core.
	labels := make([]string, len(nodes))
	parallelChunks(len(nodes), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			labels[i] = textnorm.Normalize(nodes[i].Label())
		}
	})
	ix.byID = make(map[string]domain.Node, len(nodes))
	// byLabel holds each node's normalised label by ID, to sort lists and
	// relations while the index is built (the search index keeps the labels by
	// position).
	byLabel := make(map[string]string, len(nodes))
	for i, n := range nodes {
		id := n.NodeID()
		if _, dup := ix.byID[id]; dup {
			return nil, fmt.Errorf("memory: duplicate ID %q", id)
		}
		ix.byID[id] = n
		byLabel[id] = labels[i]
		ix.byKind[n.NodeKind()] = append(ix.byKind[n.NodeKind()], n)
	}
	if err := ix.checkReferences(nodes); err != nil {
		return nil, err
	}
	for k, ns := range ix.byKind {
		ns = slices.Clip(ns)
		slices.SortFunc(ns, func(a, b domain.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
		ix.byKind[k] = ns
	}
	// The structures below read what is built above and each writes its own
	// field: build them side by side.
	var gerr error
	parallel(
		func() { ix.graph, gerr = buildExploreIndex(nodes) },
		func() { ix.buildRelations(byLabel) },
		func() { ix.buildLists(byLabel) },
		func() { ix.search = buildSearch(nodes, labels) },
	)
	if gerr != nil {
		return nil, gerr
	}
	ix.programmes = slices.Clone(ds.Programmes)
	slices.SortFunc(ix.programmes, func(a, b *domain.Programme) int {
		return cmp.Or(strings.Compare(textnorm.Normalize(a.Name), textnorm.Normalize(b.Name)), strings.Compare(a.ID, b.ID))
	})
	ix.pillars = slices.Clone(ds.Pillars)
	slices.SortFunc(ix.pillars, func(a, b *domain.Pillar) int {
		pa, pb := ix.programmeName(a.ProgrammeID), ix.programmeName(b.ProgrammeID)
		return cmp.Or(strings.Compare(pa, pb), strings.Compare(a.ProgrammeID, b.ProgrammeID),
			compareIntPtr(a.Number, b.Number), strings.Compare(a.ID, b.ID))
	})
	return ix, nil
}

func (ix *index) programmeName(id string) string {
	if p, ok := ix.byID[id].(*domain.Programme); ok {
		return textnorm.Normalize(p.Name)
	}
	return ""
}

// checkReferences rejects dangling references: every reference a record holds
// (domain.RelFields), evidence source and speaker must exist, with a kind the
// relation allows. It checks parts of
// the nodes on every core and reports the error of the earliest node.
func (ix *index) checkReferences(nodes []domain.Node) error {
	var mu sync.Mutex
	firstPart, firstErr := -1, error(nil)
	parallelChunks(len(nodes), func(part, lo, hi int) {
		if err := ix.checkRefs(nodes[lo:hi]); err != nil {
			mu.Lock()
			defer mu.Unlock()
			if firstPart < 0 || part < firstPart {
				firstPart, firstErr = part, err
			}
		}
	})
	return firstErr
}

// checkRefs is checkReferences over some nodes, in order.
func (ix *index) checkRefs(nodes []domain.Node) error {
	var ids []string
	for _, n := range nodes {
		id := n.NodeID()
		for _, r := range domain.RelFieldsOf(n.NodeKind()) {
			ids = r.AppendIDs(ids[:0], n)
			for _, ref := range ids {
				target, ok := ix.byID[ref]
				if !ok {
					return fmt.Errorf("memory: %s refers to unknown node %q (%s)", id, ref, r.Type)
				}
				if !r.Allows(target.NodeKind()) {
					return fmt.Errorf("memory: %s refers to %q (%s), a %s", id, ref, r.Type, target.NodeKind())
				}
			}
		}
		for _, ev := range domain.Claims(n) {
			if s, ok := ix.byID[ev.SourceID]; !ok || s.NodeKind() != domain.KindSource {
				return fmt.Errorf("memory: %s cites unknown source %q", id, ev.SourceID)
			}
			if ev.SpeakerID != "" {
				if s, ok := ix.byID[ev.SpeakerID]; !ok || !s.NodeKind().IsActor() {
					return fmt.Errorf("memory: %s names unknown speaker %q", id, ev.SpeakerID)
				}
			}
		}
	}
	return nil
}

// compareIntPtr orders ints ascending with nil last.
func compareIntPtr(a, b *int) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return cmp.Compare(*a, *b)
}

// compareDate orders partial-date values ascending ("2018" < "2018-01" < "2018-01-05")
// with unknown dates last.
func compareDate(a, b domain.PartialDate) int {
	switch {
	case a.Value == b.Value:
		return 0
	case a.Value == "":
		return 1
	case b.Value == "":
		return -1
	}
	return strings.Compare(a.Value, b.Value)
}
