package export

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
)

// colType is the value type of an attribute column.
type colType int

// Column types. Lists are joined with ListSeparator in the flat formats
// (GraphML, GEXF, CSV) and stay lists in JSON and Cypher.
const (
	tString colType = iota
	tInt
	tDouble
	tBool
	tList
)

// ListSeparator joins list values (aliases, documents signed) in flat formats.
const ListSeparator = "; "

// EvidenceSeparator joins the evidence lists (quotes, sources, attributions) in
// flat formats; quotes often hold semicolons, so it differs from ListSeparator.
const EvidenceSeparator = " | "

// column is one attribute of nodes or edges, under the same name in every format.
type column struct {
	name string
	typ  colType
	// doc says what the column holds, for README.txt.
	doc string
}

// nodeColumns lists every node attribute after id, kind and label, in export
// order. Each node fills the columns of its kind; the others stay empty.
var nodeColumns = []column{
	{"name", tString, "name of a person, organization, country, project, programme or pillar"},
	{"aliases", tList, "other names and spellings"},
	{"acronym", tString, "acronym of an organization or programme (MoIT, CPEC)"},
	{"type", tString, "organization type (MINISTRY, AGENCY, EMBASSY, GROUP…)"},
	{"iso", tString, "ISO 3166-1 alpha-2 code of a country"},
	{"title", tString, "title of a role, a meeting or a source"},
	{"valid_from", tString, "start of a role (YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown)"},
	{"valid_from_precision", tString, "DAY, MONTH, YEAR or UNKNOWN"},
	{"valid_from_text", tString, "the start as the source words it, when relative or vague"},
	{"valid_to", tString, "end of a role"},
	{"valid_to_precision", tString, "DAY, MONTH, YEAR or UNKNOWN"},
	{"valid_to_text", tString, "the end as the source words it"},
	{"series", tString, "meeting series (JCC…)"},
	{"sequence", tInt, "number of a meeting in its series"},
	{"date", tString, "date of a meeting or commitment (YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown)"},
	{"date_precision", tString, "DAY, MONTH, YEAR or UNKNOWN"},
	{"date_text", tString, "the date as the source words it (\"on Tuesday\")"},
	{"location", tString, "where a meeting took place or a project is"},
	{"format", tString, "IN_PERSON, VIDEO_LINK or UNKNOWN"},
	{"documents_signed", tList, "documents signed at a meeting"},
	{"statement", tString, "what a commitment says, in plain words"},
	{"commitment_kind", tString, "PLEDGE, AGREEMENT, ASSURANCE, REQUEST, TARGET, ANNOUNCEMENT or DECISION"},
	{"status", tString, "status of a commitment or project"},
	{"amount_value", tDouble, "amount of a commitment (lower bound of a range)"},
	{"amount_max_value", tDouble, "upper bound of an amount range"},
	{"amount_currency", tString, "ISO 4217 currency of the amount"},
	{"amount_approximate", tBool, "the amount is approximate (\"over\", \"about\")"},
	{"description", tString, "description of a project, programme or pillar"},
	{"number", tInt, "number of a pillar in its programme"},
	{"metric", tString, "what a figure measures"},
	{"value", tDouble, "value of a figure (lower bound of a range)"},
	{"max_value", tDouble, "upper bound of a figure's range"},
	{"unit", tString, "unit of a figure"},
	{"approximate", tBool, "the figure is approximate"},
	{"as_of", tString, "date a figure holds for"},
	{"as_of_precision", tString, "DAY, MONTH, YEAR or UNKNOWN"},
	{"as_of_text", tString, "the as-of date as the source words it"},
	{"publisher", tString, "publisher of a source"},
	{"published", tString, "publication date of a source"},
	{"published_precision", tString, "DAY, MONTH, YEAR or UNKNOWN"},
	{"published_text", tString, "the publication date as the source words it"},
	{"url", tString, "URL of a source, when known"},
	{"file", tString, "file the source text was read from"},
	{"origin", tString, "SEED (bundled dataset) or CURATED"},
	{"note", tString, "curator's note"},
}

// graphColumns are the graph-level attributes.
var graphColumns = []column{
	{"dataset_version", tString, "version of the Corridor dataset exported"},
	{"exported_at", tString, "time of the export (RFC 3339, UTC)"},
	{"generator", tString, "program that wrote the file"},
}

// nodeHeadColumns come before nodeColumns (GraphML, CSV and JSON; in GEXF the
// label is the node's own label attribute).
var nodeHeadColumns = []column{
	{"kind", tString, "node kind: PERSON, ORGANIZATION, COUNTRY, ROLE, MEETING, COMMITMENT, PROJECT, PROGRAMME, PILLAR, FIGURE or SOURCE"},
	{"label", tString, "short display name"},
}

// edgeHeadColumns are the attributes of every edge besides its endpoints.
var edgeHeadColumns = []column{
	{"edge_id", tString, "stable edge ID: <source>|<TYPE>|<target>"},
	{"type", tString, "relationship type (MADE, MADE_TO, MADE_AT, CONCERNS, HOLDS, AT, PARTICIPATED_IN…)"},
	{"label", tString, "short text on the relationship: a participant's capacity, a role's title, a commitment's kind"},
}

// evidenceTextColumn renders all of a record's evidence as readable text.
var evidenceTextColumn = column{"evidence", tString, "every quote with its source title and ID, one per line"}

// evidenceColumns hold a node's or an edge's evidence, one list entry per quote,
// aligned: the n-th source and attribution belong to the n-th quote. Flat
// formats join them with EvidenceSeparator.
var evidenceColumns = []column{
	{"evidence_quotes", tList, "verbatim quotes supporting the record"},
	{"evidence_sources", tList, "ID of the source of each quote"},
	{"evidence_attributions", tList, "whose words each quote holds: DIRECT_QUOTE, REPORTED, ANONYMOUS or ARTICLE"},
	{"evidence_speakers", tList, "ID of the actor who spoke each quote, empty for none (the whole value is empty when no quote has a speaker)"},
}

// cell is one attribute value; set is false for an absent value.
type cell struct {
	set  bool
	str  string
	list []string
}

// text returns the value as flat text (lists joined with ListSeparator).
func (c cell) text() string {
	if c.list != nil {
		return strings.Join(c.list, ListSeparator)
	}
	return c.str
}

// colIndex maps a node column's name to its position in nodeColumns.
var colIndex = func() map[string]int {
	m := make(map[string]int, len(nodeColumns))
	for i, c := range nodeColumns {
		m[c.name] = i
	}
	return m
}()

// row holds the values of nodeColumns for one node.
type row []cell

// newRow returns an empty row for nodeColumns.
func newRow() row { return make(row, len(nodeColumns)) }

func (r row) reset() {
	for i := range r {
		r[i] = cell{}
	}
}

func (r row) str(name, v string) {
	if v != "" {
		r[colIndex[name]] = cell{set: true, str: v}
	}
}

func (r row) list(name string, v []string) {
	if len(v) > 0 {
		r[colIndex[name]] = cell{set: true, list: v}
	}
}

func (r row) intp(name string, v *int) {
	if v != nil {
		r[colIndex[name]] = cell{set: true, str: strconv.Itoa(*v)}
	}
}

// float sets a number; NaN and infinities, which no format can hold, stay absent.
func (r row) float(name string, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return
	}
	r[colIndex[name]] = cell{set: true, str: strconv.FormatFloat(v, 'g', -1, 64)}
}

func (r row) floatp(name string, v *float64) {
	if v != nil {
		r.float(name, *v)
	}
}

func (r row) bool(name string, v bool) {
	r[colIndex[name]] = cell{set: true, str: strconv.FormatBool(v)}
}

// date sets a partial date, its precision (always, UNKNOWN included: unknown is
// a fact worth exporting) and its text.
func (r row) date(name string, d domain.PartialDate) {
	r.str(name, d.Value)
	r.str(name+"_precision", string(d.Precision()))
	r.str(name+"_text", d.Text)
}

// fill sets the row to the attributes of n.
func (r row) fill(n domain.Node) {
	r.reset()
	switch n := n.(type) {
	case *domain.Person:
		r.str("name", n.Name)
		r.list("aliases", n.Aliases)
		r.meta(&n.Meta)
	case *domain.Organization:
		r.str("name", n.Name)
		r.list("aliases", n.Aliases)
		r.str("acronym", n.Acronym)
		r.str("type", string(n.Type))
		r.meta(&n.Meta)
	case *domain.Country:
		r.str("name", n.Name)
		r.list("aliases", n.Aliases)
		r.str("iso", n.ISO)
		r.meta(&n.Meta)
	case *domain.Role:
		r.str("title", n.Title)
		r.date("valid_from", n.From)
		r.date("valid_to", n.To)
		r.meta(&n.Meta)
	case *domain.Meeting:
		r.str("title", n.Title)
		r.str("series", n.Series)
		r.intp("sequence", n.Sequence)
		r.date("date", n.Date)
		r.str("location", n.Location)
		r.str("format", string(n.Format))
		var docs []string
		for _, d := range n.DocumentsSigned {
			s := d.Description
			if d.Count != nil {
				s = strconv.Itoa(*d.Count) + " × " + s
			}
			docs = append(docs, s)
		}
		r.list("documents_signed", docs)
		r.meta(&n.Meta)
	case *domain.Commitment:
		r.str("statement", n.Statement)
		r.str("commitment_kind", string(n.Kind))
		r.str("status", string(n.Status))
		r.date("date", n.Date)
		if a := n.Amount; a != nil {
			r.float("amount_value", a.Value)
			r.floatp("amount_max_value", a.MaxValue)
			r.str("amount_currency", a.Currency)
			r.bool("amount_approximate", a.Approximate)
		}
		r.meta(&n.Meta)
	case *domain.Project:
		r.str("name", n.Name)
		r.list("aliases", n.Aliases)
		r.str("description", n.Description)
		r.str("location", n.Location)
		r.str("status", string(n.Status))
		r.meta(&n.Meta)
	case *domain.Programme:
		r.str("name", n.Name)
		r.list("aliases", n.Aliases)
		r.str("acronym", n.Acronym)
		r.str("description", n.Description)
		r.meta(&n.Meta)
	case *domain.Pillar:
		r.str("name", n.Name)
		r.intp("number", n.Number)
		r.str("description", n.Description)
		r.meta(&n.Meta)
	case *domain.Figure:
		r.str("metric", n.Metric)
		r.float("value", n.Value)
		r.floatp("max_value", n.MaxValue)
		r.str("unit", n.Unit)
		r.bool("approximate", n.Approximate)
		r.date("as_of", n.AsOf)
		r.meta(&n.Meta)
	case *domain.Source:
		r.str("title", n.Title)
		r.str("publisher", n.Publisher)
		r.date("published", n.Published)
		r.str("url", n.URL)
		r.str("file", n.File)
		r.meta(&n.Meta)
	}
}

func (r row) meta(m *domain.Meta) {
	r.str("origin", string(m.Origin))
	r.str("note", m.Note)
}

// nodeEvidence returns the evidence of the facts a node holds: its own and that
// of the documents signed at a meeting. (A participation's evidence belongs to
// its PARTICIPATED_IN edge.)
func nodeEvidence(n domain.Node) []domain.Evidence {
	ev := n.NodeEvidence()
	if m, ok := n.(*domain.Meeting); ok && len(m.DocumentsSigned) > 0 {
		ev = append([]domain.Evidence(nil), ev...)
		for _, d := range m.DocumentsSigned {
			ev = append(ev, d.Evidence...)
		}
	}
	return ev
}

// evidenceLists returns the lists of evidenceColumns, aligned: quotes, sources,
// attributions and speakers. The speakers list is nil when no quote has one.
func evidenceLists(evs []domain.Evidence) [][]string {
	quotes, sources, attributions, speakers := make([]string, len(evs)), make([]string, len(evs)), make([]string, len(evs)), make([]string, len(evs))
	anySpeaker := false
	for i, ev := range evs {
		quotes[i], sources[i], attributions[i], speakers[i] = ev.Quote, ev.SourceID, string(ev.Attribution), ev.SpeakerID
		anySpeaker = anySpeaker || ev.SpeakerID != ""
	}
	if !anySpeaker {
		speakers = nil
	}
	return [][]string{quotes, sources, attributions, speakers}
}

// evidenceCells returns the values of evidenceColumns as flat text, each list
// joined with EvidenceSeparator ("" for the speakers when no quote has one).
func evidenceCells(evs []domain.Evidence) []string {
	lists := evidenceLists(evs)
	cells := make([]string, len(lists))
	for i, l := range lists {
		cells[i] = strings.Join(l, EvidenceSeparator)
	}
	return cells
}

// evidenceText renders evidence for a tooltip or a data table: one line per
// quote, `“quote” — source title [source ID]`.
func (g *Snapshot) evidenceText(evs []domain.Evidence) string {
	var b strings.Builder
	for i, ev := range evs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("“")
		b.WriteString(ev.Quote)
		b.WriteString("” — ")
		if t := g.sourceTitle(ev.SourceID); t != "" {
			b.WriteString(t)
			b.WriteString(" ")
		}
		b.WriteString("[")
		b.WriteString(ev.SourceID)
		b.WriteString("]")
	}
	return b.String()
}

// validUTF8 returns s with each byte that is not part of valid UTF-8 replaced by
// U+FFFD, as the XML and JSON writers do.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}
