// The explorer's frame: a header with the search box and links, and the view
// the URL names. Navigation pushes a history entry, so back and forward walk
// through the views, and a reload restores the one shown.
import { useCallback, useEffect, useMemo, useState } from 'react';

import { about } from './api.js';
import { Link, Nav, entityState, useAsync } from './common.jsx';
import { EntityPage } from './Entity.jsx';
import { PathsPage } from './Paths.jsx';
import { ReaderPage } from './Reader.jsx';
import { Search } from './Search.jsx';
import { parseState, stateURL } from './url.js';

const current = () => parseState(location.pathname, location.search);

/** Home is the search view: the search box and what the explorer can answer. */
function Home({ state, navigate }) {
  const info = useAsync((signal) => about({ signal }), []);
  useEffect(() => {
    document.title = 'Corridor explorer — CPEC IT knowledge graph';
    document.body.dataset.homeReady = 'true';
  }, []);
  return (
    <div className="home">
      <h1>Who promised what, to whom, on whose word?</h1>
      <p className="lede">
        Corridor is a knowledge graph of China–Pakistan cooperation on information technology under CPEC: ministers, ambassadors, ministries,
        meetings and the commitments made at them. Every link on these pages is backed by a quote you can read in its article.
      </p>
      <div className="home-search">
        <Search label="Search people, bodies, meetings, commitments…" placeholder="e.g. Anusha Rehman, PSEB, 10th JCC" initial={state.q} autoFocus onSelect={(n) => navigate(n.kind === 'SOURCE' ? { view: 'source', source: n.id } : entityState(n.id))} />
      </div>
      <ul className="home-hints">
        <li>Type a name: suggestions come as you type, typos forgiven, grouped by kind; choose one with the arrow keys and Enter.</li>
        <li>On a page, click a node of the graph to expand or collapse it, a link to read the quotes behind it.</li>
        <li>
          To see how two actors are connected, open <Link to={{ view: 'paths', from: null, to: null, hops: 4, viaHubs: false, path: 1, kinds: [], rels: [], hubs: 'faded' }}>Connections</Link>.
        </li>
      </ul>
      {info.data ? (
        <p className="meta">
          Dataset {info.data.datasetVersion} ({info.data.license}), service {info.data.serviceVersion}.
        </p>
      ) : null}
    </div>
  );
}

/** App is the whole explorer. */
export function App() {
  const [state, setState] = useState(current);
  useEffect(() => {
    const onPop = () => setState(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next, { replace = false } = {}) => {
    const url = stateURL(next);
    if (url !== location.pathname + location.search) {
      history[replace ? 'replaceState' : 'pushState'](null, '', url);
      if (!replace) window.scrollTo(0, 0);
    }
    setState(current());
  }, []);
  const nav = useMemo(() => ({ state, navigate }), [state, navigate]);

  let view;
  switch (state.view) {
    case 'entity':
      view = <EntityPage key={state.node} state={state} />;
      break;
    case 'paths':
      view = <PathsPage state={state} />;
      break;
    case 'source':
      view = <ReaderPage key={state.source} state={state} />;
      break;
    default:
      view = <Home state={state} navigate={navigate} />;
  }
  return (
    <Nav.Provider value={nav}>
      <a className="skip" href="#main">
        Skip to the content
      </a>
      <header className="site-header">
        <Link to={{ view: 'search', q: '' }} className="brand">
          Corridor <span>explorer</span>
        </Link>
        {state.view !== 'search' ? (
          <div className="header-search" role="search">
            <Search key={stateURL(state)} label="Search" labelHidden placeholder="Search people, bodies, meetings…" onSelect={(n) => navigate(n.kind === 'SOURCE' ? { view: 'source', source: n.id } : entityState(n.id))} />
          </div>
        ) : null}
        <nav aria-label="Site" className="site-nav">
          <Link to={{ view: 'paths', from: state.view === 'entity' ? state.node : null, to: null, hops: 4, viaHubs: false, path: 1, kinds: [], rels: [], hubs: 'faded' }}>Connections</Link>
          <a href="/">GraphQL playground</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {view}
      </main>
    </Nav.Provider>
  );
}
