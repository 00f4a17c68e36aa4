import { formatProposalNumber } from '@cppcc/shared';
import { checkProposalText } from './update-proposal';
import { nextNumber, recordProposerDuty } from '../helpers';
import { link, notifyMembers } from '../recipients';
import { reviewDecision } from '../workflow';

/** 立案: the proposal gets the next number of its session; proposers earn `proposal.accepted`. */
export const acceptProposal = reviewDecision(
  'accept',
  async ({ tx, proposal, access, settings, now }, input: { category?: string; version?: number }) => {
    checkProposalText(settings, { category: input.category });
    const number = await nextNumber(tx, proposal.sessionId);
    await recordProposerDuty(tx, proposal, access, 'proposal.accepted', now);
    await notifyMembers(tx, proposal.committeeId, access.proposerMemberIds, {
      kind: 'proposal.accepted',
      title: `提案已立案（${formatProposalNumber(number)}）：${proposal.title}`,
      link: link(proposal.id),
    });
    return {
      patch: { number, acceptedAt: now, ...(input.category ? { category: input.category } : {}) },
      note: formatProposalNumber(number),
    };
  },
);
