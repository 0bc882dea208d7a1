package e2e

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// createPersonQ creates a person; vars from personVars.
const createPersonQ = `mutation($in: PersonInput!) { createPerson(input: $in) { id } }`

// personVars is a valid createPerson input for the person with slug id.
func personVars(id string) map[string]any {
	return map[string]any{"in": map[string]any{
		"id": "person:" + id, "name": "Backup " + id, "nationalityId": "country:china",
		"evidence": []any{map[string]any{"sourceId": "source:pakistan-invites-china-digital", "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}},
	}}
}

// adminGET GETs path with key (none when "") and returns the response and body.
func adminGET(t *testing.T, s *server, key, path string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL+path, nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// TestHotBackupAndAuditExport takes backups from a running server while writes go
// on (over /admin/backup and with `corridor backup --server`), restores one into a
// new data directory, serves it and finds every write acknowledged before the
// backup started; and exports the audit trail as JSON lines and CSV.
func TestHotBackupAndAuditExport(t *testing.T) {
	dataDir := t.TempDir()
	s := startServer(t, "CORRIDOR_API_KEYS="+curationKeys, "CORRIDOR_DATA_DIR="+dataDir)

	// Only admin keys reach /admin/.
	for key, want := range map[string]int{"": 401, curReaderKey: 403, curEditorKey: 403, "wrong-key-0123456789": 401} {
		res, body := adminGET(t, s, key, "/admin/backup")
		if res.StatusCode != want || !strings.Contains(string(body), `"code"`) {
			t.Errorf("backup with key %q: %d %s, want %d with a code", key, res.StatusCode, body, want)
		}
	}

	before := 5
	for i := range before {
		if r := s.as(t, curEditorKey, createPersonQ, personVars("pre-"+strconv.Itoa(i))); len(r.Errors) > 0 {
			t.Fatalf("write %d: %s", i, r.Raw)
		}
	}
	// Writes go on while the backups are taken.
	var wg sync.WaitGroup
	var during atomic.Int64
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if r := s.as(t, curEditorKey, createPersonQ, personVars("during-"+strconv.Itoa(i))); len(r.Errors) > 0 {
				t.Errorf("write during the backup: %s", r.Raw)
				return
			}
			during.Add(1)
		}
	}()

	res, backup := adminGET(t, s, curAdminKey, "/admin/backup")
	if res.StatusCode != 200 || res.Header.Get("Content-Length") != strconv.Itoa(len(backup)) ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="corridor-backup-`) {
		t.Fatalf("backup: %d, %d bytes, headers %v", res.StatusCode, len(backup), res.Header)
	}
	dir := t.TempDir()
	cliBackup := filepath.Join(dir, "cli.db")
	out, err := corridorCmd(t, "backup", "--server", s.URL, cliBackup, "CORRIDOR_ADMIN_KEY="+curAdminKey).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "verified") {
		t.Fatalf("corridor backup --server: %v\n%s", err, out)
	}
	close(stop)
	wg.Wait()
	if during.Load() == 0 {
		t.Error("no write went on during the backups")
	}
	// Without --server, the CLI names the lock and the way out.
	out, err = corridorCmd(t, "backup", filepath.Join(dir, "x.db"), "CORRIDOR_DATA_DIR="+dataDir).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "--server") {
		t.Errorf("backup of a held store: %v\n%s", err, out)
	}

	// Restore the HTTP backup into a new data directory and serve it.
	httpBackup := filepath.Join(dir, "http.db")
	if err := os.WriteFile(httpBackup, backup, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{httpBackup, cliBackup} {
		restored := t.TempDir()
		if out, err := corridorCmd(t, "restore", file, "CORRIDOR_DATA_DIR="+restored).CombinedOutput(); err != nil {
			t.Fatalf("restore %s: %v\n%s", file, err, out)
		}
		r := startServer(t, "CORRIDOR_DATA_DIR="+restored)
		ids := make([]string, before)
		for i := range ids {
			ids[i] = "person:pre-" + strconv.Itoa(i)
		}
		var got struct{ Nodes []*struct{ ID string } }
		r.query(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}).mustData(t, &got)
		for i, n := range got.Nodes {
			if n == nil {
				t.Errorf("%s: %s, acknowledged before the backup, is missing", filepath.Base(file), ids[i])
			}
		}
		r.stop(t)
	}

	// The audit trail as JSON lines: every write, oldest first, records as objects.
	res, body := adminGET(t, s, curAdminKey, "/admin/audit")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("audit: %d %v", res.StatusCode, res.Header)
	}
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	var creates int
	var last uint64
	for _, line := range lines {
		var e struct {
			Seq           uint64
			Action, Actor string
			NodeID        string `json:"nodeId"`
			After         map[string]any
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		if e.Seq <= last {
			t.Errorf("audit not oldest first: %d after %d", e.Seq, last)
		}
		last = e.Seq
		if e.Action == "CREATE" && strings.HasPrefix(e.NodeID, "person:") {
			creates++
			if e.Actor != "ed" || e.After == nil {
				t.Errorf("audit entry: %s", line)
			}
		}
	}
	if want := before + int(during.Load()); creates != want {
		t.Errorf("audit has %d creations, want %d", creates, want)
	}
	// CSV of one node, through the CLI.
	csvFile := filepath.Join(dir, "audit.csv")
	out, err = corridorCmd(t, "audit", "--server", s.URL, "--format", "csv", "--node", "person:pre-0", csvFile, "CORRIDOR_ADMIN_KEY="+curAdminKey).CombinedOutput()
	if err != nil {
		t.Fatalf("corridor audit: %v\n%s", err, out)
	}
	f, err := os.Open(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != "seq,write,at,actor,action,node_id,before,after" ||
		rows[1][4] != "CREATE" || rows[1][5] != "person:pre-0" || !strings.Contains(rows[1][7], `"Backup pre-0"`) {
		t.Errorf("audit CSV: %q", rows)
	}
	if res, body := adminGET(t, s, curAdminKey, "/admin/audit?format=xml"); res.StatusCode != 400 || !strings.Contains(string(body), "BAD_USER_INPUT") {
		t.Errorf("bad format: %d %s", res.StatusCode, body)
	}
	// Offline, once the server has stopped, the CLI reads the file itself.
	s.stop(t)
	out, err = corridorCmd(t, "audit", "-", "CORRIDOR_DATA_DIR="+dataDir).Output()
	if err != nil {
		t.Fatalf("offline audit: %v", err)
	}
	if n := strings.Count(string(out), "\n"); n != len(lines) {
		t.Errorf("offline audit: %d lines, over HTTP %d", n, len(lines))
	}
}
