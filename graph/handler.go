package graph

import (
	"context"
	"math"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/generated"
	"github.com/corridor-kg/corridor/graph/model"
)

// NewHandler returns the GraphQL endpoint over the ports of a store: POST and
// GET, automatic persisted queries, a query cache, the depth, alias and
// complexity limits of cfg, fresh loaders for every operation, a response cache
// when ports has Revisions, and the error presenter and panic recovery that
// decide what clients see. Fields needing a port that is nil answer that the
// store does not support them. Zero fields of cfg take their defaults.
//
// It serves the GraphQL protocol only; CORS, body size, timeouts, rate limits and
// the playground are the server's concern.
func NewHandler(ports domain.Ports, cfg Config) http.Handler {
	exec, cache := NewHandlers(ports, cfg)
	return cache(exec)
}

// NewHandlers returns NewHandler's two halves, for a server that puts its own
// middleware between them: the executor, and the response cache as a middleware
// (the identity when nothing is cached). Requests the cache answers never reach
// what it wraps, so a server can spare repeated requests its checks: an identical
// request (method, body, Authorization, data revision) passed them before.
func NewHandlers(ports domain.Ports, cfg Config) (exec http.Handler, cache func(http.Handler) http.Handler) {
	cfg = cfg.withDefaults()
	store := ports.Store
	schema := generated.NewExecutableSchema(generated.Config{
		Resolvers: &Resolver{store: store, explorer: ports.Explorer, writer: ports.Writer,
			audit: ports.Audit, cfg: cfg},
		Complexity: complexity(),
	})
	srv := handler.New(schema)

	// Transports: OPTIONS answers preflights with the allowed methods; GET serves
	// queries (never mutations) from URL parameters; POST serves JSON bodies.
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})

	// Parsed and validated queries, keyed by query text.
	queries := lru.New[*ast.QueryDocument](cfg.QueryCacheSize)
	srv.SetQueryCache(queries)
	// The parser's own token limit backs up the document limits below.
	srv.SetParserTokenLimit(cfg.Document.Tokens)
	// Validation: gqlparser's rules plus the depth and alias limits.
	srv.SetValidationRulesFn(func() *rules.Rules { return validationRules(cfg.MaxDepth, cfg.MaxAliases, cfg.MaxErrors) })

	// Extensions, in the order they apply to an operation.
	for _, e := range cfg.Extensions {
		srv.Use(e)
	}
	if !cfg.DisableIntrospection {
		srv.Use(extension.Introspection{})
	}
	// Before parsing: the document limits, so that validation, which cannot be
	// interrupted, only sees small documents. They come before persisted queries,
	// so only documents within them are kept for hash-only requests.
	srv.Use(documentLimit{limits: cfg.Document, cache: queries})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](cfg.APQCacheSize)})
	// After validation, before any resolver: the complexity limit.
	srv.Use(&complexityLimit{limit: cfg.MaxComplexity})
	// Every answer: at most cfg.MaxErrors errors.
	srv.AroundResponses(capErrors(cfg.MaxErrors))

	// Every operation gets its own loaders: batches and caches never outlive it.
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(WithLoaders(ctx, NewLoaders(store, cfg.LoaderWait, cfg.LoaderMaxWait)))
	})

	srv.SetErrorPresenter(errorPresenter(cfg.Logger))
	srv.SetRecoverFunc(recoverFunc(cfg.Logger))

	// Repeated queries over an unchanged store are answered from memory.
	if rev := ports.Revisions; rev != nil && cfg.ResponseCacheSize > 0 {
		srv.AroundResponses(markCacheable)
		return srv, func(next http.Handler) http.Handler {
			return newResponseCache(next, rev, cfg.ResponseCacheSize, maxCachedRequest, cfg.OnCacheHit)
		}
	}
	return srv, func(next http.Handler) http.Handler { return next }
}

// SchemaSDL returns the public schema exactly as written in schema.graphqls, with
// its descriptions: what /schema.graphql serves when introspection is off.
func SchemaSDL() string {
	return generated.NewExecutableSchema(generated.Config{}).Schema().Query.Position.Src.Input
}

// pageCost is the complexity of a paginated field: 1 plus `first` times its
// selection, where an omitted `first` counts as the maximum page size and a `first`
// out of range counts as that maximum too (the resolver rejects it with a precise
// BAD_USER_INPUT error, which is more useful than a complexity error).
func pageCost(child int, first *int) int {
	n := domain.MaxPageSize
	if first != nil && *first >= 0 && *first < n {
		n = *first
	}
	return listCost(n, child)
}

// listCost is the complexity of a field returning n items of complexity child:
// 1 plus their product, saturating instead of overflowing (a product that wrapped
// around could price a huge request as a small one).
func listCost(n, child int) int {
	if n > 0 && child > (math.MaxInt-1)/n {
		return math.MaxInt
	}
	return 1 + n*child
}

// complexity returns the cost of the fields that return many items for one
// request: connections and search cost `first` times their selection; nodes costs
// one selection per ID. Other fields, plain nested lists included, cost 1 plus
// their selection (gqlgen's default).
func complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	c.Query.Actors = func(child int, _ *model.ActorFilter, _ *model.ActorOrder, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.Meetings = func(child int, _ *model.MeetingFilter, _ *model.MeetingOrder, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.Commitments = func(child int, _ *model.CommitmentFilter, _ *model.CommitmentOrder, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.Projects = func(child int, _ *model.ProjectFilter, _ *model.ProjectOrder, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.Sources = func(child int, _ *model.SourceFilter, _ *model.SourceOrder, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.Search = func(child int, _ string, _ []domain.Kind, first *int) int {
		return pageCost(child, first)
	}
	c.Query.Nodes = func(child int, ids []string) int {
		return listCost(min(len(ids), domain.MaxPageSize), child)
	}
	// A path holds up to maxHops edges and maxHops+1 nodes, a subgraph up to
	// limit nodes: their selections count that many times.
	c.Query.Paths = func(child int, _ string, _ string, maxHops *int, _ []domain.RelType, _ []string, _ *bool, first *int) int {
		return listCost(countOr(first, domain.DefaultPathFirst, domain.MaxPathFirst)*countOr(maxHops, domain.DefaultPathMaxHops, domain.MaxPathMaxHops), child)
	}
	c.Query.Neighborhood = func(child int, _ string, _ *int, _ []domain.Kind, _ []domain.RelType, limit *int) int {
		return listCost(countOr(limit, domain.DefaultNeighborhoodLimit, domain.MaxNeighborhoodLimit), child)
	}
	// A roll-up returns one group per key: with first, that many at most.
	// Without first, or out of range (the resolver's precise error), one selection.
	c.Query.CommitmentStats = func(child int, _ domain.CommitmentGroup, _ *model.CommitmentFilter, first *int) int {
		if first == nil || *first < 1 || *first > domain.MaxStatGroups {
			return listCost(1, child)
		}
		return listCost(*first, child)
	}
	c.Query.Timeline = func(child int, _ *string, _ *string, _ *string, _ *string, first *int) int {
		return listCost(countOr(first, domain.DefaultTimelineFirst, domain.MaxTimelineFirst), child)
	}
	return c
}

// countOr is the count an optional argument stands for in complexity: def when
// omitted, the maximum when out of range (the resolver rejects it with a precise
// BAD_USER_INPUT error).
func countOr(v *int, def, maxN int) int {
	switch {
	case v == nil:
		return def
	case *v < 1 || *v > maxN:
		return maxN
	}
	return *v
}
