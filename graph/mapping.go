package graph

import (
	"context"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/model"
)

// This file translates GraphQL arguments into domain filters and orders, and
// domain pages into Relay connections. It holds no rules of its own: validation of
// dates and enums happens while the arguments are read (model/scalars.go), of pages
// in domain.CheckPage, and of cursors in the store (domain.DecodeCursor).

// optString returns nil for "" (unknown), else a pointer to s.
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// rolesHeldOn keeps the roles valid on day (ISO YYYY-MM-DD): those whose start is
// unknown or not after day, and whose end is unknown or not before it. A partial
// date stands for its whole span (PartialDate.Start / End).
func rolesHeldOn(roles []*domain.Role, day string) []*domain.Role {
	out := make([]*domain.Role, 0, len(roles))
	for _, r := range roles {
		if (!r.From.Known() || r.From.Start() <= day) && (!r.To.Known() || r.To.End() >= day) {
			out = append(out, r)
		}
	}
	return out
}

// orderOf maps a GraphQL order (nil = the connection's default field, ascending)
// onto a domain.Order.
func orderOf(field, direction, defaultField string) domain.Order {
	if field == "" {
		field = defaultField
	}
	return domain.Order{Field: field, Desc: direction == "DESC"}
}

func actorOrder(o *model.ActorOrder) domain.Order {
	if o == nil {
		return orderOf("", "", "NAME")
	}
	return orderOf(o.Field, o.Direction, "NAME")
}

func meetingOrder(o *model.MeetingOrder) domain.Order {
	if o == nil {
		return orderOf("", "", "DATE")
	}
	return orderOf(o.Field, o.Direction, "DATE")
}

func commitmentOrder(o *model.CommitmentOrder) domain.Order {
	if o == nil {
		return orderOf("", "", "DATE")
	}
	return orderOf(o.Field, o.Direction, "DATE")
}

func projectOrder(o *model.ProjectOrder) domain.Order {
	if o == nil {
		return orderOf("", "", "NAME")
	}
	return orderOf(o.Field, o.Direction, "NAME")
}

func sourceOrder(o *model.SourceOrder) domain.Order {
	if o == nil {
		return orderOf("", "", "PUBLISHED")
	}
	return orderOf(o.Field, o.Direction, "PUBLISHED")
}

// actorFilter maps ActorFilter; kinds must be actor kinds (NodeKind also names others).
func actorFilter(f *model.ActorFilter) (domain.ActorFilter, error) {
	if f == nil {
		return domain.ActorFilter{}, nil
	}
	for i, k := range f.Kinds {
		if !k.IsActor() {
			return domain.ActorFilter{}, domain.FieldErrorf(domain.EINVALID, fmt.Sprintf("filter.kinds[%d]", i),
				"%s is not an actor kind; expected PERSON, ORGANIZATION or COUNTRY", k)
		}
	}
	return domain.ActorFilter{Kinds: f.Kinds, CountryID: f.Country, OrgTypes: f.Types, Text: f.Text}, nil
}

func meetingFilter(f *model.MeetingFilter) (domain.MeetingFilter, error) {
	if f == nil {
		return domain.MeetingFilter{}, nil
	}
	return domain.MeetingFilter{Series: f.Series, From: f.From, To: f.To, ParticipantID: f.Participant, Text: f.Text}, nil
}

func commitmentFilter(f *model.CommitmentFilter) (domain.CommitmentFilter, error) {
	if f == nil {
		return domain.CommitmentFilter{}, nil
	}
	return domain.CommitmentFilter{
		MadeByID:    f.MadeBy,
		MadeToID:    f.MadeTo,
		MeetingID:   f.Meeting,
		Series:      f.Series,
		ProjectID:   f.Project,
		PillarID:    f.Pillar,
		ProgrammeID: f.Programme,
		ConcernsID:  f.Concerns,
		Kinds:       f.Kind,
		Statuses:    f.Status,
		From:        f.From,
		To:          f.To,
		Text:        f.Text,
	}, nil
}

func projectFilter(f *model.ProjectFilter) (domain.ProjectFilter, error) {
	if f == nil {
		return domain.ProjectFilter{}, nil
	}
	return domain.ProjectFilter{PillarID: f.Pillar, ProgrammeID: f.Programme, Statuses: f.Status, Text: f.Text}, nil
}

func sourceFilter(f *model.SourceFilter) (domain.SourceFilter, error) {
	if f == nil {
		return domain.SourceFilter{}, nil
	}
	return domain.SourceFilter{Publisher: f.Publisher, Text: f.Text}, nil
}

// pageInfo returns the Relay page info of a page.
func pageInfo[T any](p *domain.Page[T]) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage}
	if n := len(p.Cursors); n > 0 {
		info.StartCursor = &p.Cursors[0]
		info.EndCursor = &p.Cursors[n-1]
	}
	return info
}

// cursorAt returns the cursor of item i ("" if the store gave none).
func cursorAt[T any](p *domain.Page[T], i int) string {
	if i < len(p.Cursors) {
		return p.Cursors[i]
	}
	return ""
}

func actorConnection(p *domain.Page[domain.Node]) *model.ActorConnection {
	c := &model.ActorConnection{Edges: []*model.ActorEdge{}, Nodes: []domain.Actor{}, PageInfo: pageInfo(p), TotalCount: p.TotalCount}
	for i, n := range p.Items {
		if a, ok := n.(domain.Actor); ok {
			c.Edges = append(c.Edges, &model.ActorEdge{Cursor: cursorAt(p, i), Node: a})
			c.Nodes = append(c.Nodes, a)
		}
	}
	return c
}

func meetingConnection(p *domain.Page[*domain.Meeting]) *model.MeetingConnection {
	c := &model.MeetingConnection{Edges: make([]*model.MeetingEdge, len(p.Items)), Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount}
	for i, n := range p.Items {
		c.Edges[i] = &model.MeetingEdge{Cursor: cursorAt(p, i), Node: n}
	}
	return c
}

func commitmentConnection(p *domain.Page[*domain.Commitment]) *model.CommitmentConnection {
	c := &model.CommitmentConnection{Edges: make([]*model.CommitmentEdge, len(p.Items)), Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount}
	for i, n := range p.Items {
		c.Edges[i] = &model.CommitmentEdge{Cursor: cursorAt(p, i), Node: n}
	}
	return c
}

func projectConnection(p *domain.Page[*domain.Project]) *model.ProjectConnection {
	c := &model.ProjectConnection{Edges: make([]*model.ProjectEdge, len(p.Items)), Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount}
	for i, n := range p.Items {
		c.Edges[i] = &model.ProjectEdge{Cursor: cursorAt(p, i), Node: n}
	}
	return c
}

func sourceConnection(p *domain.Page[*domain.Source]) *model.SourceConnection {
	c := &model.SourceConnection{Edges: make([]*model.SourceEdge, len(p.Items)), Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount}
	for i, n := range p.Items {
		c.Edges[i] = &model.SourceEdge{Cursor: cursorAt(p, i), Node: n}
	}
	return c
}

// allSources lists every source, page by page.
func allSources(ctx context.Context, store domain.Store) ([]*domain.Source, error) {
	out := []*domain.Source{}
	p := domain.PageArgs{First: domain.MaxPageSize}
	order := sourceOrder(nil)
	for {
		page, err := store.Sources(ctx, domain.SourceFilter{}, order, p)
		if err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		out = append(out, page.Items...)
		if !page.HasNextPage || len(page.Cursors) == 0 {
			return out, nil
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
}

// about assembles Query.about from the dataset info and the configuration;
// About.sources is resolved on its own, only when asked for.
func (r *Resolver) about(info *domain.DatasetInfo) *model.About {
	a := &model.About{
		ServiceVersion: r.cfg.ServiceVersion,
		DatasetVersion: info.Version,
		License:        r.cfg.License,
		Counts:         make([]*model.KindCount, 0, len(domain.Kinds)),
		Limits: &model.Limits{
			MaxDepth:        r.cfg.MaxDepth,
			MaxAliases:      r.cfg.MaxAliases,
			MaxComplexity:   r.cfg.MaxComplexity,
			MaxTokens:       r.cfg.Document.Tokens,
			MaxFields:       r.cfg.Document.Fields,
			MaxFragments:    r.cfg.Document.Fragments,
			MaxDirectives:   r.cfg.Document.Directives,
			MaxErrors:       r.cfg.MaxErrors,
			DefaultPageSize: domain.DefaultPageSize,
			MaxPageSize:     domain.MaxPageSize,
		},
	}
	for _, k := range domain.Kinds {
		a.Counts = append(a.Counts, &model.KindCount{Kind: k, Count: info.Counts[k]})
	}
	return a
}
