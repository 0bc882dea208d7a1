package memory

import "github.com/corridor-kg/corridor/domain"

// graph is the traversal index of a snapshot: the shared domain.Graph, over which
// Paths and Neighborhood run (the Neo4j store runs the same code over the records
// it fetched), and the commitment group tables of CommitmentStats.
type graph struct {
	*domain.Graph
	// nodes are the snapshot's nodes in ID order (shared with the domain.Graph).
	nodes []domain.Node
	// stats holds the commitment group tables of CommitmentStats (explore_stats.go).
	stats statTables
}

// buildGraph indexes the edges of the nodes, which checkReferences has validated.
func buildGraph(nodes []domain.Node) (*graph, error) {
	g, err := domain.NewGraph(nodes)
	if err != nil {
		return nil, err
	}
	return &graph{Graph: g, nodes: g.Nodes()}, nil
}
