package domain

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeCursor feeds arbitrary strings to DecodeCursor: it never panics,
// refuses with EINVALID on "after", and what it accepts was made for the order
// and filter asked for and encodes back to a cursor that decodes the same.
func FuzzDecodeCursor(f *testing.F) {
	date := Order{Field: "DATE", Desc: true}
	k := "2016-12-29"
	f.Add(Cursor{Order: date.String(), Filter: "abc", Keys: []*string{&k, nil}, ID: "meeting:jcc-6"}.Encode())
	f.Add(Cursor{Order: "NAME", Filter: "abc", ID: "x"}.Encode())
	f.Add("")
	f.Add("eyJvIjoiREFURV9ERVNDIn0")
	f.Add("!!not base64!!")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := DecodeCursor(s, date, "abc")
		if err != nil {
			if ErrorCode(err) != EINVALID || ErrorField(err) != "after" {
				t.Fatalf("error %v, want %s on after", err, EINVALID)
			}
			return
		}
		if c.Order != date.String() || c.Filter != "abc" || c.ID == "" {
			t.Fatalf("accepted %+v for another order or filter", c)
		}
		again, err := DecodeCursor(c.Encode(), date, "abc")
		if err != nil || again.ID != c.ID || !slices.EqualFunc(again.Keys, c.Keys, func(a, b *string) bool {
			return (a == nil) == (b == nil) && (a == nil || *a == *b)
		}) {
			t.Fatalf("re-encoded cursor decodes to %+v, %v; want %+v", again, err, c)
		}
	})
}

// FuzzCursorRoundTrip encodes arbitrary cursors and decodes them back.
func FuzzCursorRoundTrip(f *testing.F) {
	f.Add("NAME", "f", "key", true, "org:pseb")
	f.Add("DATE_DESC", "", "", false, "x\x00\xff")
	f.Fuzz(func(t *testing.T, order, filter, key string, null bool, id string) {
		// Orders are enum names and filters hex hashes: only keys and IDs carry
		// user text.
		if order == "" || id == "" || !utf8.ValidString(order) {
			return
		}
		filter = FilterHash(filter)
		keys := []*string{&key}
		if null {
			keys = append(keys, nil)
		}
		o := Order{Field: order}
		c, err := DecodeCursor(Cursor{Order: o.String(), Filter: filter, Keys: keys, ID: id}.Encode(), o, filter)
		if err != nil {
			t.Fatalf("own cursor refused: %v", err)
		}
		// JSON keeps valid UTF-8 as is (invalid bytes become U+FFFD, on both sides of a comparison).
		if c.ID == "" || len(c.Keys) != len(keys) || (null && c.Keys[1] != nil) {
			t.Fatalf("decoded %+v", c)
		}
	})
}
