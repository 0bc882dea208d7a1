package seed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/corridor-kg/corridor/domain"
)

// Graph is what validation needs to know of the nodes already stored when it
// checks a change (ValidateNodes) or an import (LoadJSON, LoadCSV): references
// may point at stored nodes, a parent chain may run through them, and a stored
// meeting may already hold a number in its series.
type Graph interface {
	// Node returns the stored node with the ID, or nil when there is none.
	Node(id string) domain.Node
	// MeetingNumbered returns the ID of the stored meeting with the sequence
	// number in the series, or "" when there is none.
	MeetingNumbered(series string, sequence int) string
}

// maxStoredDepth bounds a walk up a chain of stored parents.
const maxStoredDepth = 1 << 16

// ValidateOptions tunes ValidateNodes.
type ValidateOptions struct {
	// SeedsDir is the directory of the source texts. When set, every quote that
	// cites a source whose file is in it is checked against the text, as Load does.
	SeedsDir string
}

// ValidateNodes checks nodes about to be written beside the stored graph with
// the rules of Load: ID shape, required fields, enum values, dates, ranges,
// evidence on every claim, references to existing nodes of the right kind
// (in nodes or stored), no parent cycles, one meeting per number in a series,
// quote lengths, and quotes against their source text when opts.SeedsDir holds it.
// A node in nodes replaces the stored node with its ID. Sources need no file.
//
// It returns the nodes as Load would hold them (defaults applied, Origin SEED:
// the caller sets the origin) or ValidationErrors naming each record and field
// path, without file or line.
func ValidateNodes(ctx context.Context, nodes []domain.Node, stored Graph, opts ValidateOptions) ([]domain.Node, error) {
	if stored == nil {
		stored = emptyGraph{}
	}
	l := newLoader()
	l.stored = stored
	for i, n := range nodes {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("seed: validating: %w", err)
		}
		if n == nil {
			l.errorAt("", nil, fmt.Sprintf("record #%d", i+1), "", "no record")
			continue
		}
		l.loadRecord("", n.NodeKind(), i, Encode(n))
	}
	if err := l.finish(ctx, opts.SeedsDir, opts.SeedsDir == ""); err != nil {
		return nil, err
	}
	return l.ds.Nodes(), nil
}

// emptyGraph is a Graph without nodes.
type emptyGraph struct{}

func (emptyGraph) Node(string) domain.Node            { return nil }
func (emptyGraph) MeetingNumbered(string, int) string { return "" }

// storedTexts adds to texts the normalised text of every stored source cited by
// a pending quote whose file is in seedsDir. Sources without a text on disk (a
// curated source) are left out: their quotes cannot be checked.
func (l *loader) storedTexts(seedsDir string, texts, names map[string]string) {
	if l.stored == nil {
		return
	}
	for _, q := range l.quotes {
		if _, done := texts[q.sourceID]; done {
			continue
		}
		if _, inLoad := l.sources[q.sourceID]; inLoad {
			continue
		}
		s, ok := l.stored.Node(q.sourceID).(*domain.Source)
		if !ok || s.File == "" || !isPlainFileName(s.File) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(seedsDir, s.File))
		if err != nil {
			continue
		}
		texts[q.sourceID] = Normalize(string(data))
		names[q.sourceID] = s.File
	}
}

// Encode returns a node as a record of the seed format (FORMAT.md): a YAML
// mapping with the field names of the data files. Empty values are left out.
func Encode(n domain.Node) *yaml.Node {
	m := &mapping{node: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
	m.str("id", n.NodeID())
	switch n := n.(type) {
	case *domain.Source:
		m.str("title", n.Title)
		m.str("publisher", n.Publisher)
		m.date("published", "publishedText", n.Published)
		m.str("url", n.URL)
		m.str("file", n.File)
	case *domain.Country:
		m.str("name", n.Name)
		m.strs("aliases", n.Aliases)
		m.str("iso", n.ISO)
	case *domain.Person:
		m.str("name", n.Name)
		m.strs("aliases", n.Aliases)
		m.str("nationality", n.NationalityID)
	case *domain.Organization:
		m.str("name", n.Name)
		m.strs("aliases", n.Aliases)
		m.str("acronym", n.Acronym)
		m.str("type", string(n.Type))
		m.str("country", n.CountryID)
		m.str("parent", n.ParentID)
	case *domain.Role:
		m.str("person", n.PersonID)
		m.str("title", n.Title)
		m.str("organization", n.OrganizationID)
		m.date("from", "fromText", n.From)
		m.date("to", "toText", n.To)
	case *domain.Meeting:
		m.str("title", n.Title)
		m.str("series", n.Series)
		m.intp("sequence", n.Sequence)
		m.str("body", n.BodyID)
		m.date("date", "dateText", n.Date)
		m.str("location", n.Location)
		m.str("format", string(n.Format))
		m.strs("organizers", n.OrganizerIDs)
		if len(n.Participants) > 0 {
			seq := m.seq("participants")
			for _, p := range n.Participants {
				pm := &mapping{node: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
				pm.str("actor", p.ActorID)
				pm.str("capacity", p.Capacity)
				pm.evidence(p.Evidence)
				seq.Content = append(seq.Content, pm.node)
			}
		}
		if len(n.DocumentsSigned) > 0 {
			seq := m.seq("documentsSigned")
			for _, d := range n.DocumentsSigned {
				dm := &mapping{node: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
				dm.str("description", d.Description)
				dm.intp("count", d.Count)
				dm.evidence(d.Evidence)
				seq.Content = append(seq.Content, dm.node)
			}
		}
	case *domain.Commitment:
		m.str("statement", n.Statement)
		m.str("kind", string(n.Kind))
		m.str("status", string(n.Status))
		m.strs("madeBy", n.MadeByIDs)
		m.strs("madeTo", n.MadeToIDs)
		m.str("madeAt", n.MadeAtID)
		m.date("date", "dateText", n.Date)
		m.strs("concerns", n.ConcernIDs)
		if a := n.Amount; a != nil {
			am := &mapping{node: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
			am.float("value", a.Value)
			am.floatp("maxValue", a.MaxValue)
			am.str("currency", a.Currency)
			am.boolean("approximate", a.Approximate)
			m.add("amount", am.node)
		}
	case *domain.Project:
		m.str("name", n.Name)
		m.strs("aliases", n.Aliases)
		m.str("description", n.Description)
		m.str("location", n.Location)
		m.str("status", string(n.Status))
		m.strs("pillars", n.PillarIDs)
		m.strs("programmes", n.ProgrammeIDs)
		m.strs("partners", n.PartnerIDs)
	case *domain.Programme:
		m.str("name", n.Name)
		m.str("acronym", n.Acronym)
		m.strs("aliases", n.Aliases)
		m.str("description", n.Description)
		m.str("partOf", n.PartOfID)
	case *domain.Pillar:
		m.str("name", n.Name)
		m.str("programme", n.ProgrammeID)
		m.intp("number", n.Number)
		m.str("description", n.Description)
	case *domain.Figure:
		m.str("subject", n.SubjectID)
		m.str("metric", n.Metric)
		m.float("value", n.Value)
		m.floatp("maxValue", n.MaxValue)
		m.str("unit", n.Unit)
		if n.Approximate {
			m.boolean("approximate", true)
		}
		m.date("asOf", "asOfText", n.AsOf)
		m.strs("saidBy", n.SaidByIDs)
	}
	m.str("note", metaOf(n).Note)
	m.evidence(n.NodeEvidence())
	return m.node
}

// metaOf returns the Meta of any node.
func metaOf(n domain.Node) domain.Meta {
	switch n := n.(type) {
	case *domain.Person:
		return n.Meta
	case *domain.Organization:
		return n.Meta
	case *domain.Country:
		return n.Meta
	case *domain.Role:
		return n.Meta
	case *domain.Meeting:
		return n.Meta
	case *domain.Commitment:
		return n.Meta
	case *domain.Project:
		return n.Meta
	case *domain.Programme:
		return n.Meta
	case *domain.Pillar:
		return n.Meta
	case *domain.Figure:
		return n.Meta
	case *domain.Source:
		return n.Meta
	}
	return domain.Meta{}
}

// mapping builds a YAML mapping field by field.
type mapping struct{ node *yaml.Node }

func (m *mapping) add(key string, v *yaml.Node) {
	m.node.Content = append(m.node.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

func scalar(tag, v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

func (m *mapping) str(key, v string) {
	if v != "" {
		m.add(key, scalar("!!str", v))
	}
}

func (m *mapping) strs(key string, vs []string) {
	if len(vs) > 0 {
		s := m.seq(key)
		for _, v := range vs {
			s.Content = append(s.Content, scalar("!!str", v))
		}
	}
}

func (m *mapping) seq(key string) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	m.add(key, s)
	return s
}

func (m *mapping) intp(key string, v *int) {
	if v != nil {
		m.add(key, scalar("!!int", strconv.Itoa(*v)))
	}
}

func (m *mapping) float(key string, v float64) {
	m.add(key, scalar("!!float", strconv.FormatFloat(v, 'g', -1, 64)))
}

func (m *mapping) floatp(key string, v *float64) {
	if v != nil {
		m.float(key, *v)
	}
}

func (m *mapping) boolean(key string, v bool) {
	m.add(key, scalar("!!bool", strconv.FormatBool(v)))
}

func (m *mapping) date(key, textKey string, d domain.PartialDate) {
	m.str(key, d.Value)
	m.str(textKey, d.Text)
}

func (m *mapping) evidence(evs []domain.Evidence) {
	if len(evs) == 0 {
		return
	}
	s := m.seq("evidence")
	for _, e := range evs {
		em := &mapping{node: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
		em.str("source", e.SourceID)
		em.str("quote", e.Quote)
		em.str("attribution", string(e.Attribution))
		em.str("speaker", e.SpeakerID)
		s.Content = append(s.Content, em.node)
	}
}
