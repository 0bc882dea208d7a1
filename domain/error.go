// Package domain holds Corridor's core types: the nodes of the actors-and-commitments
// graph, their evidence, the Store port every storage adapter implements, and the
// coded errors that the API layers translate for clients. It imports no framework.
package domain

import (
	"errors"
	"fmt"
)

// Error codes. The GraphQL error presenter maps them one to one onto
// extensions.code; nothing else decides what a client sees.
const (
	ENOTFOUND     = "NOT_FOUND"
	EINVALID      = "BAD_USER_INPUT"
	EUNAUTHORIZED = "UNAUTHENTICATED"
	EFORBIDDEN    = "FORBIDDEN"
	ECOMPLEXITY   = "COMPLEXITY_LIMIT_EXCEEDED"
	ETIMEOUT      = "TIMEOUT"
	EINTERNAL     = "INTERNAL"
)

// Error is a domain error with a code from the list above, a message safe to show
// to a client, and optionally the path of the offending field (e.g. "filter.from").
type Error struct {
	Code    string
	Message string
	Field   string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("corridor error: code=%s field=%s message=%s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("corridor error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an *Error that names the offending input field.
func FieldErrorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, INTERNAL for any
// other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of the first *Error in err's chain,
// or a generic message for any other error (whose text may hold internals).
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorField returns the field path of the first *Error in err's chain, if any.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
