import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { isAbsolute, join } from 'node:path';
import type { Database } from '../db/client';
import type { AppConfig } from '../env';
import { takeBackup, type BackupResult } from './backup';

/**
 * The running server's backup door, embedded mode only. The data directory belongs to the
 * server's PGlite child (locked, one session), so another process cannot read it; `npm run backup`
 * asks the server over a Unix socket in the data directory instead. The socket is mode 0600 in a
 * folder only the server's account reads: whoever can connect could read the data files anyway.
 * One line of JSON each way: `{"backup": "/absolute/root"}` → `{"ok": true, "result": …}`.
 */
export const controlSocketName = 'backup.sock';
/** Unix socket paths are limited to 108 bytes on Linux (104 on macOS). */
const maxSocketPath = 100;

export interface BackupControl {
  close(): Promise<void>;
}

export async function serveBackupControl(
  database: Database,
  config: Pick<AppConfig, 'dataDir' | 'uploadDir'>,
): Promise<BackupControl | null> {
  if (database.mode !== 'embedded') return null;
  const path = join(config.dataDir, controlSocketName);
  if (Buffer.byteLength(path) > maxSocketPath) {
    console.error(`数据目录路径过长，无法提供在线备份（${path}）：请使用较短的 DATA_DIR`);
    return null;
  }
  // A socket left by a killed server: the data directory lock guarantees no other server owns it.
  rmSync(path, { force: true });
  let running: Promise<unknown> | null = null;
  const server: Server = createServer((socket) => {
    let input = '';
    let handled = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (handled) return;
      input += chunk;
      if (input.length > 10_000) return socket.destroy();
      if (!input.includes('\n')) return;
      handled = true;
      const answer = (body: object) => socket.end(JSON.stringify(body) + '\n');
      let root: unknown;
      try {
        root = (JSON.parse(input.slice(0, input.indexOf('\n'))) as { backup?: unknown }).backup;
      } catch {
        root = undefined;
      }
      if (typeof root !== 'string' || !isAbsolute(root))
        return answer({ ok: false, message: '请求格式不正确' });
      if (running) return answer({ ok: false, message: '已有一个备份正在进行，请稍后再试' });
      running = takeBackup({ database, uploadDir: config.uploadDir }, root)
        .then((result) => answer({ ok: true, result }))
        .catch((error: Error) => answer({ ok: false, message: error.message }))
        .finally(() => (running = null));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
      rmSync(path, { force: true });
    },
  };
}

/**
 * Asks the server running on `dataDir` for a backup under `root`. Answers null when no server
 * listens there (the caller may then open the data directory itself).
 */
export function requestServerBackup(dataDir: string, root: string): Promise<BackupResult | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(join(dataDir, controlSocketName));
    let output = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(JSON.stringify({ backup: root }) + '\n'));
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? resolve(null) : reject(error),
    );
    socket.on('end', () => {
      try {
        const answer = JSON.parse(output) as { ok: boolean; message?: string; result?: BackupResult };
        if (answer.ok && answer.result) resolve(answer.result);
        else reject(new Error(answer.message ?? '服务器未完成备份'));
      } catch {
        reject(new Error('服务器的回答无法识别'));
      }
    });
  });
}
