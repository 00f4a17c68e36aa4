import { eq } from 'drizzle-orm';
import { proposalUnits } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { AppError } from '../../../lib/errors';
import type { DbOrTx } from '../../../db/client';
import { link, notifyStaff } from '../recipients';
import { runCommand } from '../workflow';
import { columnsEqual } from '../../../lib/where';

/** The actor's unit slot on a proposal. */
export async function unitSlot(tx: DbOrTx, proposalId: number, unitId: number | null) {
  const [slot] = await tx
    .select()
    .from(proposalUnits)
    .where(columnsEqual(proposalUnits, { proposalId, unitId: unitId ?? -1, active: true }));
  if (!slot) throw new AppError('FORBIDDEN', '本单位未承办该提案');
  return slot;
}

/** 签收 */
export async function acknowledgeAssignment(ctx: ServiceContext, proposalId: number) {
  return runCommand(ctx, { proposalId, command: 'acknowledge' }, async ({ tx, proposal, now }) => {
    const slot = await unitSlot(tx, proposal.id, ctx.actor.unitId);
    if (slot.status !== 'assigned') throw new AppError('INVALID_TRANSITION', '本单位已签收该提案');
    await tx
      .update(proposalUnits)
      .set({ status: 'acknowledged', acknowledgedAt: now })
      .where(eq(proposalUnits.id, slot.id));
    return { note: '签收' };
  });
}

/** 退办 with a reason inside the window; the slot returns to staff for reassignment. */
export async function declineAssignment(ctx: ServiceContext, proposalId: number, input: { reason: string }) {
  return runCommand(ctx, { proposalId, command: 'decline' }, async ({ tx, proposal, now }) => {
    const slot = await unitSlot(tx, proposal.id, ctx.actor.unitId);
    if (slot.status !== 'assigned') throw new AppError('INVALID_TRANSITION', '已签收的提案不能退办');
    if (slot.acknowledgeBy < now) throw new AppError('INVALID_TRANSITION', '已超过退办期限，不能退办');
    await tx
      .update(proposalUnits)
      .set({ status: 'declined', active: false, declinedAt: now, declineReason: input.reason })
      .where(eq(proposalUnits.id, slot.id));
    await notifyStaff(tx, proposal.committeeId, {
      kind: 'proposal.unitDeclined',
      title: `承办单位退办，请重新交办：${proposal.title}`,
      body: input.reason,
      link: link(proposal.id),
    });
    return { note: `退办：${input.reason}` };
  });
}
