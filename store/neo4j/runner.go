package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// accessMode says whether a statement reads or writes, which decides where a
// cluster routes it.
type accessMode int

const (
	// readAccess statements go to reader members (followers, read replicas).
	readAccess accessMode = iota
	// writeAccess statements go to the leader.
	writeAccess
)

func (m accessMode) String() string {
	if m == writeAccess {
		return "write"
	}
	return "read"
}

// runner is the adapter's seam: everything the store sends to Neo4j goes through
// it. The driver's session and transaction types cannot be faked, so the tests
// replace this small interface with a recording fake.
type runner interface {
	// run executes one statement in its own managed transaction, routed by mode.
	run(ctx context.Context, mode accessMode, statement string, params map[string]any) ([]*neo4j.Record, error)
	// writeTx runs work inside one managed write transaction; the driver retries
	// the whole work on transient errors, so work must be repeatable.
	writeTx(ctx context.Context, work func(tx txRunner) error) error
	// verify checks that the server is reachable and accepts the credentials.
	verify(ctx context.Context) error
	// close releases the driver's connections.
	close(ctx context.Context) error
}

// txRunner runs statements inside a transaction opened by runner.writeTx.
type txRunner interface {
	run(ctx context.Context, statement string, params map[string]any) ([]*neo4j.Record, error)
}

// driverRunner is the runner on the real driver.
type driverRunner struct {
	driver   neo4j.DriverWithContext
	database string
}

// run uses neo4j.ExecuteQuery, a managed transaction with the driver's bookmark
// manager, so a read after a write in the same process sees the write even when
// it is routed to another cluster member.
func (d *driverRunner) run(ctx context.Context, mode accessMode, statement string, params map[string]any) ([]*neo4j.Record, error) {
	routing := neo4j.ExecuteQueryWithReadersRouting()
	if mode == writeAccess {
		routing = neo4j.ExecuteQueryWithWritersRouting()
	}
	res, err := neo4j.ExecuteQuery(ctx, d.driver, statement, params, neo4j.EagerResultTransformer,
		routing, neo4j.ExecuteQueryWithDatabase(d.database))
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

func (d *driverRunner) writeTx(ctx context.Context, work func(tx txRunner) error) error {
	session := d.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    d.database,
		AccessMode:      neo4j.AccessModeWrite,
		BookmarkManager: d.driver.ExecuteQueryBookmarkManager(),
	})
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, work(managedTx{tx})
	})
	if cerr := session.Close(ctx); err == nil && cerr != nil {
		err = fmt.Errorf("closing session: %w", cerr)
	}
	return err
}

func (d *driverRunner) verify(ctx context.Context) error { return d.driver.VerifyConnectivity(ctx) }

func (d *driverRunner) close(ctx context.Context) error { return d.driver.Close(ctx) }

// managedTx adapts a driver transaction to txRunner.
type managedTx struct{ tx neo4j.ManagedTransaction }

func (m managedTx) run(ctx context.Context, statement string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := m.tx.Run(ctx, statement, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}
