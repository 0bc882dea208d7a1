package neo4j

import (
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
)

// TestExplorerContractSeam runs the explorer contract suite through the adapter's
// seam: every statement goes to the fake graph, which evaluates the explore
// statements from their parameters (fakegraph_explore_test.go), so the whole
// suite checks the adapter's Cypher parameters, record decoding and its use of
// the shared domain code, with no Neo4j server.
func TestExplorerContractSeam(t *testing.T) {
	storetest.RunExplorer(t, func(t *testing.T, ds *domain.Dataset) domain.Explorer {
		s, _, _ := openFake(t, ds)
		return s
	})
}
