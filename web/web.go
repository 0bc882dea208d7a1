// Package web serves Corridor's two browser apps, built with Vite into dist/ and
// embedded into the binary, so that both work with no internet access and `go
// run .` needs no Node toolchain:
//
//   - the GraphQL playground at "/": GraphiQL 5 with the Explorer plugin and the
//     example queries from docs/queries;
//   - the explorer at "/explore" (search, entity views, a graph canvas, paths, a
//     timeline) and its reader view of a source at "/sources/{id}", for people
//     who do not write GraphQL.
//
// They are separate bundles (entries index.html and explorer/index.html): neither
// page loads the other's code.
//
// Mount them at the site root, next to the GraphQL endpoint they talk to
// (/graphql), the exports the explorer downloads (/export/) and the published
// schema (/schema.graphql, used when introspection is disabled):
//
//	mux := http.NewServeMux()
//	mux.Handle("POST /graphql", graphqlHandler)
//	mux.Handle("GET /schema.graphql", sdlHandler)
//	web.Mount(mux) // GET /, /explore, /sources/{id} and /assets/
//
// Rebuild dist/ with web/build.sh after changing the sources or the example
// queries.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed all:dist
var dist embed.FS

// ContentSecurityPolicy is sent with every playground response. Scripts,
// workers and requests are limited to the server itself; there is no
// 'unsafe-eval' and no blob: worker. The exceptions were each shown
// necessary in headless Chromium (the browser test fails on any CSP
// violation): 'unsafe-inline' styles, because Monaco and GraphiQL's UI
// libraries set style attributes and inject <style> elements; data: fonts,
// because GraphiQL's CSS embeds its fonts and Monaco's codicon icons as
// data: URLs; data: images, for the page's empty favicon.
const ContentSecurityPolicy = "default-src 'none'; " +
	"script-src 'self'; " +
	"style-src 'self' 'unsafe-inline'; " +
	"font-src 'self' data:; " +
	"img-src 'self' data:; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"manifest-src 'self'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"frame-ancestors 'none'"

// ExplorerContentSecurityPolicy is sent with the explorer's pages (/explore and
// /sources/{id}). It is stricter than the playground's: no inline styles (the
// explorer's styles are one same-origin stylesheet, and style properties set
// from scripts are not inline styles), no fonts but same-origin ones (it uses
// the system's), images from the page itself and data: (the empty favicon).
const ExplorerContentSecurityPolicy = "default-src 'none'; " +
	"script-src 'self'; " +
	"style-src 'self'; " +
	"font-src 'self'; " +
	"img-src 'self' data:; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"frame-ancestors 'none'"

// explorerPage is the explorer's HTML entry in dist.
const explorerPage = "explorer/index.html"

// contentTypes fixes the types of the files Vite emits, independent of the
// host's MIME database.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".ttf":   "font/ttf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".wasm":  "application/wasm",
	".txt":   "text/plain; charset=utf-8",
}

// Dist returns the embedded build output (index.html, explorer/index.html and
// assets/).
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embed pattern guarantees dist exists
	}
	return sub
}

// assetName finds the names of built files (name-HASH.ext) a text refers to.
var assetName = regexp.MustCompile(`[A-Za-z0-9_.]+(?:-[A-Za-z0-9_]+)*-[A-Za-z0-9_-]{8}\.(?:js|css|ttf|woff2?|svg|png)`)

// PageFiles returns the files of dist a page (e.g. "explorer/index.html") loads
// or may load, the page first: the files its HTML names and those these name in
// turn (static and dynamic imports, Vite's preload lists, CSS urls), to the end.
// It shows that the two apps are separate bundles, and what each weighs.
func PageFiles(page string) ([]string, error) {
	files := Dist()
	if _, err := fs.Stat(files, page); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	seen := map[string]bool{page: true}
	out := []string{page}
	for i := 0; i < len(out); i++ {
		b, err := fs.ReadFile(files, out[i])
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		for _, name := range assetName.FindAllString(string(b), -1) {
			p := "assets/" + name
			if _, err := fs.Stat(files, p); err == nil && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// Handler returns both apps: the playground's index.html at "/", the
// explorer's page at "/explore" and "/sources/{id}" (both revalidated on every
// load), and the content-hashed files under "/assets/" (cached for a year).
// Other paths are 404. Only GET and HEAD are allowed. Responses are
// gzip-compressed when the client accepts it.
func Handler() http.Handler {
	return newHandler(Dist())
}

// Mount registers both apps on mux at "GET /" (index.html), "GET /explore",
// "GET /sources/{id}" and "GET /assets/". More specific patterns on the same
// mux, such as "/graphql", keep precedence.
func Mount(mux *http.ServeMux) {
	h := Handler()
	mux.Handle("GET /{$}", h)
	mux.Handle("GET /index.html", h)
	mux.Handle("GET /explore", h)
	mux.Handle("GET /sources/{id}", h)
	mux.Handle("GET /assets/", h)
}

type handler struct {
	files   fs.FS
	mu      sync.Mutex
	entries map[string]*entry
}

// entry is one file of dist, with its gzip form and validators computed
// on first use.
type entry struct {
	once     sync.Once
	err      error
	body     []byte
	gz       []byte // nil when not worth compressing
	etag     string
	gzipETag string
}

func newHandler(files fs.FS) *handler {
	return &handler{files: files, entries: make(map[string]*entry)}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, immutable, ok := resolve(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	e := h.load(name)
	if e.err != nil {
		http.NotFound(w, r)
		return
	}

	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("X-Content-Type-Options", "nosniff")
	if name == explorerPage {
		hdr.Set("Content-Security-Policy", ExplorerContentSecurityPolicy)
	} else {
		hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	}
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
	hdr.Add("Vary", "Accept-Encoding")
	if immutable {
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}

	body, etag := e.body, e.etag
	if e.gz != nil && acceptsGzip(r) {
		body, etag = e.gz, e.gzipETag
		hdr.Set("Content-Encoding", "gzip")
	}
	hdr.Set("ETag", etag)
	// ServeContent answers HEAD, Range and If-None-Match (against the ETag).
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// load returns the entry for a file of dist, reading and compressing it once.
func (h *handler) load(name string) *entry {
	h.mu.Lock()
	e, ok := h.entries[name]
	if !ok {
		e = &entry{}
		h.entries[name] = e
	}
	h.mu.Unlock()
	e.once.Do(func() {
		e.body, e.err = fs.ReadFile(h.files, name)
		if e.err != nil {
			return
		}
		sum := sha256.Sum256(e.body)
		tag := hex.EncodeToString(sum[:12])
		e.etag = `"` + tag + `"`
		e.gzipETag = `"` + tag + `-gz"`
		if compressible(name) && len(e.body) > 1024 {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(e.body) // writes to a bytes.Buffer cannot fail
			zw.Close()
			e.gz = buf.Bytes()
		}
	})
	return e
}

// resolve maps a request path to a file in dist: index.html for "/" and
// "/index.html", the explorer's page for "/explore" and "/sources/{id}" (one
// path segment), hashed assets only directly under "/assets/".
func resolve(urlPath string) (name string, immutable bool, ok bool) {
	switch urlPath {
	case "/", "/index.html":
		return "index.html", false, true
	case "/explore":
		return explorerPage, false, true
	}
	if id, found := strings.CutPrefix(urlPath, "/sources/"); found {
		return explorerPage, false, id != "" && !strings.Contains(id, "/")
	}
	rest, found := strings.CutPrefix(urlPath, "/assets/")
	if !found || rest == "" || strings.Contains(rest, "/") || !fs.ValidPath(rest) {
		return "", false, false
	}
	return path.Join("assets", rest), true, true
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".js", ".mjs", ".css", ".json", ".map", ".svg", ".ttf", ".txt":
		return true
	}
	return false
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip
// (listed, and not with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(q), 64)
		return err == nil && v > 0
	}
	return false
}
