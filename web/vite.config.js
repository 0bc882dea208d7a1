// Vite build of Corridor's two browser apps, as two entries of one multi-page
// build: the GraphQL playground (index.html, src/) and the explorer
// (explorer/index.html, explorer/src/). Rollup keeps each entry's modules in its
// own chunks (only what both import, React, is shared), so neither page loads
// the other's code; web/dist_test.go checks that.
//
// The output in dist/ is committed and embedded into the Go binary
// (see web.go), so the server needs neither Node nor the internet.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// The example queries opened as tabs. CORRIDOR_QUERIES_DIR overrides the
// directory (used to try the build with other examples); the committed build
// always uses docs/queries.
const queriesDir = process.env.CORRIDOR_QUERIES_DIR
  ? path.resolve(process.env.CORRIDOR_QUERIES_DIR)
  : path.resolve(here, '../docs/queries');

export default defineConfig({
  // Assets are served by the Go handler from the site root.
  base: '/',
  esbuild: { jsx: 'automatic' },
  resolve: { alias: { '@corridor-queries': queriesDir } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every asset a separate, hashed, same-origin file (no surprises
    // for the Content-Security-Policy beyond what the libraries need).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: {
      input: {
        index: path.resolve(here, 'index.html'),
        explorer: path.resolve(here, 'explorer/index.html'),
      },
      output: {
        // The one library both apps use gets a chunk of its own name.
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          return undefined;
        },
      },
      onwarn(warning, warn) {
        // React libraries mark modules "use client"; meaningless in a
        // client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Monaco's workers are ES modules; bundle them as such.
  worker: { format: 'es' },
  server: {
    // Allow the dev server to read ../docs/queries.
    fs: { allow: ['..'] },
    proxy: {
      '/graphql': 'http://127.0.0.1:8080',
      '/schema.graphql': 'http://127.0.0.1:8080',
      '/export': 'http://127.0.0.1:8080',
    },
  },
});
