package export

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/corridor-kg/corridor/domain"
)

// Labels and property keys of the Cypher export's own, beside the domain's.
const (
	cypherNodeLabel    = "Node"
	cypherDatasetLabel = "Dataset"
	cypherDatasetID    = "corridor"
)

// cypherLabels maps every node kind to its Neo4j label (PERSON → Person), as the
// Neo4j adapter names them. Labels come only from this whitelist, never from data.
var cypherLabels = func() map[domain.Kind]string {
	m := make(map[domain.Kind]string, len(domain.Kinds))
	for _, k := range domain.Kinds {
		s := strings.ToLower(string(k))
		m[k] = strings.ToUpper(s[:1]) + s[1:]
	}
	return m
}()

// WriteCypher writes a Cypher 5 script that recreates g in an empty Neo4j
// database (cypher-shell < file.cypher): a uniqueness constraint on :Node(id),
// a (:Dataset {id: "corridor"}) node holding the version and export time, then
// one MERGE statement per node — labels :Node and its kind's label, its
// attributes as properties, lists as list properties — and one per relationship,
// typed by its domain.RelType, with its label and its evidence as list
// properties (evidence_quotes, evidence_sources, evidence_attributions, and evidence_speakers when a quote has a speaker).
//
// A script cannot use parameters, so every value is a literal written by
// CypherString; labels, relationship types and property keys come only from the
// domain's enums and this package's column names, never from data. Statements end
// with ";" and a line break; the script is idempotent (MERGE) and can be re-run.
func WriteCypher(ctx context.Context, w io.Writer, g *Snapshot, opts Options) error {
	if err := g.check(); err != nil {
		return err
	}
	at := opts.exportedAt()
	s := newStream(ctx, w)
	s.str("// " + strings.ReplaceAll(description(g, at), "\n", " ") + "\n")
	s.str("// Recreates the graph in an empty Neo4j 5 database:\n")
	s.str("//   cypher-shell -a neo4j://localhost:7687 -u neo4j -p <password> < corridor.cypher\n")
	s.str("// Evidence is simplified to list properties on nodes and relationships (see the Exports section of README.md).\n")
	s.str("CREATE CONSTRAINT corridor_node_id IF NOT EXISTS FOR (n:" + cypherNodeLabel + ") REQUIRE n.id IS UNIQUE;\n")
	s.str("MERGE (d:" + cypherDatasetLabel + " {id: " + CypherString(cypherDatasetID) + "}) SET d.version = ")
	s.str(CypherString(g.Version))
	s.str(", d.exported_at = " + CypherString(at.Format(time.RFC3339)) + ", d.generator = " + CypherString(Generator) + ";\n")

	r := newRow()
	for _, n := range g.Nodes {
		s.item()
		label, ok := cypherLabels[n.NodeKind()]
		if !ok {
			return fmt.Errorf("export: node %s has unknown kind %q", n.NodeID(), n.NodeKind())
		}
		s.str("MERGE (n:" + cypherNodeLabel + " {id: ")
		s.str(CypherString(n.NodeID()))
		s.str("}) SET n:" + label + ", n += {kind: ")
		s.str(CypherString(string(n.NodeKind())))
		s.str(", label: ")
		s.str(CypherString(n.Label()))
		r.fill(n)
		for i, c := range nodeColumns {
			if !r[i].set {
				continue
			}
			s.str(", " + c.name + ": ")
			s.str(cypherValue(c.typ, r[i]))
		}
		s.cypherEvidence(nodeEvidence(n))
		s.str("};\n")
	}
	for _, e := range g.Edges {
		s.item()
		if !domain.Valid(e.Type, domain.RelTypes) {
			return fmt.Errorf("export: edge %s has unknown relationship type %q", e.ID, e.Type)
		}
		s.str("MATCH (a:" + cypherNodeLabel + " {id: ")
		s.str(CypherString(e.From))
		s.str("}) MATCH (b:" + cypherNodeLabel + " {id: ")
		s.str(CypherString(e.To))
		s.str("}) MERGE (a)-[r:" + string(e.Type) + "]->(b) SET r += {edge_id: ")
		s.str(CypherString(e.ID))
		if e.Label != "" {
			s.str(", label: ")
			s.str(CypherString(e.Label))
		}
		s.cypherEvidence(e.Evidence)
		s.str("};\n")
	}
	return s.finish("Cypher")
}

// cypherEvidence writes the evidence list properties of a map literal (nothing
// when there is no evidence).
func (s *stream) cypherEvidence(evs []domain.Evidence) {
	if len(evs) == 0 {
		return
	}
	for i, l := range evidenceLists(evs) {
		if l != nil {
			s.str(", " + evidenceColumns[i].name + ": " + cypherList(l))
		}
	}
}

// cypherValue returns a cell as a Cypher literal of the column's type.
func cypherValue(t colType, c cell) string {
	switch t {
	case tInt, tBool:
		return c.str
	case tDouble:
		v, err := strconv.ParseFloat(c.str, 64)
		if err != nil {
			return "null"
		}
		// 'f' never uses an exponent; a float literal needs its decimal point.
		lit := strconv.FormatFloat(v, 'f', -1, 64)
		if !strings.Contains(lit, ".") {
			lit += ".0"
		}
		return lit
	case tList:
		return cypherList(c.list)
	}
	return CypherString(c.str)
}

// cypherList returns a list of string literals.
func cypherList(vs []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(CypherString(v))
	}
	b.WriteByte(']')
	return b.String()
}

// CypherString returns s as a single-quoted Cypher string literal that evaluates
// to s exactly. It escapes the backslash, both quote characters, and line breaks,
// tabs, backspace and form feed with their short escapes; every other control
// character, the Unicode line and paragraph separators and the byte-order mark
// become \uXXXX, and invalid UTF-8 becomes \uFFFD. Other characters, curly
// quotes and non-Latin scripts included, are written as they are (the script is
// UTF-8). Nothing in s can end the literal: a quote is always preceded by a
// backslash that is not itself escaped.
func CypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\uFFFD`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'':
			b.WriteString(`\'`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20, r >= 0x7F && r <= 0x9F, r == 0x2028, r == 0x2029, r == 0xFEFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
