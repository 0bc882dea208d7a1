// The graph canvas: Cytoscape.js with the fCoSE force layout. Loaded on demand
// (a separate chunk), so that the entity view renders before the graph library
// arrives. The canvas draws what graph.js computed; the accessible table beside
// it lists the same nodes and links.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

import { lookOf } from './look.js';
import { toSVG } from './svg.js';
import { shorten } from './text.js';

cytoscape.use(fcose);

/** Above this many nodes the canvas trades detail for speed while moving. */
const LARGE = 400;

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(short)',
      'font-size': 10,
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      color: '#1f2933',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'min-zoomed-font-size': 7,
      'background-color': 'data(color)',
      shape: 'data(shape)',
      width: 20,
      height: 20,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.centre', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#1f2933' } },
  { selector: 'node.focus', style: { width: 34, height: 34, 'font-weight': 'bold' } },
  { selector: 'node.hub.fade', style: { opacity: 0.35, 'border-style': 'dashed', 'border-color': '#52606d', 'border-width': 2 } },
  { selector: 'node:selected', style: { 'overlay-color': '#f0b429', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#9aa5b1',
      'target-arrow-color': '#9aa5b1',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: '',
      'font-size': 9,
      'text-rotation': 'autorotate',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
    },
  },
  { selector: 'edge.inferred', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': '#8d5b00', 'target-arrow-color': '#8d5b00' } },
  { selector: 'edge.fade', style: { opacity: 0.3 } },
  { selector: 'edge:selected, edge.hover', style: { width: 3, 'line-color': '#f0b429', 'target-arrow-color': '#f0b429', label: 'data(short)' } },
  { selector: '.dim', style: { opacity: 0.18 } },
  { selector: 'edge.onPath', style: { width: 3, 'line-color': '#1f2933', 'target-arrow-color': '#1f2933', label: 'data(short)' } },
  { selector: 'edge.onPath.inferred', style: { 'line-color': '#8d5b00', 'target-arrow-color': '#8d5b00' } },
];

/**
 * createCanvas draws into container and calls the handlers on taps and hovers:
 * onNode(id), onEdge(id), onBackground(), onHover({id, label, x, y} | null).
 * With large (a neighbourhood of up to 2,000 nodes), edges are hidden and the
 * drawing is a texture while panning and zooming, so that both stay smooth.
 */
export function createCanvas(container, handlers, { large = false } = {}) {
  const cy = cytoscape({
    container,
    style,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
  });
  cy.on('tap', 'node', (e) => handlers.onNode?.(e.target.id()));
  cy.on('tap', 'edge', (e) => handlers.onEdge?.(e.target.id()));
  cy.on('tap', (e) => {
    if (e.target === cy) handlers.onBackground?.();
  });
  const hover = (e) => {
    const p = e.renderedPosition ?? e.target.renderedMidpoint?.() ?? e.target.renderedPosition();
    if (e.target.isEdge()) e.target.addClass('hover');
    handlers.onHover?.({ id: e.target.id(), label: e.target.data('label'), x: p.x, y: p.y });
  };
  cy.on('mouseover', 'node, edge', hover);
  cy.on('mouseout', 'node, edge', (e) => {
    e.target.removeClass('hover');
    handlers.onHover?.(null);
  });

  let layout = null;

  /**
   * update draws a graph: {nodes, edges} as graph.js returns them, with
   * hubs: 'faded'|'shown'|'hidden' and path: whether this is a path drawing
   * (nodes and edges off the selected path dimmed). It runs the layout when the
   * set of nodes changed, from the current positions when most nodes stay.
   * It resolves when the layout is done.
   */
  function update({ nodes, edges, hubs, path }) {
    const large = nodes.length > LARGE;
    cy.startBatch();
    const want = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
    cy.elements().filter((el) => !want.has(el.id())).remove();
    let added = 0;
    const kept = cy.nodes().length;
    for (const n of nodes) {
      const look = lookOf(n.kind);
      const data = { id: n.id, label: n.label, short: shorten(n.label), color: look.color, shape: look.shape, kind: n.kind };
      const classes = [n.hub && 'hub', n.hub && hubs === 'faded' && !n.centre && 'fade', n.centre && 'centre', n.focus && 'focus',
        path && !n.onPath && 'dim'].filter(Boolean).join(' ');
      const el = cy.getElementById(n.id);
      if (el.nonempty()) {
        el.data(data);
        el.classes(classes);
        continue;
      }
      // A new node starts beside a drawn neighbour, so the layout moves little.
      const near = edges.find((e) => (e.source === n.id && cy.getElementById(e.target).nonempty()) || (e.target === n.id && cy.getElementById(e.source).nonempty()));
      const anchor = near ? cy.getElementById(near.source === n.id ? near.target : near.source).position() : { x: 0, y: 0 };
      cy.add({ group: 'nodes', data, classes, position: { x: anchor.x + (Math.random() - 0.5) * 80, y: anchor.y + (Math.random() - 0.5) * 80 } });
      added++;
    }
    const fadedHub = new Set(nodes.filter((n) => n.hub && hubs === 'faded' && !n.centre).map((n) => n.id));
    for (const e of edges) {
      const data = { id: e.id, source: e.source, target: e.target, label: e.label, short: shorten(e.label, 24), type: e.type };
      const classes = [e.basis === 'INFERRED' && 'inferred', (fadedHub.has(e.source) || fadedHub.has(e.target)) && 'fade',
        path && (e.onPath ? 'onPath' : 'dim')].filter(Boolean).join(' ');
      const el = cy.getElementById(e.id);
      if (el.nonempty()) {
        el.data(data);
        el.classes(classes);
        continue;
      }
      cy.add({ group: 'edges', data, classes });
    }
    cy.endBatch();
    const s = cy.style();
    s.selector('edge').style({ 'curve-style': large ? 'haystack' : 'bezier' }).update();
    container.dataset.nodes = String(nodes.length);
    container.dataset.edges = String(edges.length);
    if (!added && kept === nodes.length) {
      return Promise.resolve();
    }
    return runLayout(added < kept);
  }

  function runLayout(incremental) {
    layout?.stop();
    container.dataset.layout = 'running';
    performance.mark('layout-start');
    const n = cy.nodes().length;
    layout = cy.layout({
      name: 'fcose',
      quality: n > 1000 ? 'draft' : 'default',
      randomize: !incremental,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: n <= LARGE,
      nodeRepulsion: 6000,
      idealEdgeLength: 70,
      numIter: n > 1000 ? 1200 : 2500,
      packComponents: true,
    });
    return new Promise((resolve) => {
      layout.one('layoutstop', () => {
        performance.mark('layout-done');
        performance.measure('layout', 'layout-start', 'layout-done');
        container.dataset.layout = 'done';
        resolve();
      });
      layout.run();
    });
  }

  /** select marks one element as selected (or none). */
  function select(id) {
    cy.elements().unselect();
    if (id) cy.getElementById(id).select();
  }

  /** png returns the drawing as a PNG blob, the whole graph at twice the size. */
  function png() {
    return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
  }

  /** svg returns the drawing as an SVG document. */
  function svg(title) {
    const nodes = cy.nodes().map((n) => ({
      id: n.id(),
      x: n.position('x'),
      y: n.position('y'),
      w: n.width(),
      h: n.height(),
      shape: n.data('shape'),
      fill: n.data('color'),
      stroke: n.style('border-color'),
      strokeWidth: parseFloat(n.style('border-width')) || 0,
      opacity: parseFloat(n.style('opacity')),
      dashed: n.hasClass('fade'),
      label: n.data('short'),
      fullLabel: n.data('label'),
    }));
    const edges = cy.edges().map((e) => {
      const s = e.sourceEndpoint();
      const t = e.targetEndpoint();
      return {
        id: e.id(),
        x1: s.x,
        y1: s.y,
        x2: t.x,
        y2: t.y,
        color: e.style('line-color'),
        width: parseFloat(e.style('width')) || 1,
        opacity: parseFloat(e.style('opacity')),
        dashed: e.hasClass('inferred'),
        label: e.data('label'),
      };
    });
    return toSVG({ nodes, edges, title });
  }

  return { update, select, png, svg, fit: () => cy.fit(undefined, 30), destroy: () => cy.destroy(), cy };
}
