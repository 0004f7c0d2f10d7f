import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * Serve the production build (dist/, built by `npm test` just before) on 127.0.0.1 for the
 * browser tests, on a free port, and hand its URL to the tests.
 */
export default async function setup(project: TestProject) {
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
