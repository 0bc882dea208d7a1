package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/web/webtest"
)

// TestPlaygroundOverRealServer loads the embedded playground from the real
// binary in headless Chromium with every non-loopback request refused, runs
// the JCC commitments example (opened from the Welcome panel's examples menu or
// its tab) through the UI against the bundled dataset and checks the answer. UPDATE_SCREENSHOT=1 rewrites
// docs/playground.png from this run.
func TestPlaygroundOverRealServer(t *testing.T) {
	s := sharedServer(t)
	opts := webtest.Options{
		Tab: "JccCommitments",
		Expect: []string{
			`"id":"meeting:jcc-10"`,
			`"name":"Ning Jizhe"`,
			`"attribution":"DIRECT_QUOTE"`,
		},
		ExpectPane:     []string{`"data"`, `"meeting:jcc-10"`},
		ExpectExplorer: []string{"commitments", "meetings", "search", "about"},
		SchemaSource:   "introspection",
	}
	if os.Getenv("UPDATE_SCREENSHOT") == "1" {
		opts.Screenshot = "../docs/playground.png"
	}
	res := webtest.RunPlaygroundCheck(t, s.URL, opts)
	if len(res.Tabs) < 2 {
		t.Errorf("tabs = %q, want the JCC and welcome examples", res.Tabs)
	}
	for _, r := range res.Requests {
		_, u, _ := strings.Cut(r, " ") // "METHOD URL"
		if !strings.HasPrefix(u, s.URL+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page requested %s, not on the server", r)
		}
	}
}
