import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from './client';

const root = mkdtempSync(join(tmpdir(), 'cppcc-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(Boolean(process.env.DATABASE_URL))('embedded data directory', () => {
  it('refuses a second process on the same directory and frees it on close', async () => {
    const dir = join(root, 'pgdata');
    const first = await openDatabase({ pgliteDir: dir });
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow('数据目录正被另一个进程使用');
    // The first one is unharmed.
    expect((await first.pool.query('select 1 as one')).rows[0].one).toBe(1);
    await first.close();
    const again = await openDatabase({ pgliteDir: dir });
    expect((await again.pool.query('select 1 as one')).rows[0].one).toBe(1);
    await again.close();
  }, 60_000);
});

/** The database's own message: drizzle wraps the driver's error as its cause. */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'accepted',
    (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
  );

describe('database connection', () => {
  it('stays usable after queries the database refuses, outside and inside transactions', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
    try {
      for (let round = 0; round < 3; round += 1) {
        // A value out of range for the column type fails in the database, not in the driver.
        const outOfRange = database.db.execute(sql`select ${'2147483648'}::int as n`);
        expect(await refusal(outOfRange)).toMatch(/out of range/);
        expect(await refusal(database.db.execute(sql`select 1 / 0`))).toMatch(/division by zero/);
        const [row] = (await database.db.execute<{ one: number }>(sql`select 1 as one`)).rows;
        expect(row?.one).toBe(1);
      }
      const inTransaction = database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 / 0`);
      });
      expect(await refusal(inTransaction)).toMatch(/division by zero/);
      // Concurrent requests after a failure all get answers (the embedded pool has one connection).
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => database.db.execute<{ n: number }>(sql`select ${i}::int as n`)),
      );
      expect(answers.map((a) => a.rows[0]?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
