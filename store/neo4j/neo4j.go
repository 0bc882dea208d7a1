// Package neo4j is Corridor's Neo4j store adapter (work in progress).
package neo4j

import (
	"context"
	"errors"

	"github.com/corridor-kg/corridor/domain"
)

// Config says how to reach Neo4j.
type Config struct {
	URI, User, Password, Database string
}

// Counts reports what Seed wrote.
type Counts struct {
	Nodes map[domain.Kind]int
}

// Store is the Neo4j implementation of domain.Store.
type Store struct{}

var errTODO = errors.New("neo4j: not implemented yet")

// Open connects to Neo4j.
func Open(ctx context.Context, cfg Config) (*Store, error) { return nil, errTODO }

// Close closes the driver.
func (s *Store) Close(ctx context.Context) error { return nil }

// Migrate creates constraints and indexes.
func (s *Store) Migrate(ctx context.Context) error { return errTODO }

// Seed loads a dataset.
func (s *Store) Seed(ctx context.Context, ds *domain.Dataset) (Counts, error) { return Counts{}, errTODO }

var _ domain.Store = (*Store)(nil)

// Nodes implements domain.Store.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) { return nil, errTODO }

// Related implements domain.Store.
func (s *Store) Related(ctx context.Context, ids []string, rel domain.Relation) ([][]domain.Node, error) {
	return nil, errTODO
}

// Search implements domain.Store.
func (s *Store) Search(ctx context.Context, q domain.SearchQuery) ([]domain.SearchHit, error) {
	return nil, errTODO
}

// Actors implements domain.Store.
func (s *Store) Actors(ctx context.Context, f domain.ActorFilter, o domain.Order, p domain.PageArgs) (*domain.Page[domain.Node], error) {
	return nil, errTODO
}

// Meetings implements domain.Store.
func (s *Store) Meetings(ctx context.Context, f domain.MeetingFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
	return nil, errTODO
}

// Commitments implements domain.Store.
func (s *Store) Commitments(ctx context.Context, f domain.CommitmentFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Commitment], error) {
	return nil, errTODO
}

// Projects implements domain.Store.
func (s *Store) Projects(ctx context.Context, f domain.ProjectFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Project], error) {
	return nil, errTODO
}

// Sources implements domain.Store.
func (s *Store) Sources(ctx context.Context, f domain.SourceFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Source], error) {
	return nil, errTODO
}

// Programmes implements domain.Store.
func (s *Store) Programmes(ctx context.Context) ([]*domain.Programme, error) { return nil, errTODO }

// Pillars implements domain.Store.
func (s *Store) Pillars(ctx context.Context) ([]*domain.Pillar, error) { return nil, errTODO }

// Info implements domain.Store.
func (s *Store) Info(ctx context.Context) (*domain.DatasetInfo, error) { return nil, errTODO }

// Ping implements domain.Store.
func (s *Store) Ping(ctx context.Context) error { return errTODO }
