import type { ServiceContext } from '../../../lib/actor';
import { runCommand } from '../workflow';

/** Proposal staff take a submitted proposal into review, so colleagues see it is being handled. */
export async function claimReview(ctx: ServiceContext, proposalId: number, input: { version?: number }) {
  return runCommand(ctx, { proposalId, command: 'claimReview', version: input.version }, async () => ({
    patch: { reviewerId: ctx.actor.userId },
  }));
}
