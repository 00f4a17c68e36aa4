import { and, eq } from 'drizzle-orm';
import { proposalEvaluations } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { can } from '../../../lib/policy';
import { AppError, invalidField } from '../../../lib/errors';
import { runCommand } from '../workflow';
import { unitSlot } from './acknowledge-assignment';

/**
 * 双向评议: a unit scores the proposal's quality, a proposer scores the unit's handling. The caller's side
 * is decided by who they are on this proposal: a unit person scores as the unit, a proposer as a proposer.
 */
export async function evaluateProposal(
  ctx: ServiceContext,
  proposalId: number,
  input: { unitId: number; score: number; comment?: string },
) {
  return runCommand(ctx, { proposalId, command: 'evaluate' }, async ({ tx, proposal, access }) => {
    const asUnit = can(ctx.actor, 'handle', 'proposal', access);
    if (asUnit && input.unitId !== ctx.actor.unitId)
      throw invalidField('body.unitId', '只能以本单位名义评议');
    if (!asUnit)
      await unitSlot(tx, proposal.id, input.unitId).catch(() => {
        throw invalidField('body.unitId', '该单位未承办此提案');
      });
    const direction = asUnit ? 'unitToProposal' : 'proposerToHandling';
    const memberId = asUnit ? null : ctx.actor.memberId;
    const existing = await tx
      .select({ id: proposalEvaluations.id })
      .from(proposalEvaluations)
      .where(
        and(
          eq(proposalEvaluations.proposalId, proposal.id),
          eq(proposalEvaluations.direction, direction),
          eq(proposalEvaluations.unitId, input.unitId),
          ...(memberId ? [eq(proposalEvaluations.memberId, memberId)] : []),
        ),
      );
    if (existing.length > 0) throw new AppError('DUPLICATE', '已提交过评议，不能重复评议');
    await tx.insert(proposalEvaluations).values({
      committeeId: proposal.committeeId,
      proposalId: proposal.id,
      direction,
      unitId: input.unitId,
      memberId,
      score: input.score,
      comment: input.comment ?? null,
      createdBy: ctx.actor.userId,
    });
    // The score itself stays out of the timeline: neither side sees the other's until both are in.
    return { note: asUnit ? '承办单位评议提案质量' : '提案人评议办理工作' };
  });
}
