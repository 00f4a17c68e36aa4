import type { BatchReviewInput } from '@cppcc/shared';
import type { ServiceContext } from '../../../lib/actor';
import type { ProposalRow } from '../access';
import { inOneTransaction } from '../workflow';
import { acceptProposal } from './accept-proposal';
import { mergeProposal } from './merge-proposal';
import { rejectProposal } from './reject-proposal';

const decideEach = async <T extends { proposalId: number }>(
  ctx: ServiceContext,
  items: readonly T[],
  decide: (ctx: ServiceContext, item: T) => Promise<{ proposal: ProposalRow }>,
) => (await inOneTransaction(ctx, items, decide)).map((r) => r.proposal);

/**
 * 立案审查会: one decision for many submitted or in-review proposals, all or none. Each proposal takes the
 * same step as on its own page (numbers, notifications, duty records), and the decision claims it.
 */
export function batchReview(ctx: ServiceContext, input: BatchReviewInput): Promise<ProposalRow[]> {
  switch (input.decision) {
    case 'accept':
      return decideEach(ctx, input.items, (c, { proposalId, version, category }) =>
        acceptProposal(c, proposalId, { version, category }),
      );
    case 'reject': {
      const { ground, reason, disposition, forwardUnitId } = input;
      return decideEach(ctx, input.items, (c, { proposalId, version }) =>
        rejectProposal(c, proposalId, { version, ground, reason, disposition, forwardUnitId }),
      );
    }
    case 'merge':
      return decideEach(ctx, input.items, (c, { proposalId, version }) =>
        mergeProposal(c, proposalId, { version, intoProposalId: input.intoProposalId, note: input.note }),
      );
  }
}
