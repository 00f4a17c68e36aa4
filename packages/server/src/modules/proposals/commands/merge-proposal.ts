import { and, eq, inArray } from 'drizzle-orm';
import { formatProposalNumber } from '@cppcc/shared';
import { proposalProposers } from '../../../db/schema';
import { appendTimeline } from '../../../lib/timeline';
import { invalidField } from '../../../lib/errors';
import { recordDuty } from '../../../lib/duty';
import { accessOf } from '../access';
import { link, notifyMembers } from '../recipients';
import { lockProposal, reviewDecision } from '../workflow';

const mainStates = ['accepted', 'assigned', 'answered', 'rehandling'];

/**
 * 并案 into an accepted proposal of the same session: this proposal's proposers join the main one as
 * co-proposers (they receive its answer and count as co for duty records).
 */
export const mergeProposal = reviewDecision(
  'merge',
  async (
    { tx, ctx, proposal, access, now },
    input: { intoProposalId: number; note?: string; version?: number },
  ) => {
    if (input.intoProposalId === proposal.id) throw invalidField('body.intoProposalId', '不能并入提案本身');
    const main = await lockProposal(tx, proposal.committeeId, input.intoProposalId).catch(() => {
      throw invalidField('body.intoProposalId', '要并入的提案不存在');
    });
    if (!mainStates.includes(main.state) || main.sessionId !== proposal.sessionId) {
      throw invalidField('body.intoProposalId', '只能并入本次会议已立案、尚未办结的提案');
    }
    const mainAccess = await accessOf(tx, main);
    const joining = access.proposerMemberIds.filter((m) => !mainAccess.proposerMemberIds.includes(m));
    if (joining.length > 0) {
      // A member who was merely invited on the main proposal becomes a confirmed co-proposer instead.
      await tx
        .delete(proposalProposers)
        .where(and(eq(proposalProposers.proposalId, main.id), inArray(proposalProposers.memberId, joining)));
      await tx.insert(proposalProposers).values(
        joining.map((memberId, i) => ({
          committeeId: main.committeeId,
          proposalId: main.id,
          memberId,
          role: 'co',
          status: 'confirmed',
          mergedFromId: proposal.id,
          sortOrder: 100 + i,
          respondedAt: now,
        })),
      );
      if (proposal.proposerType === 'member') {
        for (const memberId of joining) {
          await recordDuty(tx, {
            committeeId: main.committeeId,
            memberId,
            kind: 'proposal.accepted',
            sourceType: 'proposal',
            sourceId: main.id,
            role: 'co',
            occurredOn: now,
            detail: { mergedFromId: proposal.id },
          });
        }
      }
    }
    await appendTimeline(tx, ctx.actor, {
      recordType: 'proposal',
      recordId: main.id,
      action: 'mergedIn',
      note: `并入提案“${proposal.title}”`,
    });
    await notifyMembers(tx, proposal.committeeId, access.proposerMemberIds, {
      kind: 'proposal.merged',
      title: `提案已并入${formatProposalNumber(main.number)}“${main.title}”`,
      link: link(main.id),
    });
    return {
      patch: { mergedIntoId: main.id },
      note: `并入${formatProposalNumber(main.number)}${input.note ? `：${input.note}` : ''}`,
    };
  },
);
