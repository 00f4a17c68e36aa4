import { describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import * as s from '../../db/schema';
import { notificationsOf } from '../../../test/committee-app';
import { currentSignInCode } from './rules';
import { useActivityWorld, validActivity, walkActivity } from './activity-world.fixture';

const { t, w, call } = useActivityWorld();

const setSettings = (patch: Record<string, unknown>) =>
  w.db.update(s.committees).set({ settings: patch }).where(eq(s.committees.id, w.committees.county.id));
const codeOf = async (activityId: number, at = new Date()) => {
  const [row] = await w.db.select().from(s.activities).where(eq(s.activities.id, activityId));
  return currentSignInCode(row!, at).code;
};
const dutyOf = (activityId: number) =>
  w.db
    .select()
    .from(s.dutyRecords)
    .where(
      and(
        eq(s.dutyRecords.sourceType, 'activity'),
        eq(s.dutyRecords.sourceId, activityId),
        isNull(s.dutyRecords.withdrawnAt),
      ),
    );

describe('preparing and publishing an activity', () => {
  it("invites the kind's default people and the named ones, keeps the draft to the staff, then tells the invitees", async () => {
    const created = await call(
      w.users.staff,
      'POST',
      '/activities',
      validActivity(3 * 24 * 60, {
        kind: 'standingMeeting',
        topic: '县政协常委会第十次会议',
        invite: { groupIds: [w.group.id] },
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const invited = created.body.invitations.map((i: { memberName: string }) => i.memberName).sort();
    // 全体常委 by the kind, and the group (one of whom is also a standing member).
    expect(invited).toEqual(['李秀兰', '王建国', '赵志强'].sort());
    expect(created.body).toMatchObject({
      state: 'planned',
      kindLabel: '常委会会议',
      organiserName: '政协机关',
    });
    expect((await call(w.users.standing, 'GET', `/activities/${created.body.id}`)).status).toBe(404);
    expect((await call(w.users.otherStaff, 'GET', `/activities/${created.body.id}`)).status).toBe(404);

    const published = await call(w.users.staff, 'POST', `/activities/${created.body.id}/publish`, {
      version: created.body.version,
    });
    expect(published.body.state).toBe('published');
    expect(await notificationsOf(w.db, w.users.grouped.userId, 'activity.invited')).not.toHaveLength(0);
    expect(await notificationsOf(w.db, w.users.outsider.userId, 'activity.invited')).toHaveLength(0);
    const seen = await call(w.users.grouped, 'GET', `/activities/${created.body.id}`);
    expect(seen.status).toBe(200);
    // A member sees their own row of the roster, not the others'.
    expect(seen.body.invitations).toHaveLength(1);
    expect(seen.body.mine).toMatchObject({ reply: 'pending', mandatory: true });
    expect((await call(w.users.outsider, 'GET', `/activities/${created.body.id}`)).status).toBe(404);
    const mine = await call(w.users.grouped, 'GET', '/activities?view=mine');
    expect(mine.body.items.map((i: { id: number }) => i.id)).toContain(created.body.id);
  });

  it('refuses a kind the committee has not set, an end before the start, and a member or unit creating one', async () => {
    const unknownKind = await call(
      w.users.staff,
      'POST',
      '/activities',
      validActivity(60, { kind: 'party' }),
    );
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.message).toContain('不在本会设置的活动类型中');
    const backwards = await call(w.users.staff, 'POST', '/activities', {
      ...validActivity(60),
      endsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('结束时间应晚于开始时间');
    expect((await call(w.users.standing, 'POST', '/activities', validActivity())).status).toBe(403);
    expect((await call(w.users.opinionStaff, 'POST', '/activities', validActivity())).status).toBe(403);
    const foreignGroup = await call(w.users.otherStaff, 'POST', '/activities', {
      ...validActivity(),
      invite: { groupIds: [w.group.id] },
    });
    expect(foreignGroup.status).toBe(400);
  });
});

describe('leave', () => {
  it('is asked before the deadline with a reason, at most twice, and approved by the liaison staff', async () => {
    const a = await walkActivity(t, w);
    const ask = (reason = '赴外地出差') =>
      call(w.users.standing, 'POST', `/activities/${a.id}/leave`, { reason });
    const first = await ask();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.mine).toMatchObject({ reply: 'leave', leaveState: 'requested' });
    expect(await notificationsOf(w.db, w.users.staff.userId, 'activity.leaveRequested')).not.toHaveLength(0);
    expect((await ask()).status).toBe(409);
    const withdraw = async () => {
      const detail = await call(w.users.standing, 'GET', `/activities/${a.id}`);
      const leave = detail.body.leaveRequests.find((l: { state: string }) => l.state === 'requested');
      return call(w.users.standing, 'POST', `/activity-leave/${leave.id}/withdraw`, {
        version: leave.version,
      });
    };
    expect((await withdraw()).status).toBe(200);
    expect((await ask('家中有事')).status).toBe(200);
    expect((await withdraw()).status).toBe(200);
    const third = await ask('再次请假');
    expect(third.status).toBe(409);
    expect(third.body.message).toContain('每次活动最多请假 2 次');

    const other = await call(w.users.standing2, 'POST', `/activities/${a.id}/leave`, { reason: '住院治疗' });
    const leave = other.body.leaveRequests[0];
    // The member cannot approve their own leave; the staff can.
    expect((await call(w.users.standing2, 'POST', `/activity-leave/${leave.id}/approve`, {})).status).toBe(
      403,
    );
    const approved = await call(w.users.staff, 'POST', `/activity-leave/${leave.id}/approve`, {
      version: leave.version,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.leaveRequests.find((l: { id: number }) => l.id === leave.id).state).toBe('approved');
    expect(await notificationsOf(w.db, w.users.standing2.userId, 'activity.leaveDecided')).not.toHaveLength(
      0,
    );
    const refuseWithoutReason = await call(w.users.staff, 'POST', `/activity-leave/${leave.id}/refuse`, {});
    expect(refuseWithoutReason.status).toBe(400);

    // The leave and attendance lists find a member as people search does: initials, pinyin, name.
    const leaveOf = async (q: string) =>
      (
        await call(w.users.staff, 'GET', `/activity-leave?activityId=${a.id}&q=${encodeURIComponent(q)}`)
      ).body.items.map((l: { memberName: string }) => l.memberName);
    expect(await leaveOf('lxl')).toEqual(['李秀兰']);
    expect(await leaveOf('lixiu')).toEqual(['李秀兰']);
    expect(await leaveOf('wjg')).toEqual(['王建国', '王建国']);
    expect(await leaveOf('zzq')).toEqual([]);
    const attendance = await call(w.users.staff, 'GET', `/activity-attendance?activityId=${a.id}&q=lxl`);
    expect(attendance.body.items.map((r: { memberName: string }) => r.memberName)).toEqual(['李秀兰']);
  });

  it('is refused after the deadline, naming it', async () => {
    const soon = await walkActivity(t, w, { startsInMinutes: 60 });
    const late = await call(w.users.grouped, 'POST', `/activities/${soon.id}/leave`, { reason: '临时有事' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('请假须在活动开始前 24 小时提出');
    expect((await call(w.users.grouped, 'POST', `/activities/${soon.id}/leave`, { reason: '' })).status).toBe(
      400,
    );
  });
});

describe('sign-in, marks and closing', () => {
  it('takes the code on the screen in the window, once per member, and refuses every other way', async () => {
    const a = await walkActivity(t, w, { startsInMinutes: 10 });
    const code = await codeOf(a.id);
    const signed = await call(w.users.grouped, 'POST', `/activities/${a.id}/sign-in`, { code });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.mine).toMatchObject({ attendance: 'present' });
    const again = await call(w.users.grouped, 'POST', `/activities/${a.id}/sign-in`, { code });
    expect(again.status).toBe(200);
    const rows = await w.db
      .select()
      .from(s.activityInvitations)
      .where(
        and(
          eq(s.activityInvitations.activityId, a.id),
          eq(s.activityInvitations.memberId, w.members.grouped.id),
        ),
      );
    expect(rows).toHaveLength(1);

    const stale = await codeOf(a.id, new Date(Date.now() - 90_000));
    const expired = await call(w.users.standing, 'POST', `/activities/${a.id}/sign-in`, { code: stale });
    // A code of 90 seconds ago might by chance equal today's; then the refusal cannot be seen.
    if (stale !== code) {
      expect(expired.status).toBe(409);
      expect(expired.body.message).toContain('签到码不正确或已过期');
    }
    const forAnother = await call(w.users.standing, 'POST', `/activities/${a.id}/sign-in`, {
      code,
      memberId: w.members.outsider.id,
    });
    expect(forAnother.status).toBe(400);
    expect((await call(w.users.otherMember, 'POST', `/activities/${a.id}/sign-in`, { code })).status).toBe(
      404,
    );
    expect((await call(w.users.otherStaff, 'GET', `/activities/${a.id}/sign-in-code`)).status).toBe(404);
    expect((await call(w.users.grouped, 'GET', `/activities/${a.id}/sign-in-code`)).status).toBe(403);
    const screen = await call(w.users.staff, 'GET', `/activities/${a.id}/sign-in-code`);
    expect(screen.body).toMatchObject({ code: await codeOf(a.id), open: true, signedIn: 1, invited: 4 });

    const farOff = await walkActivity(t, w, { startsInMinutes: 3 * 24 * 60 });
    const early = await call(w.users.grouped, 'POST', `/activities/${farOff.id}/sign-in`, {
      code: await codeOf(farOff.id),
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('现在不能签到');
  });

  it('marks and corrects with a reason, closes into final results and duty records, and reopens', async () => {
    await setSettings({ leaveNoticeHours: 0 });
    try {
      const a = await walkActivity(t, w, {
        startsInMinutes: 10,
        body: { kind: 'inspection', topic: '视察城区学校安全' },
      });
      // Optional for the outsider: not coming is not an absence on the record.
      await call(w.users.staff, 'POST', `/activities/${a.id}/remove-invitation`, {
        memberIds: [w.members.outsider.id],
      });
      await call(w.users.staff, 'POST', `/activities/${a.id}/invite`, {
        selection: { memberIds: [w.members.outsider.id] },
        mandatory: false,
      });
      const leave = await call(w.users.standing2, 'POST', `/activities/${a.id}/leave`, {
        reason: '参加省里培训',
      });
      await call(w.users.staff, 'POST', `/activity-leave/${leave.body.leaveRequests[0].id}/approve`, {});
      await call(w.users.grouped, 'POST', `/activities/${a.id}/sign-in`, { code: await codeOf(a.id) });

      const mark = (attendance: string, reason?: string) =>
        call(w.users.staff, 'POST', `/activities/${a.id}/attendance`, {
          entries: [{ memberId: w.members.grouped.id, attendance }],
          ...(reason ? { reason } : {}),
        });
      const noReason = await mark('leftEarly');
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body)).toContain('须写明更正理由');
      expect((await mark('leftEarly', '会议中途离场')).status).toBe(200);
      const [audit] = await w.db
        .select()
        .from(s.auditLog)
        .where(and(eq(s.auditLog.action, 'activity.markAttendance'), eq(s.auditLog.targetId, a.id)));
      expect(JSON.stringify(audit!.changes)).toContain('会议中途离场');

      const before = await call(w.users.staff, 'GET', `/activities/${a.id}`);
      const closed = await call(w.users.staff, 'POST', `/activities/${a.id}/close`, {
        version: before.body.version,
      });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      const result = Object.fromEntries(
        closed.body.invitations.map((i: { memberName: string; attendance: string }) => [
          i.memberName,
          i.attendance,
        ]),
      );
      expect(result).toEqual({ 王建国: 'absent', 李秀兰: 'leave', 赵志强: 'leftEarly', 马文华: 'absent' });
      const duty = await dutyOf(a.id);
      const kinds = Object.fromEntries(duty.map((d) => [d.memberId, d.kind]));
      expect(kinds).toEqual({
        [w.members.standing.id]: 'activity.absent',
        [w.members.standing2.id]: 'activity.leave',
        [w.members.grouped.id]: 'activity.attended',
      });
      expect(duty.find((d) => d.kind === 'activity.attended')!.detail).toMatchObject({
        activityKind: 'inspection',
      });

      const edit = await call(w.users.staff, 'PATCH', `/activities/${a.id}`, { topic: '改个题目' });
      expect(edit.status).toBe(409);
      expect(
        (await call(w.users.grouped, 'POST', `/activities/${a.id}/sign-in`, { code: await codeOf(a.id) }))
          .status,
      ).toBe(409);

      const reopened = await call(w.users.staff, 'POST', `/activities/${a.id}/reopen`, {
        reason: '补登出席情况',
      });
      expect(reopened.status).toBe(200);
      expect(await dutyOf(a.id)).toHaveLength(0);
      // The results closing filled in are cleared; the staff's mark stays.
      expect(
        reopened.body.invitations.find((i: { memberName: string }) => i.memberName === '王建国').attendance,
      ).toBeNull();
      await call(w.users.standing, 'POST', `/activities/${a.id}/sign-in`, { code: await codeOf(a.id) });
      await call(w.users.staff, 'POST', `/activities/${a.id}/close`, {});
      const again = Object.fromEntries((await dutyOf(a.id)).map((d) => [d.memberId, d.kind]));
      expect(again[w.members.standing.id]).toBe('activity.attended');

      const mine = await call(w.users.standing2, 'GET', '/activities/my-attendance');
      expect(mine.body).toMatchObject({ leave: 1 });
      expect(mine.body.rate).not.toBeNull();
    } finally {
      await setSettings({});
    }
  });

  it('cancels with a reason and tells the invitees', async () => {
    const a = await walkActivity(t, w);
    expect((await call(w.users.staff, 'POST', `/activities/${a.id}/cancel`, {})).status).toBe(400);
    const cancelled = await call(w.users.staff, 'POST', `/activities/${a.id}/cancel`, {
      reason: '因天气原因取消',
    });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: '因天气原因取消' });
    const reply = await call(w.users.grouped, 'POST', `/activities/${a.id}/reply`, {});
    expect(reply.status).toBe(409);
    expect(reply.body.message).toContain('活动已取消');
  });
});
