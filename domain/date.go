package domain

import (
	"fmt"
	"time"
)

// PartialDate is a date known to a day, a month, a year, or not at all.
// Value is "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (unknown). Text keeps a relative or
// vague date as the source gave it ("on Tuesday", "recently"), never resolved by guessing.
type PartialDate struct {
	Value string
	Text  string
}

// ParsePartialDate validates a "YYYY", "YYYY-MM" or "YYYY-MM-DD" value ("" is unknown).
func ParsePartialDate(value string) (PartialDate, error) {
	d := PartialDate{Value: value}
	var layout string
	switch len(value) {
	case 0:
		return d, nil
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = time.DateOnly
	default:
		return d, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", value)
	}
	if _, err := time.Parse(layout, value); err != nil {
		return d, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", value)
	}
	return d, nil
}

// Precision returns how much of the date is known.
func (d PartialDate) Precision() Precision {
	switch len(d.Value) {
	case 10:
		return PrecisionDay
	case 7:
		return PrecisionMonth
	case 4:
		return PrecisionYear
	}
	return PrecisionUnknown
}

// Known reports whether any part of the date is known.
func (d PartialDate) Known() bool { return d.Value != "" }

// Start returns the first day the date may stand for ("" when unknown).
func (d PartialDate) Start() string {
	switch d.Precision() {
	case PrecisionDay:
		return d.Value
	case PrecisionMonth:
		return d.Value + "-01"
	case PrecisionYear:
		return d.Value + "-01-01"
	}
	return ""
}

// End returns the last day the date may stand for ("" when unknown).
func (d PartialDate) End() string {
	switch d.Precision() {
	case PrecisionDay:
		return d.Value
	case PrecisionMonth:
		t, _ := time.Parse("2006-01", d.Value)
		return t.AddDate(0, 1, -1).Format(time.DateOnly)
	case PrecisionYear:
		return d.Value + "-12-31"
	}
	return ""
}

// Within reports whether the date may fall inside [from, to] (ISO dates, "" = open).
// An unknown date is within only an unbounded range.
func (d PartialDate) Within(from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if !d.Known() {
		return false
	}
	if from != "" && d.End() < from {
		return false
	}
	if to != "" && d.Start() > to {
		return false
	}
	return true
}

// ParseDate validates an ISO "YYYY-MM-DD" date argument; field names it in the error.
func ParseDate(field, s string) (string, error) {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", FieldErrorf(EINVALID, field, "%q is not a date in YYYY-MM-DD form", s)
	}
	return s, nil
}
