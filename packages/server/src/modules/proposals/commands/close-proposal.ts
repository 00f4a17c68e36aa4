import { invalidField } from '../../../lib/errors';
import { unratedProposers } from './rate-answer';
import { link, notifyMembers } from '../recipients';
import { proposalCommand } from '../workflow';

/** 办结 by staff when proposers have not rated in time; with ratings still pending, staff say why. */
export const closeProposal = proposalCommand(
  'close',
  async ({ tx, proposal, access, now }, input: { note?: string; version?: number }) => {
    const waiting = await unratedProposers(tx, proposal, access.proposerMemberIds);
    if (waiting.length > 0 && !input.note) {
      throw invalidField('body.note', `尚有 ${waiting.length} 位提案人未评价，办结须写明理由`);
    }
    await notifyMembers(tx, proposal.committeeId, access.proposerMemberIds, {
      kind: 'proposal.closed',
      title: `提案已办结：${proposal.title}`,
      link: link(proposal.id),
    });
    return { patch: { closedAt: now }, note: input.note ?? null };
  },
);
