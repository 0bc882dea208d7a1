package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
)

// stoppingStore ends the request's context once it has answered the meetings
// page (as a client hanging up or the deadline passing would) and records every
// call.
type stoppingStore struct {
	countingStore
	stop func()
}

func (s *stoppingStore) Meetings(ctx context.Context, f domain.MeetingFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
	page, err := s.countingStore.Meetings(ctx, f, o, p)
	s.stop()
	return page, err
}

// TestWorkStopsWithTheRequest runs a four-level query and ends its context once
// the first level is answered: the loaders ask the store for nothing more,
// whether the client hung up or the deadline passed (the answer then says
// TIMEOUT).
func TestWorkStopsWithTheRequest(t *testing.T) {
	const query = `{ meetings(first: 100) { edges { node { commitments { madeBy { ... on Person { roles { title } } } } } } } }`
	mem, err := memory.New(synth.Generate(42, 1000))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		code string
	}{{"client hangs up", CodeCancelled}, {"deadline passes", domain.ETIMEOUT}} {
		t.Run(tc.name, func(t *testing.T) {
			store := &stoppingStore{countingStore: countingStore{Store: mem}}
			var ctx context.Context
			var cancel context.CancelFunc
			if tc.code == domain.ETIMEOUT {
				// The store waits for the deadline to pass.
				ctx, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
				store.stop = func() { <-ctx.Done() }
			} else {
				ctx, cancel = context.WithCancel(context.Background())
				store.stop = cancel
			}
			defer cancel()
			body, _ := json.Marshal(map[string]string{"query": query})
			req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			cfg := quietConfig()
			NewHandler(domain.Ports{Store: store}, cfg).ServeHTTP(w, req)
			// A batch opened after the context ended would be fetched once its
			// timer fires, after the answer: give it four times the longest wait
			// (an absence can only be checked by waiting).
			time.Sleep(4 * cfg.LoaderMaxWait)

			want := []string{"Meetings"}
			if calls := store.Calls(); !slices.Equal(calls, want) {
				t.Errorf("store calls %v, want only %v: nothing after the context ended", calls, want)
			}
			var resp gqlResponse
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatal(err)
			}
			for _, e := range resp.Errors {
				if c := e.Extensions["code"]; c != tc.code && c != CodeTooManyErrors {
					t.Errorf("error %+v, want %s", e, tc.code)
					break
				}
			}
			if len(resp.Errors) == 0 {
				t.Errorf("answer %.300s, want %s errors", w.Body.String(), tc.code)
			}
		})
	}
}
