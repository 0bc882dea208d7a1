// An SVG drawing of the canvas, written from the positions and styles the canvas
// gives (svg.test.js checks it). Every node and link is a vector shape with its
// full label as a <title>, so the file opens in any editor and keeps the text.

const esc = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

const num = (v) => Math.round(v * 10) / 10;

/** shapePath returns the SVG element of a node's shape at (x, y). */
function shape(n) {
  const { x, y, w, h } = n;
  const attrs = `fill="${esc(n.fill)}" fill-opacity="${n.opacity}" stroke="${esc(n.stroke)}" stroke-width="${n.strokeWidth}"${
    n.dashed ? ' stroke-dasharray="4 3"' : ''
  }`;
  switch (n.shape) {
    case 'round-rectangle':
    case 'rectangle':
      return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${n.shape === 'rectangle' ? 0 : 6}" ${attrs}/>`;
    case 'diamond':
      return `<polygon points="${num(x)},${num(y - h / 2)} ${num(x + w / 2)},${num(y)} ${num(x)},${num(y + h / 2)} ${num(x - w / 2)},${num(y)}" ${attrs}/>`;
    case 'hexagon': {
      const pts = [0, 1, 2, 3, 4, 5].map((i) => {
        const a = (Math.PI / 3) * i;
        return `${num(x + (w / 2) * Math.cos(a))},${num(y + (h / 2) * Math.sin(a))}`;
      });
      return `<polygon points="${pts.join(' ')}" ${attrs}/>`;
    }
    case 'triangle':
      return `<polygon points="${num(x)},${num(y - h / 2)} ${num(x + w / 2)},${num(y + h / 2)} ${num(x - w / 2)},${num(y + h / 2)}" ${attrs}/>`;
    default:
      return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${attrs}/>`;
  }
}

/**
 * toSVG writes a drawing as an SVG document.
 * @param {{nodes: object[], edges: object[], title: string}} d nodes have x, y,
 *   w, h, shape, fill, stroke, strokeWidth, opacity, dashed, label, fullLabel,
 *   id; edges have x1, y1, x2, y2, color, width, opacity, dashed, label, id.
 */
export function toSVG({ nodes, edges, title }) {
  const pad = 40;
  const xs = nodes.flatMap((n) => [n.x - n.w / 2, n.x + n.w / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.h / 2, n.y + n.h / 2 + 16]);
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad;
  const width = Math.max(1, ...xs) - minX + pad;
  const height = Math.max(1, ...ys) - minY + pad;
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${esc(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#66707a"/></marker></defs>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    '<g class="edges">',
  ];
  for (const e of edges) {
    out.push(
      `<g><title>${esc(e.label)}</title><line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${esc(e.color)}" stroke-width="${e.width}" stroke-opacity="${e.opacity}"${
        e.dashed ? ' stroke-dasharray="6 4"' : ''
      } marker-end="url(#arrow)" data-id="${esc(e.id)}"/></g>`,
    );
  }
  out.push('</g>', '<g class="nodes">');
  for (const n of nodes) {
    out.push(
      `<g data-id="${esc(n.id)}"><title>${esc(n.fullLabel)}</title>${shape(n)}<text x="${num(n.x)}" y="${num(n.y + n.h / 2 + 13)}" text-anchor="middle" fill="#1f2933" fill-opacity="${n.opacity}">${esc(n.label)}</text></g>`,
    );
  }
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
