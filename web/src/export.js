// Export of graph-shaped results through the server's export endpoints,
// GET /export/{format}?ids=a,b,c (see export/http.go). Pure functions, no
// DOM: the playground's Export panel (exportPlugin.jsx) renders their output,
// and export.test.js checks them with node --test.

/** The export formats, in menu order, as /export/{id} serves them. */
export const EXPORT_FORMATS = [
  { id: 'graphml', label: 'GraphML (Gephi, yEd, Cytoscape)' },
  { id: 'gexf', label: 'GEXF (Gephi)' },
  { id: 'csv', label: 'CSV nodes and edges (zip)' },
  { id: 'json', label: 'Cytoscape.js JSON' },
  { id: 'cypher', label: 'Cypher (Neo4j)' },
];

/** A node ID such as person:yao-jing: a lower-case kind, a colon, a slug. */
const NODE_ID = /^[a-z]+:\S+$/;

function isNodeID(v) {
  return typeof v === 'string' && NODE_ID.test(v);
}

/**
 * Returns the node IDs of every subgraph or path in a GraphQL result, in the
 * order first seen. A subgraph or path is an object with a `nodes` list and an
 * `edges` list (Query.neighborhood, Query.paths); its IDs are those of its
 * nodes (`id`) and of its edges' ends (`source`, `target`), whichever the query
 * selected. Other lists of nodes (a Relay connection's `nodes`) do not count.
 * @param {unknown} result a GraphQL response ({data, errors})
 * @returns {string[]}
 */
export function graphNodeIDs(result) {
  const seen = new Set();
  const add = (v) => {
    if (isNodeID(v)) seen.add(v);
  };
  const walk = (v) => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v.nodes) && Array.isArray(v.edges)) {
      for (const n of v.nodes) if (n && typeof n === 'object') add(n.id);
      for (const e of v.edges) {
        if (e && typeof e === 'object') {
          add(e.source);
          add(e.target);
        }
      }
    }
    Object.values(v).forEach(walk);
  };
  if (result && typeof result === 'object') walk(result.data);
  return [...seen];
}

/**
 * Returns one same-origin download link per export format for the given
 * node IDs, or none when there are no IDs. IDs are URL-encoded, joined with
 * commas as the ids parameter expects.
 * @param {string[]} ids
 * @param {string} [base] the path the export handler is mounted at
 * @returns {{format: string, label: string, href: string}[]}
 */
export function exportLinks(ids, base = '/export/') {
  if (!ids.length) return [];
  const query = 'ids=' + ids.map(encodeURIComponent).join(',');
  return EXPORT_FORMATS.map((f) => ({ format: f.id, label: f.label, href: `${base}${f.id}?${query}` }));
}
