// Package neo4j is Corridor's Neo4j store adapter: a domain.Store over a Neo4j 5
// database (5.26 LTS or later), chosen with CORRIDOR_STORE=neo4j.
//
// The graph model, the evidence choice and example queries are in docs/neo4j.md.
// Every statement the adapter sends is an embedded, parameterised Cypher 5 file
// (cypher/); sort keys, labels and relationship types come from whitelists as
// literals, never from input. Reads are routed to readers, writes run in managed
// transactions, and each store call is one statement: Nodes, Related and every
// connection page fetch all their records at once, so the round trips of a
// GraphQL request follow its depth, not the number of objects. Exploration
// (domain.Explorer, explore.go) sends one statement per level of its traversal.
//
// The adapter's seam for tests is the small runner interface (runner.go); the
// statements are checked offline against Neo4j's Cypher grammar and catalogue by
// tools/cypherlint (TestCypherLint), and the contract suite store/storetest runs
// against a live server when NEO4J_TEST_URI is set.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says how to reach Neo4j.
type Config struct {
	// URI is neo4j://host:7687 for a cluster or a single server (routing, reads
	// to followers), bolt://host:7687 for one server without routing; +s/+ssc
	// schemes for TLS.
	URI string
	// User and Password authenticate with basic auth; an empty User means no auth.
	User     string
	Password string
	// Database is the database to use; "" means "neo4j".
	Database string
	// ConnectTimeout bounds Open's connectivity check; 0 means 10 seconds.
	ConnectTimeout time.Duration
	// SeedsDir is the directory of the source texts: quotes of evidence that
	// curation writes are checked against the text of their source when its file
	// is there. Empty: not checked.
	SeedsDir string
}

// DefaultDatabase is the database used when Config.Database is empty.
const DefaultDatabase = "neo4j"

// Store is the Neo4j implementation of domain.Store, domain.Explorer,
// domain.Writer and domain.AuditLog. It is safe for concurrent use.
type Store struct {
	r        runner
	seedsDir string
}

var _ domain.Store = (*Store)(nil)

// Ports returns what the store provides: reads, exploration, writes and the
// audit trail. It cannot say when the data changes (no Revisions), so the
// response cache stays off over it.
func (s *Store) Ports() domain.Ports {
	return domain.Ports{Store: s, Explorer: s, Writer: s, Audit: s}
}

// Open connects to Neo4j and verifies, within Config.ConnectTimeout, that the
// server is reachable and accepts the credentials. It does not migrate or seed.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, errors.New("no Neo4j URI configured (NEO4J_URI)")
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	timeout := cfg.ConnectTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.SocketConnectTimeout = min(timeout, 5*time.Second)
		c.ConnectionAcquisitionTimeout = 30 * time.Second
		c.UserAgent = "corridor"
	})
	if err != nil {
		return nil, fmt.Errorf("invalid Neo4j URI %q: %w", cfg.URI, err)
	}
	db := cfg.Database
	if db == "" {
		db = DefaultDatabase
	}
	s := &Store{r: &driverRunner{driver: drv, database: db}, seedsDir: cfg.SeedsDir}
	vctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := drv.VerifyConnectivity(vctx); err != nil {
		_ = drv.Close(context.WithoutCancel(ctx))
		return nil, describeOpenError(cfg, timeout, err)
	}
	return s, nil
}

// describeOpenError says why Open failed in words an operator can act on.
func describeOpenError(cfg Config, timeout time.Duration, err error) error {
	var n4 *neo4j.Neo4jError
	var auth *neo4j.InvalidAuthenticationError
	switch {
	case errors.As(err, &auth),
		errors.As(err, &n4) && strings.HasPrefix(n4.Code, "Neo.ClientError.Security."):
		return fmt.Errorf("Neo4j at %s refused the credentials of user %q (check NEO4J_USER and NEO4J_PASSWORD): %w", cfg.URI, cfg.User, err)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("Neo4j at %s did not answer within %s: %w", cfg.URI, timeout, err)
	default:
		return fmt.Errorf("cannot reach Neo4j at %s: %w", cfg.URI, err)
	}
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	if err := s.r.close(ctx); err != nil {
		return fmt.Errorf("neo4j: close: %w", err)
	}
	return nil
}

// Ping implements domain.Store: it checks connectivity and authentication, for /readyz.
func (s *Store) Ping(ctx context.Context) error {
	return s.internal("ping", s.r.verify(ctx))
}

// Migrate creates, idempotently, the uniqueness constraints, range, text and
// full-text indexes of the embedded migrations (cypher/migrations, in file
// order), then waits for the indexes to come online.
func (s *Store) Migrate(ctx context.Context) error {
	for _, name := range migrationNames {
		if _, err := s.r.run(ctx, writeAccess, stmt(name), nil); err != nil {
			return fmt.Errorf("neo4j: migration %s: %w", name, s.internal("migrate", err))
		}
	}
	return nil
}

// wipeBatch is how many nodes one Wipe statement deletes.
const wipeBatch = 10000

// Wipe deletes every node and relationship of the database, in batches of
// wipeBatch nodes. It exists for the contract tests, which start from an empty
// database; never call it elsewhere.
func (s *Store) Wipe(ctx context.Context) error {
	for {
		recs, err := s.r.run(ctx, writeAccess, stmt("seed.wipe"), map[string]any{"batch": int64(wipeBatch)})
		if err != nil {
			return fmt.Errorf("neo4j: wipe: %w", s.internal("wipe", err))
		}
		if len(recs) != 1 {
			return fmt.Errorf("neo4j: wipe: %w", s.internal("wipe", badRecord("%d rows", len(recs))))
		}
		if n, _ := getInt(recs[0], "deleted"); n == 0 {
			return nil
		}
	}
}

// read runs a named read statement routed to readers.
func (s *Store) read(ctx context.Context, name string, params map[string]any) ([]*neo4j.Record, error) {
	recs, err := s.r.run(ctx, readAccess, stmt(name), params)
	if err != nil {
		return nil, s.internal(name, err)
	}
	return recs, nil
}
