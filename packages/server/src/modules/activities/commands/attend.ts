import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { formatDateTime } from '@cppcc/shared';
import { activityInvitations, activityLeaveRequests, members } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { writeAudit } from '../../../lib/audit';
import { AppError, conflict, notFound } from '../../../lib/errors';
import { authorize } from '../../../lib/policy';
import { notifyRoles } from '../../../lib/recipients';
import { getSettings } from '../../../lib/settings';
import { appendTimeline } from '../../../lib/timeline';
import { acceptsSignInCode, isLate, leaveDeadline, signInWindow, windowText } from '../rules';
import { activityAccess, findActivity, type ActivityRow } from '../workflow';

/**
 * What an invitee does: reply 参加, ask for leave, sign in. These write the member's own invitation
 * only, without locking the activity, so that a whole plenary can sign in at once.
 */

const refused = (message: string) => new AppError('INVALID_TRANSITION', message);
const stateWords = { closed: '已结束', cancelled: '已取消' } as const;
const abilityWords = { reply: '回复', requestLeave: '请假', signIn: '签到' } as const;

/** The activity of the actor's committee the actor may take `ability` on, in the transaction. */
async function openFor(ctx: ServiceContext, id: number, ability: 'reply' | 'requestLeave' | 'signIn') {
  const record = await findActivity(ctx.db, ctx.actor.committeeId, id);
  if (!record) throw notFound('活动');
  const access = await activityAccess(ctx.db, record);
  const invited = ctx.actor.memberId !== null && access.inviteeMemberIds.includes(ctx.actor.memberId);
  if (invited && record.state !== 'published' && record.state !== 'planned')
    throw refused(`活动${stateWords[record.state as 'closed' | 'cancelled']}，不能${abilityWords[ability]}`);
  authorize(ctx.actor, ability, 'activity', access);
  return record;
}

const invitationOf = (record: ActivityRow, memberId: number) =>
  and(eq(activityInvitations.activityId, record.id), eq(activityInvitations.memberId, memberId));

/** 参加: the member will come; a leave request still waiting is withdrawn. */
export async function replyAttending(ctx: ServiceContext, id: number) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const record = await openFor(c, id, 'reply');
    const memberId = ctx.actor.memberId!;
    await tx
      .update(activityLeaveRequests)
      .set({ state: 'withdrawn', updatedAt: new Date() })
      .where(
        and(
          eq(activityLeaveRequests.activityId, record.id),
          eq(activityLeaveRequests.memberId, memberId),
          eq(activityLeaveRequests.state, 'requested'),
        ),
      );
    await tx
      .update(activityInvitations)
      .set({ reply: 'attending', repliedAt: new Date() })
      .where(invitationOf(record, memberId));
    await appendTimeline(tx, ctx.actor, {
      recordType: 'activity',
      recordId: record.id,
      action: 'reply',
      note: '参加',
    });
    return record;
  });
}

/**
 * 请假: asked with a reason before the committee's deadline, at most the committee's number of times
 * per activity, one at a time; the approver is notified.
 */
export async function requestLeave(ctx: ServiceContext, id: number, input: { reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const record = await openFor(c, id, 'requestLeave');
    const memberId = ctx.actor.memberId!;
    const settings = await getSettings(tx, record.committeeId);
    const deadline = leaveDeadline(record, settings);
    if (new Date() > deadline)
      throw refused(
        `请假须在活动开始前 ${settings.leaveNoticeHours} 小时提出（截止 ${formatDateTime(deadline, settings.timeZone)}），请直接联系委员联络工作人员`,
      );
    // Serialises this member's requests for the activity, so two at once cannot both pass the count.
    await tx
      .select({ id: activityInvitations.id })
      .from(activityInvitations)
      .where(invitationOf(record, memberId))
      .for('update');
    const asked = await tx
      .select({ state: activityLeaveRequests.state, n: count() })
      .from(activityLeaveRequests)
      .where(
        and(eq(activityLeaveRequests.activityId, record.id), eq(activityLeaveRequests.memberId, memberId)),
      )
      .groupBy(activityLeaveRequests.state);
    if (asked.some((a) => a.state === 'requested' || a.state === 'approved'))
      throw conflict('已有待审批或已准假的请假申请，无需重复请假');
    const total = asked.reduce((sum, a) => sum + a.n, 0);
    if (total >= settings.maxLeaveRequestsPerMeeting)
      throw refused(
        `每次活动最多请假 ${settings.maxLeaveRequestsPerMeeting} 次，已请假 ${total} 次，不能再次请假`,
      );
    const [leave] = await tx
      .insert(activityLeaveRequests)
      .values({ committeeId: record.committeeId, activityId: record.id, memberId, reason: input.reason })
      .returning();
    await tx
      .update(activityInvitations)
      .set({ reply: 'leave', repliedAt: new Date() })
      .where(invitationOf(record, memberId));
    const [member] = await tx.select({ name: members.name }).from(members).where(eq(members.id, memberId));
    await notifyRoles(tx, record.committeeId, [settings.leaveApprover], {
      kind: 'activity.leaveRequested',
      title: '请假待审批',
      body: `${member?.name ?? ''}：${record.topic}（${input.reason}）`,
      link: `/activities/${record.id}`,
      data: { leaveRequestId: leave!.id },
    });
    await appendTimeline(tx, ctx.actor, {
      recordType: 'activity',
      recordId: record.id,
      action: 'requestLeave',
      note: input.reason,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'activity.requestLeave',
      targetType: 'activityLeave',
      targetId: leave!.id,
      summary: `请假：${record.topic}（${input.reason}）`,
    });
    return record;
  });
}

/**
 * 签到 with the code on the venue's screen, inside the sign-in window. The member's own invitation is
 * marked once (a repeated sign-in changes nothing); a result staff already set is kept.
 */
export const signIn = (ctx: ServiceContext, id: number, input: { code: string; via?: 'code' | 'qr' }) =>
  ctx.db.transaction((tx) => signInOn({ ...ctx, db: tx }, id, input));

async function signInOn(ctx: ServiceContext, id: number, input: { code: string; via?: 'code' | 'qr' }) {
  const record = await openFor(ctx, id, 'signIn');
  const settings = await getSettings(ctx.db, record.committeeId);
  const now = new Date();
  const window = signInWindow(record, settings, now);
  if (!window.open) throw refused(`签到时间为 ${windowText(window, settings.timeZone)}，现在不能签到`);
  if (!acceptsSignInCode(record, input.code, now))
    throw refused('签到码不正确或已过期，请输入现场屏幕上正在显示的签到码');
  const late = isLate(record, settings, now);
  const [marked] = await ctx.db
    .update(activityInvitations)
    .set({
      signedInAt: now,
      signInMethod: input.via ?? 'code',
      attendance: sql`coalesce(${activityInvitations.attendance}, ${late ? 'late' : 'present'})`,
      attendanceSetBy: sql`coalesce(${activityInvitations.attendanceSetBy}, 'member')`,
    })
    .where(and(invitationOf(record, ctx.actor.memberId!), isNull(activityInvitations.signedInAt)))
    .returning({ id: activityInvitations.id });
  if (marked)
    await writeAudit(ctx.db, ctx.actor, {
      action: 'activity.signIn',
      targetType: 'activity',
      targetId: record.id,
      summary: `签到${late ? '（迟到）' : ''}：${record.topic}`,
    });
  return record;
}
