import { rejectionDispositionLabels, type rejectionDispositions } from '@cppcc/shared';
import { invalidField } from '../../../lib/errors';
import { emit } from '../../../lib/events';
import { checkUnits } from '../helpers';
import { link, notifyMembers } from '../recipients';
import { reviewDecision } from '../workflow';

export interface RejectInput {
  ground: string;
  reason: string;
  disposition: (typeof rejectionDispositions)[number];
  forwardUnitId?: number;
  version?: number;
}

/** 不予立案 with a configured ground, a written reason and a disposition; the proposers are told why. */
export const rejectProposal = reviewDecision(
  'reject',
  async ({ tx, proposal, access, settings }, input: RejectInput) => {
    if (!settings.rejectionGrounds.includes(input.ground)) {
      throw invalidField('body.ground', `不予立案理由应为：${settings.rejectionGrounds.join('；')}`);
    }
    if (input.disposition === 'forwardSuggestion') {
      if (!input.forwardUnitId) throw invalidField('body.forwardUnitId', '请选择转送的部门');
      await checkUnits(tx, proposal.committeeId, [input.forwardUnitId], 'body.forwardUnitId');
      await emit(tx, 'proposal.forwardedAsSuggestion', {
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        unitId: input.forwardUnitId,
        title: proposal.title,
        content: proposal.content,
      });
    } else if (input.forwardUnitId) {
      throw invalidField('body.forwardUnitId', '只有“作为意见建议转有关部门”时才选择部门');
    }
    if (input.disposition === 'convertToOpinion') {
      await emit(tx, 'proposal.convertedToOpinion', {
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        memberId: proposal.leadMemberId,
        title: proposal.title,
        content: proposal.content,
        reason: input.reason,
      });
    }
    await notifyMembers(tx, proposal.committeeId, access.proposerMemberIds, {
      kind: 'proposal.rejected',
      title: `提案不予立案：${proposal.title}`,
      body: `理由：${input.ground}。${input.reason}（处理方式：${rejectionDispositionLabels[input.disposition]}）`,
      link: link(proposal.id),
    });
    return {
      patch: {
        rejectionGround: input.ground,
        rejectionReason: input.reason,
        rejectionDisposition: input.disposition,
        forwardUnitId: input.forwardUnitId ?? null,
      },
      note: `${input.ground}；${rejectionDispositionLabels[input.disposition]}`,
    };
  },
);
