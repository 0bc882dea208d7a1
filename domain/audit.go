package domain

import (
	"bytes"
	"encoding/base64"
	"strconv"
)

// Audit cursors are the same for every store: an entry's sequence number,
// opaque to clients.

// AuditCursor encodes an audit entry's sequence number as an opaque cursor.
func AuditCursor(seq uint64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("audit:" + strconv.FormatUint(seq, 10)))
}

// ParseAuditCursor decodes a cursor of AuditCursor; anything else is EINVALID on "after".
func ParseAuditCursor(c string) (uint64, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		if s, ok := bytes.CutPrefix(raw, []byte("audit:")); ok {
			if seq, err := strconv.ParseUint(string(s), 10, 64); err == nil && seq > 0 {
				return seq, nil
			}
		}
	}
	return 0, FieldErrorf(EINVALID, "after", "not a cursor of the audit log")
}

// Page returns the page size (DefaultPageSize for 0) and the sequence number
// entries must be below (0 = from the newest), or EINVALID on "first" or "after".
func (q AuditQuery) Page() (first int, before uint64, err error) {
	first = q.First
	switch {
	case first == 0:
		first = DefaultPageSize
	case first < 0 || first > MaxPageSize:
		return 0, 0, FieldErrorf(EINVALID, "first", "must be between 0 and %d", MaxPageSize)
	}
	if q.After != "" {
		if before, err = ParseAuditCursor(q.After); err != nil {
			return 0, 0, err
		}
	}
	return first, before, nil
}
