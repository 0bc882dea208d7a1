package graph

import (
	"log/slog"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/corridor-kg/corridor/domain"
)

// Defaults of Config; a zero field of Config means its default.
const (
	DefaultMaxDepth      = 10
	DefaultMaxAliases    = 30
	DefaultMaxComplexity = 5000
	// The document limits (DocumentLimits) and the errors kept in one answer.
	// The largest bundled queries have ~110 tokens and ~55 fields, GraphiQL's
	// introspection query 187 tokens, 73 fields and 11 fragments, the explorer's
	// entity query 458 tokens, 117 fields and 73 fragments; at these limits
	// gqlparser's validation takes at most ~10-20 ms (BenchmarkHostileDocuments).
	DefaultMaxTokens      = 2000
	DefaultMaxFields      = 300
	DefaultMaxFragments   = 200
	DefaultMaxDirectives  = 50
	DefaultMaxErrors      = 50
	DefaultAPQCacheSize   = 1000
	DefaultQueryCacheSize = 1000
	// DefaultResponseCacheSize is the number of complete answers kept.
	DefaultResponseCacheSize = 1000
	DefaultLoaderWait        = 500 * time.Microsecond
	DefaultLoaderMaxWait     = 25 * time.Millisecond
	DefaultServiceVersion    = "dev"
	DefaultLicense           = "CC-BY-4.0"
)

// Config holds the settings of the GraphQL handler. Any zero field takes the
// default named in its comment (DefaultConfig returns them all).
type Config struct {
	// ServiceVersion is reported by Query.about.serviceVersion (default "dev").
	ServiceVersion string
	// License is the dataset's licence, reported by Query.about.license
	// (default "CC-BY-4.0").
	License string
	// MaxDepth is the deepest field nesting an operation may have (default 10).
	// Fragments are followed; introspection fields (__schema, __type) are not
	// counted, since gqlparser bounds them with its own rule.
	MaxDepth int
	// MaxAliases is the most aliased fields one operation may hold, counted through
	// every fragment spread (default 30).
	MaxAliases int
	// MaxComplexity is the highest complexity an operation may have (default 5000):
	// a field costs 1 plus its selection, and a paginated field (one with `first`)
	// costs `first` — the maximum page size when omitted — times its selection.
	MaxComplexity int
	// Document bounds the text of a query before it is parsed: tokens (default
	// 2000), field selections (300), fragments (200) and directives (50). A zero
	// field takes its default.
	Document DocumentLimits
	// MaxErrors is the most errors one answer carries (default 50); beyond them, a
	// last error says how many more were dropped.
	MaxErrors int
	// APQCacheSize is the number of automatic persisted queries kept (default 1000).
	APQCacheSize int
	// QueryCacheSize is the number of parsed and validated queries kept (default 1000).
	QueryCacheSize int
	// ResponseCacheSize is the number of complete answers to repeated queries
	// kept in memory (default 1000; negative turns the cache off). Answers are
	// cached only when the handler's ports have Revisions and are keyed by the
	// store's revision, the request's GraphQL payload and its Authorization
	// header; only successful queries are kept, never mutations or errors.
	ResponseCacheSize int
	// OnCacheHit, when set, is told of every answer served from the response
	// cache: the operation name of the request that computed it ("" for an
	// anonymous operation) and the time taken. Cache hits skip the executor, so
	// Extensions never see them.
	OnCacheHit func(operation string, elapsed time.Duration)
	// DisableIntrospection turns off __schema and __type (default false: on).
	DisableIntrospection bool
	// LoaderWait is the pause in arriving keys after which a loader calls the
	// store (default 500µs). See loaders.go for how this lets one call serve every
	// parent of a level.
	LoaderWait time.Duration
	// LoaderMaxWait bounds how long a loader keeps a batch open while keys keep
	// arriving (default 25ms).
	LoaderMaxWait time.Duration
	// Logger receives panics and internal errors (default slog.Default()).
	Logger *slog.Logger
	// Extensions are installed first, before the handler's own (e.g. metrics).
	Extensions []graphql.HandlerExtension
	// SourceTexts hands over the texts of sources (default none): Source.passages
	// places quotes in them and gives the sentence around each.
	SourceTexts domain.SourceTexts
	// ServeSourceText makes Source.text serve a source's whole text when
	// SourceTexts has it (default false: the articles are not ours to republish).
	ServeSourceText bool
}

// DefaultConfig returns a Config with every default filled in.
func DefaultConfig() Config {
	return Config{}.withDefaults()
}

// withDefaults replaces zero fields by their defaults.
func (c Config) withDefaults() Config {
	if c.ServiceVersion == "" {
		c.ServiceVersion = DefaultServiceVersion
	}
	if c.License == "" {
		c.License = DefaultLicense
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = DefaultMaxDepth
	}
	if c.MaxAliases <= 0 {
		c.MaxAliases = DefaultMaxAliases
	}
	if c.MaxComplexity <= 0 {
		c.MaxComplexity = DefaultMaxComplexity
	}
	c.Document = c.Document.withDefaults()
	if c.MaxErrors <= 0 {
		c.MaxErrors = DefaultMaxErrors
	}
	if c.APQCacheSize <= 0 {
		c.APQCacheSize = DefaultAPQCacheSize
	}
	if c.QueryCacheSize <= 0 {
		c.QueryCacheSize = DefaultQueryCacheSize
	}
	if c.ResponseCacheSize == 0 {
		c.ResponseCacheSize = DefaultResponseCacheSize
	}
	if c.LoaderWait <= 0 {
		c.LoaderWait = DefaultLoaderWait
	}
	if c.LoaderMaxWait <= 0 {
		c.LoaderMaxWait = DefaultLoaderMaxWait
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}
