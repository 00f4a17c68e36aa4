import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** What a backup folder says about itself, in `manifest.json`. */
export interface BackupManifest {
  format: 'cppcc-backup';
  version: 1;
  /** When the database snapshot was taken (ISO 8601, UTC). */
  takenAt: string;
  mode: 'embedded' | 'postgres';
  /** Migrations applied in the snapshot; `last` is the journal tag of the newest. */
  migration: { applied: number; last: string | null };
  /** Rows per table (`schema.table`) in the snapshot. */
  tables: Record<string, number>;
  database: { file: string; bytes: number; sha256: string };
  /** Files referenced by the snapshot's attachments; `missing` were already gone from disk. */
  uploads: { files: number; bytes: number; missing: string[] };
  /** How long writes were held back while the snapshot was taken, and the whole backup. */
  timings: { freezeMs: number; totalMs: number };
}

export const manifestFile = 'manifest.json';
export const backupPrefix = 'cppcc-backup-';

const journalFile = fileURLToPath(new URL('../db/migrations/meta/_journal.json', import.meta.url));

/** The migrations this version of the code knows, by the `when` drizzle records for each. */
export function knownMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/** Facts of the database read on one connection, so they describe the same moment as the dump. */
export interface SnapshotFacts {
  tables: Record<string, number>;
  migration: BackupManifest['migration'];
  storageKeys: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     order by 1, 2`,
  );
  if (tables.length === 0) return {};
  const { rows } = await client.query<{ name: string; count: string }>(
    tables
      .map(
        (t) =>
          `select '${t.schema}.${t.name}' as name, count(*) as count from ${quote(t.schema)}.${quote(t.name)}`,
      )
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.count)]));
}

export async function migrationLevel(client: pg.ClientBase): Promise<BackupManifest['migration']> {
  const { rows } = await client.query<{ created_at: string }>(
    'select created_at from drizzle.__drizzle_migrations order by created_at',
  );
  const last = rows.at(-1);
  const tag = last ? knownMigrations().find((m) => String(m.when) === String(last.created_at))?.tag : null;
  return { applied: rows.length, last: tag ?? (last ? `unknown:${last.created_at}` : null) };
}

export async function readSnapshotFacts(client: pg.ClientBase): Promise<SnapshotFacts> {
  const tables = await countRows(client);
  const migration = await migrationLevel(client);
  const { rows } = await client.query<{ key: string }>(
    'select distinct storage_key as key from attachments order by 1',
  );
  return { tables, migration, storageKeys: rows.map((r) => r.key) };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function readManifest(folder: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(folder, manifestFile), 'utf8');
  } catch {
    throw new Error(`${folder} 不是备份目录：找不到 ${manifestFile}`);
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 'cppcc-backup' || manifest.version !== 1)
    throw new Error(`${folder} 的清单格式不认识（format ${manifest.format}，version ${manifest.version}）`);
  return manifest;
}
