// Child process that owns the PGlite instance and serves it over a Unix socket with one connection.
// PGlite runs queries synchronously on its own thread; keeping it here keeps the HTTP server responsive.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { serveEmbeddedSessions } from './embedded-socket.mjs';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const { dataDir, socketPath, templateFile } = JSON.parse(process.argv[2] ?? '{}');

if (dataDir) {
  mkdirSync(dirname(dataDir), { recursive: true });
  lockDataDir(`${dataDir}.lock`);
}
const loadDataDir = templateFile ? new Blob([readFileSync(templateFile)]) : undefined;
const db = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir });
const server = await serveEmbeddedSessions(db, socketPath);
process.send?.({ ready: true });

/**
 * Two processes on one data directory would corrupt it. The lock holds the owner's pid; a lock left
 * by a killed process (its pid no longer runs) is taken over, so a crash never blocks the restart.
 */
function lockDataDir(lockPath) {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const owner = Number(readFileSync(lockPath, 'utf8'));
  if (owner && owner !== process.pid && isRunning(owner)) {
    console.error(`数据目录 ${dataDir} 正被另一个进程（pid ${owner}）使用，不能同时打开`);
    process.exit(3);
  }
  writeFileSync(lockPath, String(process.pid));
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  // A killed process whose parent died too can linger as a zombie until reaped: it holds nothing.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.close();
    await db.close();
    if (dataDir) rmSync(`${dataDir}.lock`, { force: true });
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
