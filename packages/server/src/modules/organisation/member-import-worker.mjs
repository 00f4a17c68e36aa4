// Worker entry for reading a roster off the event loop. Workers do not inherit the TypeScript
// loader of the main thread (tsx in `npm start`, vite in vitest), so this plain module registers
// tsx itself and then loads the worker's TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./member-import-worker.ts');
