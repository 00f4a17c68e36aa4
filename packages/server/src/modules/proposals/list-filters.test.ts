import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { committees, proposals } from '../../db/schema';
import { useProposalWorld, walkProposal } from './proposal-world.fixture';

const { t, w, call } = useProposalWorld();

describe('the proposal list by filing date', () => {
  it('takes days and years in the committee’s time zone, and refuses a malformed day', async () => {
    const late = await walkProposal(t, w, 'submitted');
    const early = await walkProposal(t, w, 'submitted');
    const newYear = await walkProposal(t, w, 'submitted');
    // 01:00 on 1 April in Beijing is still 31 March in UTC; 23:00 on 31 March in Beijing is 31 March.
    const filed = async (id: number, at: string) =>
      w.db
        .update(proposals)
        .set({ submittedAt: new Date(at) })
        .where(eq(proposals.id, id));
    await filed(late.id, '2026-03-31T17:00:00Z');
    await filed(early.id, '2026-03-31T15:00:00Z');
    await filed(newYear.id, '2025-12-31T17:00:00Z');
    const ids = async (query: string) => {
      const res = await call(w.users.staff, 'GET', `/proposals?${query}&pageSize=100`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items
        .map((p: { id: number }) => p.id)
        .filter((id: number) => [late.id, early.id, newYear.id].includes(id));
    };
    expect(await ids('submittedFrom=2026-04-01')).toEqual([late.id]);
    expect(await ids('submittedFrom=2026-03-31&submittedTo=2026-03-31')).toEqual([early.id]);
    expect(await ids('year=2026&submittedTo=2026-01-01')).toEqual([newYear.id]);

    await w.db
      .update(committees)
      .set({ settings: { timeZone: 'UTC' } })
      .where(eq(committees.id, w.committee.id));
    try {
      expect((await ids('submittedFrom=2026-03-31&submittedTo=2026-03-31')).sort()).toEqual(
        [late.id, early.id].sort(),
      );
      expect(await ids('year=2026&submittedTo=2026-01-01')).toEqual([]);
      expect(await ids('year=2025')).toEqual([newYear.id]);
    } finally {
      await w.db.update(committees).set({ settings: {} }).where(eq(committees.id, w.committee.id));
    }

    const bad = await call(w.users.staff, 'GET', '/proposals?submittedFrom=2026-4-1');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('日期格式应为 YYYY-MM-DD');
  });
});
