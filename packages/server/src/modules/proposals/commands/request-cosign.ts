import { and, eq, isNull } from 'drizzle-orm';
import { formatDay } from '@cppcc/shared';
import { proposalProposers } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import { addDays, endOfChinaDay } from '../helpers';
import { link, notifyMembers } from '../recipients';
import { proposalCommand } from '../workflow';

const defaultCosignDays = 7;

/** The lead proposer sends the invitations; co-proposers confirm 附议 in their own queue before the deadline. */
export const requestCosign = proposalCommand(
  'requestCosign',
  async ({ tx, proposal, now, settings }, input: { deadline?: string; version?: number }) => {
    const deadline = input.deadline ? endOfChinaDay(input.deadline) : addDays(now, defaultCosignDays);
    if (deadline <= now) throw invalidField('body.deadline', '联名截止日期应晚于今天');
    const invited = await tx
      .update(proposalProposers)
      .set({ invitedAt: now, deadline })
      .where(
        and(
          eq(proposalProposers.proposalId, proposal.id),
          eq(proposalProposers.status, 'invited'),
          isNull(proposalProposers.invitedAt),
        ),
      )
      .returning({ memberId: proposalProposers.memberId });
    if (invited.length === 0) throw invalidField('body', '请先在提案中添加联名提案人');
    await notifyMembers(
      tx,
      proposal.committeeId,
      invited.map((i) => i.memberId),
      {
        kind: 'proposal.cosignInvited',
        title: `邀请您联名提案：${proposal.title}`,
        body: `请在 ${formatDay(deadline, settings.timeZone)} 前确认是否附议`,
        link: link(proposal.id),
      },
    );
    return { patch: { cosignDeadline: deadline }, note: `邀请 ${invited.length} 位委员联名` };
  },
);
