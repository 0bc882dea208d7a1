package writeplan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/nodejson"
)

// RefsOf returns every ID a record refers to: the other end of each of its
// relationships, and the sources and speakers of its evidence.
func RefsOf(n domain.Node) []string {
	var out []string
	for _, e := range domain.Edges(n) {
		if e.From == n.NodeID() {
			out = append(out, e.To)
		} else {
			out = append(out, e.From)
		}
	}
	for _, ev := range domain.Claims(n) {
		out = append(out, ev.SourceID)
		if ev.SpeakerID != "" {
			out = append(out, ev.SpeakerID)
		}
	}
	return out
}

// CheckDeletable refuses a change that deletes records others still refer to
// once it is made: stored referrers that the change neither replaces nor deletes,
// and the records it puts.
func CheckDeletable(r Records, put []domain.Node, del []string) error {
	if len(del) == 0 {
		return nil
	}
	changed := map[string]bool{}
	for _, id := range del {
		changed[id] = true
	}
	for _, n := range put {
		changed[n.NodeID()] = true
	}
	stored := r.Referrers(del)
	var errs domain.Problems
	for _, id := range del {
		var refs []string
		for _, n := range stored[id] {
			if !changed[n.NodeID()] {
				refs = append(refs, n.NodeID())
			}
		}
		for _, n := range put {
			if slices.Contains(RefsOf(n), id) {
				refs = append(refs, n.NodeID())
			}
		}
		if len(refs) == 0 {
			continue
		}
		slices.Sort(refs)
		refs = slices.Compact(refs)
		shown := refs
		if len(shown) > 10 {
			shown = shown[:10]
		}
		errs = append(errs, domain.FieldErrorf(domain.EINVALID, "id",
			"%s is referred to by %d record(s) (%s); unlink or delete them first", id, len(refs), strings.Join(shown, ", ")))
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// ReferrersIn returns, for each of ids, the records of nodes that refer to it,
// sorted by ID: Records.Referrers for a store that holds every record in memory.
func ReferrersIn(nodes map[string]domain.Node, ids []string) map[string][]domain.Node {
	out := make(map[string][]domain.Node, len(ids))
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	for _, n := range nodes {
		for _, ref := range RefsOf(n) {
			if want[ref] && !slices.Contains(out[ref], n) {
				out[ref] = append(out[ref], n)
			}
		}
	}
	for id := range out {
		slices.SortFunc(out[id], func(a, b domain.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
	}
	return out
}

// Clone returns a deep copy of a record: stored records are shared with readers
// and never modified in place.
func Clone(n domain.Node) domain.Node {
	c, err := nodejson.Clone(n)
	if err != nil {
		panic(fmt.Sprintf("curation: cloning %s: %v", n.NodeID(), err))
	}
	return c
}

// metaPtr returns a pointer to a record's Meta.
func metaPtr(n domain.Node) *domain.Meta {
	if m := domain.MetaOf(n); m != nil {
		return m
	}
	panic(fmt.Sprintf("curation: unknown node type %T", n))
}

// Curated marks a record as written by curation (origin CURATED) and returns it.
func Curated(n domain.Node) domain.Node {
	metaPtr(n).Origin = domain.OriginCurated
	return n
}

// ReplaceID rewrites every reference to old in a copy of n into repl, dropping
// the repeats that creates; changed reports whether n referred to old at all.
func ReplaceID(n domain.Node, old, repl string) (out domain.Node, changed bool) {
	if !slices.Contains(RefsOf(n), old) {
		return n, false
	}
	c := Clone(n)
	speakers := func(evs []domain.Evidence) {
		for i := range evs {
			if evs[i].SpeakerID == old {
				evs[i].SpeakerID = repl
			}
		}
	}
	speakers(metaPtr(c).Evidence)
	if m, ok := c.(*domain.Meeting); ok {
		for _, p := range m.Participants {
			speakers(p.Evidence)
		}
		for _, d := range m.DocumentsSigned {
			speakers(d.Evidence)
		}
	}
	for _, r := range domain.RelFieldsOf(c.NodeKind()) {
		r.Replace(c, old, repl)
	}
	return c, true
}

// appendNew appends the evidence not already in evs.
func appendNew(evs []domain.Evidence, more ...domain.Evidence) []domain.Evidence {
	for _, e := range more {
		if !slices.Contains(evs, e) {
			evs = append(evs, e)
		}
	}
	return evs
}

// HolderOf returns the ID of the record holding a relationship, and the other end.
func HolderOf(l domain.Link) (holder, other, otherField string) {
	if domain.HeldByTo(l.Type) {
		return l.To, l.From, "from"
	}
	return l.From, l.To, "to"
}

// applyLink adds (add) or removes a relationship on h, a copy of its holder.
// It reports ENOTFOUND for removing an absent relationship, EINVALID for adding
// an existing one or for a holder of the wrong kind.
func applyLink(h domain.Node, l domain.Link, other string, add bool) error {
	holderField := "from"
	if domain.HeldByTo(l.Type) {
		holderField = "to"
	}
	r := domain.RelFieldOfType(h.NodeKind(), l.Type)
	switch {
	case !slices.Contains(domain.RelTypes, l.Type):
		return domain.FieldErrorf(domain.EINVALID, "type", "unknown relationship type %q", l.Type)
	case r == nil:
		return domain.FieldErrorf(domain.EINVALID, holderField, "a %s cannot hold a %s relationship", h.NodeKind(), l.Type)
	case add && r.Add(h, domain.Ref{ID: other, Capacity: l.Capacity, Evidence: l.Evidence}):
		return domain.FieldErrorf(domain.EINVALID, "type", "%s -%s-> %s exists already", l.From, l.Type, l.To)
	case !add && !r.Remove(h, other):
		return domain.FieldErrorf(domain.ENOTFOUND, "type", "there is no %s -%s-> %s", l.From, l.Type, l.To)
	}
	return nil
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
	if c, changed := ReplaceID(surv, merged.NodeID(), surv.NodeID()); changed {
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

// linkProps reports whether links of type t carry their own capacity and
// evidence (a meeting's participants).
func linkProps(t domain.RelType) bool {
	rs := domain.RelFieldsOfType(t)
	return len(rs) > 0 && rs[0].LinkProps
}
