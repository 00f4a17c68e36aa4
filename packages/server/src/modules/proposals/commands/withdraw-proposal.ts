import { withdrawProposerDuty } from '../helpers';
import { link, notifyStaff } from '../recipients';
import { proposalCommand } from '../workflow';

/** 撤案: the lead proposer withdraws before acceptance; the submission no longer counts. */
export const withdrawProposal = proposalCommand(
  'withdraw',
  async ({ tx, proposal, from, now }, input: { reason?: string; version?: number }) => {
    await withdrawProposerDuty(tx, proposal, 'proposal.submitted');
    if (from === 'submitted' || from === 'reviewing') {
      await notifyStaff(tx, proposal.committeeId, {
        kind: 'proposal.withdrawn',
        title: `提案已撤案：${proposal.title}`,
        link: link(proposal.id),
      });
    }
    return { patch: { withdrawnAt: now }, note: input.reason ?? null };
  },
);
