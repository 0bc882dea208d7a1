// The graph canvas with its toolbar (filters, hubs, export), its legend, and the
// accessible tables that list every node and link it draws: screen readers and
// tests read the same graph the canvas shows.
import { useEffect, useRef, useState } from 'react';

import { KINDS, RELATION_TYPES, exportLinks, kindName, relationName } from './api.js';
import { NodeLink } from './common.jsx';
import { kindsOf } from './graph.js';
import { lookOf } from './look.js';
import { plural } from './text.js';

/** Swatch draws a kind's shape and colour for the legend and the tables. */
export function Swatch({ kind, faded = false }) {
  const { color, shape } = lookOf(kind);
  const common = { fill: color, fillOpacity: faded ? 0.35 : 1, stroke: faded ? '#52606d' : '#ffffff', strokeDasharray: faded ? '2 2' : undefined };
  let el;
  switch (shape) {
    case 'diamond':
      el = <polygon points="8,1 15,8 8,15 1,8" {...common} />;
      break;
    case 'hexagon':
      el = <polygon points="15,8 11.5,14 4.5,14 1,8 4.5,2 11.5,2" {...common} />;
      break;
    case 'triangle':
      el = <polygon points="8,1 15,15 1,15" {...common} />;
      break;
    case 'rectangle':
      el = <rect x="2" y="2" width="12" height="12" {...common} />;
      break;
    case 'round-rectangle':
      el = <rect x="1" y="3" width="14" height="10" rx="3" {...common} />;
      break;
    default:
      el = <circle cx="8" cy="8" r="6.5" {...common} />;
  }
  return (
    <svg className="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {el}
    </svg>
  );
}

/** Legend explains the drawing. */
function Legend({ kinds, path }) {
  return (
    <div className="legend" aria-label="Legend">
      <h3 className="legend-title">Legend</h3>
      <ul>
        {kinds.map((k) => (
          <li key={k}>
            <Swatch kind={k} /> {kindName(k)}
          </li>
        ))}
        <li>
          <Swatch kind="COUNTRY" faded /> hub, faded (countries, programmes, pillars)
        </li>
        <li>
          <span className="line line-solid" aria-hidden="true" /> link (click it for its quotes)
        </li>
        <li>
          <span className="line line-dashed" aria-hidden="true" /> inferred by the curator (dashed)
        </li>
        <li>
          <span className="ring" aria-hidden="true" /> {path ? 'path ends' : 'focus and expanded nodes'}
        </li>
      </ul>
    </div>
  );
}

/** CheckGroup is a fieldset of checkboxes; an empty chosen list means all. */
function CheckGroup({ legend, name, items, chosen, words, onToggle }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((x) => (
        <label key={x}>
          <input type="checkbox" name={name} value={x} checked={!chosen.length || chosen.includes(x)} onChange={() => onToggle(x)} />
          {words(x)}
        </label>
      ))}
    </fieldset>
  );
}

/** Filters lets the user choose the kinds, relation types and hubs shown. */
function Filters({ present, kinds, rels, hubs, onChange }) {
  const kindList = KINDS.map(([k]) => k).filter((k) => present.kinds.includes(k));
  const relList = RELATION_TYPES.map(([t]) => t).filter((t) => present.rels.includes(t));
  const toggle = (list, all, item) => {
    const current = list.length ? list : all;
    const next = current.includes(item) ? current.filter((x) => x !== item) : [...current, item];
    return next.length === all.length ? [] : next;
  };
  return (
    <details className="filters">
      <summary>Filters</summary>
      <CheckGroup legend="Node kinds" name="kind" items={kindList} chosen={kinds} words={kindName} onToggle={(k) => onChange({ kinds: toggle(kinds, kindList, k) })} />
      <CheckGroup legend="Relation types" name="rel" items={relList} chosen={rels} words={relationName} onToggle={(r) => onChange({ rels: toggle(rels, relList, r) })} />
      <fieldset>
        <legend>Hubs</legend>
        {[
          ['faded', 'faded'],
          ['shown', 'shown like any node'],
          ['hidden', 'left out'],
        ].map(([mode, words]) => (
          <label key={mode}>
            <input type="radio" name="hubs" value={mode} checked={hubs === mode} onChange={() => onChange({ hubs: mode })} />
            {words}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** download saves a blob under a file name. */
function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** ExportMenu offers PNG and SVG of the canvas and the export formats. */
function ExportMenu({ graph, rels, canvas, title, path }) {
  const ids = graph.nodes.map((n) => n.id);
  const links = exportLinks(ids, kindsOf(graph.nodes), path ? [] : rels);
  const file = title.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'corridor';
  return (
    <details className="export">
      <summary>Export</summary>
      <div className="export-body">
        <p>The drawing as an image:</p>
        <p>
          <button type="button" disabled={!canvas} onClick={async () => download(await canvas.png(), `${file}.png`)}>
            PNG
          </button>{' '}
          <button type="button" disabled={!canvas} onClick={() => download(new Blob([canvas.svg(title)], { type: 'image/svg+xml' }), `${file}.svg`)}>
            SVG
          </button>
        </p>
        <p>{path ? 'The nodes of these paths, with the stored links among them:' : 'Exactly these nodes and links, with their evidence:'}</p>
        <ul>
          {links.map((l) => (
            <li key={l.id}>
              <a href={l.href} download data-format={l.id}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

/** ScrollTable is a labelled, scrollable table with a header row; children are its rows. */
function ScrollTable({ label, className, columns, children }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className={className}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** ElementTables lists every node and link of the drawing. */
function ElementTables({ graph, labels, onNode, onEdge, expanded, path, selected }) {
  return (
    <section className="element-tables" aria-labelledby="tables-title">
      <h3 id="tables-title">
        On the canvas: {plural(graph.nodes.length, 'node')} and {plural(graph.edges.length, 'link')}
      </h3>
      <ScrollTable label="Nodes on the canvas" className="nodes-table" columns={['Node', 'Kind', 'On the canvas']}>
            {graph.nodes.map((n) => (
              <tr key={n.id} data-id={n.id} data-kind={n.kind} className={n.id === selected ? 'selected' : undefined}>
                <th scope="row">
                  <NodeLink node={n} />
                </th>
                <td>
                  <Swatch kind={n.kind} faded={n.hub} /> {kindName(n.kind)}
                  {n.hub ? ' (hub)' : ''}
                </td>
                <td>
                  {path ? (
                    n.centre ? 'path end' : 'on a path'
                  ) : n.focus ? (
                    'focus'
                  ) : (
                    <button type="button" className="link-button" onClick={() => onNode(n.id)}>
                      {expanded.includes(n.id) ? 'Collapse' : 'Expand'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
      </ScrollTable>
      <ScrollTable label="Links on the canvas" className="edges-table" columns={['From', 'Link', 'To', 'Basis', 'Evidence']}>
            {graph.edges.map((e) => (
              <tr key={e.id} data-id={e.id} data-type={e.type} data-basis={e.basis ?? ''} className={e.id === selected ? 'selected' : undefined}>
                <td>{labels.get(e.source) ?? e.source}</td>
                <td>
                  {relationName(e.type)}
                  {e.label && e.label !== relationName(e.type) && e.label !== e.type ? <span className="edge-label"> ({e.label})</span> : null}
                </td>
                <td>{labels.get(e.target) ?? e.target}</td>
                <td>{e.basis === 'INFERRED' ? 'inferred by the curator' : e.basis === 'QUOTED' ? 'quoted' : 'not recorded'}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => onEdge(e.id)} aria-label={`Evidence for ${labels.get(e.source) ?? e.source} ${relationName(e.type)} ${labels.get(e.target) ?? e.target}: ${plural(e.evidence.length, 'quote')}`}>
                    {plural(e.evidence.length, 'quote')}
                  </button>
                </td>
              </tr>
            ))}
      </ScrollTable>
    </section>
  );
}

/**
 * GraphPanel draws a graph ({nodes, edges} from graph.js) and lists it. onNode is
 * called on a click on a node (expand or collapse), onEdge on a click on a link
 * (its evidence), onFilters with changed filters.
 */
export function GraphPanel({ graph, present, filters, onFilters, onNode, onEdge, expanded = [], path = false, large = false, title, selected, status, ready = true }) {
  const box = useRef(null);
  const [canvas, setCanvas] = useState(null);
  const [hover, setHover] = useState(null);
  const [failed, setFailed] = useState(null);
  const handlers = useRef({});
  handlers.current = { onNode, onEdge, onHover: setHover };

  // The graph library (the largest chunk) is loaded once the page's text is
  // shown (ready), so that it does not delay it.
  useEffect(() => {
    if (!ready) return undefined;
    let made = null;
    let dead = false;
    import('./canvas.js').then(
      ({ createCanvas }) => {
        if (dead) return;
        made = createCanvas(box.current, {
          onNode: (id) => handlers.current.onNode(id),
          onEdge: (id) => handlers.current.onEdge(id),
          onHover: (h) => handlers.current.onHover(h),
        }, { large });
        window.__corridorCanvas = made; // for the browser tests' measurements
        setCanvas(made);
      },
      (e) => setFailed(e),
    );
    return () => {
      dead = true;
      made?.destroy();
    };
  }, [large, ready]);

  useEffect(() => {
    if (!canvas) return;
    canvas.update({ nodes: graph.nodes, edges: graph.edges, hubs: filters.hubs, path }).then(() => {
      box.current?.setAttribute('data-ready', 'true');
    });
  }, [canvas, graph, filters.hubs, path]);

  useEffect(() => {
    canvas?.select(selected);
  }, [canvas, selected]);

  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const kinds = kindsOf(graph.nodes);
  return (
    <section className="graph-panel" aria-labelledby="graph-title">
      <div className="graph-toolbar">
        <h2 id="graph-title">{path ? 'Paths on the canvas' : 'Neighbourhood'}</h2>
        {status}
        {!path && <Filters present={present} kinds={filters.kinds} rels={filters.rels} hubs={filters.hubs} onChange={onFilters} />}
        <button type="button" onClick={() => canvas?.fit()} disabled={!canvas}>
          Fit
        </button>
        <ExportMenu graph={graph} rels={filters.rels} canvas={canvas} title={title} path={path} />
      </div>
      <div className="canvas-wrap">
        <div
          ref={box}
          className="canvas"
          role="img"
          aria-label={`Graph of ${plural(graph.nodes.length, 'node')} and ${plural(graph.edges.length, 'link')}; every one is listed in the tables below. Click a node to expand or collapse it, a link for its evidence.`}
        />
        {hover && (
          <div className="tooltip" role="tooltip" ref={(el) => el && Object.assign(el.style, { left: `${hover.x + 12}px`, top: `${hover.y + 12}px` })}>
            {hover.label}
          </div>
        )}
        {failed && <p className="error">The canvas could not be drawn: {String(failed)}. The tables below list the graph.</p>}
      </div>
      <Legend kinds={kinds} path={path} />
      <ElementTables graph={graph} labels={labels} onNode={onNode} onEdge={onEdge} expanded={expanded} path={path} selected={selected} />
    </section>
  );
}
