package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, path string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// assetNames lists the files under dist/assets.
func assetNames(t *testing.T) []string {
	t.Helper()
	entries, err := fs.ReadDir(Dist(), "assets")
	if err != nil {
		t.Fatalf("dist/assets: %v (run web/build.sh)", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestIndex(t *testing.T) {
	h := Handler()
	for _, path := range []string{"/", "/index.html"} {
		rec := get(t, h, http.MethodGet, path, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: status %d", path, rec.Code)
		}
		hdr := rec.Header()
		if got := hdr.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", path, got)
		}
		if got := hdr.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q", path, got)
		}
		if got := hdr.Get("Content-Security-Policy"); got != ContentSecurityPolicy {
			t.Errorf("GET %s: CSP %q", path, got)
		}
		if got := hdr.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", path, got)
		}
		body := rec.Body.String()
		for _, want := range []string{"Corridor — CPEC IT knowledge graph", `src="/assets/index-`, `href="/assets/index-`} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: body lacks %q", path, want)
			}
		}
	}
}

func TestAssets(t *testing.T) {
	h := Handler()
	want := map[string]string{
		".js":  "text/javascript; charset=utf-8",
		".css": "text/css; charset=utf-8",
		".ttf": "font/ttf",
	}
	seen := map[string]bool{}
	for _, name := range assetNames(t) {
		rec := get(t, h, http.MethodGet, "/assets/"+name, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /assets/%s: status %d", name, rec.Code)
		}
		ext := name[strings.LastIndex(name, "."):]
		if ct, ok := want[ext]; ok {
			seen[ext] = true
			if got := rec.Header().Get("Content-Type"); got != ct {
				t.Errorf("%s: Content-Type %q, want %q", name, got, ct)
			}
		}
		if got := rec.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q", name, got)
		}
		if rec.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no CSP (workers take theirs from their script)", name)
		}
		orig, _ := fs.ReadFile(Dist(), "assets/"+name)
		if !bytes.Equal(rec.Body.Bytes(), orig) {
			t.Errorf("%s: body differs from the embedded file", name)
		}
	}
	for _, ext := range []string{".js", ".css"} {
		if !seen[ext] {
			t.Errorf("no %s asset in dist", ext)
		}
	}
}

func TestWorkersAreBundled(t *testing.T) {
	var workers []string
	for _, name := range assetNames(t) {
		if strings.Contains(name, ".worker-") {
			workers = append(workers, name)
		}
	}
	for _, w := range []string{"editor.worker-", "json.worker-", "graphql.worker-"} {
		found := false
		for _, name := range workers {
			found = found || strings.HasPrefix(name, w)
		}
		if !found {
			t.Errorf("no %s*.js in dist/assets (workers: %q)", w, workers)
		}
	}
}

func TestGzip(t *testing.T) {
	h := Handler()
	var js string
	for _, name := range assetNames(t) {
		if strings.HasPrefix(name, "index-") && strings.HasSuffix(name, ".js") {
			js = "/assets/" + name
		}
	}
	if js == "" {
		t.Fatal("no index-*.js in dist/assets")
	}
	plain := get(t, h, http.MethodGet, js, nil)
	if plain.Header().Get("Content-Encoding") != "" {
		t.Fatal("gzip sent to a client that did not ask for it")
	}
	zipped := get(t, h, http.MethodGet, js, map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
	if zipped.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", zipped.Header().Get("Content-Encoding"))
	}
	if !strings.Contains(zipped.Header().Get("Vary"), "Accept-Encoding") {
		t.Error("no Vary: Accept-Encoding")
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(unzipped, plain.Body.Bytes()) {
		t.Error("gunzipped body differs from the plain body")
	}
	if zipped.Body.Len() >= plain.Body.Len() {
		t.Errorf("gzip did not shrink %s: %d >= %d", js, zipped.Body.Len(), plain.Body.Len())
	}
	if zipped.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Error("gzip and plain bodies share an ETag")
	}
	refused := get(t, h, http.MethodGet, js, map[string]string{"Accept-Encoding": "gzip;q=0"})
	if refused.Header().Get("Content-Encoding") != "" {
		t.Error("gzip sent despite gzip;q=0")
	}
}

func TestConditionalAndHead(t *testing.T) {
	h := Handler()
	first := get(t, h, http.MethodGet, "/", nil)
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("index.html has no ETag")
	}
	again := get(t, h, http.MethodGet, "/", map[string]string{"If-None-Match": etag})
	if again.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", again.Code)
	}
	head := get(t, h, http.MethodHead, "/", nil)
	if head.Code != http.StatusOK || head.Body.Len() != 0 {
		t.Errorf("HEAD: status %d, %d body bytes", head.Code, head.Body.Len())
	}
	if head.Header().Get("Content-Length") != first.Header().Get("Content-Length") {
		t.Errorf("HEAD Content-Length %q, GET %q", head.Header().Get("Content-Length"), first.Header().Get("Content-Length"))
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	h := Handler()
	for _, path := range []string{"/nope", "/assets/", "/assets/nope.js", "/assets/../index.html", "/assets/a/b.js", "/src/main.jsx", "/dist/index.html"} {
		if rec := get(t, h, http.MethodGet, path, nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, rec.Code)
		}
	}
	rec := get(t, h, http.MethodPost, "/", nil)
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: status %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
}

func TestMount(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/graphql", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "graphql") })
	Mount(mux)
	if rec := get(t, mux, http.MethodGet, "/", nil); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<title>") {
		t.Errorf("GET /: status %d", rec.Code)
	}
	if rec := get(t, mux, http.MethodPost, "/graphql", nil); rec.Body.String() != "graphql" {
		t.Errorf("POST /graphql reached %q", rec.Body.String())
	}
	js := "/assets/" + assetNames(t)[0]
	if rec := get(t, mux, http.MethodGet, js, nil); rec.Code != http.StatusOK {
		t.Errorf("GET %s: status %d", js, rec.Code)
	}
	if rec := get(t, mux, http.MethodGet, "/other", nil); rec.Code != http.StatusNotFound {
		t.Errorf("GET /other: status %d, want 404", rec.Code)
	}
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                   false,
		"gzip":               true,
		"GZIP":               true,
		"deflate, gzip":      true,
		"gzip;q=0":           false,
		"gzip; q=0.000":      false,
		"gzip;q=0.5":         true,
		"br":                 false,
		"x-gzip-not, br;q=1": false,
	} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Header.Set("Accept-Encoding", header)
		if got := acceptsGzip(req); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
