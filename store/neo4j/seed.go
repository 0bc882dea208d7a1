package neo4j

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Counts describes the database after a seed.
type Counts struct {
	// Version is the dataset version recorded in the database.
	Version string
	// Nodes counts the nodes of each kind in the database.
	Nodes map[domain.Kind]int
	// Evidence counts the Evidence nodes; Relationships every relationship.
	Evidence      int
	Relationships int
	// Curated lists the IDs of dataset records left alone because the database
	// holds a curated version of them, or curators deleted or merged them.
	Curated []string
}

// String formats the counts one kind per line, as `corridor seed` prints them.
func (c Counts) String() string {
	var b strings.Builder
	for _, k := range domain.Kinds {
		fmt.Fprintf(&b, "  %-13s %d\n", k, c.Nodes[k])
	}
	fmt.Fprintf(&b, "  %-13s %d\n", "EVIDENCE", c.Evidence)
	fmt.Fprintf(&b, "  %-13s %d", "RELATIONSHIPS", c.Relationships)
	if len(c.Curated) > 0 {
		fmt.Fprintf(&b, "\n  left alone (curated): %s", strings.Join(c.Curated, ", "))
	}
	return b.String()
}

// errMissing reports references that matched no node; it is returned from the
// transaction function so the transaction rolls back.
var errMissing = errors.New("references to nodes that exist neither in the dataset nor in the database")

// Seed loads a dataset in one managed write transaction: it upserts every record
// (MERGE over UNWIND, one statement per kind), replaces what each record owns
// (evidence, signed documents, derived relationships), and records the dataset
// version. Records the database holds with origin CURATED are left alone. Seeding
// twice gives the same graph. It returns the counts of the database afterwards.
func (s *Store) Seed(ctx context.Context, ds *domain.Dataset) (Counts, error) {
	if ds == nil {
		return Counts{}, errors.New("neo4j: seed: nil dataset")
	}
	nodes := ds.Nodes()
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.NodeID()
	}
	var counts Counts
	err := s.r.writeTx(ctx, func(tx txRunner) error {
		c, err := s.seedTx(ctx, tx, ds.Version, nodes, ids)
		counts = c
		return err
	})
	if err != nil {
		if errors.Is(err, errMissing) {
			return Counts{}, fmt.Errorf("neo4j: seed: %w", err)
		}
		return Counts{}, fmt.Errorf("neo4j: seed: %w", s.internal("seed", err))
	}
	return counts, nil
}

// seedTx is the body of the seed transaction; the driver may run it again on a
// transient error, so it derives everything from its arguments.
func (s *Store) seedTx(ctx context.Context, tx txRunner, version string, nodes []domain.Node, ids []string) (Counts, error) {
	run := func(name string, params map[string]any) ([]*neo4j.Record, error) {
		recs, err := tx.run(ctx, stmt(name), params)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return recs, nil
	}
	recs, err := run("seed.curated", map[string]any{"ids": ids})
	if err != nil {
		return Counts{}, err
	}
	curated := map[string]bool{}
	var curatedIDs []string
	if len(recs) == 1 {
		raw, _ := recs[0].Get("curated")
		xs, _ := raw.([]any)
		for _, x := range xs {
			if id, ok := x.(string); ok {
				curated[id] = true
				curatedIDs = append(curatedIDs, id)
			}
		}
	}
	slices.Sort(curatedIDs)

	var seeded []domain.Node
	for _, n := range nodes {
		if !curated[n.NodeID()] {
			seeded = append(seeded, n)
		}
	}
	if err := putRecords(seeded, run); err != nil {
		return Counts{}, err
	}
	if _, err := run("seed.dataset", map[string]any{"datasetId": datasetID, "version": version}); err != nil {
		return Counts{}, err
	}
	c, err := s.counts(ctx, func(ctx context.Context, name string, params map[string]any) ([]*neo4j.Record, error) {
		return run(name, params)
	})
	if err != nil {
		return Counts{}, err
	}
	c.Curated = curatedIDs
	return c, nil
}

// putRecords writes records, new or replacing those with their IDs, with the seed
// statements inside the caller's transaction: it upserts each record's own
// properties (one statement per kind), drops what the records owned (evidence,
// signed documents, derived relationships) and writes it anew. Every row must
// be written: a reference to a missing node or source is errMissing.
func putRecords(nodes []domain.Node, run func(name string, params map[string]any) ([]*neo4j.Record, error)) error {
	rowsByKind := map[domain.Kind][]any{}
	var ids []string
	var evidence, documents []any
	rels := map[domain.RelType][]any{}
	for _, n := range nodes {
		e := encode(n)
		ids = append(ids, e.node.id)
		rowsByKind[n.NodeKind()] = append(rowsByKind[n.NodeKind()], map[string]any{"id": e.node.id, "props": e.node.props})
		for _, ev := range e.evidence {
			evidence = append(evidence, map[string]any{"owner": ev.owner, "id": ev.id, "source": ev.source,
				"quote": ev.quote, "attribution": ev.attribution, "speaker": nullable(ev.speaker),
				"claim": ev.claim, "position": int64(ev.position)})
		}
		for _, d := range e.documents {
			documents = append(documents, map[string]any{"meeting": d.meeting, "id": d.id,
				"description": nullable(d.description), "count": intOrNil(d.count),
				"position": int64(d.position), "evidence": d.evidence})
		}
		for _, r := range e.rels {
			rels[r.typ] = append(rels[r.typ], map[string]any{"from": r.from, "to": r.to,
				"position": int64(r.position), "evidence": r.evidence, "capacity": nullable(r.capacity)})
		}
	}

	// written runs a statement over rows and checks that every row was written.
	written := func(name string, rows []any, what string) error {
		if len(rows) == 0 {
			return nil
		}
		recs, err := run(name, map[string]any{"rows": rows})
		if err != nil {
			return err
		}
		var n int64
		if len(recs) == 1 {
			v, _ := recs[0].Get("written")
			n, _ = v.(int64)
		}
		if int(n) != len(rows) {
			return fmt.Errorf("%d of %d %s written: %w", n, len(rows), what, errMissing)
		}
		return nil
	}
	for _, k := range domain.Kinds {
		if err := written(seedNodesStatementName(k), rowsByKind[k], "records of kind "+string(k)); err != nil {
			return err
		}
	}
	if len(ids) > 0 {
		if _, err := run("seed.clear", map[string]any{"ids": ids}); err != nil {
			return err
		}
	}
	if err := written("seed.evidence", evidence, "pieces of evidence (is every source in the dataset?)"); err != nil {
		return err
	}
	if err := written("seed.documents", documents, "signed documents"); err != nil {
		return err
	}
	for _, t := range domain.RelTypes {
		if err := written(seedRelsStatementName(t), rels[t], string(t)+" relationships"); err != nil {
			return err
		}
	}
	return nil
}
