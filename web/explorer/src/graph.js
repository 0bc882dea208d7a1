// What the canvas shows, computed from the neighbourhoods the explorer fetched:
// pure functions, shared by the canvas, the accessible table beside it and the
// export links (graph.test.js checks them).

/**
 * visibleGraph returns the nodes and edges the canvas draws: the union of the
 * centres' neighbourhoods (the focus node and every expanded node), with the
 * filters applied.
 *
 * A node is kept when it is a centre, or linked to a centre by an edge of an
 * allowed type in that centre's neighbourhood (so a type filter prunes what only
 * that type brought in, as the API's neighborhood(relationTypes) does), and when
 * its kind is allowed and it is not a hub left out. Centres are always kept. An
 * edge is kept when its type is allowed and both its ends are kept; extraEdges
 * (the edges among the nodes that no single neighbourhood holds, see
 * api.induced) count too.
 *
 * @param {object} a
 * @param {string[]} a.centres the focus node first, then the expanded nodes
 * @param {Map<string, {nodes: object[], edges: object[], truncated: boolean}>} a.hoods
 * @param {string[]} a.kinds allowed node kinds (empty: all)
 * @param {string[]} a.rels allowed relationship types (empty: all)
 * @param {'faded'|'shown'|'hidden'} a.hubs
 * @param {object[]} [a.extraEdges]
 */
export function visibleGraph({ centres, hoods, kinds, rels, hubs, extraEdges = [] }) {
  const kindOK = (n) => !kinds.length || kinds.includes(n.kind);
  const relOK = (e) => !rels.length || rels.includes(e.type);
  const centreSet = new Set(centres.filter((c) => hoods.has(c)));
  const all = new Map();
  const edges = new Map();
  const kindsPresent = new Set();
  const relsPresent = new Set();
  const reached = new Set(centreSet);
  let truncated = false;
  for (const c of centreSet) {
    const hood = hoods.get(c);
    truncated ||= hood.truncated;
    for (const n of hood.nodes) {
      if (!all.has(n.id)) all.set(n.id, n);
      kindsPresent.add(n.kind);
    }
    for (const e of hood.edges) {
      edges.set(e.id, e);
      relsPresent.add(e.type);
      if (relOK(e) && (e.source === c || e.target === c)) {
        reached.add(e.source === c ? e.target : e.source);
      }
    }
  }
  for (const e of extraEdges) if (!edges.has(e.id)) edges.set(e.id, e);

  const nodes = [];
  const kept = new Set();
  for (const n of all.values()) {
    const centre = centreSet.has(n.id);
    if (!centre && (!reached.has(n.id) || !kindOK(n) || (n.hub && hubs === 'hidden'))) continue;
    kept.add(n.id);
    nodes.push({ ...n, centre, focus: n.id === centres[0] });
  }
  const shown = [...edges.values()].filter((e) => relOK(e) && kept.has(e.source) && kept.has(e.target));
  nodes.sort((a, b) => Number(b.focus) - Number(a.focus) || Number(b.centre) - Number(a.centre) || a.id.localeCompare(b.id));
  shown.sort((a, b) => a.id.localeCompare(b.id));
  return { nodes, edges: shown, kindsPresent: [...kindsPresent], relsPresent: [...relsPresent], truncated };
}

/**
 * pathGraph returns the drawing of paths: the union of their nodes and hops, with
 * the nodes and hops of the selected path marked.
 * @param {{nodes: object[], edges: object[]}[]} paths
 * @param {number} selected index into paths
 */
export function pathGraph(paths, selected) {
  const nodes = new Map();
  const edges = new Map();
  paths.forEach((p, i) => {
    for (const n of p.nodes) {
      const prev = nodes.get(n.id);
      nodes.set(n.id, { ...n, onPath: (prev?.onPath ?? false) || i === selected });
    }
    for (const e of p.edges) {
      const prev = edges.get(e.id);
      edges.set(e.id, { ...e, onPath: (prev?.onPath ?? false) || i === selected });
    }
  });
  const first = paths[selected]?.nodes;
  const ends = first ? [first[0].id, first[first.length - 1].id] : [];
  return {
    nodes: [...nodes.values()].map((n) => ({ ...n, centre: ends.includes(n.id), focus: n.id === ends[0] })),
    edges: [...edges.values()],
  };
}

/** kindsOf returns the distinct kinds of nodes, in order of first appearance. */
export function kindsOf(nodes) {
  return [...new Set(nodes.map((n) => n.kind))];
}
