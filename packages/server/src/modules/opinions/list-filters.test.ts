import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { useOpinionWorld, walkOpinion } from './opinion-world.fixture';

const { t, w, call } = useOpinionWorld();

describe('the opinion list by reporting date', () => {
  it('takes the days in the committee’s time zone, and refuses a malformed day', async () => {
    const late = await walkOpinion(t, w, 'submitted');
    const early = await walkOpinion(t, w, 'submitted');
    // 01:00 on 1 April in Beijing is 31 March in UTC; 23:00 on 31 March in Beijing is 31 March.
    const reported = (id: number, at: string) =>
      w.db
        .update(s.opinions)
        .set({ submittedAt: new Date(at) })
        .where(eq(s.opinions.id, id));
    await reported(late.id, '2026-03-31T17:00:00Z');
    await reported(early.id, '2026-03-31T15:00:00Z');
    const ids = async (query: string) => {
      const res = await call(w.users.staff, 'GET', `/opinions?view=all&${query}&pageSize=100`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items
        .map((o: { id: number }) => o.id)
        .filter((id: number) => [late.id, early.id].includes(id));
    };
    expect(await ids('submittedFrom=2026-04-01')).toEqual([late.id]);
    expect(await ids('submittedFrom=2026-03-31&submittedTo=2026-03-31')).toEqual([early.id]);
    expect(await ids('submittedTo=2026-03-30')).toEqual([]);

    const bad = await call(w.users.staff, 'GET', '/opinions?submittedTo=31/03/2026');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('日期格式应为 YYYY-MM-DD');
  });
});
