package domain

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

// This file declares the graph's schema once: every node kind (its ID prefix and
// Go type) and every relation (the field of a record that holds it, the kinds it
// may point at, and how to read and change it). Edges, reference checks, the
// Neo4j relationship types and endpoints, the CSV edge columns, curation's
// link, unlink and replace-ID, and the nil checks all derive from these two
// tables; CONTRIBUTING.md says how to add to them.

// KindSpec declares one node kind.
type KindSpec struct {
	Kind Kind
	// Prefix is the part of an ID before the colon ("org" for ORGANIZATION).
	Prefix string
	// Actor is set for the kinds that make and receive commitments.
	Actor bool
	// New returns a new zero record of the kind.
	New func() Node
	// isNil reports whether a Node of the kind's type holds a nil pointer.
	isNil func(Node) bool
}

// kind declares a kind whose records are *P.
func kind[P any, T interface {
	*P
	Node
}](k Kind, prefix string, actor bool) KindSpec {
	return KindSpec{Kind: k, Prefix: prefix, Actor: actor,
		New:   func() Node { return T(new(P)) },
		isNil: func(n Node) bool { t, ok := n.(T); return ok && t == nil },
	}
}

// KindSpecs declares every node kind, in the order of Kinds.
var KindSpecs = []KindSpec{
	kind[Person](KindPerson, "person", true),
	kind[Organization](KindOrganization, "org", true),
	kind[Country](KindCountry, "country", true),
	kind[Role](KindRole, "role", false),
	kind[Meeting](KindMeeting, "meeting", false),
	kind[Commitment](KindCommitment, "commitment", false),
	kind[Project](KindProject, "project", false),
	kind[Programme](KindProgramme, "programme", false),
	kind[Pillar](KindPillar, "pillar", false),
	kind[Figure](KindFigure, "figure", false),
	kind[Source](KindSource, "source", false),
}

// Kinds lists every node kind in a fixed order.
var Kinds = func() []Kind {
	ks := make([]Kind, len(KindSpecs))
	for i, s := range KindSpecs {
		ks[i] = s.Kind
	}
	return ks
}()

// ActorKinds lists the kinds that make and receive commitments.
var ActorKinds = func() []Kind {
	var ks []Kind
	for _, s := range KindSpecs {
		if s.Actor {
			ks = append(ks, s.Kind)
		}
	}
	return ks
}()

// specOf returns the declaration of a kind, or nil for an unknown kind.
func specOf(k Kind) *KindSpec {
	for i := range KindSpecs {
		if KindSpecs[i].Kind == k {
			return &KindSpecs[i]
		}
	}
	return nil
}

// Prefix returns the ID prefix of the kind, without the colon ("" for an unknown kind).
func (k Kind) Prefix() string {
	if s := specOf(k); s != nil {
		return s.Prefix
	}
	return ""
}

// IsActor reports whether nodes of this kind are actors (can make commitments).
func (k Kind) IsActor() bool {
	s := specOf(k)
	return s != nil && s.Actor
}

// KindOfID returns the kind named by an ID's prefix, or "" when the prefix is unknown.
func KindOfID(id string) Kind {
	prefix, _, ok := strings.Cut(id, ":")
	if !ok {
		return ""
	}
	for _, s := range KindSpecs {
		if s.Prefix == prefix {
			return s.Kind
		}
	}
	return ""
}

// NewNode returns a new zero record of the kind, or nil for an unknown kind.
func NewNode(k Kind) Node {
	if s := specOf(k); s != nil {
		return s.New()
	}
	return nil
}

// IsNil reports whether n is nil or holds a nil pointer of one of the kinds'
// types (a nil *Person still answers NodeKind, whose receiver it does not use).
func IsNil(n Node) bool {
	if n == nil {
		return true
	}
	s := specOf(n.NodeKind())
	return s != nil && s.isNil(n)
}

// Ref is one reference a record holds through a relation.
type Ref struct {
	// ID is the node referred to.
	ID string
	// Capacity and Evidence are the link's own properties, held only by a
	// relation whose links are parts of the record (LinkProps: a meeting's
	// participants); the links of other relations share the record's evidence.
	Capacity string
	Evidence []Evidence
}

// RelField declares one field through which a kind of record holds
// relationships of one type: a person's "nationality" (NATIONAL_OF), a
// commitment's "madeBy" (MADE).
type RelField struct {
	Type RelType
	// Holder is the kind of the record that holds the field.
	Holder Kind
	// Field is the field's name in the seed format, JSON imports and GraphQL inputs.
	Field string
	// Inbound is set when the holder is the relationship's To end: a role's
	// "person" is (Person)-[:HOLDS]->(Role).
	Inbound bool
	// Targets are the kinds the field may refer to; nil means any kind.
	Targets []Kind
	// Many is set for a list of references, unset for a single one.
	Many bool
	// LinkProps is set when each link carries its own capacity and evidence.
	LinkProps bool
	// Required is set when a record must hold at least one reference here.
	Required bool
	// label is the display text of an edge (a role's title, a participant's capacity).
	label func(Node, Ref) string
	refs  refAccess
}

// refAccess reads and changes the references of a field on records of one type.
type refAccess interface {
	// each yields every non-empty reference with its position in the field.
	each(n Node, yield func(int, Ref) bool)
	// appendEdges appends the edges of the field's references: Edges's path,
	// without each's closures, which cost allocations on the read path.
	appendEdges(es []Edge, n Node, r *RelField) []Edge
	// appendIDs appends the field's non-empty IDs.
	appendIDs(ids []string, n Node) []string
	// set replaces the field's references (a single field takes the first).
	set(n Node, refs []Ref)
	// add adds r, reporting whether it was there already; a single reference
	// is replaced.
	add(n Node, r Ref) (dup bool)
	// remove removes the reference to id, reporting whether there was one.
	remove(n Node, id string) (found bool)
	// replace rewrites references to old into repl, dropping the repeats.
	replace(n Node, old, repl string)
}

// RelFields declares every relation, grouped by holder in the order of
// KindSpecs; within a record, Edges follows this order.
var RelFields = []RelField{
	{Type: RelNationalOf, Holder: KindPerson, Field: "nationality", Targets: kinds(KindCountry),
		refs: one(func(n *Person) *string { return &n.NationalityID })},
	{Type: RelInCountry, Holder: KindOrganization, Field: "country", Targets: kinds(KindCountry),
		refs: one(func(n *Organization) *string { return &n.CountryID })},
	{Type: RelPartOf, Holder: KindOrganization, Field: "parent", Targets: kinds(KindOrganization),
		refs: one(func(n *Organization) *string { return &n.ParentID })},
	{Type: RelHolds, Holder: KindRole, Field: "person", Inbound: true, Targets: kinds(KindPerson), Required: true,
		label: func(n Node, _ Ref) string { return n.(*Role).Title },
		refs:  one(func(n *Role) *string { return &n.PersonID })},
	{Type: RelAt, Holder: KindRole, Field: "organization", Targets: kinds(KindOrganization), Required: true,
		refs: one(func(n *Role) *string { return &n.OrganizationID })},
	{Type: RelMeetingOf, Holder: KindMeeting, Field: "body", Targets: kinds(KindOrganization),
		refs: one(func(n *Meeting) *string { return &n.BodyID })},
	{Type: RelOrganized, Holder: KindMeeting, Field: "organizers", Inbound: true, Targets: ActorKinds, Many: true,
		refs: many(func(n *Meeting) *[]string { return &n.OrganizerIDs })},
	{Type: RelParticipatedIn, Holder: KindMeeting, Field: "participants", Inbound: true, Targets: ActorKinds, Many: true,
		LinkProps: true, label: func(_ Node, r Ref) string { return r.Capacity }, refs: participants{}},
	{Type: RelMade, Holder: KindCommitment, Field: "madeBy", Inbound: true, Targets: ActorKinds, Many: true, Required: true,
		label: func(n Node, _ Ref) string { return string(n.(*Commitment).Kind) },
		refs:  many(func(n *Commitment) *[]string { return &n.MadeByIDs })},
	{Type: RelMadeTo, Holder: KindCommitment, Field: "madeTo", Targets: ActorKinds, Many: true,
		refs: many(func(n *Commitment) *[]string { return &n.MadeToIDs })},
	{Type: RelMadeAt, Holder: KindCommitment, Field: "madeAt", Targets: kinds(KindMeeting),
		refs: one(func(n *Commitment) *string { return &n.MadeAtID })},
	{Type: RelConcerns, Holder: KindCommitment, Field: "concerns", Many: true,
		refs: many(func(n *Commitment) *[]string { return &n.ConcernIDs })},
	{Type: RelInPillar, Holder: KindProject, Field: "pillars", Targets: kinds(KindPillar), Many: true,
		refs: many(func(n *Project) *[]string { return &n.PillarIDs })},
	{Type: RelInProgramme, Holder: KindProject, Field: "programmes", Targets: kinds(KindProgramme), Many: true,
		refs: many(func(n *Project) *[]string { return &n.ProgrammeIDs })},
	{Type: RelPartnerIn, Holder: KindProject, Field: "partners", Inbound: true, Targets: ActorKinds, Many: true,
		refs: many(func(n *Project) *[]string { return &n.PartnerIDs })},
	{Type: RelPartOf, Holder: KindProgramme, Field: "partOf", Targets: kinds(KindProgramme),
		refs: one(func(n *Programme) *string { return &n.PartOfID })},
	{Type: RelPillarOf, Holder: KindPillar, Field: "programme", Targets: kinds(KindProgramme), Required: true,
		refs: one(func(n *Pillar) *string { return &n.ProgrammeID })},
	{Type: RelStated, Holder: KindFigure, Field: "saidBy", Inbound: true, Targets: ActorKinds, Many: true,
		refs: many(func(n *Figure) *[]string { return &n.SaidByIDs })},
	{Type: RelAbout, Holder: KindFigure, Field: "subject", Required: true,
		refs: one(func(n *Figure) *string { return &n.SubjectID })},
}

func kinds(ks ...Kind) []Kind { return ks }

// RelTypes lists every relationship type, in the order RelFields first declares them.
var RelTypes = func() []RelType {
	var ts []RelType
	for _, r := range RelFields {
		if !slices.Contains(ts, r.Type) {
			ts = append(ts, r.Type)
		}
	}
	return ts
}()

// relFieldsByKind holds each kind's relations, in declaration order.
var relFieldsByKind = func() map[Kind][]*RelField {
	m := map[Kind][]*RelField{}
	for i := range RelFields {
		r := &RelFields[i]
		m[r.Holder] = append(m[r.Holder], r)
	}
	return m
}()

// RelFieldsOf returns the relations records of the kind hold, in declaration order.
func RelFieldsOf(k Kind) []*RelField { return relFieldsByKind[k] }

// RelFieldNamed returns the relation a kind holds in a field, or nil.
func RelFieldNamed(k Kind, field string) *RelField {
	for _, r := range relFieldsByKind[k] {
		if r.Field == field {
			return r
		}
	}
	return nil
}

// RelFieldOfType returns the relation through which a kind holds relationships
// of type t, or nil when the kind holds none of that type.
func RelFieldOfType(k Kind, t RelType) *RelField {
	for _, r := range relFieldsByKind[k] {
		if r.Type == t {
			return r
		}
	}
	return nil
}

// RelFieldsOfType returns every relation of type t (PART_OF has two: an
// organization's parent and a programme's partOf).
func RelFieldsOfType(t RelType) []*RelField {
	var out []*RelField
	for i := range RelFields {
		if RelFields[i].Type == t {
			out = append(out, &RelFields[i])
		}
	}
	return out
}

// HeldByTo reports whether relationships of type t are held by their To end.
func HeldByTo(t RelType) bool {
	rs := RelFieldsOfType(t)
	return len(rs) > 0 && rs[0].Inbound
}

// Ends returns the kinds at the From and To ends of relationships of type t.
func Ends(t RelType) (from, to []Kind) {
	add := func(dst *[]Kind, ks []Kind) {
		if ks == nil {
			ks = Kinds
		}
		for _, k := range ks {
			if !slices.Contains(*dst, k) {
				*dst = append(*dst, k)
			}
		}
	}
	for _, r := range RelFieldsOfType(t) {
		holder, other := []Kind{r.Holder}, r.Targets
		if r.Inbound {
			holder, other = other, holder
		}
		add(&from, holder)
		add(&to, other)
	}
	return from, to
}

// Allows reports whether the relation may refer to a node of kind k.
func (r *RelField) Allows(k Kind) bool { return r.Targets == nil || slices.Contains(r.Targets, k) }

// What says what the relation must refer to, for messages: "a Country", "an
// actor (PERSON, ORGANIZATION or COUNTRY)", "a node".
func (r *RelField) What() string {
	switch {
	case r.Targets == nil:
		return "a node"
	case slices.Equal(r.Targets, ActorKinds):
		return "an actor (PERSON, ORGANIZATION or COUNTRY)"
	case len(r.Targets) == 1:
		name := strings.ToUpper(string(r.Targets[0][:1])) + strings.ToLower(string(r.Targets[0][1:]))
		if strings.ContainsRune("AEIOU", rune(name[0])) {
			return "an " + name
		}
		return "a " + name
	}
	return "one of " + JoinValues(r.Targets)
}

// Refs yields the references the field of n holds, in order, with their
// positions in the field, skipping empty IDs.
func (r *RelField) Refs(n Node) iter.Seq2[int, Ref] {
	return func(yield func(int, Ref) bool) { r.refs.each(n, yield) }
}

// Set replaces the references the field of n holds (a decoder's records come
// with their links apart); a single field takes the first.
func (r *RelField) Set(n Node, refs []Ref) { r.refs.set(n, refs) }

// IDs returns the IDs the field of n refers to, in order.
func (r *RelField) IDs(n Node) []string { return r.refs.appendIDs(nil, n) }

// AppendIDs appends the IDs the field of n refers to, for loops over many
// records that reuse one buffer.
func (r *RelField) AppendIDs(ids []string, n Node) []string { return r.refs.appendIDs(ids, n) }

// Add adds a reference to n, reporting whether it was there already; a single
// reference is replaced. n must be a record of the holder kind.
func (r *RelField) Add(n Node, ref Ref) (dup bool) { return r.refs.add(n, ref) }

// Remove removes the reference to id from n, reporting whether there was one.
func (r *RelField) Remove(n Node, id string) (found bool) { return r.refs.remove(n, id) }

// Replace rewrites the references of n to old into repl, dropping the repeats
// that makes (two participations merge their evidence).
func (r *RelField) Replace(n Node, old, repl string) { r.refs.replace(n, old, repl) }

// Edge returns the relationship a reference of n stands for.
func (r *RelField) Edge(n Node, ref Ref) Edge {
	from, to := n.NodeID(), ref.ID
	if r.Inbound {
		from, to = to, from
	}
	label := ""
	if r.label != nil {
		label = r.label(n, ref)
	}
	ev := ref.Evidence
	if !r.LinkProps {
		ev = n.NodeEvidence()
	}
	return edge(r.Type, from, to, label, ev)
}

// one declares a single reference held in a string field of *T records.
func one[T Node](field func(T) *string) refAccess { return oneRef[T](field) }

type oneRef[T Node] func(T) *string

func (f oneRef[T]) each(n Node, yield func(int, Ref) bool) {
	if id := *f(n.(T)); id != "" {
		yield(0, Ref{ID: id})
	}
}

func (f oneRef[T]) appendEdges(es []Edge, n Node, r *RelField) []Edge {
	if id := *f(n.(T)); id != "" {
		es = append(es, r.Edge(n, Ref{ID: id}))
	}
	return es
}

func (f oneRef[T]) appendIDs(ids []string, n Node) []string {
	if id := *f(n.(T)); id != "" {
		ids = append(ids, id)
	}
	return ids
}

func (f oneRef[T]) set(n Node, refs []Ref) {
	id := ""
	if len(refs) > 0 {
		id = refs[0].ID
	}
	*f(n.(T)) = id
}

func (f oneRef[T]) add(n Node, r Ref) bool {
	p := f(n.(T))
	if *p == r.ID {
		return true
	}
	*p = r.ID
	return false
}

func (f oneRef[T]) remove(n Node, id string) bool {
	p := f(n.(T))
	if *p != id {
		return false
	}
	*p = ""
	return true
}

func (f oneRef[T]) replace(n Node, old, repl string) {
	if p := f(n.(T)); *p == old {
		*p = repl
	}
}

// many declares a list of references held in a []string field of *T records.
func many[T Node](field func(T) *[]string) refAccess { return manyRef[T](field) }

type manyRef[T Node] func(T) *[]string

func (f manyRef[T]) each(n Node, yield func(int, Ref) bool) {
	for i, id := range *f(n.(T)) {
		if id != "" && !yield(i, Ref{ID: id}) {
			return
		}
	}
}

func (f manyRef[T]) appendEdges(es []Edge, n Node, r *RelField) []Edge {
	for _, id := range *f(n.(T)) {
		if id != "" {
			es = append(es, r.Edge(n, Ref{ID: id}))
		}
	}
	return es
}

func (f manyRef[T]) appendIDs(ids []string, n Node) []string {
	for _, id := range *f(n.(T)) {
		if id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

func (f manyRef[T]) set(n Node, refs []Ref) {
	var ids []string
	for _, r := range refs {
		ids = append(ids, r.ID)
	}
	*f(n.(T)) = ids
}

func (f manyRef[T]) add(n Node, r Ref) bool {
	p := f(n.(T))
	if slices.Contains(*p, r.ID) {
		return true
	}
	*p = append(*p, r.ID)
	return false
}

func (f manyRef[T]) remove(n Node, id string) bool {
	p := f(n.(T))
	if !slices.Contains(*p, id) {
		return false
	}
	*p = slices.DeleteFunc(*p, func(x string) bool { return x == id })
	return true
}

func (f manyRef[T]) replace(n Node, old, repl string) {
	p := f(n.(T))
	var out []string
	for _, id := range *p {
		if id == old {
			id = repl
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	*p = out
}

// participants accesses a meeting's participations: links with their own
// capacity and evidence.
type participants struct{}

func (participants) each(n Node, yield func(int, Ref) bool) {
	for i, p := range n.(*Meeting).Participants {
		if p.ActorID != "" && !yield(i, Ref{ID: p.ActorID, Capacity: p.Capacity, Evidence: p.Evidence}) {
			return
		}
	}
}

func (participants) appendEdges(es []Edge, n Node, r *RelField) []Edge {
	for _, p := range n.(*Meeting).Participants {
		if p.ActorID != "" {
			es = append(es, r.Edge(n, Ref{ID: p.ActorID, Capacity: p.Capacity, Evidence: p.Evidence}))
		}
	}
	return es
}

func (participants) appendIDs(ids []string, n Node) []string {
	for _, p := range n.(*Meeting).Participants {
		if p.ActorID != "" {
			ids = append(ids, p.ActorID)
		}
	}
	return ids
}

func (participants) set(n Node, refs []Ref) {
	var ps []Participation
	for _, r := range refs {
		ps = append(ps, Participation{ActorID: r.ID, Capacity: r.Capacity, Evidence: r.Evidence})
	}
	n.(*Meeting).Participants = ps
}

func (participants) add(n Node, r Ref) bool {
	m := n.(*Meeting)
	if slices.ContainsFunc(m.Participants, func(p Participation) bool { return p.ActorID == r.ID }) {
		return true
	}
	m.Participants = append(m.Participants, Participation{ActorID: r.ID, Capacity: r.Capacity, Evidence: r.Evidence})
	return false
}

func (participants) remove(n Node, id string) bool {
	m := n.(*Meeting)
	i := slices.IndexFunc(m.Participants, func(p Participation) bool { return p.ActorID == id })
	if i < 0 {
		return false
	}
	m.Participants = slices.Delete(m.Participants, i, i+1)
	return true
}

// replace merges two participations that come to name one actor: the first
// keeps its place and capacity (or takes the other's), and gains the other's
// evidence.
func (participants) replace(n Node, old, repl string) {
	m := n.(*Meeting)
	var parts []Participation
	for _, p := range m.Participants {
		if p.ActorID == old {
			p.ActorID = repl
		}
		if i := slices.IndexFunc(parts, func(q Participation) bool { return q.ActorID == p.ActorID }); i >= 0 {
			for _, e := range p.Evidence {
				if !slices.Contains(parts[i].Evidence, e) {
					parts[i].Evidence = append(parts[i].Evidence, e)
				}
			}
			if parts[i].Capacity == "" {
				parts[i].Capacity = p.Capacity
			}
			continue
		}
		parts = append(parts, p)
	}
	m.Participants = parts
}

// checkSchema reports a table of relations that contradicts itself. init
// panics on it: a test catches it, and every command fails at once rather
// than misbehave.
func checkSchema(rels []RelField) error {
	seen := map[string]bool{}
	inbound := map[RelType]bool{}
	for _, r := range rels {
		name := string(r.Holder) + "." + r.Field
		if specOf(r.Holder) == nil {
			return fmt.Errorf("relation %s: unknown holder kind %q", name, r.Holder)
		}
		if r.refs == nil {
			return fmt.Errorf("relation %s: no accessor", name)
		}
		byType := string(r.Holder) + "|" + string(r.Type)
		if seen[byType] || seen[name] {
			return fmt.Errorf("relation %s (%s) is declared twice", name, r.Type)
		}
		seen[byType], seen[name] = true, true
		for _, k := range r.Targets {
			if specOf(k) == nil {
				return fmt.Errorf("relation %s: unknown target kind %q", name, k)
			}
		}
		if in, ok := inbound[r.Type]; ok && in != r.Inbound {
			return fmt.Errorf("relation %s: every %s relation must be held at the same end", name, r.Type)
		}
		inbound[r.Type] = r.Inbound
	}
	return nil
}

func init() {
	if err := checkSchema(RelFields); err != nil {
		panic("domain: schema: " + err.Error())
	}
}

// reverseFields declares the traversals that run relation fields backwards:
// the children of a parent are the records whose field refers to it (a
// person's roles are the roles whose "person" is the person). The others —
// previous and next meetings of a series, a source's claims, and a
// programme's projects through its pillars — are computed by each store.
var reverseFields = []struct {
	t      Traversal
	holder Kind
	field  string
}{
	{TraverseCountryActors, KindPerson, "nationality"},
	{TraverseOrgChildren, KindOrganization, "parent"},
	{TraverseCountryActors, KindOrganization, "country"},
	{TraversePersonRoles, KindRole, "person"},
	{TraverseOrgRoles, KindRole, "organization"},
	{TraverseActorMeetings, KindMeeting, "organizers"},
	{TraverseActorMeetings, KindMeeting, "participants"},
	{TraverseActorMeetings, KindMeeting, "body"},
	{TraverseCommitmentsMade, KindCommitment, "madeBy"},
	{TraverseCommitmentsReceived, KindCommitment, "madeTo"},
	{TraverseMeetingCommitments, KindCommitment, "madeAt"},
	{TraverseConcernedBy, KindCommitment, "concerns"},
	{TraversePillarProjects, KindProject, "pillars"},
	{TraverseProgrammeProjects, KindProject, "programmes"},
	{TraverseProjectsPartnered, KindProject, "partners"},
	{TraverseProgrammeChildren, KindProgramme, "partOf"},
	{TraverseProgrammePillars, KindPillar, "programme"},
	{TraverseFiguresStated, KindFigure, "saidBy"},
	{TraverseFiguresAbout, KindFigure, "subject"},
}

// ReverseTraversal is a relation field and a traversal that runs it backwards.
type ReverseTraversal struct {
	Field     *RelField
	Traversal Traversal
}

// ReverseTraversalsOf returns, for the relation fields a kind holds, the
// traversals that run them backwards, in declaration order.
func ReverseTraversalsOf(k Kind) []ReverseTraversal { return reverseByKind[k] }

var reverseByKind = func() map[Kind][]ReverseTraversal {
	m := map[Kind][]ReverseTraversal{}
	for _, rf := range reverseFields {
		f := RelFieldNamed(rf.holder, rf.field)
		if f == nil {
			panic(fmt.Sprintf("domain: traversal %s runs back an undeclared field %s.%s", rf.t, rf.holder, rf.field))
		}
		m[rf.holder] = append(m[rf.holder], ReverseTraversal{f, rf.t})
	}
	return m
}()
