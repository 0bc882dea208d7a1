package e2e

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/export"
	"github.com/corridor-kg/corridor/graph"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
	"github.com/corridor-kg/corridor/web"
	"github.com/corridor-kg/corridor/web/webtest"
)

// The explorer's speed, measured in Chromium and reported in the test log, never
// asserted (a busy machine is slower; the numbers are for people to read):
//
//	go test ./e2e/ -run TestExplorerSpeed -v

// lcpJS resolves to the Largest Contentful Paint of the page, in ms since
// navigation, or -1 when Chromium reports none.
const lcpJS = `new Promise(resolve => {
	new PerformanceObserver(list => { const e = list.getEntries(); resolve(e.length ? e[e.length - 1].startTime : -1); })
		.observe({type: 'largest-contentful-paint', buffered: true});
	setTimeout(() => resolve(-1), 3000);
})`

// TestExplorerSpeed reports, for /explore?node=meeting:jcc-10 on the seed, the
// Largest Contentful Paint and the entity-ready mark (target: both within 1 s);
// for a 2,000-node neighbourhood of a synthetic graph, the layout time (target
// 3 s) and the frame times while panning and zooming; and the gzip size of each
// app's files.
func TestExplorerSpeed(t *testing.T) {
	srv := sharedServer(t)
	s := webtest.NewSession(t, srv.URL, webtest.SessionOptions{})
	s.Open("/explore?node=meeting:jcc-10")
	s.Wait("the meeting's page", `document.body.dataset.entityReady === 'meeting:jcc-10'`)
	var lcp, ready float64
	s.Eval(lcpJS, &lcp)
	s.Eval(`performance.getEntriesByName('entity-ready').pop().startTime`, &ready)
	t.Logf("seed, /explore?node=meeting:jcc-10: LCP %.0f ms, entity-ready %.0f ms (target ≤ 1000 ms each)", lcp, ready)

	big := syntheticServer(t, 10000)
	b := webtest.NewSession(t, big, webtest.SessionOptions{})
	b.Step *= 3 // laying out 2,000 nodes on a busy 2-core machine
	b.Open("/explore?node=country:c000&limit=2000")
	b.Wait("2,000 nodes laid out", `document.querySelector('.canvas').dataset.layout === 'done' && document.querySelector('.canvas').dataset.nodes === '2000'`)
	var layout struct{ Ms, Nodes, Edges float64 }
	b.Eval(`({Ms: performance.getEntriesByName('layout').pop().duration,
		Nodes: window.__corridorCanvas.cy.nodes().length, Edges: window.__corridorCanvas.cy.edges().length})`, &layout)
	var frames struct{ P50, P95, Max, N float64 }
	b.Eval(`new Promise(resolve => {
		const cy = window.__corridorCanvas.cy, times = [];
		let last = performance.now(), i = 0;
		const step = now => {
			times.push(now - last); last = now; i++;
			cy.zoom({level: cy.zoom() * (i % 40 < 20 ? 1.03 : 0.97), renderedPosition: {x: 300, y: 200}});
			cy.panBy({x: i % 20 < 10 ? 6 : -6, y: 0});
			if (i < 120) requestAnimationFrame(step); else {
				times.sort((a, b) => a - b);
				resolve({P50: times[Math.floor(times.length / 2)], P95: times[Math.floor(times.length * 0.95)], Max: times[times.length - 1], N: times.length});
			}
		};
		requestAnimationFrame(step);
	})`, &frames)
	t.Logf("synthetic graph (10,000 requested nodes), /explore?node=country:c000&limit=2000: %.0f nodes and %.0f links laid out in %.0f ms (target ≤ 3000 ms); "+
		"panning and zooming: %.0f frames, p50 %.1f ms, p95 %.1f ms, max %.1f ms per frame",
		layout.Nodes, layout.Edges, layout.Ms, frames.N, frames.P50, frames.P95, frames.Max)

	for _, page := range []string{"explorer/index.html", "index.html"} {
		files, err := web.PageFiles(page)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		total := 0
		for _, f := range files {
			n := gzipSize(t, f)
			total += n
			lines = append(lines, path.Base(f)+" "+kib(n))
		}
		sort.Strings(lines)
		t.Logf("%s loads %d files, %s gzipped in all: %s", page, len(files), kib(total), strings.Join(lines, ", "))
	}
}

// gzipSize returns the size of a file of the embedded build, gzip-compressed
// as the server sends it.
func gzipSize(t *testing.T, name string) int {
	t.Helper()
	b, err := fs.ReadFile(web.Dist(), name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

func kib(n int) string { return fmt.Sprintf("%.1f KiB", float64(n)/1024) }

// syntheticServer serves a synthetic graph of about n nodes in this process,
// as the binary serves the seed: GraphQL, the exports, the schema and the apps.
func syntheticServer(t *testing.T, n int) string {
	t.Helper()
	ds := synth.Generate(1, n)
	st, err := memory.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	cfg := graph.DefaultConfig()
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	mux := http.NewServeMux()
	mux.Handle("/graphql", graph.NewHandler(st.Ports(), cfg))
	mux.Handle("/export/", export.Handler(export.Ports{Store: st, Explorer: st, Lister: st}))
	mux.HandleFunc("GET /schema.graphql", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, graph.SchemaSDL())
	})
	web.Mount(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}
