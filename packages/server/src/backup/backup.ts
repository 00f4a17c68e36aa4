import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, cp, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dumpEmbedded, type Database } from '../db/client';
import {
  backupPrefix,
  manifestFile,
  readSnapshotFacts,
  sha256OfFile,
  type BackupManifest,
  type SnapshotFacts,
} from './manifest';

export interface BackupSource {
  database: Database;
  uploadDir: string;
  /** The connection string pg_dump uses, in PostgreSQL mode. */
  databaseUrl?: string;
}

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
}

/**
 * Writes a backup folder `cppcc-backup-<UTC time>` under `root`: the database snapshot, the upload
 * files it references, and `manifest.json`. Writes go on meanwhile except during a short freeze:
 *
 * - embedded: the pool's only connection is held, so no statement runs (and none is half-way in a
 *   transaction) while the row counts are read, PGlite dumps its data directory and the referenced
 *   uploads are hard-linked;
 * - PostgreSQL: a second connection holds `attachments` in SHARE mode (no attachment is added or
 *   deleted) while a repeatable-read transaction exports its snapshot, counts the rows and the
 *   uploads are hard-linked; pg_dump then dumps that same snapshot while writes continue.
 *
 * An upload file is written before its row and deleted after it, so every file the snapshot
 * references exists during the freeze; the hard links keep it even if it is deleted a moment later,
 * and the slow copy into the backup happens after the freeze.
 */
export async function takeBackup(source: BackupSource, root: string): Promise<BackupResult> {
  const started = performance.now();
  const takenAt = new Date();
  const name = backupPrefix + takenAt.toISOString().replace(/[-:]/g, '');
  const partial = join(root, `.${name}.${randomBytes(3).toString('hex')}.partial`);
  const staging = join(source.uploadDir, `.backup-staging-${randomBytes(6).toString('hex')}`);
  await mkdir(partial, { recursive: true });
  await removeStaleStaging(source.uploadDir);
  try {
    const frozen =
      source.database.mode === 'embedded'
        ? await freezeEmbedded(source, partial, staging)
        : await freezePostgres(source, partial, staging);
    const { facts, linked, freezeMs } = frozen;
    await moveStaging(staging, join(partial, 'uploads'));
    const databaseFile = join(partial, frozen.databaseFile);
    const manifest: BackupManifest = {
      format: 'cppcc-backup',
      version: 1,
      takenAt: frozen.takenAt.toISOString(),
      mode: source.database.mode,
      migration: facts.migration,
      tables: facts.tables,
      database: {
        file: frozen.databaseFile,
        bytes: (await stat(databaseFile)).size,
        sha256: await sha256OfFile(databaseFile),
      },
      uploads: { files: linked.files, bytes: linked.bytes, missing: linked.missing },
      timings: { freezeMs: Math.round(freezeMs), totalMs: Math.round(performance.now() - started) },
    };
    await writeFile(join(partial, manifestFile), JSON.stringify(manifest, null, 2) + '\n');
    // The folder gets its final name only when complete: a half-written backup is never taken for one.
    const path = join(root, name);
    await rename(partial, path);
    return { path, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

interface Frozen {
  facts: SnapshotFacts;
  linked: Linked;
  databaseFile: string;
  takenAt: Date;
  freezeMs: number;
}

async function freezeEmbedded(source: BackupSource, partial: string, staging: string): Promise<Frozen> {
  const client = await source.database.pool.connect();
  const start = performance.now();
  try {
    const takenAt = new Date();
    const facts = await readSnapshotFacts(client);
    await dumpEmbedded(source.database, join(partial, 'database.tar.gz'));
    const linked = await linkUploads(source.uploadDir, facts.storageKeys, staging);
    return { facts, linked, databaseFile: 'database.tar.gz', takenAt, freezeMs: performance.now() - start };
  } finally {
    client.release();
  }
}

async function freezePostgres(source: BackupSource, partial: string, staging: string): Promise<Frozen> {
  if (!source.databaseUrl) throw new Error('PostgreSQL 备份需要 DATABASE_URL');
  const lock = await source.database.pool.connect();
  const snapshot = await source.database.pool.connect();
  let start = performance.now();
  try {
    await lock.query('begin');
    // Waits for attachment writes in flight, then holds new ones back until the links exist.
    await lock.query("set local lock_timeout = '60s'");
    await lock.query('lock table attachments in share mode');
    start = performance.now();
    const takenAt = new Date();
    await snapshot.query('begin isolation level repeatable read read only');
    // The first statement fixes the snapshot: after the lock, so no attachment change is in flight.
    const { rows } = await snapshot.query<{ id: string }>('select pg_export_snapshot() as id');
    const facts = await readSnapshotFacts(snapshot);
    const linked = await linkUploads(source.uploadDir, facts.storageKeys, staging);
    await lock.query('commit');
    const freezeMs = performance.now() - start;
    await pgDump(source.databaseUrl, rows[0]!.id, join(partial, 'database.pgdump'));
    await snapshot.query('commit');
    return { facts, linked, databaseFile: 'database.pgdump', takenAt, freezeMs };
  } catch (error) {
    await lock.query('rollback').catch(() => undefined);
    await snapshot.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    lock.release();
    snapshot.release();
  }
}

/** pg_dump's custom format of the exported snapshot; the password goes by environment, not argument. */
function pgDump(databaseUrl: string, snapshotId: string, file: string): Promise<void> {
  const { url, env } = pgToolConnection(databaseUrl);
  return runTool(
    'pg_dump',
    ['--format=custom', `--snapshot=${snapshotId}`, `--file=${file}`, `--dbname=${url}`],
    env,
  );
}

/** A connection string without its password, and the environment that carries it instead. */
export function pgToolConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
  }
  return { url: url.toString(), env };
}

export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) =>
      reject(new Error(`无法运行 ${command}（${error.message}）：请安装 PostgreSQL 客户端工具`)),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} 失败（退出码 ${code}）：${stderr.trim()}`)),
    );
  });
}

interface Linked {
  files: number;
  bytes: number;
  missing: string[];
}

/** Hard-links (or, across file systems, copies) each referenced upload into the staging folder. */
async function linkUploads(uploadDir: string, storageKeys: string[], staging: string): Promise<Linked> {
  const result: Linked = { files: 0, bytes: 0, missing: [] };
  await mkdir(staging, { recursive: true });
  for (const key of storageKeys) {
    const from = join(uploadDir, key);
    const to = join(staging, key);
    await mkdir(dirname(to), { recursive: true });
    try {
      await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw error;
        await copyFile(from, to);
      });
      result.files++;
      result.bytes += (await stat(to)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      result.missing.push(key);
    }
  }
  return result;
}

/** Staging folders left by a backup that was killed; a day is far longer than any backup runs. */
async function removeStaleStaging(uploadDir: string) {
  const names = await readdir(uploadDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('.backup-staging-'))) {
    const { mtimeMs } = await stat(join(uploadDir, name));
    if (Date.now() - mtimeMs > 24 * 3600_000)
      await rm(join(uploadDir, name), { recursive: true, force: true });
  }
}

/** The staging folder becomes the backup's uploads: a rename on one file system, else a copy. */
async function moveStaging(staging: string, target: string) {
  try {
    await rename(staging, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(staging, target, { recursive: true });
  }
}

/**
 * Keeps the newest `keep` complete backups under `root` and deletes older ones, with any partial
 * folder left by an interrupted run more than a day ago. Returns the deleted folder names.
 */
export async function pruneBackups(root: string, keep: number): Promise<string[]> {
  const names = await readdir(root);
  const complete = names.filter((n) => n.startsWith(backupPrefix)).sort();
  const doomed = complete.slice(0, Math.max(0, complete.length - keep));
  for (const name of names.filter((n) => n.startsWith(`.${backupPrefix}`) && n.endsWith('.partial'))) {
    const { mtimeMs } = await stat(join(root, name));
    if (Date.now() - mtimeMs > 24 * 3600_000) doomed.push(name);
  }
  for (const name of doomed) await rm(join(root, name), { recursive: true, force: true });
  return doomed;
}
