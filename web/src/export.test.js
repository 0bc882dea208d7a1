// Run with: node --test web/src/export.test.js (web/export_test.go does).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { graphNodeIDs, exportLinks, EXPORT_FORMATS } from './export.js';

test('neighbourhood: node IDs and edge ends, in order, once', () => {
  const result = {
    data: {
      neighborhood: {
        nodes: [{ id: 'meeting:jcc-10', label: 'x' }, { id: 'org:jcc' }],
        edges: [
          { id: 'meeting:jcc-10|MEETING_OF|org:jcc', source: 'meeting:jcc-10', target: 'org:jcc' },
          { source: 'commitment:a', target: 'meeting:jcc-10' },
        ],
        truncated: false,
      },
    },
  };
  assert.deepEqual(graphNodeIDs(result), ['meeting:jcc-10', 'org:jcc', 'commitment:a']);
});

test('paths: every path, aliased fields too', () => {
  const result = {
    data: {
      paths: [
        { length: 1, nodes: [{ id: 'person:yao-jing' }, { id: 'pillar:cpec-it' }], edges: [{ type: 'CONCERNS' }] },
        { length: 2, nodes: [{ id: 'person:yao-jing' }, { id: 'meeting:m' }, { id: 'pillar:cpec-it' }], edges: [{}, {}] },
      ],
      other: { edges: [{ source: 'org:a', target: 'org:b' }], nodes: [] },
    },
  };
  assert.deepEqual(graphNodeIDs(result), ['person:yao-jing', 'pillar:cpec-it', 'meeting:m', 'org:a', 'org:b']);
});

test('results without a subgraph or path offer nothing', () => {
  assert.deepEqual(graphNodeIDs({ data: { meetings: { nodes: [{ id: 'meeting:jcc-10' }], totalCount: 1 } } }), []);
  assert.deepEqual(graphNodeIDs({ errors: [{ message: 'x' }] }), []);
  assert.deepEqual(graphNodeIDs(null), []);
  assert.deepEqual(graphNodeIDs({ data: { neighborhood: { nodes: [{ id: 'not an id' }, { id: 7 }], edges: [] } } }), []);
  assert.deepEqual(exportLinks([]), []);
});

test('links: one per format, same origin, IDs encoded', () => {
  const links = exportLinks(['meeting:jcc-10', 'org:a&b=c', 'person:x,y']);
  assert.deepEqual(links.map((l) => l.format), EXPORT_FORMATS.map((f) => f.id));
  assert.deepEqual(links.map((l) => l.format), ['graphml', 'gexf', 'csv', 'json', 'cypher']);
  assert.equal(links[0].href, '/export/graphml?ids=meeting%3Ajcc-10,org%3Aa%26b%3Dc,person%3Ax%2Cy');
  for (const l of links) {
    assert.ok(l.href.startsWith('/export/' + l.format + '?ids='), l.href);
    assert.ok(l.label.length > 0);
  }
});
