import { eq } from 'drizzle-orm';
import { forwardingChannelLabels, zonedDayEnd } from '@cppcc/shared';
import { opinionForwardings, opinions } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import { bindAttachments, checkUnits } from '../../../lib/references';
import { notifyRoles, notifyUnits } from '../../../lib/recipients';
import { forwardingCommand, opinionCommand } from '../workflow';

export interface ForwardInput {
  channel: 'hotline' | 'department';
  unitId: number;
  workOrderNumber?: string;
  deadline: string;
  note?: string;
}

/** 转办: to the 12345 hotline (with its work-order number) or a department, with a deadline. */
export const forwardOpinion = opinionCommand(
  'forward',
  async ({ tx, ctx, record, settings, now }, input: ForwardInput) => {
    const [unit] = await checkUnits(tx, record.committeeId, [input.unitId], 'body.unitId');
    const deadline = zonedDayEnd(input.deadline, settings.timeZone);
    if (deadline <= now) throw invalidField('body.deadline', '办理期限应晚于今天');
    await tx.insert(opinionForwardings).values({
      committeeId: record.committeeId,
      opinionId: record.id,
      channel: input.channel,
      unitId: input.unitId,
      workOrderNumber: input.workOrderNumber || null,
      deadline,
      note: input.note || null,
      forwardedBy: ctx.actor.userId,
    });
    await notifyUnits(tx, record.committeeId, [input.unitId], {
      kind: 'opinion.forwarded',
      title: `转办社情民意信息，请于 ${input.deadline} 前答复：${record.editedTitle ?? record.title}`,
      link: '/opinions/forwardings',
    });
    return {
      note: `${forwardingChannelLabels[input.channel]}：${unit!.name}${input.workOrderNumber ? `（工单号 ${input.workOrderNumber}）` : ''}`,
    };
  },
);

const titleOf = async (
  tx: Parameters<Parameters<typeof forwardingCommand>[1]>[0]['tx'],
  opinionId: number,
) => {
  const [row] = await tx
    .select({ title: opinions.title, editedTitle: opinions.editedTitle })
    .from(opinions)
    .where(eq(opinions.id, opinionId));
  return row?.editedTitle ?? row?.title ?? '';
};

export const acknowledgeForwarding = forwardingCommand('acknowledge', async ({ now }) => ({
  patch: { acknowledgedAt: now },
}));

export const answerForwarding = forwardingCommand(
  'answer',
  async ({ tx, ctx, record, now }, input: { text: string; attachmentIds: number[] }) => {
    const answerAttachmentIds = await bindAttachments(
      tx,
      ctx.actor,
      input.attachmentIds,
      { type: 'opinionForwarding', id: record.id },
      'body.attachmentIds',
    );
    await notifyRoles(tx, record.committeeId, ['opinionStaff'], {
      kind: 'opinion.forwardingAnswered',
      title: `转办件已答复：${await titleOf(tx, record.opinionId)}`,
      link: `/opinions/${record.opinionId}`,
    });
    return {
      patch: {
        answerText: input.text,
        answerAttachmentIds,
        answeredAt: now,
        acknowledgedAt: record.acknowledgedAt ?? now,
      },
    };
  },
);

export const returnForwarding = forwardingCommand(
  'returnItem',
  async ({ tx, record }, input: { reason: string }) => {
    await notifyRoles(tx, record.committeeId, ['opinionStaff'], {
      kind: 'opinion.forwardingReturned',
      title: `转办件被退回：${await titleOf(tx, record.opinionId)}`,
      body: input.reason,
      link: `/opinions/${record.opinionId}`,
    });
    return { patch: { returnReason: input.reason }, note: input.reason };
  },
);

export const acceptForwardingAnswer = forwardingCommand(
  'acceptAnswer',
  async (_step, input: { comment?: string }) => ({
    patch: { reviewComment: input.comment || null },
    note: input.comment || null,
  }),
);

export const rejectForwardingAnswer = forwardingCommand(
  'rejectAnswer',
  async ({ tx, record }, input: { comment?: string }) => {
    await notifyUnits(tx, record.committeeId, [record.unitId], {
      kind: 'opinion.forwardingRejected',
      title: `转办件答复未被认可，请重新办理：${await titleOf(tx, record.opinionId)}`,
      body: input.comment,
      link: '/opinions/forwardings',
    });
    return { patch: { reviewComment: input.comment || null }, note: input.comment || null };
  },
);
