package export

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// graphMLTypes maps column types to GraphML attr.type values.
var graphMLTypes = map[colType]string{tString: "string", tInt: "int", tDouble: "double", tBool: "boolean", tList: "string"}

// WriteGraphML writes g as GraphML 1.0 (http://graphml.graphdrawing.org/), which
// Gephi, yEd, Cytoscape desktop, NetworkX and igraph open. Node and edge
// attributes are declared as <key>s, each with a <desc>; lists are joined with
// ListSeparator (evidence lists with EvidenceSeparator); an absent value has no
// <data>. The graph is directed; the dataset version and the export time are
// graph-level data and in <desc>.
//
// GraphML IDs are XML name tokens, so an edge's id is its domain ID with "|"
// replaced by "--"; the domain ID itself is the edge_id attribute.
func WriteGraphML(ctx context.Context, w io.Writer, g *Snapshot, opts Options) error {
	if err := g.check(); err != nil {
		return err
	}
	at := opts.exportedAt()
	s := newStream(ctx, w)
	s.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.str(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	s.str("  <desc>")
	s.xml(description(g, at))
	s.str("</desc>\n")
	key := func(prefix, domainFor string, c column) {
		s.str(`  <key id="` + prefix + c.name + `" for="` + domainFor + `" attr.name="` + c.name + `" attr.type="` + graphMLTypes[c.typ] + `">`)
		s.str("<desc>")
		s.xml(c.doc)
		s.str("</desc></key>\n")
	}
	for _, c := range graphColumns {
		key("g_", "graph", c)
	}
	for _, c := range nodeHeadColumns {
		key("n_", "node", c)
	}
	for _, c := range nodeColumns {
		key("n_", "node", c)
	}
	key("n_", "node", evidenceTextColumn)
	for _, c := range evidenceColumns {
		key("n_", "node", c)
	}
	for _, c := range edgeHeadColumns {
		key("e_", "edge", c)
	}
	key("e_", "edge", evidenceTextColumn)
	for _, c := range evidenceColumns {
		key("e_", "edge", c)
	}

	s.str(`  <graph id="corridor" edgedefault="directed">` + "\n")
	data := func(indent, key, v string) {
		if v == "" {
			return
		}
		s.str(indent + `<data key="` + key + `">`)
		s.xml(v)
		s.str("</data>\n")
	}
	data("    ", "g_dataset_version", g.Version)
	data("    ", "g_exported_at", at.Format(time.RFC3339))
	data("    ", "g_generator", Generator)
	evidence := func(prefix string, evs []domain.Evidence) {
		if len(evs) == 0 {
			return
		}
		data("      ", prefix+"evidence", g.evidenceText(evs))
		for i, v := range evidenceCells(evs) {
			if v != "" {
				data("      ", prefix+evidenceColumns[i].name, v)
			}
		}
	}

	r := newRow()
	for _, n := range g.Nodes {
		s.item()
		s.str(`    <node id="`)
		s.xml(n.NodeID())
		s.str("\">\n")
		data("      ", "n_kind", string(n.NodeKind()))
		data("      ", "n_label", n.Label())
		r.fill(n)
		for i, c := range nodeColumns {
			if r[i].set {
				data("      ", "n_"+c.name, r[i].text())
			}
		}
		evidence("n_", nodeEvidence(n))
		s.str("    </node>\n")
	}
	for _, e := range g.Edges {
		s.item()
		s.str(`    <edge id="`)
		s.xml(strings.ReplaceAll(e.ID, "|", "--"))
		s.str(`" source="`)
		s.xml(e.From)
		s.str(`" target="`)
		s.xml(e.To)
		s.str("\">\n")
		data("      ", "e_edge_id", e.ID)
		data("      ", "e_type", string(e.Type))
		data("      ", "e_label", e.Label)
		evidence("e_", e.Evidence)
		s.str("    </edge>\n")
	}
	s.str("  </graph>\n</graphml>\n")
	return s.finish("GraphML")
}
