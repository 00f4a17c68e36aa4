import { eq } from 'drizzle-orm';
import { proposalUnits, units } from '../../../db/schema';
import { columnsEqual } from '../../../lib/where';
import { invalidField } from '../../../lib/errors';
import { unratedProposers } from './rate-answer';
import { link, notifyMembers } from '../recipients';
import { proposalCommand } from '../workflow';

/** 办结 by staff when proposers have not rated in time; with ratings still pending, staff say why. */
export const closeProposal = proposalCommand(
  'close',
  async ({ tx, proposal, access, now }, input: { note?: string; version?: number }) => {
    const unsigned = await tx
      .select({ name: units.name })
      .from(proposalUnits)
      .innerJoin(units, eq(units.id, proposalUnits.unitId))
      .where(
        columnsEqual(proposalUnits, {
          proposalId: proposal.id,
          active: true,
          role: 'co',
          status: 'assigned',
        }),
      );
    if (unsigned.length > 0 && !input.note) {
      throw invalidField(
        'body.note',
        `协办单位${unsigned.map((u) => u.name).join('、')}尚未签收，办结须写明理由`,
      );
    }
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
