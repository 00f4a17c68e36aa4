import { eq } from 'drizzle-orm';
import { proposalUnitOpinions, proposalUnits, units } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { AppError } from '../../../lib/errors';
import { bindAttachments } from '../helpers';
import { link, notifyUnits } from '../recipients';
import { runCommand } from '../workflow';
import { unitSlot } from './acknowledge-assignment';
import { columnsEqual } from '../../../lib/where';

/** 协办意见: a co-unit sends its opinion to the lead unit, which writes the answer. */
export async function sendUnitOpinion(
  ctx: ServiceContext,
  proposalId: number,
  input: { text: string; contactPerson?: string; attachmentIds: number[] },
) {
  return runCommand(ctx, { proposalId, command: 'sendUnitOpinion' }, async ({ tx, proposal, now }) => {
    const slot = await unitSlot(tx, proposal.id, ctx.actor.unitId);
    if (slot.role !== 'co') throw new AppError('INVALID_TRANSITION', '只有协办单位报送协办意见');
    if (slot.status === 'assigned') throw new AppError('INVALID_TRANSITION', '请先签收提案');
    const [lead] = await tx
      .select()
      .from(proposalUnits)
      .where(columnsEqual(proposalUnits, { proposalId: proposal.id, role: 'lead', active: true }));
    if (!lead) throw new AppError('INVALID_TRANSITION', '主办单位尚未确定，暂不能报送');
    const [opinion] = await tx
      .insert(proposalUnitOpinions)
      .values({
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        fromUnitId: slot.unitId,
        toUnitId: lead.unitId,
        text: input.text,
        contactPerson: input.contactPerson ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [proposalUnitOpinions.proposalId, proposalUnitOpinions.fromUnitId],
        set: {
          text: input.text,
          contactPerson: input.contactPerson ?? null,
          toUnitId: lead.unitId,
          createdAt: now,
        },
      })
      .returning();
    const attachmentIds = await bindAttachments(
      tx,
      ctx.actor,
      input.attachmentIds,
      { type: 'proposalUnitOpinion', id: opinion!.id },
      'body.attachmentIds',
    );
    await tx
      .update(proposalUnitOpinions)
      .set({ attachmentIds })
      .where(eq(proposalUnitOpinions.id, opinion!.id));
    const [from] = await tx.select({ name: units.name }).from(units).where(eq(units.id, slot.unitId));
    await notifyUnits(tx, proposal.committeeId, [lead.unitId], {
      kind: 'proposal.unitOpinion',
      title: `${from?.name ?? '协办单位'}报送了协办意见：${proposal.title}`,
      link: link(proposal.id),
    });
    return { note: `${from?.name ?? ''}报送协办意见`, result: opinion };
  });
}
