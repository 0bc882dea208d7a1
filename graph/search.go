package graph

import (
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/model"
)

// utf16Ranges converts byte ranges of s into ranges of UTF-16 code units, the
// string indices of JavaScript (and of GraphQL clients in browsers). Ranges out of
// s's bounds are dropped rather than sent wrong.
func utf16Ranges(s string, rs []domain.TextRange) []*model.TextRange {
	out := make([]*model.TextRange, 0, len(rs))
	if len(rs) == 0 {
		return out
	}
	// units[i] is the UTF-16 offset of byte i, for every rune start and len(s).
	units := make(map[int]int, utf8.RuneCountInString(s)+1)
	u := 0
	for i, r := range s {
		units[i] = u
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	units[len(s)] = u
	for _, r := range rs {
		start, ok1 := units[r.Start]
		end, ok2 := units[r.End]
		if ok1 && ok2 && start < end {
			out = append(out, &model.TextRange{Start: start, End: end})
		}
	}
	return out
}
