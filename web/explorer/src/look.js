// How each node kind is drawn: one colour and shape per kind, shared by the
// canvas, its legend and the SVG export. Colours are dark enough for white
// label halos and distinct for common colour blindness (with the shapes as a
// second cue).

/** kindLook maps a node kind to its fill colour and Cytoscape shape. */
export const kindLook = {
  PERSON: { color: '#2f6fb5', shape: 'ellipse' },
  ORGANIZATION: { color: '#7a4fb3', shape: 'round-rectangle' },
  COUNTRY: { color: '#3d8c6e', shape: 'hexagon' },
  MEETING: { color: '#c4661f', shape: 'diamond' },
  COMMITMENT: { color: '#b83b5e', shape: 'round-rectangle' },
  ROLE: { color: '#5f7482', shape: 'ellipse' },
  PROJECT: { color: '#8a6d1f', shape: 'rectangle' },
  PROGRAMME: { color: '#2b7f8f', shape: 'hexagon' },
  PILLAR: { color: '#4d8a2f', shape: 'triangle' },
  FIGURE: { color: '#6b6b6b', shape: 'rectangle' },
  SOURCE: { color: '#444444', shape: 'rectangle' },
};

/** lookOf returns the look of a kind (a neutral one for an unknown kind). */
export function lookOf(kind) {
  return kindLook[kind] ?? { color: '#6b6b6b', shape: 'ellipse' };
}
