// The Corridor playground: GraphiQL 5 with the Explorer plugin, a Welcome panel
// (dataset version, links, the examples menu, the README), the first examples
// as tabs, and Monaco's web workers bundled locally.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './style.css';

import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useMonaco } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

import { FIRST_EXAMPLES, loadExamples, fingerprint } from './examples.js';
import { exportPlugin, setLastResult } from './exportPlugin.jsx';
import { loadSchema } from './schema.js';
import { namespacedStorage } from './storage.js';
import { makeWelcomePlugin } from './welcome.jsx';

const ENDPOINT = '/graphql';
const SDL_URL = '/schema.graphql';

const examples = loadExamples();
const defaultTabs = examples.filter((e) => FIRST_EXAMPLES.includes(e.name)).map((e) => ({ query: e.query, variables: e.variables }));
// Plain JSON responses (the server does not stream), so that the last result
// can be handed to the Export panel.
const httpFetcher = createGraphiQLFetcher({ url: ENDPOINT, enableIncrementalDelivery: false });
const fetcher = async (params, opts) => {
  const result = await httpFetcher(params, opts);
  if (params.operationName !== 'IntrospectionQuery') setLastResult(result);
  return result;
};
const explorer = explorerPlugin({ showAttribution: false });
const welcome = makeWelcomePlugin(examples);

// Typographic quotes, apostrophes and dashes are what the sources write: Monaco
// must not box them as "ambiguous unicode". Other confusable characters stay
// flagged. Set through Monaco's own API on every editor GraphiQL creates.
const TYPOGRAPHIC = { '\u2018': true, '\u2019': true, '\u201C': true, '\u201D': true, '\u2013': true, '\u2014': true };

function TypographicQuotes() {
  const monaco = useMonaco((s) => s.monaco);
  useEffect(() => {
    if (!monaco) return undefined;
    const apply = (editor) => editor.updateOptions({ unicodeHighlight: { allowedCharacters: TYPOGRAPHIC } });
    monaco.editor.getEditors().forEach(apply);
    const sub = monaco.editor.onDidCreateEditor(apply);
    return () => sub.dispose();
  }, [monaco]);
  return null;
}
const storage = namespacedStorage(`corridor:${fingerprint(examples)}`);

const DEFAULT_QUERY = `# Welcome to Corridor, the CPEC IT knowledge graph.
# No example queries were bundled; try:
{
  about {
    version
  }
}
`;

async function main() {
  const container = document.getElementById('graphiql');
  const { schema, source, error } = await loadSchema(ENDPOINT, SDL_URL);
  if (error) console.warn('corridor: schema not loaded', error);
  container.dataset.schemaSource = source;
  container.replaceChildren();
  createRoot(container).render(
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      defaultTabs={defaultTabs.length ? defaultTabs : undefined}
      defaultQuery={DEFAULT_QUERY}
      plugins={[welcome, explorer, exportPlugin]}
      visiblePlugin={welcome}
      storage={storage}
      defaultEditorToolsVisibility={false}
    >
      <GraphiQL.Logo>
        <span className="corridor-logo">Corridor</span>
        <TypographicQuotes />
      </GraphiQL.Logo>
    </GraphiQL>,
  );
}

main();
