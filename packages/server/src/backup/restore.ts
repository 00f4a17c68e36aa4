import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { pgToolConnection, runTool } from './backup';
import { countRows, knownMigrations, readManifest, sha256OfFile, type BackupManifest } from './manifest';

export interface RestoreTarget {
  /** The data directory whose `pgdata` is created (embedded). */
  dataDir: string;
  uploadDir: string;
  /** An empty PostgreSQL database to restore into; absent = embedded. */
  databaseUrl?: string;
}

/**
 * Brings a backup folder back into an empty target — a data directory without a database, or a
 * PostgreSQL database without tables — and an empty upload folder, then checks that every table
 * has exactly the rows the manifest recorded. Refuses a non-empty target rather than merging.
 */
export async function restoreBackup(folder: string, target: RestoreTarget): Promise<BackupManifest> {
  const manifest = await readManifest(folder);
  const mode = target.databaseUrl ? 'postgres' : 'embedded';
  if (manifest.mode !== mode) {
    throw new Error(
      manifest.mode === 'embedded'
        ? '此备份来自嵌入式数据库，只能恢复到嵌入式数据目录（不要设置 DATABASE_URL）'
        : '此备份来自 PostgreSQL，只能恢复到 PostgreSQL 数据库（请设置 DATABASE_URL）',
    );
  }
  const last = manifest.migration.last;
  if (last && !knownMigrations().some((m) => m.tag === last))
    throw new Error(`此备份的数据库版本（迁移 ${last}）比当前程序新，请先升级程序再恢复`);
  const databaseFile = join(folder, manifest.database.file);
  if ((await sha256OfFile(databaseFile)) !== manifest.database.sha256)
    throw new Error(`备份文件 ${databaseFile} 已损坏（校验值不符）`);

  await refuseNonEmptyFolder(target.uploadDir, '附件目录');
  const pgdata = join(target.dataDir, 'pgdata');
  if (mode === 'embedded') await refuseNonEmptyFolder(pgdata, '数据目录');
  else await refuseNonEmptyDatabase(target.databaseUrl!);

  await restoreUploads(join(folder, 'uploads'), target.uploadDir);
  const tables =
    mode === 'embedded'
      ? await restoreEmbedded(databaseFile, pgdata)
      : await restorePostgres(databaseFile, target.databaseUrl!);
  const differences = Object.keys({ ...manifest.tables, ...tables }).filter(
    (name) => manifest.tables[name] !== tables[name],
  );
  if (differences.length > 0) {
    const lines = differences.map(
      (n) => `${n}：备份 ${manifest.tables[n] ?? '无'}，恢复后 ${tables[n] ?? '无'}`,
    );
    throw new Error(`恢复后的行数与备份清单不符：\n${lines.join('\n')}`);
  }
  return manifest;
}

async function refuseNonEmptyFolder(path: string, label: string) {
  if (!existsSync(path)) return;
  const entries = await readdir(path);
  if (entries.length > 0) throw new Error(`${label} ${path} 不是空的：只能恢复到空目录，以免覆盖现有数据`);
}

async function refuseNonEmptyDatabase(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `select count(*) as count from information_schema.tables
       where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    if (Number(rows[0]!.count) > 0)
      throw new Error('目标数据库不是空的：只能恢复到新建的空数据库，以免覆盖现有数据');
  } finally {
    await client.end();
  }
}

/** Copies the backup's uploads, checking each against its content address (the sha256 is its name). */
async function restoreUploads(from: string, to: string) {
  await mkdir(to, { recursive: true });
  if (!existsSync(from)) return;
  for (const path of await listFiles(from)) {
    const key = relative(from, path);
    if ((await sha256OfFile(path)) !== basename(path))
      throw new Error(`备份中的附件 ${key} 已损坏（内容与校验值不符）`);
    await mkdir(dirname(join(to, key)), { recursive: true });
    await copyFile(path, join(to, key));
  }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Loads the dumped data directory beside the target and moves it in place only once it opened. */
async function restoreEmbedded(databaseFile: string, pgdata: string): Promise<Record<string, number>> {
  const restoring = `${pgdata}.restoring`;
  await rm(restoring, { recursive: true, force: true });
  const database = await openDatabase({ pgliteDir: restoring, templateFile: databaseFile });
  let tables: Record<string, number>;
  try {
    const client = await database.pool.connect();
    try {
      tables = await countRows(client);
    } finally {
      client.release();
    }
  } finally {
    await database.close();
  }
  await rm(pgdata, { recursive: true, force: true });
  await rename(restoring, pgdata);
  return tables;
}

async function restorePostgres(databaseFile: string, databaseUrl: string): Promise<Record<string, number>> {
  const { url, env } = pgToolConnection(databaseUrl);
  // One transaction: a failed restore leaves the database as empty as it was.
  await runTool(
    'pg_restore',
    [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      `--dbname=${url}`,
      databaseFile,
    ],
    env,
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await countRows(client);
  } finally {
    await client.end();
  }
}
