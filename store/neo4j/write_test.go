package neo4j

import (
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
)

// TestWriterContractSeam runs the writer contract through the seam: the adapter
// seeds the fake database, then every write's statements are applied by the
// fake (fakewrite_test.go) and read back through Nodes and Audit.
func TestWriterContractSeam(t *testing.T) {
	storetest.RunWriter(t, func(t *testing.T, ds *domain.Dataset) storetest.WritableStore {
		s, _, _ := openSeededWriteFake(t, ds)
		return s
	})
}
