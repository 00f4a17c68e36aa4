import { link, notifyMembers } from '../recipients';
import { reviewDecision } from '../workflow';

/** 退回修改: back to the proposer with the staff's comments; the proposer edits and submits again. */
export const returnProposal = reviewDecision(
  'return',
  async ({ tx, proposal }, input: { comment: string; version?: number }) => {
    await notifyMembers(tx, proposal.committeeId, [proposal.leadMemberId], {
      kind: 'proposal.returned',
      title: `提案退回修改：${proposal.title}`,
      body: input.comment,
      link: link(proposal.id),
    });
    return { patch: { returnComment: input.comment }, note: input.comment };
  },
);
