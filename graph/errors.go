package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/corridor-kg/corridor/domain"
)

// errorPresenter decides what a client sees of an error, and nothing else does:
//
//   - a domain error (anywhere in the chain) keeps its code, its client-safe
//     message and its field (extensions.field);
//   - an error gqlgen or gqlparser made from the request itself (parse, validation,
//     complexity, persisted query) keeps its message and code, except that bad enum
//     values, bad variable values and the depth and alias limits are BAD_USER_INPUT;
//   - work stopped by the request's deadline is TIMEOUT, by the client hanging
//     up CANCELLED;
//   - anything else is INTERNAL with a generic message, and is logged in full.
//
// Extensions hold only `code` and, when known, `field` (and `dropped` on the
// TOO_MANY_ERRORS note): never a stack or internal text.
func errorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		src := graphql.DefaultErrorPresenter(ctx, err)
		out := &gqlerror.Error{Path: src.Path, Locations: src.Locations}
		var code, field string
		var de *domain.Error
		switch {
		case errors.As(err, &de):
			code, field, out.Message = de.Code, de.Field, de.Message
		case errors.Is(err, context.DeadlineExceeded):
			code, out.Message = domain.ETIMEOUT, "the request took longer than the server's time limit"
		case errors.Is(err, context.Canceled):
			// The client hung up: no one reads this, and it is not the server's fault.
			code, out.Message = CodeCancelled, "the request was cancelled: the client closed the connection"
		case src.Err == nil:
			out.Message = src.Message
			code, _ = src.Extensions["code"].(string)
			if isUserInputError(src) {
				code = domain.EINVALID
			}
			if v, ok := variablePath(src.Path); ok {
				field = v
				out.Path = nil
			}
			if code == "" {
				code = domain.EINTERNAL
			}
		default:
			logger.ErrorContext(ctx, "graphql: internal error", "err", err, "path", src.Path.String())
			code, out.Message = domain.EINTERNAL, domain.ErrorMessage(err)
		}
		if code == domain.EINTERNAL && de != nil && !errors.Is(err, errPanic) {
			logger.ErrorContext(ctx, "graphql: internal error", "err", err, "path", src.Path.String())
		}
		out.Extensions = map[string]any{"code": code}
		if src.Rule == ruleMaxErrors {
			out.Extensions["code"], out.Extensions["dropped"] = CodeTooManyErrors, src.Extensions["dropped"]
		}
		if field != "" {
			out.Extensions["field"] = field
		}
		return out
	}
}

// isUserInputError reports whether a validation error is about the values a client
// sent rather than the shape of its query: enum values, variable values, and the
// depth and alias limits.
func isUserInputError(e *gqlerror.Error) bool {
	switch {
	case e.Rule == ruleMaxDepth || e.Rule == ruleMaxAliases:
		return true
	case e.Rule == "ValuesOfCorrectType" && strings.Contains(strings.ToLower(e.Message), "enum"):
		return true
	}
	_, isVar := variablePath(e.Path)
	return isVar
}

// variablePath returns "$name.field[0]" for an error gqlparser raised while
// coercing a variable (path ["variable", name, …]).
func variablePath(p ast.Path) (string, bool) {
	if len(p) < 2 || p[0] != ast.PathName("variable") {
		return "", false
	}
	var b strings.Builder
	b.WriteString("$")
	for i, el := range p[1:] {
		switch el := el.(type) {
		case ast.PathName:
			if i > 0 {
				b.WriteString(".")
			}
			b.WriteString(string(el))
		case ast.PathIndex:
			fmt.Fprintf(&b, "[%d]", int(el))
		}
	}
	return b.String(), true
}

// recoverFunc turns a panic in a resolver into an INTERNAL error, after logging it
// with its stack. The client sees only the generic message.
func recoverFunc(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, v any) error {
		var path string
		if graphql.GetFieldContext(ctx) != nil {
			path = graphql.GetPath(ctx).String()
		}
		logger.ErrorContext(ctx, "graphql: panic", "panic", fmt.Sprint(v), "path", path, "stack", string(debug.Stack()))
		return errPanic
	}
}

// errPanic is what a recovered panic becomes; it is logged once, by recoverFunc.
var errPanic = domain.Errorf(domain.EINTERNAL, "Internal error.")

// CodeCancelled is the extensions.code of work stopped because the client hung
// up; it is counted in the metrics and never logged as an error.
const CodeCancelled = "CANCELLED"

// CodeTooManyErrors is the extensions.code of the last error of an answer that
// had more errors than it may carry: that error says how many were dropped.
const CodeTooManyErrors = "TOO_MANY_ERRORS"

// capErrors keeps at most n errors in an answer (validation can report one error
// per pair of conflicting fields, execution one per failed item) and replaces
// the rest with one last error that counts them, those the validation rules
// already dropped (their TOO_MANY_ERRORS note) included.
func capErrors(n int) func(context.Context, graphql.ResponseHandler) *graphql.Response {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if resp == nil {
			return resp
		}
		kept := resp.Errors[:0:0]
		dropped := 0
		for _, e := range resp.Errors {
			switch {
			case e.Extensions["code"] == CodeTooManyErrors:
				d, _ := e.Extensions["dropped"].(int)
				dropped += d
			case len(kept) < n:
				kept = append(kept, e)
			default:
				dropped++
			}
		}
		if dropped == 0 {
			return resp
		}
		note := gqlerror.Errorf("%d more errors were dropped: an answer carries at most %d (CORRIDOR_MAX_ERRORS)", dropped, n)
		note.Extensions = map[string]any{"code": CodeTooManyErrors, "dropped": dropped}
		resp.Errors = append(kept, note)
		return resp
	}
}
