// Package admin serves the embedded store's maintenance endpoints while the
// server runs: a hot backup of the store file and the audit trail as a file.
// Who may call them is decided where they are mounted (internal/httpapi lets only
// admin keys through); this package only reads.
//
//	GET /admin/backup                      the store file, from one read transaction
//	GET /admin/audit?format=jsonl|csv&node=ID   the audit trail, oldest first
package admin

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// Backuper copies a store's file (store/bolt.DB).
type Backuper interface {
	// Backup writes a consistent copy of the store file to w while writes go on;
	// size is told its length before the first byte.
	Backup(ctx context.Context, w io.Writer, size func(int64)) (int64, error)
}

// AuditSource reads the whole audit trail.
type AuditSource interface {
	// EachAudit calls fn with every audit entry, oldest first.
	EachAudit(ctx context.Context, fn func(domain.AuditEntry) error) error
}

// Store is what the endpoints read from the embedded store (store/bolt.DB).
type Store interface {
	Backuper
	AuditSource
}

// AuditPages reads the trail of any domain.AuditLog, page by page (newest first),
// and hands it over oldest first; the trail is held in memory meanwhile.
type AuditPages struct{ Log domain.AuditLog }

// EachAudit implements AuditSource.
func (a AuditPages) EachAudit(ctx context.Context, fn func(domain.AuditEntry) error) error {
	var all []domain.AuditEntry
	q := domain.AuditQuery{First: domain.MaxPageSize}
	for {
		page, err := a.Log.Audit(ctx, q)
		if err != nil {
			return err
		}
		all = append(all, page.Entries...)
		if !page.HasNextPage || len(page.Cursors) == 0 {
			break
		}
		q.After = page.Cursors[len(page.Cursors)-1]
	}
	for i := len(all) - 1; i >= 0; i-- {
		if err := fn(all[i]); err != nil {
			return err
		}
	}
	return nil
}

// Audit export formats.
const (
	FormatJSONL = "jsonl"
	FormatCSV   = "csv"
)

// Handler returns the /admin/ endpoints: the backup of b (nil: answered 404
// with where backups come from instead) and the audit trail of a. now names
// backup files.
func Handler(b Backuper, a AuditSource, log *slog.Logger, now func() time.Time) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/backup", func(w http.ResponseWriter, r *http.Request) {
		if b == nil {
			writeError(w, http.StatusNotFound, domain.ENOTFOUND, "this store has no file to back up here: back up Neo4j with its own tools (neo4j-admin database dump)")
			return
		}
		name := "corridor-backup-" + now().UTC().Format("20060102T150405Z") + ".db"
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Cache-Control", "no-store")
		n, err := b.Backup(r.Context(), w, func(size int64) {
			w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
		})
		if err != nil {
			log.Error("backup failed", "bytes", n, "err", err)
			if n == 0 {
				writeError(w, http.StatusInternalServerError, domain.EINTERNAL, "the backup failed; see the server log")
				return
			}
			// Part of the file is out: cut the connection so that the client
			// sees an error, never a short file that looks whole.
			panic(http.ErrAbortHandler)
		}
		log.Info("backup served", "bytes", n, "file", name)
	})
	mux.HandleFunc("GET /admin/audit", func(w http.ResponseWriter, r *http.Request) {
		format := r.URL.Query().Get("format")
		if format == "" {
			format = FormatJSONL
		}
		if format != FormatJSONL && format != FormatCSV {
			writeError(w, http.StatusBadRequest, domain.EINVALID, fmt.Sprintf("format must be %s or %s, got %q", FormatJSONL, FormatCSV, format))
			return
		}
		ext, ctype := ".jsonl", "application/x-ndjson"
		if format == FormatCSV {
			ext, ctype = ".csv", "text/csv; charset=utf-8"
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Disposition", `attachment; filename="corridor-audit`+ext+`"`)
		w.Header().Set("Cache-Control", "no-store")
		cw := &countingWriter{w: w}
		if err := WriteAudit(r.Context(), cw, a, format, r.URL.Query().Get("node")); err != nil {
			log.Error("audit export failed", "bytes", cw.n, "err", err)
			if cw.n == 0 {
				writeError(w, http.StatusInternalServerError, domain.EINTERNAL, "the audit export failed; see the server log")
				return
			}
			panic(http.ErrAbortHandler) // never a short file that looks whole
		}
	})
	return mux
}

// countingWriter counts the bytes that reached w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// auditRecord is an audit entry as exported: the before and after records as
// JSON objects (null when absent), not as encoded bytes.
type auditRecord struct {
	Seq    uint64             `json:"seq"`
	Write  uint64             `json:"write"`
	At     string             `json:"at"`
	Actor  string             `json:"actor"`
	Action domain.AuditAction `json:"action"`
	NodeID string             `json:"nodeId"`
	Before json.RawMessage    `json:"before"`
	After  json.RawMessage    `json:"after"`
}

var csvHeader = []string{"seq", "write", "at", "actor", "action", "node_id", "before", "after"}

// WriteAudit writes the audit trail of s, oldest first, to w in format
// (FormatJSONL: one JSON object a line; FormatCSV: a header, then one row per
// entry with before and after as JSON text). node, when set, keeps the entries of
// that node ID.
func WriteAudit(ctx context.Context, w io.Writer, s AuditSource, format, node string) error {
	bw := bufio.NewWriter(w)
	var cw *csv.Writer
	if format == FormatCSV {
		cw = csv.NewWriter(bw)
		if err := cw.Write(csvHeader); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := s.EachAudit(ctx, func(e domain.AuditEntry) error {
		if node != "" && e.NodeID != node {
			return nil
		}
		rec := auditRecord{Seq: e.Seq, Write: e.Write, At: e.At.UTC().Format(time.RFC3339Nano), Actor: e.Actor,
			Action: e.Action, NodeID: e.NodeID, Before: rawOrNull(e.Before), After: rawOrNull(e.After)}
		if cw == nil {
			return enc.Encode(rec)
		}
		return cw.Write([]string{strconv.FormatUint(rec.Seq, 10), strconv.FormatUint(rec.Write, 10), rec.At, rec.Actor,
			string(rec.Action), rec.NodeID, string(e.Before), string(e.After)})
	})
	if cw != nil && err == nil {
		// csv.Writer shares bw (bufio hands back a large enough Writer), so its
		// Flush reaches w: only once everything was read.
		cw.Flush()
		err = cw.Error()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("admin: audit export: %w", err)
	}
	return nil
}

func rawOrNull(b []byte) json.RawMessage {
	if len(b) == 0 {
		return json.RawMessage("null")
	}
	return b
}

// writeError writes a GraphQL-shaped error document with extensions.code, as
// every other endpoint does.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Del("Content-Disposition")
	w.Header().Del("Content-Length")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]any{"code": code}}},
	})
}
