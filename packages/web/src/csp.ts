import { z } from 'zod';

/**
 * The Content-Security-Policy (packages/server/src/lib/security-headers.ts) forbids evaluating
 * strings, and zod probes `new Function` when it builds an object schema (to compile its parser),
 * which the browser reports as a violation. Imported first by main.tsx, before any schema is built.
 */
z.config({ jitless: true });
