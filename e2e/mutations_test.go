package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// Keys of the mutation test: name:role:key, keys of at least 16 characters.
const (
	curReaderKey = "reader-key-0123456789"
	curEditorKey = "editor-key-0123456789"
	curAdminKey  = "admin-key-01234567890"
	curationKeys = "rita:reader:" + curReaderKey + ",ed:editor:" + curEditorKey + ",ada:admin:" + curAdminKey
)

// as POSTs a GraphQL request with Authorization: Bearer key (none when key is "").
func (s *server) as(t *testing.T, key, q string, vars map[string]any) *gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	return s.do(t, req)
}

// TestMutationsOverHTTP curates through real HTTP with API keys: roles are
// enforced, a write is seen by the next query (no stale cached answer), the admin
// reads the audit trail, and the write survives a restart on the same data dir.
func TestMutationsOverHTTP(t *testing.T) {
	dataDir := t.TempDir()
	env := []string{"CORRIDOR_API_KEYS=" + curationKeys, "CORRIDOR_DATA_DIR=" + dataDir}
	s := startServer(t, env...)

	const lookup = `{ node(id: "person:li-wei") { id label } }`
	if r := s.query(t, lookup, nil); string(r.Data) != `{"node":null}` {
		t.Fatalf("before the write: %s", r.Raw)
	}
	// The same query again: now a candidate for the response cache.
	if r := s.query(t, lookup, nil); string(r.Data) != `{"node":null}` {
		t.Fatalf("before the write, again: %s", r.Raw)
	}

	const create = `mutation($in: PersonInput!) { createPerson(input: $in) { id name } }`
	vars := map[string]any{"in": map[string]any{
		"id": "person:li-wei", "name": "Li Wei", "nationalityId": "country:china",
		"evidence": []any{map[string]any{"sourceId": "source:pakistan-invites-china-digital", "quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}},
	}}
	for key, code := range map[string]string{"": "UNAUTHENTICATED", curReaderKey: "FORBIDDEN"} {
		if r := s.as(t, key, create, vars); r.Code() != code || r.Status != http.StatusOK && r.Status != http.StatusUnauthorized && r.Status != http.StatusForbidden {
			t.Errorf("createPerson with key %q: code %q (status %d), want %s: %s", key, r.Code(), r.Status, code, r.Raw)
		}
	}
	var created struct{ CreatePerson struct{ ID, Name string } }
	s.as(t, curEditorKey, create, vars).mustData(t, &created)
	if created.CreatePerson.ID != "person:li-wei" {
		t.Fatalf("created: %+v", created)
	}
	if r := s.query(t, lookup, nil); !strings.Contains(string(r.Data), `"label":"Li Wei"`) {
		t.Fatalf("the query after the write does not see it (stale cache?): %s", r.Raw)
	}

	// The audit trail: admins only.
	const audit = `{ auditLog(first: 5, node: "person:li-wei") { edges { node { action actor nodeId } } } }`
	if r := s.as(t, curEditorKey, audit, nil); r.Code() != "FORBIDDEN" {
		t.Errorf("auditLog with an editor key: %s", r.Raw)
	}
	var log struct {
		AuditLog struct {
			Edges []struct {
				Node struct{ Action, Actor, NodeID string }
			}
		}
	}
	s.as(t, curAdminKey, audit, nil).mustData(t, &log)
	if e := log.AuditLog.Edges; len(e) != 1 || e[0].Node.Action != "CREATE" || e[0].Node.Actor != "ed" || e[0].Node.NodeID != "person:li-wei" {
		t.Errorf("audit log: %+v", log.AuditLog.Edges)
	}

	// Stop with SIGTERM, restart on the same data dir: the person is still there.
	s.stop(t)
	if s.err != nil {
		t.Errorf("server exit after SIGTERM: %v\n%s", s.err, s.Logs())
	}
	s2 := startServer(t, env...)
	if r := s2.query(t, lookup, nil); !strings.Contains(string(r.Data), `"label":"Li Wei"`) {
		t.Errorf("after a restart: %s", r.Raw)
	}
}
