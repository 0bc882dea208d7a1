package graph

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/corridor-kg/corridor/domain"
)

// CacheHeader is the response header that says whether a GraphQL answer came from
// the response cache ("hit") or was computed ("miss"; kept for next time only when
// it was a query that succeeded); absent on answers other than 200 and when the
// request is never looked up (methods other than GET and POST, oversized bodies,
// the cache turned off).
const CacheHeader = "X-Corridor-Cache"

// maxCachedResponse is the largest answer the response cache keeps, in bytes.
const maxCachedResponse = 1 << 20

// maxCachedRequest is the largest request body the response cache reads to key a
// request; larger bodies pass through uncached (the server's body limit is lower).
const maxCachedRequest = 8 << 20

// cachedResponse is one complete answer: its status, content type and body, and
// the name of the operation that computed it.
type cachedResponse struct {
	status      int
	contentType string
	body        []byte
	operation   string
}

// responseCache serves repeated read requests from memory. A request is identified
// by its method, its whole GraphQL payload (query text or persisted-query hash,
// operation name, variables), its Authorization header and the store's revision;
// only successful query operations (no errors, not mutations) are kept.
type responseCache struct {
	next     http.Handler
	revision domain.Revisioner
	entries  *lru.LRU[cachedResponse]
	limit    int64
	onHit    func(operation string, elapsed time.Duration)
}

// newResponseCache wraps next with a cache of size entries over the revisions of
// rev; onHit (optional) is told of every hit.
func newResponseCache(next http.Handler, rev domain.Revisioner, size int, bodyLimit int64, onHit func(string, time.Duration)) *responseCache {
	return &responseCache{next: next, revision: rev, entries: lru.New[cachedResponse](size), limit: bodyLimit, onHit: onHit}
}

// cacheState travels in the request context from ServeHTTP to the operation
// middleware, which marks the request cacheable when it was a query that
// succeeded, and names its operation.
type cacheState struct {
	cacheable bool
	operation string
}

type cacheStateKey struct{}

// markCacheable is the response middleware half of the response cache: it marks
// the request cacheable when the operation is a query and its response carries no
// error.
func markCacheable(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	st, _ := ctx.Value(cacheStateKey{}).(*cacheState)
	if st == nil || !graphql.HasOperationContext(ctx) {
		return resp
	}
	oc := graphql.GetOperationContext(ctx)
	st.cacheable = oc.Operation != nil && oc.Operation.Operation == ast.Query &&
		resp != nil && len(resp.Errors) == 0
	if st.operation = oc.OperationName; st.operation == "" && oc.Operation != nil {
		st.operation = oc.Operation.Name
	}
	return resp
}

func (c *responseCache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	key, ok := c.key(r)
	if !ok {
		c.next.ServeHTTP(w, r)
		return
	}
	if hit, found := c.entries.Get(r.Context(), key); found {
		w.Header().Set("Content-Type", hit.contentType)
		// A known length spares the chunked encoding: one write, no trailer.
		w.Header().Set("Content-Length", strconv.Itoa(len(hit.body)))
		w.Header().Set(CacheHeader, "hit")
		w.WriteHeader(hit.status)
		w.Write(hit.body)
		if c.onHit != nil {
			c.onHit(hit.operation, time.Since(start))
		}
		return
	}
	st := &cacheState{}
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	c.next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), cacheStateKey{}, st)))
	if st.cacheable && rec.status == http.StatusOK && !rec.overflow {
		c.entries.Add(r.Context(), key, cachedResponse{
			status:      rec.status,
			contentType: rec.Header().Get("Content-Type"),
			body:        rec.buf.Bytes(),
			operation:   st.operation,
		})
	}
}

// key identifies a request, reading (and restoring) a POST body. It reports false
// for requests that are not cached: other methods, bodies too large to read.
func (c *responseCache) key(r *http.Request) (string, bool) {
	h := sha256.New()
	switch r.Method {
	case http.MethodGet:
		io.WriteString(h, "GET\n"+r.URL.RawQuery+"\n")
	case http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, c.limit+1))
		r.Body.Close()
		r.Body = io.NopCloser(bytes.NewReader(body))
		if err != nil || int64(len(body)) > c.limit {
			r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{err}))
			return "", false
		}
		io.WriteString(h, "POST\n"+r.Header.Get("Content-Type")+"\n")
		h.Write(body)
		io.WriteString(h, "\n")
	default:
		return "", false
	}
	io.WriteString(h, r.Header.Get("Authorization")+"\n")
	io.WriteString(h, strconv.FormatUint(c.revision.Revision(), 10))
	return hex.EncodeToString(h.Sum(nil)), true
}

// errReader replays a read error after the bytes read before it.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) {
	if e.err == nil {
		return 0, io.EOF
	}
	return 0, e.err
}

// recorder passes a response through while keeping a copy of up to
// maxCachedResponse bytes of its body.
type recorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
	buf         bytes.Buffer
	overflow    bool
}

func (r *recorder) WriteHeader(status int) {
	if r.wroteHeader {
		return
	}
	r.status, r.wroteHeader = status, true
	if status == http.StatusOK {
		r.Header().Set(CacheHeader, "miss") // a computed answer; refusals say nothing
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	if !r.wroteHeader {
		r.WriteHeader(http.StatusOK)
	}
	if !r.overflow {
		if r.buf.Len()+len(p) > maxCachedResponse {
			r.overflow = true
			r.buf = bytes.Buffer{}
		} else {
			r.buf.Write(p)
		}
	}
	return r.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
