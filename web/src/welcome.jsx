// The playground's Welcome panel (a GraphiQL plugin, open on a first visit):
// the dataset version, links to the explorer and to /schema.graphql, the
// examples menu with readable titles, and the README's sections, read from the
// server (/README.md) and rendered here, so that all of it works offline. An
// example opens in a tab of its own (or the tab already holding it) through
// GraphiQL's own actions; nothing patches GraphiQL's page.
import { useEffect, useState } from 'react';
import { MarkdownContent, useGraphiQL, useGraphiQLActions } from '@graphiql/react';

/** readmeSections splits a README into its "## " sections: {title, body}. */
export function readmeSections(markdown) {
  const out = [];
  let current = null;
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const m = !fence && /^## (.+)$/.exec(line);
    if (m) {
      current = { title: m[1].trim(), body: '' };
      out.push(current);
    } else if (current) {
      current.body += `${line}\n`;
    }
  }
  return out;
}

function useJSON(load) {
  const [v, setV] = useState(null);
  useEffect(() => {
    let live = true;
    load().then((x) => live && setV(x), () => live && setV(false));
    return () => {
      live = false;
    };
  }, []);
  return v;
}

function HomeIcon(props) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" {...props}>
      <path d="M3 11 12 3l9 8M5 9.5V21h14V9.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** makeWelcomePlugin returns the Welcome plugin for the given examples. */
export function makeWelcomePlugin(examples) {
  // The welcome example's exact text, so that a server serving only its
  // allowlist of bundled examples answers it too.
  const aboutQuery = examples.find((e) => e.name === 'welcome')?.query ?? '{ about { datasetVersion serviceVersion license } }';
  function WelcomePanel() {
    const about = useJSON(() =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: aboutQuery }),
      })
        .then((r) => r.json())
        .then((b) => b?.data?.about ?? Promise.reject(new Error('no about in the answer'))),
    );
    const readme = useJSON(() => fetch('/README.md').then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status))))));
    const [section, setSection] = useState(null);
    const { tabs } = useGraphiQL((s) => ({ tabs: s.tabs }));
    const queryEditor = useGraphiQL((s) => s.queryEditor);
    const variableEditor = useGraphiQL((s) => s.variableEditor);
    const { addTab, changeTab } = useGraphiQLActions();

    // An example opens in the tab already holding it; else in place of the
    // active tab when that holds an unchanged example (so browsing the menu
    // does not pile up tabs); else in a new tab.
    const open = (e) => {
      const at = tabs.findIndex((t) => (t.query ?? '').trim() === e.query.trim());
      if (at >= 0) {
        changeTab(at);
        return;
      }
      const current = (queryEditor.getValue() ?? '').trim();
      if (current !== '' && !examples.some((x) => x.query.trim() === current)) addTab();
      queryEditor.setValue(e.query);
      variableEditor?.setValue(e.variables ?? '');
    };
    const sections = readme ? readmeSections(readme) : [];
    return (
      <div className="corridor-welcome">
        <div className="graphiql-doc-explorer-title">Welcome</div>
        <p>
          Corridor answers GraphQL queries over a knowledge graph of China–Pakistan IT cooperation under CPEC. Every claim carries its quote.
        </p>
        <p className="corridor-version" data-version={about?.datasetVersion ?? ''}>
          {about ? `Dataset ${about.datasetVersion} (${about.license}), service ${about.serviceVersion}.` : about === false ? 'The dataset version could not be read.' : 'Reading the dataset version…'}
        </p>
        <ul>
          <li>
            <a href="/explore">The explorer</a>: search, entity pages, a graph, paths and the sources, without writing GraphQL.
          </li>
          <li>
            <a href="/schema.graphql">schema.graphql</a>: the whole schema with its descriptions.
          </li>
        </ul>
        <h3>Examples</h3>
        <ul className="corridor-examples">
          {examples.map((e) => (
            <li key={e.name}>
              <button type="button" className="corridor-example" data-example={e.name} data-operation={e.operation ?? ''} disabled={!queryEditor} onClick={() => open(e)}>
                {e.title}
              </button>
              {e.summary ? <span className="corridor-summary"> — {e.summary}</span> : null}
            </li>
          ))}
        </ul>
        <h3>README</h3>
        {readme === false ? <p>This server does not serve its README.</p> : null}
        <ul className="corridor-readme">
          {sections.map((s) => (
            <li key={s.title}>
              <button type="button" className="corridor-readme-section" aria-expanded={section === s.title} onClick={() => setSection(section === s.title ? null : s.title)}>
                {s.title}
              </button>
              {section === s.title ? <MarkdownContent type="description">{s.body}</MarkdownContent> : null}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return { title: 'Welcome', icon: HomeIcon, content: WelcomePanel };
}
