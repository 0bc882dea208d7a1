package web_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestExportLinksJS runs the unit tests of the playground's export links
// (src/export.test.js) under Node's test runner, without a browser. A missing
// node is a failure, not a skip: scripts/test.sh installs it.
func TestExportLinksJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is required to test the playground's scripts (install Node 20): %v", err)
	}
	out, err := exec.Command(node, "--test", "src/export.test.js").CombinedOutput()
	if err != nil {
		t.Fatalf("node --test src/export.test.js: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "# pass 4") || !strings.Contains(string(out), "# fail 0") {
		t.Errorf("node --test src/export.test.js did not report 4 passing tests:\n%s", out)
	}
}
