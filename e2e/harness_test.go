// Package e2e holds end-to-end tests: they build the real corridor binary, start it
// on a free loopback port and talk to it over real HTTP, as a user would.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "corridor-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "corridor")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = ".."
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building corridor:", err)
		os.Exit(1)
	}
	code := m.Run()
	if sharedSrv != nil {
		_ = sharedSrv.cmd.Process.Signal(syscall.SIGTERM)
		<-sharedSrv.exited
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// server is a running corridor process.
type server struct {
	URL  string
	cmd  *exec.Cmd
	mu   sync.Mutex
	logs bytes.Buffer
	// exited is closed when the process has exited; err is its exit error then.
	exited chan struct{}
	err    error
}

// Logs returns what the server has printed so far.
func (s *server) Logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logs.String()
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startServer starts the corridor binary with extra environment variables and
// waits until /healthz answers. The process is stopped with SIGTERM at cleanup.
func startServer(t testing.TB, env ...string) *server {
	t.Helper()
	port := freePort(t)
	s := &server{URL: fmt.Sprintf("http://127.0.0.1:%d", port), exited: make(chan struct{})}
	s.cmd = exec.Command(binary, "serve")
	s.cmd.Dir = ".." // so ../shared/seeds resolves as for `go run .`
	dataDir, err := os.MkdirTemp("", "corridor-data")
	if err != nil {
		t.Fatal(err)
	}
	s.cmd.Env = append(os.Environ(),
		fmt.Sprintf("PORT=%d", port), "CORRIDOR_HOST=127.0.0.1",
		"CORRIDOR_DATA_DIR="+dataDir, "CORRIDOR_RATE_LIMIT=0")
	s.cmd.Env = append(s.cmd.Env, env...)
	pr, pw := io.Pipe()
	s.cmd.Stdout, s.cmd.Stderr = pw, pw
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			s.mu.Lock()
			s.logs.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
		}
	}()
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		s.err = s.cmd.Wait()
		pw.Close()
		os.RemoveAll(dataDir)
		close(s.exited)
	}()
	t.Cleanup(func() { s.stop(t) })

	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			t.Fatalf("server exited early: %v\n%s", s.err, s.Logs())
		default:
		}
		resp, err := http.Get(s.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server did not become healthy:\n%s", s.Logs())
	return nil
}

func (s *server) stop(t testing.TB) {
	select {
	case <-s.exited:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		t.Errorf("server did not stop within 15s of SIGTERM")
	}
}

// gqlResponse is a GraphQL response document.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	Status int             `json:"-"`
	Raw    string          `json:"-"`
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns the first error's extensions.code, or "".
func (r *gqlResponse) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// query POSTs a GraphQL query with variables and decodes the answer.
func (s *server) query(t testing.TB, q string, vars map[string]any) *gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return s.do(t, req)
}

// get sends a GraphQL query by GET.
func (s *server) get(t testing.TB, q string) *gqlResponse {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?query="+url.QueryEscape(q), nil)
	return s.do(t, req)
}

func (s *server) do(t testing.TB, req *http.Request) *gqlResponse {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var r gqlResponse
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("response is not JSON (%d): %s", resp.StatusCode, b)
	}
	r.Status, r.Raw = resp.StatusCode, string(b)
	for _, leak := range []string{"goroutine ", ".go:", "panic(", "MATCH (", "runtime."} {
		if strings.Contains(r.Raw, leak) {
			t.Errorf("response leaks internals (%q): %s", leak, r.Raw)
		}
	}
	return &r
}

// mustData fails on errors and decodes data into v.
func (r *gqlResponse) mustData(t testing.TB, v any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %s", r.Raw)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decoding data: %v\n%s", err, r.Raw)
	}
}

// seedsDir is where the source articles live, beside the repository.
func seedsDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("CORRIDOR_SEEDS_DIR"); d != "" {
		return d
	}
	d, _ := filepath.Abs("../../shared/seeds")
	if _, err := os.Stat(d); err != nil {
		t.Fatalf("source articles not found at %s (set CORRIDOR_SEEDS_DIR): %v", d, err)
	}
	return d
}

// normalize collapses whitespace runs to one space, as the quote check does.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }
