import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useCommitteeApp } from '../../test/committee-app';
import { buildCommittee, buildMember, buildProposal } from '../../test/factories';
import type { DbOrTx } from '../db/client';
import { proposals } from '../db/schema';
import { dataRevision, RevisionCache } from './revisions';

const t = useCommitteeApp();

describe('a committee’s data revision', () => {
  it('rises with each statement that changes its rows, and only its own', async () => {
    const db = t.database.db;
    const other = await buildCommittee(db);
    const proposal = await buildProposal(db, t.committeeId);
    const mine = await dataRevision(db, t.committeeId);
    const theirs = await dataRevision(db, other.id);
    await db.update(proposals).set({ title: '关于改名的提案' }).where(eq(proposals.id, proposal.id));
    expect(await dataRevision(db, t.committeeId)).toBe(mine + 1);
    // A statement that changes no row changes nothing.
    await db.update(proposals).set({ title: '无' }).where(eq(proposals.id, -1));
    expect(await dataRevision(db, t.committeeId)).toBe(mine + 1);
    await buildMember(db, other.id);
    expect(await dataRevision(db, other.id)).toBeGreaterThan(theirs);
    expect(await dataRevision(db, t.committeeId)).toBe(mine + 1);
    // A write that rolls back leaves the revision where it was.
    await db
      .transaction(async (tx) => {
        await tx.delete(proposals).where(eq(proposals.id, proposal.id));
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await dataRevision(db, t.committeeId)).toBe(mine + 1);
  });
});

describe('values kept per revision', () => {
  const countOf =
    (committeeId: number, db: DbOrTx = t.database.db) =>
    async () => {
      computed++;
      const { rows } = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from proposals where committee_id = ${committeeId}`,
      );
      return { value: rows[0]!.n };
    };
  let computed = 0;

  it('computes once per revision and again after a write', async () => {
    const db = t.database.db;
    const committee = await buildCommittee(db);
    const cache = new RevisionCache<number>();
    await buildProposal(db, committee.id);
    computed = 0;
    expect(await cache.get(db, committee.id, 'n', countOf(committee.id))).toBe(1);
    expect(await cache.get(db, committee.id, 'n', countOf(committee.id))).toBe(1);
    expect(computed).toBe(1);
    await buildProposal(db, committee.id);
    expect(await cache.get(db, committee.id, 'n', countOf(committee.id))).toBe(2);
    expect(computed).toBe(2);
    // Another key of the same committee is its own value.
    expect(await cache.get(db, committee.id, 'other', countOf(committee.id))).toBe(2);
    expect(computed).toBe(3);
  });

  it('keeps nothing computed while a write commits, inside a transaction, or past its validity', async () => {
    const db = t.database.db;
    const committee = await buildCommittee(db);
    const cache = new RevisionCache<number>();
    computed = 0;
    // A write lands between the two reads of the revision: the value is returned but not kept.
    const racing = async () => {
      const counted = await countOf(committee.id)();
      await buildProposal(db, committee.id);
      return counted;
    };
    expect(await cache.get(db, committee.id, 'n', racing)).toBe(0);
    expect(await cache.get(db, committee.id, 'n', countOf(committee.id))).toBe(1);
    expect(computed).toBe(2);

    await db.transaction(async (tx) => {
      await cache.get(tx, committee.id, 'tx', countOf(committee.id, tx));
      await cache.get(tx, committee.id, 'tx', countOf(committee.id, tx));
    });
    expect(computed).toBe(4);

    const expired = async () => ({
      ...(await countOf(committee.id)()),
      validUntil: new Date(Date.now() - 1),
    });
    await cache.get(db, committee.id, 'deadline', expired);
    await cache.get(db, committee.id, 'deadline', expired);
    expect(computed).toBe(6);
  });

  it('forgets the least recently used value beyond its capacity', async () => {
    const db = t.database.db;
    const cache = new RevisionCache<number>(2);
    computed = 0;
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b'])
      await cache.get(db, t.committeeId, key, countOf(t.committeeId));
    // a, b computed; a kept; c pushes b out; a kept; b again.
    expect(computed).toBe(4);
  });
});
