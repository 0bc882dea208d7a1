// The timeline of the selection: the dated meetings, commitments, roles and
// figures among the shown nodes on an axis (a day as a point, a month or a year
// as its interval, bounds as an interval), and the undated ones in a lane of their
// own with their relative date text. No event is ever placed at a guessed date.
import { useEffect, useRef, useState } from 'react';

import { DATED_KINDS, dates, kindName } from './api.js';
import { NodeLink, useAsync } from './common.jsx';
import { classify, layout, ticks } from './timeline.js';
import { dateText, plural } from './text.js';

const LANE = 22;

/** Axis draws the dated events; the list below it says the same in words. */
function Axis({ dated }) {
  const box = useRef(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(200, Math.floor(e.contentRect.width))));
    ro.observe(box.current);
    return () => ro.disconnect();
  }, []);
  const { items, lanes, min, max } = layout(dated, width);
  const height = Math.max(1, lanes) * LANE + 28;
  return (
    <div ref={box} className="axis">
      <svg width={width} height={height} aria-hidden="true" focusable="false">
        <line x1="0" x2={width} y1={height - 20} y2={height - 20} stroke="#9aa5b1" />
        {ticks(min, max, width).map((t) => (
          <g key={t.label}>
            <line x1={t.x} x2={t.x} y1={height - 24} y2={height - 16} stroke="#9aa5b1" />
            <text x={t.x} y={height - 4} textAnchor="middle" fontSize="10" fill="#52606d">
              {t.label}
            </text>
          </g>
        ))}
        {items.map((e) => {
          const y = e.lane * LANE + 10;
          return (
            <g key={`${e.id}-${e.which}`} className={e.bounded ? 'bounded' : undefined}>
              {e.point ? (
                <circle cx={e.x1} cy={y} r="5" fill="#2f6fb5" />
              ) : (
                <rect x={e.x1} y={y - 5} width={Math.max(2, e.x2 - e.x1)} height="10" rx="3" fill={e.bounded ? '#d9e2ec' : '#9fc3e7'} stroke="#2f6fb5" strokeDasharray={e.bounded ? '3 2' : undefined} />
              )}
              <text x={Math.min(e.x1 + 8, width - 4)} y={y - 7} fontSize="10" fill="#1f2933">
                {e.label.length > 30 ? `${e.label.slice(0, 29)}…` : e.label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Timeline shows the dated and undated events of the given nodes. */
export function Timeline({ nodes }) {
  const ids = nodes.filter((n) => DATED_KINDS.has(n.kind)).map((n) => n.id).slice(0, 500);
  const events = useAsync((signal) => (ids.length ? dates(ids, { signal }) : Promise.resolve([])), [ids.join(',')]);
  const { dated, undated } = classify(events.data ?? []);
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {events.loading && !events.data ? <p>Reading the dates…</p> : null}
      {events.data && !events.data.length ? <p>None of the shown nodes is a meeting, commitment, role or figure.</p> : null}
      {dated.length ? (
        <>
          <Axis dated={dated} />
          <h3>Dated ({dated.length})</h3>
          <ol className="events dated-events">
            {dated.map((e) => (
              <li key={`${e.id}-${e.which}`} data-id={e.id}>
                <span className="event-date">{dateText(e.date)}</span> <NodeLink node={e} /> <span className="event-kind">({kindName(e.kind).toLowerCase()} {e.which})</span>
              </li>
            ))}
          </ol>
        </>
      ) : events.data?.length ? (
        <p>No event of this selection has a date in the sources: each is listed below with the words the source uses.</p>
      ) : null}
      {undated.length ? (
        <>
          <h3>Undated ({plural(undated.length, 'event')}: never placed at a guessed date)</h3>
          <ul className="events undated-events">
            {undated.map((e) => (
              <li key={`${e.id}-${e.which}`} data-id={e.id}>
                <span className="event-date">{e.date?.text ? `“${e.date.text}”` : 'no date in the source'}</span> <NodeLink node={e} />{' '}
                <span className="event-kind">({kindName(e.kind).toLowerCase()} {e.which})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
