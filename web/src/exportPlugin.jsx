// The playground's Export panel: a GraphiQL plugin that offers the nodes of the
// last result's subgraphs and paths (Query.neighborhood, Query.paths) as
// same-origin download links to /export/{format}?ids=…, one per format.
import { useSyncExternalStore } from 'react';

import { graphNodeIDs, exportLinks } from './export.js';

let lastIDs = [];
const listeners = new Set();

/** Records the last GraphQL result the playground received. */
export function setLastResult(result) {
  lastIDs = graphNodeIDs(result);
  listeners.forEach((l) => l());
}

function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function ExportIcon(props) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" {...props}>
      <path d="M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 17v3h16v-3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function ExportPanel() {
  const ids = useSyncExternalStore(subscribe, () => lastIDs);
  const links = exportLinks(ids);
  return (
    <div className="corridor-export">
      <div className="graphiql-doc-explorer-title">Export</div>
      {links.length === 0 ? (
        <p>
          Run a query with a <code>neighborhood</code> or <code>paths</code> field (the
          NeighbourhoodJcc10 and PathsYaoJingToItPillar tabs): the nodes of its answer, with the
          edges between them, can then be downloaded here for Gephi, Cytoscape or Neo4j.
        </p>
      ) : (
        <>
          <p>
            The {ids.length} nodes of the last result, with the edges between them and their
            evidence:
          </p>
          <ul>
            {links.map((l) => (
              <li key={l.format}>
                <a href={l.href} download data-format={l.format}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The Export plugin, shown in GraphiQL's sidebar as "Export". */
export const exportPlugin = { title: 'Export', icon: ExportIcon, content: ExportPanel };
