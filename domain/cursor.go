package domain

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
)

// Cursor is the decoded content of an opaque keyset cursor: the order it was
// made under, a hash of the filter, the sort values of the item (nil = null), and its ID.
type Cursor struct {
	Order  string    `json:"o"`
	Filter string    `json:"f"`
	Keys   []*string `json:"k"`
	ID     string    `json:"id"`
}

// FilterHash returns a short stable hash of a filter value.
func FilterHash(filter any) string {
	b, _ := json.Marshal(filter)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// Encode returns the opaque string form of the cursor.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses an opaque cursor and checks that it was made under the same
// order and filter; any mismatch or malformation is an EINVALID error on "after".
func DecodeCursor(s string, order Order, filterHash string) (*Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, FieldErrorf(EINVALID, "after", "malformed cursor")
	}
	var c Cursor
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || c.ID == "" || c.Order == "" {
		return nil, FieldErrorf(EINVALID, "after", "malformed cursor")
	}
	if c.Order != order.String() {
		return nil, FieldErrorf(EINVALID, "after", "cursor was made for order %s, not %s", c.Order, order.String())
	}
	if c.Filter != filterHash {
		return nil, FieldErrorf(EINVALID, "after", "cursor was made for another filter")
	}
	return &c, nil
}

// CheckPage validates page arguments: first defaults to DefaultPageSize; more than
// MaxPageSize or less than 0 is an EINVALID error on "first" (never silently capped).
func CheckPage(first *int, after *string) (PageArgs, error) {
	p := PageArgs{First: DefaultPageSize}
	if first != nil {
		if *first < 0 || *first > MaxPageSize {
			return p, FieldErrorf(EINVALID, "first", "first must be between 0 and %d, got %d", MaxPageSize, *first)
		}
		p.First = *first
	}
	if after != nil {
		p.After = *after
	}
	return p, nil
}

// CompareKeys compares two sort-key tuples then IDs under an order's direction.
// Nulls sort last in both directions; IDs always ascend. It returns <0, 0 or >0.
func CompareKeys(a []*string, aID string, b []*string, bID string, desc bool) int {
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		switch {
		case x == nil && y == nil:
			continue
		case x == nil:
			return 1
		case y == nil:
			return -1
		}
		if c := strings.Compare(*x, *y); c != 0 {
			if desc {
				return -c
			}
			return c
		}
	}
	return strings.Compare(aID, bID)
}
