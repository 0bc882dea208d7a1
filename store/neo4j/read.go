package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Nodes implements domain.Store with one statement for all IDs.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	out := make([]domain.Node, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "nodes", map[string]any{"ids": distinct(ids)})
	if err != nil {
		return nil, err
	}
	byID := map[string]domain.Node{}
	for _, rec := range recs {
		id, _ := rec.Get("id")
		raw, _ := rec.Get("node")
		n, err := decodeNode(raw)
		if err != nil {
			return nil, s.internal("nodes", err)
		}
		if sid, ok := id.(string); ok {
			byID[sid] = n
		}
	}
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// Related implements domain.Store with one statement for all parents: the
// relation names a whitelisted statement (cypher/related). An unknown relation is
// EINVALID; an unknown parent gets an empty list.
func (s *Store) Related(ctx context.Context, ids []string, rel domain.Traversal) ([][]domain.Node, error) {
	if !slices.Contains(domain.Traversals, rel) {
		return nil, domain.FieldErrorf(domain.EINVALID, "relation", "unknown relation %q", rel)
	}
	out := make([][]domain.Node, len(ids))
	for i := range out {
		out[i] = []domain.Node{}
	}
	if len(ids) == 0 {
		return out, nil
	}
	name := relatedStatementName(rel)
	recs, err := s.read(ctx, name, map[string]any{"ids": distinct(ids)})
	if err != nil {
		return nil, err
	}
	byID := map[string][]domain.Node{}
	for _, rec := range recs {
		id, _ := rec.Get("id")
		raw, _ := rec.Get("children")
		children, err := decodeNodes(raw)
		if err != nil {
			return nil, s.internal(name, err)
		}
		if sid, ok := id.(string); ok {
			byID[sid] = children
		}
	}
	for i, id := range ids {
		if c, ok := byID[id]; ok {
			out[i] = c
		}
	}
	return out, nil
}

// decodeNodes decodes a list of node projections.
func decodeNodes(raw any) ([]domain.Node, error) {
	if raw == nil {
		return []domain.Node{}, nil
	}
	xs, ok := raw.([]any)
	if !ok {
		return nil, badRecord("node list is %T", raw)
	}
	out := make([]domain.Node, 0, len(xs))
	for _, x := range xs {
		n, err := decodeNode(x)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// distinct returns ids without repeats, in first-seen order.
func distinct(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Programmes implements domain.Store: by normalised name, then ID.
func (s *Store) Programmes(ctx context.Context) ([]*domain.Programme, error) {
	return allOf[*domain.Programme](ctx, s, "programmes")
}

// Pillars implements domain.Store: by programme name, then number (unknown last), then ID.
func (s *Store) Pillars(ctx context.Context) ([]*domain.Pillar, error) {
	return allOf[*domain.Pillar](ctx, s, "pillars")
}

// allOf runs a statement returning one row with a list of nodes of one kind.
func allOf[T domain.Node](ctx context.Context, s *Store, name string) ([]T, error) {
	recs, err := s.read(ctx, name, nil)
	if err != nil {
		return nil, err
	}
	out := []T{}
	if len(recs) == 0 {
		return out, nil
	}
	raw, _ := recs[0].Get("nodes")
	ns, err := decodeNodes(raw)
	if err != nil {
		return nil, s.internal(name, err)
	}
	for _, n := range ns {
		t, ok := n.(T)
		if !ok {
			return nil, s.internal(name, badRecord("%s is a %s", n.NodeID(), n.NodeKind()))
		}
		out = append(out, t)
	}
	return out, nil
}

// Info implements domain.Store: the dataset version and node counts per kind.
func (s *Store) Info(ctx context.Context) (*domain.DatasetInfo, error) {
	c, err := s.counts(ctx, func(ctx context.Context, name string, params map[string]any) ([]*neo4j.Record, error) {
		return s.read(ctx, name, params)
	})
	if err != nil {
		return nil, err
	}
	return &domain.DatasetInfo{Version: c.Version, Counts: c.Nodes}, nil
}

// counts reads the info statement through run (a read, or a statement of the
// seed's transaction).
func (s *Store) counts(ctx context.Context, run func(ctx context.Context, name string, params map[string]any) ([]*neo4j.Record, error)) (Counts, error) {
	recs, err := run(ctx, "info", map[string]any{"datasetId": datasetID})
	if err != nil {
		return Counts{}, err
	}
	if len(recs) != 1 {
		return Counts{}, s.internal("info", badRecord("%d rows", len(recs)))
	}
	rec := recs[0]
	c := Counts{Nodes: map[domain.Kind]int{}}
	if v, _ := rec.Get("version"); v != nil {
		var ok bool
		if c.Version, ok = v.(string); !ok {
			return Counts{}, s.internal("info", badRecord("version is %T", v))
		}
	}
	for _, k := range domain.Kinds {
		n, ok := getInt(rec, string(k))
		if !ok {
			return Counts{}, s.internal("info", badRecord("no count of %s", k))
		}
		c.Nodes[k] = n
	}
	for key, dst := range map[string]*int{"evidence": &c.Evidence, "relationships": &c.Relationships} {
		n, ok := getInt(rec, key)
		if !ok {
			return Counts{}, s.internal("info", badRecord("no %s count", key))
		}
		*dst = n
	}
	return c, nil
}

// Actors implements domain.Store.
func (s *Store) Actors(ctx context.Context, f domain.ActorFilter, o domain.Order, p domain.PageArgs) (*domain.Page[domain.Node], error) {
	var labels []string
	for _, k := range f.Kinds {
		if !k.IsActor() {
			return nil, domain.FieldErrorf(domain.EINVALID, "filter.kinds", "%q is not an actor kind", k)
		}
		labels = append(labels, label(k))
	}
	for _, t := range f.OrgTypes {
		if !domain.Valid(t, domain.OrgTypes) {
			return nil, domain.FieldErrorf(domain.EINVALID, "filter.orgTypes", "unknown organization type %q", t)
		}
	}
	params := map[string]any{
		"kinds":     listOrNil(labels),
		"countryId": ptrOrNil(f.CountryID),
		"orgTypes":  listOrNil(f.OrgTypes),
		"texts":     textForms(f.Text),
	}
	return page[domain.Node](ctx, s, "actors", f, params, o, p)
}

// Meetings implements domain.Store.
func (s *Store) Meetings(ctx context.Context, f domain.MeetingFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Meeting], error) {
	from, to, err := checkDates(f.From, f.To)
	if err != nil {
		return nil, err
	}
	params := map[string]any{
		"series":        ptrOrNil(f.Series),
		"from":          from,
		"to":            to,
		"participantId": ptrOrNil(f.ParticipantID),
		"texts":         textForms(f.Text),
	}
	return page[*domain.Meeting](ctx, s, "meetings", f, params, o, p)
}

// Commitments implements domain.Store.
func (s *Store) Commitments(ctx context.Context, f domain.CommitmentFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Commitment], error) {
	params, err := commitmentParams(f)
	if err != nil {
		return nil, err
	}
	return page[*domain.Commitment](ctx, s, "commitments", f, params, o, p)
}

// commitmentParams validates a commitment filter and returns the parameters of
// filters/commitments.cypher (used by the connection and by CommitmentStats).
func commitmentParams(f domain.CommitmentFilter) (map[string]any, error) {
	from, to, err := checkDates(f.From, f.To)
	if err != nil {
		return nil, err
	}
	for _, k := range f.Kinds {
		if !domain.Valid(k, domain.CommitmentKinds) {
			return nil, domain.FieldErrorf(domain.EINVALID, "filter.kind", "unknown commitment kind %q", k)
		}
	}
	for _, st := range f.Statuses {
		if !domain.Valid(st, domain.CommitmentStatuses) {
			return nil, domain.FieldErrorf(domain.EINVALID, "filter.status", "unknown commitment status %q", st)
		}
	}
	params := map[string]any{
		"madeById":    ptrOrNil(f.MadeByID),
		"madeToId":    ptrOrNil(f.MadeToID),
		"meetingId":   ptrOrNil(f.MeetingID),
		"series":      ptrOrNil(f.Series),
		"projectId":   ptrOrNil(f.ProjectID),
		"pillarId":    ptrOrNil(f.PillarID),
		"programmeId": ptrOrNil(f.ProgrammeID),
		"concernsId":  ptrOrNil(f.ConcernsID),
		"kinds":       listOrNil(f.Kinds),
		"statuses":    listOrNil(f.Statuses),
		"from":        from,
		"to":          to,
		"texts":       textForms(f.Text),
	}
	return params, nil
}

// Projects implements domain.Store.
func (s *Store) Projects(ctx context.Context, f domain.ProjectFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Project], error) {
	for _, st := range f.Statuses {
		if !domain.Valid(st, domain.ProjectStatuses) {
			return nil, domain.FieldErrorf(domain.EINVALID, "filter.status", "unknown project status %q", st)
		}
	}
	params := map[string]any{
		"pillarId":    ptrOrNil(f.PillarID),
		"programmeId": ptrOrNil(f.ProgrammeID),
		"statuses":    listOrNil(f.Statuses),
		"texts":       textForms(f.Text),
	}
	return page[*domain.Project](ctx, s, "projects", f, params, o, p)
}

// Sources implements domain.Store.
func (s *Store) Sources(ctx context.Context, f domain.SourceFilter, o domain.Order, p domain.PageArgs) (*domain.Page[*domain.Source], error) {
	params := map[string]any{
		"publisher": ptrOrNil(f.Publisher),
		"texts":     textForms(f.Text),
	}
	return page[*domain.Source](ctx, s, "sources", f, params, o, p)
}

// checkDates validates optional from/to filter dates; unset dates are nil parameters.
func checkDates(from, to *string) (any, any, error) {
	var f, t any
	if from != nil {
		d, err := domain.ParseDate("filter.from", *from)
		if err != nil {
			return nil, nil, err
		}
		f = d
	}
	if to != nil {
		d, err := domain.ParseDate("filter.to", *to)
		if err != nil {
			return nil, nil, err
		}
		t = d
	}
	return f, t, nil
}

// textForms returns the normalised forms a text filter looks for, or nil (no
// filter) when the text is unset or holds no letter or digit.
func textForms(text *string) any {
	if text == nil {
		return nil
	}
	forms := textnorm.Forms(*text)
	if len(forms) == 0 {
		return nil
	}
	return forms
}

func ptrOrNil(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// listOrNil returns nil for an empty list ("any") and the values as strings otherwise.
func listOrNil[T ~string](xs []T) any {
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// page runs one connection page: it checks the order against the list's
// whitelist, decodes the cursor, and runs the list's statement for that order.
func page[T domain.Node](ctx context.Context, s *Store, list string, filter any, params map[string]any, o domain.Order, p domain.PageArgs) (*domain.Page[T], error) {
	spec := lists[list]
	if o.Field == "" {
		o.Field = spec.defaultField
	}
	key, ok := spec.keys[o.Field]
	if !ok {
		return nil, domain.FieldErrorf(domain.EINVALID, "orderBy.field", "cannot order %s by %q", list, o.Field)
	}
	if p.First < 0 || p.First > domain.MaxPageSize {
		return nil, domain.FieldErrorf(domain.EINVALID, "first", "first must be between 0 and %d, got %d", domain.MaxPageSize, p.First)
	}
	fh := domain.FilterHash(filter)
	params["afterId"], params["afterKey"] = nil, nil
	if p.After != "" {
		c, err := domain.DecodeCursor(p.After, o, fh)
		if err != nil {
			return nil, err
		}
		if len(c.Keys) != 1 {
			return nil, domain.FieldErrorf(domain.EINVALID, "after", "malformed cursor")
		}
		params["afterId"] = c.ID
		if k := c.Keys[0]; k != nil {
			if key.numeric {
				n, err := strconv.ParseInt(*k, 10, 64)
				if err != nil {
					return nil, domain.FieldErrorf(domain.EINVALID, "after", "malformed cursor")
				}
				params["afterKey"] = n
			} else {
				params["afterKey"] = *k
			}
		}
	}
	params["limit"] = int64(p.First)
	name := listStatementName(list, o)
	recs, err := s.read(ctx, name, params)
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, s.internal(name, badRecord("%d rows", len(recs)))
	}
	pg, err := decodePage[T](recs[0], o, fh, p)
	if err != nil {
		return nil, s.internal(name, err)
	}
	return pg, nil
}

// decodePage reads the single row of a list statement: total, remaining (the
// matches after the cursor) and the rows of the page as [sort key, node] pairs.
func decodePage[T domain.Node](rec *neo4j.Record, o domain.Order, fh string, p domain.PageArgs) (*domain.Page[T], error) {
	total, ok1 := getInt(rec, "total")
	remaining, ok2 := getInt(rec, "remaining")
	if !ok1 || !ok2 {
		return nil, badRecord("page without total and remaining counts")
	}
	rawRows, _ := rec.Get("rows")
	rows, ok := rawRows.([]any)
	if rawRows != nil && !ok {
		return nil, badRecord("rows is %T", rawRows)
	}
	pg := &domain.Page[T]{Items: []T{}, Cursors: []string{}, TotalCount: total,
		HasNextPage: remaining > len(rows), HasPreviousPage: p.After != "" && total > remaining}
	for _, raw := range rows {
		row, ok := raw.([]any)
		if !ok || len(row) != 2 {
			return nil, badRecord("page row is %T, not a [key, node] pair", raw)
		}
		n, err := decodeNode(row[1])
		if err != nil {
			return nil, err
		}
		t, ok := n.(T)
		if !ok {
			return nil, badRecord("%s does not belong in this list", n.NodeID())
		}
		key, err := keyString(row[0])
		if err != nil {
			return nil, err
		}
		pg.Items = append(pg.Items, t)
		pg.Cursors = append(pg.Cursors, domain.Cursor{Order: o.String(), Filter: fh, Keys: []*string{key}, ID: n.NodeID()}.Encode())
	}
	return pg, nil
}

func getInt(rec *neo4j.Record, key string) (int, bool) {
	v, _ := rec.Get(key)
	n, ok := v.(int64)
	return int(n), ok
}

// keyString turns a sort key as returned by Neo4j into a cursor key (nil = null).
func keyString(v any) (*string, error) {
	var s string
	switch k := v.(type) {
	case nil:
		return nil, nil
	case string:
		s = k
	case int64:
		s = strconv.FormatInt(k, 10)
	default:
		return nil, fmt.Errorf("sort key is %T", v)
	}
	return &s, nil
}
