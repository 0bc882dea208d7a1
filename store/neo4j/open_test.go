package neo4j

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
)

// TestOpenFailsClearly checks that Open verifies connectivity and says what is
// wrong in words an operator can act on, without a server: no URI, a URI the
// driver rejects, a closed loopback port, and a port that accepts connections
// but never answers (bounded by ConnectTimeout).
func TestOpenFailsClearly(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		var held []net.Conn
		for {
			c, err := silent.Accept()
			if err != nil {
				for _, c := range held {
					c.Close()
				}
				return
			}
			held = append(held, c)
		}
	}()
	for _, tc := range []struct {
		uri, want string
	}{
		{"", "no Neo4j URI configured (NEO4J_URI)"},
		{"http://127.0.0.1:7474", `invalid Neo4j URI "http://127.0.0.1:7474"`},
		{"bolt://" + closed, "cannot reach Neo4j at bolt://" + closed},
		{"neo4j://" + closed, "cannot reach Neo4j at neo4j://" + closed},
		{"bolt://" + silent.Addr().String(), "Neo4j at bolt://" + silent.Addr().String()},
	} {
		s, err := Open(context.Background(), Config{URI: tc.uri, User: "neo4j", Password: "pw-not-shown", ConnectTimeout: 2 * time.Second})
		if err == nil {
			s.Close(context.Background())
			t.Errorf("Open(%q) succeeded", tc.uri)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "pw-not-shown") {
			t.Errorf("Open(%q): %v\nwant a message with %q and no password", tc.uri, err, tc.want)
		}
	}
}

// TestPorts: the Neo4j store reads, explores, writes and keeps a trail, but has
// no revisions, so the response cache stays off over it.
func TestPorts(t *testing.T) {
	s, _, _ := openFake(t, storetest.Fixture())
	p := s.Ports()
	if p.Store != domain.Store(s) || p.Explorer != domain.Explorer(s) || p.Writer != domain.Writer(s) || p.Audit != domain.AuditLog(s) {
		t.Errorf("Ports = %+v, want the store in every port but Revisions", p)
	}
	if p.Revisions != nil {
		t.Errorf("Ports.Revisions = %v, want nil", p.Revisions)
	}
}
