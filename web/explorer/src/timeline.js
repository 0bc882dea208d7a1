// The timeline's layout, as pure functions (timeline.test.js checks them): which
// events are dated, which are intervals, which have no date; where each sits on
// the axis. No event is ever given a date the API did not give.

const DAY = 86400000;
const ms = (iso) => Date.parse(`${iso}T00:00:00Z`);

/**
 * classify sorts events into those with a place on the axis and those without.
 * A day is a point; a month or a year is the interval the API gives (start to
 * end); an undated event with bounds (notBefore/notAfter, when the API has them)
 * is the interval between them, open where a bound is missing; any other event
 * is undated and keeps its relative date text.
 * @param {{date: object}[]} events
 */
export function classify(events) {
  const dated = [];
  const undated = [];
  for (const ev of events) {
    const d = ev.date ?? {};
    if (d.precision === 'DAY' && d.value) {
      dated.push({ ...ev, start: ms(d.start ?? d.value), end: ms(d.end ?? d.value), point: true });
    } else if ((d.precision === 'MONTH' || d.precision === 'YEAR') && d.start && d.end) {
      dated.push({ ...ev, start: ms(d.start), end: ms(d.end), point: false });
    } else if (d.notBefore || d.notAfter) {
      dated.push({
        ...ev,
        start: d.notBefore ? ms(d.notBefore) : null,
        end: d.notAfter ? ms(d.notAfter) : null,
        point: false,
        bounded: true,
      });
    } else {
      undated.push(ev);
    }
  }
  const key = (e) => e.start ?? e.end;
  dated.sort((a, b) => key(a) - key(b) || String(a.id).localeCompare(String(b.id)));
  return { dated, undated };
}

/**
 * layout places dated events on an axis of the given width: x1 and x2 in pixels
 * (an open side of a bounded interval runs to the axis's edge and is marked
 * open), and a lane each so that no two overlap (with room for a label).
 * @param {object[]} dated from classify
 * @param {number} width in pixels
 * @param {number} [gap] the room kept after each event for its label
 */
export function layout(dated, width, gap = 120) {
  if (!dated.length) return { items: [], lanes: 0, min: null, max: null };
  const known = dated.flatMap((e) => [e.start, e.end]).filter((v) => v != null);
  let min = Math.min(...known);
  let max = Math.max(...known);
  if (max - min < 30 * DAY) {
    min -= 15 * DAY;
    max += 15 * DAY;
  }
  const pad = (max - min) * 0.04;
  min -= pad;
  max += pad;
  const x = (t) => ((t - min) / (max - min)) * width;
  const laneEnds = [];
  const items = dated.map((e) => {
    const x1 = e.start == null ? 0 : x(e.start);
    const x2 = e.end == null ? width : Math.max(x(e.end), x1 + (e.point ? 0 : 2));
    let lane = laneEnds.findIndex((end) => end <= x1);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = Math.max(x2, x1 + gap);
    return { ...e, x1, x2, lane, openStart: e.start == null, openEnd: e.end == null };
  });
  return { items, lanes: laneEnds.length, min, max };
}

/** ticks returns up to about n year (or month) marks between min and max. */
export function ticks(min, max, width, n = 6) {
  if (min == null) return [];
  const years = (max - min) / (365 * DAY);
  const out = [];
  const start = new Date(min);
  if (years >= 2) {
    const step = Math.max(1, Math.ceil(years / n));
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < max; y += step) {
      out.push({ x: ((Date.UTC(y, 0, 1) - min) / (max - min)) * width, label: String(y) });
    }
  } else {
    const months = Math.max(1, Math.ceil((years * 12) / n));
    for (let m = start.getUTCMonth() + 1, y = start.getUTCFullYear(); ; m += months) {
      const t = Date.UTC(y, m, 1);
      if (t >= max) break;
      const d = new Date(t);
      out.push({
        x: ((t - min) / (max - min)) * width,
        label: `${d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${d.getUTCFullYear()}`,
      });
    }
  }
  return out;
}
