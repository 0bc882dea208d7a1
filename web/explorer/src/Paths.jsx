// "How are X and Y connected?": /explore?from=<id>&to=<id>. Two pickers; the
// `paths` answer drawn on the canvas and listed hop by hop, each hop with its
// evidence and its basis; the other paths one click away; "No path within N
// hops" said plainly, with a control to allow hubs.
import { useEffect, useMemo, useState } from 'react';

import { lookup, paths, relationName } from './api.js';
import { ErrorNote, NodeLink, useAsync, useNav } from './common.jsx';
import { Basis, EvidenceButton, EvidencePanel } from './Evidence.jsx';
import { GraphPanel } from './GraphPanel.jsx';
import { pathGraph } from './graph.js';
import { Search } from './Search.jsx';
import { Timeline } from './Timeline.jsx';
import { attributionText, plural } from './text.js';
import { MAX_HOPS } from './url.js';

/** Hop shows one hop of a path: the link, its direction, basis and quotes. */
function Hop({ edge, from, to, open }) {
  const forward = edge.direction === 'FORWARD';
  const [a, b] = forward ? [from, to] : [to, from];
  const words = edge.label && edge.label !== relationName(edge.type) && edge.label !== edge.type ? edge.label : null;
  return (
    <li className="hop" data-id={edge.id} data-type={edge.type} data-basis={edge.basis ?? ''}>
      <p className="hop-link">
        <NodeLink node={a} /> <span className="rel">{relationName(edge.type)}</span> <NodeLink node={b} />
        {words ? <span className="edge-label"> — {words}</span> : null}
        {!forward ? <span className="meta"> (the path follows this link backwards)</span> : null}
      </p>
      <Basis basis={edge.basis} note={edge.note} />
      <ul className="hop-quotes">
        {edge.evidence.map((ev, i) => (
          <li key={i}>
            <q>{ev.quote}</q> <span className="meta">— {attributionText(ev.attribution, ev.speaker)}</span>
          </li>
        ))}
      </ul>
      <EvidenceButton count={edge.evidence.length} onClick={() => open(edge, a, b)} label={`Sources for this hop`} />
    </li>
  );
}

/** PathsPage is the whole paths view. */
export function PathsPage({ state }) {
  const { navigate } = useNav();
  const update = (change, opts) => navigate({ ...state, ...change }, opts);
  const ends = useAsync((signal) => lookup([state.from, state.to].filter(Boolean), { signal }), [state.from, state.to]);
  const ready = state.from && state.to;
  const result = useAsync(
    (signal) => (ready ? paths(state.from, state.to, { maxHops: state.hops, throughHubs: state.viaHubs, signal }) : Promise.resolve(null)),
    [state.from, state.to, state.hops, state.viaHubs],
  );
  const [panel, setPanel] = useState(null);
  const list = result.data ?? [];
  const selected = Math.min(state.path - 1, Math.max(0, list.length - 1));
  const graph = useMemo(() => pathGraph(list, selected), [list, selected]);
  const fromNode = ends.data?.[state.from];
  const toNode = ends.data?.[state.to];
  const label = (n, id) => n?.label ?? id;

  useEffect(() => {
    if (result.data && result.fresh) {
      document.body.dataset.pathsReady = `${state.from}|${state.to}|${state.hops}|${state.viaHubs}|${result.data.length}`;
    }
  }, [result.data, result.fresh, state.from, state.to, state.hops, state.viaHubs]);

  const openHop = (edge, a, b) =>
    setPanel({
      id: edge.id,
      title: `${a.label} — ${relationName(edge.type)} → ${b.label}`,
      evidence: edge.evidence,
      hasBasis: true,
      basis: edge.basis,
      note: edge.note,
    });

  return (
    <div className="paths-page">
      <div className="entity-column">
        <h1>How are they connected?</h1>
        <form className="path-form" onSubmit={(e) => e.preventDefault()} aria-label="Path ends and options">
          <div className="pickers">
            <div>
              <Search key={`from-${state.from}-${fromNode?.label ?? ""}`} name="from" label="From" placeholder="a person, body, meeting…" initial={fromNode ? fromNode.label : ''} onSelect={(n) => update({ from: n.id, path: 1 })} />
              {state.from ? <p className="picked">From: <NodeLink node={fromNode ? { id: state.from, kind: fromNode.nodeKind, label: fromNode.label } : { id: state.from }} /></p> : null}
            </div>
            <div>
              <Search key={`to-${state.to}-${toNode?.label ?? ""}`} name="to" label="To" placeholder="another node" initial={toNode ? toNode.label : ''} onSelect={(n) => update({ to: n.id, path: 1 })} />
              {state.to ? <p className="picked">To: <NodeLink node={toNode ? { id: state.to, kind: toNode.nodeKind, label: toNode.label } : { id: state.to }} /></p> : null}
            </div>
          </div>
          <div className="path-options">
            <label>
              At most{' '}
              <select value={state.hops} name="hops" onChange={(e) => update({ hops: Number(e.target.value), path: 1 })}>
                {Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>{' '}
              hops
            </label>
            <label>
              <input type="checkbox" name="viaHubs" checked={state.viaHubs} onChange={(e) => update({ viaHubs: e.target.checked, path: 1 })} />
              allow paths through hubs (countries, programmes, pillars)
            </label>
          </div>
        </form>
        <ErrorNote error={result.error} what="the paths" />
        {!ready ? <p>Pick both ends: type a name in each box and choose a suggestion.</p> : null}
        {ready && result.loading ? <p role="status">Looking for paths…</p> : null}
        {ready && result.data && !list.length ? (
          <div className="no-path" role="status" data-no-path="true">
            <p>
              <strong>
                No path within {plural(state.hops, 'hop')} between {label(fromNode, state.from)} and {label(toNode, state.to)}
                {state.viaHubs ? '' : ' that avoids hubs'}.
              </strong>
            </p>
            {!state.viaHubs ? (
              <p>
                Paths do not pass through countries, programmes and pillars unless you allow it, because they link almost everything.{' '}
                <button type="button" onClick={() => update({ viaHubs: true, path: 1 })}>
                  Allow paths through hubs
                </button>
              </p>
            ) : null}
            {state.hops < MAX_HOPS ? (
              <p>
                <button type="button" onClick={() => update({ hops: Math.min(MAX_HOPS, state.hops + 2), path: 1 })}>
                  Allow longer paths
                </button>
              </p>
            ) : null}
          </div>
        ) : null}
        {list.length ? (
          <section className="path-result" aria-labelledby="path-title">
            <h2 id="path-title">
              Path {selected + 1} of {list.length}: {plural(list[selected].length, 'hop')}
            </h2>
            <ol className="hops" data-path={selected + 1}>
              {list[selected].edges.map((e, i) => (
                <Hop key={e.id} edge={e} from={list[selected].nodes[i]} to={list[selected].nodes[i + 1]} open={openHop} />
              ))}
            </ol>
            {list.length > 1 ? (
              <nav aria-label="Other paths" className="other-paths">
                <h3>Other paths</h3>
                <ul>
                  {list.map((p, i) => (
                    <li key={i}>
                      <button type="button" aria-current={i === selected ? 'true' : undefined} onClick={() => update({ path: i + 1 })} data-path={i + 1}>
                        Path {i + 1} ({plural(p.length, 'hop')}): {p.nodes.map((n) => n.label).join(' → ')}
                      </button>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </section>
        ) : null}
      </div>
      <div className="graph-column">
        {list.length ? (
          <>
            <GraphPanel graph={graph} present={{ kinds: [], rels: [] }} filters={{ kinds: [], rels: [], hubs: 'shown' }} onFilters={() => {}} onNode={() => {}} onEdge={(id) => {
              const e = list[selected].edges.find((x) => x.id === id) ?? list.flatMap((p) => p.edges).find((x) => x.id === id);
              if (e) {
                const n = (nid) => graph.nodes.find((x) => x.id === nid);
                openHop(e, n(e.source), n(e.target));
              }
            }} path title={`${label(fromNode, state.from)} to ${label(toNode, state.to)}`} />
            <Timeline nodes={graph.nodes} />
          </>
        ) : null}
      </div>
      <EvidencePanel claim={panel} onClose={() => setPanel(null)} />
    </div>
  );
}
