// Package webtest drives headless Chromium against a running Corridor server
// to check that the GraphiQL playground works offline: the page loads with
// no request leaving the machine, the schema loads, an example query runs
// through the UI and its result shows in the response pane.
//
// It is a non-test package so that the end-to-end suite can run the same
// check against the real server:
//
//	res := webtest.RunPlaygroundCheck(t, srv.URL, webtest.Options{
//		Expect:         []string{"meeting:jcc-10"},
//		ExpectExplorer: []string{"commitments", "meetings"},
//	})
//
// Chromium is found through $CHROMIUM_PATH, /usr/bin/chromium or
// /usr/bin/chromium-browser; without it the check fails (it never skips).
package webtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Options tune RunPlaygroundCheck. The zero value runs the tab that is open
// when the page loads (the first bundled example) and expects a response
// with "data".
type Options struct {
	// Tab is the title of the tab to run. GraphiQL titles a tab with the
	// name of its operation, e.g. "JccCommitments"; an example not open in a
	// tab is opened from the Welcome panel's examples menu. Empty means the
	// active tab.
	Tab string
	// Query, when set, replaces the text of the operation editor before the
	// run, typed as a user would.
	Query string
	// Expect lists strings that the GraphQL response of the run must
	// contain. Empty means `"data"`.
	Expect []string
	// ExpectPane lists strings that the response pane must show. Monaco
	// draws only the visible lines, so pick strings near the top of the
	// result. Empty means `"data"`.
	ExpectPane []string
	// AllowErrors accepts a response with a top-level "errors" member.
	AllowErrors bool
	// ExpectExplorer lists strings the Explorer pane must show, such as
	// root field names; they prove that the schema loaded.
	ExpectExplorer []string
	// SchemaSource, when set, is the way the page must have loaded the
	// schema: "introspection" or "sdl".
	SchemaSource string
	// ExportPanel, when set, opens the playground's Export panel after the
	// run and records its download links in Result.ExportLinks.
	ExportPanel bool
	// Screenshot is a path to also write the PNG screenshot to (for example
	// docs/playground.png). One is always written to the test's temp dir.
	Screenshot string
	// Width and Height set the viewport; default 1600×1000.
	Width, Height int
	// Timeout bounds the whole check; default 2 minutes.
	Timeout time.Duration
	// ChromiumPath overrides the Chromium binary.
	ChromiumPath string
}

// Result describes what the check saw.
type Result struct {
	// Screenshot is the path of the PNG written to the test's temp dir.
	Screenshot string
	// Response is the body of the GraphQL response to the run query.
	Response string
	// Pane is the text the response pane showed.
	Pane string
	// Tabs lists the titles of the tabs when the page had loaded.
	Tabs []string
	// SchemaSource is "introspection" or "sdl": how the page got the schema.
	SchemaSource string
	// Requests lists every URL the page requested (all on loopback).
	Requests []string
	// Workers lists the URLs of the web workers that were running.
	Workers []string
	// Console holds the console messages of the page.
	Console []string
	// ExportLinks are the hrefs the Export panel offered after the run (with
	// Options.ExportPanel).
	ExportLinks []string
}

// ChromiumPath returns the Chromium binary to use: $CHROMIUM_PATH, else
// /usr/bin/chromium or /usr/bin/chromium-browser.
func ChromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CHROMIUM_PATH: %w", err)
		}
		return p, nil
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH")
}

// RunPlaygroundCheck loads the playground at baseURL (e.g. an httptest
// server's URL; the page is at "/", the endpoint at "/graphql") in headless
// Chromium and checks it. Every request the browser makes is intercepted:
// loopback requests continue, any other is failed and fails the test. The
// browser also gets a proxy on 127.0.0.1 that refuses and records anything
// that bypasses the interception (for example from a worker). The check
// fails t on any problem; it returns what it saw.
func RunPlaygroundCheck(t testing.TB, baseURL string, opts Options) Result {
	t.Helper()
	var res Result
	if err := run(t, baseURL, opts, &res); err != nil {
		t.Fatalf("playground check: %v", err)
	}
	return res
}

func run(t testing.TB, baseURL string, opts Options, res *Result) error {
	t.Helper()
	applyDefaults(&opts)
	b, err := launch(t, baseURL, opts.ChromiumPath, opts.Width, opts.Height, opts.Timeout)
	if err != nil {
		return err
	}
	defer func() {
		b.close()
		res.Requests = b.rec.requestList()
		res.Console = b.rec.consoleList()
	}()
	tabCtx, rec := b.ctx, b.rec

	page := strings.TrimSuffix(baseURL, "/") + "/"
	if err := chromedp.Do(tabCtx, chromedp.Navigate(page)); err != nil {
		return fmt.Errorf("navigate to %s: %w", page, err)
	}

	stepErr := drive(tabCtx, opts, rec, res)

	// The screenshot is taken even when a step failed: it shows why. The
	// playground fills the viewport exactly (GraphiQL scrolls inside its
	// panes), so the viewport is the whole page.
	if shot, err := chromedp.Run(tabCtx, chromedp.CaptureScreenshot()); err == nil {
		res.Screenshot = filepath.Join(b.dir, "playground.png")
		if err := os.WriteFile(res.Screenshot, shot, 0o644); err != nil {
			return err
		}
		t.Logf("playground screenshot: %s", res.Screenshot)
		if opts.Screenshot != "" && stepErr == nil {
			if err := os.WriteFile(opts.Screenshot, shot, 0o644); err != nil {
				return err
			}
			t.Logf("playground screenshot written to %s", opts.Screenshot)
		}
	} else if stepErr == nil {
		stepErr = fmt.Errorf("screenshot: %w", err)
	}

	if stepErr == nil {
		stepErr = waitForWorkers(tabCtx, res)
	}

	var problems []string
	if stepErr != nil {
		problems = append(problems, stepErr.Error())
	}
	problems = append(problems, b.problems(t)...)
	if len(problems) > 0 {
		for _, m := range rec.consoleList() {
			t.Logf("console %s", m)
		}
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// browser is a headless Chromium tab whose every request is intercepted:
// loopback requests continue (GraphQL responses are recorded), any other is
// failed. A proxy on 127.0.0.1 refuses and records whatever bypasses the
// interception (for example from a worker).
type browser struct {
	ctx   context.Context // the tab
	rec   *recorder
	proxy *refusingProxy
	dir   string
	close func() // closes the tab and the browser, and waits for the recorders
}

// launch starts Chromium with a viewport of width×height, for at most timeout.
func launch(t testing.TB, baseURL, chromium string, width, height int, timeout time.Duration) (*browser, error) {
	t.Helper()
	if chromium == "" {
		var err error
		if chromium, err = ChromiumPath(); err != nil {
			return nil, err
		}
	}
	base, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("base URL: %w", err)
	}
	if !IsLoopback(base) {
		return nil, fmt.Errorf("base URL %s is not on loopback", baseURL)
	}
	proxy, err := startRefusingProxy()
	if err != nil {
		return nil, err
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(width, height),
		chromedp.ProxyServer("http://"+proxy.Addr()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,NetworkTimeServiceQuerying,AutofillServerCommunication,CertificateTransparencyComponentUpdater"),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-color-profile", "srgb"),
	)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	b := &browser{ctx: tabCtx, rec: &recorder{}, proxy: proxy, dir: dir}
	fail := func(err error) (*browser, error) {
		cancelTab()
		cancelAlloc()
		cancel()
		proxy.Close()
		return nil, err
	}

	console := chromedp.Console(tabCtx)
	paused := chromedp.Events(tabCtx, fetch.RequestPaused)
	if _, err := chromedp.Call(tabCtx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
		{URLPattern: "*", RequestStage: fetch.RequestStageRequest},
		{URLPattern: "*/graphql*", RequestStage: fetch.RequestStageResponse},
	}}); err != nil {
		return fail(fmt.Errorf("start chromium (%s): %w", chromium, err))
	}
	var wg sync.WaitGroup
	wg.Go(func() { intercept(tabCtx, paused, b.rec) })
	wg.Go(func() {
		for m, err := range console {
			if err != nil {
				return
			}
			b.rec.console(truncate(fmt.Sprintf("%s: %s", m.Type, m.Text), 400))
		}
	})
	if err := chromedp.Do(tabCtx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		cancelTab()
		wg.Wait()
		return fail(fmt.Errorf("set the viewport: %w", err))
	}
	b.close = func() {
		cancelTab()
		wg.Wait()
		cancelAlloc()
		cancel()
		proxy.Close()
	}
	return b, nil
}

// problems returns what the page did that a check must fail on: requests off
// the machine (blocked, or refused by the proxy, except Chromium's own background
// services) and Content-Security-Policy violations.
func (b *browser) problems(t testing.TB) []string {
	t.Helper()
	var problems []string
	if blocked := b.rec.blockedList(); len(blocked) > 0 {
		problems = append(problems, "requests off the machine (blocked): "+strings.Join(blocked, ", "))
	}
	var background []string
	for _, h := range b.proxy.Hosts() {
		if browserService(h) {
			if method, target, _ := strings.Cut(h, " "); method == http.MethodConnect && !slices.Contains(background, target) {
				background = append(background, target)
			}
			continue
		}
		problems = append(problems, "request off the machine (refused by the proxy): "+h)
	}
	if len(background) > 0 {
		t.Logf("refused Chromium's own background connections to %s", strings.Join(background, ", "))
	}
	for _, m := range b.rec.consoleList() {
		if strings.Contains(m, "Content Security Policy") || strings.Contains(m, "Content-Security-Policy") {
			problems = append(problems, "CSP violation: "+m)
		}
	}
	return problems
}

// browserServices are the Google endpoints that Chromium itself contacts in
// the background whatever the page does (account listing, component
// updates, network time); no flag turns all of them off. The proxy refuses
// them like everything else, but they are not the page's doing.
var browserServices = []string{
	"accounts.google.com",
	"update.googleapis.com",
	"clients2.google.com",
	"clients2.googleusercontent.com",
	"optimizationguide-pa.googleapis.com",
	"content-autofill.googleapis.com",
}

// browserService reports whether a refused proxy request ("METHOD target")
// went to one of browserServices.
func browserService(req string) bool {
	_, target, _ := strings.Cut(req, " ")
	host := target
	if u, err := url.Parse(target); err == nil && u.Host != "" {
		host = u.Host
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return slices.Contains(browserServices, host)
}

func applyDefaults(o *Options) {
	if len(o.Expect) == 0 {
		o.Expect = []string{`"data"`}
	}
	if len(o.ExpectPane) == 0 {
		o.ExpectPane = []string{`"data"`}
	}
	if o.Width == 0 {
		o.Width = 1600
	}
	if o.Height == 0 {
		o.Height = 1000
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Minute
	}
}

// step limits one wait, so that a failure names the step that hung.
const step = 45 * time.Second

// drive runs the UI steps of the check.
func drive(ctx context.Context, opts Options, rec *recorder, res *Result) error {
	wait := func(what, expr string) error {
		c, cancel := context.WithTimeout(ctx, step)
		defer cancel()
		if err := chromedp.Do(c, chromedp.Poll[chromedp.Void]("!!("+expr+")", chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(0))); err != nil {
			return fmt.Errorf("waiting for %s: %w", what, err)
		}
		return nil
	}

	if err := wait("GraphiQL with its tabs and the query editor",
		`document.querySelector('.graphiql-container .graphiql-tab') &&
		 document.querySelector('.graphiql-query-editor .view-lines') &&
		 document.querySelector('.graphiql-query-editor .view-lines').innerText.trim() !== ''`); err != nil {
		return err
	}
	src, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.getElementById('graphiql') || {dataset: {}}).dataset.schemaSource || ''`))
	if err != nil {
		return err
	}
	res.SchemaSource = src
	if opts.SchemaSource != "" && src != opts.SchemaSource {
		return fmt.Errorf("schema loaded by %q, want %q", src, opts.SchemaSource)
	}
	tabs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.graphiql-tab .graphiql-tab-button')].map(b => b.innerText.trim())`))
	if err != nil {
		return err
	}
	res.Tabs = tabs

	// The Welcome panel is open on a first visit: open the Explorer instead.
	if err := wait("the sidebar", `document.querySelector('button[aria-label="Show GraphiQL Explorer"], button[aria-label="Hide GraphiQL Explorer"]')`); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
		`(() => { const b = document.querySelector('button[aria-label="Show GraphiQL Explorer"]'); if (b) b.click(); })()`)); err != nil {
		return fmt.Errorf("open the Explorer: %w", err)
	}
	if err := wait("the Explorer pane", `document.querySelector('.graphiql-plugin .graphiql-explorer-root, .graphiql-plugin .docExplorerWrap')`); err != nil {
		return err
	}
	for _, s := range opts.ExpectExplorer {
		if err := wait(fmt.Sprintf("%q in the Explorer pane", s),
			fmt.Sprintf(`document.querySelector('.graphiql-plugin').innerText.includes(%s)`, jsString(s))); err != nil {
			return err
		}
	}

	if opts.Tab != "" {
		// A tab that is not open is opened from the Welcome panel's examples menu.
		click := fmt.Sprintf(`[...document.querySelectorAll('.graphiql-tab .graphiql-tab-button')].find(b => b.innerText.trim() === %s).click()`, jsString(opts.Tab))
		if !slices.Contains(tabs, opts.Tab) {
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
				`(() => { const b = document.querySelector('button[aria-label="Show Welcome"]'); if (b) b.click(); })()`)); err != nil {
				return fmt.Errorf("open the Welcome panel: %w", err)
			}
			sel := fmt.Sprintf(`document.querySelector('.corridor-example[data-operation=%s]:not([disabled])')`, jsString(opts.Tab))
			if err := wait(fmt.Sprintf("the example %q in the examples menu", opts.Tab), sel); err != nil {
				return fmt.Errorf("%w (tabs: %q)", err, tabs)
			}
			click = sel + ".click()"
		}
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](click)); err != nil {
			return fmt.Errorf("select tab %q: %w", opts.Tab, err)
		}
		if err := wait("the tab to become active", fmt.Sprintf(
			`(document.querySelector('.graphiql-tab-active .graphiql-tab-button') || {innerText: ''}).innerText.trim() === %s`,
			jsString(opts.Tab))); err != nil {
			return err
		}
	}

	if opts.Query != "" {
		if err := typeQuery(ctx, opts.Query); err != nil {
			return err
		}
	}

	before := len(rec.responseList())
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".graphiql-execute-button"))); err != nil {
		return fmt.Errorf("click the execute button: %w", err)
	}
	// With several operations in the editor the button opens a menu.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
		`(() => { const m = document.querySelector('[role="menuitem"]'); if (m) m.click(); })()`)); err != nil {
		return err
	}

	var paneChecks []string
	for _, s := range opts.ExpectPane {
		paneChecks = append(paneChecks, fmt.Sprintf(`t.includes(%s)`, jsString(s)))
	}
	if err := wait("the result in the response pane", fmt.Sprintf(
		`(() => { const e = document.querySelector('.graphiql-response .view-lines'); if (!e) return false;
		  const t = e.innerText.replace(/\u00a0/g, ' '); return %s; })()`, strings.Join(paneChecks, " && "))); err != nil {
		pane, _ := chromedp.Run(ctx, chromedp.Evaluate[string](
			`(document.querySelector('.graphiql-response .view-lines') || {innerText: ''}).innerText`))
		return fmt.Errorf("%w (pane shows %q)", err, pane)
	}
	pane, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`document.querySelector('.graphiql-response .view-lines').innerText.replace(/\u00a0/g, ' ')`))
	if err != nil {
		return err
	}
	res.Pane = pane

	responses := rec.responseList()
	if len(responses) <= before {
		return errors.New("the response pane changed but no GraphQL response was seen")
	}
	res.Response = responses[len(responses)-1]
	for _, s := range opts.Expect {
		if !strings.Contains(res.Response, s) {
			return fmt.Errorf("response does not contain %q: %.2000s", s, res.Response)
		}
	}
	if !opts.AllowErrors {
		var body struct {
			Errors json.RawMessage `json:"errors"`
		}
		if err := json.Unmarshal([]byte(res.Response), &body); err != nil {
			return fmt.Errorf("response is not JSON: %w", err)
		}
		if len(body.Errors) > 0 && string(body.Errors) != "null" {
			return fmt.Errorf("response has errors: %s", body.Errors)
		}
	}
	if opts.ExportPanel {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[aria-label="Show Export"]`))); err != nil {
			return fmt.Errorf("open the Export panel: %w", err)
		}
		if err := wait("download links in the Export panel", `document.querySelector('.corridor-export a[data-format]')`); err != nil {
			return err
		}
		links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('.corridor-export a[data-format]')].map(a => a.getAttribute('href'))`))
		if err != nil {
			return err
		}
		res.ExportLinks = links
	}
	// Let the page settle so the screenshot shows the final state.
	return wait("the execute button to be idle",
		`(document.querySelector('.graphiql-execute-button') || {}).ariaLabel?.startsWith('Execute')`)
}

// monacoWorkers are the bundled Monaco workers the playground must run:
// Monaco's editor worker and the GraphQL language worker.
var monacoWorkers = []string{"/assets/editor.worker-", "/assets/graphql.worker-"}

// waitForWorkers waits until the browser runs the bundled Monaco workers,
// loaded from loopback, and records the workers in res.
func waitForWorkers(ctx context.Context, res *Result) error {
	c, cancel := context.WithTimeout(ctx, step)
	defer cancel()
	for {
		infos, err := chromedp.Targets(c)
		if err != nil {
			return fmt.Errorf("list the browser's workers: %w", err)
		}
		res.Workers = res.Workers[:0]
		for _, info := range infos {
			if strings.Contains(string(info.Type), "worker") && info.URL != "" {
				res.Workers = append(res.Workers, info.URL)
			}
		}
		missing := slices.DeleteFunc(slices.Clone(monacoWorkers), func(w string) bool {
			return slices.ContainsFunc(res.Workers, func(u string) bool {
				p, err := url.Parse(u)
				return err == nil && IsLoopback(p) && strings.HasPrefix(p.Path, w)
			})
		})
		if len(missing) == 0 {
			return nil
		}
		select {
		case <-c.Done():
			return fmt.Errorf("waiting for the bundled Monaco workers %q: running workers %q: %w", missing, res.Workers, c.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// operationName finds the name of a query's first operation.
var operationName = regexp.MustCompile(`(?m)^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)`)

// typeQuery replaces the text of the operation editor as a user pasting it
// would: it focuses Monaco's input, selects all, deletes, and pastes the text
// (typing it key by key would trigger Monaco's auto-closing brackets). It
// then checks what the editor shows and, for a named operation, waits until
// GraphiQL has taken it in: GraphiQL reads the operation name from the editor
// 100 ms after the last change (debounced), and sets the active tab's title in
// the same step. Run before that, on a busy machine, it sends the new text with
// the previous tab's operation name, and the server answers "operation not
// found".
func typeQuery(ctx context.Context, query string) error {
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('.graphiql-query-editor .monaco-editor textarea').focus()`),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent("\b"),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const data = new DataTransfer();
			data.setData('text/plain', %s);
			document.activeElement.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
		})()`, jsString(query))),
	); err != nil {
		return fmt.Errorf("type the query: %w", err)
	}
	c, cancel := context.WithTimeout(ctx, step)
	defer cancel()
	want := strings.Join(strings.Fields(query), " ")
	if err := chromedp.Do(c, chromedp.Poll[chromedp.Void](fmt.Sprintf(
		`document.querySelector('.graphiql-query-editor .view-lines').innerText.replace(/\s+/g, ' ').trim() === %s`, jsString(want)),
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(0))); err != nil {
		shown, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.graphiql-query-editor .view-lines').innerText`))
		return fmt.Errorf("the operation editor shows %q, want %q: %w", shown, query, err)
	}
	if m := operationName.FindStringSubmatch(query); m != nil {
		if err := chromedp.Do(c, chromedp.Poll[chromedp.Void](fmt.Sprintf(
			`(document.querySelector('.graphiql-tab-active .graphiql-tab-button') || {innerText: ''}).innerText.trim() === %s`, jsString(m[1])),
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0))); err != nil {
			title, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.graphiql-tab-active .graphiql-tab-button') || {innerText: ''}).innerText`))
			return fmt.Errorf("GraphiQL has not taken in the operation %q (the active tab is titled %q): %w", m[1], title, err)
		}
	}
	return nil
}

// intercept answers the paused requests: loopback ones continue (and
// GraphQL responses are recorded), all others fail.
func intercept(ctx context.Context, paused iter.Seq2[fetch.EventRequestPaused, error], rec *recorder) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		go handlePaused(ctx, &ev, rec)
	}
}

func handlePaused(ctx context.Context, ev *fetch.EventRequestPaused, rec *recorder) {
	u, err := url.Parse(ev.Request.URL)
	if err != nil || !IsLoopback(u) {
		rec.block(ev.Request.URL)
		chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		return
	}
	responseStage := ev.ResponseStatusCode != 0 || ev.ResponseErrorReason != ""
	if !responseStage {
		rec.request(ev.Request.Method + " " + ev.Request.URL)
	}
	if responseStage && ev.Request.Method == http.MethodPost && !isIntrospection(ev.Request) {
		if body, err := chromedp.Call(ctx, fetch.GetResponseBody, fetch.GetResponseBodyParams{RequestID: ev.RequestID}); err == nil {
			rec.response(string(body.Body))
		}
	}
	chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
}

func isIntrospection(r *network.Request) bool {
	var body bytes.Buffer
	for _, e := range r.PostDataEntries {
		body.Write(e.Bytes)
	}
	return strings.Contains(body.String(), "__schema")
}

// IsLoopback reports whether u points at this machine: a loopback IP
// address or "localhost". Only http, https, ws and wss URLs qualify.
func IsLoopback(u *url.URL) bool {
	switch u.Scheme {
	case "http", "https", "ws", "wss":
	default:
		return false
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// recorder collects what the browser did, from several goroutines.
type recorder struct {
	mu        sync.Mutex
	requests  []string
	blocked   []string
	responses []string
	messages  []string
}

func (r *recorder) request(s string)  { r.add(&r.requests, s) }
func (r *recorder) block(s string)    { r.add(&r.blocked, s) }
func (r *recorder) response(s string) { r.add(&r.responses, s) }
func (r *recorder) console(s string)  { r.add(&r.messages, s) }

func (r *recorder) add(list *[]string, s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*list = append(*list, s)
}

func (r *recorder) get(list *[]string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(*list)
}

func (r *recorder) requestList() []string  { return r.get(&r.requests) }
func (r *recorder) blockedList() []string  { return r.get(&r.blocked) }
func (r *recorder) responseList() []string { return r.get(&r.responses) }
func (r *recorder) consoleList() []string  { return r.get(&r.messages) }
