package web_test

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// jsTest counts the tests of a node:test file: its top-level test( calls.
var jsTest = regexp.MustCompile(`(?m)^test\(`)

// TestJSUnits runs the unit tests of the apps' pure modules under Node's test
// runner, without a browser: the playground's export links
// (src/export.test.js) and the explorer's URL state, graph model, timeline,
// SVG export and API adapter (explorer/src/explorer.test.js). Every test of a
// file must pass. A missing node is a failure, not a skip: scripts/test.sh
// installs it.
func TestJSUnits(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is required to test the apps' scripts (install Node 20): %v", err)
	}
	for _, file := range []string{"src/export.test.js", "explorer/src/explorer.test.js"} {
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			n := len(jsTest.FindAll(src, -1))
			out, err := exec.Command(node, "--test", file).CombinedOutput()
			if err != nil {
				t.Fatalf("node --test %s: %v\n%s", file, err, out)
			}
			if want := "# pass " + strconv.Itoa(n); n == 0 || !strings.Contains(string(out), want+"\n") || !strings.Contains(string(out), "# fail 0") {
				t.Errorf("node --test %s did not report %d passing tests:\n%s", file, n, out)
			}
		})
	}
}
