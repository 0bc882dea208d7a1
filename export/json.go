package export

import (
	"context"
	"encoding/json"
	"io"
	"time"

	"github.com/corridor-kg/corridor/domain"
)

// WriteJSON writes g in the Cytoscape.js elements format, which Cytoscape.js
// loads with cy.add(json.elements) and Cytoscape desktop imports as
// "Cytoscape.js JSON":
//
//	{"format_version": "1.0", "generated_by": "Corridor", "target_cytoscapejs_version": "~3",
//	 "data": {"name", "version", "exported_at", "description"},
//	 "elements": {"nodes": [{"data": {"id", "kind", "label", …, "evidence": [...]}}],
//	              "edges": [{"data": {"id", "source", "target", "type", "label", "evidence": [...]}}]}}
//
// Node attributes keep their types (numbers, booleans, lists of strings); absent
// values are left out. Evidence is a list of {quote, source, attribution, speaker}.
func WriteJSON(ctx context.Context, w io.Writer, g *Snapshot, opts Options) error {
	if err := g.check(); err != nil {
		return err
	}
	at := opts.exportedAt()
	s := newStream(ctx, w)
	s.str(`{"format_version":"1.0","generated_by":"` + Generator + `","target_cytoscapejs_version":"~3","data":{"name":"Corridor","version":`)
	s.json(g.Version)
	s.str(`,"exported_at":`)
	s.json(at.Format(time.RFC3339))
	s.str(`,"description":`)
	s.json(description(g, at))
	s.str("},\"elements\":{\"nodes\":[\n")
	r := newRow()
	for i, n := range g.Nodes {
		s.item()
		if i > 0 {
			s.str(",\n")
		}
		s.str(`{"data":{"id":`)
		s.json(n.NodeID())
		s.str(`,"kind":`)
		s.json(string(n.NodeKind()))
		s.str(`,"label":`)
		s.json(n.Label())
		r.fill(n)
		for j, c := range nodeColumns {
			if !r[j].set {
				continue
			}
			s.str(`,"` + c.name + `":`)
			switch c.typ {
			case tInt, tDouble, tBool:
				s.str(r[j].str) // strconv output is a valid JSON literal
			case tList:
				s.json(r[j].list)
			default:
				s.json(r[j].str)
			}
		}
		s.str(`,"evidence":`)
		s.evidenceJSON(nodeEvidence(n))
		s.str("}}")
	}
	s.str("\n],\"edges\":[\n")
	for i, e := range g.Edges {
		s.item()
		if i > 0 {
			s.str(",\n")
		}
		s.str(`{"data":{"id":`)
		s.json(e.ID)
		s.str(`,"source":`)
		s.json(e.From)
		s.str(`,"target":`)
		s.json(e.To)
		s.str(`,"type":`)
		s.json(string(e.Type))
		if e.Label != "" {
			s.str(`,"label":`)
			s.json(e.Label)
		}
		s.str(`,"evidence":`)
		s.evidenceJSON(e.Evidence)
		s.str("}}")
	}
	s.str("\n]}}\n")
	return s.finish("Cytoscape.js JSON")
}

// jsonEvidence is the JSON shape of one piece of evidence.
type jsonEvidence struct {
	Quote       string `json:"quote"`
	Source      string `json:"source"`
	Attribution string `json:"attribution"`
	Speaker     string `json:"speaker,omitempty"`
}

// evidenceJSON writes evidence as a JSON array (never null).
func (s *stream) evidenceJSON(evs []domain.Evidence) {
	list := make([]jsonEvidence, len(evs))
	for i, ev := range evs {
		list[i] = jsonEvidence{Quote: ev.Quote, Source: ev.SourceID, Attribution: string(ev.Attribution), Speaker: ev.SpeakerID}
	}
	s.json(list)
}

// json writes v encoded as JSON.
func (s *stream) json(v any) {
	if s.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		s.err = err
		return
	}
	_, s.err = s.bw.Write(b)
}
