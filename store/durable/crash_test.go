package durable_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/bolt"
	"github.com/corridor-kg/corridor/store/durable"
)

// crashWriterEnv makes the test binary a writer process (see TestMain).
const crashWriterEnv = "CORRIDOR_CRASH_WRITER"

// TestMain turns the test binary into the writer of TestCrashKeepsAcknowledgedWrites
// when crashWriterEnv names a store file: it writes a stream of new persons and
// prints "ack <id>" once each Create has returned, until it is killed.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashWriterEnv); path != "" {
		os.Exit(crashWriter(path))
	}
	os.Exit(m.Run())
}

func crashWriter(path string) int {
	ctx := context.Background()
	s, err := durable.Open(ctx, durable.Options{Path: path})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		p := newPerson(fmt.Sprintf("person:crash-%d", i), fmt.Sprintf("Crash %d", i))
		if _, err := s.Create(ctx, "crash-writer", p); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Fprintf(out, "ack %s\n", p.ID)
		out.Flush()
	}
}

// TestCrashKeepsAcknowledgedWrites runs a writer process, kills it with SIGKILL
// in the middle of its stream of writes, reopens the store and checks that the
// file is consistent and that every write the writer acknowledged is there.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corridor.db")
	s := openAt(t, path, bundled(t)) // seeded, so the writer's evidence resolves
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashWriterEnv+"="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		id, ok := strings.CutPrefix(sc.Text(), "ack ")
		if !ok {
			t.Fatalf("writer printed %q", sc.Text())
		}
		acked = append(acked, id)
		if len(acked) == 40 {
			break // mid-stream: the writer is busy with the next write
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	// Acknowledgements already on their way count too.
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
			acked = append(acked, id)
		}
	}
	_ = cmd.Wait()
	if len(acked) < 40 {
		t.Fatalf("writer acknowledged %d writes before it stopped; stderr:\n%s", len(acked), stderr.String())
	}

	db, err := bolt.Open(context.Background(), path, 0)
	if err != nil {
		t.Fatalf("reopening after SIGKILL: %v", err)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Errorf("bbolt check after SIGKILL: %v", err)
	}
	db.Close()
	s = openAt(t, path, nil)
	defer s.Close()
	ns, err := s.Nodes(context.Background(), acked)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range ns {
		if n == nil {
			t.Errorf("acknowledged write %s lost", acked[i])
		}
	}
	page, err := s.Audit(context.Background(), domain.AuditQuery{NodeID: acked[len(acked)-1]})
	if err != nil || len(page.Entries) != 1 || page.Entries[0].Actor != "crash-writer" {
		t.Errorf("audit of the last acknowledged write: %+v, %v", page, err)
	}
	t.Logf("%d acknowledged writes, all present after SIGKILL", len(acked))
}
