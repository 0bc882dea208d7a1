package neo4j

import (
	"fmt"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/rank"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// The graph model (docs/neo4j.md has the diagram):
//
//   - every record is a node with the shared label :Node and its kind's label
//     (:Person, :Organization, …), its fields as properties (lists as list
//     properties, absent values as no property), an origin (SEED or CURATED) and a
//     few derived properties the adapter reads (sortLabel, date bounds, search keys);
//   - every reference a record holds is a relationship of one of domain.RelTypes,
//     owned by the record that holds the reference (see ownedOut and ownedIn); its
//     position property keeps the order of the record's list and its evidence
//     property lists the IDs of the Evidence nodes supporting the claim;
//   - evidence is (:Evidence {id, quote, attribution, speaker, claim, position})
//     -[:CITES]->(:Source), linked from the record that holds it by SUPPORTED_BY —
//     the record's own evidence (claim NODE) and that of its participations
//     (PARTICIPATION) and signed documents (DOCUMENT);
//   - documents signed at a meeting are (:Meeting)-[:SIGNED]->(:Document);
//   - (:Dataset {id: "corridor", version}) holds the dataset version.

// Labels and relationship types of the adapter's own, beside the domain's.
const (
	labelNode     = "Node"
	labelEvidence = "Evidence"
	labelDocument = "Document"
	labelDataset  = "Dataset"
	// Curation's own nodes (write.go): tombstones of merged and deleted IDs, the
	// audit trail, and the one node whose lock serialises writes.
	labelTombstone = "Tombstone"
	labelAudit     = "Audit"
	labelCuration  = "Curation"
	relSupported   = "SUPPORTED_BY"
	relCites       = "CITES"
	relSigned      = "SIGNED"
	// datasetID is the id of the single :Dataset node.
	datasetID = "corridor"
)

// Properties of the adapter's own nodes and of every relationship (the records'
// properties are those encode writes).
var (
	evidenceProps     = []string{"id", "quote", "attribution", "speaker", "claim", "position"}
	documentProps     = []string{"id", "description", "count"}
	datasetProps      = []string{"id", "version"}
	relationshipProps = []string{"position", "evidence", "capacity"}
	tombstoneProps    = []string{"id", "survivor"}
	auditProps        = []string{"seq", "writeSeq", "at", "actor", "action", "nodeId", "before", "after"}
	curationProps     = []string{"id", "locked", "writes", "entries"}
)

// Evidence claims: which part of a record a piece of evidence supports.
const (
	claimNode          = "NODE"
	claimParticipation = "PARTICIPATION"
	claimDocument      = "DOCUMENT"
)

// label returns the Neo4j label of a node kind: PERSON → Person.
func label(k domain.Kind) string {
	s := strings.ToLower(string(k))
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// kindOfLabels returns the kind named by one of a node's labels.
func kindOfLabels(labels []string) domain.Kind {
	for _, l := range labels {
		for _, k := range domain.Kinds {
			if label(k) == l {
				return k
			}
		}
	}
	return ""
}

// ownedOut lists the relationship types owned by their start node (the record
// holding the reference is the one the relationship leaves); ownedIn those owned
// by their end node (domain.HeldByTo). fragments/node.cypher and
// seed/clear.cypher list the same types (a test keeps them in step).
var ownedOut, ownedIn = func() (out, in []domain.RelType) {
	for _, t := range domain.RelTypes {
		if domain.HeldByTo(t) {
			in = append(in, t)
		} else {
			out = append(out, t)
		}
	}
	return out, in
}()

// nodeRow is a record's own properties, as sent to seed/nodes.cypher.
type nodeRow struct {
	id    string
	props map[string]any
}

// relRow is one relationship derived from a record's fields.
type relRow struct {
	typ      domain.RelType
	from, to string
	position int
	evidence []string
	capacity string
}

// evidenceRow is one Evidence node and the record holding it.
type evidenceRow struct {
	owner, id, source, quote, attribution, speaker, claim string
	position                                              int
}

// documentRow is one (:Document) signed at a meeting.
type documentRow struct {
	meeting, id, description string
	count                    *int
	position                 int
	evidence                 []string
}

// encoded is everything one record writes to the graph.
type encoded struct {
	node      nodeRow
	rels      []relRow
	evidence  []evidenceRow
	documents []documentRow
}

// Deterministic IDs of the Evidence and Document nodes a record owns.
func evidenceID(owner string, j int) string { return fmt.Sprintf("%s#evidence/%d", owner, j) }
func participationEvidenceID(owner string, i, j int) string {
	return fmt.Sprintf("%s#participant/%d/evidence/%d", owner, i, j)
}
func documentID(owner string, i int) string { return fmt.Sprintf("%s#document/%d", owner, i) }
func documentEvidenceID(owner string, i, j int) string {
	return fmt.Sprintf("%s#document/%d/evidence/%d", owner, i, j)
}

// nullable returns nil for "", so an absent field is stored as no property.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// list returns nil for a nil slice (no property) and the strings otherwise.
func list(xs []string) any {
	if xs == nil {
		return nil
	}
	return append([]string{}, xs...)
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func floatOrNil(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// setDate writes a PartialDate as <name>, <name>Precision, <name>Text and the
// bounds <name>Start and <name>End used by date-range filters.
func setDate(props map[string]any, name string, d domain.PartialDate) {
	props[name] = nullable(d.Value)
	props[name+"Precision"] = string(d.Precision())
	props[name+"Text"] = nullable(d.Text)
	props[name+"Start"] = nullable(d.Start())
	props[name+"End"] = nullable(d.End())
}

// encode returns what a record writes to the graph.
func encode(n domain.Node) encoded {
	id := n.NodeID()
	var e encoded
	props := map[string]any{}
	meta := metaOf(n)
	origin := meta.Origin
	if origin == "" {
		origin = domain.OriginSeed
	}
	props["origin"] = string(origin)
	props["note"] = nullable(meta.Note)
	props["sortLabel"] = nullable(textnorm.Normalize(n.Label()))
	setSearchProps(props, n)

	nodeEvidence := make([]string, len(meta.Evidence))
	for j, ev := range meta.Evidence {
		nodeEvidence[j] = evidenceID(id, j)
		e.evidence = append(e.evidence, evidenceRowOf(id, nodeEvidence[j], ev, claimNode, j))
	}
	for _, r := range domain.RelFieldsOf(n.NodeKind()) {
		for i, ref := range r.Refs(n) {
			row := relRow{typ: r.Type, from: id, to: ref.ID, position: i, evidence: nodeEvidence}
			if r.Inbound {
				row.from, row.to = ref.ID, id
			}
			if r.LinkProps {
				row.capacity, row.evidence = ref.Capacity, make([]string, len(ref.Evidence))
				for j, ev := range ref.Evidence {
					row.evidence[j] = participationEvidenceID(id, i, j)
					e.evidence = append(e.evidence, evidenceRowOf(id, row.evidence[j], ev, claimParticipation, j))
				}
			}
			if id != "" {
				e.rels = append(e.rels, row)
			}
		}
	}

	switch n := n.(type) {
	case *domain.Person:
		props["name"] = nullable(n.Name)
		props["aliases"] = list(n.Aliases)
	case *domain.Organization:
		props["name"] = nullable(n.Name)
		props["aliases"] = list(n.Aliases)
		props["acronym"] = nullable(n.Acronym)
		props["type"] = nullable(string(n.Type))
	case *domain.Country:
		props["name"] = nullable(n.Name)
		props["aliases"] = list(n.Aliases)
		props["iso"] = nullable(n.ISO)
	case *domain.Role:
		props["title"] = nullable(n.Title)
		setDate(props, "validFrom", n.From)
		setDate(props, "validTo", n.To)
	case *domain.Meeting:
		props["title"] = nullable(n.Title)
		props["series"] = nullable(n.Series)
		props["sequence"] = intOrNil(n.Sequence)
		setDate(props, "date", n.Date)
		props["location"] = nullable(n.Location)
		props["format"] = nullable(string(n.Format))
		for i, d := range n.DocumentsSigned {
			ids := make([]string, len(d.Evidence))
			for j, ev := range d.Evidence {
				ids[j] = documentEvidenceID(id, i, j)
				e.evidence = append(e.evidence, evidenceRowOf(id, ids[j], ev, claimDocument, j))
			}
			e.documents = append(e.documents, documentRow{meeting: id, id: documentID(id, i),
				description: d.Description, count: d.Count, position: i, evidence: ids})
		}
	case *domain.Commitment:
		props["statement"] = nullable(n.Statement)
		props["kind"] = nullable(string(n.Kind))
		props["status"] = nullable(string(n.Status))
		setDate(props, "date", n.Date)
		props["amountValue"], props["amountMaxValue"], props["amountCurrency"], props["amountApproximate"] = nil, nil, nil, nil
		if a := n.Amount; a != nil {
			props["amountValue"] = a.Value
			props["amountMaxValue"] = floatOrNil(a.MaxValue)
			props["amountCurrency"] = nullable(a.Currency)
			props["amountApproximate"] = a.Approximate
		}
	case *domain.Project:
		props["name"] = nullable(n.Name)
		props["aliases"] = list(n.Aliases)
		props["description"] = nullable(n.Description)
		props["location"] = nullable(n.Location)
		props["status"] = nullable(string(n.Status))
	case *domain.Programme:
		props["name"] = nullable(n.Name)
		props["aliases"] = list(n.Aliases)
		props["acronym"] = nullable(n.Acronym)
		props["description"] = nullable(n.Description)
	case *domain.Pillar:
		props["name"] = nullable(n.Name)
		props["number"] = intOrNil(n.Number)
		props["description"] = nullable(n.Description)
	case *domain.Figure:
		props["metric"] = nullable(n.Metric)
		props["value"] = n.Value
		props["maxValue"] = floatOrNil(n.MaxValue)
		props["unit"] = nullable(n.Unit)
		props["approximate"] = n.Approximate
		setDate(props, "asOf", n.AsOf)
	case *domain.Source:
		props["title"] = nullable(n.Title)
		props["publisher"] = nullable(n.Publisher)
		setDate(props, "published", n.Published)
		props["url"] = nullable(n.URL)
		props["file"] = nullable(n.File)
	}
	e.node = nodeRow{id: id, props: props}
	return e
}

func evidenceRowOf(owner, id string, ev domain.Evidence, claim string, position int) evidenceRow {
	return evidenceRow{owner: owner, id: id, source: ev.SourceID, quote: ev.Quote,
		attribution: string(ev.Attribution), speaker: ev.SpeakerID, claim: claim, position: position}
}

// metaOf returns the Meta of a record (an empty one for a foreign Node type).
func metaOf(n domain.Node) *domain.Meta {
	if m := domain.MetaOf(n); m != nil {
		return m
	}
	return &domain.Meta{}
}

// setSearchProps writes the derived search properties: searchText (every
// normalised form of the text-filter fields, one per line, so a substring match
// stays within one field), and for the full-text index searchTokens (every word of
// the searchable fields), searchExact (each whole searchable field as one token)
// and searchKind.
func setSearchProps(props map[string]any, n domain.Node) {
	var text strings.Builder
	for _, f := range domain.TextFields(n) {
		for _, form := range textnorm.Forms(f) {
			text.WriteString(form)
			text.WriteByte('\n')
		}
	}
	props["searchText"] = nullable(text.String())
	var tokens, exact []string
	seenTok, seenExact := map[string]bool{}, map[string]bool{}
	for _, f := range rank.Fields(n) {
		for _, w := range textnorm.AllTokens(f.Text) {
			if !seenTok[w] {
				seenTok[w] = true
				tokens = append(tokens, w)
			}
		}
		for _, form := range textnorm.Forms(f.Text) {
			k := exactToken(form)
			if !seenExact[k] {
				seenExact[k] = true
				exact = append(exact, k)
			}
		}
	}
	props["searchTokens"] = nullable(strings.Join(tokens, " "))
	props["searchExact"] = nullable(strings.Join(exact, " "))
	props["searchKind"] = strings.ToLower(string(n.NodeKind()))
}

// exactToken turns a normalised form into one whitespace-free token.
func exactToken(form string) string { return strings.ReplaceAll(form, " ", "_") }
