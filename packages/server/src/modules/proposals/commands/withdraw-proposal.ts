import type { ServiceContext } from '../../../lib/actor';
import { withdrawProposerDuty } from '../helpers';
import { link, notifyStaff } from '../recipients';
import { runCommand } from '../workflow';

/** 撤案: the lead proposer withdraws before acceptance; the submission no longer counts. */
export async function withdrawProposal(
  ctx: ServiceContext,
  proposalId: number,
  input: { reason?: string; version?: number },
) {
  return runCommand(
    ctx,
    { proposalId, command: 'withdraw', version: input.version },
    async ({ tx, proposal, from, now }) => {
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
}
