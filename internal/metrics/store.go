package metrics

import (
	"context"
	"errors"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// Ports returns p with the calls of each port it has counted and timed by
// method, one decorator per port. A nil port stays nil, so the result provides
// exactly the abilities p does; Revisions pass through unmeasured (they are not
// store calls, and the response cache asks for them on every request).
func (m *Metrics) Ports(p domain.Ports) domain.Ports {
	out := p
	out.Store = m.Store(p.Store)
	if p.Explorer != nil {
		out.Explorer = m.Explorer(p.Explorer)
	}
	if p.Writer != nil {
		out.Writer = m.Writer(p.Writer)
	}
	if p.Audit != nil {
		out.Audit = m.AuditLog(p.Audit)
	}
	return out
}

// Store returns s with every call counted and timed by method.
func (m *Metrics) Store(s domain.Store) domain.Store { return &store{Store: s, inner: s, m: m} }

// Explorer returns e with every call counted and timed by method.
func (m *Metrics) Explorer(e domain.Explorer) domain.Explorer { return &explorer{e, m} }

// Writer returns w with every call counted and timed by method.
func (m *Metrics) Writer(w domain.Writer) domain.Writer { return &writer{w, m} }

// AuditLog returns a with every call counted and timed by method.
func (m *Metrics) AuditLog(a domain.AuditLog) domain.AuditLog { return &auditLog{a, m} }

// observe runs one store call and records its duration and outcome.
func observe[T any](m *Metrics, method string, call func() (T, error)) (T, error) {
	start := time.Now()
	v, err := call()
	m.storeDuration.WithLabelValues(method).Observe(time.Since(start).Seconds())
	m.storeCalls.WithLabelValues(method, outcome(err)).Inc()
	return v, err
}

// outcome names how a store call ended: ok, canceled, timeout, or its error code.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return domain.ErrorCode(err)
}

// store measures a domain.Store. It implements every method itself; the embedded
// Store only keeps the build working when the port grows a method before this
// decorator does (TestStoreMeasuresEveryMethod then names it).
type store struct {
	domain.Store
	inner domain.Store
	m     *Metrics
}

func (s *store) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	return observe(s.m, "Nodes", func() ([]domain.Node, error) { return s.inner.Nodes(ctx, ids) })
}

func (s *store) Related(ctx context.Context, ids []string, rel domain.Traversal) ([][]domain.Node, error) {
	return observe(s.m, "Related", func() ([][]domain.Node, error) { return s.inner.Related(ctx, ids, rel) })
}

func (s *store) Search(ctx context.Context, q domain.SearchQuery) ([]domain.SearchHit, error) {
	return observe(s.m, "Search", func() ([]domain.SearchHit, error) { return s.inner.Search(ctx, q) })
}

func (s *store) Actors(ctx context.Context, f domain.ActorFilter, o domain.Order, p domain.PageArgs) (*domain.Page[domain.Node], error) {
	return observe(s.m, "Actors", func() (*domain.Page[domain.Node], error) { return s.inner.Actors(ctx, f, o, p) })
}

func (s *store) Meetings(ctx context.Context, f domain.MeetingFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
	return observe(s.m, "Meetings", func() (*domain.Page[*domain.Meeting], error) { return s.inner.Meetings(ctx, f, o, p) })
}

func (s *store) Commitments(ctx context.Context, f domain.CommitmentFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Commitment], error) {
	return observe(s.m, "Commitments", func() (*domain.Page[*domain.Commitment], error) { return s.inner.Commitments(ctx, f, o, p) })
}

func (s *store) Projects(ctx context.Context, f domain.ProjectFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Project], error) {
	return observe(s.m, "Projects", func() (*domain.Page[*domain.Project], error) { return s.inner.Projects(ctx, f, o, p) })
}

func (s *store) Sources(ctx context.Context, f domain.SourceFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Source], error) {
	return observe(s.m, "Sources", func() (*domain.Page[*domain.Source], error) { return s.inner.Sources(ctx, f, o, p) })
}

func (s *store) Programmes(ctx context.Context) ([]*domain.Programme, error) {
	return observe(s.m, "Programmes", func() ([]*domain.Programme, error) { return s.inner.Programmes(ctx) })
}

func (s *store) Pillars(ctx context.Context) ([]*domain.Pillar, error) {
	return observe(s.m, "Pillars", func() ([]*domain.Pillar, error) { return s.inner.Pillars(ctx) })
}

func (s *store) Info(ctx context.Context) (*domain.DatasetInfo, error) {
	return observe(s.m, "Info", func() (*domain.DatasetInfo, error) { return s.inner.Info(ctx) })
}

func (s *store) Ping(ctx context.Context) error {
	_, err := observe(s.m, "Ping", func() (struct{}, error) { return struct{}{}, s.inner.Ping(ctx) })
	return err
}

// explorer measures a domain.Explorer.
type explorer struct {
	ex domain.Explorer
	m  *Metrics
}

func (s *explorer) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	return observe(s.m, "Paths", func() ([]domain.Path, error) { return s.ex.Paths(ctx, q) })
}

func (s *explorer) Neighborhood(ctx context.Context, q domain.NeighborhoodQuery) (*domain.Subgraph, error) {
	return observe(s.m, "Neighborhood", func() (*domain.Subgraph, error) { return s.ex.Neighborhood(ctx, q) })
}

func (s *explorer) Timeline(ctx context.Context, q domain.TimelineQuery) ([]domain.TimelineEvent, error) {
	return observe(s.m, "Timeline", func() ([]domain.TimelineEvent, error) { return s.ex.Timeline(ctx, q) })
}

func (s *explorer) CommitmentStats(ctx context.Context, group domain.CommitmentGroup, f domain.CommitmentFilter, first int) ([]domain.StatGroup, error) {
	return observe(s.m, "CommitmentStats", func() ([]domain.StatGroup, error) { return s.ex.CommitmentStats(ctx, group, f, first) })
}

func (s *explorer) CompareMeetings(ctx context.Context, a, b string) (*domain.MeetingComparison, error) {
	return observe(s.m, "CompareMeetings", func() (*domain.MeetingComparison, error) { return s.ex.CompareMeetings(ctx, a, b) })
}

func (s *explorer) ChangesSincePrevious(ctx context.Context, meetingID string) (*domain.MeetingComparison, error) {
	return observe(s.m, "ChangesSincePrevious", func() (*domain.MeetingComparison, error) { return s.ex.ChangesSincePrevious(ctx, meetingID) })
}

// writer measures a domain.Writer.
type writer struct {
	w domain.Writer
	m *Metrics
}

func (s *writer) Create(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	return observe(s.m, "Create", func() (domain.Node, error) { return s.w.Create(ctx, actor, n) })
}

func (s *writer) Update(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	return observe(s.m, "Update", func() (domain.Node, error) { return s.w.Update(ctx, actor, n) })
}

func (s *writer) Delete(ctx context.Context, actor string, id string) error {
	_, err := observe(s.m, "Delete", func() (struct{}, error) { return struct{}{}, s.w.Delete(ctx, actor, id) })
	return err
}

func (s *writer) Link(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return observe(s.m, "Link", func() (domain.Node, error) { return s.w.Link(ctx, actor, l) })
}

func (s *writer) Unlink(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return observe(s.m, "Unlink", func() (domain.Node, error) { return s.w.Unlink(ctx, actor, l) })
}

func (s *writer) AttachEvidence(ctx context.Context, actor string, id string, ev domain.Evidence) (domain.Node, error) {
	return observe(s.m, "AttachEvidence", func() (domain.Node, error) { return s.w.AttachEvidence(ctx, actor, id, ev) })
}

func (s *writer) Merge(ctx context.Context, actor string, survivorID, mergedID string) (*domain.MergeResult, error) {
	return observe(s.m, "Merge", func() (*domain.MergeResult, error) { return s.w.Merge(ctx, actor, survivorID, mergedID) })
}

func (s *writer) ImportBatch(ctx context.Context, actor string, b domain.ImportBatch) (domain.ImportResult, error) {
	return observe(s.m, "ImportBatch", func() (domain.ImportResult, error) { return s.w.ImportBatch(ctx, actor, b) })
}

// auditLog measures a domain.AuditLog.
type auditLog struct {
	a domain.AuditLog
	m *Metrics
}

func (s *auditLog) Audit(ctx context.Context, q domain.AuditQuery) (*domain.AuditPage, error) {
	return observe(s.m, "Audit", func() (*domain.AuditPage, error) { return s.a.Audit(ctx, q) })
}
