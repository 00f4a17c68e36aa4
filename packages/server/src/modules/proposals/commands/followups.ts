import { eq } from 'drizzle-orm';
import { followupImplementationLabels, type followupImplementations } from '@cppcc/shared';
import { proposalAnswers, proposalFollowups } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { AppError, invalidField } from '../../../lib/errors';
import { link, notifyStaff, notifyUnits } from '../recipients';
import { runCommand } from '../workflow';
import { columnsEqual } from '../../../lib/where';

/** 回头看: staff ask the unit of an earlier B or C answer how implementation went. */
export async function requestFollowup(
  ctx: ServiceContext,
  proposalId: number,
  input: { answerId: number; note?: string },
) {
  return runCommand(ctx, { proposalId, command: 'requestFollowup' }, async ({ tx, proposal, now }) => {
    const [answer] = await tx
      .select()
      .from(proposalAnswers)
      .where(
        columnsEqual(proposalAnswers, { id: input.answerId, proposalId: proposal.id, state: 'approved' }),
      );
    if (!answer) throw invalidField('body.answerId', '答复不存在或未审核通过');
    if (answer.category === 'A')
      throw invalidField('body.answerId', '回头看针对 B 类、C 类等未完全解决的答复');
    const [open] = await tx
      .select({ id: proposalFollowups.id })
      .from(proposalFollowups)
      .where(columnsEqual(proposalFollowups, { answerId: answer.id, status: 'requested' }));
    if (open) throw new AppError('DUPLICATE', '该答复已有进行中的回头看');
    const [row] = await tx
      .insert(proposalFollowups)
      .values({
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        answerId: answer.id,
        unitId: answer.unitId,
        requestNote: input.note ?? null,
        requestedBy: ctx.actor.userId,
        requestedAt: now,
      })
      .returning();
    await notifyUnits(tx, proposal.committeeId, [answer.unitId], {
      kind: 'proposal.followup',
      title: `请报送提案落实情况（回头看）：${proposal.title}`,
      body: input.note,
      link: link(proposal.id),
    });
    return { note: `发起回头看${input.note ? `：${input.note}` : ''}`, result: row };
  });
}

export async function reportFollowup(
  ctx: ServiceContext,
  proposalId: number,
  input: { followupId: number; implementation: (typeof followupImplementations)[number]; report: string },
) {
  return runCommand(ctx, { proposalId, command: 'reportFollowup' }, async ({ tx, proposal, now }) => {
    const [row] = await tx
      .select()
      .from(proposalFollowups)
      .where(columnsEqual(proposalFollowups, { id: input.followupId, proposalId: proposal.id }));
    if (!row || row.unitId !== ctx.actor.unitId) throw invalidField('body.followupId', '回头看任务不存在');
    if (row.status !== 'requested') throw new AppError('INVALID_TRANSITION', '该回头看已报送');
    const [updated] = await tx
      .update(proposalFollowups)
      .set({
        status: 'reported',
        implementation: input.implementation,
        report: input.report,
        reportedBy: ctx.actor.userId,
        reportedAt: now,
      })
      .where(eq(proposalFollowups.id, row.id))
      .returning();
    await notifyStaff(tx, proposal.committeeId, {
      kind: 'proposal.followupReported',
      title: `回头看落实情况已报送：${proposal.title}`,
      link: link(proposal.id),
    });
    return { note: `回头看：${followupImplementationLabels[input.implementation]}`, result: updated };
  });
}
