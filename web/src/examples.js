// Example queries bundled at build time from docs/queries/*.graphql
// (the alias @corridor-queries is set in vite.config.js).
//
// Each example is offered in the Welcome panel's examples menu under the
// readable title of its sidecar <name>.json ({title, summary, expect}; the
// expect snippets are for the tests and are not bundled), and opens in a
// GraphiQL tab, which GraphiQL titles with the operation's name. The JCC
// commitments and welcome examples open as the first tabs; the rest follow in
// the menu in file-name order. An
// optional sidecar file <name>.variables.json supplies the tab's variables.

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

// Only the title and the summary of each sidecar (named JSON imports), not its
// test expectations.
const titles = import.meta.glob(['@corridor-queries/*.json', '!**/*.variables.json'], { import: 'title', eager: true });
const summaries = import.meta.glob(['@corridor-queries/*.json', '!**/*.variables.json'], { import: 'summary', eager: true });

/**
 * The examples that open as the first tabs, in order: the JCC commitments (the
 * active tab, as a first answer to run), then the welcome tab.
 */
export const FIRST_EXAMPLES = ['jcc-commitments', 'welcome'];

function baseName(path) {
  return path.replace(/^.*\//, '').replace(/\.graphql$/, '').replace(/\.variables\.json$/, '').replace(/\.json$/, '');
}

/**
 * Returns the examples, the first tabs' first (FIRST_EXAMPLES): their file name, readable
 * title and summary, and the query and variables of their tab.
 * @returns {{name: string, operation: string|null, title: string, summary: string, query: string, variables: string|null}[]}
 */
export function loadExamples() {
  const byName = (files) => Object.fromEntries(Object.entries(files).map(([path, v]) => [baseName(path), v]));
  const variables = byName(variableFiles);
  const title = byName(titles);
  const summary = byName(summaries);
  const examples = Object.entries(queryFiles).map(([path, text]) => {
    const name = baseName(path);
    return {
      name,
      operation: /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(text)?.[1] ?? null,
      title: title[name] ?? name,
      summary: summary[name] ?? '',
      query: text.trim() + '\n',
      variables: variables[name] ?? null,
    };
  });
  const rank = (e) => (FIRST_EXAMPLES.includes(e.name) ? FIRST_EXAMPLES.indexOf(e.name) : FIRST_EXAMPLES.length);
  examples.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
