// The Corridor playground: GraphiQL 5 with the Explorer plugin, the bundled
// example queries as tabs, and Monaco's web workers bundled locally.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './style.css';

import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

import { loadExamples, fingerprint } from './examples.js';
import { exportPlugin, setLastResult } from './exportPlugin.jsx';
import { loadSchema } from './schema.js';
import { namespacedStorage } from './storage.js';

const ENDPOINT = '/graphql';
const SDL_URL = '/schema.graphql';

const examples = loadExamples();
const defaultTabs = examples.map((e) => ({ query: e.query, variables: e.variables }));
// Plain JSON responses (the server does not stream), so that the last result
// can be handed to the Export panel.
const httpFetcher = createGraphiQLFetcher({ url: ENDPOINT, enableIncrementalDelivery: false });
const fetcher = async (params, opts) => {
  const result = await httpFetcher(params, opts);
  if (params.operationName !== 'IntrospectionQuery') setLastResult(result);
  return result;
};
const explorer = explorerPlugin({ showAttribution: false });
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
      plugins={[explorer, exportPlugin]}
      visiblePlugin={explorer}
      storage={storage}
      defaultEditorToolsVisibility={false}
    >
      <GraphiQL.Logo>
        <span className="corridor-logo">Corridor</span>
      </GraphiQL.Logo>
    </GraphiQL>,
  );
}

main();
