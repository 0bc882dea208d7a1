package webtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Session is a headless Chromium tab on a Corridor server for tests that act as
// a user does: they open pages, click and type, and read what the page shows.
// Every request off the machine is refused, as in RunPlaygroundCheck. Each
// method fails the test when it cannot do its step; at cleanup the session
// fails the test on any request that left the machine, any Content-Security-
// Policy violation and, unless allowed, any console error or uncaught
// exception.
//
//	s := webtest.NewSession(t, srv.URL, webtest.SessionOptions{Width: 1440, Height: 900})
//	s.Open("/explore")
//	s.Click("the search box", `document.querySelector('input[role=combobox]')`)
//	s.Type("Yao Jing")
//	s.Wait("a suggestion", `document.querySelector('[role=option]')`)
type Session struct {
	t    testing.TB
	b    *browser
	base string
	// Step bounds each wait; default 60 s (generous: the tests run on busy
	// 2-core machines).
	Step time.Duration
	// AllowConsole lists substrings of console errors the test expects (for
	// example the 401 of a page opened without its API key).
	AllowConsole []string
}

// SessionOptions set up a Session. Width and Height default to 1440×900;
// Timeout, the bound of the whole session, to 5 minutes.
type SessionOptions struct {
	Width, Height int
	Timeout       time.Duration
}

// NewSession starts Chromium for baseURL (a loopback URL).
func NewSession(t testing.TB, baseURL string, opts SessionOptions) *Session {
	t.Helper()
	if opts.Width == 0 {
		opts.Width, opts.Height = 1440, 900
	}
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Minute
	}
	b, err := launch(t, baseURL, "", opts.Width, opts.Height, opts.Timeout)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	s := &Session{t: t, b: b, base: strings.TrimSuffix(baseURL, "/"), Step: 60 * time.Second}
	t.Cleanup(s.close)
	return s
}

// close stops the browser and reports what the page did wrong.
func (s *Session) close() {
	s.b.close()
	problems := s.b.problems(s.t)
	for _, m := range s.b.rec.consoleList() {
		if (strings.HasPrefix(m, "error:") || strings.HasPrefix(m, "exception:")) && !s.allowed(m) {
			problems = append(problems, "console "+m)
		}
	}
	if len(problems) > 0 {
		for _, m := range s.b.rec.consoleList() {
			s.t.Logf("console %s", m)
		}
		s.t.Errorf("browser session:\n%s", strings.Join(problems, "\n"))
	}
}

func (s *Session) allowed(m string) bool {
	for _, a := range s.AllowConsole {
		if strings.Contains(m, a) {
			return true
		}
	}
	return false
}

// Requests lists every URL the page requested so far ("METHOD URL").
func (s *Session) Requests() []string { return s.b.rec.requestList() }

// Console lists the console messages so far.
func (s *Session) Console() []string { return s.b.rec.consoleList() }

// Open navigates to a path of the server (e.g. "/explore?node=meeting:jcc-10").
func (s *Session) Open(path string) {
	s.t.Helper()
	if err := chromedp.Do(s.b.ctx, chromedp.Navigate(s.base+path)); err != nil {
		s.t.Fatalf("open %s: %v", path, err)
	}
}

// Viewport resizes the page.
func (s *Session) Viewport(width, height int) {
	s.t.Helper()
	if err := chromedp.Do(s.b.ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		s.t.Fatalf("viewport %d×%d: %v", width, height, err)
	}
}

// Wait waits until the JavaScript expression is truthy.
func (s *Session) Wait(what, expr string) {
	s.t.Helper()
	if err := s.wait(expr); err != nil {
		s.fatal("waiting for %s: %v", what, err)
	}
}

func (s *Session) wait(expr string) error {
	c, cancel := context.WithTimeout(s.b.ctx, s.Step)
	defer cancel()
	for {
		err := chromedp.Do(c, chromedp.Poll[chromedp.Void]("!!("+expr+")",
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(0)))
		// A navigation destroys the page's JavaScript context under the poll:
		// poll again in the new page.
		if err == nil || c.Err() != nil || !navigated(err) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// navigated reports whether an evaluation failed because the page navigated.
func navigated(err error) bool {
	m := err.Error()
	return strings.Contains(m, "Cannot find context") || strings.Contains(m, "context was destroyed") || strings.Contains(m, "Inspected target navigated")
}

// fatal fails the test with a screenshot of the moment and the page's console.
func (s *Session) fatal(format string, args ...any) {
	s.t.Helper()
	if shot, err := chromedp.Run(s.b.ctx, chromedp.CaptureScreenshot()); err == nil {
		p := filepath.Join(s.b.dir, "failure.png")
		if os.WriteFile(p, shot, 0o644) == nil {
			s.t.Logf("screenshot of the failure: %s", p)
		}
	}
	text, _ := chromedp.Run(s.b.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 3000) : ''`))
	s.t.Logf("the page shows:\n%s", text)
	s.t.Fatalf(format, args...)
}

// Eval evaluates a JavaScript expression (awaiting a promise) and decodes its
// JSON value into out (nil to ignore it).
func (s *Session) Eval(expr string, out any) {
	s.t.Helper()
	raw, err := chromedp.Run(s.b.ctx, chromedp.Evaluate[json.RawMessage](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		s.fatal("evaluate %.200s: %v", expr, err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			s.fatal("evaluate %.200s: decode %s: %v", expr, raw, err)
		}
	}
}

// Click waits for the element the JavaScript expression returns, scrolls it
// into view and clicks its centre with the mouse, as a user does.
func (s *Session) Click(what, elementExpr string) {
	s.t.Helper()
	s.ClickAt(what, `(() => { const el = (`+elementExpr+`); if (!el) return null;
		el.scrollIntoView({block: 'center', inline: 'center'});
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) return null;
		return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
}

// ClickAt waits until the JavaScript expression gives a point [x, y] of the
// viewport (null until it can) and clicks there with the mouse: for what has
// no element of its own, such as a node drawn on a canvas.
func (s *Session) ClickAt(what, pointExpr string) {
	s.t.Helper()
	js := pointExpr
	var at []float64
	c, cancel := context.WithTimeout(s.b.ctx, s.Step)
	defer cancel()
	for {
		raw, err := chromedp.Run(c, chromedp.Evaluate[json.RawMessage](js))
		if err == nil && json.Unmarshal(raw, &at) == nil && len(at) == 2 {
			break
		}
		select {
		case <-c.Done():
			s.fatal("click %s: not found or not visible: %v", what, errors.Join(err, c.Err()))
		case <-time.After(100 * time.Millisecond):
		}
	}
	if err := chromedp.Do(s.b.ctx, chromedp.MouseClickXY(at[0], at[1])); err != nil {
		s.fatal("click %s: %v", what, err)
	}
}

// Type types text into the focused element, key by key.
func (s *Session) Type(text string) {
	s.t.Helper()
	if err := chromedp.Do(s.b.ctx, chromedp.KeyEvent(text)); err != nil {
		s.fatal("type %q: %v", text, err)
	}
}

// Key presses one key, e.g. "\r" for Enter or kb.ArrowDown.
func (s *Session) Key(key string) {
	s.t.Helper()
	if err := chromedp.Do(s.b.ctx, chromedp.KeyEvent(key)); err != nil {
		s.fatal("press %q: %v", key, err)
	}
}

// History goes back (-1) or forward (+1) in the tab's history, as the
// browser's buttons do.
func (s *Session) History(delta int) {
	s.t.Helper()
	if err := chromedp.Do(s.b.ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf("history.go(%d)", delta))); err != nil {
		s.fatal("history.go(%d): %v", delta, err)
	}
}

// Reload reloads the page.
func (s *Session) Reload() {
	s.t.Helper()
	if err := chromedp.Do(s.b.ctx, chromedp.Reload()); err != nil {
		s.fatal("reload: %v", err)
	}
}

// Screenshot writes a PNG of the viewport to path, and a copy to the test's
// temporary directory.
func (s *Session) Screenshot(path string) {
	s.t.Helper()
	shot, err := chromedp.Run(s.b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.fatal("screenshot: %v", err)
	}
	for _, p := range []string{filepath.Join(s.b.dir, filepath.Base(path)), path} {
		if err := os.WriteFile(p, shot, 0o644); err != nil {
			s.t.Fatal(err)
		}
	}
	s.t.Logf("screenshot: %s", path)
}

// AxeViolation is one rule axe-core found broken, with the elements breaking it.
type AxeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	Targets []string
}

// Axe runs axe-core (its source from AxeSource) on the page and returns the
// violations.
func (s *Session) Axe() []AxeViolation {
	s.t.Helper()
	src, err := AxeSource()
	if err != nil {
		s.t.Fatal(err)
	}
	var loaded bool
	s.Eval(`!!window.axe`, &loaded)
	if !loaded {
		// Evaluated by DevTools itself, not by the page's eval (which its CSP forbids).
		s.Eval(src+"\n;true", nil)
	}
	var raw []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any `json:"target"`
		} `json:"nodes"`
	}
	s.Eval(`axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`, &raw)
	out := make([]AxeViolation, len(raw))
	for i, v := range raw {
		out[i] = AxeViolation{ID: v.ID, Impact: v.Impact, Help: v.Help}
		for _, n := range v.Nodes {
			out[i].Targets = append(out[i].Targets, fmt.Sprint(n.Target...))
		}
	}
	return out
}

// AxeSource returns axe-core's script, from web/node_modules/axe-core (npm ci
// --prefix web installs it from web/package-lock.json; scripts/test.sh does),
// found from the working directory upwards. A missing axe-core is an error:
// tests fail, they never skip.
func AxeSource() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "web", "node_modules", "axe-core", "axe.min.js")
		if b, err := os.ReadFile(p); err == nil {
			return string(b), nil
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil || filepath.Dir(dir) == dir {
			return "", fmt.Errorf("axe-core not found under %s/web/node_modules: run npm ci --prefix web (scripts/test.sh does)", dir)
		}
	}
}
