package seed

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ValidationError is one problem found in the seed data. It names where the
// problem is (file and line), which record holds it and which field, so a curator
// can go straight to it.
type ValidationError struct {
	// File is the path of the data file, as shown to the curator (e.g. "seed/data/persons.yaml").
	File string
	// Line is the 1-based line of the offending value (0 when the problem is the whole file).
	Line int
	// Column is the 1-based column of the offending value, when known (imports;
	// 0 otherwise).
	Column int
	// Record is the ID of the record (or a placeholder such as "record #3" when it has none).
	Record string
	// Field is the path of the field inside the record, e.g. "evidence[0].quote".
	Field string
	// Message says what is wrong and, where it can, how to fix it.
	Message string
}

// Error formats the error as "file:line:column: record: field: message", leaving
// out the parts that are empty.
func (e ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	for _, part := range []string{e.Record, e.Field, e.Message} {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(part)
	}
	return b.String()
}

// ValidationErrors is every problem found in one load, sorted by file and line.
type ValidationErrors []ValidationError

// Error lists every problem, one per line, after a count.
func (es ValidationErrors) Error() string {
	if len(es) == 1 {
		return "invalid seed data: " + es[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "invalid seed data: %d errors:", len(es))
	for _, e := range es {
		b.WriteString("\n\t")
		b.WriteString(e.Error())
	}
	return b.String()
}

// sort orders the errors by file, line, record, field and message.
func (es ValidationErrors) sort() {
	slices.SortStableFunc(es, func(a, b ValidationError) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Record, b.Record),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
