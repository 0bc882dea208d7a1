// Command corridor serves the Corridor knowledge graph of actors and commitments
// over GraphQL.
//
//	corridor [serve]   serve the API and the playground (the default: `go run .`)
//	corridor seed      validate the bundled dataset and load it into the chosen store
//	corridor version   print the service and dataset versions
//	corridor import <file|dir>   import a JSON dataset document or CSV tables, all or nothing
//	corridor export --format F [--around ID --depth N …] <file|->   write the graph as /export/ serves it
//	corridor backup [--server URL] <file>   back up the embedded store (from a running server with --server)
//	corridor restore <file>      replace the embedded store with a backup (server stopped)
//	corridor audit [--server URL] [--format jsonl|csv] [--node ID] <file|->   write the audit trail
//
// Every flag has an environment variable; see README.md for the table.
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/corridor-kg/corridor/docs"
	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/export"
	"github.com/corridor-kg/corridor/graph"
	"github.com/corridor-kg/corridor/internal/admin"
	"github.com/corridor-kg/corridor/internal/auth"
	"github.com/corridor-kg/corridor/internal/httpapi"
	"github.com/corridor-kg/corridor/internal/metrics"
	"github.com/corridor-kg/corridor/internal/sourcetext"
	"github.com/corridor-kg/corridor/seed"
	"github.com/corridor-kg/corridor/store/bolt"
	"github.com/corridor-kg/corridor/store/neo4j"
	"github.com/corridor-kg/corridor/web"
)

//go:embed schema.graphqls
var schemaSDL []byte

// readme is served at /README.md, for the playground's Welcome panel to show
// its sections offline.
//
//go:embed README.md
var readme []byte

// version is set at build time with -ldflags "-X main.version=…"; otherwise it
// comes from the module's build info.
var version = ""

func serviceVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "corridor:", err)
		os.Exit(1)
	}
}

// run dispatches a subcommand; it is main without the process exit, for tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	cfg, err := parseConfig(cmd, args, stderr)
	if err != nil {
		return err
	}
	if cfg.SeedsDir == "" {
		// Found once for everything that checks quotes: the bundled dataset,
		// curated writes and imports.
		if dir, err := seed.FindSeedsDir(); err == nil {
			cfg.SeedsDir = dir
		}
	}
	switch cmd {
	case "serve":
		return serve(ctx, cfg, stdout)
	case "seed":
		return seedCmd(ctx, cfg, stdout)
	case "import":
		ds, err := loadDataset(ctx, cfg, nil)
		if err != nil {
			return err
		}
		return importCmd(ctx, cfg, ds, stdout)
	case "backup":
		return backupCmd(ctx, cfg, stdout)
	case "restore":
		return restoreCmd(ctx, cfg, stdout)
	case "audit":
		return auditCmd(ctx, cfg, stdout)
	case "export":
		ds, err := loadDataset(ctx, cfg, nil)
		if err != nil {
			return err
		}
		return exportCmd(ctx, cfg, ds, stdout)
	case "version":
		ds, err := loadDataset(ctx, cfg, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "corridor %s (dataset %s)\n", serviceVersion(), ds.Version)
		return nil
	default:
		return fmt.Errorf("unknown command %q (want serve, seed, import, export, backup, restore, audit or version)", cmd)
	}
}

// config is every setting, from flags with environment-variable defaults.
type config struct {
	Port          int
	Host          string
	Store         string
	DataDir       string
	SeedsDir      string
	LogLevel      string
	LogFormat     string
	CORSOrigins   string
	TrustedProxy  string
	BodyLimit     int64
	Timeout       time.Duration
	ExportTimeout time.Duration
	RateLimit     float64
	RateBurst     int
	MaxDepth      int
	MaxAliases    int
	MaxComplexity int
	Document      graph.DocumentLimits
	MaxErrors     int
	Introspection bool
	ResponseCache int
	// ServeSourceText serves the sources' whole texts (Source.text, the reader view).
	ServeSourceText bool
	// APIKeys is CORRIDOR_API_KEYS (environment only: never a flag, so never in ps).
	APIKeys            string
	APIKeysFile        string
	RequireKeyForReads bool
	AllowlistOnly      bool
	AllowlistDir       string
	Metrics            bool
	Neo4j              neo4j.Config
	Check              bool
	// DryRun makes import only validate (--dry-run).
	DryRun bool
	// Server is the running server backup and audit read from (--server).
	Server string
	// AuditFormat and Node select what audit writes.
	AuditFormat, Node string
	// Format and ExportFilter (flag name → value) select what export writes.
	Format       string
	ExportFilter map[string]*string
	// Arg is the file or directory of import, backup, restore and audit.
	Arg string
}

func envStr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return v
	}
	return def
}

func envFloat(key string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(key), 64); err == nil {
		return v
	}
	return def
}

func envBool(key string, def bool) bool {
	if v, err := strconv.ParseBool(os.Getenv(key)); err == nil {
		return v
	}
	return def
}

func envDuration(key string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(key)); err == nil {
		return v
	}
	return def
}

func parseConfig(cmd string, args []string, stderr io.Writer) (config, error) {
	var c config
	gd := graph.DefaultConfig()
	hd := httpapi.DefaultConfig()
	fs := flag.NewFlagSet("corridor "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.Port, "port", envInt("PORT", 8080), "HTTP port (env PORT)")
	fs.StringVar(&c.Host, "host", envStr("CORRIDOR_HOST", ""), "interface to listen on, empty for all (env CORRIDOR_HOST)")
	fs.StringVar(&c.Store, "store", envStr("CORRIDOR_STORE", "memory"), "store: memory or neo4j (env CORRIDOR_STORE)")
	fs.StringVar(&c.DataDir, "data-dir", envStr("CORRIDOR_DATA_DIR", "./data"), "directory for the embedded store's files (env CORRIDOR_DATA_DIR)")
	fs.StringVar(&c.SeedsDir, "seeds-dir", envStr("CORRIDOR_SEEDS_DIR", ""), "directory of the source articles for the quote check (env CORRIDOR_SEEDS_DIR; default ../shared/seeds)")
	fs.StringVar(&c.LogLevel, "log-level", envStr("CORRIDOR_LOG_LEVEL", "info"), "debug, info, warn or error (env CORRIDOR_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", envStr("CORRIDOR_LOG_FORMAT", "text"), "text or json (env CORRIDOR_LOG_FORMAT)")
	fs.StringVar(&c.CORSOrigins, "cors-origins", envStr("CORRIDOR_CORS_ORIGINS", ""), "comma-separated allowed origins; empty = no CORS; * = any (env CORRIDOR_CORS_ORIGINS)")
	fs.StringVar(&c.TrustedProxy, "trusted-proxies", envStr("CORRIDOR_TRUSTED_PROXIES", ""), "comma-separated IPs/CIDRs whose X-Forwarded-For is believed (env CORRIDOR_TRUSTED_PROXIES)")
	fs.Int64Var(&c.BodyLimit, "body-limit", int64(envInt("CORRIDOR_BODY_LIMIT", int(hd.BodyLimit))), "largest request body in bytes (env CORRIDOR_BODY_LIMIT)")
	fs.DurationVar(&c.Timeout, "timeout", envDuration("CORRIDOR_TIMEOUT", hd.Timeout), "time limit of one request (env CORRIDOR_TIMEOUT)")
	fs.DurationVar(&c.ExportTimeout, "export-timeout", envDuration("CORRIDOR_EXPORT_TIMEOUT", hd.ExportTimeout), "time limit of one /export/ download (env CORRIDOR_EXPORT_TIMEOUT)")
	fs.Float64Var(&c.RateLimit, "rate-limit", envFloat("CORRIDOR_RATE_LIMIT", hd.RatePerSecond), "requests per second per client, 0 = off (env CORRIDOR_RATE_LIMIT)")
	fs.IntVar(&c.RateBurst, "rate-burst", envInt("CORRIDOR_RATE_BURST", hd.RateBurst), "burst size per client (env CORRIDOR_RATE_BURST)")
	fs.IntVar(&c.MaxDepth, "max-depth", envInt("CORRIDOR_MAX_DEPTH", gd.MaxDepth), "maximum query depth (env CORRIDOR_MAX_DEPTH)")
	fs.IntVar(&c.MaxAliases, "max-aliases", envInt("CORRIDOR_MAX_ALIASES", gd.MaxAliases), "maximum aliases per query (env CORRIDOR_MAX_ALIASES)")
	fs.IntVar(&c.MaxComplexity, "max-complexity", envInt("CORRIDOR_MAX_COMPLEXITY", gd.MaxComplexity), "maximum query complexity (env CORRIDOR_MAX_COMPLEXITY)")
	fs.IntVar(&c.Document.Tokens, "max-tokens", envInt("CORRIDOR_MAX_TOKENS", gd.Document.Tokens), "maximum tokens in a query document (env CORRIDOR_MAX_TOKENS)")
	fs.IntVar(&c.Document.Fields, "max-fields", envInt("CORRIDOR_MAX_FIELDS", gd.Document.Fields), "maximum field selections in a query document, as written (env CORRIDOR_MAX_FIELDS)")
	fs.IntVar(&c.Document.Fragments, "max-fragments", envInt("CORRIDOR_MAX_FRAGMENTS", gd.Document.Fragments), "maximum fragment definitions, spreads and inline fragments in a query document (env CORRIDOR_MAX_FRAGMENTS)")
	fs.IntVar(&c.Document.Directives, "max-directives", envInt("CORRIDOR_MAX_DIRECTIVES", gd.Document.Directives), "maximum directives in a query document (env CORRIDOR_MAX_DIRECTIVES)")
	fs.IntVar(&c.MaxErrors, "max-errors", envInt("CORRIDOR_MAX_ERRORS", gd.MaxErrors), "most errors in one answer; the rest are counted in a last error (env CORRIDOR_MAX_ERRORS)")
	fs.IntVar(&c.ResponseCache, "response-cache", envInt("CORRIDOR_RESPONSE_CACHE", gd.ResponseCacheSize), "answers to repeated queries kept in memory; 0 = off (env CORRIDOR_RESPONSE_CACHE)")
	fs.BoolVar(&c.ServeSourceText, "serve-source-text", envBool("CORRIDOR_SERVE_SOURCE_TEXT", false), "serve the sources' whole texts, for a deployment licensed to show them (env CORRIDOR_SERVE_SOURCE_TEXT)")
	fs.BoolVar(&c.Introspection, "introspection", envBool("CORRIDOR_INTROSPECTION", !gd.DisableIntrospection), "allow schema introspection (env CORRIDOR_INTROSPECTION)")
	c.APIKeys = envStr("CORRIDOR_API_KEYS", "")
	fs.StringVar(&c.APIKeysFile, "api-keys-file", envStr("CORRIDOR_API_KEYS_FILE", ""), "file of API keys, one name:role:key a line (env CORRIDOR_API_KEYS_FILE)")
	fs.BoolVar(&c.RequireKeyForReads, "require-key-for-reads", envBool("CORRIDOR_REQUIRE_KEY_FOR_READS", false), "refuse reads without an API key (env CORRIDOR_REQUIRE_KEY_FOR_READS)")
	fs.BoolVar(&c.AllowlistOnly, "allowlist-only", envBool("CORRIDOR_ALLOWLIST_ONLY", false), "serve only the bundled example queries and those of --allowlist-dir (env CORRIDOR_ALLOWLIST_ONLY)")
	fs.StringVar(&c.AllowlistDir, "allowlist-dir", envStr("CORRIDOR_ALLOWLIST_DIR", ""), "directory of *.graphql files added to the allowlist (env CORRIDOR_ALLOWLIST_DIR)")
	fs.BoolVar(&c.Metrics, "metrics", envBool("CORRIDOR_METRICS", true), "serve Prometheus metrics at /metrics (env CORRIDOR_METRICS)")
	fs.StringVar(&c.Neo4j.URI, "neo4j-uri", envStr("NEO4J_URI", "neo4j://localhost:7687"), "Neo4j URI, neo4j:// or bolt:// (env NEO4J_URI)")
	fs.StringVar(&c.Neo4j.User, "neo4j-user", envStr("NEO4J_USER", "neo4j"), "Neo4j user (env NEO4J_USER)")
	c.Neo4j.Password = envStr("NEO4J_PASSWORD", "")
	fs.StringVar(&c.Neo4j.Database, "neo4j-database", envStr("NEO4J_DATABASE", "neo4j"), "Neo4j database (env NEO4J_DATABASE)")
	if cmd == "seed" {
		fs.BoolVar(&c.Check, "check", false, "only validate the bundled dataset (quotes included) and print its counts")
	}
	if cmd == "import" {
		fs.BoolVar(&c.DryRun, "dry-run", false, "validate the import and report what it would change; write nothing")
	}
	if cmd == "backup" || cmd == "audit" {
		fs.StringVar(&c.Server, "server", "", "read from this running server (http://HOST:PORT) with the admin key in "+adminKeyEnv+", instead of the store file")
	}
	if cmd == "export" {
		fs.StringVar(&c.Format, "format", "", "graphml, gexf, csv, json or cypher (required)")
		c.ExportFilter = map[string]*string{}
		for _, name := range exportFilterFlags {
			c.ExportFilter[name] = fs.String(name, "", "as the /export/ parameter "+name+" (see README: Exports)")
		}
	}
	if cmd == "audit" {
		fs.StringVar(&c.AuditFormat, "format", admin.FormatJSONL, "jsonl or csv")
		fs.StringVar(&c.Node, "node", "", "keep the entries of this node ID")
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case cmd == "import" || cmd == "backup" || cmd == "restore" || cmd == "audit" || cmd == "export":
		if fs.NArg() != 1 {
			return c, fmt.Errorf("corridor %s takes one file argument", cmd)
		}
		c.Arg = fs.Arg(0)
	case fs.NArg() > 0:
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if c.Store != "memory" && c.Store != "neo4j" {
		return c, fmt.Errorf("--store must be memory or neo4j, got %q", c.Store)
	}
	if c.Port <= 0 || c.Port > 65535 {
		return c, fmt.Errorf("--port must be 1-65535, got %d", c.Port)
	}
	return c, nil
}

func newLogger(c config, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.LogFormat {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format must be text or json, got %q", c.LogFormat)
}

// loadDataset loads and validates the embedded seed. The quote check runs whenever
// the article texts can be found; without them the server still starts (warning).
func loadDataset(ctx context.Context, c config, log *slog.Logger) (*domain.Dataset, error) {
	opts := seed.Options{SeedsDir: c.SeedsDir}
	if opts.SeedsDir == "" {
		dir, err := seed.FindSeedsDir()
		if err != nil {
			if c.Check {
				return nil, fmt.Errorf("source articles not found for the quote check: %w", err)
			}
			if log != nil {
				log.Warn("source articles not found: quotes not checked against them", "err", err)
			}
			opts.SkipQuoteCheck = true
		}
		opts.SeedsDir = dir
	}
	ds, err := seed.Load(ctx, seed.Files, opts)
	if err != nil {
		return nil, fmt.Errorf("bundled dataset is invalid, refusing to start:\n%w", err)
	}
	return ds, nil
}

// backend is the chosen store as the commands wire it: the ports it provides
// and what only the embedded store has. openStore is the one place that decides
// them, from the concrete store it opened.
type backend struct {
	ports domain.Ports
	// lister hands exports the whole graph at once; nil: they list every kind.
	lister export.NodeLister
	// db is the store file, for backups and the audit trail; nil for Neo4j.
	db *bolt.DB
	// close closes the store.
	close func()
}

// exportPorts are what exports read through: the store and explorer of p (the
// backend's ports, decorated or not) and the backend's lister.
func (b backend) exportPorts(p domain.Ports) export.Ports {
	return export.Ports{Store: p.Store, Explorer: p.Explorer, Lister: b.lister}
}

// openStore opens the configured store: for memory, the durable embedded store
// in the data directory, seeded on first use.
func openStore(ctx context.Context, c config, ds *domain.Dataset) (backend, error) {
	switch c.Store {
	case "neo4j":
		cfg := c.Neo4j
		cfg.SeedsDir = c.SeedsDir // quotes of curated evidence are checked as on the embedded store
		s, err := neo4j.Open(ctx, cfg)
		if err != nil {
			return backend{}, fmt.Errorf("neo4j: %w", err)
		}
		return backend{ports: s.Ports(), close: func() { _ = s.Close(context.Background()) }}, nil
	default:
		s, err := openDurable(ctx, c, ds)
		if err != nil {
			return backend{}, err
		}
		return backend{ports: s.Ports(), lister: s, db: s.DB(), close: func() { _ = s.Close() }}, nil
	}
}

func serve(ctx context.Context, c config, stdout io.Writer) error {
	log, err := newLogger(c, stdout)
	if err != nil {
		return err
	}
	ds, err := loadDataset(ctx, c, log)
	if err != nil {
		return err
	}
	b, err := openStore(ctx, c, ds)
	if err != nil {
		return err
	}
	defer b.close()
	// Building the in-memory index takes about twice the memory it keeps (store/memory
	// BenchmarkScaleLoad: peak-rss-MiB against rss-MiB); give the rest back now
	// rather than when the scavenger gets to it.
	debug.FreeOSMemory()

	info, err := seed.Info()
	if err != nil {
		return err
	}
	gcfg := graph.DefaultConfig()
	gcfg.ServiceVersion = serviceVersion()
	gcfg.License = info.License
	gcfg.MaxDepth, gcfg.MaxAliases, gcfg.MaxComplexity = c.MaxDepth, c.MaxAliases, c.MaxComplexity
	gcfg.Document, gcfg.MaxErrors = c.Document, c.MaxErrors
	gcfg.DisableIntrospection = !c.Introspection
	gcfg.ResponseCacheSize = c.ResponseCache
	if c.ResponseCache <= 0 {
		gcfg.ResponseCacheSize = -1 // off
	}
	gcfg.Logger = log
	gcfg.SourceTexts, gcfg.ServeSourceText = sourcetext.NewDir(c.SeedsDir), c.ServeSourceText

	hcfg := httpapi.DefaultConfig()
	hcfg.BodyLimit, hcfg.Timeout, hcfg.ExportTimeout = c.BodyLimit, c.Timeout, c.ExportTimeout
	hcfg.RatePerSecond, hcfg.RateBurst = c.RateLimit, c.RateBurst
	for _, o := range strings.Split(c.CORSOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			hcfg.CORSOrigins = append(hcfg.CORSOrigins, o)
		}
	}
	if hcfg.TrustedProxies, err = httpapi.ParseTrustedProxies(c.TrustedProxy); err != nil {
		return fmt.Errorf("--trusted-proxies: %w", err)
	}

	deps, err := securityDeps(c, &hcfg)
	if err != nil {
		return err
	}
	ports := b.ports
	switch {
	case b.db != nil:
		deps.Admin = admin.Handler(b.db, b.db, log, time.Now)
	case ports.Audit != nil:
		deps.Admin = admin.Handler(nil, admin.AuditPages{Log: ports.Audit}, log, time.Now)
	}
	if c.Metrics {
		m := metrics.New(knownOperations())
		ports = m.Ports(ports)
		gcfg.Extensions = append(gcfg.Extensions, m.Extension())
		gcfg.OnCacheHit = m.ObserveCacheHit
		deps.Metrics, deps.Observe = m.Handler(), m.ObserveHTTP
	}
	deps.GraphQL, deps.GraphQLCache = graph.NewHandlers(ports, gcfg)
	deps.Exports, deps.Playground = export.Handler(b.exportPorts(ports)), withReadme(web.Handler())
	deps.Sources = deps.Playground // the reader view, behind the read key check
	deps.SDL, deps.Ready, deps.Log = schemaSDL, ports.Store.Ping, log
	handler := httpapi.New(hcfg, deps)

	ln, err := net.Listen("tcp", net.JoinHostPort(c.Host, strconv.Itoa(c.Port)))
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      c.Timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("corridor serving", "addr", ln.Addr().String(), "store", c.Store,
		"version", serviceVersion(), "dataset", ds.Version, "cors", hcfg.CORSOrigins)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// withReadme serves README.md at GET /README.md and everything else with next.
func withReadme(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/README.md" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(readme)
	})
}

// securityDeps reads the API keys and the allowlist into the HTTP settings.
func securityDeps(c config, hcfg *httpapi.Config) (httpapi.Deps, error) {
	var d httpapi.Deps
	var file io.Reader
	if c.APIKeysFile != "" {
		f, err := os.Open(c.APIKeysFile)
		if err != nil {
			return d, fmt.Errorf("--api-keys-file: %w", err)
		}
		defer f.Close()
		file = f
	}
	keys, err := auth.Parse(c.APIKeys, file, c.APIKeysFile)
	if err != nil {
		return d, fmt.Errorf("API keys: %w", err)
	}
	if keys.Len() > 0 {
		d.Authenticate = keys.Authenticate
	}
	hcfg.RequireKeyForReads = c.RequireKeyForReads
	hcfg.AllowlistOnly = c.AllowlistOnly
	var queries []string
	for _, e := range docs.Examples() {
		queries = append(queries, e.Query)
	}
	if c.AllowlistDir != "" {
		more, err := httpapi.ReadQueries(c.AllowlistDir)
		if err != nil {
			return d, fmt.Errorf("--allowlist-dir: %w", err)
		}
		queries = append(queries, more...)
	}
	d.Allowlist = httpapi.Allowlist(queries...)
	return d, nil
}

// knownOperations are the operation names the metrics label by name: the bundled
// examples' and the playground's introspection query.
func knownOperations() []string {
	ops := []string{"IntrospectionQuery"}
	for _, e := range docs.Examples() {
		ops = append(ops, e.Operations...)
	}
	return ops
}

func seedCmd(ctx context.Context, c config, stdout io.Writer) error {
	log, err := newLogger(c, io.Discard)
	if err != nil {
		return err
	}
	ds, err := loadDataset(ctx, c, log)
	if err != nil {
		return err
	}
	if c.Check {
		fmt.Fprintf(stdout, "dataset %s is valid:\n", ds.Version)
		printCounts(stdout, countKinds(ds))
		return nil
	}
	if c.Store == "memory" {
		return seedDurable(ctx, c, ds, stdout)
	}
	s, err := neo4j.Open(ctx, c.Neo4j)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	defer s.Close(context.Background())
	if err := s.Migrate(ctx); err != nil {
		return fmt.Errorf("neo4j migrate: %w", err)
	}
	counts, err := s.Seed(ctx, ds)
	if err != nil {
		return fmt.Errorf("neo4j seed: %w", err)
	}
	fmt.Fprintf(stdout, "seeded dataset %s into neo4j:\n%v\n", ds.Version, counts)
	return nil
}

func countKinds(ds *domain.Dataset) map[domain.Kind]int {
	m := map[domain.Kind]int{}
	for _, n := range ds.Nodes() {
		m[n.NodeKind()]++
	}
	return m
}

func printCounts(w io.Writer, m map[domain.Kind]int) {
	for _, k := range domain.Kinds {
		fmt.Fprintf(w, "  %-13s %d\n", k, m[k])
	}
}
