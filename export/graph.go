// Package export writes Corridor's graph in formats that researchers' own tools
// open: GraphML (Gephi, yEd, NetworkX), GEXF (Gephi), CSV tables in a zip
// (spreadsheets, pandas, R), Cytoscape.js JSON (web visualisations) and a Cypher
// script that recreates the graph in an empty Neo4j database.
//
// The package is store-agnostic: a Snapshot is a plain list of domain nodes and the
// generic edges domain.Edges derives from them, built from a whole dataset with
// FromDataset and cut down with Filter. Every writer streams to an io.Writer and
// carries the dataset version and the export time. Handler serves them over HTTP.
package export

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// MaxDepth is the largest neighbourhood depth a Filter may ask for: that of
// the GraphQL neighborhood field.
const MaxDepth = domain.MaxNeighborhoodDepth

// Snapshot is a set of nodes and the relationships among them, ready to export.
// Nodes are sorted by ID and edges by ID; every edge's endpoints are in Nodes.
type Snapshot struct {
	// Version is the dataset version the graph was taken from.
	Version string
	// Nodes holds the nodes, sorted by ID.
	Nodes []domain.Node
	// Edges holds the relationships among Nodes, sorted by ID.
	Edges []domain.Edge
	// Truncated is set when a neighbourhood limit left nodes out.
	Truncated bool

	// sources indexes every Source of the dataset the graph was cut from (also
	// those a filter left out), so evidence can name its source by title.
	sources map[string]*domain.Source
}

// FromDataset returns the whole dataset as a Snapshot: every node, and every edge
// domain.Edges derives from them, deduplicated by ID (the evidence of duplicates
// is merged) and without edges whose endpoints are not in the dataset.
func FromDataset(ds *domain.Dataset) *Snapshot {
	nodes := ds.Nodes()
	g := assemble(ds.Version, nodes, derivedEdges(nodes))
	g.sources = make(map[string]*domain.Source, len(ds.Sources))
	for _, s := range ds.Sources {
		g.sources[s.ID] = s
	}
	return g
}

// derivedEdges returns every edge domain.Edges derives from the nodes.
func derivedEdges(nodes []domain.Node) []domain.Edge {
	var es []domain.Edge
	for _, n := range nodes {
		es = append(es, domain.Edges(n)...)
	}
	return es
}

// assemble returns the graph of the nodes (sorted by ID) and the edges among
// them: deduplicated by ID with their evidence merged, sorted by ID, without
// edges whose endpoints are not among the nodes.
func assemble(version string, nodes []domain.Node, edges []domain.Edge) *Snapshot {
	g := &Snapshot{Version: version, Nodes: slices.Clone(nodes)}
	slices.SortStableFunc(g.Nodes, func(a, b domain.Node) int { return cmp.Compare(a.NodeID(), b.NodeID()) })
	ids := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		ids[n.NodeID()] = true
	}
	byID := make(map[string]int)
	for _, e := range edges {
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

// Filter selects part of a graph, with the semantics of the GraphQL fields:
// Around, Depth, Kinds, RelTypes and Limit are those of Query.neighborhood
// (domain.Explorer.Neighborhood), Kinds alone keeps the nodes of those kinds,
// and IDs keeps the nodes named (intersected with the rest). Whatever is
// kept, the edges among the kept nodes come along (with RelTypes, only those of
// these types: so IDs, Kinds and RelTypes export exactly a drawing of those nodes
// and relationships, such as the explorer's canvas), and so do the Source nodes
// their evidence cites, unless Kinds is set and leaves sources out. The zero
// Filter keeps everything.
type Filter struct {
	// Kinds keeps nodes of these kinds (empty: every kind). With Around, nodes of
	// other kinds are neither kept nor traversed; the centre is always kept.
	Kinds []domain.Kind
	// IDs keeps these nodes (empty: any node).
	IDs []string
	// Around keeps the neighbourhood of this node ("": no neighbourhood).
	Around string
	// Depth is the neighbourhood's radius, 1 to MaxDepth (0: 1).
	Depth int
	// RelTypes keeps only edges of these stored types: in a neighbourhood for
	// traversal and in the result, with IDs among the named nodes (empty: every
	// type). It needs Around or IDs.
	RelTypes []domain.RelType
	// Limit bounds the nodes of a neighbourhood, its centre included (0:
	// MaxLimit, the largest the GraphQL field allows); a neighbourhood cut by it
	// is exported with Snapshot.Truncated set.
	Limit int
}

// MaxLimit is the largest neighbourhood limit, and the default of exports.
const MaxLimit = domain.MaxNeighborhoodLimit

// IsZero reports whether the filter keeps the whole graph.
func (f Filter) IsZero() bool {
	return len(f.Kinds) == 0 && len(f.IDs) == 0 && f.Around == ""
}

// neighborhoodQuery returns the Explorer query of Around.
func (f Filter) neighborhoodQuery() domain.NeighborhoodQuery {
	limit := f.Limit
	if limit == 0 {
		limit = MaxLimit
	}
	return domain.NeighborhoodQuery{ID: f.Around, Depth: f.Depth, Kinds: f.Kinds, RelTypes: f.RelTypes, Limit: limit}
}

// paramNames maps the field names of domain.NeighborhoodQuery errors to the
// names of the export parameters.
var paramNames = map[string]string{"id": "around", "relTypes": "relationTypes"}

// renameField returns err with its field named as the export parameter.
func renameField(err error) error {
	var de *domain.Error
	if !errors.As(err, &de) {
		return err
	}
	if name, ok := paramNames[de.Field]; ok {
		c := *de
		c.Field = name
		return &c
	}
	return err
}

// Validate checks the filter's values on their own; an unknown node ID is found
// when the filter is applied. Errors are domain errors with code BAD_USER_INPUT
// naming the parameter.
func (f Filter) Validate() error {
	for _, k := range f.Kinds {
		if !domain.Valid(k, domain.Kinds) {
			return domain.FieldErrorf(domain.EINVALID, "kinds", "unknown node kind %q (expected one of %s)", k, domain.JoinValues(domain.Kinds))
		}
	}
	for _, id := range f.IDs {
		if id == "" {
			return domain.FieldErrorf(domain.EINVALID, "ids", "empty node ID")
		}
	}
	if f.Around == "" {
		switch {
		case f.Depth != 0:
			return domain.FieldErrorf(domain.EINVALID, "depth", "depth needs around: the node whose neighbourhood to export")
		case len(f.RelTypes) > 0 && len(f.IDs) == 0:
			return domain.FieldErrorf(domain.EINVALID, "relationTypes", "relationTypes needs around (a neighbourhood) or ids (the nodes whose relationships to export)")
		case f.Limit != 0:
			return domain.FieldErrorf(domain.EINVALID, "limit", "limit needs around: the node whose neighbourhood to export")
		}
		for _, t := range f.RelTypes {
			if !domain.Valid(t, domain.RelTypes) {
				return domain.FieldErrorf(domain.EINVALID, "relationTypes", "unknown or derived relationship type %q: exports hold stored relationships (%s)", t, domain.JoinValues(domain.RelTypes))
			}
		}
		return nil
	}
	_, err := f.neighborhoodQuery().Normalize()
	return renameField(err)
}

// relTypeOK reports whether an edge passes the RelTypes criterion.
func (f Filter) relTypeOK(e domain.Edge) bool {
	return len(f.RelTypes) == 0 || slices.Contains(f.RelTypes, e.Type)
}

// keepEdges returns the edges that pass the RelTypes criterion.
func (f Filter) keepEdges(es []domain.Edge) []domain.Edge {
	if len(f.RelTypes) == 0 {
		return es
	}
	var out []domain.Edge
	for _, e := range es {
		if f.relTypeOK(e) {
			out = append(out, e)
		}
	}
	return out
}

// kindOK reports whether a node passes the Kinds criterion.
func (f Filter) kindOK(n domain.Node) bool {
	return len(f.Kinds) == 0 || slices.Contains(f.Kinds, n.NodeKind())
}

// idSet returns the IDs as a set.
func (f Filter) idSet() map[string]bool {
	set := make(map[string]bool, len(f.IDs))
	for _, id := range f.IDs {
		set[id] = true
	}
	return set
}

// Apply returns the part of g that the Kinds and IDs criteria select, with the
// sources cited (see Filter). Around needs a store's Explorer: use Load. Nodes
// named by IDs that are not in g are a NOT_FOUND error. g itself is not changed.
func (f Filter) Apply(g *Snapshot) (*Snapshot, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if f.Around != "" {
		return nil, domain.FieldErrorf(domain.EINVALID, "around", "a neighbourhood is cut from a store: use Load")
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
	ids := f.idSet()
	var kept []domain.Node
	for _, n := range g.Nodes {
		if f.kindOK(n) && (len(f.IDs) == 0 || ids[n.NodeID()]) {
			kept = append(kept, n)
		}
	}
	lookup := func(_ context.Context, ids []string) ([]domain.Node, error) {
		out := make([]domain.Node, len(ids))
		for i, id := range ids {
			out[i] = index[id]
		}
		return out, nil
	}
	out, err := cut(context.Background(), g.Version, kept, f.keepEdges(g.Edges), f.Kinds, lookup)
	if err != nil {
		return nil, err
	}
	for id, s := range g.sources {
		out.sources[id] = s
	}
	return out, nil
}

// cut returns the graph of the kept nodes and the given edges among them, with
// the Source nodes cited by their evidence unless kinds is set and leaves
// sources out. lookup returns the nodes with the given IDs (nil when unknown).
func cut(ctx context.Context, version string, kept []domain.Node, edges []domain.Edge, kinds []domain.Kind,
	lookup func(context.Context, []string) ([]domain.Node, error)) (*Snapshot, error) {
	have := make(map[string]bool, len(kept))
	for _, n := range kept {
		have[n.NodeID()] = true
	}
	var among []domain.Edge
	for _, e := range edges {
		if have[e.From] && have[e.To] {
			among = append(among, e)
		}
	}
	var cited []string
	seen := map[string]bool{}
	cite := func(evs []domain.Evidence) {
		for _, ev := range evs {
			if !seen[ev.SourceID] {
				seen[ev.SourceID] = true
				cited = append(cited, ev.SourceID)
			}
		}
	}
	for _, n := range kept {
		cite(nodeEvidence(n))
	}
	for _, e := range among {
		cite(e.Evidence)
	}
	slices.Sort(cited)
	found, err := lookup(ctx, cited)
	if err != nil {
		return nil, fmt.Errorf("export: reading cited sources: %w", err)
	}
	withSources := len(kinds) == 0 || slices.Contains(kinds, domain.KindSource)
	sources := make(map[string]*domain.Source, len(found))
	nodes := slices.Clone(kept)
	for _, n := range found {
		s, ok := n.(*domain.Source)
		if !ok || s == nil {
			continue
		}
		sources[s.ID] = s
		if withSources && !have[s.ID] {
			have[s.ID] = true
			nodes = append(nodes, s)
		}
	}
	g := assemble(version, nodes, among)
	g.sources = sources
	return g, nil
}

// Subgraph returns the nodes with the given IDs, the edges among them and the
// sources their evidence cites. It is Filter{IDs: ids}.Apply(g).
func (g *Snapshot) Subgraph(ids ...string) (*Snapshot, error) {
	return Filter{IDs: ids}.Apply(g)
}

// sourceTitle returns the title of the source with the given ID, or "".
func (g *Snapshot) sourceTitle(id string) string {
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
func (g *Snapshot) check() error {
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
