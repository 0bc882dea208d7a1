package seed

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/corridor-kg/corridor/domain"
)

// The separators of the CSV tables, as package export writes them.
const (
	csvListSeparator     = "; "
	csvEvidenceSeparator = " | "
)

// csvField says how a nodes.csv column maps to a field of the seed format.
type csvField struct {
	field string
	tag   string // YAML tag of the value: !!str, !!int, !!float, !!bool
	list  bool   // joined with csvListSeparator
}

// csvCommon are the columns every kind may fill (besides the evidence columns);
// csvIgnored are exported but derived (label, precisions) or set by the import (origin).
var (
	csvCommon  = map[string]csvField{"note": {"note", "!!str", false}}
	csvIgnored = []string{"label", "origin", "valid_from_precision", "valid_to_precision", "date_precision",
		"as_of_precision", "published_precision"}
	// csvEvidence are the evidence columns, aligned lists; evidence_speakers may
	// be absent or empty (no quote has a speaker).
	csvEvidence = []string{"evidence_quotes", "evidence_sources", "evidence_attributions", "evidence_speakers"}
)

func str(field string) csvField   { return csvField{field, "!!str", false} }
func list(field string) csvField  { return csvField{field, "!!str", true} }
func integ(field string) csvField { return csvField{field, "!!int", false} }
func float(field string) csvField { return csvField{field, "!!float", false} }

// csvColumns maps, per kind, the nodes.csv columns to seed fields. Amount
// columns and documents_signed are read apart.
var csvColumns = map[domain.Kind]map[string]csvField{
	domain.KindPerson:       {"name": str("name"), "aliases": list("aliases")},
	domain.KindOrganization: {"name": str("name"), "aliases": list("aliases"), "acronym": str("acronym"), "type": str("type")},
	domain.KindCountry:      {"name": str("name"), "aliases": list("aliases"), "iso": str("iso")},
	domain.KindRole: {"title": str("title"), "valid_from": str("from"), "valid_from_text": str("fromText"),
		"valid_to": str("to"), "valid_to_text": str("toText")},
	domain.KindMeeting: {"title": str("title"), "series": str("series"), "sequence": integ("sequence"), "date": str("date"),
		"date_text": str("dateText"), "location": str("location"), "format": str("format"), "documents_signed": list("documentsSigned")},
	domain.KindCommitment: {"statement": str("statement"), "commitment_kind": str("kind"), "status": str("status"),
		"date": str("date"), "date_text": str("dateText"), "amount_value": float("value"), "amount_max_value": float("maxValue"),
		"amount_currency": str("currency"), "amount_approximate": {"approximate", "!!bool", false}},
	domain.KindProject: {"name": str("name"), "aliases": list("aliases"), "description": str("description"),
		"location": str("location"), "status": str("status")},
	domain.KindProgramme: {"name": str("name"), "aliases": list("aliases"), "acronym": str("acronym"), "description": str("description")},
	domain.KindPillar:    {"name": str("name"), "description": str("description"), "number": integ("number")},
	domain.KindFigure: {"metric": str("metric"), "value": float("value"), "max_value": float("maxValue"), "unit": str("unit"),
		"approximate": {"approximate", "!!bool", false}, "as_of": str("asOf"), "as_of_text": str("asOfText")},
	domain.KindSource: {"title": str("title"), "publisher": str("publisher"), "published": str("published"),
		"published_text": str("publishedText"), "url": str("url"), "file": str("file")},
}

// amountFieldsCSV are the Commitment fields that go into its amount.
var amountFieldsCSV = []string{"value", "maxValue", "currency", "approximate"}

// csvTable is a parsed CSV file: its rows and each cell's position.
type csvTable struct {
	file   string
	names  []string
	header map[string]int
	rows   [][]string
	pos    [][][2]int // row → column → line, column
}

// readCSV parses a CSV file with a header row; a malformed file is a
// ValidationError at the line and column the parser stopped.
func readCSV(file string, data []byte, required []string) (*csvTable, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	t := &csvTable{file: file, header: map[string]int{}}
	head, err := r.Read()
	if err == io.EOF {
		return nil, ValidationErrors{{File: file, Message: "empty: expected a header row"}}
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	for i, h := range head {
		if _, dup := t.header[h]; dup {
			line, col := r.FieldPos(i)
			return nil, ValidationErrors{{File: file, Line: line, Column: col, Field: h, Message: "column given twice"}}
		}
		t.header[h] = i
	}
	t.names = head
	for _, h := range required {
		if _, ok := t.header[h]; !ok {
			return nil, ValidationErrors{{File: file, Line: 1, Message: fmt.Sprintf("no %q column; the header must hold %s", h, strings.Join(required, ", "))}}
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		pos := make([][2]int, len(rec))
		for i := range rec {
			pos[i][0], pos[i][1] = r.FieldPos(i)
		}
		t.rows = append(t.rows, rec)
		t.pos = append(t.pos, pos)
	}
}

// csvError turns a CSV parse error into a ValidationError with its position.
func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return ValidationErrors{{File: file, Line: pe.Line, Column: pe.Column, Message: "not valid CSV: " + pe.Err.Error()}}
	}
	return fmt.Errorf("seed: reading %s: %w", file, err)
}

// cell returns a row's value of a column and a scalar node at its position.
func (t *csvTable) cell(row int, col string, tag string) (string, *yaml.Node) {
	i, ok := t.header[col]
	if !ok || i >= len(t.rows[row]) {
		return "", nil
	}
	v := t.rows[row][i]
	return v, yamlPos(scalar(tag, v), t.pos[row][i][0], t.pos[row][i][1])
}

// LoadCSV reads the nodes.csv and edges.csv tables of a CSV export (package
// export) back into records, validates them as LoadJSON does, and returns them as
// a dataset or ValidationErrors naming file, line, column, record and field.
// Lists are split on "; ", evidence lists on " | " (evidence_speakers may be
// absent, as in exports of older versions). The flat tables do not hold
// everything: documents signed at a meeting take the meeting's evidence (the
// tables list a meeting's evidence and its documents' as one). A relationship's record (see the edge
// types in domain.Edges) must be in nodes.csv. edges may be nil.
func LoadCSV(ctx context.Context, nodesFile string, nodes []byte, edgesFile string, edges []byte, stored Graph, opts ImportOptions) (*domain.Dataset, error) {
	if stored == nil {
		stored = emptyGraph{}
	}
	l := newLoader()
	l.stored, l.columns, l.fileOf = stored, true, map[*yaml.Node]string{}
	nt, err := readCSV(nodesFile, nodes, []string{"id", "kind"})
	if err != nil {
		return nil, err
	}
	type rec struct {
		kind domain.Kind
		m    *mapping
		// parts collects the participants of a meeting from edges.csv.
		parts *yaml.Node
	}
	var order []*rec
	byID := map[string]*rec{}
	for row := range nt.rows {
		if row%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("seed: loading %s: %w", nodesFile, err)
			}
		}
		r := &record{l: l, file: nodesFile, id: fmt.Sprintf("row %d", row+2)}
		kindText, kindNode := nt.cell(row, "kind", "!!str")
		kind := domain.Kind(kindText)
		cols, ok := csvColumns[kind]
		if !ok {
			r.errorf(kindNode, "kind", "%q is not a node kind (%s)", kindText, domain.JoinValues(domain.Kinds))
			continue
		}
		id, idNode := nt.cell(row, "id", "!!str")
		m := &mapping{node: yamlPos(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, idNode.Line, idNode.Column)}
		addAt := func(key string, v *yaml.Node) {
			m.node.Content = append(m.node.Content, yamlPos(scalar("!!str", key), v.Line, v.Column), v)
		}
		addAt("id", idNode)
		var amount *mapping
		var evidence [4]*yaml.Node
		for i, col := range nt.names {
			if i >= len(nt.rows[row]) || nt.rows[row][i] == "" || col == "id" || col == "kind" || slices.Contains(csvIgnored, col) {
				continue
			}
			text, v := nt.cell(row, col, "!!str")
			if j := slices.Index(csvEvidence, col); j >= 0 {
				evidence[j] = v
				continue
			}
			f, ok := cols[col]
			if !ok {
				f, ok = csvCommon[col]
			}
			if !ok {
				r.id = id
				r.errorf(v, col, "the column %s does not apply to a %s", col, kind)
				continue
			}
			v.Tag = f.tag
			switch {
			case kind == domain.KindCommitment && slices.Contains(amountFieldsCSV, f.field):
				if amount == nil {
					amount = &mapping{node: yamlPos(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, v.Line, v.Column)}
					addAt("amount", amount.node)
				}
				amount.node.Content = append(amount.node.Content, yamlPos(scalar("!!str", f.field), v.Line, v.Column), v)
			case f.list:
				seq := yamlPos(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}, v.Line, v.Column)
				for _, item := range strings.Split(text, csvListSeparator) {
					seq.Content = append(seq.Content, yamlPos(scalar("!!str", item), v.Line, v.Column))
				}
				addAt(f.field, seq)
			default:
				addAt(f.field, v)
			}
		}
		evNode := csvEvidenceList(r, evidence, idNode)
		if evNode != nil {
			addAt("evidence", evNode)
		}
		// Documents signed rest on the meeting's evidence (not exported apart).
		for j := 0; j+1 < len(m.node.Content); j += 2 {
			if m.node.Content[j].Value == "documentsSigned" && m.node.Content[j+1].Kind == yaml.SequenceNode {
				for k, d := range m.node.Content[j+1].Content {
					dm := &mapping{node: yamlPos(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, d.Line, d.Column)}
					dm.node.Content = append(dm.node.Content, yamlPos(scalar("!!str", "description"), d.Line, d.Column), d)
					if evNode != nil {
						dm.node.Content = append(dm.node.Content, scalar("!!str", "evidence"), evNode)
					}
					m.node.Content[j+1].Content[k] = dm.node
				}
			}
		}
		rc := &rec{kind: kind, m: m}
		if id != "" {
			if _, dup := byID[id]; !dup {
				byID[id] = rc
			}
		}
		order = append(order, rc)
	}
	if edges != nil {
		et, err := readCSV(edgesFile, edges, []string{"source", "target", "type"})
		if err != nil {
			return nil, err
		}
		for row := range et.rows {
			r := &record{l: l, file: edgesFile, id: fmt.Sprintf("row %d", row+2)}
			typText, typNode := et.cell(row, "type", "!!str")
			from, fromNode := et.cell(row, "source", "!!str")
			to, toNode := et.cell(row, "target", "!!str")
			for _, n := range []*yaml.Node{typNode, fromNode, toNode} {
				l.fileOf[n] = edgesFile
			}
			typ := domain.RelType(typText)
			if !slices.Contains(domain.RelTypes, typ) {
				r.errorf(typNode, "type", "%q is not a relationship type (%s)", typText, domain.JoinValues(domain.RelTypes))
				continue
			}
			holderID, holderNode, otherNode := from, fromNode, toNode
			if domain.HeldByTo(typ) {
				holderID, holderNode, otherNode = to, toNode, fromNode
			}
			rc, ok := byID[holderID]
			if !ok {
				r.errorf(holderNode, "", "%s is not in %s: a %s relationship is held by %q, whose row must be imported with it", holderID, nodesFile, typText, holderID)
				continue
			}
			// A holder of a kind without the relation gets the field of the
			// first kind that has it, which the record's check then reports.
			h := domain.RelFieldOfType(rc.kind, typ)
			if h == nil {
				h = domain.RelFieldsOfType(typ)[0]
			}
			field := h.Field
			key := yamlPos(scalar("!!str", field), otherNode.Line, otherNode.Column)
			l.fileOf[key] = edgesFile
			switch {
			case h.LinkProps:
				if rc.parts == nil {
					rc.parts = yamlPos(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}, otherNode.Line, otherNode.Column)
					rc.m.node.Content = append(rc.m.node.Content, key, rc.parts)
				}
				pm := yamlPos(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, otherNode.Line, otherNode.Column)
				l.fileOf[pm] = edgesFile
				pm.Content = append(pm.Content, scalar("!!str", "actor"), otherNode)
				if capacity, capNode := et.cell(row, "label", "!!str"); capacity != "" {
					l.fileOf[capNode] = edgesFile
					pm.Content = append(pm.Content, scalar("!!str", "capacity"), capNode)
				}
				var evidence [4]*yaml.Node
				for j, col := range csvEvidence {
					if text, v := et.cell(row, col, "!!str"); text != "" {
						l.fileOf[v] = edgesFile
						evidence[j] = v
					}
				}
				if ev := csvEvidenceList(r, evidence, otherNode); ev != nil {
					pm.Content = append(pm.Content, scalar("!!str", "evidence"), ev)
				}
				rc.parts.Content = append(rc.parts.Content, pm)
			case h.Many:
				seq := existingSeq(rc.m.node, field)
				if seq == nil {
					seq = yamlPos(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}, otherNode.Line, otherNode.Column)
					rc.m.node.Content = append(rc.m.node.Content, key, seq)
				}
				seq.Content = append(seq.Content, otherNode)
			default:
				rc.m.node.Content = append(rc.m.node.Content, key, otherNode)
			}
		}
	}
	for i, rc := range order {
		l.loadRecord(nodesFile, rc.kind, i, rc.m.node)
	}
	if err := l.finish(ctx, opts.SeedsDir, opts.SeedsDir == ""); err != nil {
		return nil, err
	}
	return l.ds, nil
}

// existingSeq returns the list value of key in a mapping, or nil.
func existingSeq(m *yaml.Node, key string) *yaml.Node {
	for j := 0; j+1 < len(m.Content); j += 2 {
		if m.Content[j].Value == key && m.Content[j+1].Kind == yaml.SequenceNode {
			return m.Content[j+1]
		}
	}
	return nil
}

// csvEvidenceList builds an evidence list from the aligned quotes, sources,
// attributions and (optional) speakers cells (nil when all are empty). Lists of different lengths are
// reported at the quotes cell (or at is when it is absent).
func csvEvidenceList(r *record, cells [4]*yaml.Node, at *yaml.Node) *yaml.Node {
	if cells[0] == nil && cells[1] == nil && cells[2] == nil {
		return nil
	}
	var parts [4][]string
	for i, c := range cells {
		if c != nil && c.Value != "" {
			parts[i] = strings.Split(c.Value, csvEvidenceSeparator)
		}
	}
	speakers := parts[3] != nil
	if len(parts[0]) != len(parts[1]) || len(parts[0]) != len(parts[2]) || speakers && len(parts[3]) != len(parts[0]) {
		where := at
		for _, c := range cells {
			if c != nil {
				where = c
				break
			}
		}
		r.errorf(where, "evidence_quotes", "%d quotes, %d sources, %d attributions and %d speakers: the evidence lists must be aligned (joined with %q; speakers may be empty)",
			len(parts[0]), len(parts[1]), len(parts[2]), len(parts[3]), csvEvidenceSeparator)
		return nil
	}
	seq := yamlPos(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}, cells[0].Line, cells[0].Column)
	if f, ok := r.l.fileOf[cells[0]]; ok {
		r.l.fileOf[seq] = f
	}
	for i := range parts[0] {
		em := yamlPos(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, cells[0].Line, cells[0].Column)
		for j, key := range []string{"quote", "source", "attribution", "speaker"} {
			if j == 3 && (!speakers || parts[3][i] == "") {
				continue
			}
			v := yamlPos(scalar("!!str", parts[j][i]), cells[j].Line, cells[j].Column)
			if f, ok := r.l.fileOf[cells[j]]; ok {
				r.l.fileOf[v] = f
			}
			em.Content = append(em.Content, scalar("!!str", key), v)
		}
		if f, ok := r.l.fileOf[cells[0]]; ok {
			r.l.fileOf[em] = f
		}
		seq.Content = append(seq.Content, em)
	}
	return seq
}
