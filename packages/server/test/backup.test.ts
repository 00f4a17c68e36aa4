import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { openDatabase, type Database } from '../src/db/client';
import { attachments, sectors } from '../src/db/schema';
import { pruneBackups, takeBackup, type BackupResult } from '../src/backup/backup';
import { requestServerBackup, serveBackupControl } from '../src/backup/control';
import { restoreBackup } from '../src/backup/restore';
import { createTestApp, type TestContext, postFormAs, injectAs } from './harness';
import { createServerDatabase } from './server-database';
import { buildCommittee, buildUser, signedInUser, testPassword } from './factories';

const serverUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'cppcc-backup-'));
const dataDir = join(work, 'data');
const uploadDir = join(dataDir, 'uploads');
const backupRoot = join(work, 'backups');
let t: TestContext;
let committeeId: number;
let username: string;

beforeAll(async () => {
  mkdirSync(dataDir, { recursive: true });
  t = await createTestApp({ dataDir, uploadDir });
  committeeId = (await buildCommittee(t.database.db)).id;
  username = (await buildUser(t.database.db, committeeId, ['member'])).username;
});
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

/** The test database's own connection string, which pg_dump needs in PostgreSQL mode. */
const databaseUrlOf = (database: Database) =>
  (database.pool as unknown as { options: { connectionString?: string } }).options.connectionString;

function multipart(fileName: string, content: Buffer) {
  const boundary = `----cppcc${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * A stream of writes until stopped: a sector row at each step, an upload every third step and the
 * deletion of an earlier upload every seventh, each one committed before the next begins. Records
 * the ids in commit order, so that a consistent snapshot holds exactly a prefix of them.
 */
function startWriting() {
  const committed: number[] = [];
  let stopped = false;
  const done = (async () => {
    const uploader = await signedInUser(t.app, committeeId, ['member']);
    const uploads: number[] = [];
    for (let step = 0; !stopped; step++) {
      const [row] = await t.database.db
        .insert(sectors)
        .values({ committeeId, name: `界别${step}` })
        .returning({ id: sectors.id });
      committed.push(row!.id);
      if (step % 3 === 0) {
        const body = multipart(
          `记录${step}.txt`,
          Buffer.from(`第 ${step} 份调研记录 ${randomBytes(8).toString('hex')}`),
        );
        const res = await postFormAs(t, uploader, '/api/attachments', body);
        expect(res.statusCode, res.body).toBe(201);
        uploads.push((res.json() as { id: number }).id);
      }
      if (step % 7 === 6 && uploads.length > 1) {
        const id = uploads.shift()!;
        const res = await injectAs(t, uploader, 'DELETE', `/api/attachments/${id}`);
        expect(res.statusCode, res.body).toBe(204);
      }
    }
  })();
  return {
    committed,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

const waitFor = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

async function countOf(client: pg.ClientBase, table: string) {
  const { rows } = await client.query<{ count: string }>(`select count(*) from ${table}`);
  return Number(rows[0]!.count);
}

describe('backup and restore', () => {
  let backup: BackupResult;
  let writer: ReturnType<typeof startWriting>;

  it('takes a backup in the middle of a stream of writes', async () => {
    writer = startWriting();
    await waitFor(() => writer.committed.length >= 20);
    const control = await serveBackupControl(t.database, { dataDir, uploadDir });
    try {
      // Embedded: through the running server's socket, as `npm run backup` does; PostgreSQL: directly.
      backup = control
        ? (await requestServerBackup(dataDir, backupRoot))!
        : await takeBackup(
            { database: t.database, uploadDir, databaseUrl: databaseUrlOf(t.database) },
            backupRoot,
          );
    } finally {
      await control?.close();
    }
    const atBackup = writer.committed.length;
    await waitFor(() => writer.committed.length >= atBackup + 20);
    await writer.stop();

    const { manifest } = backup;
    expect(manifest.mode).toBe(serverUrl ? 'postgres' : 'embedded');
    expect(manifest.migration.last).toMatch(/^\d{4}_/);
    const sectorsAtBackup = manifest.tables['public.sectors']!;
    // Writes happened before and after the snapshot; the snapshot did not wait for the stream to end.
    expect(sectorsAtBackup).toBeGreaterThanOrEqual(20);
    expect(sectorsAtBackup).toBeLessThan(writer.committed.length);
    expect(manifest.uploads.files).toBeGreaterThan(3);
    expect(manifest.uploads.missing).toEqual([]);
    expect(readdirSync(backupRoot)).toEqual([backup.path.split('/').pop()]);
    console.log(
      `backup (${manifest.mode}): freeze ${manifest.timings.freezeMs} ms, total ${manifest.timings.totalMs} ms, ` +
        `${manifest.database.bytes} bytes, ${manifest.uploads.files} uploads`,
    );
  });

  it('restores into an empty target exactly the rows of that moment, with their files, and a sign-in works', async () => {
    const target = join(work, 'restored');
    const restoredUploads = join(target, 'uploads');
    const restoreDb = serverUrl
      ? await createServerDatabase(serverUrl, `cppcc_restore_${process.pid}`)
      : null;
    try {
      const manifest = await restoreBackup(backup.path, {
        dataDir: target,
        uploadDir: restoredUploads,
        databaseUrl: restoreDb?.url,
      });
      const database = await openDatabase(
        restoreDb ? { databaseUrl: restoreDb.url } : { pgliteDir: join(target, 'pgdata') },
      );
      try {
        const client = await database.pool.connect();
        try {
          for (const [table, rows] of Object.entries(manifest.tables))
            expect(await countOf(client, table), table).toBe(rows);
        } finally {
          client.release();
        }
        // Consistent: the sectors are exactly the first ones the writer committed, none after.
        const restored = await database.db
          .select({ id: sectors.id })
          .from(sectors)
          .where(eq(sectors.committeeId, committeeId))
          .orderBy(asc(sectors.id));
        expect(restored.map((r) => r.id)).toEqual(writer.committed.slice(0, restored.length));
        for (const a of await database.db.select().from(attachments))
          expect(existsSync(join(restoredUploads, a.storageKey)), a.storageKey).toBe(true);

        const app = await buildApp({
          database,
          config: { ...t.config, uploadDir: restoredUploads },
          webDist: '/nonexistent',
        });
        try {
          const res = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { login: username, password: testPassword },
          });
          expect(res.statusCode, res.body).toBe(200);
        } finally {
          await app.close();
        }
      } finally {
        await database.close();
      }

      // The target now holds data: a second restore into it is refused, nothing overwritten.
      await expect(
        restoreBackup(backup.path, {
          dataDir: target,
          uploadDir: restoredUploads,
          databaseUrl: restoreDb?.url,
        }),
      ).rejects.toThrow(/不是空的/);
    } finally {
      await restoreDb?.drop();
    }
  });

  it('refuses a damaged backup and one from the other kind of database', async () => {
    const target = join(work, 'refused');
    const otherMode = serverUrl ? {} : { databaseUrl: 'postgres://nobody@127.0.0.1:1/none' };
    await expect(
      restoreBackup(backup.path, { dataDir: target, uploadDir: join(target, 'uploads'), ...otherMode }),
    ).rejects.toThrow(serverUrl ? /来自 PostgreSQL/ : /来自嵌入式数据库/);
    const damaged = join(work, 'damaged');
    const { cpSync } = await import('node:fs');
    cpSync(backup.path, damaged, { recursive: true });
    writeFileSync(join(damaged, backup.manifest.database.file), 'not a database');
    await expect(
      restoreBackup(damaged, {
        dataDir: target,
        uploadDir: join(target, 'uploads'),
        databaseUrl: serverUrl ? 'postgres://nobody@127.0.0.1:1/none' : undefined,
      }),
    ).rejects.toThrow(/已损坏/);
    expect(existsSync(join(target, 'pgdata'))).toBe(false);
  });

  it('keeps the newest backups when told how many', async () => {
    const root = join(work, 'retention');
    mkdirSync(root);
    for (const name of [
      'cppcc-backup-20261101T020000.000Z',
      'cppcc-backup-20261102T020000.000Z',
      'cppcc-backup-20261103T020000.000Z',
      'other',
    ])
      mkdirSync(join(root, name));
    expect(await pruneBackups(root, 2)).toEqual(['cppcc-backup-20261101T020000.000Z']);
    expect(readdirSync(root).sort()).toEqual([
      'cppcc-backup-20261102T020000.000Z',
      'cppcc-backup-20261103T020000.000Z',
      'other',
    ]);
  });
});
