// The explorer's state lives in its URL, so that a link reproduces the view and
// the browser's back and forward buttons walk through it. Pure functions: the
// app reads the state with parseState and writes it with stateURL
// (url.test.js checks the round trip).
//
//   /explore                         search
//   /explore?q=text                  search, with the text typed
//   /explore?node=ID                 entity view, its neighbourhood on the canvas
//     &expand=ID,ID                  …with these nodes' neighbourhoods too
//     &kinds=PERSON,MEETING          …showing only nodes of these kinds
//     &rels=MADE,MADE_AT             …and only links of these types
//     &hubs=shown|hidden             …hubs drawn normally or left out (default faded)
//     &limit=2000                    …a large neighbourhood (from the export)
//     &sel=ID                        …this node or link selected, its evidence open
//   /explore?from=ID&to=ID           paths between two nodes
//     &hops=N                        …of at most N hops (default 4)
//     &viaHubs=1                     …allowed through hubs
//     &path=N                        …the Nth path drawn (default the first)
//   /sources/ID                      reader view of a source
//     #passage-N                     …scrolled to its Nth passage

/** The hub modes of the canvas, default first. */
export const HUB_MODES = ['faded', 'shown', 'hidden'];

/** The default and largest path lengths of the paths view. */
export const DEFAULT_HOPS = 4;
export const MAX_HOPS = 6;

const list = (v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/**
 * parseState reads the explorer's state from a URL's path and query.
 * @param {string} pathname
 * @param {string} search the query, with or without "?"
 */
export function parseState(pathname, search) {
  const q = new URLSearchParams(search);
  const sourceMatch = /^\/sources\/([^/]+)$/.exec(pathname);
  if (sourceMatch) {
    return { view: 'source', source: decodeURIComponent(sourceMatch[1]) };
  }
  const base = {
    kinds: list(q.get('kinds')),
    rels: list(q.get('rels')),
    hubs: HUB_MODES.includes(q.get('hubs')) ? q.get('hubs') : 'faded',
    sel: q.get('sel') || null,
  };
  if (q.get('from') || q.get('to')) {
    const hops = Number.parseInt(q.get('hops'), 10);
    const path = Number.parseInt(q.get('path'), 10);
    return {
      ...base,
      view: 'paths',
      from: q.get('from') || null,
      to: q.get('to') || null,
      hops: hops >= 1 && hops <= MAX_HOPS ? hops : DEFAULT_HOPS,
      viaHubs: q.get('viaHubs') === '1',
      path: path >= 1 ? path : 1,
    };
  }
  if (q.get('node')) {
    return {
      ...base,
      view: 'entity',
      node: q.get('node'),
      expand: list(q.get('expand')).filter((id) => id !== q.get('node')),
      large: q.get('limit') === '2000',
    };
  }
  return { ...base, view: 'search', q: q.get('q') ?? '' };
}

/**
 * stateURL writes a state as a path and query, leaving defaults out, in a fixed
 * parameter order (so that equal states give equal URLs).
 */
export function stateURL(state) {
  if (state.view === 'source') return `/sources/${encodeURIComponent(state.source)}`;
  const q = [];
  const add = (k, v) => q.push(`${k}=${encodeURIComponent(v).replaceAll('%3A', ':').replaceAll('%2C', ',')}`);
  if (state.view === 'paths') {
    if (state.from) add('from', state.from);
    if (state.to) add('to', state.to);
    if (state.hops && state.hops !== DEFAULT_HOPS) add('hops', state.hops);
    if (state.viaHubs) add('viaHubs', '1');
    if (state.path && state.path !== 1) add('path', state.path);
  } else if (state.view === 'entity') {
    add('node', state.node);
    if (state.expand?.length) add('expand', state.expand.join(','));
    if (state.large) add('limit', '2000');
  } else if (state.q) {
    add('q', state.q);
  }
  if (state.view === 'entity' || state.view === 'paths') {
    if (state.kinds?.length) add('kinds', state.kinds.join(','));
    if (state.rels?.length) add('rels', state.rels.join(','));
    if (state.hubs && state.hubs !== 'faded') add('hubs', state.hubs);
    if (state.sel) add('sel', state.sel);
  }
  return q.length ? `/explore?${q.join('&')}` : '/explore';
}
