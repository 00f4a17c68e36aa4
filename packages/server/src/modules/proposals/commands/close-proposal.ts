import type { ServiceContext } from '../../../lib/actor';
import { link, notifyMembers } from '../recipients';
import { runCommand } from '../workflow';

/** 办结 by staff when proposers have not rated in time. */
export async function closeProposal(
  ctx: ServiceContext,
  proposalId: number,
  input: { note?: string; version?: number },
) {
  return runCommand(
    ctx,
    { proposalId, command: 'close', version: input.version },
    async ({ tx, proposal, access, now }) => {
      await notifyMembers(tx, proposal.committeeId, access.proposerMemberIds, {
        kind: 'proposal.closed',
        title: `提案已办结：${proposal.title}`,
        link: link(proposal.id),
      });
      return { patch: { closedAt: now }, note: input.note ?? null };
    },
  );
}
