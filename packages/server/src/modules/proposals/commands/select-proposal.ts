import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { proposalSupervisions, proposals, users } from '../../../db/schema';
import { AppError, invalidField } from '../../../lib/errors';
import { notifyUsers } from '../../../lib/notify';
import { acceptedCount, recordProposerDuty, withdrawProposerDuty } from '../helpers';
import { link } from '../recipients';
import { proposalCommand } from '../workflow';

/** Staff nominate (or un-nominate) a key proposal with its supervising leaders; leaders approve the list. */
export const nominateKey = proposalCommand(
  'nominateKey',
  async ({ tx, proposal }, input: { key: boolean; supervisorUserIds: number[]; version?: number }) => {
    const ids = [...new Set(input.supervisorUserIds)];
    if (!input.key && ids.length > 0) throw invalidField('body.supervisorUserIds', '非重点提案不设督办领导');
    if (ids.length > 0) {
      const found = await tx
        .select({ id: users.id, roles: users.roles })
        .from(users)
        .where(and(eq(users.committeeId, proposal.committeeId), inArray(users.id, ids)));
      const bad = ids.filter(
        (id) => !found.some((u) => u.id === id && u.roles.some((r) => r === 'leader' || r === 'partyLeader')),
      );
      if (bad.length > 0) throw invalidField('body.supervisorUserIds', '督办领导应为主席会议成员或党政领导');
    }
    await tx.delete(proposalSupervisions).where(eq(proposalSupervisions.proposalId, proposal.id));
    if (ids.length > 0) {
      await tx.insert(proposalSupervisions).values(
        ids.map((leaderUserId) => ({
          committeeId: proposal.committeeId,
          proposalId: proposal.id,
          leaderUserId,
        })),
      );
    }
    if (!input.key && proposal.keyStatus === 'approved') {
      await withdrawProposerDuty(tx, proposal, 'proposal.key');
    }
    return {
      patch: { keyStatus: input.key ? 'nominated' : 'none' },
      note: input.key ? `提名重点提案，督办领导 ${ids.length} 人` : '取消重点提案',
    };
  },
);

export const approveKey = proposalCommand(
  'approveKey',
  async ({ tx, proposal, access, now }, input: { approve: boolean; version?: number }) => {
    if (proposal.keyStatus === 'none') throw new AppError('INVALID_TRANSITION', '该提案未被提名为重点提案');
    if (input.approve) {
      await recordProposerDuty(tx, proposal, access, 'proposal.key', now);
      await notifyUsers(tx, proposal.committeeId, access.supervisorUserIds, {
        kind: 'proposal.supervise',
        title: `请领衔督办重点提案：${proposal.title}`,
        link: link(proposal.id),
      });
    } else {
      await withdrawProposerDuty(tx, proposal, 'proposal.key');
    }
    return {
      patch: { keyStatus: input.approve ? 'approved' : 'none' },
      note: input.approve ? '审定为重点提案' : '未审定为重点提案',
    };
  },
);

/** Excellent proposals are capped (default 5% of the session's accepted proposals, at least one). */
export const nominateExcellent = proposalCommand(
  'nominateExcellent',
  async ({ tx, proposal, settings }, input: { excellent: boolean; version?: number }) => {
    if (input.excellent && proposal.excellentStatus === 'none') {
      const cap = Math.max(
        1,
        Math.floor(
          ((await acceptedCount(tx, proposal.sessionId)) * settings.excellentProposalCapPercent) / 100,
        ),
      );
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(proposals)
        .where(and(eq(proposals.sessionId, proposal.sessionId), ne(proposals.excellentStatus, 'none')));
      if ((row?.n ?? 0) >= cap) {
        throw new AppError(
          'INVALID_TRANSITION',
          `优秀提案不超过已立案提案的 ${settings.excellentProposalCapPercent}%（本次会议最多 ${cap} 件）`,
        );
      }
    }
    if (!input.excellent && proposal.excellentStatus === 'approved') {
      await withdrawProposerDuty(tx, proposal, 'proposal.excellent');
    }
    return {
      patch: { excellentStatus: input.excellent ? 'nominated' : 'none' },
      note: input.excellent ? '提名优秀提案' : '取消优秀提案',
    };
  },
);

export const approveExcellent = proposalCommand(
  'approveExcellent',
  async ({ tx, proposal, access, now }, input: { approve: boolean; version?: number }) => {
    if (proposal.excellentStatus === 'none')
      throw new AppError('INVALID_TRANSITION', '该提案未被提名为优秀提案');
    if (input.approve) await recordProposerDuty(tx, proposal, access, 'proposal.excellent', now);
    else await withdrawProposerDuty(tx, proposal, 'proposal.excellent');
    return {
      patch: { excellentStatus: input.approve ? 'approved' : 'none' },
      note: input.approve ? '审定为优秀提案' : '未审定为优秀提案',
    };
  },
);
