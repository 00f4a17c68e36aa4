import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { committees, proposalUnits, proposals } from '../../db/schema';
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

describe('the proposal list by keyword, and its total', () => {
  it('finds a keyword of two or more characters anywhere in the title, whatever its case', async () => {
    const titled = async (title: string) => {
      const p = await walkProposal(t, w, 'submitted');
      await w.db.update(proposals).set({ title }).where(eq(proposals.id, p.id));
      return p.id;
    };
    const lift = await titled('关于老旧小区加装电梯的提案');
    const apart = await titled('关于电动车停放与梯次利用的提案');
    const air = await titled('关于治理PM2.5的提案');
    const ids = async (q: string) => {
      const res = await call(
        w.users.staff,
        'GET',
        `/proposals?view=all&pageSize=100&q=${encodeURIComponent(q)}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const found = res.body.items
        .map((p: { id: number }) => p.id)
        .filter((id: number) => [lift, apart, air].includes(id));
      return found.sort();
    };
    expect(await ids('电梯')).toEqual([lift]);
    // 电 and 梯 both appear in the other title, but not side by side.
    expect(await ids('加装电梯')).toEqual([lift]);
    expect(await ids('pm2.5')).toEqual([air]);
    expect(await ids('梯')).toEqual([lift, apart].sort());
    expect(await ids('电梯改造')).toEqual([]);
  });

  it('gives every page the same total, and a new total once a proposal is filed', async () => {
    const total = async (query = '') => {
      const res = await call(w.users.staff, 'GET', `/proposals?view=all&pageSize=1${query}`);
      expect(res.status).toBe(200);
      return res.body.total as number;
    };
    const before = await total();
    expect(await total('&page=2')).toBe(before);
    await walkProposal(t, w, 'submitted');
    expect(await total()).toBe(before + 1);
    expect(await total('&page=3')).toBe(before + 1);
  });

  it('counts a proposal overdue once its deadline passes, with no write in between', async () => {
    const overdueTotal = async () => {
      const res = await call(w.users.staff, 'GET', '/proposals?view=overdue&pageSize=1');
      expect(res.status).toBe(200);
      return res.body.total as number;
    };
    const p = await walkProposal(t, w, 'assigned');
    await w.db
      .update(proposalUnits)
      .set({ deadline: new Date(Date.now() + 1500) })
      .where(eq(proposalUnits.proposalId, p.id));
    const before = await overdueTotal();
    expect(await overdueTotal()).toBe(before);
    await new Promise((r) => setTimeout(r, 1600));
    expect(await overdueTotal()).toBe(before + 1);
  });
});
