import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import {
  attendanceLabels,
  attendedResults,
  formatDateTime,
  type AttendanceResult,
  type InviteeSelection,
} from '@cppcc/shared';
import { activityInvitations, activityLeaveRequests } from '../../../db/schema';
import { conflict, invalidField } from '../../../lib/errors';
import { notifyMembers } from '../../../lib/recipients';
import { addInvitations, resolveSelection } from '../invitees';
import { kindOf } from '../rules';
import { creditAttendance, withdrawAttendanceCredit } from '../duty';
import { activityCommand, type ActivityStep } from '../workflow';

/** The steps staff take on an activity: invite, publish, mark attendance, close, reopen, cancel. */

const link = (id: number) => `/activities/${id}`;

async function notifyInvitees(step: ActivityStep, memberIds: number[], title: string, body?: string) {
  await notifyMembers(step.tx, step.record.committeeId, memberIds, {
    kind: 'activity.invited',
    title,
    body,
    link: link(step.record.id),
  });
}

const invitationText = (step: ActivityStep) =>
  `${kindOf(step.settings, step.record.kind).label}“${step.record.topic}”，${formatDateTime(step.record.startsAt, step.settings.timeZone)}，${step.record.place}`;

export const inviteMembers = activityCommand<{ selection: InviteeSelection; mandatory: boolean }>(
  'invite',
  async (step, input) => {
    const memberIds = await resolveSelection(step.tx, step.record.committeeId, input.selection);
    if (memberIds.length === 0) throw invalidField('body.selection', '所选范围内没有在任委员');
    const added = await addInvitations(step.tx, step.record, memberIds, input.mandatory);
    if (step.record.state === 'published' && added.length > 0)
      await notifyInvitees(step, added, '活动邀请', invitationText(step));
    return { note: `邀请委员 ${added.length} 人`, changes: { memberIds: added, mandatory: input.mandatory } };
  },
);

export const removeInvitations = activityCommand<{ memberIds: number[] }>(
  'removeInvitation',
  async (step, input) => {
    const where = and(
      eq(activityInvitations.activityId, step.record.id),
      inArray(activityInvitations.memberId, input.memberIds),
    );
    const rows = await step.tx.select().from(activityInvitations).where(where);
    const missing = input.memberIds.filter((id) => !rows.some((r) => r.memberId === id));
    if (missing.length > 0)
      throw invalidField('body.memberIds', `委员未被邀请（编号 ${missing.join('、')}）`);
    if (rows.some((r) => r.signedInAt !== null)) throw conflict('已签到的委员不能取消邀请');
    await step.tx
      .delete(activityLeaveRequests)
      .where(
        and(
          eq(activityLeaveRequests.activityId, step.record.id),
          inArray(activityLeaveRequests.memberId, input.memberIds),
        ),
      );
    await step.tx.delete(activityInvitations).where(where);
    if (step.record.state === 'published')
      await notifyInvitees(step, input.memberIds, '活动邀请已取消', invitationText(step));
    return { note: `取消邀请 ${rows.length} 人`, changes: { memberIds: input.memberIds } };
  },
);

export const publishActivity = activityCommand('publish', async (step) => {
  const kind = kindOf(step.settings, step.record.kind);
  if (kind.tracksAttendance && step.access.inviteeMemberIds.length === 0)
    throw conflict('请先邀请参加的委员，再发布活动');
  await notifyInvitees(step, step.access.inviteeMemberIds, '活动通知', invitationText(step));
  return {
    patch: { publishedAt: step.now },
    note: `已通知委员 ${step.access.inviteeMemberIds.length} 人`,
  };
});

export const markAttendance = activityCommand<{
  entries: { memberId: number; attendance: AttendanceResult }[];
  reason?: string;
}>('markAttendance', async (step, input) => {
  const memberIds = input.entries.map((e) => e.memberId);
  if (new Set(memberIds).size !== memberIds.length)
    throw invalidField('body.entries', '同一委员不能登记两次');
  const rows = await step.tx
    .select()
    .from(activityInvitations)
    .where(
      and(
        eq(activityInvitations.activityId, step.record.id),
        inArray(activityInvitations.memberId, memberIds),
      ),
    );
  const changes: { memberId: number; from: string | null; to: AttendanceResult }[] = [];
  for (const [index, entry] of input.entries.entries()) {
    const row = rows.find((r) => r.memberId === entry.memberId);
    if (!row) throw invalidField(`body.entries.${index}.memberId`, `第 ${index + 1} 位不是本活动的邀请对象`);
    if (row.attendance === entry.attendance) continue;
    if (row.attendance !== null && !input.reason)
      throw invalidField('body.reason', '更正已登记的出席情况，须写明更正理由');
    changes.push({ memberId: entry.memberId, from: row.attendance, to: entry.attendance });
    await step.tx
      .update(activityInvitations)
      .set({
        attendance: entry.attendance,
        attendanceSetBy: 'staff',
        markedBy: step.ctx.actor.userId,
        ...(attendedResults.includes(entry.attendance) && row.signedInAt === null
          ? { signedInAt: step.now, signInMethod: 'staff' }
          : {}),
      })
      .where(eq(activityInvitations.id, row.id));
  }
  const summary = [...new Set(changes.map((c) => c.to))]
    .map((r) => `${attendanceLabels[r]} ${changes.filter((c) => c.to === r).length} 人`)
    .join('，');
  return {
    note: [summary || '无变化', input.reason ? `更正理由：${input.reason}` : null].filter(Boolean).join('；'),
    changes: { entries: changes, reason: input.reason ?? null },
  };
});

/**
 * Closing makes every result final: an invitee without a mark or sign-in is 请假 when leave was
 * approved, else 缺席 (or 出席 for a kind whose attendance is not tracked). Then the duty records.
 */
export const closeActivity = activityCommand<{ minutes?: string }>('close', async (step, input) => {
  const { tx, record } = step;
  const kind = kindOf(step.settings, record.kind);
  const open = await tx
    .select({ id: activityInvitations.id, memberId: activityInvitations.memberId })
    .from(activityInvitations)
    .where(and(eq(activityInvitations.activityId, record.id), isNull(activityInvitations.attendance)));
  const onLeave = new Set(
    (
      await tx
        .select({ memberId: activityLeaveRequests.memberId })
        .from(activityLeaveRequests)
        .where(
          and(eq(activityLeaveRequests.activityId, record.id), eq(activityLeaveRequests.state, 'approved')),
        )
    ).map((l) => l.memberId),
  );
  const fill = (result: AttendanceResult) =>
    open.filter((o) => fillResult(o.memberId) === result).map((o) => o.id);
  const fillResult = (memberId: number): AttendanceResult =>
    onLeave.has(memberId) ? 'leave' : kind.tracksAttendance ? 'absent' : 'present';
  for (const result of ['leave', 'absent', 'present'] as const) {
    const ids = fill(result);
    if (ids.length > 0)
      await tx
        .update(activityInvitations)
        .set({ attendance: result, attendanceSetBy: 'close' })
        .where(inArray(activityInvitations.id, ids));
  }
  const credited = await creditAttendance(tx, record, kind);
  return {
    patch: { closedAt: step.now, ...(input.minutes !== undefined ? { minutes: input.minutes } : {}) },
    note: `出席情况定稿：${credited}`,
  };
});

/** Reopening takes the duty records back and clears the results closing filled in, until it is closed again. */
export const reopenActivity = activityCommand<{ reason: string }>('reopen', async (step, input) => {
  await withdrawAttendanceCredit(step.tx, step.record);
  await step.tx
    .update(activityInvitations)
    .set({ attendance: null, attendanceSetBy: null })
    .where(
      and(
        eq(activityInvitations.activityId, step.record.id),
        eq(activityInvitations.attendanceSetBy, 'close'),
        isNotNull(activityInvitations.attendance),
      ),
    );
  return { patch: { closedAt: null }, note: input.reason };
});

export const cancelActivity = activityCommand<{ reason: string }>('cancel', async (step, input) => {
  if (step.record.state === 'published')
    await notifyInvitees(
      step,
      step.access.inviteeMemberIds,
      '活动取消',
      `${invitationText(step)}（${input.reason}）`,
    );
  return { patch: { cancelReason: input.reason }, note: input.reason };
});
