// The search box: suggestions from the API's typo-tolerant `search` as you type,
// grouped by kind, chosen with the mouse or the keyboard alone. It follows the
// WAI-ARIA combobox pattern: the input is a combobox that controls a listbox of
// grouped options; the active option is announced through aria-activedescendant
// while focus stays in the input.
import { useEffect, useId, useMemo, useRef, useState } from 'react';

import { KINDS, kindName, search } from './api.js';

/** Typing pauses this long before a search is sent. */
const DEBOUNCE_MS = 120;

/** group orders hits by kind (in KINDS order), best first within a kind. */
function group(hits) {
  const byKind = new Map();
  for (const h of hits) {
    if (!byKind.has(h.node.kind)) byKind.set(h.node.kind, []);
    byKind.get(h.node.kind).push(h);
  }
  const order = KINDS.map(([k]) => k);
  return [...byKind.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
}

/** Highlighted renders a snippet with its matching ranges marked. */
function Highlighted({ text, ranges }) {
  const parts = [];
  let at = 0;
  for (const r of ranges ?? []) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * Search is a labelled combobox. onSelect(node) is called with the chosen hit's
 * node ({id, kind, label}).
 */
export function Search({ label, placeholder, onSelect, initial = '', autoFocus = false, name = 'search', labelHidden = false }) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initial);
  const [hits, setHits] = useState([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const input = useRef(null);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits([]);
      setStatus('');
      return undefined;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      search(q, { signal: ctl.signal }).then(
        (h) => {
          setHits(h);
          setActive(h.length ? 0 : -1);
          setStatus(h.length ? `${h.length} suggestions` : `Nothing found for “${q}”`);
        },
        (e) => e.name !== 'AbortError' && setStatus(`Search failed: ${e.message}`),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);

  const groups = useMemo(() => group(hits), [hits]);
  const flat = useMemo(() => groups.flatMap(([, hs]) => hs), [groups]);
  const optionId = (i) => `${id}-opt-${i}`;
  const expanded = open && flat.length > 0;

  const choose = (hit) => {
    if (!hit) return;
    setOpen(false);
    setText(hit.node.label);
    onSelect(hit.node);
  };

  const onKeyDown = (e) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => (flat.length ? (a + 1) % flat.length : -1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => (flat.length ? (a - 1 + flat.length) % flat.length : -1));
        break;
      case 'Enter':
        if (open && active >= 0 && flat[active]) {
          e.preventDefault();
          choose(flat[active]);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        } else if (text) {
          e.preventDefault();
          setText('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
      default:
    }
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  let index = -1;
  return (
    <div className="combobox" data-name={name}>
      <label htmlFor={`${id}-input`} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck="false"
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        name={name}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={`Suggestions for ${label}`} className="suggestions" hidden={!expanded}>
        {groups.map(([kind, hs]) => (
          <div role="group" aria-labelledby={`${id}-g-${kind}`} key={kind} className="suggestion-group">
            <div role="presentation" id={`${id}-g-${kind}`} className="suggestion-kind">
              {kindName(kind)}
            </div>
            {hs.map((h) => {
              index++;
              const i = index;
              return (
                <div
                  key={h.node.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="suggestion"
                  data-id={h.node.id}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(h)}
                >
                  <span className="suggestion-label">{h.node.label}</span>
                  {h.field !== 'NAME' && h.field !== 'TITLE' && (
                    <span className="suggestion-snippet">
                      {h.field.toLowerCase()}: <Highlighted text={h.snippet} ranges={h.highlights} />
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {open && !flat.length && status && <p className="suggestions-none">{status}</p>}
      <div className="visually-hidden" role="status" aria-live="polite">
        {open ? status : ''}
      </div>
    </div>
  );
}
