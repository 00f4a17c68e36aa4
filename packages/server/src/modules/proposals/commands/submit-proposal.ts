import { and, eq, isNull } from 'drizzle-orm';
import { organisationProposers, plenarySessions, proposalProposers } from '../../../db/schema';
import { recordDuty } from '../../../lib/duty';
import { AppError } from '../../../lib/errors';
import { kindAt, organisationOutOfPlenary } from '../helpers';
import { link, notifyStaff } from '../recipients';
import { proposalCommand } from '../workflow';
import { columnsEqual } from '../../../lib/where';

/** The lead proposer submits; co-proposers who have not confirmed drop off. */
export const submitProposal = proposalCommand<{ version?: number }>(
  'submit',
  async ({ tx, proposal, from, now }) => {
    if (from === 'draft') {
      const [uninvited] = await tx
        .select({ id: proposalProposers.id })
        .from(proposalProposers)
        .where(
          and(
            eq(proposalProposers.proposalId, proposal.id),
            eq(proposalProposers.status, 'invited'),
            isNull(proposalProposers.invitedAt),
          ),
        )
        .limit(1);
      if (uninvited)
        throw new AppError('INVALID_TRANSITION', '提案列有联名提案人，请先发起联名邀请，或从名单中移除');
    }
    if (proposal.organisationProposerId) {
      const [org] = await tx
        .select()
        .from(organisationProposers)
        .where(eq(organisationProposers.id, proposal.organisationProposerId));
      const [session] = await tx
        .select()
        .from(plenarySessions)
        .where(eq(plenarySessions.id, proposal.sessionId));
      const outOfPlenary = org && session ? organisationOutOfPlenary(org, session, now) : null;
      if (outOfPlenary) throw new AppError('INVALID_TRANSITION', outOfPlenary);
    }
    const expired = await tx
      .update(proposalProposers)
      .set({ status: 'expired' })
      .where(columnsEqual(proposalProposers, { proposalId: proposal.id, status: 'invited' }))
      .returning({ id: proposalProposers.id });
    const kind = await kindAt(tx, proposal.sessionId, now);
    if (proposal.proposerType === 'member') {
      await recordDuty(tx, {
        committeeId: proposal.committeeId,
        memberId: proposal.leadMemberId,
        kind: 'proposal.submitted',
        sourceType: 'proposal',
        sourceId: proposal.id,
        role: 'lead',
        occurredOn: now,
      });
    }
    await notifyStaff(tx, proposal.committeeId, {
      kind: 'proposal.submitted',
      title: `新提案待审查：${proposal.title}`,
      link: link(proposal.id),
    });
    return {
      patch: { kind, submittedAt: now, returnComment: null },
      note: expired.length > 0 ? `${expired.length} 位未确认的联名人已移出` : null,
    };
  },
);
