package memory

import (
	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/traverse"
)

// exploreIndex is the traversal index of a snapshot: the shared traverse.Index, over which
// Paths and Neighborhood run (the Neo4j store runs the same code over the records
// it fetched), and the commitment group tables of CommitmentStats.
type exploreIndex struct {
	*traverse.Index
	// nodes are the snapshot's nodes in ID order (shared with the traverse.Index).
	nodes []domain.Node
	// stats holds the commitment group tables of CommitmentStats (explore_stats.go).
	stats statTables
}

// buildExploreIndex indexes the edges of the nodes, which checkReferences has validated.
func buildExploreIndex(nodes []domain.Node) (*exploreIndex, error) {
	g, err := traverse.New(nodes)
	if err != nil {
		return nil, err
	}
	return &exploreIndex{Index: g, nodes: g.Nodes()}, nil
}
