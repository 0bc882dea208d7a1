package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	bbolt "go.etcd.io/bbolt"

	"github.com/corridor-kg/corridor/domain"
)

var _ domain.AuditLog = (*DB)(nil)

// Audit implements domain.AuditLog: entries newest first, optionally of one node.
func (d *DB) Audit(ctx context.Context, q domain.AuditQuery) (*domain.AuditPage, error) {
	first, before, err := q.Page() // before: entries with a smaller sequence; 0 = from the newest
	if err != nil {
		return nil, err
	}
	page := &domain.AuditPage{}
	err = d.db.View(func(tx *bbolt.Tx) error {
		audit := tx.Bucket(bucketAudit)
		add := func(seq uint64) (bool, error) {
			if len(page.Entries) == first {
				page.HasNextPage = true
				return false, nil
			}
			var e domain.AuditEntry
			if err := json.Unmarshal(audit.Get(seqKey(seq)), &e); err != nil {
				return false, fmt.Errorf("audit entry %d: %w", seq, err)
			}
			page.Entries = append(page.Entries, e)
			page.Cursors = append(page.Cursors, domain.AuditCursor(seq))
			return true, ctx.Err()
		}
		if q.NodeID == "" {
			c := audit.Cursor()
			k, _ := c.Last()
			if before != 0 {
				c.Seek(seqKey(before))
				k, _ = c.Prev()
			}
			for ; k != nil; k, _ = c.Prev() {
				if more, err := add(seqOf(k)); err != nil || !more {
					return err
				}
			}
			return nil
		}
		prefix := append([]byte(q.NodeID), 0)
		c := tx.Bucket(bucketAuditNode).Cursor()
		end := before
		if end == 0 {
			end = ^uint64(0)
		}
		// Position after the last key of the node below end, then walk back.
		k, _ := c.Seek(nodeKey(q.NodeID, end))
		if k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
			seq := seqOf(k[len(prefix):])
			if seq >= end {
				continue
			}
			if more, err := add(seq); err != nil || !more {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bolt: audit: %w", err)
	}
	return page, nil
}

// seqOf decodes a big-endian sequence key.
func seqOf(k []byte) uint64 {
	var seq uint64
	for _, b := range k[:8] {
		seq = seq<<8 | uint64(b)
	}
	return seq
}

// EachAudit calls fn with every audit entry, oldest first, from one read
// transaction (writes go on meanwhile); it stops at fn's first error.
func (d *DB) EachAudit(ctx context.Context, fn func(domain.AuditEntry) error) error {
	err := d.db.View(func(tx *bbolt.Tx) error {
		i := 0
		return tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
			if i++; i%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			var e domain.AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("audit entry %d: %w", seqOf(k), err)
			}
			return fn(e)
		})
	})
	if err != nil {
		return fmt.Errorf("bolt: reading the audit log: %w", err)
	}
	return nil
}
