// Pieces every view uses: navigation through the URL, links to nodes, data
// loading with cancellation, and error messages in plain words.
import { createContext, useContext, useEffect, useState } from 'react';

import { kindName } from './api.js';
import { stateURL } from './url.js';

/** Nav holds the app's state and navigate(nextState, {replace}). */
export const Nav = createContext({ state: { view: 'search' }, navigate: () => {} });

/** useNav returns {state, navigate}. */
export function useNav() {
  return useContext(Nav);
}

/** entityState returns the state of a node's entity view. */
export function entityState(id) {
  return { view: 'entity', node: id, expand: [], kinds: [], rels: [], hubs: 'faded', sel: null };
}

/**
 * Link is an ordinary link to a state of the explorer (it opens in a new tab on
 * a middle click) that navigates in place on a plain click.
 */
export function Link({ to, children, replace = false, ...rest }) {
  const { navigate } = useNav();
  const href = stateURL(to);
  return (
    <a
      href={href}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to, { replace });
      }}
      {...rest}
    >
      {children}
    </a>
  );
}

/** NodeLink links to a node's entity view (a source's reader view). */
export function NodeLink({ node, children }) {
  if (!node) return null;
  const to = (node.kind ?? node.nodeKind) === 'SOURCE' ? { view: 'source', source: node.id } : entityState(node.id);
  return (
    <Link to={to} data-node={node.id}>
      {children ?? node.label ?? node.name ?? node.id}
    </Link>
  );
}

/** KindBadge shows a node kind in words. */
export function KindBadge({ kind }) {
  return <span className={`kind kind-${String(kind).toLowerCase()}`}>{kindName(kind)}</span>;
}

/**
 * useAsync runs load(signal) whenever deps change and returns {data, error,
 * loading, fresh}; a run that a newer one replaced is aborted and never shown.
 */
export function useAsync(load, deps) {
  const [result, setResult] = useState({ data: null, error: null, loading: true, key: null });
  const key = JSON.stringify(deps);
  useEffect(() => {
    const ctl = new AbortController();
    setResult((r) => ({ ...r, loading: true, error: null }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setResult({ data, error: null, loading: false, key }),
      (error) => !ctl.signal.aborted && error.name !== 'AbortError' && setResult({ data: null, error, loading: false, key }),
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  // fresh: the data answers the current deps (not a previous run's, still shown).
  return { ...result, fresh: result.key === key && !result.loading };
}

/** ErrorNote says what went wrong, in words, with the server's code. */
export function ErrorNote({ error, what }) {
  if (!error) return null;
  let hint = '';
  if (error.code === 'UNAUTHENTICATED') hint = ' This server asks for an API key for reads.';
  if (error.code === 'RATE_LIMITED') hint = ' Too many requests: wait a moment and try again.';
  return (
    <p className="error" role="alert">
      Could not load {what}: {error.message}
      {error.code ? ` (${error.code})` : ''}.{hint}
    </p>
  );
}
