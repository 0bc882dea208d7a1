package graph

import (
	"context"
	"errors"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/model"
)

// Curation: the mutations map one to one onto domain.Writer. Each checks the
// caller's role first (editor; admin for delete and merge), records the principal's
// name as the actor, and reports a rejected write as one BAD_USER_INPUT error per
// problem, each with its field path in extensions.field. Paths name the record's
// fields as the node types do ("nationality", "evidence[0].source", "madeBy[1]"),
// the same for the problems this layer finds (a bad "date") and the store's.

// writerFor checks that ctx's principal has the role need and returns the store's
// Writer and the actor name to record.
func (r *Resolver) writerFor(ctx context.Context, need domain.AccessRole) (domain.Writer, string, error) {
	if err := domain.RequireRole(ctx, need); err != nil {
		return nil, "", err
	}
	if r.writer == nil {
		return nil, "", domain.Errorf(domain.EINTERNAL, "this server's store is read-only: curation needs a writable store (--store memory with a data directory)")
	}
	p, _ := domain.PrincipalFrom(ctx)
	return r.writer, p.Name, nil
}

// importRecords runs a bulk import for an admin.
func (r *Resolver) importRecords(ctx context.Context, b domain.ImportBatch) (*domain.ImportResult, error) {
	w, actor, err := r.writerFor(ctx, domain.RoleAdmin)
	if err != nil {
		return nil, err
	}
	res, err := w.ImportBatch(ctx, actor, b)
	if err != nil {
		return nil, writeErr(ctx, err)
	}
	return &res, nil
}

// textBytes returns an optional text argument's bytes (nil when absent).
func textBytes(s *string) []byte {
	if s == nil {
		return nil
	}
	return []byte(*s)
}

// writeErr reports every problem of a rejected write: the first is returned (and
// becomes the field's error), the others are added to the response beside it.
func writeErr(ctx context.Context, err error) error {
	var ps domain.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		for _, p := range ps[1:] {
			graphql.AddError(ctx, p)
		}
		return ps[0]
	}
	return err
}

// existing returns the node id as stored, as a *T, for an update to start from.
func existing[T domain.Node](ctx context.Context, store domain.Store, id string) (T, error) {
	var zero T
	ns, err := store.Nodes(ctx, []string{id})
	if err != nil {
		return zero, err
	}
	if len(ns) == 0 || ns[0] == nil {
		return zero, domain.FieldErrorf(domain.ENOTFOUND, "id", "no node has the ID %q", id)
	}
	if got := ns[0].NodeID(); got != id {
		return zero, domain.FieldErrorf(domain.EINVALID, "id", "%q was merged into %q: update the survivor", id, got)
	}
	n, ok := ns[0].(T)
	if !ok {
		return zero, domain.FieldErrorf(domain.EINVALID, "id", "%q is not a node of this kind", id)
	}
	return n, nil
}

// save creates n (create) or updates it, and returns the stored node as a T.
func save[T domain.Node](ctx context.Context, r *Resolver, create bool, n T) (T, error) {
	var zero T
	w, actor, err := r.writerFor(ctx, domain.RoleEditor)
	if err != nil {
		return zero, err
	}
	var out domain.Node
	if create {
		out, err = w.Create(ctx, actor, n)
	} else {
		out, err = w.Update(ctx, actor, n)
	}
	if err != nil {
		return zero, writeErr(ctx, err)
	}
	t, ok := out.(T)
	if !ok {
		return zero, domain.Errorf(domain.EINTERNAL, "the store returned a %s for %s", out.NodeKind(), n.NodeID())
	}
	return t, nil
}

// base returns a copy of the stored node to update, or a new zero record to create.
func base[T any, P interface {
	*T
	domain.Node
}](ctx context.Context, store domain.Store, create bool, id string) (*T, error) {
	if create {
		return new(T), nil
	}
	n, err := existing[P](ctx, store, id)
	if err != nil {
		return nil, err
	}
	c := *(*T)(n)
	return &c, nil
}

// str returns *s, or "" for nil.
func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// partialDate parses an optional partial date input field.
func partialDate(field string, s *string) (domain.PartialDate, error) {
	if s == nil || *s == "" {
		return domain.PartialDate{}, nil
	}
	d, err := domain.ParsePartialDate(*s)
	if err != nil {
		return d, domain.FieldErrorf(domain.EINVALID, field, "%s: want YYYY-MM-DD, YYYY-MM or YYYY", domain.ErrorMessage(err))
	}
	return d, nil
}

// evidence converts evidence inputs.
func evidence(in []*model.EvidenceInput) []domain.Evidence {
	out := make([]domain.Evidence, 0, len(in))
	for _, e := range in {
		out = append(out, evidenceOf(e))
	}
	return out
}

// evidenceOf converts one evidence input.
func evidenceOf(e *model.EvidenceInput) domain.Evidence {
	return domain.Evidence{SourceID: e.SourceID, Quote: e.Quote, Attribution: e.Attribution, SpeakerID: str(e.SpeakerID)}
}

// meta fills the fields every node input has.
func meta(m *domain.Meta, id string, note *string, ev []*model.EvidenceInput) {
	m.ID, m.Note, m.Evidence = id, str(note), evidence(ev)
}

// savePerson creates or updates a person.
func (r *Resolver) savePerson(ctx context.Context, create bool, in model.PersonInput) (*domain.Person, error) {
	p, err := base[domain.Person](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	meta(&p.Meta, in.ID, in.Note, in.Evidence)
	p.Name, p.Aliases, p.NationalityID = in.Name, in.Aliases, str(in.NationalityID)
	return save(ctx, r, create, p)
}

// saveOrganization creates or updates an organization.
func (r *Resolver) saveOrganization(ctx context.Context, create bool, in model.OrganizationInput) (*domain.Organization, error) {
	o, err := base[domain.Organization](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	meta(&o.Meta, in.ID, in.Note, in.Evidence)
	o.Name, o.Aliases, o.Acronym, o.Type = in.Name, in.Aliases, str(in.Acronym), in.Type
	o.CountryID, o.ParentID = str(in.CountryID), str(in.ParentID)
	return save(ctx, r, create, o)
}

// saveCountry creates or updates a country.
func (r *Resolver) saveCountry(ctx context.Context, create bool, in model.CountryInput) (*domain.Country, error) {
	c, err := base[domain.Country](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	meta(&c.Meta, in.ID, in.Note, in.Evidence)
	c.Name, c.Aliases, c.ISO = in.Name, in.Aliases, in.Iso
	return save(ctx, r, create, c)
}

// saveRole creates or updates a role.
func (r *Resolver) saveRole(ctx context.Context, create bool, in model.RoleInput) (*domain.Role, error) {
	ro, err := base[domain.Role](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	if ro.From, err = partialDate("from", in.From); err != nil {
		return nil, err
	}
	if ro.To, err = partialDate("to", in.To); err != nil {
		return nil, err
	}
	meta(&ro.Meta, in.ID, in.Note, in.Evidence)
	ro.PersonID, ro.Title, ro.OrganizationID = in.PersonID, in.Title, in.OrganizationID
	return save(ctx, r, create, ro)
}

// saveProject creates or updates a project.
func (r *Resolver) saveProject(ctx context.Context, create bool, in model.ProjectInput) (*domain.Project, error) {
	p, err := base[domain.Project](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	meta(&p.Meta, in.ID, in.Note, in.Evidence)
	p.Name, p.Aliases, p.Description, p.Location, p.Status = in.Name, in.Aliases, str(in.Description), str(in.Location), in.Status
	p.PillarIDs, p.ProgrammeIDs, p.PartnerIDs = in.PillarIds, in.ProgrammeIds, in.PartnerIds
	return save(ctx, r, create, p)
}

// saveProgramme creates or updates a programme.
func (r *Resolver) saveProgramme(ctx context.Context, create bool, in model.ProgrammeInput) (*domain.Programme, error) {
	p, err := base[domain.Programme](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	meta(&p.Meta, in.ID, in.Note, in.Evidence)
	p.Name, p.Aliases, p.Acronym, p.Description, p.PartOfID = in.Name, in.Aliases, str(in.Acronym), str(in.Description), str(in.PartOfID)
	return save(ctx, r, create, p)
}

// savePillar creates or updates a pillar.
func (r *Resolver) savePillar(ctx context.Context, create bool, in model.PillarInput) (*domain.Pillar, error) {
	p, err := base[domain.Pillar](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	meta(&p.Meta, in.ID, in.Note, in.Evidence)
	p.Name, p.ProgrammeID, p.Number, p.Description = in.Name, in.ProgrammeID, in.Number, str(in.Description)
	return save(ctx, r, create, p)
}

// saveFigure creates or updates a figure.
func (r *Resolver) saveFigure(ctx context.Context, create bool, in model.FigureInput) (*domain.Figure, error) {
	f, err := base[domain.Figure](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	if f.AsOf, err = partialDate("asOf", in.AsOf); err != nil {
		return nil, err
	}
	meta(&f.Meta, in.ID, in.Note, in.Evidence)
	f.SubjectID, f.Metric, f.Value, f.MaxValue, f.Unit = str(in.SubjectID), in.Metric, in.Value, in.MaxValue, str(in.Unit)
	f.Approximate, f.SaidByIDs = in.Approximate != nil && *in.Approximate, in.SaidByIds
	return save(ctx, r, create, f)
}

// saveSource creates or updates a source.
func (r *Resolver) saveSource(ctx context.Context, create bool, in model.SourceInput) (*domain.Source, error) {
	s, err := base[domain.Source](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	if s.Published, err = partialDate("published", in.Published); err != nil {
		return nil, err
	}
	meta(&s.Meta, in.ID, in.Note, nil)
	s.Title, s.Publisher, s.URL, s.File = in.Title, str(in.Publisher), str(in.URL), in.File
	return save(ctx, r, create, s)
}

// saveMeeting creates or updates a meeting; an update keeps its participants and
// signed documents.
func (r *Resolver) saveMeeting(ctx context.Context, create bool, in model.MeetingInput) (*domain.Meeting, error) {
	m, err := base[domain.Meeting](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	if m.Date, err = partialDate("date", in.Date); err != nil {
		return nil, err
	}
	meta(&m.Meta, in.ID, in.Note, in.Evidence)
	m.Title, m.Series, m.Sequence, m.BodyID = in.Title, str(in.Series), in.Sequence, str(in.BodyID)
	m.Location, m.Format, m.OrganizerIDs = str(in.Location), in.Format, in.OrganizerIds
	return save(ctx, r, create, m)
}

// saveCommitment creates or updates a commitment.
func (r *Resolver) saveCommitment(ctx context.Context, create bool, in model.CommitmentInput) (*domain.Commitment, error) {
	c, err := base[domain.Commitment](ctx, r.store, create, in.ID)
	if err != nil {
		return nil, err
	}
	if c.Date, err = partialDate("date", in.Date); err != nil {
		return nil, err
	}
	meta(&c.Meta, in.ID, in.Note, in.Evidence)
	c.Statement, c.Kind, c.Status = in.Statement, in.Kind, in.Status
	c.MadeByIDs, c.MadeToIDs, c.MadeAtID, c.ConcernIDs = in.MadeByIds, in.MadeToIds, str(in.MadeAtID), in.ConcernIds
	c.Amount = nil
	if a := in.Amount; a != nil {
		c.Amount = &domain.Amount{Value: a.Value, MaxValue: a.MaxValue, Currency: a.Currency, Approximate: a.Approximate != nil && *a.Approximate}
	}
	return save(ctx, r, create, c)
}

// linkOf converts a link input.
func linkOf(in model.LinkInput) domain.Link {
	l := domain.Link{Type: in.Type, From: in.From, To: in.To, Capacity: str(in.Capacity)}
	if in.Evidence != nil {
		l.Evidence = evidence(in.Evidence)
	}
	return l
}

// auditConnection converts a page of the audit trail.
func auditConnection(p *domain.AuditPage) *model.AuditConnection {
	conn := &model.AuditConnection{Edges: make([]*model.AuditEdge, len(p.Entries)), PageInfo: &model.PageInfo{HasNextPage: p.HasNextPage}}
	for i, e := range p.Entries {
		entry := &model.AuditEntry{
			Seq: int(e.Seq), Write: int(e.Write), At: e.At.UTC().Format(time.RFC3339Nano),
			Actor: e.Actor, Action: model.AuditAction(e.Action), NodeID: e.NodeID,
		}
		if len(e.Before) > 0 {
			s := string(e.Before)
			entry.Before = &s
		}
		if len(e.After) > 0 {
			s := string(e.After)
			entry.After = &s
		}
		conn.Edges[i] = &model.AuditEdge{Cursor: p.Cursors[i], Node: entry}
	}
	if n := len(p.Cursors); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &p.Cursors[0], &p.Cursors[n-1]
	}
	return conn
}
