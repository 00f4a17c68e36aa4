import { eq } from 'drizzle-orm';
import { members, proposalProposers } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { AppError } from '../../../lib/errors';
import { notifyMembers, link } from '../recipients';
import { runCommand } from '../workflow';
import { columnsEqual } from '../../../lib/where';

/** An invited co-proposer confirms (附议) or declines before the deadline. */
export async function respondCosign(ctx: ServiceContext, proposalId: number, input: { confirm: boolean }) {
  return runCommand(ctx, { proposalId, command: 'respondCosign' }, async ({ tx, proposal, now }) => {
    const memberId = ctx.actor.memberId!;
    const [slot] = await tx
      .select()
      .from(proposalProposers)
      .where(columnsEqual(proposalProposers, { proposalId: proposal.id, memberId }));
    if (!slot || slot.status !== 'invited')
      throw new AppError('INVALID_TRANSITION', '您没有待答复的联名邀请');
    if (slot.deadline && slot.deadline < now)
      throw new AppError('INVALID_TRANSITION', '联名邀请已过截止时间');
    const status = input.confirm ? 'confirmed' : 'declined';
    await tx
      .update(proposalProposers)
      .set({ status, respondedAt: now })
      .where(eq(proposalProposers.id, slot.id));
    const [m] = await tx.select({ name: members.name }).from(members).where(eq(members.id, memberId));
    await notifyMembers(tx, proposal.committeeId, [proposal.leadMemberId], {
      kind: 'proposal.cosignAnswered',
      title: `${m?.name ?? '委员'}${input.confirm ? '已附议' : '谢绝联名'}：${proposal.title}`,
      link: link(proposal.id),
    });
    return { note: `${m?.name ?? ''}${input.confirm ? '附议' : '谢绝联名'}` };
  });
}
