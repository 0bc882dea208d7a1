package export

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// gexfTypes maps column types to GEXF attribute types.
var gexfTypes = map[colType]string{tString: "string", tInt: "integer", tDouble: "double", tBool: "boolean", tList: "string"}

// WriteGEXF writes g as GEXF 1.2 (namespace http://www.gexf.net/1.2draft), the
// version every Gephi release, NetworkX, igraph and sigma.js/graphology read.
// Node and edge attributes are declared in <attributes class="node"|"edge">;
// <meta> names Corridor as creator and gives the dataset version and export time.
// A node's label is its display name; an edge's label is its own label or, when
// it has none, its relationship type.
func WriteGEXF(ctx context.Context, w io.Writer, g *Snapshot, opts Options) error {
	if err := g.check(); err != nil {
		return err
	}
	at := opts.exportedAt()
	s := newStream(ctx, w)
	s.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.str(`<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">` + "\n")
	s.str(`  <meta lastmodifieddate="` + at.Format(time.DateOnly) + "\">\n")
	s.str("    <creator>" + Generator + "</creator>\n")
	s.str("    <keywords>CPEC, China, Pakistan, information technology, commitments, dataset version ")
	s.xml(g.Version)
	s.str("</keywords>\n")
	s.str("    <description>")
	s.xml(description(g, at))
	s.str("</description>\n  </meta>\n")
	s.str(`  <graph mode="static" defaultedgetype="directed" idtype="string">` + "\n")

	attribute := func(c column) {
		s.str(`      <attribute id="` + c.name + `" title="` + c.name + `" type="` + gexfTypes[c.typ] + `"/>` + "\n")
	}
	s.str(`    <attributes class="node" mode="static">` + "\n")
	attribute(nodeHeadColumns[0]) // kind; the label is the node's label attribute
	for _, c := range nodeColumns {
		attribute(c)
	}
	attribute(evidenceTextColumn)
	for _, c := range evidenceColumns {
		attribute(c)
	}
	s.str("    </attributes>\n")
	s.str(`    <attributes class="edge" mode="static">` + "\n")
	for _, c := range edgeHeadColumns {
		attribute(c)
	}
	attribute(evidenceTextColumn)
	for _, c := range evidenceColumns {
		attribute(c)
	}
	s.str("    </attributes>\n")

	value := func(id, v string) {
		if v == "" {
			return
		}
		s.str(`          <attvalue for="` + id + `" value="`)
		s.xml(v)
		s.str("\"/>\n")
	}
	evidence := func(evs []domain.Evidence) {
		if len(evs) == 0 {
			return
		}
		value("evidence", g.evidenceText(evs))
		for i, v := range evidenceCells(evs) {
			if v != "" {
				value(evidenceColumns[i].name, v)
			}
		}
	}

	s.str(`    <nodes count="` + strconv.Itoa(len(g.Nodes)) + "\">\n")
	r := newRow()
	for _, n := range g.Nodes {
		s.item()
		s.str(`      <node id="`)
		s.xml(n.NodeID())
		s.str(`" label="`)
		s.xml(n.Label())
		s.str("\">\n        <attvalues>\n")
		value("kind", string(n.NodeKind()))
		r.fill(n)
		for i, c := range nodeColumns {
			if r[i].set {
				value(c.name, r[i].text())
			}
		}
		evidence(nodeEvidence(n))
		s.str("        </attvalues>\n      </node>\n")
	}
	s.str("    </nodes>\n")
	s.str(`    <edges count="` + strconv.Itoa(len(g.Edges)) + "\">\n")
	for _, e := range g.Edges {
		s.item()
		label := e.Label
		if label == "" {
			label = string(e.Type)
		}
		s.str(`      <edge id="`)
		s.xml(e.ID)
		s.str(`" source="`)
		s.xml(e.From)
		s.str(`" target="`)
		s.xml(e.To)
		s.str(`" label="`)
		s.xml(label)
		s.str("\">\n        <attvalues>\n")
		value("edge_id", e.ID)
		value("type", string(e.Type))
		value("label", e.Label)
		evidence(e.Evidence)
		s.str("        </attvalues>\n      </edge>\n")
	}
	s.str("    </edges>\n  </graph>\n</gexf>\n")
	return s.finish("GEXF")
}
