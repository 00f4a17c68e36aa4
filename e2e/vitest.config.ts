import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Specs about the page itself — layout at each width, console errors, accessibility, headers, menus —
 * whose result does not depend on the database: on a PostgreSQL run (DATABASE_URL set) they are not
 * repeated, so the second run covers what the database changes.
 */
const databaseIndependent = ['shell', 'accessibility', 'csp', 'menus'].map((name) => `specs/${name}.spec.ts`);

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['specs/**/*.spec.ts'],
    exclude: process.env.DATABASE_URL ? databaseIndependent : [],
    globalSetup: ['./global-setup.ts'],
    // One server and one browser at a time: the machine has two cores.
    fileParallelism: false,
    // The accessibility walk runs each role as a concurrent test, two at a time.
    maxConcurrency: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
