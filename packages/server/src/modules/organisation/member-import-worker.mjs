// Worker entry for reading rosters off the event loop. Workers do not inherit the TypeScript
// loader of the main thread (tsx in `npm start`, vite in vitest), so this plain module registers
// tsx itself and then loads the worker's TypeScript.
import os from 'node:os';
import { register } from 'tsx/esm/api';

// On Linux a nice value is per thread: this lowers the reader (its start-up, ~1 s of loading,
// included) below the main thread and the embedded database, so on a busy machine a parse takes
// the spare CPU, not the requests' share.
if (process.platform === 'linux') {
  try {
    os.setPriority(5);
  } catch {
    // Not permitted here: the reader then runs at normal priority.
  }
}

register();
await import('./member-import-worker.ts');
