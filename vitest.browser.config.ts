import { defineConfig } from 'vitest/config';

// Browser tests drive the built app in Debian's Chromium through playwright-core.
// They run one file at a time: two cores, and each file starts its own Chromium.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['tests/browser/globalSetup.ts'],
  },
});
