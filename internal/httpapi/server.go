package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/rs/cors"
)

// Config holds the HTTP limits and policies. Zero values mean "off" except where
// DefaultConfig documents a default.
type Config struct {
	// CORSOrigins lists allowed origins; empty means no CORS headers at all
	// (rs/cors would read an empty list as "allow all"); "*" must be asked for.
	CORSOrigins []string
	// BodyLimit is the largest request body accepted, in bytes (413 beyond).
	BodyLimit int64
	// Timeout bounds one GraphQL request; the store's work is cancelled after it.
	Timeout time.Duration
	// RatePerSecond and RateBurst limit each client (API key, else IP); 0 disables.
	RatePerSecond float64
	RateBurst     int
	// TrustedProxies are the peers whose X-Forwarded-For is believed.
	TrustedProxies []netip.Prefix
	// RequireKeyForReads refuses /graphql requests without a valid API key (401).
	// A request with an invalid key is refused whatever this says.
	RequireKeyForReads bool
	// AllowlistOnly serves only the queries of Deps.Allowlist (403 for others).
	AllowlistOnly bool
	// ExportTimeout bounds one /export/ download (a whole-graph file takes longer
	// than a query); the store's work is cancelled after it.
	ExportTimeout time.Duration
}

// DefaultConfig returns the defaults README.md's configuration table lists: body 1 MiB, timeout 10 s,
// 20 requests/s per client with bursts of 40, no CORS, no trusted proxies; and
// 2 minutes for an export.
func DefaultConfig() Config {
	return Config{BodyLimit: 1 << 20, Timeout: 10 * time.Second, RatePerSecond: 20, RateBurst: 40, ExportTimeout: 2 * time.Minute}
}

// Deps are the handlers and probes the HTTP surface is assembled from.
type Deps struct {
	// GraphQL serves /graphql.
	GraphQL http.Handler
	// GraphQLCache, when set, wraps GraphQL and the request checks: a response
	// cache that answers repeated requests before they are checked again (they
	// passed the checks the first time). It runs inside the rate limit, the key
	// check and the body limit.
	GraphQLCache func(http.Handler) http.Handler
	// Playground serves / and its assets.
	Playground http.Handler
	// SDL is the schema served at /schema.graphql.
	SDL []byte
	// Ready reports whether the store is usable (for /readyz).
	Ready func(context.Context) error
	// Metrics serves /metrics when set.
	Metrics http.Handler
	// Exports serves /export/ when set, behind the rate limit and the read key
	// check of /graphql, within Config.ExportTimeout.
	Exports http.Handler
	// Sources serves /sources/ when set (the explorer's reader view of a source),
	// behind the rate limit and the read key check of /graphql.
	Sources http.Handler
	// Admin serves /admin/ when set, to admin keys only (401 without a key, 403
	// with a key of a lower role), behind the rate limit.
	Admin http.Handler
	// Authenticate finds the principal of an API key; nil means no keys are
	// configured (every key sent is then invalid).
	Authenticate Authenticator
	// Allowlist maps QueryHash(query) to query: what AllowlistOnly serves.
	Allowlist map[string]string
	// Observe, when set, is told of every request once it is answered: its route
	// (the pattern that served it, "" when none did), status, the extensions.code
	// of a refusal written here (before the GraphQL layer; "" otherwise) and
	// duration.
	Observe func(route string, status int, code string, elapsed time.Duration)
	Log     *slog.Logger
}

// New returns the whole HTTP handler.
func New(cfg Config, d Deps) http.Handler {
	log := d.Log
	if log == nil {
		log = slog.Default()
	}
	clients := clientResolver{trusted: cfg.TrustedProxies}
	var lim *limiter
	if cfg.RatePerSecond > 0 {
		lim = newLimiter(cfg.RatePerSecond, max(cfg.RateBurst, 1))
	}

	var allowlist map[string]string
	if cfg.AllowlistOnly {
		allowlist = map[string]string{}
		for h, q := range d.Allowlist {
			allowlist[h] = q
		}
	}

	// /graphql, outermost first: the rate limit (so that refused requests and
	// guessed keys count too), the key check, the body limit, the response cache,
	// the request checks, the timeout.
	mux := http.NewServeMux()
	var gql http.Handler = d.GraphQL
	gql = withTimeout(cfg.Timeout, gql)
	gql = withRequestChecks(allowlist, gql)
	if d.GraphQLCache != nil {
		gql = d.GraphQLCache(gql)
	}
	if cfg.BodyLimit > 0 {
		gql = withBodyLimit(cfg.BodyLimit, gql)
	}
	gql = withAuthGate(cfg.RequireKeyForReads, gql)
	gql = withRateLimit(lim, gql)
	mux.Handle("/graphql", gql)
	mux.HandleFunc("GET /schema.graphql", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(d.SDL)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if d.Ready != nil {
			if err := d.Ready(ctx); err != nil {
				log.Warn("not ready", "request_id", RequestID(r.Context()), "err", err)
				writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": "store unreachable"})
				return
			}
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	if d.Metrics != nil {
		mux.Handle("GET /metrics", d.Metrics)
	}
	if d.Exports != nil {
		mux.Handle("/export/", withRateLimit(lim, withAuthGate(cfg.RequireKeyForReads, withTimeout(cfg.ExportTimeout, d.Exports))))
	}
	if d.Sources != nil {
		mux.Handle("/sources/", withRateLimit(lim, withAuthGate(cfg.RequireKeyForReads, withTimeout(cfg.Timeout, d.Sources))))
	}
	if d.Admin != nil {
		mux.Handle("/admin/", withRateLimit(lim, withRole(domain.RoleAdmin, d.Admin)))
	}
	if d.Playground != nil {
		mux.Handle("/", d.Playground)
	}

	var h http.Handler = mux
	if len(cfg.CORSOrigins) > 0 {
		h = cors.New(cors.Options{
			AllowedOrigins: cfg.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
			AllowedHeaders: []string{"Authorization", "Content-Type", "Accept", "X-Request-ID", "Apollographql-Client-Name"},
			ExposedHeaders: []string{"Retry-After", "X-Request-ID"},
			MaxAge:         600,
		}).Handler(h)
	}
	h = withRecover(log, h)
	h = withLogging(log, d.Observe, h)
	h = withIdentity(d.Authenticate, clients, h)
	return withRequestID(h)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
