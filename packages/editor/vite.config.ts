import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const sluice = (name: string) => fileURLToPath(new URL(`../${name}/src/index.ts`, import.meta.url));
const hoisted = (path: string) => fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url));

// The editor builds the other packages from source, so `npm start` needs no prior `tsc -b`.
export default defineConfig({
  base: './',
  resolve: {
    alias: {
      '@sluice/ir': sluice('ir'),
      '@sluice/language': sluice('language'),
      '@sluice/xmile': sluice('xmile'),
      '@sluice/vensim': sluice('vensim'),
      '@sluice/compiler': sluice('compiler'),
      '@sluice/runtime': sluice('runtime'),
      '@sluice/analysis': sluice('analysis'),
      '@sluice/formats': sluice('formats'),
      // The Vensim importer reads CSV data files with csv-parse, whose default build expects Node's
      // Buffer; its own browser build carries what it needs.
      'csv-parse/sync': hoisted('csv-parse/dist/esm/sync.js'),
    },
  },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco alone is about 4 MB; a warning about it tells nobody anything new.
    chunkSizeWarningLimit: 6000,
  },
  server: { fs: { allow: ['../..'] } },
});
