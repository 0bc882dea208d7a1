package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/docs"
	"github.com/corridor-kg/corridor/web/webtest"
)

// TestExamplesMenu opens every example from the Welcome panel's menu, by its
// readable title, at 1440 and at 1024 pixels wide: each opens in a tab titled
// with its operation, showing the query without its test expectations. The
// panel shows the dataset version, and the answer's typographic quotes are not
// boxed as ambiguous characters.
func TestExamplesMenu(t *testing.T) {
	// The stub answers every query with a real answer holding ‘ ” ’ and “.
	srv, _ := newServerAnswering(t, true, "testdata/typographic-quotes.response.json")
	examples := docs.Examples()
	for _, width := range []int{1440, 1024} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			s := webtest.NewSession(t, srv.URL, webtest.SessionOptions{Width: width, Height: 900})
			s.Open("/")
			s.Wait("the Welcome panel with the examples menu, ready", `document.querySelectorAll('.corridor-example:not([disabled])').length > 0`)
			var titles []string
			s.Eval(`[...document.querySelectorAll('.corridor-example')].map(b => b.innerText.trim())`, &titles)
			if len(titles) != len(examples) {
				t.Fatalf("menu lists %q, want one entry per example (%d)", titles, len(examples))
			}
			var version string
			s.Eval(`document.querySelector('.corridor-version').dataset.version`, &version)
			for _, e := range examples {
				if e.Title == "" || !strings.Contains(strings.Join(titles, "|"), e.Title) {
					t.Errorf("menu lacks %q (%s)", e.Title, e.File)
				}
				s.Click(e.Title, fmt.Sprintf(`[...document.querySelectorAll('.corridor-example')].find(b => b.innerText.trim() === %q)`, e.Title))
				s.Wait(e.Title+" in the active tab", fmt.Sprintf(
					`(document.querySelector('.graphiql-tab-active .graphiql-tab-button') || {innerText: ''}).innerText.trim() === %q`, e.Operations[0]))
				s.Wait(e.Title+" in the editor", fmt.Sprintf(
					`document.querySelector('.graphiql-query-editor .view-lines').innerText.includes(%q)`, e.Operations[0]))
				var editor string
				s.Eval(`document.querySelector('.graphiql-query-editor .view-lines').innerText`, &editor)
				if strings.Contains(editor, "expect") {
					t.Errorf("%s shows its test expectations: %.300s", e.File, editor)
				}
				var visible bool
				s.Eval(`(() => { const r = document.querySelector('.graphiql-tab-active').getBoundingClientRect(); return r.width > 0 && r.right <= window.innerWidth + 1; })()`, &visible)
				if !visible {
					var tabs any
					s.Eval(`[...document.querySelectorAll('.graphiql-tab')].map(b => [b.innerText, Math.round(b.getBoundingClientRect().left), Math.round(b.getBoundingClientRect().right)])`, &tabs)
					t.Errorf("%s: its tab is not on the screen at %d px: tabs %v", e.File, width, tabs)
				}
			}
			// The stub answers with the JCC example's real answer, whose quotes hold ’.
			s.Click("the run button", `document.querySelector('.graphiql-execute-button')`)
			s.Wait("the answer", `document.querySelector('.graphiql-response .view-lines') && document.querySelector('.graphiql-response .view-lines').innerText.includes('’')`)
			var boxed int
			s.Eval(`document.querySelectorAll('.graphiql-container .unicode-highlight').length`, &boxed)
			if boxed != 0 {
				t.Errorf("%d characters boxed as ambiguous unicode", boxed)
			}
			t.Logf("dataset version shown: %q", version)
		})
	}
}
