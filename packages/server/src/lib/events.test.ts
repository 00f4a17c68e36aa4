import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '../db/schema';
import { createTestApp, type TestContext } from '../../test/harness';
import { buildCommittee } from '../../test/factories';
import { emit, subscribe } from './events';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const payload = (committeeId: number, proposalId: number) => ({
  committeeId,
  proposalId,
  memberId: 1,
  title: '关于规范电动车充电的建议',
  content: '内容',
  reason: '转社情民意',
});

describe('domain events', () => {
  it('keeps an event nobody subscribes to yet', async () => {
    const c = await buildCommittee(t.database.db);
    // No module handles a suggestion forwarded to a department yet.
    const { reason: _reason, memberId: _memberId, ...forwarded } = payload(c.id, 101);
    await t.database.db.transaction((tx) =>
      emit(tx, 'proposal.forwardedAsSuggestion', { ...forwarded, unitId: 1 }),
    );
    const rows = await t.database.db
      .select()
      .from(s.domainEvents)
      .where(eq(s.domainEvents.committeeId, c.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'proposal.forwardedAsSuggestion', handledBy: [] });
  });

  it('runs subscribers in the emitting transaction: a failing subscriber rolls the event back', async () => {
    const c = await buildCommittee(t.database.db);
    const off = subscribe('proposal.convertedToOpinion', 'failing', async () => {
      throw new Error('opinion draft failed');
    });
    await expect(
      t.database.db.transaction((tx) => emit(tx, 'proposal.convertedToOpinion', payload(c.id, 102))),
    ).rejects.toThrow('opinion draft failed');
    off();
    expect(
      await t.database.db.select().from(s.domainEvents).where(eq(s.domainEvents.committeeId, c.id)),
    ).toEqual([]);
    expect(() => {
      const again = subscribe('proposal.convertedToOpinion', 'dup', async () => {});
      try {
        subscribe('proposal.convertedToOpinion', 'dup', async () => {});
      } finally {
        again();
      }
    }).toThrow(/already registered/);
  });
});
