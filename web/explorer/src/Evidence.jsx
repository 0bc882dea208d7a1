// The evidence panel: for a link or a claim, every quote that backs it, whose
// words they are, the source (title, publisher, date), the passage around the
// quote when the server has the article's text, and a link to the reader view.
// A link's basis is the server's: "inferred by the curator" with the curator's
// note when the API says INFERRED, never guessed from the text.
import { useEffect, useRef } from 'react';

import { lookup, passageOf } from './api.js';
import { useAsync } from './common.jsx';
import { attributionText, dateText } from './text.js';

/** Basis says how a link is known, as the server records it. */
export function Basis({ basis, note }) {
  if (basis === 'INFERRED') {
    return (
      <p className="basis basis-inferred" data-basis="INFERRED">
        <strong>Inferred by the curator</strong>
        {note ? <>: {note}</> : ' (no reasoning recorded)'}
      </p>
    );
  }
  if (basis === 'QUOTED') {
    return (
      <p className="basis basis-quoted" data-basis="QUOTED">
        Stated in the quoted evidence{note ? <>; curator’s note: {note}</> : null}
      </p>
    );
  }
  return (
    <p className="basis basis-unknown" data-basis="">
      This server does not record whether this link is quoted or inferred: read the quotes.
    </p>
  );
}

/** Context shows a passage's sentence with the quote highlighted. */
export function Context({ passage }) {
  const text = passage.context;
  const h = passage.highlight;
  if (!text || !h) return null;
  return (
    <p className="context">
      {text.slice(0, h.start)}
      <mark>{text.slice(h.start, h.end)}</mark>
      {text.slice(h.end)}
    </p>
  );
}

/** EvidenceItem shows one quote with its attribution, source and passage. */
function EvidenceItem({ ev, sources }) {
  const src = sources?.[ev.sourceId];
  const passage = useAsync((signal) => passageOf(ev.sourceId, ev.quote, { signal }), [ev.sourceId, ev.quote]);
  const where = passage.data ? `/sources/${encodeURIComponent(ev.sourceId)}#passage-${passage.data.index + 1}` : `/sources/${encodeURIComponent(ev.sourceId)}`;
  return (
    <li className="evidence-item" data-source={ev.sourceId}>
      <blockquote className="quote">“{ev.quote}”</blockquote>
      <p className="attribution">{attributionText(ev.attribution, ev.speaker)}</p>
      <p className="source">
        {src ? (
          <>
            <cite>{src.title}</cite>
            {src.publisher ? ` — ${src.publisher}` : ' — publisher not named in the text'}
            {` — ${src.published ? dateText(src.published) : 'date not given'}`}
          </>
        ) : (
          <cite>{ev.sourceId}</cite>
        )}
      </p>
      {passage.data?.passage.context ? (
        <>
          <p className="context-label">In the article:</p>
          <Context passage={passage.data.passage} />
        </>
      ) : null}
      <p>
        <a href={where}>Read it in the source</a>
      </p>
    </li>
  );
}

/**
 * EvidencePanel shows a claim's evidence. claim = {title, kind, basis, note,
 * evidence, hasBasis} (hasBasis: the claim is a link, so its basis is shown).
 */
export function EvidencePanel({ claim, onClose }) {
  const heading = useRef(null);
  const ids = claim ? [...new Set(claim.evidence.map((e) => e.sourceId).filter(Boolean))] : [];
  const sources = useAsync((signal) => (ids.length ? lookup(ids, { signal }) : Promise.resolve({})), [ids.join(',')]);
  useEffect(() => {
    if (claim) heading.current?.focus();
  }, [claim?.id]);
  if (!claim) return null;
  return (
    <aside className="evidence-panel" aria-labelledby="evidence-title" data-claim={claim.id}>
      <div className="panel-head">
        <h2 id="evidence-title" tabIndex={-1} ref={heading}>
          Evidence
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close the evidence panel">
          ×
        </button>
      </div>
      <p className="claim-title">{claim.title}</p>
      {claim.hasBasis && <Basis basis={claim.basis} note={claim.note} />}
      {claim.evidence.length === 0 ? (
        <p>No quote is recorded for this.</p>
      ) : (
        <ol className="evidence-list">
          {claim.evidence.map((ev, i) => (
            <EvidenceItem key={`${ev.sourceId}-${i}`} ev={ev} sources={sources.data} />
          ))}
        </ol>
      )}
    </aside>
  );
}

/** EvidenceButton opens the evidence panel for a claim. */
export function EvidenceButton({ count, onClick, label = 'Evidence' }) {
  return (
    <button type="button" className="evidence-button" onClick={onClick} aria-label={`${label}: ${count} quote${count === 1 ? '' : 's'}`}>
      {count === 1 ? '1 quote' : `${count} quotes`}
    </button>
  );
}
