import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpEmbedded, openDatabase, runMigrations } from '../src/db/client';

/**
 * Embedded mode: migrate one in-memory PGlite once and dump it, so that each test file
 * starts its own fresh database from the dump in well under a second instead of ~5 s.
 */
export default async function setup() {
  if (process.env.DATABASE_URL) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cppcc-template-'));
  const file = join(dir, 'migrated.tar.gz');
  const database = await openDatabase({});
  await runMigrations(database.db);
  await dumpEmbedded(database, file);
  await database.close();
  process.env.CPPCC_TEST_TEMPLATE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
