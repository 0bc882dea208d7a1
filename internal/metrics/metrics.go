// Package metrics exposes Corridor's Prometheus metrics: HTTP requests by route
// and status, GraphQL operation latency by operation name, errors by code, and
// store calls with their latency by method. Every label takes its values from a
// bounded set: operation names not known at start are counted as "other".
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Label values for operations that are not one of the known names.
const (
	// OpOther is every operation name not known at start.
	OpOther = "other"
	// OpAnonymous is an operation without a name.
	OpAnonymous = "anonymous"
	// OpNone is a request that never became an operation (it did not parse or
	// validate, or was refused before execution).
	OpNone = "none"
)

// Metrics holds the collectors and the set of known operation names.
type Metrics struct {
	reg           *prometheus.Registry
	known         map[string]bool
	httpRequests  *prometheus.CounterVec
	httpDuration  *prometheus.HistogramVec
	opDuration    *prometheus.HistogramVec
	cacheHits     *prometheus.CounterVec
	errors        *prometheus.CounterVec
	storeCalls    *prometheus.CounterVec
	storeDuration *prometheus.HistogramVec
}

// latencyBuckets suit an API whose target p99 is 50 ms: fine below 100 ms, then
// coarse up to the 10 s timeout.
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// New returns the metrics of one server, with its own registry (Go runtime and
// process collectors included). knownOperations are the operation names that get
// their own label value (the bundled example queries, the playground's
// introspection query); any other name is counted as "other".
func New(knownOperations []string) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry(), known: map[string]bool{}}
	for _, n := range knownOperations {
		m.known[n] = true
	}
	m.httpRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corridor_http_requests_total",
		Help: "HTTP requests answered, by route (the pattern that served them; unmatched when none) and status code.",
	}, []string{"route", "status"})
	m.httpDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "corridor_http_request_duration_seconds",
		Help:    "Time to answer an HTTP request, by route.",
		Buckets: latencyBuckets,
	}, []string{"route"})
	m.opDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "corridor_graphql_operation_duration_seconds",
		Help:    "Time from reading a GraphQL request to its response, by operation name (known names only; others are \"other\", unnamed \"anonymous\", invalid \"none\").",
		Buckets: latencyBuckets,
	}, []string{"operation"})
	m.cacheHits = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corridor_response_cache_hits_total",
		Help: "GraphQL answers served from the response cache, by operation name (labelled as in corridor_graphql_operation_duration_seconds, which counts them too).",
	}, []string{"operation"})
	m.errors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corridor_graphql_errors_total",
		Help: "Errors returned to clients, by extensions.code: those of GraphQL responses and those of requests refused before execution (BAD_REQUEST, UNAUTHENTICATED, RATE_LIMITED…).",
	}, []string{"code"})
	m.storeCalls = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corridor_store_calls_total",
		Help: "Store calls by method and outcome (ok, canceled, timeout, or the domain error code).",
	}, []string{"method", "outcome"})
	m.storeDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "corridor_store_call_duration_seconds",
		Help:    "Time of one store call, by method.",
		Buckets: latencyBuckets,
	}, []string{"method"})
	m.reg.MustRegister(m.httpRequests, m.httpDuration, m.opDuration, m.cacheHits, m.errors, m.storeCalls, m.storeDuration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format (/metrics).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Registry returns the registry, for tests and extra collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// ObserveHTTP counts one answered HTTP request; code is the extensions.code of a
// refusal written before the GraphQL layer ("" otherwise). Routes are the
// server's own patterns, so the label set is bounded.
func (m *Metrics) ObserveHTTP(route string, status int, code string, elapsed time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	m.httpRequests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.httpDuration.WithLabelValues(route).Observe(elapsed.Seconds())
	if code != "" {
		m.errors.WithLabelValues(boundCode(code)).Inc()
	}
}

// ObserveCacheHit counts one answer served from the response cache (which skips
// the executor and so the Extension): its operation's duration and a hit.
func (m *Metrics) ObserveCacheHit(operation string, elapsed time.Duration) {
	op := m.operation(operation)
	m.opDuration.WithLabelValues(op).Observe(elapsed.Seconds())
	m.cacheHits.WithLabelValues(op).Inc()
}

// operation returns the label value of an operation name.
func (m *Metrics) operation(name string) string {
	switch {
	case name == "":
		return OpAnonymous
	case m.known[name]:
		return name
	}
	return OpOther
}

// boundCode keeps error codes to what a server writes (upper-case words), so a
// code can never carry client text into a label.
func boundCode(code string) string {
	if code == "" || len(code) > 40 {
		return OpOther
	}
	for _, c := range code {
		if !(c >= 'A' && c <= 'Z' || c == '_') {
			return OpOther
		}
	}
	return code
}
