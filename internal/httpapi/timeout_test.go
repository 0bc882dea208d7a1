package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph"
	"github.com/corridor-kg/corridor/internal/httpapi"
)

// slowStore blocks in Programmes until its context ends, and reports why it ended.
type slowStore struct {
	domain.Store
	ended chan error
}

func (s *slowStore) Programmes(ctx context.Context) ([]*domain.Programme, error) {
	select {
	case <-ctx.Done():
		s.ended <- ctx.Err()
		return nil, ctx.Err()
	case <-time.After(time.Minute):
		s.ended <- nil
		return nil, nil
	}
}

// TestTimeoutCancelsStoreWork sends a query through the real GraphQL handler
// and the server's middleware to a store that never finishes on its own: the
// request timeout must cancel the store call, and the client gets a coded error.
func TestTimeoutCancelsStoreWork(t *testing.T) {
	store := &slowStore{ended: make(chan error, 1)}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	gcfg := graph.DefaultConfig()
	gcfg.Logger = log
	cfg := httpapi.DefaultConfig()
	cfg.Timeout = 50 * time.Millisecond
	srv := httptest.NewServer(httpapi.New(cfg, httpapi.Deps{GraphQL: graph.NewHandler(domain.Ports{Store: store}, gcfg), Log: log}))
	t.Cleanup(srv.Close)

	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ programmes { id } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	select {
	case err := <-store.ended:
		if err != context.DeadlineExceeded {
			t.Fatalf("store call ended with %v, want the deadline", err)
		}
	default:
		t.Fatal("the response came before the store call ended")
	}
	if !strings.Contains(string(body), `"errors"`) || !strings.Contains(string(body), `"code":"TIMEOUT"`) || strings.Contains(string(body), "deadline") {
		t.Fatalf("response = %s, want a TIMEOUT error without internals", body)
	}
}
