import { proposalSupervisionLogs } from '../../../db/schema';
import { supervisionLogKindLabels, type supervisionLogKinds } from '@cppcc/shared';
import type { ServiceContext } from '../../../lib/actor';
import { AppError } from '../../../lib/errors';
import { endOfChinaDay } from '../helpers';
import { runCommand } from '../workflow';

/** 督办记录: comments, visits and meetings of the supervising leaders on a key proposal. */
export async function addSupervisionLog(
  ctx: ServiceContext,
  proposalId: number,
  input: { kind: (typeof supervisionLogKinds)[number]; text: string; occurredOn: string },
) {
  return runCommand(ctx, { proposalId, command: 'addSupervisionLog' }, async ({ tx, proposal }) => {
    if (proposal.keyStatus === 'none') throw new AppError('INVALID_TRANSITION', '只有重点提案记录督办情况');
    const [row] = await tx
      .insert(proposalSupervisionLogs)
      .values({
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        authorUserId: ctx.actor.userId,
        kind: input.kind,
        text: input.text,
        occurredOn: endOfChinaDay(input.occurredOn),
      })
      .returning();
    return { note: `${supervisionLogKindLabels[input.kind]}：${input.text.slice(0, 50)}`, result: row };
  });
}
