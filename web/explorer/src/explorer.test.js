// Unit tests of the explorer's pure modules. Run with node --test (web/js_test.go does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { capabilitiesOf, exportParams, fromElements, isHub, schemaFields } from './api.js';
import { pathGraph, visibleGraph } from './graph.js';
import { classify, layout } from './timeline.js';
import { toSVG } from './svg.js';
import { dateText, shorten } from './text.js';
import { parseState, stateURL } from './url.js';

test('schemaFields reads fields, not descriptions or arguments', () => {
  const sdl = `
"""A type { with: braces } in its description"""
type Source implements Node {
  "The title: a string"
  title: String!
  passages(first: Int = 3, "why" filter: X): [Passage!]!
}
interface Node { id: ID! }
input CommitmentFilter { madeBy: ID # a comment: not a field
}`;
  const f = schemaFields(sdl);
  assert.deepEqual([...f.get('Source')], ['title', 'passages']);
  assert.deepEqual([...f.get('Node')], ['id']);
  assert.deepEqual([...f.get('CommitmentFilter')], ['madeBy']);
  const caps = capabilitiesOf(f);
  assert.equal(caps.passages, true);
  assert.equal(caps.hub, false);
  assert.equal(caps.madeByScope, false);
});

test('the real schema: today it has passages and text, not yet the issue-12 names', () => {
  const caps = capabilitiesOf(schemaFields(readFileSync(new URL('../../../schema.graphqls', import.meta.url), 'utf8')));
  assert.equal(caps.passages, true);
  assert.equal(caps.sourceText, true);
  // When these become true, the adapter selects the fields and the UI shows them.
  for (const k of ['hub', 'edgeBasis', 'pathBasis', 'dateBounds', 'madeByScope']) assert.equal(typeof caps[k], 'boolean', k);
});

test('hubs: the API says when it can, else Country, Programme, Pillar', () => {
  assert.equal(isHub({ kind: 'COUNTRY' }), true);
  assert.equal(isHub({ kind: 'PILLAR' }), true);
  assert.equal(isHub({ kind: 'ORGANIZATION' }), false);
  assert.equal(isHub({ kind: 'ORGANIZATION', hub: true }), true);
  assert.equal(isHub({ kind: 'COUNTRY', hub: false }), false);
});

test('URL state round-trips and drops defaults', () => {
  const cases = [
    '/explore',
    '/explore?q=yao',
    '/explore?node=meeting:jcc-10',
    '/explore?node=meeting:jcc-10&expand=person:ning-jizhe,org:jcc&kinds=PERSON,MEETING&rels=MADE_AT&hubs=hidden&sel=a|MADE|b',
    '/explore?node=country:x&limit=2000',
    '/explore?from=person:yao-jing&to=pillar:cpec-it&hops=6&viaHubs=1&path=3',
    '/sources/source:jcc-10-it-working-group',
  ];
  for (const c of cases) {
    const [p, q = ''] = c.split('?');
    assert.equal(decodeURIComponent(stateURL(parseState(p, q))), c);
  }
  assert.equal(parseState('/explore', '?from=a&to=b&hops=99').hops, 4);
  assert.equal(parseState('/explore', '?node=a&hubs=odd').hubs, 'faded');
});

const hood = (centre, others, edges) => ({
  nodes: [centre, ...others].map((id) => ({ id, kind: id.split(':')[0].toUpperCase(), label: id, hub: id.startsWith('country:') })),
  edges: edges.map(([s, t, type]) => ({ id: `${s}|${type}|${t}`, source: s, target: t, type, evidence: [] })),
  truncated: false,
});

test('visibleGraph: union of neighbourhoods, filters, hubs', () => {
  const hoods = new Map([
    ['meeting:m', hood('meeting:m', ['person:a', 'country:c', 'commitment:k'], [['person:a', 'meeting:m', 'PARTICIPATED_IN'], ['country:c', 'meeting:m', 'PARTICIPATED_IN'], ['commitment:k', 'meeting:m', 'MADE_AT'], ['person:a', 'country:c', 'NATIONAL_OF']])],
    ['person:a', hood('person:a', ['meeting:m', 'country:c', 'organization:o'], [['person:a', 'meeting:m', 'PARTICIPATED_IN'], ['person:a', 'country:c', 'NATIONAL_OF'], ['person:a', 'organization:o', 'PART_OF']])],
  ]);
  const all = visibleGraph({ centres: ['meeting:m', 'person:a'], hoods, kinds: [], rels: [], hubs: 'faded' });
  assert.deepEqual(all.nodes.map((n) => n.id), ['meeting:m', 'person:a', 'commitment:k', 'country:c', 'organization:o']);
  assert.equal(all.edges.length, 5);
  const noHubs = visibleGraph({ centres: ['meeting:m', 'person:a'], hoods, kinds: [], rels: [], hubs: 'hidden' });
  assert.ok(!noHubs.nodes.some((n) => n.id === 'country:c'));
  assert.ok(!noHubs.edges.some((e) => e.source === 'country:c' || e.target === 'country:c'));
  const madeAt = visibleGraph({ centres: ['meeting:m'], hoods, kinds: [], rels: ['MADE_AT'], hubs: 'faded' });
  assert.deepEqual(madeAt.nodes.map((n) => n.id), ['meeting:m', 'commitment:k']);
  assert.deepEqual(madeAt.edges.map((e) => e.type), ['MADE_AT']);
  const people = visibleGraph({ centres: ['meeting:m'], hoods, kinds: ['PERSON'], rels: [], hubs: 'faded' });
  assert.deepEqual(people.nodes.map((n) => n.id), ['meeting:m', 'person:a']);
  const extra = visibleGraph({ centres: ['meeting:m'], hoods, kinds: [], rels: [], hubs: 'faded', extraEdges: [{ id: 'x', source: 'commitment:k', target: 'person:a', type: 'MADE', evidence: [] }] });
  assert.ok(extra.edges.some((e) => e.id === 'x'));
});

test('pathGraph marks the selected path', () => {
  const p = (ids) => ({ nodes: ids.map((id) => ({ id, label: id })), edges: ids.slice(1).map((id, i) => ({ id: `${ids[i]}-${id}` })) });
  const g = pathGraph([p(['a', 'b', 'c']), p(['a', 'd', 'c'])], 1);
  assert.deepEqual(g.nodes.filter((n) => n.onPath).map((n) => n.id), ['a', 'c', 'd']);
  assert.deepEqual(g.nodes.filter((n) => n.centre).map((n) => n.id), ['a', 'c']);
  assert.deepEqual(g.edges.filter((e) => e.onPath).map((e) => e.id), ['a-d', 'd-c']);
});

test('export params: ids, kinds (no sources added), relation types only when filtered', () => {
  const q = new URLSearchParams(exportParams(['meeting:m', 'person:a'], ['MEETING', 'PERSON'], ['MADE']));
  assert.equal(q.get('ids'), 'meeting:m,person:a');
  assert.equal(q.get('kinds'), 'MEETING,PERSON');
  assert.equal(q.get('relationTypes'), 'MADE');
  assert.equal(new URLSearchParams(exportParams(['a'], ['MEETING'], [])).get('relationTypes'), null);
});

test('fromElements reads the export JSON', () => {
  const g = fromElements({
    nodes: [{ data: { id: 'country:p', kind: 'COUNTRY', label: 'P' } }],
    edges: [{ data: { id: 'e', source: 'a', target: 'b', type: 'MADE', evidence: [{ quote: 'q', source: 'source:s', attribution: 'ARTICLE' }] } }],
  });
  assert.equal(g.nodes[0].hub, true);
  assert.equal(g.edges[0].basis, null);
  assert.deepEqual(g.edges[0].evidence[0], { quote: 'q', attribution: 'ARTICLE', speaker: null, sourceId: 'source:s' });
});

test('timeline: never a guessed date', () => {
  const events = [
    { id: 'd', date: { value: '2019-12-08', precision: 'DAY', start: '2019-12-08', end: '2019-12-08' } },
    { id: 'm', date: { value: '2019-11', precision: 'MONTH', start: '2019-11-01', end: '2019-11-30' } },
    { id: 'u', date: { value: null, precision: 'UNKNOWN', text: 'on Tuesday' } },
    { id: 'b', date: { value: null, precision: 'UNKNOWN', text: 'today', notAfter: '2019-12-08' } },
  ];
  const { dated, undated } = classify(events);
  assert.deepEqual(undated.map((e) => e.id), ['u']);
  assert.deepEqual(dated.map((e) => e.id), ['m', 'b', 'd']); // by best known bound, ties by ID
  assert.equal(dated.find((e) => e.id === 'd').point, true);
  assert.equal(dated.find((e) => e.id === 'm').point, false);
  const { items } = layout(dated, 600);
  const b = items.find((e) => e.id === 'b');
  assert.equal(b.openStart, true);
  assert.equal(b.x1, 0);
  for (const e of items) assert.ok(e.x1 >= 0 && e.x2 <= 600 && e.x1 <= e.x2, JSON.stringify(e));
  assert.equal(dateText(events[2].date), '“on Tuesday” (no date in the source)');
  assert.equal(dateText(events[0].date), '8 December 2019');
  assert.match(dateText(events[3].date), /not after 8 December 2019/);
});

test('labels are shortened at a word', () => {
  assert.equal(shorten('short'), 'short');
  const s = shorten('The Chinese ambassador gave assurance of enhancing collaboration');
  assert.ok(s.length <= 28 && s.endsWith('…'), s);
});

test('SVG export holds every node and link with its full label', () => {
  const svg = toSVG({
    title: 'T & co',
    nodes: [
      { id: 'a', x: 0, y: 0, w: 20, h: 20, shape: 'ellipse', fill: '#000', stroke: '#fff', strokeWidth: 1, opacity: 1, label: 'A…', fullLabel: 'A <long> label' },
      { id: 'b', x: 100, y: 50, w: 20, h: 20, shape: 'diamond', fill: '#000', stroke: '#fff', strokeWidth: 1, opacity: 0.35, dashed: true, label: 'B', fullLabel: 'B' },
    ],
    edges: [{ id: 'a|MADE|b', x1: 0, y1: 0, x2: 100, y2: 50, color: '#999', width: 1.5, opacity: 1, dashed: true, label: 'made' }],
  });
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<title>A &lt;long&gt; label<\/title>/);
  assert.match(svg, /<title>T &amp; co<\/title>/);
  assert.equal((svg.match(/<g data-id=/g) ?? []).length, 2);
  assert.match(svg, /<line [^>]*stroke-dasharray="6 4"[^>]*data-id="a\|MADE\|b"/);
  assert.match(svg, /<polygon /);
});
