// Package bolt persists Corridor's graph in one bbolt file (go.etcd.io/bbolt): the
// records as JSON, the tombstones of merged nodes, the seed records curators
// deleted, and the audit trail. It holds no index and answers no graph reads:
// store/durable loads it into the memory store at start and commits every write
// here before the memory store serves it.
//
// Buckets:
//
//	nodes       ID → {"kind": KIND, "node": {…}} (the domain record as JSON)
//	tombstones  merged ID → survivor ID
//	deleted     ID → "" for every seed record a curator deleted or merged away,
//	            so that re-seeding does not bring it back
//	meta        "version" → dataset version, "seeded" → "1" once the seed is in
//	audit       sequence (8 bytes, big-endian) → domain.AuditEntry as JSON
//	auditnode   node ID, 0x00, sequence → "" (the audit trail by node)
//
// Every Commit is one bbolt read-write transaction: bbolt fsyncs it before
// Commit returns, so an acknowledged write survives a crash (kill -9).
package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	bbolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/corridor-kg/corridor/domain"
)

// Bucket names.
var (
	bucketNodes      = []byte("nodes")
	bucketTombstones = []byte("tombstones")
	bucketDeleted    = []byte("deleted")
	bucketMeta       = []byte("meta")
	bucketAudit      = []byte("audit")
	bucketAuditNode  = []byte("auditnode")
	allBuckets       = [][]byte{bucketNodes, bucketTombstones, bucketDeleted, bucketMeta, bucketAudit, bucketAuditNode}
)

// Meta keys.
var (
	keyVersion = []byte("version")
	keySeeded  = []byte("seeded")
)

// DefaultTimeout is how long Open waits for another process to release the file.
const DefaultTimeout = 2 * time.Second

// ErrLocked is returned (wrapped) by Open when another process holds the file.
var ErrLocked = errors.New("the data file is locked by another process (is another corridor running with the same data directory?)")

// DB is an open bbolt file of the graph. It is safe for concurrent use; writes
// are serialised by bbolt.
type DB struct {
	db   *bbolt.DB
	path string
}

// Open opens (creating when absent) the file at path, waiting at most timeout
// (DefaultTimeout when 0) for a lock another process holds.
func Open(ctx context.Context, path string, timeout time.Duration) (*DB, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("bolt: open %s: %w", path, err)
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: timeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("bolt: open %s: %w (waited %s)", path, ErrLocked, timeout)
	} else if err != nil {
		return nil, fmt.Errorf("bolt: open %s: %w", path, err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("bolt: creating buckets in %s: %w", path, err)
	}
	return &DB{db: db, path: path}, nil
}

// Close closes the file.
func (d *DB) Close() error {
	if err := d.db.Close(); err != nil {
		return fmt.Errorf("bolt: close %s: %w", d.path, err)
	}
	return nil
}

// Path returns the file's path.
func (d *DB) Path() string { return d.path }

// State is everything stored, as Load reads it.
type State struct {
	// Version is the dataset version last seeded or imported.
	Version string
	// Seeded is set once the bundled seed has been loaded.
	Seeded bool
	// Nodes holds every record, in ID order.
	Nodes []domain.Node
	// Tombstones maps each merged ID to its survivor.
	Tombstones map[string]string
	// Deleted holds the seed IDs curators deleted or merged away.
	Deleted map[string]bool
}

// Load reads everything stored in one read transaction.
func (d *DB) Load(ctx context.Context) (*State, error) {
	st := &State{Tombstones: map[string]string{}, Deleted: map[string]bool{}}
	err := d.db.View(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		st.Version = string(meta.Get(keyVersion))
		st.Seeded = meta.Get(keySeeded) != nil
		i := 0
		err := tx.Bucket(bucketNodes).ForEach(func(k, v []byte) error {
			if i++; i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			n, err := UnmarshalNode(v)
			if err != nil {
				return fmt.Errorf("node %q: %w", k, err)
			}
			st.Nodes = append(st.Nodes, n)
			return nil
		})
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketTombstones).ForEach(func(k, v []byte) error {
			st.Tombstones[string(k)] = string(v)
			return nil
		}); err != nil {
			return err
		}
		return tx.Bucket(bucketDeleted).ForEach(func(k, _ []byte) error {
			st.Deleted[string(k)] = true
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("bolt: load %s: %w", d.path, err)
	}
	return st, nil
}

// Batch is one atomic write.
type Batch struct {
	// Put stores these records (new or replacing).
	Put []domain.Node
	// Delete removes these records.
	Delete []string
	// Tombstones records merged IDs.
	Tombstones []domain.Tombstone
	// Deleted remembers seed IDs that must not come back on re-seeding.
	Deleted []string
	// Version, when set, becomes the stored dataset version.
	Version string
	// Seeded marks the bundled seed as loaded.
	Seeded bool
	// Audit holds the entries of the write; Commit numbers them and sets their
	// time and write number.
	Audit []domain.AuditEntry
}

// Commit applies b in one transaction and returns its audit entries as stored.
// Nothing is written when it fails.
func (d *DB) Commit(ctx context.Context, b Batch) ([]domain.AuditEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("bolt: commit: %w", err)
	}
	var entries []domain.AuditEntry
	err := d.db.Update(func(tx *bbolt.Tx) error {
		nodes := tx.Bucket(bucketNodes)
		// Keys in order fill pages instead of splitting them (large imports).
		put := slices.SortedFunc(slices.Values(b.Put), func(a, b domain.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
		for i, n := range put {
			if i%4096 == 4095 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			data, err := MarshalNode(n)
			if err != nil {
				return err
			}
			if err := nodes.Put([]byte(n.NodeID()), data); err != nil {
				return fmt.Errorf("put %s: %w", n.NodeID(), err)
			}
		}
		for _, id := range b.Delete {
			if err := nodes.Delete([]byte(id)); err != nil {
				return fmt.Errorf("delete %s: %w", id, err)
			}
		}
		for _, t := range b.Tombstones {
			if err := tx.Bucket(bucketTombstones).Put([]byte(t.ID), []byte(t.SurvivorID)); err != nil {
				return fmt.Errorf("tombstone %s: %w", t.ID, err)
			}
		}
		for _, id := range b.Deleted {
			if err := tx.Bucket(bucketDeleted).Put([]byte(id), []byte{}); err != nil {
				return fmt.Errorf("deleted %s: %w", id, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if b.Version != "" {
			if err := meta.Put(keyVersion, []byte(b.Version)); err != nil {
				return err
			}
		}
		if b.Seeded {
			if err := meta.Put(keySeeded, []byte("1")); err != nil {
				return err
			}
		}
		var err error
		entries, err = appendAudit(tx, b.Audit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("bolt: commit to %s: %w", d.path, err)
	}
	return entries, nil
}

// appendAudit numbers and stores audit entries, indexed by node.
func appendAudit(tx *bbolt.Tx, in []domain.AuditEntry) ([]domain.AuditEntry, error) {
	if len(in) == 0 {
		return nil, nil
	}
	audit, byNode := tx.Bucket(bucketAudit), tx.Bucket(bucketAuditNode)
	write := uint64(1)
	if k, _ := audit.Cursor().Last(); k != nil {
		var last domain.AuditEntry
		if err := json.Unmarshal(audit.Get(k), &last); err != nil {
			return nil, fmt.Errorf("reading the last audit entry: %w", err)
		}
		write = last.Write + 1
	}
	at := time.Now().UTC()
	out := make([]domain.AuditEntry, len(in))
	for i, e := range in {
		seq, err := audit.NextSequence()
		if err != nil {
			return nil, err
		}
		e.Seq, e.Write, e.At = seq, write, at
		data, err := json.Marshal(e)
		if err != nil {
			return nil, fmt.Errorf("encoding audit entry: %w", err)
		}
		if err := audit.Put(seqKey(seq), data); err != nil {
			return nil, err
		}
		out[i] = e
	}
	// The node index in key order: bbolt inserts into a page by copying its tail,
	// so keys out of order make a large import quadratic.
	keys := make([][]byte, len(out))
	for i, e := range out {
		keys[i] = nodeKey(e.NodeID, e.Seq)
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, k := range keys {
		if err := byNode.Put(k, []byte{}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// seqKey is an audit sequence as a sortable key.
func seqKey(seq uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, seq)
	return k
}

// nodeKey is the auditnode key of a node's entry.
func nodeKey(id string, seq uint64) []byte {
	k := make([]byte, 0, len(id)+9)
	k = append(k, id...)
	k = append(k, 0)
	return append(k, seqKey(seq)...)
}

// Check verifies the file's consistency (bbolt's page check) in a read
// transaction and returns every problem found.
func (d *DB) Check(ctx context.Context) error {
	var errs []error
	err := d.db.View(func(tx *bbolt.Tx) error {
		for e := range tx.Check() {
			errs = append(errs, e)
			if len(errs) >= 10 {
				break
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return fmt.Errorf("bolt: check %s: %w", d.path, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("bolt: check %s: %w", d.path, errors.Join(errs...))
	}
	return nil
}

// Exists reports whether a regular file is at path.
func Exists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
