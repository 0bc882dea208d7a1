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

// fakeWriter and fakeAudit answer every write and audit call with nothing.
type fakeWriter struct{}

func (fakeWriter) Create(context.Context, string, domain.Node) (domain.Node, error) { return nil, nil }
func (fakeWriter) Update(context.Context, string, domain.Node) (domain.Node, error) { return nil, nil }
func (fakeWriter) Delete(context.Context, string, string) error                     { return nil }
func (fakeWriter) Link(context.Context, string, domain.Link) (domain.Node, error)   { return nil, nil }
func (fakeWriter) Unlink(context.Context, string, domain.Link) (domain.Node, error) {
	return nil, nil
}
func (fakeWriter) AttachEvidence(context.Context, string, string, domain.Evidence) (domain.Node, error) {
	return nil, nil
}
func (fakeWriter) Merge(context.Context, string, string, string) (*domain.MergeResult, error) {
	return nil, nil
}
func (fakeWriter) ImportBatch(context.Context, string, domain.ImportBatch) (domain.ImportResult, error) {
	return domain.ImportResult{}, nil
}

type fakeAudit struct{}

func (fakeAudit) Audit(context.Context, domain.AuditQuery) (*domain.AuditPage, error) {
	return nil, nil
}

// portsOf lists the ports of p with their interface types, Store first.
func portsOf(p domain.Ports) []struct {
	typ reflect.Type
	val any
} {
	return []struct {
		typ reflect.Type
		val any
	}{
		{reflect.TypeFor[domain.Store](), p.Store},
		{reflect.TypeFor[domain.Explorer](), p.Explorer},
		{reflect.TypeFor[domain.Writer](), p.Writer},
		{reflect.TypeFor[domain.AuditLog](), p.Audit},
		{reflect.TypeFor[domain.Revisioner](), p.Revisions},
	}
}

// TestStoreMeasuresEveryMethod calls every method of every port through its
// decorator, by reflection, and checks each call was counted: a method added to a
// port without its measured twin here fails.
func TestStoreMeasuresEveryMethod(t *testing.T) {
	mem, err := memory.New(synth.Generate(1, 20))
	if err != nil {
		t.Fatal(err)
	}
	inner := mem.Ports()
	inner.Writer, inner.Audit = fakeWriter{}, fakeAudit{}
	m := New(nil)
	p := m.Ports(inner)
	if p.Revisions != inner.Revisions {
		t.Fatal("Ports does not pass the inner revisions on")
	}
	for _, port := range portsOf(p) {
		if port.typ == reflect.TypeFor[domain.Revisioner]() {
			continue // not measured
		}
		if port.val == nil {
			t.Fatalf("the decorator drops %s", port.typ)
		}
		for i := range port.typ.NumMethod() {
			name := port.typ.Method(i).Name
			fn := reflect.ValueOf(port.val).MethodByName(name)
			args := make([]reflect.Value, fn.Type().NumIn())
			for j := range args {
				args[j] = reflect.Zero(fn.Type().In(j))
			}
			args[0] = reflect.ValueOf(context.Background())
			fn.Call(args)
			if got := storeCalls(t, m, name); got != 1 {
				t.Errorf("%s.%s: counted %v calls, want 1", port.typ.Name(), name, got)
			}
		}
	}
}

// TestPortsKeepsExactlyTheInnerPorts checks the decorated ports claim no port
// the inner ones lack and drop none they have.
func TestPortsKeepsExactlyTheInnerPorts(t *testing.T) {
	mem, err := memory.New(synth.Generate(1, 5))
	if err != nil {
		t.Fatal(err)
	}
	cases := []domain.Ports{
		{Store: mem}, // Store only
		{Store: mem, Explorer: mem},
		{Store: mem, Writer: fakeWriter{}},
		{Store: mem, Writer: fakeWriter{}, Audit: fakeAudit{}},
		{Store: mem, Explorer: mem, Audit: fakeAudit{}},
		mem.Ports(), // Store, Explorer and Revisions
	}
	for i, inner := range cases {
		got, want := portsOf(New(nil).Ports(inner)), portsOf(inner)
		for j := range got {
			if has, wants := got[j].val != nil, want[j].val != nil; has != wants {
				t.Errorf("case %d: decorated %s = %v, inner %v", i, got[j].typ, has, wants)
			}
		}
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
	cfg.ResponseCacheSize = -1 // every request runs, so that each is counted
	srv := httptest.NewServer(graph.NewHandler(m.Ports(inner.Ports()), cfg))
	t.Cleanup(srv.Close)
	post := func(body string) { postJSON(t, srv.URL, body) }
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

// TestCacheHitsCounted: answers from the response cache skip the executor, yet
// count in the operation histogram and as hits.
func TestCacheHitsCounted(t *testing.T) {
	inner, err := memory.New(synth.Generate(1, 5))
	if err != nil {
		t.Fatal(err)
	}
	m := New([]string{"Known"})
	cfg := graph.DefaultConfig()
	cfg.Extensions = append(cfg.Extensions, m.Extension())
	cfg.OnCacheHit = m.ObserveCacheHit
	srv := httptest.NewServer(graph.NewHandler(m.Ports(inner.Ports()), cfg))
	t.Cleanup(srv.Close)
	for range 3 {
		postJSON(t, srv.URL, `{"query":"query Known { programmes { id } }"}`)
	}
	if got := sum(t, m, "corridor_graphql_operation_duration_seconds", "operation", "Known"); got != 3 {
		t.Errorf("Known timed %v times, want 3 (1 executed, 2 from the cache)", got)
	}
	if got := counter(m.cacheHits.WithLabelValues("Known")); got != 2 {
		t.Errorf("cache hits = %v, want 2", got)
	}
	if got := storeCalls(t, m, "Programmes"); got != 1 {
		t.Errorf("Programmes store calls = %v, want 1", got)
	}
}

// postJSON posts body to url and reads the answer to its end.
func postJSON(t *testing.T, url, body string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}
