package metrics

import (
	"context"
	"errors"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// Store returns s with every call counted and timed by method. When s also
// implements domain.Explorer, so does the result (its calls are measured too).
// Unwrap on the result returns s, for the optional interfaces of an adapter that
// the decorator does not know.
func (m *Metrics) Store(s domain.Store) domain.Store {
	st := &store{Store: s, inner: s, m: m}
	if ex, ok := s.(domain.Explorer); ok {
		return &explorerStore{store: st, ex: ex}
	}
	return st
}

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

// Unwrap returns the measured store.
func (s *store) Unwrap() domain.Store { return s.inner }

func (s *store) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	return observe(s.m, "Nodes", func() ([]domain.Node, error) { return s.inner.Nodes(ctx, ids) })
}

func (s *store) Related(ctx context.Context, ids []string, rel domain.Relation) ([][]domain.Node, error) {
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

// explorerStore measures a store that is also a domain.Explorer.
type explorerStore struct {
	*store
	ex domain.Explorer
}

func (s *explorerStore) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	return observe(s.m, "Paths", func() ([]domain.Path, error) { return s.ex.Paths(ctx, q) })
}

func (s *explorerStore) Neighborhood(ctx context.Context, q domain.NeighborhoodQuery) (*domain.Subgraph, error) {
	return observe(s.m, "Neighborhood", func() (*domain.Subgraph, error) { return s.ex.Neighborhood(ctx, q) })
}

func (s *explorerStore) Timeline(ctx context.Context, q domain.TimelineQuery) ([]domain.TimelineEvent, error) {
	return observe(s.m, "Timeline", func() ([]domain.TimelineEvent, error) { return s.ex.Timeline(ctx, q) })
}

func (s *explorerStore) CommitmentStats(ctx context.Context, group domain.CommitmentGroup, f domain.CommitmentFilter) ([]domain.StatGroup, error) {
	return observe(s.m, "CommitmentStats", func() ([]domain.StatGroup, error) { return s.ex.CommitmentStats(ctx, group, f) })
}

func (s *explorerStore) CompareMeetings(ctx context.Context, a, b string) (*domain.MeetingComparison, error) {
	return observe(s.m, "CompareMeetings", func() (*domain.MeetingComparison, error) { return s.ex.CompareMeetings(ctx, a, b) })
}

func (s *explorerStore) ChangesSincePrevious(ctx context.Context, meetingID string) (*domain.MeetingComparison, error) {
	return observe(s.m, "ChangesSincePrevious", func() (*domain.MeetingComparison, error) { return s.ex.ChangesSincePrevious(ctx, meetingID) })
}
