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
//   - work stopped by the request's deadline is TIMEOUT;
//   - anything else is INTERNAL with a generic message, and is logged in full.
//
// Extensions hold only `code` and, when known, `field`: never a stack or internal text.
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
