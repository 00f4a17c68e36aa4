import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
