import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Tests import packages from source, so a test run never depends on a stale build.
export default defineConfig({
  resolve: {
    alias: {
      '@sluice/ir': pkg('ir'),
      '@sluice/language': pkg('language'),
      '@sluice/xmile': pkg('xmile'),
      '@sluice/vensim': pkg('vensim'),
      '@sluice/compiler': pkg('compiler'),
      '@sluice/runtime': pkg('runtime'),
      '@sluice/analysis': pkg('analysis'),
      '@sluice/formats': pkg('formats'),
      '@sluice/cli': pkg('cli'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
