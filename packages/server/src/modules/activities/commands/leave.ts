import { and, eq } from 'drizzle-orm';
import { activities, activityInvitations } from '../../../db/schema';
import { AppError } from '../../../lib/errors';
import { notifyMembers } from '../../../lib/recipients';
import { leaveCommand, type LeaveStep } from '../workflow';

/** Deciding a leave request; the activity must still be open (a closed one's results are final). */

async function activityOf(step: LeaveStep) {
  const [activity] = await step.tx
    .select()
    .from(activities)
    .where(
      and(eq(activities.id, step.record.activityId), eq(activities.committeeId, step.record.committeeId)),
    );
  if (!activity || activity.state !== 'published')
    throw new AppError('INVALID_TRANSITION', '活动已结束或已取消，不能再处理请假');
  return activity;
}

const setReply = (step: LeaveStep, reply: 'pending' | 'leave') =>
  step.tx
    .update(activityInvitations)
    .set({ reply })
    .where(
      and(
        eq(activityInvitations.activityId, step.record.activityId),
        eq(activityInvitations.memberId, step.record.memberId),
      ),
    );

const tell = (step: LeaveStep, topic: string, title: string, body: string) =>
  notifyMembers(step.tx, step.record.committeeId, [step.record.memberId], {
    kind: 'activity.leaveDecided',
    title,
    body: `${topic}：${body}`,
    link: `/activities/${step.record.activityId}`,
  });

export const approveLeave = leaveCommand<{ note?: string }>('approve', async (step, input) => {
  const activity = await activityOf(step);
  await tell(step, activity.topic, '请假已批准', input.note || '已准假');
  return {
    patch: { decisionNote: input.note ?? null, decidedBy: step.ctx.actor.userId, decidedAt: step.now },
    note: input.note ?? null,
  };
});

export const refuseLeave = leaveCommand<{ note: string }>('refuse', async (step, input) => {
  const activity = await activityOf(step);
  await setReply(step, 'pending');
  await tell(step, activity.topic, '请假未获批准，请按时参加', input.note);
  return {
    patch: { decisionNote: input.note, decidedBy: step.ctx.actor.userId, decidedAt: step.now },
    note: input.note,
  };
});

export const withdrawLeave = leaveCommand('withdraw', async (step) => {
  await activityOf(step);
  await setReply(step, 'pending');
});
