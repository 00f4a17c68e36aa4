import { eq } from 'drizzle-orm';
import { proposalUnits } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import { addMonths, chinaDate, endOfChinaDay } from '../helpers';
import { link, notifyUnits } from '../recipients';
import { proposalCommand } from '../workflow';
import { unitSlot } from './acknowledge-assignment';

/** 延期: a later deadline for one unit, with a reason; never past the configured maximum (default 6 months). */
export const extendDeadline = proposalCommand(
  'extendDeadline',
  async (
    { tx, proposal, settings, now },
    input: { unitId: number; deadline: string; reason: string; version?: number },
  ) => {
    const slot = await unitSlot(tx, proposal.id, input.unitId).catch(() => {
      throw invalidField('body.unitId', '该单位未承办此提案');
    });
    const deadline = endOfChinaDay(input.deadline);
    if (deadline <= slot.deadline) throw invalidField('body.deadline', '延期后的期限应晚于原期限');
    const max = addMonths(slot.assignedAt, settings.maxExtensionMonths);
    if (deadline > max) {
      throw invalidField(
        'body.deadline',
        `延期不能超过交办后 ${settings.maxExtensionMonths} 个月（最晚 ${chinaDate(max)}）`,
      );
    }
    await tx
      .update(proposalUnits)
      .set({
        deadline,
        originalDeadline: slot.originalDeadline ?? slot.deadline,
        extensionReason: input.reason,
        extendedAt: now,
        remindedAt: null,
        overdueNotifiedAt: null,
      })
      .where(eq(proposalUnits.id, slot.id));
    await notifyUnits(tx, proposal.committeeId, [input.unitId], {
      kind: 'proposal.extended',
      title: `办理期限已延至 ${input.deadline}：${proposal.title}`,
      link: link(proposal.id),
    });
    const later = proposal.deadline && proposal.deadline > deadline ? proposal.deadline : deadline;
    return { patch: { deadline: later }, note: `延期至 ${input.deadline}：${input.reason}` };
  },
);
