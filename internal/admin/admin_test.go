package admin

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// failing is a Store whose backup fails after written bytes of a 1,000-byte file.
type failing struct{ written int }

func (f failing) Backup(_ context.Context, w io.Writer, size func(int64)) (int64, error) {
	size(1000)
	if f.written == 0 {
		return 0, errors.New("disk on fire")
	}
	n, _ := w.Write(make([]byte, f.written))
	w.(http.Flusher).Flush()
	return int64(n), errors.New("disk on fire")
}

func (failing) EachAudit(context.Context, func(domain.AuditEntry) error) error { return nil }

func serve(t *testing.T, s Store) *httptest.Server {
	srv := httptest.NewServer(Handler(s, s, slog.New(slog.DiscardHandler), time.Now))
	t.Cleanup(srv.Close)
	return srv
}

// TestBackupFailureIsNeverAShortFile: a backup that fails before its first byte
// is a coded 500; one that fails midway cuts the connection, so the client sees
// an error instead of a file that looks whole.
func TestBackupFailureIsNeverAShortFile(t *testing.T) {
	res, err := http.Get(serve(t, failing{}).URL + "/admin/backup")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 500 || !strings.Contains(string(body), `"INTERNAL"`) || res.Header.Get("Content-Disposition") != "" {
		t.Errorf("failure before the first byte: %d %v %s", res.StatusCode, res.Header, body)
	}

	res, err = http.Get(serve(t, failing{written: 100}).URL + "/admin/backup")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err == nil {
		t.Errorf("a backup cut off after %d bytes read without error", n)
	}
}

// pagedLog is a domain.AuditLog of n entries, newest first, in pages of at most
// two whatever is asked, to exercise paging.
type pagedLog struct{ n int }

func (p pagedLog) Audit(_ context.Context, q domain.AuditQuery) (*domain.AuditPage, error) {
	next := p.n // the newest entry not yet returned
	if q.After != "" {
		fmt.Sscan(q.After, &next)
		next--
	}
	page := &domain.AuditPage{}
	for seq := next; seq >= 1 && len(page.Entries) < 2; seq-- {
		page.Entries = append(page.Entries, domain.AuditEntry{Seq: uint64(seq), NodeID: "n"})
		page.Cursors = append(page.Cursors, fmt.Sprint(seq))
	}
	page.HasNextPage = next-len(page.Entries) >= 1
	return page, nil
}

// TestAuditPagesOldestFirst: an AuditLog read page by page comes out whole and
// oldest first.
func TestAuditPagesOldestFirst(t *testing.T) {
	var seqs []uint64
	err := AuditPages{Log: pagedLog{n: 5}}.EachAudit(context.Background(), func(e domain.AuditEntry) error {
		seqs = append(seqs, e.Seq)
		return nil
	})
	if err != nil || fmt.Sprint(seqs) != "[1 2 3 4 5]" {
		t.Errorf("entries %v, %v; want [1 2 3 4 5]", seqs, err)
	}
}

// brokenLog is a domain.AuditLog that fails.
type brokenLog struct{}

func (brokenLog) Audit(context.Context, domain.AuditQuery) (*domain.AuditPage, error) {
	return nil, errors.New("database on fire")
}

// TestAuditFailureBeforeAnyByte: an audit export that fails before writing is a
// coded 500, not a cut connection.
func TestAuditFailureBeforeAnyByte(t *testing.T) {
	srv := httptest.NewServer(Handler(nil, AuditPages{Log: brokenLog{}}, slog.New(slog.DiscardHandler), time.Now))
	t.Cleanup(srv.Close)
	res, err := http.Get(srv.URL + "/admin/audit?format=csv")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 500 || !strings.Contains(string(body), `"INTERNAL"`) || strings.Contains(string(body), "fire") {
		t.Errorf("failed audit export: %d %s", res.StatusCode, body)
	}
	// No backup on a store without a file: 404 saying where backups come from.
	res, err = http.Get(srv.URL + "/admin/backup")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 404 || !strings.Contains(string(body), "neo4j-admin") {
		t.Errorf("backup without a file: %d %s", res.StatusCode, body)
	}
}
