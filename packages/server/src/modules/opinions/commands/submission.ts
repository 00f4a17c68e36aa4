import { and, eq } from 'drizzle-orm';
import { opinionCoauthors } from '../../../db/schema';
import { notifyMembers, notifyRoles } from '../../../lib/recipients';
import { creditSubmission, withdrawSubmissionCredit } from '../ledger';
import { opinionCommand } from '../workflow';
import { checkOpinionText } from './author-opinion';

const link = (id: number) => `/opinions/${id}`;

/** 报送: the opinion goes to the committee's opinion staff; its authors earn `opinion.submitted`. */
export const submitOpinion = opinionCommand('submit', async ({ tx, record, settings, now }) => {
  // The limit may have been lowered since the draft was saved.
  checkOpinionText(settings, record);
  const submitted = { ...record, submittedAt: now };
  await creditSubmission(tx, submitted, now);
  await notifyRoles(tx, record.committeeId, ['opinionStaff'], {
    kind: 'opinion.submitted',
    title: `收到社情民意信息：${record.title}`,
    link: link(record.id),
  });
  const invited = await tx
    .select({ memberId: opinionCoauthors.memberId })
    .from(opinionCoauthors)
    .where(and(eq(opinionCoauthors.opinionId, record.id), eq(opinionCoauthors.status, 'invited')));
  await notifyMembers(
    tx,
    record.committeeId,
    invited.map((c) => c.memberId),
    {
      kind: 'opinion.coauthorInvited',
      title: `邀请您联名社情民意信息：${record.title}`,
      link: link(record.id),
    },
  );
  return { patch: { submittedAt: now, returnComment: null } };
});

/** The author takes the opinion back before editing starts; the submission credit goes with it. */
export const withdrawOpinion = opinionCommand(
  'withdraw',
  async ({ tx, record }, input: { reason?: string }) => {
    await withdrawSubmissionCredit(tx, record);
    return { note: input.reason || null };
  },
);

/** An invited co-author confirms (and is credited from then on) or declines. */
export const respondCoauthor = opinionCommand(
  'respondCoauthor',
  async ({ tx, ctx, record, now }, input: { confirm: boolean; version?: number }) => {
    const memberId = ctx.actor.memberId!;
    await tx
      .update(opinionCoauthors)
      .set({ status: input.confirm ? 'confirmed' : 'declined', respondedAt: now })
      .where(and(eq(opinionCoauthors.opinionId, record.id), eq(opinionCoauthors.memberId, memberId)));
    if (input.confirm && record.state !== 'draft') await creditSubmission(tx, record, now);
    return { note: input.confirm ? '确认联名' : '谢绝联名' };
  },
);
