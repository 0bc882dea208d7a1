package metrics

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
)

// sum adds up the counter values (or histogram sample counts) of a metric
// family over the series whose label has the given value.
func sum(t *testing.T, m *Metrics, family, label, value string) float64 {
	t.Helper()
	fams, err := m.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var n float64
	for _, f := range fams {
		if f.GetName() != family {
			continue
		}
		for _, mt := range f.GetMetric() {
			for _, l := range mt.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					n += mt.GetCounter().GetValue() + float64(mt.GetHistogram().GetSampleCount())
				}
			}
		}
	}
	return n
}

// counter returns the value of one counter.
func counter(c prometheus.Counter) float64 {
	var d dto.Metric
	_ = c.Write(&d)
	return d.GetCounter().GetValue()
}

// storeCalls sums corridor_store_calls_total for one method over its outcomes.
func storeCalls(t *testing.T, m *Metrics, method string) float64 {
	t.Helper()
	return sum(t, m, "corridor_store_calls_total", "method", method)
}

// TestStoreMeasuresEveryMethod calls every method of domain.Store and
// domain.Explorer through the decorator, by reflection, and checks each call was
// counted: a method added to a port without its measured twin here fails.
func TestStoreMeasuresEveryMethod(t *testing.T) {
	inner, err := memory.New(synth.Generate(1, 20))
	if err != nil {
		t.Fatal(err)
	}
	m := New(nil)
	s := m.Store(inner)
	if _, ok := s.(domain.Explorer); !ok {
		t.Fatal("the decorator hides the memory store's Explorer")
	}
	if u, ok := s.(interface{ Unwrap() domain.Store }); !ok || u.Unwrap() != domain.Store(inner) {
		t.Fatal("Unwrap does not return the inner store")
	}
	for _, port := range []reflect.Type{reflect.TypeFor[domain.Store](), reflect.TypeFor[domain.Explorer]()} {
		for i := range port.NumMethod() {
			name := port.Method(i).Name
			fn := reflect.ValueOf(s).MethodByName(name)
			args := make([]reflect.Value, fn.Type().NumIn())
			for j := range args {
				args[j] = reflect.Zero(fn.Type().In(j))
			}
			args[0] = reflect.ValueOf(context.Background())
			fn.Call(args)
			if got := storeCalls(t, m, name); got != 1 {
				t.Errorf("%s.%s: counted %v calls, want 1", port.Name(), name, got)
			}
		}
	}
}

func TestStoreWithoutExplorer(t *testing.T) {
	inner, _ := memory.New(synth.Generate(1, 5))
	s := New(nil).Store(struct{ domain.Store }{inner})
	if _, ok := s.(domain.Explorer); ok {
		t.Fatal("the decorator claims an Explorer the store does not have")
	}
}

type failingStore struct{ domain.Store }

func (failingStore) Ping(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

func (failingStore) Programmes(context.Context) ([]*domain.Programme, error) {
	return nil, domain.Errorf(domain.EINVALID, "no")
}

func (failingStore) Pillars(context.Context) ([]*domain.Pillar, error) {
	return nil, errors.New("disk on fire")
}

func TestStoreOutcomes(t *testing.T) {
	m := New(nil)
	s := m.Store(failingStore{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_ = s.Ping(ctx)
	_, _ = s.Programmes(context.Background())
	_, _ = s.Pillars(context.Background())
	for _, c := range []struct{ method, outcome string }{{"Ping", "timeout"}, {"Programmes", "BAD_USER_INPUT"}, {"Pillars", "INTERNAL"}} {
		if got := counter(m.storeCalls.WithLabelValues(c.method, c.outcome)); got != 1 {
			t.Errorf("%s %s = %v, want 1", c.method, c.outcome, got)
		}
	}
	for _, method := range []string{"Ping", "Programmes", "Pillars"} {
		if n := sum(t, m, "corridor_store_call_duration_seconds", "method", method); n != 1 {
			t.Errorf("%s timed %v times, want 1", method, n)
		}
	}
}

// TestExtension runs operations through a real GraphQL handler with the
// extension installed and checks the operation and error labels.
func TestExtension(t *testing.T) {
	inner, err := memory.New(synth.Generate(1, 5))
	if err != nil {
		t.Fatal(err)
	}
	m := New([]string{"Known"})
	cfg := graph.DefaultConfig()
	cfg.Extensions = append(cfg.Extensions, m.Extension())
	srv := httptest.NewServer(graph.NewHandler(m.Store(inner), cfg))
	t.Cleanup(srv.Close)
	post := func(body string) {
		resp, err := http.Post(srv.URL, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	post(`{"query":"query Known { programmes { id } }"}`)
	post(`{"query":"query Known { programmes { id } }"}`)
	post(`{"query":"query Attacker123 { programmes { id } }"}`)
	post(`{"query":"{ programmes { id } }"}`)
	post(`{"query":"{ programmes { nope } }"}`)
	post(`{"query":"{ node(id: \"x\") { id } "}`)
	post(`{"query":"query Known { commitments(first: 1000) { totalCount } }"}`)
	for op, want := range map[string]float64{"Known": 3, OpOther: 1, OpAnonymous: 1, OpNone: 2, "Attacker123": 0} {
		if got := sum(t, m, "corridor_graphql_operation_duration_seconds", "operation", op); got != want {
			t.Errorf("operation %q timed %v times, want %v", op, got, want)
		}
	}
	if got := counter(m.errors.WithLabelValues("GRAPHQL_VALIDATION_FAILED")); got != 1 {
		t.Errorf("validation errors = %v, want 1", got)
	}
	if got := counter(m.errors.WithLabelValues("GRAPHQL_PARSE_FAILED")); got != 1 {
		t.Errorf("parse errors = %v, want 1", got)
	}
	if got := counter(m.errors.WithLabelValues("BAD_USER_INPUT")); got != 1 {
		t.Errorf("bad input errors = %v, want 1", got)
	}
	if storeCalls(t, m, "Programmes") != 4 {
		t.Errorf("Programmes store calls = %v, want 4", storeCalls(t, m, "Programmes"))
	}
}
