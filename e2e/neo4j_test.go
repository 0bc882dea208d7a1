package e2e

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runUntilExit runs cmd and waits for it to exit by itself; the generous bound
// only keeps a hanging binary from hanging the suite.
func runUntilExit(t *testing.T, cmd *exec.Cmd) (string, int) {
	t.Helper()
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatalf("%v: %v", cmd.Args, err)
		}
		return out.String(), cmd.ProcessState.ExitCode()
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%v did not exit by itself; output:\n%s", cmd.Args, out)
	}
	return "", 0
}

// TestNeo4jUnreachable starts `corridor serve`, `seed`, `import` and `export` with the
// Neo4j store against a closed loopback port, over both URI schemes: each must
// exit non-zero by itself, saying which Neo4j it could not reach, without ever
// serving.
func TestNeo4jUnreachable(t *testing.T) {
	port := itoa(freePort(t)) // nothing listens there any more
	for _, uri := range []string{"bolt://127.0.0.1:" + port, "neo4j://127.0.0.1:" + port} {
		for _, sub := range []string{"serve", "seed", "import", "export"} {
			t.Run(sub+" "+uri, func(t *testing.T) {
				args := []string{sub}
				switch sub {
				case "import":
					args = append(args, filepath.Join(t.TempDir(), "none.json"))
					if err := os.WriteFile(args[1], []byte(`{"persons": []}`), 0o600); err != nil {
						t.Fatal(err)
					}
				case "export":
					args = append(args, "--format", "json", "-")
				}
				cmd := corridorCmd(t, append(args, "CORRIDOR_STORE=neo4j", "NEO4J_URI="+uri,
					"NEO4J_USER=neo4j", "NEO4J_PASSWORD=secret-password", "PORT="+itoa(freePort(t)))...)
				out, code := runUntilExit(t, cmd)
				if code == 0 {
					t.Errorf("exit status 0, want non-zero; output:\n%s", out)
				}
				if !strings.Contains(out, "cannot reach Neo4j at "+uri) {
					t.Errorf("output does not say which Neo4j is unreachable:\n%s", out)
				}
				if strings.Contains(out, "secret-password") {
					t.Errorf("output shows the password:\n%s", out)
				}
				if strings.Contains(out, "corridor serving") {
					t.Errorf("the server started serving without its store:\n%s", out)
				}
			})
		}
	}
}

// TestNeo4jSilent points the server at a loopback port that accepts connections
// and never answers (a hung or firewalled server): the connectivity check must
// give up on its own and the process exit non-zero with a clear message.
func TestNeo4jSilent(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		var held []net.Conn
		for {
			c, err := ln.Accept()
			if err != nil {
				for _, c := range held {
					c.Close()
				}
				return
			}
			held = append(held, c)
		}
	}()
	defer ln.Close()
	uri := "bolt://" + ln.Addr().String()
	cmd := corridorCmd(t, "serve", "CORRIDOR_STORE=neo4j", "NEO4J_URI="+uri, "PORT="+itoa(freePort(t)))
	out, code := runUntilExit(t, cmd)
	if code == 0 || !strings.Contains(out, "Neo4j at "+uri) {
		t.Errorf("exit status %d, output:\n%s\nwant non-zero and a message naming %s", code, out, uri)
	}
}
