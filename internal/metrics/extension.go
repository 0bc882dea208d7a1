package metrics

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// Extension returns a gqlgen handler extension that times every GraphQL response
// by operation name and counts its errors by extensions.code (as the error
// presenter set them). Install it on the GraphQL handler.
func (m *Metrics) Extension() graphql.HandlerExtension { return extension{m} }

type extension struct{ m *Metrics }

var (
	_ graphql.HandlerExtension    = extension{}
	_ graphql.ResponseInterceptor = extension{}
)

// ExtensionName implements graphql.HandlerExtension.
func (extension) ExtensionName() string { return "CorridorMetrics" }

// Validate implements graphql.HandlerExtension.
func (extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (e extension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	op := OpNone
	if graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		name := oc.OperationName
		if name == "" && oc.Operation != nil {
			name = oc.Operation.Name
		}
		if oc.Doc != nil {
			op = e.m.operation(name)
		}
		if !oc.Stats.OperationStart.IsZero() {
			start = oc.Stats.OperationStart
		}
	}
	e.m.opDuration.WithLabelValues(op).Observe(time.Since(start).Seconds())
	if resp != nil {
		for _, err := range resp.Errors {
			code, _ := err.Extensions["code"].(string)
			e.m.errors.WithLabelValues(boundCode(code)).Inc()
		}
	}
	return resp
}
