package neo4j

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Records come back from fragments/node.cypher as a map:
//
//	{node: Node, out: [[Relationship, otherID]], in: [[Relationship, otherID]],
//	 signed: [[Relationship, Document]], evidence: [[Evidence node, sourceID]]}
//
// decodeNode turns one such map into the domain record.

// link is one relationship of a record, in the record's order.
type link struct {
	other    string
	position int64
	capacity string
	evidence []string
}

// nodeData is a decoded projection before it becomes a domain node.
type nodeData struct {
	id    string
	kind  domain.Kind
	props map[string]any
	links map[domain.RelType][]link
	docs  []dbtype.Node
	dlink []link
	// evidence by ID, and the record's own evidence IDs in order.
	evidence map[string]domain.Evidence
	own      []string
}

// decodeError reports a record that does not have the shape the adapter writes.
type decodeError struct{ msg string }

func (e *decodeError) Error() string { return "neo4j: unexpected record: " + e.msg }

func badRecord(format string, args ...any) error {
	return &decodeError{msg: fmt.Sprintf(format, args...)}
}

// decodeNode decodes a node projection.
func decodeNode(raw any) (domain.Node, error) {
	d, err := decodeData(raw)
	if err != nil {
		return nil, err
	}
	return d.build()
}

func decodeData(raw any) (*nodeData, error) {
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, badRecord("node projection is %T, not a map", raw)
	}
	n, ok := m["node"].(dbtype.Node)
	if !ok {
		return nil, badRecord("node is %T, not a node", m["node"])
	}
	d := &nodeData{
		props:    n.Props,
		kind:     kindOfLabels(n.Labels),
		links:    map[domain.RelType][]link{},
		evidence: map[string]domain.Evidence{},
	}
	if d.kind == "" {
		return nil, badRecord("node with labels %v has no kind label", n.Labels)
	}
	var err error
	if d.id, err = propString(n.Props, "id"); err != nil || d.id == "" {
		return nil, badRecord("%s node without an id", d.kind)
	}
	for _, key := range []string{"out", "in"} {
		pairs, err := pairsOf(m[key], key)
		if err != nil {
			return nil, err
		}
		for _, p := range pairs {
			r, ok := p[0].(dbtype.Relationship)
			if !ok {
				return nil, badRecord("%s entry holds %T, not a relationship", key, p[0])
			}
			other, ok := p[1].(string)
			if !ok {
				return nil, badRecord("%s entry holds %T, not an id", key, p[1])
			}
			l, err := linkOf(r, other)
			if err != nil {
				return nil, err
			}
			t := domain.RelType(r.Type)
			d.links[t] = append(d.links[t], l)
		}
	}
	signed, err := pairsOf(m["signed"], "signed")
	if err != nil {
		return nil, err
	}
	for _, p := range signed {
		r, ok1 := p[0].(dbtype.Relationship)
		doc, ok2 := p[1].(dbtype.Node)
		if !ok1 || !ok2 {
			return nil, badRecord("signed entry holds %T and %T", p[0], p[1])
		}
		l, err := linkOf(r, "")
		if err != nil {
			return nil, err
		}
		d.docs = append(d.docs, doc)
		d.dlink = append(d.dlink, l)
	}
	evs, err := pairsOf(m["evidence"], "evidence")
	if err != nil {
		return nil, err
	}
	type ownEv struct {
		id  string
		pos int64
	}
	var own []ownEv
	for _, p := range evs {
		e, ok1 := p[0].(dbtype.Node)
		src, ok2 := p[1].(string)
		if !ok1 || !ok2 {
			return nil, badRecord("evidence entry holds %T and %T", p[0], p[1])
		}
		id, err := propString(e.Props, "id")
		if err != nil || id == "" {
			return nil, badRecord("evidence of %s without an id", d.id)
		}
		ev := domain.Evidence{SourceID: src}
		var attribution, claim string
		var pos int64
		for _, err := range []error{
			get(e.Props, "quote", &ev.Quote), get(e.Props, "attribution", &attribution),
			get(e.Props, "speaker", &ev.SpeakerID), get(e.Props, "claim", &claim), get(e.Props, "position", &pos),
		} {
			if err != nil {
				return nil, badRecord("evidence %s: %v", id, err)
			}
		}
		ev.Attribution = domain.Attribution(attribution)
		d.evidence[id] = ev
		if claim == claimNode {
			own = append(own, ownEv{id, pos})
		}
	}
	slices.SortStableFunc(own, func(a, b ownEv) int { return cmp.Compare(a.pos, b.pos) })
	for _, o := range own {
		d.own = append(d.own, o.id)
	}
	for t := range d.links {
		slices.SortStableFunc(d.links[t], func(a, b link) int { return cmp.Compare(a.position, b.position) })
	}
	return d, nil
}

// pairsOf reads a list of two-element lists.
func pairsOf(raw any, key string) ([][]any, error) {
	if raw == nil {
		return nil, nil
	}
	xs, ok := raw.([]any)
	if !ok {
		return nil, badRecord("%s is %T, not a list", key, raw)
	}
	out := make([][]any, len(xs))
	for i, x := range xs {
		p, ok := x.([]any)
		if !ok || len(p) != 2 {
			return nil, badRecord("%s entry %d is %T, not a pair", key, i, x)
		}
		out[i] = p
	}
	return out, nil
}

func linkOf(r dbtype.Relationship, other string) (link, error) {
	l := link{other: other}
	if err := get(r.Props, "position", &l.position); err != nil {
		return l, badRecord("%s relationship: %v", r.Type, err)
	}
	if err := get(r.Props, "capacity", &l.capacity); err != nil {
		return l, badRecord("%s relationship: %v", r.Type, err)
	}
	ev, _, err := propStrings(r.Props, "evidence")
	if err != nil {
		return l, badRecord("%s relationship: %v", r.Type, err)
	}
	l.evidence = ev
	return l, nil
}

// get reads an optional property into *dst (string, int64, float64 or bool); an
// absent or null property leaves the zero value. A string may also be stored as
// a Neo4j DATE; other temporal types are not strings and are rejected.
func get(props map[string]any, key string, dst any) error {
	v, ok := props[key]
	if !ok || v == nil {
		return nil
	}
	switch dst := dst.(type) {
	case *string:
		switch x := v.(type) {
		case string:
			*dst = x
		case dbtype.Date:
			// A date set in Neo4j Browser with date('2021-09-23') reads as its ISO day.
			*dst = x.Time().Format(time.DateOnly)
		default:
			return fmt.Errorf("property %s is %T, not a string", key, v)
		}
	case *int64:
		i, ok := v.(int64)
		if !ok {
			return fmt.Errorf("property %s is %T, not an integer", key, v)
		}
		*dst = i
	case *float64:
		switch x := v.(type) {
		case float64:
			*dst = x
		case int64:
			*dst = float64(x)
		default:
			return fmt.Errorf("property %s is %T, not a number", key, v)
		}
	case *bool:
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("property %s is %T, not a boolean", key, v)
		}
		*dst = b
	default:
		return fmt.Errorf("property %s: unsupported destination %T", key, dst)
	}
	return nil
}

func propString(props map[string]any, key string) (string, error) {
	var s string
	err := get(props, key, &s)
	return s, err
}

// propStrings reads a list-of-strings property; present reports whether it was
// set (an empty list is set).
func propStrings(props map[string]any, key string) ([]string, bool, error) {
	v, ok := props[key]
	if !ok || v == nil {
		return nil, false, nil
	}
	var out []string
	switch xs := v.(type) {
	case []string:
		out = append([]string{}, xs...)
	case []any:
		out = make([]string, len(xs))
		for i, x := range xs {
			s, ok := x.(string)
			if !ok {
				return nil, true, fmt.Errorf("property %s holds %T, not a string", key, x)
			}
			out[i] = s
		}
	default:
		return nil, true, fmt.Errorf("property %s is %T, not a list", key, v)
	}
	return out, true, nil
}

// propIntPtr reads an optional integer property.
func propIntPtr(props map[string]any, key string) (*int, error) {
	if v, ok := props[key]; !ok || v == nil {
		return nil, nil
	}
	var i int64
	if err := get(props, key, &i); err != nil {
		return nil, err
	}
	n := int(i)
	return &n, nil
}

// propFloatPtr reads an optional number property.
func propFloatPtr(props map[string]any, key string) (*float64, error) {
	if v, ok := props[key]; !ok || v == nil {
		return nil, nil
	}
	var f float64
	if err := get(props, key, &f); err != nil {
		return nil, err
	}
	return &f, nil
}

// reader collects the first error of a sequence of property reads.
type reader struct {
	props map[string]any
	err   error
}

func (r *reader) str(key string) string {
	var s string
	r.keep(get(r.props, key, &s))
	return s
}

func (r *reader) strs(key string) []string {
	xs, _, err := propStrings(r.props, key)
	r.keep(err)
	return xs
}

func (r *reader) intPtr(key string) *int {
	p, err := propIntPtr(r.props, key)
	r.keep(err)
	return p
}

func (r *reader) float(key string) float64 {
	var f float64
	r.keep(get(r.props, key, &f))
	return f
}

func (r *reader) floatPtr(key string) *float64 {
	p, err := propFloatPtr(r.props, key)
	r.keep(err)
	return p
}

func (r *reader) boolean(key string) bool {
	var b bool
	r.keep(get(r.props, key, &b))
	return b
}

func (r *reader) date(name string) domain.PartialDate {
	return domain.PartialDate{Value: r.str(name), Text: r.str(name + "Text")}
}

func (r *reader) keep(err error) {
	if err != nil && r.err == nil {
		r.err = err
	}
}

// evidenceOf returns the evidence with the given IDs, in order.
func (d *nodeData) evidenceOf(ids []string) ([]domain.Evidence, error) {
	var out []domain.Evidence
	for _, id := range ids {
		ev, ok := d.evidence[id]
		if !ok {
			return nil, badRecord("%s lists evidence %s it does not hold", d.id, id)
		}
		out = append(out, ev)
	}
	return out, nil
}

// build turns decoded data into the domain record of its kind.
func (d *nodeData) build() (domain.Node, error) {
	r := &reader{props: d.props}
	own, err := d.evidenceOf(d.own)
	if err != nil {
		return nil, err
	}
	meta := domain.Meta{ID: d.id, Evidence: own, Origin: domain.Origin(r.str("origin")), Note: r.str("note")}
	var n domain.Node
	switch d.kind {
	case domain.KindPerson:
		n = &domain.Person{Meta: meta, Name: r.str("name"), Aliases: r.strs("aliases")}
	case domain.KindOrganization:
		n = &domain.Organization{Meta: meta, Name: r.str("name"), Aliases: r.strs("aliases"),
			Acronym: r.str("acronym"), Type: domain.OrgType(r.str("type"))}
	case domain.KindCountry:
		n = &domain.Country{Meta: meta, Name: r.str("name"), Aliases: r.strs("aliases"), ISO: r.str("iso")}
	case domain.KindRole:
		n = &domain.Role{Meta: meta, Title: r.str("title"), From: r.date("validFrom"), To: r.date("validTo")}
	case domain.KindMeeting:
		m := &domain.Meeting{Meta: meta, Title: r.str("title"), Series: r.str("series"),
			Sequence: r.intPtr("sequence"), Date: r.date("date"),
			Location: r.str("location"), Format: domain.MeetingFormat(r.str("format"))}
		docs, err := d.documents()
		if err != nil {
			return nil, err
		}
		m.DocumentsSigned = docs
		n = m
	case domain.KindCommitment:
		c := &domain.Commitment{Meta: meta, Statement: r.str("statement"),
			Kind: domain.CommitmentKind(r.str("kind")), Status: domain.CommitmentStatus(r.str("status")),
			Date: r.date("date")}
		if v, ok := d.props["amountValue"]; ok && v != nil {
			c.Amount = &domain.Amount{Value: r.float("amountValue"), MaxValue: r.floatPtr("amountMaxValue"),
				Currency: r.str("amountCurrency"), Approximate: r.boolean("amountApproximate")}
		}
		n = c
	case domain.KindProject:
		n = &domain.Project{Meta: meta, Name: r.str("name"), Aliases: r.strs("aliases"),
			Description: r.str("description"), Location: r.str("location"),
			Status: domain.ProjectStatus(r.str("status"))}
	case domain.KindProgramme:
		n = &domain.Programme{Meta: meta, Name: r.str("name"), Aliases: r.strs("aliases"),
			Acronym: r.str("acronym"), Description: r.str("description")}
	case domain.KindPillar:
		n = &domain.Pillar{Meta: meta, Name: r.str("name"),
			Number: r.intPtr("number"), Description: r.str("description")}
	case domain.KindFigure:
		n = &domain.Figure{Meta: meta, Metric: r.str("metric"),
			Value: r.float("value"), MaxValue: r.floatPtr("maxValue"), Unit: r.str("unit"),
			Approximate: r.boolean("approximate"), AsOf: r.date("asOf")}
	case domain.KindSource:
		n = &domain.Source{Meta: meta, Title: r.str("title"), Publisher: r.str("publisher"),
			Published: r.date("published"), URL: r.str("url"), File: r.str("file")}
	default:
		return nil, badRecord("unknown kind %q", d.kind)
	}
	if r.err != nil {
		return nil, badRecord("%s: %v", d.id, r.err)
	}
	if err := d.setLinks(n); err != nil {
		return nil, err
	}
	return n, nil
}

// setLinks fills the relation fields of n from the record's relationships.
func (d *nodeData) setLinks(n domain.Node) error {
	for _, r := range domain.RelFieldsOf(d.kind) {
		links := d.links[r.Type]
		if len(links) == 0 {
			continue
		}
		refs := make([]domain.Ref, len(links))
		for i, l := range links {
			refs[i].ID = l.other
			if r.LinkProps {
				ev, err := d.evidenceOf(l.evidence)
				if err != nil {
					return err
				}
				refs[i].Capacity, refs[i].Evidence = l.capacity, ev
			}
		}
		r.Set(n, refs)
	}
	return nil
}

// documents returns a meeting's signed documents in order.
func (d *nodeData) documents() ([]domain.SignedDocuments, error) {
	idx := make([]int, len(d.docs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(d.dlink[a].position, d.dlink[b].position) })
	var out []domain.SignedDocuments
	for _, i := range idx {
		r := &reader{props: d.docs[i].Props}
		ev, err := d.evidenceOf(d.dlink[i].evidence)
		if err != nil {
			return nil, err
		}
		doc := domain.SignedDocuments{Description: r.str("description"), Count: r.intPtr("count"), Evidence: ev}
		if r.err != nil {
			return nil, badRecord("%s document: %v", d.id, r.err)
		}
		out = append(out, doc)
	}
	return out, nil
}
