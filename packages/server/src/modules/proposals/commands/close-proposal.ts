import { link, notifyMembers } from '../recipients';
import { proposalCommand } from '../workflow';

/** 办结 by staff when proposers have not rated in time. */
export const closeProposal = proposalCommand(
  'close',
  async ({ tx, proposal, access, now }, input: { note?: string; version?: number }) => {
    await notifyMembers(tx, proposal.committeeId, access.proposerMemberIds, {
      kind: 'proposal.closed',
      title: `提案已办结：${proposal.title}`,
      link: link(proposal.id),
    });
    return { patch: { closedAt: now }, note: input.note ?? null };
  },
);
