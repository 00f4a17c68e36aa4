import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Audits: walks over every page that report what is still wrong (`npm run audit:a11y -w @cppcc/e2e`),
 * run by hand until they pass and can join the specs that CI runs.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['audits/**/*.audit.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    // The walk of each role runs as a concurrent test, two roles at a time.
    maxConcurrency: 2,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
