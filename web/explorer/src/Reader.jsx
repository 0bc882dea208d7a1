// The reader view, /sources/<id>: a source's title, publisher and date, and every
// passage that evidence quotes, in the article's order, each linked to the
// records citing it. By default each passage comes with only the sentence around
// it: the articles are not Corridor's to republish. When the operator serves the
// texts (CORRIDOR_SERVE_SOURCE_TEXT=true) and the server has this one, the whole
// text is shown with every passage highlighted in place.
import { useEffect } from 'react';

import { source } from './api.js';
import { ErrorNote, KindBadge, NodeLink, useAsync } from './common.jsx';
import { Context } from './Evidence.jsx';
import { attributionText, dateText, plural } from './text.js';

/** Cites lists the records that cite a passage. */
function Cites({ claims }) {
  // A record citing one passage twice (a meeting's own facts and a
  // participation) is listed once.
  const seen = new Set();
  const once = claims.filter((c) => !seen.has(c.node.id) && seen.add(c.node.id));
  return (
    <ul className="cites">
      {once.map((c, i) => (
        <li key={`${c.node.id}-${i}`}>
          <KindBadge kind={c.node.nodeKind} /> <NodeLink node={c.node} /> <span className="meta">— {attributionText(c.attribution, c.speaker)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * WholeText renders the text with every placed passage highlighted; each
 * highlight links to its passage in the list below. Overlapping passages are
 * merged into one highlight.
 */
function WholeText({ text, passages }) {
  const spans = passages
    .map((p, i) => ({ start: p.position?.start, end: p.position?.end, n: i + 1 }))
    .filter((s) => s.start != null)
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.ns.push(s.n);
    } else merged.push({ ...s, ns: [s.n] });
  }
  const parts = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={s.start} id={`text-${s.ns[0]}`} data-passages={s.ns.join(',')}>
        {text.slice(s.start, s.end)}
        <a href={`#passage-${s.ns[0]}`} className="passage-ref">
          [{s.ns.join(', ')}]
        </a>
      </mark>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return <div className="whole-text">{parts}</div>;
}

/** ReaderPage is the whole reader view. */
export function ReaderPage({ state }) {
  const src = useAsync((signal) => source(state.source, { signal }), [state.source]);
  const s = src.data;
  useEffect(() => {
    if (!s) return;
    document.title = `${s.title} — Corridor explorer`;
    document.body.dataset.readerReady = s.id;
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  }, [s]);
  if (src.loading && !s) return <p>Loading {state.source}…</p>;
  if (src.error) return <ErrorNote error={src.error} what={state.source} />;
  if (!s || s.nodeKind !== 'SOURCE') {
    return (
      <p role="alert">
        No source has the ID <code>{state.source}</code>.
      </p>
    );
  }
  const placed = s.passages.filter((p) => p.context != null).length;
  return (
    <article className="reader" data-id={s.id} data-mode={s.text ? 'whole' : 'passages'}>
      <header>
        <KindBadge kind="SOURCE" />
        <h1>{s.title}</h1>
        <p className="meta">
          {s.publisher ?? 'Publisher not named in the text'} · {dateText(s.published)}
          {s.url ? (
            <>
              {' · '}
              <a href={s.url} rel="noreferrer noopener">
                the original
              </a>
            </>
          ) : null}
        </p>
        {s.note ? <p className="note">Curator’s note: {s.note}</p> : null}
        <p className="licence">
          {s.text
            ? 'This server is licensed to show the whole article: the quoted passages are highlighted in place.'
            : placed
              ? 'The article is not Corridor’s to republish: each quoted passage is shown with only the sentence around it.'
              : 'This server does not have the article’s text: each quote is shown as the evidence records it.'}
        </p>
      </header>
      {s.text ? (
        <section aria-labelledby="text-title">
          <h2 id="text-title">The article</h2>
          <WholeText text={s.text} passages={s.passages} />
        </section>
      ) : null}
      <section aria-labelledby="passages-title">
        <h2 id="passages-title">
          Quoted passages ({s.passages.length}){placed ? ', in the article’s order' : ''}
        </h2>
        <ol className="passages">
          {s.passages.map((p, i) => (
            <li key={i} id={`passage-${i + 1}`} tabIndex={-1} data-placed={p.context != null}>
              {p.context != null ? <Context passage={p} /> : <blockquote className="quote">“{p.quote}”</blockquote>}
              <p className="meta">Cited by {plural(new Set(p.claims.map((c) => c.node.id)).size, 'record')}:</p>
              <Cites claims={p.claims} />
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
