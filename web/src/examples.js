// Example queries bundled at build time from docs/queries/*.graphql
// (the alias @corridor-queries is set in vite.config.js).
//
// Each file becomes one GraphiQL tab. GraphiQL titles a tab with the name of
// its operation, so every example should be a named operation. The JCC
// commitments example is opened first; the rest follow in file-name order.
// An optional sidecar file <name>.variables.json supplies the tab's variables.

const queryFiles = import.meta.glob('@corridor-queries/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const variableFiles = import.meta.glob('@corridor-queries/*.variables.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The example that opens in the first tab. */
export const FIRST_EXAMPLE = 'jcc-commitments';

function baseName(path) {
  return path.replace(/^.*\//, '').replace(/\.graphql$/, '').replace(/\.variables\.json$/, '');
}

/**
 * Returns the examples as GraphiQL tab definitions, JCC commitments first.
 * @returns {{name: string, query: string, variables: string|null}[]}
 */
export function loadExamples() {
  const variables = {};
  for (const [path, text] of Object.entries(variableFiles)) {
    variables[baseName(path)] = text;
  }
  const examples = Object.entries(queryFiles).map(([path, text]) => {
    const name = baseName(path);
    return { name, query: text.trim() + '\n', variables: variables[name] ?? null };
  });
  examples.sort((a, b) => {
    if (a.name === FIRST_EXAMPLE) return -1;
    if (b.name === FIRST_EXAMPLE) return 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return examples;
}

/**
 * A short, stable fingerprint of the examples. It namespaces GraphiQL's
 * saved tabs so that a new set of examples replaces stale saved tabs.
 * @param {{name: string, query: string, variables: string|null}[]} examples
 */
export function fingerprint(examples) {
  let h = 0x811c9dc5;
  const text = JSON.stringify(examples);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
