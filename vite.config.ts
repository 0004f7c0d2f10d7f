/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base so the built app works from any path (a static host, a file server in CI).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
    // Test files share a worker's module cache: importing the engine, the catalog and mathjs
    // afresh for each of ~80 files was most of the suite's time (113 s of 168 s for
    // tests/{state,view,scenario,cli,engine} on the shared 2-core machine; 13 s of 47 s
    // shared). Tests keep no module state between files: no mocks, and the one store test
    // loads its own scenario.
    isolate: false,
    // A timeout catches a hang, not slowness (npm run bench measures speed): on the shared
    // machine a 4000-case fuzz test takes 4-7 s, over vitest's default of 5 s.
    testTimeout: 30_000,
  },
});
