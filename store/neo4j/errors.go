package neo4j

import (
	"context"
	"errors"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// storeError is an INTERNAL domain error that keeps the driver's error for logs
// and errors.As, while its own text never includes the driver's message (which
// may quote Cypher): only the operation and, for server errors, the Neo4j code.
type storeError struct {
	domain *domain.Error
	op     string
	detail string
	cause  error
}

func (e *storeError) Error() string {
	return fmt.Sprintf("%s (neo4j %s: %s)", e.domain.Error(), e.op, e.detail)
}

// Unwrap exposes both the domain error and the driver's error.
func (e *storeError) Unwrap() []error { return []error{e.domain, e.cause} }

// Client-safe messages of storeError.
const (
	msgUnavailable = "The graph database is unavailable."
	msgFailed      = "The graph database could not answer."
)

// internal wraps an error of the driver (or of decoding) as an INTERNAL domain error.
func (s *Store) internal(op string, err error) error {
	return wrapInternal(op, err)
}

func wrapInternal(op string, err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	e := &storeError{domain: domain.Errorf(domain.EINTERNAL, "%s", msgFailed), op: op, cause: err}
	var n4 *neo4j.Neo4jError
	var conn *neo4j.ConnectivityError
	var dec *decodeError
	switch {
	case errors.As(err, &n4):
		e.detail = "server error " + n4.Code
		if n4.Code == "Neo.ClientError.Security.Unauthorized" || n4.Code == "Neo.ClientError.Security.AuthenticationRateLimit" {
			e.domain.Message = msgUnavailable
		}
	case errors.As(err, &conn), neo4j.IsUsageError(err):
		e.domain.Message = msgUnavailable
		e.detail = "connectivity"
	case errors.Is(err, context.Canceled):
		e.detail = context.Canceled.Error()
	case errors.Is(err, context.DeadlineExceeded):
		e.detail = context.DeadlineExceeded.Error()
	case errors.As(err, &dec):
		e.detail = dec.Error()
	default:
		e.detail = fmt.Sprintf("%T", err)
	}
	return e
}
