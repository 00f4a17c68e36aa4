// Child process that owns the PGlite instance and serves it over a Unix socket with one connection.
// PGlite runs queries synchronously on its own thread; keeping it here keeps the HTTP server responsive.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const { dataDir, socketPath, templateFile } = JSON.parse(process.argv[2] ?? '{}');

if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
const loadDataDir = templateFile ? new Blob([readFileSync(templateFile)]) : undefined;
const db = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir });
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
await server.start();
process.send?.({ ready: true });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// An orphaned child must not keep the data directory open.
process.on('disconnect', stop);
process.on('message', async (message) => {
  if (message && message.type === 'dump') {
    const file = await db.dumpDataDir('gzip');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(message.path, Buffer.from(await file.arrayBuffer()));
    process.send?.({ dumped: message.path });
  }
});
