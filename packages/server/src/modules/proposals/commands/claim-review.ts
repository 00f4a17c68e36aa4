import { proposalCommand } from '../workflow';

/** Proposal staff take a submitted proposal into review, so colleagues see it is being handled. */
export const claimReview = proposalCommand<{ version?: number }>('claimReview', async ({ ctx }) => ({
  patch: { reviewerId: ctx.actor.userId },
}));
