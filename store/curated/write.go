package curated

import (
	"context"
	"slices"

	"github.com/corridor-kg/corridor/domain"
)

// Create implements domain.Writer.
func (s *Store) Create(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	if isNil(n) {
		return nil, domain.FieldErrorf(domain.EINVALID, "node", "no record given")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := n.NodeID()
	if _, ok := s.nodes[id]; ok {
		return nil, domain.FieldErrorf(domain.EINVALID, "id", "%s exists already; update it instead", id)
	}
	if to, ok := (*s.tombstones.Load())[id]; ok {
		return nil, domain.FieldErrorf(domain.EINVALID, "id", "%s was merged into %s; IDs of merged nodes are not reused", id, to)
	}
	n = clone(n)
	setMeta(n, domain.OriginCurated, metaOf(n).Note)
	out, err := s.apply(ctx, actor, change{action: domain.AuditCreate, put: []domain.Node{n}, validate: true})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// Update implements domain.Writer.
func (s *Store) Update(ctx context.Context, actor string, n domain.Node) (domain.Node, error) {
	if isNil(n) {
		return nil, domain.FieldErrorf(domain.EINVALID, "node", "no record given")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.get(n.NodeID(), "id")
	if err != nil {
		return nil, err
	}
	if old.NodeKind() != n.NodeKind() {
		return nil, domain.FieldErrorf(domain.EINVALID, "id", "%s is a %s, not a %s", old.NodeID(), old.NodeKind(), n.NodeKind())
	}
	n = clone(n)
	setMeta(n, domain.OriginCurated, metaOf(n).Note)
	out, err := s.apply(ctx, actor, change{action: domain.AuditUpdate, put: []domain.Node{n}, validate: true})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// Delete implements domain.Writer.
func (s *Store) Delete(ctx context.Context, actor string, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.get(id, "id"); err != nil {
		return err
	}
	_, err := s.apply(ctx, actor, change{action: domain.AuditDelete, del: []string{id}})
	return err
}

// Link implements domain.Writer.
func (s *Store) Link(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return s.link(ctx, actor, l, true)
}

// Unlink implements domain.Writer.
func (s *Store) Unlink(ctx context.Context, actor string, l domain.Link) (domain.Node, error) {
	return s.link(ctx, actor, l, false)
}

func (s *Store) link(ctx context.Context, actor string, l domain.Link, add bool) (domain.Node, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	holderID, other, otherField := holderOf(l)
	holderField := "from"
	if otherField == "from" {
		holderField = "to"
	}
	h, err := s.get(holderID, holderField)
	if err != nil {
		return nil, err
	}
	if add && l.Type == domain.RelParticipatedIn && len(l.Evidence) == 0 {
		return nil, domain.FieldErrorf(domain.EINVALID, "evidence", "a participation needs at least one evidence entry (source, quote, attribution)")
	}
	h = clone(h)
	if err := applyLink(h, l, other, add); err != nil {
		return nil, err
	}
	setMeta(h, domain.OriginCurated, metaOf(h).Note)
	action := domain.AuditLink
	if !add {
		action = domain.AuditUnlink
	}
	out, err := s.apply(ctx, actor, change{action: action, put: []domain.Node{h}, validate: true})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// AttachEvidence implements domain.Writer.
func (s *Store) AttachEvidence(ctx context.Context, actor string, id string, ev domain.Evidence) (domain.Node, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.get(id, "id")
	if err != nil {
		return nil, err
	}
	if slices.Contains(n.NodeEvidence(), ev) {
		return nil, domain.FieldErrorf(domain.EINVALID, "evidence", "%s holds this evidence already", id)
	}
	n = clone(n)
	m := metaPtr(n)
	m.Evidence = append(m.Evidence, ev)
	m.Origin = domain.OriginCurated
	out, err := s.apply(ctx, actor, change{action: domain.AuditEvidence, put: []domain.Node{n}, validate: true})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// Merge implements domain.Writer.
func (s *Store) Merge(ctx context.Context, actor string, survivorID, mergedID string) (*domain.MergeResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	surv, err := s.get(survivorID, "survivor")
	if err != nil {
		return nil, err
	}
	merged, err := s.get(mergedID, "merged")
	if err != nil {
		return nil, err
	}
	switch {
	case survivorID == mergedID:
		return nil, domain.FieldErrorf(domain.EINVALID, "merged", "a node cannot be merged into itself")
	case !surv.NodeKind().IsActor():
		return nil, domain.FieldErrorf(domain.EINVALID, "survivor", "only actors (persons, organizations, countries) are merged; %s is a %s", survivorID, surv.NodeKind())
	case surv.NodeKind() != merged.NodeKind():
		return nil, domain.FieldErrorf(domain.EINVALID, "merged", "%s is a %s and %s a %s: only two records of the same kind are merged",
			mergedID, merged.NodeKind(), survivorID, surv.NodeKind())
	}
	surv = absorb(clone(surv), merged)
	setMeta(surv, domain.OriginCurated, metaOf(surv).Note)
	put := []domain.Node{surv}
	for _, id := range sortedIDs(s.nodes) {
		if id == survivorID || id == mergedID {
			continue
		}
		if c, changed := replaceID(s.nodes[id], mergedID, survivorID); changed {
			setMeta(c, domain.OriginCurated, metaOf(c).Note)
			put = append(put, c)
		}
	}
	tombs := []domain.Tombstone{{ID: mergedID, SurvivorID: survivorID}}
	for from, to := range *s.tombstones.Load() {
		if to == mergedID { // earlier merges into the merged node follow it
			tombs = append(tombs, domain.Tombstone{ID: from, SurvivorID: survivorID})
		}
	}
	out, err := s.apply(ctx, actor, change{action: domain.AuditMerge, put: put, del: []string{mergedID}, tombs: tombs, validate: true})
	if err != nil {
		return nil, err
	}
	return &domain.MergeResult{Survivor: out[0], Changed: out[1:], Tombstone: tombs[0]}, nil
}

// absorb adds the merged actor's names as aliases of the survivor, its evidence,
// and the fields the survivor leaves empty.
func absorb(surv, merged domain.Node) domain.Node {
	a := merged.(domain.Actor)
	names := append([]string{a.ActorName()}, a.ActorAliases()...)
	aliases := func(own string, p *[]string) {
		for _, n := range names {
			if n != own && n != "" && !slices.Contains(*p, n) {
				*p = append(*p, n)
			}
		}
	}
	fill := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	switch s := surv.(type) {
	case *domain.Person:
		m := merged.(*domain.Person)
		aliases(s.Name, &s.Aliases)
		fill(&s.NationalityID, m.NationalityID)
	case *domain.Organization:
		m := merged.(*domain.Organization)
		aliases(s.Name, &s.Aliases)
		fill(&s.Acronym, m.Acronym)
		fill(&s.CountryID, m.CountryID)
		if m.ParentID != s.ID {
			fill(&s.ParentID, m.ParentID)
		}
	case *domain.Country:
		m := merged.(*domain.Country)
		aliases(s.Name, &s.Aliases)
		fill(&s.ISO, m.ISO)
	}
	meta := metaPtr(surv)
	meta.Evidence = appendNew(meta.Evidence, merged.NodeEvidence()...)
	// A reference of the survivor to the merged node would point at itself.
	if c, changed := replaceID(surv, metaOf(merged).ID, meta.ID); changed {
		surv = c
		switch s := surv.(type) {
		case *domain.Organization:
			if s.ParentID == s.ID {
				s.ParentID = ""
			}
		}
	}
	return surv
}

// get returns the record with the ID, or ENOTFOUND on field. The caller holds s.mu.
func (s *Store) get(id, field string) (domain.Node, error) {
	n, ok := s.nodes[id]
	if !ok {
		if to, merged := (*s.tombstones.Load())[id]; merged {
			return nil, domain.FieldErrorf(domain.ENOTFOUND, field, "%s was merged into %s; write to %s", id, to, to)
		}
		return nil, domain.FieldErrorf(domain.ENOTFOUND, field, "no node %s", id)
	}
	return n, nil
}

// sortedIDs returns the IDs of the records in order.
func sortedIDs(nodes map[string]domain.Node) []string {
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// isNil reports whether a node is nil or a nil pointer.
func isNil(n domain.Node) (isnil bool) {
	if n == nil {
		return true
	}
	defer func() {
		if recover() != nil {
			isnil = true
		}
	}()
	_ = n.NodeID()
	return false
}
