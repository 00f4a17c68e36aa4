import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { ActivityFigure } from '@cppcc/shared';
import * as s from '../../db/schema';
import { as } from '../../../test/harness';
import { currentSignInCode } from './rules';
import { crowdOfMembers, useActivityWorld, walkActivity } from './activity-world.fixture';

const { t, w, call } = useActivityWorld();

const listUrl = (f: ActivityFigure) => {
  const params = new URLSearchParams(
    Object.entries(f.filter).map(([k, v]) => [k, String(v)] as [string, string]),
  );
  return `${f.list === 'activities' ? '/activities' : '/activity-attendance'}?${params}&pageSize=1`;
};

describe('activity figures', () => {
  it('equal, each, the total of the list they open, with a unit and a stated denominator for the rate', async () => {
    for (const kind of ['research', 'training', 'research']) {
      const a = await walkActivity(t, w, { startsInMinutes: 10, body: { kind } });
      const [row] = await w.db.select().from(s.activities).where(eq(s.activities.id, a.id));
      await call(w.users.grouped, 'POST', `/activities/${a.id}/sign-in`, {
        code: currentSignInCode(row!).code,
      });
      await call(w.users.staff, 'POST', `/activities/${a.id}/close`, {});
    }
    // Published and cancelled activities count in neither 已举办 nor the attendance rows' results.
    await walkActivity(t, w);
    const figures = await call(w.users.staff, 'GET', '/activities/figures');
    expect(figures.status).toBe(200);
    const all = [
      ...figures.body.totals,
      ...figures.body.byKind.flatMap((k: { figures: ActivityFigure[] }) => k.figures),
    ];
    expect(all.length).toBeGreaterThan(6);
    for (const f of all as ActivityFigure[]) {
      expect(['场次', '人次', '%']).toContain(f.unit);
      const list = await call(w.users.staff, 'GET', listUrl(f));
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      expect(list.body.total, `${f.label}: ${listUrl(f)}`).toBe(f.unit === '%' ? f.numerator : f.value);
    }
    const byKey = Object.fromEntries(figures.body.totals.map((f: ActivityFigure) => [f.key, f]));
    expect(byKey.held.value).toBe(3);
    expect(byKey.attended.value).toBe(3);
    // 4 obliged invitations per activity, one of them attended.
    expect(byKey.attendanceRate).toMatchObject({
      numerator: 3,
      denominator: 12,
      value: 25,
      denominatorLabel: '应出席人次',
    });
    expect(figures.body.byKind.map((k: { label: string }) => k.label).sort()).toEqual(['专题培训', '调研']);
    expect((await call(w.users.grouped, 'GET', '/activities/figures')).status).toBe(403);
    expect((await call(w.users.leader, 'GET', '/activities/figures')).status).toBe(200);
  });
});

describe('a plenary signing in at once', () => {
  it('gives 250 members one correct row each, without an error or a duplicate', async () => {
    const crowd = await crowdOfMembers(w.db, w.committees.county.id, w.term.id, w.sector.id, 250);
    const a = await walkActivity(t, w, {
      startsInMinutes: 5,
      memberIds: crowd.memberIds,
      body: { kind: 'plenary', inviteDefault: false },
    });
    const [row] = await w.db.select().from(s.activities).where(eq(s.activities.id, a.id));
    const { code } = currentSignInCode(row!);
    const answers = await Promise.all(
      crowd.sessions.map((session) =>
        t.app.inject({
          method: 'POST',
          url: `/api/activities/${a.id}/sign-in`,
          headers: as(session),
          payload: { code },
        }),
      ),
    );
    expect(answers.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    const signed = await w.db
      .select()
      .from(s.activityInvitations)
      .where(and(eq(s.activityInvitations.activityId, a.id), isNotNull(s.activityInvitations.signedInAt)));
    expect(signed).toHaveLength(250);
    expect(new Set(signed.map((r) => r.memberId)).size).toBe(250);
    expect(signed.every((r) => r.attendance === 'present')).toBe(true);
  }, 120_000);
});
