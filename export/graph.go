// Package export writes Corridor's graph in formats that researchers' own tools
// open: GraphML (Gephi, yEd, NetworkX), GEXF (Gephi), CSV tables in a zip
// (spreadsheets, pandas, R), Cytoscape.js JSON (web visualisations) and a Cypher
// script that recreates the graph in an empty Neo4j database.
//
// The package is store-agnostic: a Graph is a plain list of domain nodes and the
// generic edges domain.Edges derives from them, built from a whole dataset with
// FromDataset and cut down with Filter. Every writer streams to an io.Writer and
// carries the dataset version and the export time. Handler serves them over HTTP.
package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// MaxDepth is the largest neighbourhood depth a Filter may ask for.
const MaxDepth = 3

// Graph is a set of nodes and the relationships among them, ready to export.
// Nodes are sorted by ID and edges by ID; every edge's endpoints are in Nodes.
type Graph struct {
	// Version is the dataset version the graph was taken from.
	Version string
	// Nodes holds the nodes, sorted by ID.
	Nodes []domain.Node
	// Edges holds the relationships among Nodes, sorted by ID.
	Edges []domain.Edge

	// sources indexes every Source of the dataset the graph was cut from (also
	// those a filter left out), so evidence can name its source by title.
	sources map[string]*domain.Source
}

// FromDataset returns the whole dataset as a Graph: every node, and every edge
// domain.Edges derives from them, deduplicated by ID (the evidence of duplicates
// is merged) and without edges whose endpoints are not in the dataset.
func FromDataset(ds *domain.Dataset) *Graph {
	g := &Graph{Version: ds.Version, Nodes: ds.Nodes(), sources: make(map[string]*domain.Source, len(ds.Sources))}
	for _, s := range ds.Sources {
		g.sources[s.ID] = s
	}
	slices.SortStableFunc(g.Nodes, func(a, b domain.Node) int { return cmp.Compare(a.NodeID(), b.NodeID()) })
	ids := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		ids[n.NodeID()] = true
	}
	byID := make(map[string]int)
	for _, n := range g.Nodes {
		for _, e := range domain.Edges(n) {
			if !ids[e.From] || !ids[e.To] {
				continue
			}
			if i, ok := byID[e.ID]; ok {
				g.Edges[i] = mergeEdge(g.Edges[i], e)
				continue
			}
			byID[e.ID] = len(g.Edges)
			e.Evidence = slices.Clone(e.Evidence)
			g.Edges = append(g.Edges, e)
		}
	}
	slices.SortFunc(g.Edges, func(a, b domain.Edge) int { return cmp.Compare(a.ID, b.ID) })
	return g
}

// mergeEdge adds to a the evidence of b it lacks, and b's label if a has none.
func mergeEdge(a, b domain.Edge) domain.Edge {
	if a.Label == "" {
		a.Label = b.Label
	}
	for _, ev := range b.Evidence {
		if !slices.Contains(a.Evidence, ev) {
			a.Evidence = append(a.Evidence, ev)
		}
	}
	return a
}

// Filter selects part of a graph. Its criteria combine: a node is kept when it
// passes every criterion that is set. The zero Filter keeps everything.
type Filter struct {
	// Kinds keeps nodes of these kinds (empty: every kind).
	Kinds []domain.Kind
	// IDs keeps these nodes (empty: any node).
	IDs []string
	// Around keeps the neighbourhood of this node: the nodes at most Depth hops
	// away, following relationships in either direction ("" : no neighbourhood).
	Around string
	// Depth is the neighbourhood's radius, 0 to MaxDepth (0 keeps Around alone).
	Depth int
}

// IsZero reports whether the filter keeps the whole graph.
func (f Filter) IsZero() bool {
	return len(f.Kinds) == 0 && len(f.IDs) == 0 && f.Around == ""
}

// Validate checks the filter's values on their own; an unknown node ID is found
// by Apply. Errors are domain errors with code BAD_USER_INPUT naming the field.
func (f Filter) Validate() error {
	for _, k := range f.Kinds {
		if !domain.Valid(k, domain.Kinds) {
			return domain.FieldErrorf(domain.EINVALID, "kinds", "unknown node kind %q (expected one of %s)", k, kindList())
		}
	}
	for _, id := range f.IDs {
		if id == "" {
			return domain.FieldErrorf(domain.EINVALID, "ids", "empty node ID")
		}
	}
	if f.Depth < 0 || f.Depth > MaxDepth {
		return domain.FieldErrorf(domain.EINVALID, "depth", "depth must be between 0 and %d, got %d", MaxDepth, f.Depth)
	}
	if f.Depth > 0 && f.Around == "" {
		return domain.FieldErrorf(domain.EINVALID, "depth", "depth needs around: the node whose neighbourhood to export")
	}
	return nil
}

// kindList returns the node kinds as "PERSON, ORGANIZATION, …".
func kindList() string {
	s := make([]string, len(domain.Kinds))
	for i, k := range domain.Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// Apply returns the part of g the filter selects: the kept nodes, the edges
// among them, and — so that every quote can be traced — the Source nodes cited by
// their evidence, unless Kinds is set and leaves sources out. Nodes named by IDs
// or Around that are not in g are a NOT_FOUND error. g itself is not changed.
func (f Filter) Apply(g *Graph) (*Graph, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if f.IsZero() {
		return g, nil
	}
	index := make(map[string]domain.Node, len(g.Nodes))
	for _, n := range g.Nodes {
		index[n.NodeID()] = n
	}
	var missing []string
	for _, id := range f.IDs {
		if index[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, "ids", "no node with ID %s", strings.Join(missing, ", "))
	}
	if f.Around != "" && index[f.Around] == nil {
		return nil, domain.FieldErrorf(domain.ENOTFOUND, "around", "no node with ID %s", f.Around)
	}

	idSet := make(map[string]bool, len(f.IDs))
	for _, id := range f.IDs {
		idSet[id] = true
	}
	keep := func(n domain.Node) bool {
		return (len(f.Kinds) == 0 || slices.Contains(f.Kinds, n.NodeKind())) &&
			(len(f.IDs) == 0 || idSet[n.NodeID()])
	}
	var near map[string]bool
	if f.Around != "" {
		near = g.neighbourhood(f.Around, f.Depth)
	}
	kept := make(map[string]bool)
	for _, n := range g.Nodes {
		if keep(n) && (near == nil || near[n.NodeID()]) {
			kept[n.NodeID()] = true
		}
	}
	out := &Graph{Version: g.Version, sources: g.sources}
	for _, e := range g.Edges {
		if kept[e.From] && kept[e.To] {
			out.Edges = append(out.Edges, e)
		}
	}
	if len(f.Kinds) == 0 || slices.Contains(f.Kinds, domain.KindSource) {
		cite := func(evs []domain.Evidence) {
			for _, ev := range evs {
				if index[ev.SourceID] != nil {
					kept[ev.SourceID] = true
				}
			}
		}
		for id := range kept {
			cite(nodeEvidence(index[id]))
		}
		for _, e := range out.Edges {
			cite(e.Evidence)
		}
	}
	for _, n := range g.Nodes {
		if kept[n.NodeID()] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	return out, nil
}

// Subgraph returns the nodes with the given IDs, the edges among them and the
// sources their evidence cites. It is Filter{IDs: ids}.Apply(g).
func (g *Graph) Subgraph(ids ...string) (*Graph, error) {
	return Filter{IDs: ids}.Apply(g)
}

// neighbourhood returns the IDs of the nodes at most depth hops from id,
// following edges in either direction.
func (g *Graph) neighbourhood(id string, depth int) map[string]bool {
	adj := make(map[string][]string)
	for _, e := range g.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	seen := map[string]bool{id: true}
	frontier := []string{id}
	for range depth {
		var next []string
		for _, n := range frontier {
			for _, m := range adj[n] {
				if !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return seen
}

// sourceTitle returns the title of the source with the given ID, or "".
func (g *Graph) sourceTitle(id string) string {
	if g.sources == nil {
		g.sources = make(map[string]*domain.Source)
		for _, n := range g.Nodes {
			if s, ok := n.(*domain.Source); ok {
				g.sources[s.ID] = s
			}
		}
	}
	if s := g.sources[id]; s != nil {
		return s.Title
	}
	return ""
}

// check reports the first problem that would make an export invalid: an edge
// whose endpoint is not a node of the graph, or a repeated node ID.
func (g *Graph) check() error {
	ids := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		if ids[n.NodeID()] {
			return fmt.Errorf("export: node %s appears twice", n.NodeID())
		}
		ids[n.NodeID()] = true
	}
	for _, e := range g.Edges {
		if !ids[e.From] || !ids[e.To] {
			return fmt.Errorf("export: edge %s has an endpoint outside the graph", e.ID)
		}
	}
	return nil
}
