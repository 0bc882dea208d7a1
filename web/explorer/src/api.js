// The explorer's only door to the server: every GraphQL query, every export URL,
// and every place where the explorer needs something today's API does not say.
//
// The API grows (issue 12 adds `Node.hub`, `basis` and `note` on links,
// `PartialDate.notBefore`/`notAfter`, `madeByScope: AFFILIATED`). The explorer
// reads the server's schema once (capabilities: introspection of a few types,
// else the published /schema.graphql), and selects each of those fields only
// when the server has it. Until
// then each gap is handled here, and only here, as its comment says:
//
//   - Node.hub: missing → isHub() mirrors the server's own rule for paths
//     (traverse.Index.isHub: Country, Programme and Pillar are hubs).
//   - GraphEdge.basis / GraphEdge.note and PathEdge.basis / PathEdge.note:
//     missing → basis is null and the page says the server does not record it.
//     The basis is never guessed from the quote's text.
//   - PartialDate.notBefore / PartialDate.notAfter: missing → an undated event
//     has no bounds and sits in the timeline's undated lane.
//   - CommitmentFilter.madeByScope (AFFILIATED) with CommitmentEdge.matchedThrough
//     and matchCertain: missing → only the commitments the actor itself made
//     (EXACT, today's meaning of madeBy), and the page says so.
//
// Everything else the explorer shows comes from the answers as they are.

/** The kinds the server treats as hubs while the schema has no Node.hub. */
export const HUB_KINDS_WITHOUT_API = new Set(['COUNTRY', 'PROGRAMME', 'PILLAR']);

/** Node kinds in display order, with their legend names. */
export const KINDS = [
  ['PERSON', 'Person'],
  ['ORGANIZATION', 'Organization'],
  ['COUNTRY', 'Country'],
  ['MEETING', 'Meeting'],
  ['COMMITMENT', 'Commitment'],
  ['ROLE', 'Role'],
  ['PROJECT', 'Project'],
  ['PROGRAMME', 'Programme'],
  ['PILLAR', 'Pillar'],
  ['FIGURE', 'Figure'],
  ['SOURCE', 'Source'],
];

/** The stored relationship types, with their names in words. */
export const RELATION_TYPES = [
  ['NATIONAL_OF', 'national of'],
  ['IN_COUNTRY', 'in country'],
  ['PART_OF', 'part of'],
  ['HOLDS', 'holds role'],
  ['AT', 'role at'],
  ['MEETING_OF', 'meeting of'],
  ['ORGANIZED', 'hosted or organized'],
  ['PARTICIPATED_IN', 'took part in'],
  ['MADE', 'made'],
  ['MADE_TO', 'made to'],
  ['MADE_AT', 'made at'],
  ['CONCERNS', 'concerns'],
  ['IN_PILLAR', 'in pillar'],
  ['IN_PROGRAMME', 'in programme'],
  ['PARTNER_IN', 'partner in'],
  ['PILLAR_OF', 'pillar of'],
  ['STATED', 'stated'],
  ['ABOUT', 'about'],
];

/** The derived relationship types of paths, in words. */
const DERIVED_TYPES = {
  HOLDS_ROLE_AT: 'holds a role at',
  COMMITTED_TO: 'committed to',
  COMMITTED_WITH: 'committed together with',
};

const relationWords = Object.fromEntries(RELATION_TYPES);

/** relationName returns a relationship type in words. */
export function relationName(type) {
  return relationWords[type] ?? DERIVED_TYPES[type] ?? String(type).toLowerCase().replaceAll('_', ' ');
}

const kindWords = Object.fromEntries(KINDS);

/** kindName returns a node kind's legend name. */
export function kindName(kind) {
  return kindWords[kind] ?? kind;
}

/** An error the server answered with: its message and extensions.code. */
export class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/**
 * schemaFields reads the fields of every object, interface and input type of an
 * SDL document: a Map from type name to the Set of its field names. Descriptions,
 * comments and argument lists are dropped first, so that their words and braces
 * are not taken for fields.
 * @param {string} sdl
 * @returns {Map<string, Set<string>>}
 */
export function schemaFields(sdl) {
  const bare = sdl
    .replace(/"""[\s\S]*?"""/g, ' ')
    .replace(/"(?:[^"\\\n]|\\.)*"/g, ' ')
    .replace(/#[^\n]*/g, ' ');
  // Argument lists, innermost first (an argument's default may hold parentheses
  // only inside strings, which are gone).
  let noArgs = bare;
  for (let prev = ''; prev !== noArgs; ) {
    prev = noArgs;
    noArgs = noArgs.replace(/\([^()]*\)/g, ' ');
  }
  const types = new Map();
  const block = /\b(?:type|interface|input|extend\s+type)\s+([_A-Za-z][_0-9A-Za-z]*)[^{]*\{([^{}]*)\}/g;
  for (const m of noArgs.matchAll(block)) {
    const fields = types.get(m[1]) ?? new Set();
    for (const f of m[2].matchAll(/([_A-Za-z][_0-9A-Za-z]*)\s*:/g)) fields.add(f[1]);
    types.set(m[1], fields);
  }
  return types;
}

/**
 * capabilitiesOf says which of the fields the explorer can use are in a schema.
 * @param {Map<string, Set<string>>} fields from schemaFields
 */
export function capabilitiesOf(fields) {
  const has = (type, field) => fields.get(type)?.has(field) ?? false;
  return {
    hub: has('Node', 'hub'),
    edgeBasis: has('GraphEdge', 'basis'),
    edgeNote: has('GraphEdge', 'note'),
    pathBasis: has('PathEdge', 'basis'),
    pathNote: has('PathEdge', 'note'),
    dateBounds: has('PartialDate', 'notBefore') && has('PartialDate', 'notAfter'),
    madeByScope: has('CommitmentFilter', 'madeByScope'),
    matchedThrough: has('CommitmentEdge', 'matchedThrough'),
    passages: has('Source', 'passages'),
    sourceText: has('Source', 'text'),
  };
}

/** The capabilities of a server whose schema could not be read: today's API. */
const TODAY = capabilitiesOf(new Map());

/** The types whose fields capabilitiesOf looks at. */
const CAPABILITY_TYPES = ['Node', 'GraphEdge', 'PathEdge', 'PartialDate', 'CommitmentFilter', 'CommitmentEdge', 'Source'];

let capsPromise;

/**
 * capabilities returns what the server's schema offers, read once: by
 * introspection of the few types that matter (one small query), else, when the
 * server has introspection off, from the published SDL.
 */
export function capabilities() {
  if (!capsPromise) {
    const query = `query ExplorerCapabilities { ${CAPABILITY_TYPES.map((t) => `${t}: __type(name: "${t}") { fields { name } inputFields { name } }`).join(' ')} }`;
    capsPromise = gql(query)
      .then((data) => {
        const fields = new Map();
        for (const t of CAPABILITY_TYPES) {
          const ty = data[t];
          if (ty) fields.set(t, new Set([...(ty.fields ?? []), ...(ty.inputFields ?? [])].map((f) => f.name)));
        }
        return capabilitiesOf(fields);
      })
      .catch(() =>
        fetch('/schema.graphql', { headers: { Accept: 'text/plain' } })
          .then((r) => (r.ok ? r.text() : ''))
          .then((sdl) => capabilitiesOf(schemaFields(sdl))),
      )
      .catch(() => TODAY);
  }
  return capsPromise;
}

/**
 * gql sends one GraphQL query and returns its data. An answer with errors throws
 * an ApiError with the first error's message and code.
 */
export async function gql(query, variables = {}, { signal } = {}) {
  let res;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(`The server could not be reached (${e.message}).`, 'NETWORK', 0);
  }
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The server answered ${res.status} without a GraphQL body.`, 'INTERNAL', res.status);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.message, e.extensions?.code ?? 'INTERNAL', res.status);
  }
  return body.data;
}

// ---------------------------------------------------------------------------
// Fragments
// ---------------------------------------------------------------------------

const DATE = 'value precision text start end';
const dateFields = (caps) => (caps.dateBounds ? `${DATE} notBefore notAfter` : DATE);
const EVIDENCE = 'quote attribution speaker { id label } source { id }';
const hubField = (caps) => (caps.hub ? ' hub' : '');
const REF = 'id nodeKind label';

// ---------------------------------------------------------------------------
// Normalised shapes
// ---------------------------------------------------------------------------

/**
 * isHub says whether a node is a hub: the server's `hub` when the schema has it,
 * else the server's rule for paths, mirrored here (HUB_KINDS_WITHOUT_API).
 */
export function isHub(node) {
  if (typeof node.hub === 'boolean') return node.hub;
  return HUB_KINDS_WITHOUT_API.has(node.kind ?? node.nodeKind);
}

/** evidenceOf turns a GraphQL Evidence into the explorer's shape. */
export function evidenceOf(ev) {
  return {
    quote: ev.quote,
    attribution: ev.attribution,
    speaker: ev.speaker ? { id: ev.speaker.id, label: ev.speaker.label } : null,
    sourceId: ev.source?.id ?? ev.source ?? null,
  };
}

/** nodeOf turns a GraphQL node reference into the explorer's shape. */
function nodeOf(n) {
  const node = { id: n.id, kind: n.nodeKind, label: n.label };
  if (typeof n.hub === 'boolean') node.hub = n.hub;
  node.hub = isHub(node);
  return node;
}

/**
 * basisOf returns a link's basis as the server gives it: {basis, note}, where basis
 * is QUOTED, INFERRED, or null when the server does not record it (no `basis`
 * field yet). Nothing is inferred from the text.
 */
export function basisOf(edge) {
  return { basis: edge.basis ?? null, note: edge.note ?? null };
}

function edgeOf(e) {
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    label: e.label ?? relationName(e.type),
    ...basisOf(e),
    evidence: (e.evidence ?? []).map(evidenceOf),
  };
}

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

/** search returns the hits for a text, best first. */
export async function search(text, { signal, first = 12 } = {}) {
  const data = await gql(
    `query ExplorerSearch($text: String!, $first: Int) {
      search(text: $text, first: $first) { score field exact snippet highlights { start end } node { ${REF} } }
    }`,
    { text, first },
    { signal },
  );
  return data.search.map((h) => ({ ...h, node: nodeOf(h.node) }));
}

/**
 * entityFragments are the named fragments of the entity query. The server limits
 * the field selections a query may hold as written (CORRIDOR_MAX_FIELDS, 300 by
 * default) and counts a fragment once however often it is spread: written out at
 * each use, the same selections made the query 600 fields long.
 */
function entityFragments(caps) {
  return `fragment Ref on Node { id nodeKind label${hubField(caps)} }
    fragment When on PartialDate { ${dateFields(caps)} }
    fragment Ev on Evidence { quote attribution speaker { id label } source { id } }
    fragment Cm on Commitment { id statement kind status date { ...When } madeBy { ...Ref } madeTo { ...Ref } madeAt { id label }
      concerns { ...Ref } amount { value maxValue currency approximate } evidence { ...Ev } }
    fragment Fig on Figure { id metric value maxValue unit approximate asOf { ...When } subject { ...Ref } saidBy { ...Ref } evidence { ...Ev } }
    fragment Mt on Meeting { id title series sequence date { ...When } location format body { ...Ref }
      organizers { ...Ref } participants { actor { ...Ref } capacity evidence { ...Ev } } evidence { ...Ev } }
    fragment Rl on Role { id title from { ...When } to { ...When } evidence { ...Ev } }`;
}

/** entity returns everything the entity view shows of a node, or null. */
export async function entity(id, { signal } = {}) {
  const caps = await capabilities();
  const data = await gql(
    `query ExplorerEntity($id: ID!) {
      node(id: $id) {
        ...Ref note evidence { ...Ev }
        ... on Actor { name aliases commitmentsMade { ...Cm } commitmentsReceived { ...Cm } meetings { ...Mt } figures { ...Fig } }
        ... on Person { nationality { ...Ref } roles { ...Rl organization { ...Ref } } }
        ... on Organization { acronym type country { ...Ref } parent { ...Ref } children { ...Ref }
          members { ...Rl person { ...Ref } } }
        ... on Country { iso }
        ... on Meeting { ...Mt documentsSigned { description count evidence { ...Ev } } commitments { ...Cm } previous { ...Ref } next { ...Ref } }
        ... on Commitment { ...Cm }
        ... on Role { ...Rl person { ...Ref } organization { ...Ref } }
        ... on Project { name aliases description location projectStatus: status pillars { ...Ref } programmes { ...Ref }
          partners { ...Ref } commitments { ...Cm } }
        ... on Pillar { name number description programme { ...Ref } projects { ...Ref } commitments { ...Cm } }
        ... on Programme { name acronym aliases description partOf { ...Ref } pillars { ...Ref } projects { ...Ref }
          commitments { ...Cm } }
        ... on Figure { ...Fig }
        ... on Source { title publisher published { ...When } url }
      }
    }
    ${entityFragments(caps)}`,
    { id },
    { signal },
  );
  return data.node;
}

/** The largest neighbourhood asked of GraphQL; beyond it, the export is used. */
export const GRAPHQL_NEIGHBOURHOOD_LIMIT = 150;
/** The largest neighbourhood the explorer draws (the export's maximum). */
export const LARGE_NEIGHBOURHOOD_LIMIT = 2000;

/**
 * neighbourhood returns the depth-1 (or deeper) subgraph around a node as
 * {nodes, edges, truncated}. Up to GRAPHQL_NEIGHBOURHOOD_LIMIT nodes it asks
 * GraphQL; a larger limit reads /export/json?around=… (Cytoscape elements,
 * streamed, with no complexity limit), as the schema advises.
 */
export async function neighbourhood(id, { depth = 1, limit = GRAPHQL_NEIGHBOURHOOD_LIMIT, signal } = {}) {
  const caps = await capabilities();
  if (limit > GRAPHQL_NEIGHBOURHOOD_LIMIT) return exportNeighbourhood(id, { depth, limit, signal });
  const basis = `${caps.edgeBasis ? ' basis' : ''}${caps.edgeNote ? ' note' : ''}`;
  const data = await gql(
    `query ExplorerNeighbourhood($id: ID!, $depth: Int, $limit: Int) {
      neighborhood(id: $id, depth: $depth, limit: $limit) {
        nodes { ${REF}${hubField(caps)} }
        edges { id type source target label${basis} evidence { ${EVIDENCE} } }
        truncated
      }
    }`,
    { id, depth, limit },
    { signal },
  );
  const n = data.neighborhood;
  return { nodes: n.nodes.map(nodeOf), edges: n.edges.map(edgeOf), truncated: n.truncated };
}

/** Every kind but SOURCE: an export with `kinds` leaves the cited sources out. */
const KINDS_BUT_SOURCES = KINDS.map(([k]) => k).filter((k) => k !== 'SOURCE');

/** exportNeighbourhood reads a neighbourhood from /export/json?around=…. */
async function exportNeighbourhood(id, { depth, limit, signal }) {
  const q = new URLSearchParams({ around: id, depth: String(depth), limit: String(limit), kinds: KINDS_BUT_SOURCES.join(',') });
  const { elements, truncated } = await readExport(q.toString(), signal);
  return { ...fromElements(elements), truncated };
}

/** readExport fetches /export/json with a query: its elements and truncation. */
async function readExport(query, signal) {
  const res = await fetch(`/export/json?${query}`, { signal });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The export answered ${res.status} without a body.`, 'INTERNAL', res.status);
  }
  if (!res.ok) {
    const e = body.errors?.[0];
    throw new ApiError(e?.message ?? `export: HTTP ${res.status}`, e?.extensions?.code ?? 'INTERNAL', res.status);
  }
  return { elements: body.elements, truncated: res.headers.get('X-Corridor-Truncated') === 'true' };
}

/**
 * fromElements turns Cytoscape.js elements of an export into {nodes, edges}. The
 * export's evidence names its source and speaker by ID.
 */
export function fromElements(elements) {
  const nodes = elements.nodes.map(({ data }) => nodeOf({ id: data.id, nodeKind: data.kind, label: data.label, hub: data.hub }));
  const edges = elements.edges.map(({ data }) => ({
    ...edgeOf({ ...data, evidence: [] }),
    evidence: (data.evidence ?? []).map((ev) => ({
      quote: ev.quote,
      attribution: ev.attribution,
      speaker: ev.speaker ? { id: ev.speaker, label: null } : null,
      sourceId: ev.source,
    })),
  }));
  return { nodes, edges };
}

/**
 * induced returns the edges among the given nodes (of the given kinds), of the
 * given types (all when empty), as the export's ids= filter computes them. The canvas uses it when it
 * shows more than one neighbourhood, so that it draws every edge among what it
 * shows, exactly as its export will hold.
 */
export async function induced(ids, kinds, relTypes, { signal } = {}) {
  const { elements } = await readExport(exportParams(ids, kinds, relTypes), signal);
  return fromElements(elements).edges;
}

/**
 * exportParams returns the query of /export/{format} for exactly a drawing: the
 * node IDs, their kinds (so that no cited source is added) and, when the drawing
 * keeps only some, the relationship types.
 * @param {string[]} ids
 * @param {string[]|null} kinds the kinds of the nodes (null: every kind but SOURCE)
 * @param {string[]} relTypes empty: every type
 */
export function exportParams(ids, kinds, relTypes) {
  const q = new URLSearchParams();
  q.set('ids', ids.join(','));
  q.set('kinds', (kinds?.length ? kinds : KINDS_BUT_SOURCES).join(','));
  if (relTypes?.length) q.set('relationTypes', relTypes.join(','));
  return q.toString();
}

/** The export formats the explorer offers for the shown subgraph. */
export const EXPORT_FORMATS = [
  { id: 'gexf', label: 'GEXF (Gephi)' },
  { id: 'graphml', label: 'GraphML (Gephi, yEd)' },
  { id: 'csv', label: 'CSV tables (zip)' },
  { id: 'json', label: 'Cytoscape.js JSON' },
];

/** exportLinks returns one /export/ link per format for a drawing. */
export function exportLinks(ids, kinds, relTypes) {
  const q = exportParams(ids, kinds, relTypes);
  return EXPORT_FORMATS.map((f) => ({ ...f, href: `/export/${f.id}?${q}` }));
}

/** paths returns the paths between two nodes, shortest first. */
export async function paths(from, to, { maxHops = 4, throughHubs = false, first = 10, signal } = {}) {
  const caps = await capabilities();
  const basis = `${caps.pathBasis ? ' basis' : ''}${caps.pathNote ? ' note' : ''}`;
  const data = await gql(
    `query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int, $throughHubs: Boolean, $first: Int) {
      paths(from: $from, to: $to, maxHops: $maxHops, throughHubs: $throughHubs, first: $first) {
        length
        nodes { ${REF}${hubField(caps)} }
        edges { id type direction source target label${basis} evidence { ${EVIDENCE} } }
      }
    }`,
    { from, to, maxHops, throughHubs, first },
    { signal },
  );
  return data.paths.map((p) => ({
    length: p.length,
    nodes: p.nodes.map(nodeOf),
    edges: p.edges.map((e) => ({ ...edgeOf(e), direction: e.direction })),
  }));
}

const lookupCache = new Map();

/**
 * lookup returns, for each ID, the node's reference (and for a source its title,
 * publisher, date and URL), or null when unknown. Answers are cached.
 */
export async function lookup(ids, { signal } = {}) {
  const caps = await capabilities();
  const missing = [...new Set(ids)].filter((id) => !lookupCache.has(id));
  for (let i = 0; i < missing.length; i += 100) {
    const batch = missing.slice(i, i + 100);
    const data = await gql(
      `query ExplorerLookup($ids: [ID!]!) {
        nodes(ids: $ids) { ${REF} ... on Source { title publisher published { ${dateFields(caps)} } url } }
      }`,
      { ids: batch },
      { signal },
    );
    batch.forEach((id, j) => lookupCache.set(id, data.nodes[j]));
  }
  return Object.fromEntries(ids.map((id) => [id, lookupCache.get(id) ?? null]));
}

const passageCache = new Map();

/**
 * source returns what the reader view shows of a source: its title, publisher,
 * date, URL, the whole text when the server serves it, and its passages.
 */
export async function source(id, { signal } = {}) {
  const caps = await capabilities();
  const data = await gql(
    `query ExplorerSource($id: ID!) {
      node(id: $id) {
        ${REF}
        ... on Source {
          title publisher published { ${dateFields(caps)} } url note${caps.sourceText ? ' text' : ''}
          passages { quote context highlight { start end } position { start end }
            claims { node { ${REF} } quote attribution speaker { id label } } }
        }
      }
    }`,
    { id },
    { signal },
  );
  if (data.node) passageCache.set(id, data.node.passages ?? []);
  return data.node;
}

/**
 * passageOf returns the passage of a source that holds a quote (compared after
 * whitespace normalisation) and its index in the reader view, or null.
 */
export async function passageOf(sourceId, quote, { signal } = {}) {
  if (!passageCache.has(sourceId)) await source(sourceId, { signal });
  const key = quote.split(/\s+/).filter(Boolean).join(' ');
  const list = passageCache.get(sourceId) ?? [];
  const index = list.findIndex((p) => p.quote.split(/\s+/).filter(Boolean).join(' ') === key);
  return index < 0 ? null : { index, passage: list[index] };
}

/** The kinds of node the timeline dates. */
export const DATED_KINDS = new Set(['MEETING', 'COMMITMENT', 'ROLE', 'FIGURE']);

/**
 * dates returns the dated facts of the given nodes for the timeline:
 * {id, kind, label, date, which} per event (a role gives its start and its end).
 */
export async function dates(ids, { signal } = {}) {
  const caps = await capabilities();
  const D = dateFields(caps);
  const out = [];
  for (let i = 0; i < ids.length; i += 100) {
    const data = await gql(
      `query ExplorerDates($ids: [ID!]!) {
        nodes(ids: $ids) { ${REF}
          ... on Meeting { date { ${D} } }
          ... on Commitment { date { ${D} } }
          ... on Role { from { ${D} } to { ${D} } }
          ... on Figure { asOf { ${D} } }
        }
      }`,
      { ids: ids.slice(i, i + 100) },
      { signal },
    );
    for (const n of data.nodes) {
      if (!n) continue;
      const base = { id: n.id, kind: n.nodeKind, label: n.label };
      if (n.date) out.push({ ...base, which: n.nodeKind === 'MEETING' ? 'took place' : 'made', date: n.date });
      if (n.asOf) out.push({ ...base, which: 'holds as of', date: n.asOf });
      if (n.from) out.push({ ...base, which: 'began', date: n.from });
      if (n.to && (n.to.precision !== 'UNKNOWN' || n.to.text || n.to.notBefore || n.to.notAfter)) {
        out.push({ ...base, which: 'ended', date: n.to });
      }
    }
  }
  return out;
}

/**
 * commitmentsBy returns the commitments an actor made, optionally only those made
 * to another actor, through the commitments connection. With affiliated, and a
 * server that has CommitmentFilter.madeByScope, the actor's side is followed
 * (its sub-organizations, a country's organizations, the persons holding roles
 * there) and each commitment says through whom it matched. Returns {items,
 * totalCount, scope} where scope is the scope the server applied.
 */
export async function commitmentsBy(actorId, { madeTo = null, affiliated = false, signal } = {}) {
  const caps = await capabilities();
  const scoped = affiliated && caps.madeByScope;
  const filter = { madeBy: actorId };
  if (madeTo) filter.madeTo = madeTo;
  if (scoped) filter.madeByScope = 'AFFILIATED';
  const through = scoped && caps.matchedThrough ? 'matchedThrough matchCertain' : '';
  const items = [];
  let after = null;
  let totalCount = 0;
  for (;;) {
    const data = await gql(
      `query ExplorerCommitmentsBy($filter: CommitmentFilter, $after: String) {
        commitments(filter: $filter, first: 100, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { ${through} node { id statement kind status madeBy { ${REF} } madeTo { ${REF} } madeAt { id label }
            evidence { ${EVIDENCE} } } }
        }
      }`,
      { filter, after },
      { signal },
    );
    const c = data.commitments;
    totalCount = c.totalCount;
    for (const e of c.edges) {
      items.push({ ...e.node, matchedThrough: e.matchedThrough ?? [], matchCertain: e.matchCertain ?? true });
    }
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { items, totalCount, scope: scoped ? 'AFFILIATED' : 'EXACT' };
}

/** about returns the dataset version and licence. */
export async function about({ signal } = {}) {
  const data = await gql('query ExplorerAbout { about { datasetVersion serviceVersion license } }', {}, { signal });
  return data.about;
}
