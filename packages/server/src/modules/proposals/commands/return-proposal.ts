import type { ServiceContext } from '../../../lib/actor';
import { link, notifyMembers } from '../recipients';
import { runCommand } from '../workflow';

/** 退回修改: back to the proposer with the staff's comments; the proposer edits and submits again. */
export async function returnProposal(
  ctx: ServiceContext,
  proposalId: number,
  input: { comment: string; version?: number },
) {
  return runCommand(
    ctx,
    { proposalId, command: 'return', version: input.version },
    async ({ tx, proposal }) => {
      await notifyMembers(tx, proposal.committeeId, [proposal.leadMemberId], {
        kind: 'proposal.returned',
        title: `提案退回修改：${proposal.title}`,
        body: input.comment,
        link: link(proposal.id),
      });
      return { patch: { returnComment: input.comment }, note: input.comment };
    },
  );
}
